// A text field that offers the departments the project's workbook names (the core's
// workbook/departments) as suggestions while typing; what the learner types stays free.
import { el } from "./dom.js";
import { call, workbookRequest } from "./workbook-requests.js";

export function suggestDepartments(input) {
  const list = el("datalist", { id: `${input.id}-departments` });
  input.setAttribute("list", list.id);
  // Asked each time the field is entered, so departments added in another tool (or tab) show up.
  input.addEventListener("focus", async () => {
    try {
      const response = await call(workbookRequest("departments"));
      if (response.ok) list.replaceChildren(...response.result.departments.map((d) => el("option", { value: d.department })));
    } catch (error) {
      // without the core, no suggestions: the field works as before
    }
  });
  return list;
}

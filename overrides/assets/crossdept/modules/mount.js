// Mounting: every worksheet element on the page gets the renderer of its kind. A new kind of
// worksheet adds its renderer here (tests/site checks every kind the core defines has one).
import { startCore } from "./core-client.js";
import { el } from "./dom.js";
import { mountCapability } from "./kinds/capability.js";
import { mountForm } from "./kinds/form.js";
import { mountJournal } from "./kinds/journal.js";
import { mountQuiz } from "./kinds/quiz.js";
import { mountTable } from "./kinds/table.js";
import { mountWorkbook } from "./kinds/workbook.js";

export const KINDS = {
  form: mountForm,
  table: mountTable,
  workbook: mountWorkbook,
  quiz: mountQuiz,
  journal: mountJournal,
  capability: mountCapability,
};

export function mountWorksheets() {
  for (const root of document.querySelectorAll(".cd-worksheet:not([data-mounted])")) {
    root.dataset.mounted = "true";
    try {
      const definition = JSON.parse(root.dataset.definition);
      const mount = KINDS[definition.kind];
      if (!mount) throw new Error(`未知的工作表类型 ${definition.kind}`);
      mount(root, definition);
      startCore();
    } catch (error) {
      root.dataset.core = "failed";
      root.append(el("p", { class: "cd-error", text: `工作表无法显示：${error.message}` }));
    }
  }
}

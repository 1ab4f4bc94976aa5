// The bar at the top of every workbook page: which project this is (switch or start another) and
// links to the project's other tools, so its tables and forms read as one workbook.
import { el } from "./dom.js";
import { pageOf, siteUrl } from "./manifest.js";
import * as store from "./workbook-store.js";

// The workbook's pages in the order the bar lists them: the workbook, its tables, its forms (the core's order).
const TOOLS = ["workbook", ...store.SHEETS, ...store.FORMS];

// here: the id of this page's tool ("resources", "workbook", …), marked as the current page.
export function projectBar(root, here) {
  const uid = `cd-project-${here}`;
  const select = el("select", { id: uid, class: "cd-project-select" });
  select.addEventListener("change", () => store.switchTo(select.value));

  const nameInput = el("input", { id: `${uid}-new`, type: "text", autocomplete: "off", placeholder: "例如 智能服务升级", maxlength: "200" });
  const create = () => {
    const name = nameInput.value.trim();
    store.createProject(store.blankWorkbook(name));
    nameInput.value = "";
    form.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
  };
  nameInput.addEventListener("keydown", (event) => event.key === "Enter" && (event.preventDefault(), create()));
  const form = el("div", { class: "cd-project-new", hidden: "" },
    el("label", { for: `${uid}-new`, text: "新项目名称" }), nameInput,
    el("button", { type: "button", class: "md-button md-button--primary", onclick: create, text: "创建" }),
    el("button", { type: "button", class: "md-button", text: "取消", onclick: () => { form.hidden = true; toggle.setAttribute("aria-expanded", "false"); } }));
  const toggle = el("button", { type: "button", class: "md-button cd-project-add", "aria-expanded": "false", text: "新建项目" });
  toggle.addEventListener("click", () => {
    form.hidden = !form.hidden;
    toggle.setAttribute("aria-expanded", String(!form.hidden));
    if (!form.hidden) nameInput.focus();
  });

  const tools = el("ul", { class: "cd-tools" });
  for (const id of TOOLS) {
    const link = el("a", { href: siteUrl(pageOf(id).url), text: pageOf(id).title });
    if (id === here) link.setAttribute("aria-current", "page");
    tools.append(el("li", {}, link));
  }

  const bar = el("nav", { class: "cd-projectbar", "aria-label": "项目与工具" },
    el("div", { class: "cd-project-pick" }, el("label", { for: uid, text: "当前项目" }), select, toggle),
    form, tools);

  // Drawn again only when the list or the choice changed: a keystroke in a table is saved through
  // the store too, and replacing the options each time cost every keystroke a layout.
  let shown = "";
  function render() {
    const current = store.current();
    const next = JSON.stringify([current.id, store.projects().map((p) => [p.id, store.label(p)])]);
    if (next === shown) return;
    shown = next;
    select.replaceChildren(...store.projects().map((p) => {
      const option = el("option", { value: p.id, text: store.label(p) });
      option.selected = p.id === current.id;
      return option;
    }));
  }

  store.subscribe((state, source) => {
    if (!root.isConnected) return false; // the page was swapped by instant navigation
    if (source !== "cell" || document.activeElement !== select) render();
    return true;
  });
  render();
  return bar;
}

// Worksheet kind "workbook": the learner's projects. Name the project and its value, see what each
// tool holds, load the course's worked example, download or copy the whole workbook and its report,
// print it, and import a workbook file (checked by the core first; replacing asks first).
import { coreStatus } from "../core-client.js";
import { trackCore } from "../core-status.js";
import { today } from "../course.js";
import { el } from "../dom.js";
import * as files from "../files.js";
import { pageOf, siteUrl } from "../manifest.js";
import { printBook } from "../print-book.js";
import { projectBar } from "../project-bar.js";
import { importWorkbook } from "../workbook-import.js";
import { call, workbookRequest } from "../workbook-requests.js";
import * as store from "../workbook-store.js";
import { downloadXlsx } from "../workbook-xlsx.js";

export function mountWorkbook(root, definition) {
  const DEBOUNCE_MS = 250;
  const FIELDS = [
    { key: "name", label: "项目名称", placeholder: "例如 智能服务升级", help: "出现在每张表、导出文件名和报告的标题里。" },
    { key: "value", label: "项目价值", placeholder: "例如 预计客户满意度提升15分，年度价值约2000万",
      help: "一句话讲清项目值多少，最好带一个数字；交换话术和升级简报会引用它。留空时使用价值量化计算器算出的结果。" },
    { key: "sponsor", label: "升级对象", placeholder: "例如 CEO", help: "需要升级时，升级简报写给谁；留空时称“领导”。" },
  ];

  const status = el("p", { class: "cd-status", role: "status" });
  const notice = el("p", { class: "cd-notice", role: "status", hidden: "" });
  const saveNote = el("p", { class: "cd-save-note", "aria-live": "polite" });
  const inputs = new Map();
  const errors = new Map();
  const info = el("form", { class: "cd-form", novalidate: "", onsubmit: (e) => e.preventDefault() }, ...FIELDS.map((f) => {
    const id = `cd-workbook-${f.key}`;
    const input = el(f.key === "value" ? "textarea" : "input", { id, autocomplete: "off", placeholder: f.placeholder, "aria-describedby": `${id}-help ${id}-error` });
    if (f.key !== "value") input.setAttribute("type", "text");
    input.addEventListener("input", () => store.setProjectField(f.key, input.value));
    inputs.set(f.key, input);
    const error = el("p", { class: "cd-error", id: `${id}-error`, hidden: "" });
    errors.set(f.key, error);
    return el("div", { class: "cd-field", "data-field": f.key }, el("label", { for: id, text: f.label }),
      el("div", { class: "cd-input" }, input), el("p", { class: "cd-help", id: `${id}-help`, text: f.help }), error);
  }));

  // ---- the project's tools at a glance -----------------------------------------------------
  const overview = el("ul", { class: "cd-overview" });
  function renderOverview(problems = []) {
    const book = store.current().workbook;
    overview.replaceChildren(...[...store.SHEETS, ...store.FORMS].map((id) => {
      const count = store.FORMS.includes(id)
        ? (Object.values(book.worksheets[id]).some((v) => String(v ?? "").trim()) ? "已填写" : "未填写")
        : `${book.worksheets[id].rows.filter((r) => Object.entries(r).some(([k, v]) => k !== "_id" && String(v ?? "").trim())).length} 行`;
      const bad = problems.filter((p) => p.field.startsWith(`worksheets.${id}.`)).length;
      return el("li", { "data-sheet": id }, el("a", { href: siteUrl(pageOf(id).url), text: pageOf(id).title }),
        el("span", { class: "cd-count", text: count }),
        bad ? el("span", { class: "cd-tag cd-flag-error", text: `${bad} 处需要修改` }) : null);
    }));
  }

  // ---- worked example and deleting -----------------------------------------------------------
  const exampleNote = el("p", { class: "cd-save-note", "aria-live": "polite" });
  const isEmpty = (project) => !project.workbook.project.name && store.SHEETS.every((s) => !project.workbook.worksheets[s].rows.length)
    && store.FORMS.every((f) => !Object.values(project.workbook.worksheets[f]).some((v) => String(v ?? "").trim()));
  const loadExample = el("button", { type: "button", class: "md-button md-button--primary", text: "载入课程示例（智能服务升级）" });
  loadExample.addEventListener("click", async () => {
    exampleNote.textContent = "正在载入……";
    let response;
    try {
      response = await call({ worksheet: "workbook", action: "example", data: definition.example, today: today() });
    } catch (error) {
      exampleNote.textContent = `暂时无法载入示例：${error.message}`;
      return;
    }
    if (!response.ok) {
      exampleNote.textContent = `无法载入示例：${response.errors.map((e) => e.message).join("；")}`;
      return;
    }
    const example = response.result.workbook;
    if (isEmpty(store.current())) store.replaceWorkbook(example);
    else store.createProject(example);
    exampleNote.textContent = "已载入课程示例，日期已换算到今天前后。打开上面的三张表看看工具给出的分析。";
  });
  const confirmDelete = el("div", { class: "cd-ask", hidden: "" });
  const remove = el("button", { type: "button", class: "md-button", text: "删除这个项目" });
  remove.addEventListener("click", () => {
    const project = store.current();
    confirmDelete.replaceChildren(el("p", { text: `删除项目“${store.label(project)}”和它的全部内容？删除后无法恢复，建议先下载 JSON 备份。` }),
      el("button", { type: "button", class: "md-button cd-danger", text: "确定删除", onclick: () => { store.deleteProject(project.id); confirmDelete.hidden = true; } }),
      el("button", { type: "button", class: "md-button", text: "取消", onclick: () => (confirmDelete.hidden = true) }));
    confirmDelete.hidden = false;
  });

  // ---- out: JSON, report, print ----------------------------------------------------------------
  const exportNote = el("p", { class: "cd-save-note", "aria-live": "polite" });
  const safeName = (text) => text.replace(/[\\/:*?"<>|\x00-\x1f]+/g, "_").replace(/^[ ._]+|[ ._]+$/g, "").slice(0, 60);
  function downloadJson() {
    // Written here from the stored data, not by the core: the backup must work even without Python.
    const book = store.toWorkbook();
    const filename = [safeName(book.project.name || ""), "工作簿", today()].filter(Boolean).join("-") + ".json";
    files.download(JSON.stringify(book, null, 2) + "\n", filename);
    exportNote.textContent = `已下载 ${filename}`;
  }
  async function report(copy) {
    let response;
    try {
      response = await call(workbookRequest("report"));
    } catch (error) {
      exportNote.textContent = `暂时无法生成报告：${error.message}“下载整个工作簿（JSON）”照常可用。`;
      return;
    }
    if (!response.ok) {
      exportNote.textContent = `无法生成报告：${response.errors.map((e) => e.message).join("；")}`;
      return;
    }
    if (copy) exportNote.textContent = (await files.copyText(response.result.text)) ? "已复制协调报告（Markdown）。" : "无法自动复制，请改用下载。";
    else {
      files.download(response.result.text, response.result.filename);
      exportNote.textContent = `已下载 ${response.result.filename}`;
    }
  }
  const printView = el("div", { class: "cd-print-only cd-print-book", "aria-hidden": "true" });

  // ---- in: import ------------------------------------------------------------------------------
  const importMessage = el("div", { class: "cd-import-message", role: "alert" });
  const picker = el("input", { id: "cd-workbook-import", type: "file", accept: ".json,.csv,.xlsx,application/json,text/csv" });
  picker.addEventListener("change", async () => {
    const file = picker.files[0];
    picker.value = ""; // choosing the same file again still fires
    if (file) await importWorkbook(file, importMessage);
  });

  root.replaceChildren(
    el("div", { class: "cd-head" }, el("h2", { class: "cd-title", text: definition.title }),
      definition.description ? el("p", { class: "cd-description", text: definition.description }) : null),
    projectBar(root, "workbook"), status, notice,
    el("h3", { class: "cd-section-title", text: "项目信息" }), info, saveNote,
    el("h3", { class: "cd-section-title", text: "这个项目的工具" }), overview,
    el("div", { class: "cd-actions" }, loadExample, remove, exampleNote), confirmDelete,
    el("h3", { class: "cd-section-title", text: "导出、打印与备份" }),
    el("div", { class: "cd-actions" },
      el("button", { type: "button", class: "md-button", text: "下载 Excel（.xlsx）",
        onclick: () => downloadXlsx((text) => (exportNote.textContent = text), { fallback: "“下载整个工作簿（JSON）”照常可用。" }) }),
      el("button", { type: "button", class: "md-button", text: "下载整个工作簿（JSON）", onclick: downloadJson }),
      el("button", { type: "button", class: "md-button", text: "下载协调报告（Markdown）", onclick: () => report(false) }),
      el("button", { type: "button", class: "md-button", text: "复制协调报告", onclick: () => report(true) }),
      el("button", { type: "button", class: "md-button", text: "打印整个工作簿", onclick: () => window.print() })),
    exportNote,
    el("h3", { class: "cd-section-title", text: "导入工作簿" }),
    el("div", { class: "cd-field cd-import" }, el("label", { for: "cd-workbook-import", text: "选择之前下载的工作簿（.json 备份，或 .xlsx、.csv 表格，最大 2 MB）" }), picker,
      el("p", { class: "cd-help", text: "表格文件的第一行应是表头，和导出的文件一样；UTF-8 或 GBK 编码的 CSV 都可以。文件先经过检查，格式不对、版本更新或太大的文件会被拒绝，当前内容不受影响。替换前会先问你。" })),
    importMessage,
    printView);

  // ---- keeping up ------------------------------------------------------------------------------
  function fill() {
    const project = store.current().workbook.project;
    inputs.forEach((input, key) => {
      if (document.activeElement !== input) input.value = project[key] || "";
    });
    renderOverview();
  }

  let timer = null;
  let generation = 0;
  async function compute() {
    const mine = ++generation;
    const check = await call(workbookRequest("check"));
    if (mine !== generation) return;
    errors.forEach((slot, key) => {
      const found = check.ok ? [] : check.errors.filter((e) => e.field === `project.${key}`);
      slot.textContent = found.map((e) => e.message).join("；");
      slot.hidden = !found.length;
      inputs.get(key).toggleAttribute("aria-invalid", found.length > 0);
    });
    renderOverview(check.ok ? check.result.problems : []);
    const tables = await call(workbookRequest("tables"));
    if (mine === generation && tables.ok) printBook(printView, tables.result);
    root.dataset.computed = String(mine);
  }
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => coreStatus().state !== "failed" && compute().catch(() => {}), DEBOUNCE_MS);
  }

  store.subscribe((state, source) => {
    if (!root.isConnected) return false;
    saveNote.textContent = store.lastSaveFailed() ? "无法保存到浏览器（存储已满或被禁用）：请马上下载 JSON 备份。" : "已自动保存在本机浏览器";
    if (source === "other-tab") {
      notice.textContent = "另一个标签页刚刚修改了这个工作簿，这里已载入最新内容。";
      notice.hidden = false;
    }
    fill();
    store.persist();
    schedule();
    return true;
  });

  const storageNote = el("p", { class: "cd-help" });
  store.persist().then((kept) => {
    storageNote.textContent = kept
      ? "浏览器已同意长期保存本站的数据，空间紧张时也不会自动清除。"
      : "浏览器没有承诺长期保存本站的数据（空间紧张或清理浏览记录时可能被清除），建议定期下载 JSON 备份。";
  });
  saveNote.after(storageNote);
  if (store.loadNotice()) {
    notice.textContent = store.loadNotice();
    notice.hidden = false;
  }
  fill();
  trackCore(root, status);
  schedule();
}

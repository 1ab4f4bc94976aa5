// A workbook table's files and print view: CSV, Excel (this tool's sheet of the workbook's .xlsx),
// Markdown (downloaded or copied), the tracker's calendar, and the printed table with the core's
// last notes. A row the core cannot read does not hold the others back: they are exported, and
// the note says which row was left out (the Excel file keeps every row as typed, and says so).
import { today } from "../course.js";
import { el } from "../dom.js";
import * as files from "../files.js";
import { callWithValidRows, leftOut } from "../results/valid-rows.js";
import { call, sheetRequest } from "../workbook-requests.js";
import * as store from "../workbook-store.js";
import { downloadXlsx, hasXlsx } from "../workbook-xlsx.js";

// showProblems(errors): the page shows a refusal's errors at their cells.
export function tableOutput(root, definition, showProblems) {
  const sheet = definition.id;
  const rows = () => store.current().workbook.worksheets[sheet].rows;
  const exportNote = el("p", { class: "cd-save-note", "aria-live": "polite" });
  const printView = el("div", { class: "cd-print-only", "aria-hidden": "true" });
  let printNotes = []; // the core's last flags and errors as lines, for the printed table

  async function exportFile(kind) {
    exportNote.textContent = "正在生成……";
    let answer;
    try {
      const request = kind === "calendar" ? sheetRequest(sheet, "calendar") : sheetRequest(sheet, "export", { format: kind === "copy" ? "markdown" : kind });
      answer = await callWithValidRows(call, request);
    } catch (error) {
      exportNote.textContent = `暂时无法导出：${error.message}可以到“项目工作簿”页下载整个工作簿的 JSON 备份。`;
      return;
    }
    const { response, errors } = answer;
    if (!response.ok) {
      showProblems(response.errors);
      exportNote.textContent = "表格里还有标红的地方，改好后再导出。";
      return;
    }
    // A bad row does not hold the others back: they are exported, and the note says which row was left out.
    const left = leftOut(errors);
    const without = left ? `；${left}有标红的格子，没有导出，改好后再导出一次即可` : "";
    const { text, filename } = response.result;
    if (kind === "copy") {
      exportNote.textContent = (await files.copyText(text)) ? `已复制 Markdown，可以直接粘贴进报告或聊天${without}。` : "无法自动复制，请改用“下载 Markdown”。";
    } else if (kind === "calendar" && !response.result.events) {
      exportNote.textContent = `没有需要跟进的部门，日历文件里不会有提醒${without}。`;
    } else {
      files.download(text, filename);
      exportNote.textContent = `已下载 ${filename}${without}。`;
    }
  }

  // The printed table is rebuilt when the browser is idle, not in the task that shows the results:
  // at 50 rows it is a second table's worth of DOM after every answer. Printing builds it at once.
  let printQueued = false;
  function printLater() {
    if (printQueued) return;
    printQueued = true;
    const build = () => {
      printQueued = false;
      if (root.isConnected) renderPrint();
    };
    if (window.requestIdleCallback) window.requestIdleCallback(build, { timeout: 1000 });
    else setTimeout(build, 200);
  }
  window.addEventListener("beforeprint", () => root.isConnected && renderPrint());

  function renderPrint() {
    const project = store.current();
    const columns = definition.columns;
    const shown = (c, value) => {
      const choice = c.type === "choice" && (c.choices || []).find((x) => typeof x === "object" && x.value === value);
      return choice ? choice.label : String(value ?? "");
    };
    printView.replaceChildren(
      el("h2", { text: `${definition.title} · ${store.label(project)}` }),
      el("p", { text: `打印日期：${today()}` }),
      el("table", { class: "cd-print-table" },
        el("thead", {}, el("tr", {}, el("th", { text: "#" }), ...columns.map((c) => el("th", { text: c.label })))),
        el("tbody", {}, ...rows().map((row, i) => el("tr", {}, el("td", { text: String(i + 1) }), ...columns.map((c) => el("td", { text: shown(c, row[c.key]) })))))),
      printNotes.length ? el("ul", { class: "cd-print-notes" }, ...printNotes.map((n) => el("li", { text: n }))) : ""); // replaceChildren prints a null as "null"
  }

  const exportBar = el("div", { class: "cd-actions cd-export" },
    el("button", { type: "button", class: "md-button", text: "下载 CSV（Excel）", onclick: () => exportFile("csv") }),
    hasXlsx(sheet) ? el("button", { type: "button", class: "md-button", text: "下载 Excel（.xlsx）",
      onclick: () => downloadXlsx((text) => (exportNote.textContent = text), { sheet, fallback: "可以先用“下载 CSV（Excel）”。" }) }) : null,
    el("button", { type: "button", class: "md-button", text: "下载 Markdown", onclick: () => exportFile("markdown") }),
    el("button", { type: "button", class: "md-button", text: "复制 Markdown", onclick: () => exportFile("copy") }),
    el("button", { type: "button", class: "md-button", text: "打印本表", onclick: () => window.print() }),
    exportNote);

  return {
    bar: exportBar, printView, exportFile, printLater,
    setNotes: (notes) => {
      printNotes = notes;
    },
  };
}

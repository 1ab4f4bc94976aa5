// Worksheet kind "table": one of the workbook's three tools (资源需求清单, 价值交换矩阵, 协调进度追踪表)
// for the current project. Every edit goes to the project store at once; after a short pause the
// core analyses the table and its answer appears under it: flags at their rows, the tool's panel
// (lib/results-<tool>.js), departments from the other tools as ready rows. Without the core the
// table still edits and saves, and says the analysis is unavailable.
import { trackCore } from "../core-status.js";
import { today } from "../course.js";
import { el } from "../dom.js";
import * as files from "../files.js";
import { grid as makeGrid } from "../grid.js";
import { manifest } from "../manifest.js";
import { projectBar } from "../project-bar.js";
import * as R from "../results/common.js";
import { exchangePanel } from "../results/exchange.js";
import { resourcesPanel } from "../results/resources.js";
import { trackerPanel } from "../results/tracker.js";
import { call, sheetRequest, workbookRequest } from "../workbook-requests.js";
import * as store from "../workbook-store.js";

const PANELS = { resources: resourcesPanel, exchange: exchangePanel, tracker: trackerPanel };

export function mountTable(root, definition) {
  const DEBOUNCE_MS = 250;
  const sheet = definition.id;
  const labels = Object.fromEntries(definition.columns.map((c) => [c.key, c.label]));

  let timer = null;
  let generation = 0;
  let ready = []; // departments the other tools name and this one lacks: [{department, owner}]
  let lastIds = []; // row ids in the order of the last request, to place the core's answers
  let printNotes = []; // the core's last flags as lines, for the printed table
  const deleted = []; // rows deleted on this page, newest last, for undo

  const rows = () => store.current().workbook.worksheets[sheet].rows;
  const status = el("p", { class: "cd-status", role: "status" });
  const notice = el("p", { class: "cd-notice", role: "status", hidden: "" });
  const saveNote = el("p", { class: "cd-save-note", "aria-live": "polite" });
  const general = el("div", { class: "cd-error cd-general", role: "alert", hidden: "" });
  const undoBar = el("p", { class: "cd-undo", hidden: "" });
  const sheetFlags = el("div", { class: "cd-sheet-flags" });
  const panel = el("div", { class: "cd-panel", "aria-live": "polite" });
  const exportNote = el("p", { class: "cd-save-note", "aria-live": "polite" });
  const printView = el("div", { class: "cd-print-only", "aria-hidden": "true" });

  const grid = makeGrid(definition, {
    edit: (rowId, key, value) => store.setCell(sheet, rowId, key, value),
    move: (rowId, by) => store.moveRow(sheet, rowId, by),
    remove: (rowId) => {
      const index = rows().findIndex((r) => r._id === rowId);
      const removed = store.deleteRow(sheet, rowId);
      if (removed) deleted.push(removed);
      showUndo(index + 1);
    },
    adopt: (readyRow, key, value) => {
      const cells = { department: readyRow.department, owner: readyRow.owner || "" };
      if (key) cells[key] = value;
      ready = ready.filter((r) => r !== readyRow);
      const id = store.addRow(sheet, cells);
      grid.focusCell(id, key || definition.columns.find((c) => !cells[c.key])?.key, { start: value.length, end: value.length });
    },
    skip: (readyRow) => {
      ready = ready.filter((r) => r !== readyRow);
      store.skip(sheet, readyRow.department);
    },
  });

  function showUndo(number) {
    const last = deleted[deleted.length - 1];
    if (!last) {
      undoBar.hidden = true;
      return;
    }
    const name = last.row[definition.columns[0].key] || last.row.department || "";
    undoBar.replaceChildren(el("span", { text: `已删除第 ${number || last.index + 1} 行${name ? `“${name}”` : ""}。` }),
      el("button", { type: "button", class: "md-button", text: "撤销删除", onclick: () => {
        store.restoreRow(sheet, deleted.pop());
        showUndo();
      } }));
    undoBar.hidden = false;
  }

  const renderGrid = () => grid.render(rows(), ready);

  const add = el("button", { type: "button", class: "md-button md-button--primary", text: "添加一行" });
  add.addEventListener("click", () => grid.focusCell(store.addRow(sheet, {})));

  const help = el("details", { class: "cd-column-help" }, el("summary", { text: "每一列怎么填" }),
    el("dl", {}, ...definition.columns.flatMap((c) => [el("dt", { text: c.label }), el("dd", { text: c.help || c.placeholder || "" })])));

  // ---- the core's answer ------------------------------------------------------------------
  async function compute() {
    const mine = ++generation;
    const ids = rows().map((r) => r._id);
    let response;
    try {
      response = await call(sheetRequest(sheet, definition.action));
    } catch (error) {
      if (mine === generation) unavailable(error);
      return;
    }
    const topics = manifest.topics;
    if (mine !== generation) return; // a newer edit already asked
    lastIds = ids;
    if (response.ok) {
      grid.showErrors([], ids);
      showGeneral([]);
      const { nodes, sheet: sheetWide } = R.byRow(el, response.result.flags, ids, topics);
      grid.showUnderRows(nodes);
      R.morph(sheetFlags, sheetWide.length ? [R.flagList(el, sheetWide, topics)] : []);
      const tool = PANELS[sheet];
      R.morph(panel, tool ? tool(response.result, context(topics)) : []);
      printNotes = response.result.flags.map((f) => (f.row === null ? f.message : `第 ${f.row + 1} 行：${f.message}`));
    } else {
      showGeneral(grid.showErrors(response.errors, ids));
      grid.showUnderRows(new Map());
      sheetFlags.replaceChildren();
      panel.replaceChildren(el("p", { class: "cd-card-note", text: "表格里标红的地方改好后，分析结果会马上更新。" }));
      printNotes = response.errors.map((e) => e.message);
    }
    renderPrint();
    await refreshReady(mine);
    root.dataset.computed = String(mine);
  }

  async function refreshReady(mine) {
    const response = await call(workbookRequest("departments"));
    if (mine !== generation || !response.ok) return;
    const fresh = response.result.missing[sheet];
    if (JSON.stringify(fresh) !== JSON.stringify(ready)) {
      ready = fresh;
      renderGrid();
    }
  }

  function unavailable(error) {
    const why = error && error.message ? error.message : "计算核心没能启动。";
    panel.replaceChildren(el("p", { class: "cd-card-note", text: `分析结果暂时无法显示：${why}表格照常编辑，内容已保存在本机。` }),
      el("button", { type: "button", class: "md-button cd-retry-core", text: "重试", onclick: () => schedule() }));
    root.dataset.computed = "unavailable";
  }

  function showGeneral(problems) {
    general.replaceChildren(...problems.map((p) => el("p", { text: p.field.startsWith("rows[") ? `第 ${Number(/\d+/.exec(p.field)[0]) + 1} 行：${p.message}` : p.message })));
    general.hidden = problems.length === 0;
  }

  function context(topics) {
    return {
      el, topics, today: today(), label: (key) => labels[key] || key,
      // A suggestion joins what the cell already says, separated as the core splits lists (、).
      addText: (index, key, text) => {
        const row = rows().find((r) => r._id === lastIds[index]);
        if (!row) return;
        const before = String(row[key] || "").trim();
        store.setCell(sheet, row._id, key, before ? `${before}、${text}` : text);
        renderGrid();
        schedule();
      },
      calendar: () => exportFile("calendar"),
    };
  }

  // ---- exports and print -------------------------------------------------------------------
  async function exportFile(kind) {
    exportNote.textContent = "正在生成……";
    let response;
    try {
      const request = kind === "calendar" ? sheetRequest(sheet, "calendar") : sheetRequest(sheet, "export", { format: kind === "copy" ? "markdown" : kind });
      response = await call(request);
    } catch (error) {
      exportNote.textContent = `暂时无法导出：${error.message}可以到“项目工作簿”页下载整个工作簿的 JSON 备份。`;
      return;
    }
    if (!response.ok) {
      showGeneral(grid.showErrors(response.errors, rows().map((r) => r._id)));
      exportNote.textContent = "表格里还有标红的地方，改好后再导出。";
      return;
    }
    const { text, filename } = response.result;
    if (kind === "copy") {
      exportNote.textContent = (await files.copyText(text)) ? "已复制 Markdown，可以直接粘贴进报告或聊天。" : "无法自动复制，请改用“下载 Markdown”。";
    } else if (kind === "calendar" && !response.result.events) {
      exportNote.textContent = "没有需要跟进的部门，日历文件里不会有提醒。";
    } else {
      files.download(text, filename);
      exportNote.textContent = `已下载 ${filename}`;
    }
  }

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
    el("button", { type: "button", class: "md-button", text: "下载 Markdown", onclick: () => exportFile("markdown") }),
    el("button", { type: "button", class: "md-button", text: "复制 Markdown", onclick: () => exportFile("copy") }),
    el("button", { type: "button", class: "md-button", text: "打印本表", onclick: () => window.print() }),
    exportNote);

  root.replaceChildren(
    el("div", { class: "cd-head" }, el("h2", { class: "cd-title", text: definition.title }),
      definition.description ? el("p", { class: "cd-description", text: definition.description }) : null),
    projectBar(root, sheet), status, notice, help, grid.element, printView,
    el("div", { class: "cd-actions" }, add, undoBar, saveNote), general,
    el("section", { class: "cd-results", "aria-label": `${definition.title}的分析结果` },
      el("h3", { class: "cd-results-title", text: "分析结果" }), sheetFlags, panel),
    exportBar);

  // ---- keeping up with the store -------------------------------------------------------------
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      renderPrint();
      compute().catch(unavailable);
    }, DEBOUNCE_MS);
  }

  store.subscribe((state, source) => {
    if (!root.isConnected) return false; // the page was swapped by instant navigation
    saveNote.textContent = store.lastSaveFailed()
      ? "无法保存到浏览器（存储已满或被禁用）：请到“项目工作簿”页下载 JSON 备份，以免丢失。"
      : "已自动保存在本机浏览器";
    if (source === "switch") {
      deleted.length = 0;
      ready = [];
      showUndo();
    }
    if (source === "other-tab") {
      notice.textContent = "另一个标签页刚刚修改了这个工作簿，这里已载入最新内容。";
      notice.hidden = false;
    }
    if (source !== "cell") renderGrid();
    store.persist();
    schedule();
    return true;
  });

  if (store.loadNotice()) {
    notice.textContent = store.loadNotice();
    notice.hidden = false;
  }
  renderGrid();
  trackCore(root, status);
  schedule();
}

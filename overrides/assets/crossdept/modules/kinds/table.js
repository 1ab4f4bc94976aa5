// Worksheet kind "table": one of the workbook's three tools (资源需求清单, 价值交换矩阵, 协调进度追踪表)
// for the current project. Every edit goes to the project store at once (and to the undo history);
// the core then analyses the table and its answer appears under it: flags at their rows, the
// tool's panel (results/<tool>.js), departments from the other tools as ready rows. A row the core
// cannot read shows its errors at its cells while the other rows keep their analysis; results not
// yet recomputed after an edit are marked and cannot be copied. Without the core the table still
// edits and saves, and says the analysis is unavailable.
import { trackCore } from "../core-status.js";
import { today } from "../course.js";
import { el } from "../dom.js";
import { grid as makeGrid } from "../grid.js";
import { history as makeHistory } from "../grid-history.js";
import { manifest } from "../manifest.js";
import { projectBar } from "../project-bar.js";
import * as R from "../results/common.js";
import { exchangePanel } from "../results/exchange.js";
import { resourcesPanel } from "../results/resources.js";
import { trackerPanel } from "../results/tracker.js";
import { callWithValidRows, leftOut } from "../results/valid-rows.js";
import { call, sheetRequest, workbookRequest } from "../workbook-requests.js";
import * as store from "../workbook-store.js";
import { tableOutput } from "./table-output.js";

const PANELS = { resources: resourcesPanel, exchange: exchangePanel, tracker: trackerPanel };

export function mountTable(root, definition) {
  // An edit is sent to the core at once when it is idle (after the task that made it, so the
  // events of one paste go together), and while it works the next edit waits for it: keys typed
  // meanwhile are asked about together, in one request, when its answer is in.
  const PAUSE_MS = 0;
  const sheet = definition.id;
  const labels = Object.fromEntries(definition.columns.map((c) => [c.key, c.label]));

  let ready = []; // departments the other tools name and this one lacks: [{department, owner}]
  let lastIds = []; // row ids in the order of the last answer, to place the core's answers
  const deleted = []; // rows deleted on this page, newest last, for the undo bar
  const history = makeHistory();

  const rows = () => store.current().workbook.worksheets[sheet].rows;
  const status = el("p", { class: "cd-status", role: "status" });
  const notice = el("p", { class: "cd-notice", role: "status", hidden: "" });
  const saveNote = el("p", { class: "cd-save-note", "aria-live": "polite" });
  const general = el("div", { class: "cd-error cd-general", role: "alert", hidden: "" });
  const undoBar = el("p", { class: "cd-undo", hidden: "" });
  const editNote = el("p", { class: "cd-save-note cd-edit-note", role: "status" });
  const sheetFlags = el("div", { class: "cd-sheet-flags" });
  const partial = el("p", { class: "cd-partial", hidden: "" });
  const panel = el("div", { class: "cd-panel", "aria-live": "polite" });
  const results = el("section", { class: "cd-results", "aria-label": `${definition.title}的分析结果` },
    el("h3", { class: "cd-results-title", text: "分析结果" }), partial, sheetFlags, panel);

  // Every change this page makes, kept for Ctrl+Z: the table's rows before and after it.
  function change(apply, options = {}) {
    const before = rows().map((r) => ({ ...r }));
    const out = apply();
    history.record(before, rows(), options);
    return out;
  }

  function undo(redo = false) {
    let step = null;
    store.update((p) => {
      const table = p.workbook.worksheets[sheet];
      step = redo ? history.redo(table.rows) : history.undo(table.rows);
      if (step) table.rows = step.rows;
    }, "structure");
    editNote.textContent = step ? (redo ? "已恢复刚才撤销的修改。" : "已撤销上一处修改（Ctrl+Y 恢复）。") : (redo ? "没有可以恢复的修改。" : "没有可以撤销的修改。");
    // A deletion Ctrl+Z brought back no longer needs its 撤销删除 button.
    const present = new Set(rows().map((r) => r._id));
    while (deleted.length && present.has(deleted[deleted.length - 1].row._id)) deleted.pop();
    showUndo();
    const at = step && step.focus;
    if (at && grid.focusCell(at.row, at.key)) return;
    if (root.contains(document.activeElement)) return;
    const first = rows()[0]; // the row the cursor was in is gone: stay in the table
    if (first) grid.focusCell(first._id, at && at.key);
    else add.focus();
  }

  const grid = makeGrid(definition, {
    edit: (rowId, key, value) => {
      if (key === "department" || key === "owner") departmentsDirty = true;
      change(() => store.setCell(sheet, rowId, key, value), { group: `${rowId}/${key}`, focus: { row: rowId, key } });
    },
    move: (rowId, by) => {
      change(() => store.moveRow(sheet, rowId, by), { focus: { row: rowId, key: by < 0 ? "up" : "down" } });
      grid.focusCell(rowId, by < 0 ? "up" : "down");
    },
    remove: (rowId, key = "delete") => {
      const index = rows().findIndex((r) => r._id === rowId);
      if (index < 0) return;
      const removed = change(() => store.deleteRow(sheet, rowId), { focus: { row: rowId, key } });
      if (removed) deleted.push(removed);
      showUndo(index + 1);
      // Focus stays in the table, in the same column: on the row that took this one's place, else
      // the one above; with no row left, on 添加一行.
      const next = rows()[index] || rows()[index - 1];
      if (next) grid.focusCell(next._id, key);
      else add.focus();
    },
    adopt: (readyRow, key, value) => {
      const cells = { department: readyRow.department, owner: readyRow.owner || "" };
      if (key) cells[key] = value;
      ready = ready.filter((r) => r !== readyRow);
      const id = change(() => store.addRow(sheet, cells));
      grid.focusCell(id, key || definition.columns.find((c) => !cells[c.key])?.key, { start: value.length, end: value.length });
    },
    skip: (readyRow) => {
      ready = ready.filter((r) => r !== readyRow);
      store.skip(sheet, readyRow.department);
    },
    add: () => change(() => store.addRow(sheet, {})),
    paste: (placed, at) => {
      if (!placed.cells.length) return;
      change(() => store.update((p) => {
        const table = p.workbook.worksheets[sheet].rows;
        while (table.length < placed.rows) table.push({ _id: `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}` });
        for (const { row, key, value } of placed.cells) table[row][key] = value;
      }, "structure"), { focus: at });
      const lines = new Set(placed.cells.map((c) => c.row)).size;
      editNote.textContent = `已粘贴 ${lines} 行（Ctrl+Z 可撤销）${placed.dropped ? `；多出的 ${placed.dropped} 列超出了表格，没有粘贴` : ""}。`;
      grid.focusCell(at.row, at.key);
    },
    left: () => history.seal(),
    undo: () => undo(false),
    redo: () => undo(true),
  }, manifest.choices ? manifest.choices[sheet] : {});

  const output = tableOutput(root, definition, (errors) => showGeneral(grid.showErrors(errors, rows().map((r) => r._id))));

  function showUndo(number) {
    const last = deleted[deleted.length - 1];
    if (!last) {
      undoBar.hidden = true;
      return;
    }
    const name = last.row[definition.columns[0].key] || last.row.department || "";
    undoBar.replaceChildren(el("span", { text: `已删除第 ${number || last.index + 1} 行${name ? `“${name}”` : ""}。` }),
      el("button", { type: "button", class: "md-button", text: "撤销删除", onclick: () => {
        const removed = deleted.pop();
        change(() => store.restoreRow(sheet, removed), { focus: { row: removed.row._id, key: "delete" } });
        showUndo();
        grid.focusCell(removed.row._id, "delete");
      } }));
    undoBar.hidden = false;
  }

  const renderGrid = (source) => grid.render(rows(), ready, source);

  const add = el("button", { type: "button", class: "md-button md-button--primary", text: "添加一行" });
  add.addEventListener("click", () => grid.focusCell(change(() => store.addRow(sheet, {}))));

  const help = el("details", { class: "cd-column-help" }, el("summary", { text: "每一列怎么填" }),
    el("dl", {}, ...definition.columns.flatMap((c) => [el("dt", { text: c.label }), el("dd", { text: c.help || c.placeholder || "" })])));

  // ---- the core's answer ------------------------------------------------------------------
  let running = false; // a request to the core is under way
  let dirty = false; // the table changed since the answer being waited for was asked
  let departmentsDirty = true; // the ready rows may have changed (a department or key person, another tool)
  let timer = null;
  let generation = 0;

  async function compute() {
    const mine = ++generation;
    const ids = rows().map((r) => r._id);
    const { response, errors, kept } = await callWithValidRows(call, sheetRequest(sheet, definition.action));
    if (dirty) return; // typed again meanwhile: that answer is already being asked for
    const topics = manifest.topics;
    const shownIds = kept.map((i) => ids[i]);
    let flagNotes = [];
    lastIds = shownIds;
    showGeneral(grid.showErrors(errors, ids));
    if (response.ok) {
      const { nodes, sheet: sheetWide } = R.byRow(el, response.result.flags, shownIds, topics);
      grid.showUnderRows(nodes);
      grid.showResolved(resolvedDates(response.result, shownIds));
      R.morph(sheetFlags, sheetWide.length ? [R.flagList(el, sheetWide, topics)] : []);
      const tool = PANELS[sheet];
      R.morph(panel, tool ? tool(response.result, context(topics)) : []);
      flagNotes = response.result.flags.map((f) => (f.row === null ? f.message : `第 ${Number(kept[f.row]) + 1} 行：${f.message}`));
    } else {
      grid.showUnderRows(new Map());
      grid.showResolved(new Map());
      sheetFlags.replaceChildren();
      panel.replaceChildren(el("p", { class: "cd-card-note", text: "表格里标红的地方改好后，分析结果会马上更新。" }));
    }
    const left = response.ok ? leftOut(errors) : "";
    setText(partial, left ? `${left}还有标红的格子，下面的分析暂时不包括${left.includes("、") ? "这几行" : "这一行"}；改好后会自动加回来。` : "");
    partial.hidden = !left;
    output.setNotes([...errors.map(problemText), ...flagNotes]);
    fresh(true);
    output.printLater();
    root.dataset.computed = String(mine);
    if (departmentsDirty) {
      departmentsDirty = false;
      await refreshReady();
    }
  }

  // The days the core read the typed dates as, by row id: {needed_by: "2026-03-31"} for 下个月底.
  function resolvedDates(result, shownIds) {
    const keys = definition.columns.filter((c) => c.type === "date").map((c) => c.key);
    const byRow = new Map();
    for (const r of result.rows || []) {
      const id = shownIds[r.row];
      if (id) byRow.set(id, Object.fromEntries(keys.map((k) => [k, r[k]]).filter(([, v]) => typeof v === "string")));
    }
    return byRow;
  }

  // Results wait for the core after every edit: until they are recomputed they are marked as not
  // up to date and their copy buttons are off, so nothing stale is pasted. They fade only when the
  // wait is long enough to notice (a timer, not a CSS transition: an animation on every keystroke
  // made the browser re-composite the whole page each time).
  let fadeTimer = null;
  function fresh(yes) {
    clearTimeout(fadeTimer);
    if (yes) delete results.dataset.slow;
    else if (results.dataset.state !== "stale") fadeTimer = setTimeout(() => (results.dataset.slow = "true"), 400);
    if (results.dataset.state === (yes ? "current" : "stale")) return;
    results.dataset.state = yes ? "current" : "stale";
    results.querySelectorAll("button.cd-copy").forEach((b) => (b.disabled = !yes));
  }

  const setText = (node, text) => node.textContent !== text && (node.textContent = text);

  function schedule() {
    dirty = true;
    fresh(false);
    clearTimeout(timer);
    if (!running) timer = setTimeout(run, PAUSE_MS);
  }

  async function run() {
    running = true;
    dirty = false;
    try {
      await compute();
    } catch (error) {
      if (!dirty) unavailable(error);
    } finally {
      running = false;
      if (dirty) run();
    }
  }

  async function refreshReady() {
    const response = await call(workbookRequest("departments"));
    if (dirty || !response.ok) {
      departmentsDirty = departmentsDirty || !response.ok;
      return;
    }
    const missing = response.result.missing[sheet];
    if (JSON.stringify(missing) !== JSON.stringify(ready)) {
      ready = missing;
      renderGrid();
    }
  }

  function unavailable(error) {
    const why = error && error.message ? error.message : "计算核心没能启动。";
    panel.replaceChildren(el("p", { class: "cd-card-note", text: `分析结果暂时无法显示：${why}表格照常编辑，内容已保存在本机。` }),
      el("button", { type: "button", class: "md-button cd-retry-core", text: "重试", onclick: () => schedule() }));
    partial.hidden = true;
    grid.showUnderRows(new Map());
    sheetFlags.replaceChildren();
    fresh(true);
    output.printLater();
    root.dataset.computed = "unavailable";
  }

  const problemText = (p) => (p.field.startsWith("rows[") ? `第 ${Number(/\d+/.exec(p.field)[0]) + 1} 行：${p.message}` : p.message);

  function showGeneral(problems) {
    general.replaceChildren(...problems.map((p) => el("p", { text: problemText(p) })));
    general.hidden = problems.length === 0;
  }

  function context(topics) {
    return {
      el: R.el, topics, today: today(), label: (key) => labels[key] || key, // R.el: handlers a patched panel keeps
      // A suggestion joins what the cell already says, separated as the core splits lists (、).
      addText: (index, key, text) => {
        const row = rows().find((r) => r._id === lastIds[index]);
        if (!row) return;
        const before = String(row[key] || "").trim();
        change(() => store.setCell(sheet, row._id, key, before ? `${before}、${text}` : text), { focus: { row: row._id, key } });
        renderGrid();
        schedule();
      },
      calendar: () => output.exportFile("calendar"),
    };
  }

  root.replaceChildren(
    el("div", { class: "cd-head" }, el("h2", { class: "cd-title", text: definition.title }),
      definition.description ? el("p", { class: "cd-description", text: definition.description }) : null),
    projectBar(root, sheet), status, notice, help, grid.element, grid.keysNote, output.printView,
    el("div", { class: "cd-actions" }, add, undoBar, saveNote, editNote), general, results, output.bar);

  // ---- keeping up with the store -------------------------------------------------------------
  store.subscribe((state, source) => {
    if (!root.isConnected) return false; // the page was swapped by instant navigation
    setText(saveNote, store.lastSaveFailed()
      ? "无法保存到浏览器（存储已满或被禁用）：请到“项目工作簿”页下载 JSON 备份，以免丢失。"
      : "已自动保存在本机浏览器");
    if (source === "switch") {
      deleted.length = 0;
      ready = [];
      history.clear();
      editNote.textContent = "";
      showUndo();
    }
    if (source === "other-tab") {
      notice.textContent = "另一个标签页刚刚修改了这个工作簿，这里已载入最新内容。";
      notice.hidden = false;
    }
    if (source !== "cell") {
      departmentsDirty = true;
      renderGrid(source);
    }
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

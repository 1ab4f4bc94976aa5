// The editable grid of a workbook table, kept like a spreadsheet: one row per item, one input per
// column as the definition declares it (text, textarea, number, date typed as text, choice list),
// row buttons to move and delete, "ready rows" for departments another tool already knows, and the
// core's messages at the cell (bad input, the day a typed date resolved to) or under the row (flags).
// Keys (grid-keys.js) and pasting a block (grid-paste.js) are handled here and passed to the page
// as changes. Values are only ever set as input values.
import { el } from "./dom.js";
import { keyHandler } from "./grid-keys.js";
import { isBlock, parseBlock, placeBlock } from "./grid-paste.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WEEKDAYS = "日一二三四五六";
const typedIn = (node) => node.tagName === "TEXTAREA" || (node.tagName === "INPUT" && node.type === "text");

// The width through the CSSOM, not a style attribute: the site's Content-Security-Policy
// (style-src 'self', hosting/nginx.conf) refuses style attributes. The table's layout is fixed
// (workbook.css): these widths, shared out over the page's width, are the columns' widths; each
// at least as wide as its label (a CJK character is an em, plus the header's padding).
function columnHead(column) {
  const th = el("th", { scope: "col", text: column.label });
  th.style.width = `${Math.max(column.width || 8, [...column.label].length + 1)}em`;
  return th;
}

// handlers: {edit(rowId, key, value), move(rowId, by), remove(rowId, key: the column or button to
//            focus on the row that takes its place), adopt(ready, key, value), skip(ready),
//            add() → new row id, paste(placed, at), undo(), redo(), left() when a cell is left}
// choices: the core's accepted spellings of this sheet's choice columns (manifest.choices[sheet]).
export function grid(definition, handlers, choices = {}) {
  const columns = definition.columns;
  const sheet = definition.id;
  const tbody = el("tbody");
  const head = el("tr", {}, el("th", { scope: "col", class: "cd-rownum", text: "#" }),
    ...columns.map((c) => columnHead(c)),
    el("th", { scope: "col", class: "cd-row-actions", text: "操作" }));
  const keysId = `cd-${sheet}-keys`;
  const keysNote = el("p", { class: "cd-grid-keys", id: keysId,
    text: "方向键在格子之间移动，Enter 到下一行（在最后一行按 Enter 新增一行），Ctrl+Alt+减号（-）删除所在的行，Ctrl+Z 撤销；Tab 离开表格。可以把 Excel、WPS 或飞书里复制的一块单元格直接粘贴进来。" });
  const table = el("table", { class: "cd-grid", "aria-describedby": keysId }, el("thead", {}, head), tbody);
  const wrap = el("div", { class: "cd-grid-wrap", role: "region", "aria-label": `${definition.title}（可横向滚动）` }, table);
  const cells = new Map(); // `${rowId}/${key}` → {input, error, hint, note}
  const flagRows = new Map(); // rowId → <tr> under the row
  // What a paste maps choice cells through: the core's spellings and the list's own labels.
  const pasteColumns = columns.map((c) => ({ ...c, choice: c.type === "choice" ? {
    accepts: (choices[c.key] && choices[c.key].accepts) || {},
    labels: Object.fromEntries(c.choices.filter((x) => typeof x === "object").map((x) => [x.label, x.value])),
  } : null }));
  // The core's last answer, kept so a re-drawn grid (a row added, another tab) still shows it.
  let lastErrors = { errors: [], rowIds: [] };
  let lastUnder = new Map();
  let lastResolved = new Map();
  let shape = null; // the rows and ready rows drawn, to re-draw only when they change
  let roving = null; // the one control of the grid in the tab order
  let editing = null; // the text cell being typed in: {rowId, key, theirs} (theirs: another tab's text meanwhile)

  function control(column, value, name) {
    const attrs = { "aria-label": name, autocomplete: "off", "data-key": column.key, tabindex: "-1" };
    if (column.placeholder) attrs.placeholder = column.placeholder;
    let input;
    if (column.type === "textarea") {
      input = el("textarea", { ...attrs, rows: "2" });
    } else if (column.type === "choice") {
      input = el("select", attrs, el("option", { value: "", text: "—" }));
      column.choices.map((c) => (typeof c === "string" ? { value: c, label: c } : c))
        .forEach((c) => input.append(el("option", { value: c.value, text: c.label })));
    } else {
      // Text, numbers and dates: a date is typed as people write it (3月15日, 3天后, 下周五) and kept
      // exactly so; the core reads it and the day it resolved to shows under the cell.
      input = el("input", { ...attrs, type: "text" });
      if (column.type === "number") input.setAttribute("inputmode", "decimal");
      if (column.type === "date" && !column.placeholder) input.placeholder = "如 3月15日、3天后";
    }
    setValue(input, value);
    return input;
  }

  // A choice outside the list (an import, a paste) stays visible and kept; the core says what it accepts.
  function setValue(input, value) {
    const text = value === null || value === undefined ? "" : String(value);
    if (input.tagName === "SELECT" && text && ![...input.options].some((o) => o.value === text)) {
      input.append(el("option", { value: text, text: `${text}（不在选项中）` }));
    }
    input.value = text;
  }

  function rowElement(row, number, ready) {
    const tr = el("tr", { class: ready ? "cd-row cd-ready" : "cd-row", "data-row": ready ? "" : row._id });
    tr.append(el("td", { class: "cd-rownum", "data-label": "#", text: ready ? "＋" : String(number) }));
    for (const column of columns) {
      const where = ready ? `待加入的“${row.department}”` : `第 ${number} 行`;
      const input = control(column, row[column.key], `${column.label}（${where}）`);
      const td = el("td", { "data-label": column.label, "data-key": column.key }, input);
      if (ready) {
        input.addEventListener("input", () => handlers.adopt(row, column.key, input.value));
      } else {
        const errorId = `cd-${sheet}-${row._id}-${column.key}-error`;
        const error = el("p", { class: "cd-cell-error", id: errorId, hidden: "" });
        const hint = column.type === "date" ? el("p", { class: "cd-cell-hint", hidden: "" }) : null;
        const note = el("p", { class: "cd-cell-note", role: "status", hidden: "" });
        input.setAttribute("aria-describedby", errorId);
        input.addEventListener(input.tagName === "SELECT" ? "change" : "input", () => {
          note.hidden = true;
          handlers.edit(row._id, column.key, input.value);
        });
        td.append(error, ...(hint ? [hint] : []), note);
        cells.set(`${row._id}/${column.key}`, { input, error, hint, note });
      }
      tr.append(td);
    }
    const button = (action, text, label, onclick) => el("button", { type: "button", class: `cd-row-button${action === "delete" ? " cd-delete" : ""}`,
      text, "aria-label": label, "data-action": action, tabindex: "-1", onclick });
    const actions = ready
      ? [button("adopt", "加入", `加入“${row.department}”`, () => handlers.adopt(row, null, "")),
        button("skip", "忽略", `忽略“${row.department}”，不加入本表`, () => handlers.skip(row))]
      : [button("up", "↑", `上移第 ${number} 行`, () => handlers.move(row._id, -1)),
        button("down", "↓", `下移第 ${number} 行`, () => handlers.move(row._id, 1)),
        button("delete", "删除", `删除第 ${number} 行`, () => handlers.remove(row._id, "delete"))];
    if (!ready) actions[2].setAttribute("aria-keyshortcuts", "Control+Alt+- Delete");
    tr.append(el("td", { class: "cd-row-actions", "data-label": "操作" }, ...actions));
    return tr;
  }

  // ---- drawing ---------------------------------------------------------------------------------
  // source: what changed ("cell", "structure", "switch", "other-tab"). Only another tab's save
  // leaves the cell being typed in alone: its text is noted, and both are kept when the cell is left.
  function render(rows, ready, source = "structure") {
    const next = `${rows.map((r) => r._id).join("|")}#${ready.map((r) => r.department).join("|")}`;
    if (next === shape) {
      rows.forEach((row) => columns.forEach((column) => refreshCell(row, column.key, source)));
      return;
    }
    const focus = where(document.activeElement);
    const keep = editing && focus && focus.row === editing.rowId && focus.key === editing.key && source === "other-tab" ? document.activeElement.value : null;
    cells.clear();
    flagRows.clear();
    const children = [];
    rows.forEach((row, i) => {
      children.push(rowElement(row, i + 1, false));
      const flags = el("tr", { class: "cd-row-flags", hidden: "", "data-for": row._id }, el("td", { colspan: String(columns.length + 2) }));
      flagRows.set(row._id, flags);
      children.push(flags);
    });
    if (ready.length) {
      children.push(el("tr", { class: "cd-ready-caption" }, el("td", { colspan: String(columns.length + 2),
        text: "其他工具里已经有这些部门：在任意一格里填写，或点“加入”，它们就成为本表的一行。" })));
      ready.forEach((row) => children.push(rowElement(row, 0, true)));
    }
    if (!rows.length && !ready.length) {
      children.push(el("tr", { class: "cd-empty" }, el("td", { colspan: String(columns.length + 2), text: "这张表还是空的：点下面的“添加一行”开始填写。" })));
    }
    const rovingAt = where(roving);
    roving = null;
    tbody.replaceChildren(...children);
    shape = next;
    showErrors(lastErrors.errors, lastErrors.rowIds);
    showUnderRows(lastUnder);
    showResolved(lastResolved);
    if (focus) {
      const input = focusCell(focus.row, focus.key, focus);
      if (input && keep !== null) {
        if (input.value !== keep) editing = { rowId: focus.row, key: focus.key, theirs: input.value };
        input.value = keep;
      }
    } else {
      setRoving((rovingAt && find(rovingAt.row, rovingAt.key)) || null);
    }
  }

  function refreshCell(row, key, source) {
    const cell = cells.get(`${row._id}/${key}`);
    if (!cell) return;
    const stored = row[key] === null || row[key] === undefined ? "" : String(row[key]);
    if (cell.input.value === stored) return;
    if (source === "other-tab" && editing && editing.rowId === row._id && editing.key === key && document.activeElement === cell.input) {
      editing.theirs = stored; // kept in mind, not typed over: see settle()
      return;
    }
    setValue(cell.input, stored);
  }

  // Leaving a cell another tab wrote into meanwhile: both texts stay in the cell, and it says so.
  function settle(input) {
    const typing = editing;
    editing = null;
    if (!typing || typing.theirs === null) return;
    const mine = input.value;
    const theirs = typing.theirs;
    if (theirs === mine) return;
    const separator = input.tagName === "TEXTAREA" ? "\n" : " ／ ";
    let merged = mine;
    if (!mine.trim() || theirs.includes(mine)) merged = theirs;
    else if (theirs.trim() && !mine.includes(theirs)) merged = `${mine}${separator}${theirs}`;
    if (merged !== mine) {
      input.value = merged;
      handlers.edit(typing.rowId, typing.key, merged);
    }
    const cell = cells.get(`${typing.rowId}/${typing.key}`);
    if (!cell) return;
    cell.note.textContent = merged === mine && !merged.includes(theirs)
      ? `另一个标签页同时把这一格改成了“${theirs}”，这里保留了你写的内容。`
      : `另一个标签页同时修改了这一格：两个版本都保留在格子里（${separator === "\n" ? "分行" : "用“／”隔开"}），请删去不需要的那个。`;
    cell.note.hidden = false;
  }

  // ---- focus: one control of the grid is in the tab order (a roving tabindex) ---------------------
  function where(node) {
    if (!node || !tbody.contains(node)) return null;
    const tr = node.closest("tr");
    const row = tr.classList.contains("cd-row-flags") ? tr.dataset.for : tr.dataset.row;
    if (!row) return null;
    return { row, key: node.dataset.key || node.dataset.action || null, start: node.selectionStart, end: node.selectionEnd };
  }

  function find(rowId, key) {
    const cell = key && cells.get(`${rowId}/${key}`);
    if (cell) return cell.input;
    const tr = tbody.querySelector(`tr[data-row="${CSS.escape(rowId)}"]`);
    if (!tr) return null;
    return (key && tr.querySelector(`[data-action="${CSS.escape(key)}"]`)) || tr.querySelector("input, select, textarea");
  }

  function setRoving(node) {
    const target = node || tbody.querySelector("tr.cd-row input, tr.cd-row select, tr.cd-row textarea, tr.cd-row button");
    if (roving && roving !== target) roving.tabIndex = -1;
    roving = target;
    if (target) target.tabIndex = 0;
    // The scrolling region needs a way in from the keyboard when the grid has nothing to focus.
    if (target) wrap.removeAttribute("tabindex");
    else wrap.setAttribute("tabindex", "0");
  }

  /** Focus the cell (or row button: key "delete", "up" …) of a row; returns the control. */
  function focusCell(rowId, key, selection) {
    const input = find(rowId, key || columns[0].key);
    if (!input) return null;
    setRoving(input);
    input.focus();
    if (selection && typeof selection.start === "number" && typedIn(input)) input.setSelectionRange(selection.start, selection.end);
    return input;
  }

  tbody.addEventListener("focusin", (event) => {
    const node = event.target;
    setRoving(node);
    const at = where(node);
    if (at && typedIn(node) && !node.closest(".cd-ready") && !(editing && editing.rowId === at.row && editing.key === at.key)) {
      editing = { rowId: at.row, key: at.key, theirs: null };
    }
  });
  tbody.addEventListener("focusout", (event) => {
    const at = where(event.target);
    if (at && at.key && handlers.left) handlers.left(); // typing in a cell again later is a change of its own
    if (editing && at && at.row === editing.rowId && at.key === editing.key && event.target.isConnected) settle(event.target);
  });
  tbody.addEventListener("keydown", keyHandler({ tbody, columns, handlers, focusCell }));

  // A block copied from a spreadsheet, pasted into a cell: filled from that cell, rows added as needed.
  tbody.addEventListener("paste", (event) => {
    const at = where(event.target);
    const text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
    if (!at || event.target.closest(".cd-ready") || !isBlock(text)) return;
    const startColumn = columns.findIndex((c) => c.key === at.key);
    if (startColumn < 0) return;
    event.preventDefault();
    const rowIds = [...tbody.querySelectorAll("tr.cd-row:not(.cd-ready)")].map((tr) => tr.dataset.row);
    handlers.paste(placeBlock(parseBlock(text), pasteColumns, rowIds.indexOf(at.row), startColumn), at);
  });

  // ---- the core's answer at the cells ---------------------------------------------------------
  // errors: the core's [{field: "rows[1].workload", message}] → shown at each cell; the rest returned.
  function showErrors(errors, rowIds) {
    lastErrors = { errors, rowIds };
    cells.forEach(({ input, error }) => {
      if (error.hidden) return; // untouched cells stay untouched (see showUnderRows)
      error.hidden = true;
      error.textContent = "";
      input.removeAttribute("aria-invalid");
    });
    const rest = [];
    for (const problem of errors) {
      const match = /^rows\[(\d+)\]\.(\w+)$/.exec(problem.field);
      const cell = match && cells.get(`${rowIds[Number(match[1])]}/${match[2]}`);
      if (!cell) {
        rest.push(problem);
        continue;
      }
      cell.error.textContent = cell.error.textContent ? `${cell.error.textContent}；${problem.message}` : problem.message;
      cell.error.hidden = false;
      cell.input.setAttribute("aria-invalid", "true");
    }
    return rest;
  }

  // byRow: rowId → {column key: "2026-03-31"}, the days the core read typed dates as. Shown under
  // a date typed another way (3天后, 下周五), so the learner sees which day the tools count with.
  function showResolved(byRow) {
    lastResolved = byRow;
    cells.forEach(({ input, hint }, id) => {
      if (!hint) return;
      const [rowId, key] = id.split("/");
      const day = (byRow.get(rowId) || {})[key];
      const typed = input.value.trim();
      let text = "";
      if (day && typed && typed !== day && ISO_DATE.test(day)) {
        const [y, m, d] = day.split("-").map(Number);
        text = `即 ${day}（周${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}）`;
      }
      if (hint.textContent !== text) hint.textContent = text;
      hint.hidden = !text;
    });
  }

  // byRow: rowId → {key, build()} of what to show under that row (flags with their course links).
  // A row whose key did not change is not touched: re-laying out a 200-row table is what costs.
  function showUnderRows(byRow) {
    lastUnder = byRow;
    flagRows.forEach((tr, rowId) => {
      const under = byRow.get(rowId);
      const key = under ? under.key : "";
      if (tr.dataset.key === key) return;
      tr.dataset.key = key;
      tr.hidden = !under;
      tr.firstChild.replaceChildren(...(under ? under.build() : []));
      tr.querySelectorAll("a[href]").forEach((link) => (link.tabIndex = -1));
    });
    if (roving && !roving.isConnected) setRoving(null);
  }

  return { element: wrap, keysNote, render, focusCell, showErrors, showUnderRows, showResolved };
}

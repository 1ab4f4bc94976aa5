// The editable grid of a workbook table: one row per item, one input per column as the
// definition declares it (text, textarea, number, date picker, choice list), row buttons to move
// and delete, "ready rows" for departments another tool already knows, and the core's messages
// at the cell (bad input) or under the row (flags). Values are only ever set as input values.
import { el } from "./dom.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// handlers: {edit(rowId, key, value), move(rowId, by), remove(rowId), adopt(ready, key, value), skip(ready)}
// The width through the CSSOM, not a style attribute: the site's Content-Security-Policy
// (style-src 'self', hosting/nginx.conf) refuses style attributes.
function columnHead(column) {
  const th = el("th", { scope: "col", text: column.label });
  th.style.minWidth = `${column.width || 8}em`;
  return th;
}

export function grid(definition, handlers) {
  const columns = definition.columns;
  const sheet = definition.id;
  const tbody = el("tbody");
  const head = el("tr", {}, el("th", { scope: "col", class: "cd-rownum", text: "#" }),
    ...columns.map((c) => columnHead(c)),
    el("th", { scope: "col", class: "cd-row-actions", text: "操作" }));
  const table = el("table", { class: "cd-grid" }, el("thead", {}, head), tbody);
  const wrap = el("div", { class: "cd-grid-wrap", role: "region", tabindex: "0", "aria-label": `${definition.title}（可横向滚动）` }, table);
  const cells = new Map(); // `${rowId}/${key}` → {input, error}
  const flagRows = new Map(); // rowId → <tr> under the row
  // The core's last answer, kept so a re-drawn grid (a row added, another tab) still shows it.
  let lastErrors = { errors: [], rowIds: [] };
  let lastUnder = new Map();

  function control(column, value, name) {
    const attrs = { "aria-label": name, autocomplete: "off", "data-key": column.key };
    if (column.placeholder) attrs.placeholder = column.placeholder;
    let input;
    if (column.type === "textarea") {
      input = el("textarea", { ...attrs, rows: "2" });
    } else if (column.type === "choice") {
      input = el("select", attrs, el("option", { value: "", text: "—" }));
      const known = column.choices.map((c) => (typeof c === "string" ? { value: c, label: c } : c));
      // A value outside the list (an older import) stays visible and kept; the core says what it accepts.
      if (value && !known.some((c) => c.value === value)) known.push({ value, label: `${value}（不在选项中）` });
      known.forEach((c) => input.append(el("option", { value: c.value, text: c.label })));
    } else if (column.type === "date" && (!value || ISO_DATE.test(value))) {
      input = el("input", { ...attrs, type: "date" });
    } else {
      // Text, numbers, and a date typed another way (2周后 from an import): kept as typed.
      input = el("input", { ...attrs, type: "text" });
      if (column.type === "number") input.setAttribute("inputmode", "decimal");
    }
    input.value = value ?? "";
    return input;
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
        input.setAttribute("aria-describedby", errorId);
        input.addEventListener(input.tagName === "SELECT" ? "change" : "input", () => handlers.edit(row._id, column.key, input.value));
        td.append(error);
        cells.set(`${row._id}/${column.key}`, { input, error });
      }
      tr.append(td);
    }
    const actions = ready
      ? [el("button", { type: "button", class: "cd-row-button", text: "加入", "aria-label": `加入“${row.department}”`, onclick: () => handlers.adopt(row, null, "") }),
        el("button", { type: "button", class: "cd-row-button", text: "忽略", "aria-label": `忽略“${row.department}”，不加入本表`, onclick: () => handlers.skip(row) })]
      : [el("button", { type: "button", class: "cd-row-button", text: "↑", "aria-label": `上移第 ${number} 行`, onclick: () => handlers.move(row._id, -1) }),
        el("button", { type: "button", class: "cd-row-button", text: "↓", "aria-label": `下移第 ${number} 行`, onclick: () => handlers.move(row._id, 1) }),
        el("button", { type: "button", class: "cd-row-button cd-delete", text: "删除", "aria-label": `删除第 ${number} 行`, onclick: () => handlers.remove(row._id) })];
    tr.append(el("td", { class: "cd-row-actions", "data-label": "操作" }, ...actions));
    return tr;
  }

  // Re-draws every row, keeping the cell being typed in focused with its caret where it was.
  function render(rows, ready) {
    const active = document.activeElement;
    const focus = active && tbody.contains(active) && active.closest("tr").dataset.row
      ? { row: active.closest("tr").dataset.row, key: active.dataset.key, start: active.selectionStart, end: active.selectionEnd }
      : null;
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
    tbody.replaceChildren(...children);
    showErrors(lastErrors.errors, lastErrors.rowIds);
    showUnderRows(lastUnder);
    if (focus) focusCell(focus.row, focus.key, focus);
  }

  function focusCell(rowId, key, selection) {
    const cell = cells.get(`${rowId}/${key || columns[0].key}`);
    if (!cell) return;
    cell.input.focus();
    if (selection && typeof selection.start === "number" && cell.input.setSelectionRange) {
      try {
        cell.input.setSelectionRange(selection.start, selection.end);
      } catch (error) {
        // date and select inputs have no caret
      }
    }
  }

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
    });
  }

  return { element: wrap, render, focusCell, showErrors, showUnderRows };
}

// The grid's keys, as in a spreadsheet: arrows move between cells (left and right only from the
// start or end of the text, up and down only from a text's first or last line), Enter moves down
// and on the last row adds one, Shift+Enter moves up (in a long text: a new line, as Alt+Enter),
// Ctrl+Z undoes and Ctrl+Y or Ctrl+Shift+Z redoes. Ctrl+Alt+- deletes the row (Google Sheets'
// key: Excel's Ctrl+- is the browser's zoom), as Delete does on one of the row's buttons; the
// focus stays in the same column, on the row that took its place. Cells are always being edited,
// so Delete and Backspace in a text keep their usual meaning; in a list cell (priority, stance …)
// they clear the choice. A key typed while an input method is composing (pinyin) is the input
// method's. Tab is left to the browser: the grid is one stop in the tab order.

const typedIn = (node) => node.tagName === "TEXTAREA" || (node.tagName === "INPUT" && node.type === "text");

// The controls of a row, left to right: its cells, its buttons, then the course links of its flags.
function items(tr) {
  const own = [...tr.querySelectorAll("input, select, textarea, button")];
  const under = tr.nextElementSibling;
  const links = under && under.classList.contains("cd-row-flags") && !under.hidden ? [...under.querySelectorAll("a[href]")] : [];
  return [...own, ...links];
}

export function keyHandler({ tbody, handlers, focusCell }) {
  const rowsOf = () => [...tbody.querySelectorAll(":scope > tr.cd-row")];

  function focus(node) {
    if (!node) return;
    node.focus();
    if (typedIn(node)) node.setSelectionRange(node.value.length, node.value.length);
  }

  // The control in the row `by` rows away in the same column (or the same place among the buttons).
  function vertical(tr, target, index, by) {
    const rows = rowsOf();
    const next = rows[rows.indexOf(tr) + by];
    if (!next) return false;
    const list = items(next);
    const key = target.dataset.key || target.dataset.action;
    const same = key && list.find((node) => (node.dataset.key || node.dataset.action) === key);
    focus(same || list[Math.min(index, list.length - 1)]);
    return true;
  }

  return (event) => {
    if (event.isComposing || event.keyCode === 229) return;
    const target = event.target;
    const tr = target.closest("tr");
    const row = tr && (tr.classList.contains("cd-row-flags") ? tr.previousElementSibling : tr);
    if (!row || !row.classList.contains("cd-row")) return;
    const list = items(row);
    const index = list.indexOf(target);
    if (index < 0) return;
    const key = event.key;
    const own = !row.classList.contains("cd-ready"); // a ready row is not the table's yet: nothing to delete
    const place = target.dataset.key || target.dataset.action;
    // event.code: with Option held, a Mac reports the key as "–".
    if ((event.ctrlKey || event.metaKey) && event.altKey && (event.code === "Minus" || event.code === "NumpadSubtract")) {
      if (own) handlers.remove(row.dataset.row, place);
      event.preventDefault();
      return;
    }
    if ((key === "Delete" || (key === "Backspace" && target.tagName === "SELECT")) && !event.ctrlKey && !event.metaKey && !event.altKey && own) {
      if (target.tagName === "BUTTON") handlers.remove(row.dataset.row, place);
      else if (target.tagName === "SELECT" && target.value) {
        target.value = "";
        target.dispatchEvent(new Event("change", { bubbles: true }));
      } else return;
      event.preventDefault();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey) {
      const lower = key.toLowerCase();
      if (lower === "z" && !event.shiftKey) handlers.undo();
      else if (lower === "y" || (lower === "z" && event.shiftKey)) handlers.redo();
      else return;
      event.preventDefault();
      return;
    }
    if (event.ctrlKey || event.metaKey || (event.altKey && key !== "Enter")) return;
    const text = typedIn(target);
    const area = target.tagName === "TEXTAREA";
    const { selectionStart: start, selectionEnd: end, value } = text ? target : {};
    if (key === "ArrowLeft") {
      if (text && (start !== 0 || end !== 0)) return;
      focus(list[index - 1]);
    } else if (key === "ArrowRight") {
      if (text && (start !== value.length || end !== value.length)) return;
      focus(list[index + 1]);
    } else if (key === "ArrowUp") {
      if (area && value.lastIndexOf("\n", start - 1) >= 0) return;
      vertical(row, target, index, -1);
    } else if (key === "ArrowDown") {
      if (area && value.indexOf("\n", end) >= 0) return;
      vertical(row, target, index, 1);
    } else if (key === "Enter") {
      if (target.tagName === "BUTTON" || target.tagName === "A") return;
      if (area && event.altKey) {
        target.setRangeText("\n", start, end, "end");
        target.dispatchEvent(new Event("input", { bubbles: true }));
      } else if (area && event.shiftKey) {
        return; // a new line, as the browser types it
      } else if (event.shiftKey) {
        vertical(row, target, index, -1);
      } else if (!row.classList.contains("cd-ready") && !rowsOf().some((r, i, all) => all[i - 1] === row && !r.classList.contains("cd-ready"))) {
        focusCell(handlers.add(), target.dataset.key); // the table's last row (ready rows below are not its rows)
      } else {
        vertical(row, target, index, 1);
      }
    } else {
      return;
    }
    event.preventDefault();
  };
}

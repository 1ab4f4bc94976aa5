// A block of cells pasted into a workbook table, as Excel, WPS and Feishu put it on the clipboard:
// tab-separated cells, one line per row, a cell holding a tab, a line break or a quote wrapped in
// quotes (inner quotes doubled). Pure functions, no DOM: the grid hands in the text and the columns.

/** Whether pasted text is more than one cell (a plain paste into one cell stays the browser's). */
export function isBlock(text) {
  return /[\t\n\r]/.test(String(text).replace(/(\r\n|\n|\r)$/, ""));
}

/** Clipboard text → rows of cells. The one line break a spreadsheet adds at the end is dropped. */
export function parseBlock(text) {
  const source = String(text).replace(/\r\n?/g, "\n").replace(/\n$/, "");
  const rows = [[]];
  let i = 0;
  for (;;) {
    const quoted = source[i] === '"' ? readQuoted(source, i) : null;
    let cell;
    if (quoted) {
      cell = quoted.value;
      i = quoted.end;
    } else {
      const end = nextBreak(source, i);
      cell = source.slice(i, end);
      i = end;
    }
    rows[rows.length - 1].push(cell);
    if (i >= source.length) return rows;
    if (source[i] === "\n") rows.push([]);
    i += 1;
  }
}

// A quoted cell ends at a quote followed by a tab, a line break or the end; one that never closes
// that way was not quoted after all (null: the caller takes it as typed).
function readQuoted(source, start) {
  let value = "";
  let j = start + 1;
  while (j < source.length) {
    if (source[j] === '"' && source[j + 1] === '"') {
      value += '"';
      j += 2;
    } else if (source[j] === '"') {
      const after = j + 1;
      return after === source.length || source[after] === "\t" || source[after] === "\n" ? { value, end: after } : null;
    } else {
      value += source[j];
      j += 1;
    }
  }
  return null;
}

function nextBreak(text, from) {
  for (let k = from; k < text.length; k += 1) if (text[k] === "\t" || text[k] === "\n") return k;
  return text.length;
}

/**
 * The value a choice column keeps for pasted text: the core's canonical value for any spelling it
 * accepts ("必需" → "P0"), the value whose list label was pasted ("P0 必需" → "P0"), or the text
 * as typed, which the list then shows as outside its options and the core explains.
 * choice: {accepts: {spelling: value}, labels: {label: value}}
 */
export function choiceValue(text, choice) {
  const typed = String(text).trim();
  if (!typed || !choice) return typed;
  const { accepts = {}, labels = {} } = choice;
  const plain = typed.replace(/^[“”"'「『]+|[“”"'」』]+$/g, "");
  for (const candidate of [typed, typed.toUpperCase(), plain, plain.toUpperCase()]) {
    if (Object.hasOwn(accepts, candidate)) return accepts[candidate];
    if (Object.hasOwn(labels, candidate)) return labels[candidate];
  }
  const first = typed.split(/\s+/)[0];
  if (first !== typed) return choiceValue(first, choice);
  return typed;
}

/**
 * Where each pasted cell goes. columns: [{key, label, type, choice?}]; the block starts at row
 * `startRow` (0-based among the table's rows) and column `startColumn`. A first line that repeats
 * the columns' titles (a copied header) is skipped. Rows past the end are new rows.
 * Returns {cells: [{row, key, value}], rows: number of rows the paste needs, dropped: columns cut off}.
 */
export function placeBlock(block, columns, startRow, startColumn) {
  let lines = block;
  while (lines.length > 1 && lines[lines.length - 1].every((text) => !text.trim())) lines = lines.slice(0, -1); // no empty rows from a trailing line
  const targets = columns.slice(startColumn);
  if (lines.length > 1 && lines[0].length > 1 && lines[0].every((text, j) => targets[j] && text.trim() === targets[j].label)) lines = lines.slice(1);
  const cells = [];
  let dropped = 0;
  lines.forEach((line, i) => {
    line.forEach((text, j) => {
      const column = targets[j];
      if (!column) {
        dropped = Math.max(dropped, line.length - targets.length);
        return;
      }
      const value = column.type === "choice" ? choiceValue(text, column.choice) : column.type === "textarea" ? text : text.trim();
      cells.push({ row: startRow + i, key: column.key, value });
    });
  });
  return { cells, rows: startRow + lines.length, dropped };
}

// Undo and redo for a workbook table (Ctrl+Z, Ctrl+Y): each change is kept as the table's rows
// before and after it; typing in one cell is one change until another change comes between, and a
// paste is one change however many cells it fills. Undoing puts back only what that change
// touched, so rows another tab added or edited meanwhile stay as they are. Pure: no DOM, no store.

const LIMIT = 100;
const clone = (rows) => rows.map((row) => ({ ...row }));

/**
 * `current` with the change from `after` back to `before` undone (redo: swap the two). Rows the
 * change added go, rows it removed come back, cells it changed get their old text; rows that were
 * in neither (added elsewhere since) stay, after the others.
 */
export function revert(current, before, after) {
  const now = new Map(current.map((row) => [row._id, row]));
  const then = new Map(after.map((row) => [row._id, row]));
  const known = new Set([...before, ...after].map((row) => row._id));
  const rows = [];
  for (const old of before) {
    const live = now.get(old._id);
    const changed = then.get(old._id);
    if (!live) {
      if (!changed) rows.push({ ...old }); // the change deleted it: it comes back
      continue; // deleted elsewhere after the change: stays deleted
    }
    const row = { ...live };
    for (const key of new Set([...Object.keys(old), ...Object.keys(changed || {})])) {
      if (key === "_id" || (changed && changed[key] === old[key])) continue;
      if (key in old) row[key] = old[key];
      else delete row[key];
    }
    rows.push(row);
  }
  for (const row of current) if (!known.has(row._id)) rows.push({ ...row });
  return rows;
}

export function history() {
  const done = [];
  const undone = [];
  return {
    /** Record a change; `group` (e.g. "row/key" while typing in one cell) merges it into the last one of the same group. */
    record(before, after, { group = null, focus = null } = {}) {
      const last = done[done.length - 1];
      undone.length = 0;
      if (group && last && last.group === group) {
        last.after = clone(after);
        return;
      }
      done.push({ before: clone(before), after: clone(after), group, focus });
      if (done.length > LIMIT) done.shift();
    },
    /** Close the current typing group, so the next keystroke in the same cell starts a new change. */
    seal() {
      const last = done[done.length - 1];
      if (last) last.group = null;
    },
    /** The rows with the last change undone and where to put the cursor, or null when there is none. */
    undo(current) {
      const entry = done.pop();
      if (!entry) return null;
      undone.push(entry);
      return { rows: revert(current, entry.before, entry.after), focus: entry.focus };
    },
    redo(current) {
      const entry = undone.pop();
      if (!entry) return null;
      done.push({ ...entry, group: null });
      return { rows: revert(current, entry.after, entry.before), focus: entry.focus };
    },
    clear() {
      done.length = 0;
      undone.length = 0;
    },
    get size() {
      return done.length;
    },
  };
}

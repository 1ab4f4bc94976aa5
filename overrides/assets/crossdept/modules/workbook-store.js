// The learner's projects: one record of the store holding every project's workbook (in the core's
// export format, rows carrying an `_id` so edits from two tabs land on the right row). Every edit
// is a read-modify-write of the latest stored record, so a second tab never silently overwrites
// the first. The workbook format (its name, version, sheets) is the core's, from the manifest.
import { manifest } from "./manifest.js";
import { onOtherTab, persist, store } from "./storage.js";

const FORMAT = manifest.workbook;
export const SHEETS = FORMAT.sheets; // the tables: resources, exchange, tracker
export const FORMS = FORMAT.forms; // the sheets that are forms (one set of fields, no rows): value
export { persist };

const TAB_KEY = store.keyOf("workbook:current"); // sessionStorage: each tab keeps the project it shows

const newId = (prefix) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function blankWorkbook(name = "") {
  const worksheets = Object.fromEntries([...SHEETS.map((s) => [s, { rows: [] }]), ...FORMS.map((f) => [f, {}])]);
  return { format: FORMAT.format, version: FORMAT.version, project: name ? { name } : {}, worksheets };
}

// A workbook as the core or an import gives it → the stored shape: every sheet present, every row an object with an _id.
function adopt(workbook) {
  const { skipped, ...rest } = workbook || {};
  const book = JSON.parse(JSON.stringify(rest));
  book.format = FORMAT.format;
  book.version = book.version || FORMAT.version;
  book.project = book.project && typeof book.project === "object" ? book.project : {};
  book.worksheets = book.worksheets && typeof book.worksheets === "object" ? book.worksheets : {};
  for (const sheet of SHEETS) {
    const rows = book.worksheets[sheet] && Array.isArray(book.worksheets[sheet].rows) ? book.worksheets[sheet].rows : [];
    book.worksheets[sheet] = { rows: rows.map((row) => ({ ...(row && typeof row === "object" ? row : {}), _id: (row && row._id) || newId("r") })) };
  }
  for (const form of FORMS) if (!book.worksheets[form] || typeof book.worksheets[form] !== "object") book.worksheets[form] = {};
  return book;
}

// The 忽略 decisions travel in the workbook file (its `skipped`); in the store they sit beside it.
const skippedOf = (workbook) => (workbook && workbook.skipped && typeof workbook.skipped === "object" ? { ...workbook.skipped } : {});

function newProject(workbook) {
  const now = new Date().toISOString();
  return { id: newId("p"), created: now, updated: now, skipped: skippedOf(workbook), workbook: adopt(workbook || blankWorkbook()) };
}

let notice = ""; // what loading had to do, for the workbook page to say

// No record yet: the first project, with what the value calculator kept on its own before projects existed.
function firstState() {
  const first = newProject();
  const legacy = store.record("worksheet:value", { version: 1 }).load();
  if (legacy && Object.values(legacy).some((v) => String(v ?? "").trim())) {
    first.workbook.worksheets.value = { ...legacy };
    notice = "价值量化计算器里原来填写的内容已经并入第一个项目。";
  }
  return { current: first.id, projects: [first] };
}

const record = store.record("workbook", {
  version: 1,
  empty: firstState,
  // Builds before the store kept {version: 1, current, projects} under "crossdept:workbook".
  legacy: (old) => (old && Array.isArray(old.projects) ? { current: old.current, projects: old.projects } : null),
});

function tidy(stored) {
  const state = stored && typeof stored === "object" ? stored : {};
  const projects = (Array.isArray(state.projects) ? state.projects : []).filter((p) => p && typeof p === "object").map((p) => ({
    id: p.id || newId("p"), created: p.created || "", updated: p.updated || "",
    skipped: p.skipped && typeof p.skipped === "object" ? p.skipped : {}, workbook: adopt(p.workbook),
  }));
  if (!projects.length) projects.push(newProject());
  const current = projects.some((p) => p.id === state.current) ? state.current : projects[0].id;
  return { current, projects };
}

const listeners = new Set();
let state = null;
let lastRaw = null; // the stored text this tab last read or wrote
let saveFailed = false;
let tabCurrent = null;
try {
  tabCurrent = sessionStorage.getItem(TAB_KEY);
} catch (error) {
  tabCurrent = null;
}

// Reads the stored record if it changed since this tab last saw it; returns whether it did.
function read() {
  const raw = record.raw();
  if (state && raw === lastRaw) return false;
  state = tidy(record.load());
  notice = record.notice() || notice;
  lastRaw = raw;
  return true;
}

function write() {
  saveFailed = !record.save(state);
  if (!saveFailed) lastRaw = record.raw();
  return !saveFailed;
}

function notify(source) {
  listeners.forEach((listener) => listener(state, source) === false && listeners.delete(listener));
}

const filled = (values) => Object.values(values || {}).some((v) => String(v ?? "").trim());

// Forms that kept a record of their own before they joined the workbook (the conflict diagnosis and
// the negotiation planner): what they hold moves into this tab's project when no project has that
// form filled yet; the old record is removed only once the project with it is saved.
function adoptLoneForms() {
  for (const form of FORMS.filter((f) => f !== "value")) {
    const lone = store.record(`worksheet:${form}`, { version: 1 });
    const values = lone.load();
    if (!filled(values) || lone.readOnly()) continue;
    if (state.projects.some((p) => filled(p.workbook.worksheets[form]))) continue;
    current().workbook.worksheets[form] = { ...values };
    if (write()) {
      lone.remove();
      notice = `${manifest.pages[form]?.title || form}里原来填写的内容已经并入当前项目。`;
    }
  }
}

export function load() {
  if (!state) {
    read();
    if (lastRaw === null) write(); // a first or adopted record is stored at once
    adoptLoneForms();
  }
  return state;
}

// Apply `change(project, state)` to the latest stored record and save; returns whether it was saved.
// If another tab wrote in the meantime, its version is taken first and everyone on this page hears of it.
export function update(change, source) {
  load();
  const changedElsewhere = read();
  const project = current();
  change(project, state);
  project.updated = new Date().toISOString();
  const saved = write();
  notify(changedElsewhere ? "other-tab" : source);
  return saved;
}

/** This tab's project: the one it last showed, else the one last used in any tab. */
export function current() {
  load();
  const project = state.projects.find((p) => p.id === tabCurrent) || state.projects.find((p) => p.id === state.current) || state.projects[0];
  // Pinned to this tab from the first look: a project another tab creates or switches to later
  // must not change the one under this tab's cursor.
  if (tabCurrent !== project.id) pin(project.id);
  return project;
}

function pin(projectId) {
  tabCurrent = projectId;
  try {
    sessionStorage.setItem(TAB_KEY, projectId);
  } catch (error) {
    // without sessionStorage the pin lasts as long as the page
  }
}

function show(projectId) {
  state.current = projectId;
  pin(projectId);
}

// ---- operations the worksheets use ------------------------------------------------------------
const rowsOf = (project, sheet) => project.workbook.worksheets[sheet].rows;

export const setCell = (sheet, rowId, key, value) => update((p) => {
  const row = rowsOf(p, sheet).find((r) => r._id === rowId);
  if (row) row[key] = value;
}, "cell");

export function addRow(sheet, cells = {}, at = null) {
  const row = { ...cells, _id: newId("r") };
  update((p) => {
    const rows = rowsOf(p, sheet);
    rows.splice(at === null ? rows.length : Math.max(0, Math.min(at, rows.length)), 0, row);
  }, "structure");
  return row._id;
}

export function deleteRow(sheet, rowId) {
  let removed = null;
  update((p) => {
    const rows = rowsOf(p, sheet);
    const index = rows.findIndex((r) => r._id === rowId);
    if (index >= 0) removed = { row: rows.splice(index, 1)[0], index };
  }, "structure");
  return removed;
}

export const restoreRow = (sheet, removed) => update((p) => {
  const rows = rowsOf(p, sheet);
  if (!rows.some((r) => r._id === removed.row._id)) rows.splice(Math.min(removed.index, rows.length), 0, removed.row);
}, "structure");

export const moveRow = (sheet, rowId, by) => update((p) => {
  const rows = rowsOf(p, sheet);
  const from = rows.findIndex((r) => r._id === rowId);
  const to = from + by;
  if (from < 0 || to < 0 || to >= rows.length) return;
  rows.splice(to, 0, rows.splice(from, 1)[0]);
}, "structure");

export const skip = (sheet, department) => update((p) => {
  p.skipped[sheet] = [...new Set([...(p.skipped[sheet] || []), department])];
}, "structure");

export const setProjectField = (key, value) => update((p) => {
  if (value) p.workbook.project[key] = value;
  else delete p.workbook.project[key];
}, "cell");

export const setForm = (form, values) => update((p) => {
  p.workbook.worksheets[form] = { ...values };
}, "cell");

export const replaceWorkbook = (workbook) => update((p) => {
  p.workbook = adopt(workbook);
  p.skipped = skippedOf(workbook);
}, "switch");

/** Replace only `parts` of the current project ("resources" …, "conflict", "negotiation", "project":
 * its name, value and the value calculator) with those of `workbook`, as a spreadsheet that holds
 * only some of them. */
export const replaceParts = (workbook, parts) => update((p) => {
  const incoming = adopt(workbook);
  for (const part of parts) {
    if (part === "project") {
      p.workbook.project = incoming.project;
      p.workbook.worksheets.value = incoming.worksheets.value; // the 项目 sheet carries the value calculator's inputs
    } else if (SHEETS.includes(part) || FORMS.includes(part)) {
      p.workbook.worksheets[part] = incoming.worksheets[part];
    }
  }
}, "switch");

export function createProject(workbook) {
  const project = newProject(workbook);
  update((_, all) => {
    all.projects.push(project);
    show(project.id);
  }, "switch");
  return project.id;
}

export const deleteProject = (projectId) => update((_, all) => {
  all.projects = all.projects.filter((p) => p.id !== projectId);
  if (!all.projects.length) all.projects.push(newProject());
  if (!all.projects.some((p) => p.id === all.current)) all.current = all.projects[0].id;
  if (tabCurrent === projectId) show(all.current);
}, "switch");

export const switchTo = (projectId) => update((_, all) => {
  if (all.projects.some((p) => p.id === projectId)) show(projectId);
}, "switch");

/** The workbook as the core and exports want it: no _id, every table row as typed. */
export function toWorkbook(project = current()) {
  const book = JSON.parse(JSON.stringify(project.workbook));
  for (const sheet of SHEETS) book.worksheets[sheet].rows = book.worksheets[sheet].rows.map(({ _id, ...cells }) => cells);
  book.version = FORMAT.version;
  book.skipped = JSON.parse(JSON.stringify(project.skipped || {}));
  return book;
}

/** `listener(state, source)` on every change; source is "cell", "structure", "switch" or "other-tab". */
export function subscribe(listener) {
  listeners.add(listener);
}

// Another tab saved: take its record and tell the page (the tables re-render, keeping focus).
onOtherTab(record, () => {
  if (state && read()) notify("other-tab");
});

export const label = (project) => (project.workbook.project.name || "").trim() || "未命名项目";
export const projects = () => load().projects;
export const loadNotice = () => notice;
export const lastSaveFailed = () => saveFailed;

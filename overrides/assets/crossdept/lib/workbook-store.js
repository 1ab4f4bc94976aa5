// The learner's projects in localStorage: one versioned record holding every project's workbook
// (the export format, rows carrying an `_id` so edits from two tabs land on the right row).
// Every edit is a read-modify-write of the latest stored record, so a second tab never silently
// overwrites the first; older records are migrated, unreadable ones backed up, never dropped.
(() => {
  if (window.crossdeptStore) return;
  const KEY = "crossdept:workbook";
  const LEGACY_VALUE_KEY = "crossdept:worksheet:value"; // the value calculator before projects: {version: 1, data}
  const TAB_KEY = "crossdept:workbook:current"; // sessionStorage: each tab keeps the project it shows
  const VERSION = 1;
  const SHEETS = ["resources", "exchange", "tracker"];
  const FORMS = ["value"]; // the workbook's sheets that are forms (one set of fields, no rows)
  // version n → its upgrade to n + 1 (none yet: version 1 is the first shape of this record).
  const MIGRATIONS = {};

  const listeners = new Set();
  let state = null;
  let lastRaw = null; // the stored text this tab last read or wrote
  let notice = ""; // what loading had to do (a backup, a migration), for the workbook page to say
  let saveFailed = false;
  let tabCurrent = null;
  try {
    tabCurrent = sessionStorage.getItem(TAB_KEY);
  } catch (error) {
    tabCurrent = null;
  }

  const newId = (prefix) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

  function blankWorkbook(name = "") {
    return {
      format: "crossdept-workbook",
      version: 1,
      project: name ? { name } : {},
      worksheets: { resources: { rows: [] }, exchange: { rows: [] }, tracker: { rows: [] }, value: {} },
    };
  }

  // A workbook as the core or an import gives it → the stored shape: every sheet present, every row an object with an _id.
  function adopt(workbook) {
    const book = JSON.parse(JSON.stringify(workbook || {}));
    book.format = "crossdept-workbook";
    book.version = book.version || 1;
    book.project = book.project && typeof book.project === "object" ? book.project : {};
    book.worksheets = book.worksheets && typeof book.worksheets === "object" ? book.worksheets : {};
    for (const sheet of SHEETS) {
      const rows = book.worksheets[sheet] && Array.isArray(book.worksheets[sheet].rows) ? book.worksheets[sheet].rows : [];
      book.worksheets[sheet] = { rows: rows.map((row) => ({ ...(row && typeof row === "object" ? row : {}), _id: (row && row._id) || newId("r") })) };
    }
    if (!book.worksheets.value || typeof book.worksheets.value !== "object") book.worksheets.value = {};
    return book;
  }

  function newProject(workbook) {
    const now = new Date().toISOString();
    return { id: newId("p"), created: now, updated: now, skipped: {}, workbook: adopt(workbook || blankWorkbook()) };
  }

  function emptyState() {
    const first = newProject();
    return { version: VERSION, current: first.id, projects: [first] };
  }

  function backup(raw, why) {
    const key = `${KEY}:backup:${new Date().toISOString()}`;
    try {
      localStorage.setItem(key, raw);
      notice = `${why}原来的内容已原样备份在浏览器存储的“${key}”里，没有删除。`;
    } catch (error) {
      notice = `${why}而且浏览器存储已满，无法备份；请不要清除浏览器数据，并联系课程维护者。`;
    }
  }

  // The value calculator saved on its own before projects existed: it becomes the first project's value sheet.
  function fromLegacy() {
    const fresh = emptyState();
    try {
      const legacy = JSON.parse(localStorage.getItem(LEGACY_VALUE_KEY) || "null");
      if (legacy && legacy.version === 1 && legacy.data && typeof legacy.data === "object") {
        fresh.projects[0].workbook.worksheets.value = { ...legacy.data };
        notice = "价值量化计算器里原来填写的内容已经并入第一个项目。";
      }
    } catch (error) {
      // an unreadable legacy record stays where it is; the new store starts empty beside it
    }
    return fresh;
  }

  function parse(raw) {
    if (raw === null) return fromLegacy();
    let stored;
    try {
      stored = JSON.parse(raw);
    } catch (error) {
      backup(raw, "浏览器里保存的工作簿无法读取，已另起一份空白工作簿。");
      return emptyState();
    }
    if (!stored || typeof stored !== "object" || !Number.isInteger(stored.version) || !Array.isArray(stored.projects)) {
      backup(raw, "浏览器里保存的工作簿格式无法识别，已另起一份空白工作簿。");
      return emptyState();
    }
    if (stored.version > VERSION) {
      backup(raw, "浏览器里的工作簿来自更新版本的课程网站，本页无法直接使用，已另起一份。");
      return emptyState();
    }
    for (let v = stored.version; v < VERSION; v++) stored = MIGRATIONS[v](stored);
    stored.projects = stored.projects.filter((p) => p && typeof p === "object").map((p) => ({
      id: p.id || newId("p"), created: p.created || "", updated: p.updated || "",
      skipped: p.skipped && typeof p.skipped === "object" ? p.skipped : {}, workbook: adopt(p.workbook),
    }));
    if (!stored.projects.length) stored.projects.push(newProject());
    if (!stored.projects.some((p) => p.id === stored.current)) stored.current = stored.projects[0].id;
    return stored;
  }

  function read() {
    let raw = null;
    try {
      raw = localStorage.getItem(KEY);
    } catch (error) {
      raw = null; // storage disabled: work in memory, saving reports the failure
    }
    if (state && raw === lastRaw) return false;
    state = parse(raw);
    lastRaw = raw;
    return true;
  }

  function write() {
    const raw = JSON.stringify(state);
    try {
      localStorage.setItem(KEY, raw);
      lastRaw = raw;
      saveFailed = false;
    } catch (error) {
      saveFailed = true;
    }
    return !saveFailed;
  }

  function notify(source) {
    listeners.forEach((listener) => listener(state, source) === false && listeners.delete(listener));
  }

  function load() {
    if (!state) {
      read();
      if (lastRaw === null) write(); // a migrated or first record is stored at once
    }
    return state;
  }

  // Apply `change(project, state)` to the latest stored record and save; returns whether it was saved.
  // If another tab wrote in the meantime, its version is taken first and everyone on this page hears of it.
  function update(change, source) {
    load();
    const changedElsewhere = read();
    const project = current();
    change(project, state);
    project.updated = new Date().toISOString();
    const saved = write();
    notify(changedElsewhere ? "other-tab" : source);
    return saved;
  }

  // This tab's project: the one it last showed, else the one last used in any tab.
  function current() {
    load();
    return state.projects.find((p) => p.id === tabCurrent) || state.projects.find((p) => p.id === state.current) || state.projects[0];
  }

  function show(projectId) {
    tabCurrent = projectId;
    state.current = projectId;
    try {
      sessionStorage.setItem(TAB_KEY, projectId);
    } catch (error) {
      // without sessionStorage the tab follows the last project used
    }
  }

  // ---- operations the worksheets use ------------------------------------------------------
  const rowsOf = (project, sheet) => project.workbook.worksheets[sheet].rows;
  const ops = {
    setCell: (sheet, rowId, key, value) => update((p) => {
      const row = rowsOf(p, sheet).find((r) => r._id === rowId);
      if (row) row[key] = value;
    }, "cell"),
    addRow: (sheet, cells = {}, at = null) => {
      const row = { ...cells, _id: newId("r") };
      update((p) => {
        const rows = rowsOf(p, sheet);
        rows.splice(at === null ? rows.length : Math.max(0, Math.min(at, rows.length)), 0, row);
      }, "structure");
      return row._id;
    },
    deleteRow: (sheet, rowId) => {
      let removed = null;
      update((p) => {
        const rows = rowsOf(p, sheet);
        const index = rows.findIndex((r) => r._id === rowId);
        if (index >= 0) removed = { row: rows.splice(index, 1)[0], index };
      }, "structure");
      return removed;
    },
    restoreRow: (sheet, removed) => update((p) => {
      const rows = rowsOf(p, sheet);
      if (!rows.some((r) => r._id === removed.row._id)) rows.splice(Math.min(removed.index, rows.length), 0, removed.row);
    }, "structure"),
    moveRow: (sheet, rowId, by) => update((p) => {
      const rows = rowsOf(p, sheet);
      const from = rows.findIndex((r) => r._id === rowId);
      const to = from + by;
      if (from < 0 || to < 0 || to >= rows.length) return;
      rows.splice(to, 0, rows.splice(from, 1)[0]);
    }, "structure"),
    skip: (sheet, department) => update((p) => {
      p.skipped[sheet] = [...new Set([...(p.skipped[sheet] || []), department])];
    }, "structure"),
    setProjectField: (key, value) => update((p) => {
      if (value) p.workbook.project[key] = value;
      else delete p.workbook.project[key];
    }, "cell"),
    setValue: (values) => update((p) => {
      p.workbook.worksheets.value = { ...values };
    }, "cell"),
    replaceWorkbook: (workbook) => update((p) => {
      p.workbook = adopt(workbook);
      p.skipped = {};
    }, "switch"),
    createProject: (workbook) => {
      const project = newProject(workbook);
      update((_, all) => {
        all.projects.push(project);
        show(project.id);
      }, "switch");
      return project.id;
    },
    deleteProject: (projectId) => update((_, all) => {
      all.projects = all.projects.filter((p) => p.id !== projectId);
      if (!all.projects.length) all.projects.push(newProject());
      if (!all.projects.some((p) => p.id === all.current)) all.current = all.projects[0].id;
      if (tabCurrent === projectId) show(all.current);
    }, "switch"),
    switchTo: (projectId) => update((_, all) => {
      if (all.projects.some((p) => p.id === projectId)) show(projectId);
    }, "switch"),
  };

  // The workbook as the core and exports want it: no _id, every table row as typed.
  function toWorkbook(project = current()) {
    const book = JSON.parse(JSON.stringify(project.workbook));
    for (const sheet of SHEETS) book.worksheets[sheet].rows = book.worksheets[sheet].rows.map(({ _id, ...cells }) => cells);
    return book;
  }

  function subscribe(listener) {
    listeners.add(listener);
  }

  // Another tab saved: take its record and tell the page (the tables re-render, keeping focus).
  window.addEventListener("storage", (event) => {
    if (event.key !== KEY && event.key !== null) return;
    if (read()) notify("other-tab");
  });

  let persisted = null;
  // Ask once per visit that the browser keep this site's storage under pressure (not evict it).
  function persist() {
    if (!persisted) {
      persisted = navigator.storage && navigator.storage.persist
        ? navigator.storage.persisted().then((already) => already || navigator.storage.persist()).catch(() => false)
        : Promise.resolve(false);
    }
    return persisted;
  }

  const label = (project) => (project.workbook.project.name || "").trim() || "未命名项目";

  window.crossdeptStore = {
    KEY, LEGACY_VALUE_KEY, VERSION, SHEETS, FORMS, load, current, update, subscribe, toWorkbook, blankWorkbook, persist, label,
    ...ops,
    projects: () => load().projects,
    notice: () => notice,
    saveFailed: () => saveFailed,
  };
})();

// Course progress in this browser: which pages were opened (recorded on every page view, also under
// instant navigation) and a one-line summary per self-assessment, written by the quiz, journal and
// capability kinds. The home page draws it (progress-view.js). Everything stays in localStorage.
(() => {
  if (window.crossdeptProgress) return;
  const KEY = "crossdept:progress";
  const VERSION = 1;

  function load() {
    try {
      const saved = JSON.parse(localStorage.getItem(KEY) || "null");
      if (saved && saved.version === VERSION && saved.data && typeof saved.data === "object") {
        return { pages: {}, worksheets: {}, ...saved.data };
      }
    } catch (error) {
      console.warn("progress: stored data unreadable, starting afresh", error);
    }
    return { pages: {}, worksheets: {} };
  }

  function store(data) {
    try {
      localStorage.setItem(KEY, JSON.stringify({ version: VERSION, data }));
      return true;
    } catch (error) {
      return false; // storage full or disabled: progress is a convenience, the worksheets keep their own data
    }
  }

  /** Remember that this page was opened: first and latest date. */
  function visit() {
    const course = window.crossdeptCourse;
    if (!document.querySelector("article h1")) return; // 404 and other non-pages
    const data = load();
    const path = course.pagePath();
    const now = course.stamp();
    data.pages[path] = { first: (data.pages[path] && data.pages[path].first) || now, last: now };
    store(data);
  }

  /**
   * A self-assessment reports where it stands: `page` (the page it sits on), `done` (finished at least
   * once), `text` (one line in Chinese), `keep` (survives "clear progress": the journal holds text the
   * learner wrote).
   */
  function note(definition, { page, done, text, keep = false }) {
    const data = load();
    data.worksheets[definition.id] = {
      kind: definition.kind, title: definition.title, page, done: Boolean(done), text, keep,
      updated: window.crossdeptCourse.stamp(),
    };
    store(data);
  }

  /** Forget pages, quiz scores and self-test results; journals (the learner's own writing) stay. */
  function clear() {
    const data = load();
    const kept = {};
    for (const [id, entry] of Object.entries(data.worksheets)) {
      if (entry.keep) kept[id] = entry;
      else localStorage.removeItem(window.crossdeptRuntime.storageKey(id));
    }
    return store({ pages: {}, worksheets: kept });
  }

  window.crossdeptProgress = { load, visit, note, clear };
  // Material emits document$ once per page view, including pages reached by instant navigation.
  if (window.document$) window.document$.subscribe(() => visit());
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", visit);
  else visit();
})();

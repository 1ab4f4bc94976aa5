// Course progress in this browser: which pages were opened (recorded on every page view, also
// under instant navigation) and a one-line summary per self-assessment, written by the quiz,
// journal and capability kinds. The home page draws it (progress-view.js).
import { pagePath, stamp } from "./course.js";
import * as lms from "./lms.js";
import { store } from "./storage.js";

const progress = store.record("progress", { version: 1, empty: () => ({ pages: {}, worksheets: {} }) });

/** {pages: {path: {first, last}}, worksheets: {id: {kind, title, page, done, text, keep, updated}}} */
export function load() {
  return { pages: {}, worksheets: {}, ...progress.load() };
}

/** Remember that this page was opened: first and latest date. */
export function visit() {
  const heading = document.querySelector("article h1");
  if (!heading || heading.hasAttribute("data-cd-not-found")) return; // the 404 page and other non-pages
  const data = load();
  const path = pagePath();
  const now = stamp();
  data.pages[path] = { first: (data.pages[path] && data.pages[path].first) || now, last: now };
  progress.save(data);
  lms.visited(path);
}

/** Pages an LMS says this learner opened elsewhere (SCORM resume) show as opened here too. */
export function restore(paths) {
  const data = load();
  const now = stamp();
  for (const path of paths) if (!data.pages[path]) data.pages[path] = { first: now, last: now };
  return progress.save(data);
}

/**
 * A self-assessment reports where it stands: `page` (the page it sits on), `done` (finished at least
 * once), `text` (one line in Chinese), `keep` (survives "clear progress": the journal holds text the
 * learner wrote).
 */
export function note(definition, { page, done, text, keep = false }) {
  const data = load();
  data.worksheets[definition.id] = { kind: definition.kind, title: definition.title, page, done: Boolean(done), text, keep, updated: stamp() };
  progress.save(data);
}

/** Forget pages, quiz scores and self-test results; journals (the learner's own writing) stay. */
export function clear() {
  const data = load();
  const kept = {};
  for (const [id, entry] of Object.entries(data.worksheets)) {
    if (entry.keep) kept[id] = entry;
    else store.record(`worksheet:${id}`, { version: 1 }).remove();
  }
  return progress.save({ pages: {}, worksheets: kept });
}

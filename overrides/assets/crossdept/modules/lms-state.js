// What an LMS is told, worked out from what the learner did in this course: pure functions over plain
// data, so node's test runner checks them (tests/js/lms-state.test.mjs). The parts and the pages come
// from the build (manifest.lms: crossdept_site/parts.py); a part is completed when all its pages were
// opened and its quiz passed at the quiz's own pass mark, as the core judged it.

// SCORM 1.2 allows 4096 characters of suspend data (CMIString4096); 2004 allows 64000.
export const SUSPEND_LIMIT = { "1.2": 4096, "2004": 64000 };
const FORMAT = 1;

/** The learner's record kept by the LMS: pages opened and the best round of each quiz. */
export const emptyState = () => ({ pages: [], quizzes: {} });

const isCount = (n) => Number.isInteger(n) && n >= 0;

/** Suspend data back to a state; anything unreadable or unknown to this build is left out, never thrown. */
export function decodeSuspend(text, lms) {
  const state = emptyState();
  let data;
  try {
    data = JSON.parse(String(text || ""));
  } catch {
    return state;
  }
  if (!data || typeof data !== "object" || data.v !== FORMAT) return state;
  const known = new Set(lms.pages);
  if (Array.isArray(data.p)) state.pages = [...new Set(data.p.filter((p) => typeof p === "string" && known.has(p)))];
  const quizzes = new Set(lms.parts.map((part) => part.quiz));
  for (const [id, value] of Object.entries(data.q && typeof data.q === "object" ? data.q : {})) {
    if (!quizzes.has(id) || !Array.isArray(value)) continue;
    const [score, total, passed] = value;
    if (isCount(score) && isCount(total) && score <= total) state.quizzes[id] = { score, total, passed: passed === 1 };
  }
  return state;
}

/**
 * The state as suspend data within `limit` characters. Should it ever not fit, pages outside the
 * parts go first (they do not count towards completion), then the part pages; quiz results stay.
 */
export function encodeSuspend(state, lms, limit) {
  const quizzes = Object.fromEntries(Object.entries(state.quizzes).map(([id, q]) => [id, [q.score, q.total, q.passed ? 1 : 0]]));
  const partPages = new Set(lms.parts.flatMap((part) => part.pages));
  const tries = [state.pages, state.pages.filter((p) => partPages.has(p)), []];
  for (const pages of tries) {
    const text = JSON.stringify({ v: FORMAT, p: pages, q: quizzes });
    if (text.length <= limit) return text;
  }
  return JSON.stringify({ v: FORMAT, p: [], q: {} }).slice(0, limit);
}

/** The state after the learner opened `path`. */
export function visit(state, path) {
  return state.pages.includes(path) ? state : { ...state, pages: [...state.pages, path] };
}

const ratio = (q) => (q.total ? q.score / q.total : 0);

/** The state after a finished round of quiz `id`: the best round is kept (a pass beats a higher fail). */
export function recordQuiz(state, id, { score, total, passed }) {
  if (!isCount(score) || !isCount(total) || score > total) return state;
  const round = { score, total, passed: Boolean(passed) };
  const best = state.quizzes[id];
  const better = !best || (round.passed && !best.passed) || (round.passed === best.passed && ratio(round) > ratio(best));
  return better ? { ...state, quizzes: { ...state.quizzes, [id]: round } } : state;
}

/**
 * Where the learner stands, per part and for the course: the course score is the share of all quiz
 * questions answered right in each quiz's best round (0–100; null before any round is finished).
 */
export function standing(state, lms) {
  const opened = new Set(state.pages);
  const parts = lms.parts.map((part) => {
    const best = state.quizzes[part.quiz] || null;
    const read = part.pages.every((p) => opened.has(p));
    const started = Boolean(best) || part.pages.some((p) => opened.has(p));
    const passed = Boolean(best && best.passed);
    return { id: part.id, title: part.title, read, started, passed, completed: read && passed, best, questions: part.questions };
  });
  const questions = parts.reduce((sum, p) => sum + p.questions, 0);
  const right = parts.reduce((sum, p) => sum + (p.best ? Math.min(p.best.score, p.questions) : 0), 0);
  const scored = parts.some((p) => p.best);
  const done = parts.filter((p) => p.completed).length;
  return {
    parts,
    completed: parts.length > 0 && done === parts.length,
    passed: parts.length > 0 && parts.every((p) => p.passed),
    progress: parts.length ? done / parts.length : 0,
    score: scored && questions ? Math.round((100 * right) / questions) : null,
  };
}

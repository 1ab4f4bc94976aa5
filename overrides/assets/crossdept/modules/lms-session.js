// One LMS session, held by the SCORM launch page while the course's pages come and go in its frame:
// resumes from suspend data, and after every page opened and every quiz answered tells the LMS the
// status, the score, the parts (as objectives), the answers (as interactions), the session time and
// the place to resume, then commits. The course is one SCO (README: "SCORM packages").
import { SUSPEND_LIMIT, decodeSuspend, encodeSuspend, recordQuiz, standing, visit } from "./lms-state.js";

const pad = (n, width = 2) => String(n).padStart(width, "0");

// The data model's names and formats, per version.
const MODEL = {
  "1.2": {
    location: "cmi.core.lesson_location",
    exit: "cmi.core.exit",
    sessionTime: "cmi.core.session_time",
    score: "cmi.core.score",
    // HHHH:MM:SS.SS
    duration: (ms) => {
      const s = ms / 1000;
      return `${pad(Math.floor(s / 3600), 4)}:${pad(Math.floor((s % 3600) / 60))}:${pad((s % 60).toFixed(2), 5)}`;
    },
    time: (d) => `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`,
    wrong: "wrong",
  },
  "2004": {
    location: "cmi.location",
    exit: "cmi.exit",
    sessionTime: "cmi.session_time",
    score: "cmi.score",
    // ISO 8601 duration, seconds to two decimals
    duration: (ms) => {
      const s = ms / 1000;
      return `PT${Math.floor(s / 3600)}H${Math.floor((s % 3600) / 60)}M${(s % 60).toFixed(2)}S`;
    },
    time: (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`,
    wrong: "incorrect",
  },
};

// Pages are known by their path under the site root ("" for the home page, "day48/" for a folder's
// index); the package opens files. The LMS is told the path, but the home page's "" is refused by
// SCORM 2004 as a location (an empty characterstring is a type mismatch): it is told index.html.
const HOME = "index.html";
const fileOf = (path) => (path === "" || path.endsWith("/") ? `${path}${HOME}` : path);

// 1.2's choice responses are single characters; other option ids are sent as fill-in text.
const CHOICE_12 = /^[0-9a-z]$/;

/** Start reporting through `adapter` (lms-api.js connect) for the course described by `lms` (the manifest's). */
export function startSession(adapter, lms, clock = () => new Date()) {
  const v = adapter.version;
  const m = MODEL[v];
  const began = clock().getTime();
  let state = decodeSuspend(adapter.get("cmi.suspend_data"), lms);
  const kept = adapter.get(m.location);
  const resumeAt = kept === HOME ? "" : kept;
  const location = lms.pages.includes(resumeAt) ? fileOf(resumeAt) : null; // the file to resume on

  // What the LMS held at launch is never lowered (suspend data lost or from an older package).
  const initialStatus = v === "1.2" ? adapter.get("cmi.core.lesson_status") : adapter.get("cmi.completion_status");
  const initialSuccess = v === "2004" ? adapter.get("cmi.success_status") : "";
  const initialScore = Number.parseFloat(adapter.get(`${m.score}.raw`));

  // Objectives already known to the LMS (a relaunch) keep their slots; new parts take the next ones.
  const slots = new Map();
  const known = Number.parseInt(adapter.get("cmi.objectives._count"), 10) || 0;
  for (let n = 0; n < known; n++) slots.set(adapter.get(`cmi.objectives.${n}.id`), n);
  let interactions = Number.parseInt(adapter.get("cmi.interactions._count"), 10) || 0;
  const objectiveId = (partId) => (v === "2004" ? `urn:crossdept:${partId}` : partId);

  let sent = {}; // element → value last set, so a commit carries only what changed
  const put = (element, value) => {
    if (sent[element] === String(value)) return;
    if (adapter.set(element, value)) sent[element] = String(value);
  };

  function reportStanding() {
    const now = standing(state, lms);
    if (v === "1.2") {
      const earlier = ["passed", "completed"].includes(initialStatus) ? initialStatus : "incomplete";
      put("cmi.core.lesson_status", now.completed ? "passed" : earlier);
    } else {
      put("cmi.completion_status", now.completed || initialStatus === "completed" ? "completed" : "incomplete");
      put("cmi.success_status", now.passed || initialSuccess === "passed" ? "passed" : "unknown");
      put("cmi.progress_measure", now.progress.toFixed(2));
    }
    const raw = Math.max(now.score ?? -1, Number.isFinite(initialScore) ? initialScore : -1);
    if (raw >= 0) {
      put(`${m.score}.min`, 0);
      put(`${m.score}.max`, 100);
      put(`${m.score}.raw`, raw);
      if (v === "2004") put("cmi.score.scaled", (raw / 100).toFixed(4));
    }
    now.parts.forEach((part) => {
      if (!part.started) return;
      const id = objectiveId(part.id);
      if (!slots.has(id)) slots.set(id, slots.size);
      const o = `cmi.objectives.${slots.get(id)}`;
      put(`${o}.id`, id);
      if (part.best) {
        put(`${o}.score.min`, 0);
        put(`${o}.score.max`, part.best.total);
        put(`${o}.score.raw`, part.best.score);
      }
      if (v === "1.2") {
        put(`${o}.status`, part.completed ? "passed" : part.best && !part.passed ? "failed" : "incomplete");
      } else {
        if (part.best) put(`${o}.score.scaled`, (part.best.total ? part.best.score / part.best.total : 0).toFixed(4));
        put(`${o}.success_status`, part.passed ? "passed" : part.best ? "failed" : "unknown");
        put(`${o}.completion_status`, part.completed ? "completed" : "incomplete");
        put(`${o}.description`, part.title.slice(0, 250));
      }
    });
    put("cmi.suspend_data", encodeSuspend(state, lms, SUSPEND_LIMIT[v]));
  }

  function commit() {
    put(m.sessionTime, m.duration(clock().getTime() - began)); // kept current, in case the end is never heard
    adapter.commit();
  }

  function recordAnswer({ quiz, question, prompt, chosen, answer, correct }) {
    const part = lms.parts.find((p) => p.quiz === quiz);
    const i = `cmi.interactions.${interactions++}`;
    const choice = v === "2004" || [...chosen, ...answer].every((o) => CHOICE_12.test(o));
    const join = (ids) => (v === "2004" ? ids.join("[,]") : ids.join(","));
    put(`${i}.id`, `${quiz}.${question}`);
    put(`${i}.type`, choice ? "choice" : "fill-in");
    if (v === "2004") put(`${i}.description`, String(prompt || "").slice(0, 250));
    if (part) put(`${i}.objectives.0.id`, objectiveId(part.id));
    put(`${i}.${v === "1.2" ? "time" : "timestamp"}`, m.time(clock()));
    put(`${i}.correct_responses.0.pattern`, join(answer));
    put(`${i}.${v === "1.2" ? "student_response" : "learner_response"}`, join(chosen));
    put(`${i}.result`, correct ? "correct" : m.wrong);
  }

  /** A report from a page of the course (lms.js): a JSON string {type: "visit" | "answer" | "quiz", …}. */
  function handle(message) {
    let data;
    try {
      data = JSON.parse(message);
    } catch {
      return;
    }
    if (data.type === "visit" && lms.pages.includes(data.path)) {
      state = visit(state, data.path);
      put(m.location, data.path || HOME);
    } else if (data.type === "quiz") {
      state = recordQuiz(state, data.quiz, data);
    } else if (data.type === "answer" && Array.isArray(data.chosen) && Array.isArray(data.answer)) {
      recordAnswer(data);
    } else {
      return;
    }
    reportStanding();
    commit();
  }

  let ended = false;
  /** The learner leaves: the session time, "suspend" so the next launch resumes, commit, finish. */
  function end() {
    if (ended) return;
    ended = true;
    put(m.exit, "suspend");
    commit();
    adapter.finish();
  }

  reportStanding();
  commit();
  return { handle, commit, end, location, get state() { return state; } };
}

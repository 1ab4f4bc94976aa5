// The pages' side of LMS reporting. In a SCORM package the launch page (entries/launch.js) holds the
// LMS session; the page in its frame posts each report to it as a message (type LMS_REPORT), to
// its own origin only, so a page of another site framing the package hears nothing. progress.js and
// the quiz call the three functions below. On the plain site (`scorm` is "") they return at once:
// no window is looked at, nothing is sent.
import { scorm } from "./manifest.js";

/** The message type the launch page listens for. */
export const LMS_REPORT = "crossdept-lms-report";

function send(message) {
  if (!scorm || window.parent === window) return;
  try {
    // A string: nothing of this page's realm outlives it.
    window.parent.postMessage({ type: LMS_REPORT, report: JSON.stringify(message) }, location.origin);
  } catch (error) {
    console.info(`LMS: report not delivered (${error && error.message})`);
  }
}

/** The learner opened the page at `path` (course.pagePath). */
export const visited = (path) => send({ type: "visit", path });

/** A quiz question judged by the core: the options chosen, the right ones, and the verdict. */
export const answered = (definition, judged) => {
  const question = definition.questions.find((q) => q.id === judged.id);
  send({ type: "answer", quiz: definition.id, question: judged.id, prompt: question ? question.prompt : "", chosen: judged.chosen, answer: judged.answer, correct: judged.correct });
};

/** A full round of a quiz finished: its score, out of how many, and whether it passed. */
export const quizRecorded = (definition, entry) => send({ type: "quiz", quiz: definition.id, score: entry.score, total: entry.total, passed: entry.passed });

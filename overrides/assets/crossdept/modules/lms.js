// The pages' side of LMS reporting. In a SCORM package the launch page (entries/launch.js) holds the
// LMS session and lends the page in its frame one function, `report(json)`; progress.js and the quiz
// call the three functions below. On the plain site (`scorm` is "") they return at once:
// no window is looked at, nothing is requested.
import { scorm } from "./manifest.js";

function session() {
  if (!scorm || window.parent === window) return null;
  try {
    const lms = window.parent.crossdeptLms;
    return lms && typeof lms.report === "function" ? lms : null;
  } catch {
    return null; // the package opened inside a page of another origin: not our launch page
  }
}

function send(message) {
  const lms = session();
  if (!lms) return;
  try {
    lms.report(JSON.stringify(message)); // a string: nothing of this page's realm outlives it
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

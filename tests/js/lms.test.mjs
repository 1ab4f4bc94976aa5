// LMS reporting without a browser: the suspend data within SCORM 1.2's 4096 characters, the standing
// of each part, API discovery through parents and opener, and a whole session against scorm-again
// (the LMS-side runtime the packages are tested with), for SCORM 1.2 and 2004.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Scorm12API } from "../../node_modules/scorm-again/dist/esm/scorm12.js";
import { Scorm2004API } from "../../node_modules/scorm-again/dist/esm/scorm2004.js";
import { connect, findApi } from "../../overrides/assets/crossdept/modules/lms-api.js";
import { startSession } from "../../overrides/assets/crossdept/modules/lms-session.js";
import { SUSPEND_LIMIT, decodeSuspend, emptyState, encodeSuspend, recordQuiz, standing, visit } from "../../overrides/assets/crossdept/modules/lms-state.js";

globalThis.window = globalThis; // scorm-again looks for window

const LMS = {
  scorm: "1.2",
  pages: ["", "a/", "a/two.html", "b/one.html", "tools/x.html"],
  parts: [
    { id: "quiz-a", title: "第一部分", quiz: "quiz-a", questions: 4, pass_ratio: 0.75, pages: ["a/", "a/two.html"] },
    { id: "quiz-b", title: "第二部分", quiz: "quiz-b", questions: 6, pass_ratio: 0.8, pages: ["b/one.html"] },
  ],
};

test("a part is completed only when all its pages were opened and its quiz passed", () => {
  let state = visit(emptyState(), "a/");
  state = recordQuiz(state, "quiz-a", { score: 4, total: 4, passed: true });
  assert.equal(standing(state, LMS).parts[0].completed, false);

  state = visit(state, "a/two.html");

  const now = standing(state, LMS);
  assert.equal(now.parts[0].completed, true);
  assert.equal(now.completed, false);
  assert.equal(now.progress, 0.5);
  assert.equal(now.score, 40); // 4 right of the course's 10 questions
});

test("the best round is kept, and a pass beats a higher score that failed", () => {
  let state = recordQuiz(emptyState(), "quiz-b", { score: 4, total: 6, passed: false });
  state = recordQuiz(state, "quiz-b", { score: 3, total: 6, passed: false });
  assert.deepEqual(state.quizzes["quiz-b"], { score: 4, total: 6, passed: false });

  state = recordQuiz(state, "quiz-b", { score: 5, total: 6, passed: true });
  state = recordQuiz(state, "quiz-b", { score: 2, total: 6, passed: false });

  assert.deepEqual(state.quizzes["quiz-b"], { score: 5, total: 6, passed: true });
});

test("suspend data round-trips and drops what this build does not know", () => {
  let state = visit(visit(emptyState(), "a/"), "tools/x.html");
  state = recordQuiz(state, "quiz-a", { score: 3, total: 4, passed: true });

  const text = encodeSuspend(state, LMS, SUSPEND_LIMIT["1.2"]);
  const back = decodeSuspend(text, LMS);

  assert.deepEqual(back, state);
  const foreign = JSON.stringify({ v: 1, p: ["gone.html", "a/"], q: { "quiz-gone": [1, 2, 1], "quiz-a": [9, 4, 1] } });
  assert.deepEqual(decodeSuspend(foreign, LMS), { pages: ["a/"], quizzes: {} });
  for (const junk of ["", "not json", "[]", "null", '{"v":2}']) assert.deepEqual(decodeSuspend(junk, LMS), emptyState());
});

test("suspend data never passes SCORM 1.2's 4096 characters: other pages go first, then part pages", () => {
  const pages = Array.from({ length: 400 }, (_, i) => `tools/page-${i}.html`);
  const big = { ...LMS, pages: [...LMS.pages, ...pages] };
  let state = emptyState();
  for (const p of [...big.pages]) state = visit(state, p);
  state = recordQuiz(state, "quiz-b", { score: 6, total: 6, passed: true });

  const text = encodeSuspend(state, big, 4096);

  assert.ok(text.length <= 4096, `${text.length} characters`);
  const back = decodeSuspend(text, big);
  assert.deepEqual(back.pages.sort(), ["a/", "a/two.html", "b/one.html"]);
  assert.deepEqual(back.quizzes["quiz-b"], { score: 6, total: 6, passed: true });
});

// ---- discovery ---------------------------------------------------------------------------------
const api12 = () => ({ LMSInitialize: () => "true" });

test("the API is found on a parent several frames up, past a frame of another origin", () => {
  const top = { API: api12() };
  top.parent = top;
  const foreign = { parent: top };
  Object.defineProperty(foreign, "API", { get: () => { throw new Error("SecurityError"); } });
  const middle = { parent: foreign };
  const me = { parent: middle, opener: null };

  assert.equal(findApi("1.2", me), top.API);
  assert.equal(findApi("2004", me), null);
});

test("the API is found through the opener when no parent has it", () => {
  const lms = { API_1484_11: { Initialize: () => "true" } };
  lms.parent = lms;
  const me = { opener: lms };
  me.parent = me;

  assert.equal(findApi("2004", me), lms.API_1484_11);
});

test("no LMS, an LMS that refuses to start, or one that throws: no session, nothing thrown", () => {
  const lone = {};
  lone.parent = lone;
  const refusing = { API: { LMSInitialize: () => "false", LMSGetLastError: () => "101" } };
  refusing.parent = refusing;
  const throwing = { API: { LMSInitialize: () => { throw new Error("boom"); }, LMSGetLastError: () => "101" } };
  throwing.parent = throwing;
  const info = console.info;
  console.info = () => {};
  try {
    assert.equal(connect("1.2", lone), null);
    assert.equal(connect("1.2", refusing), null);
    assert.equal(connect("1.2", throwing), null);
  } finally {
    console.info = info;
  }
});

// ---- a session against scorm-again -------------------------------------------------------------
function lmsWindow(version, seed) {
  const api = version === "1.2" ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
  if (seed) api.loadFromJSON(seed);
  const win = { [version === "1.2" ? "API" : "API_1484_11"]: api, opener: null };
  win.parent = win;
  return { win, api, cmi: () => api.renderCMIToJSONObject().cmi };
}

const clock = (start = Date.parse("2026-03-02T09:00:00")) => {
  let now = start;
  const tick = () => new Date(now);
  tick.advance = (ms) => (now += ms);
  return tick;
};

function learnPartA(session, time) {
  session.handle(JSON.stringify({ type: "visit", path: "a/" }));
  session.handle(JSON.stringify({ type: "visit", path: "a/two.html" }));
  time.advance(65_500);
  for (const [question, correct] of [["q1", true], ["q2", true], ["q3", true], ["q4", false]]) {
    session.handle(JSON.stringify({ type: "answer", quiz: "quiz-a", question, prompt: "哪一个？", chosen: correct ? ["a"] : ["b"], answer: ["a"], correct }));
  }
  session.handle(JSON.stringify({ type: "quiz", quiz: "quiz-a", score: 3, total: 4, passed: true }));
}

test("SCORM 1.2: status, score, objectives, interactions, time and suspend data reach the LMS; a relaunch resumes", () => {
  const lms = lmsWindow("1.2");
  const time = clock();
  const session = startSession(connect("1.2", lms.win), { ...LMS, scorm: "1.2" }, time);

  learnPartA(session, time);
  session.end();

  const cmi = lms.cmi();
  assert.equal(cmi.core.lesson_status, "incomplete"); // one part of two
  assert.deepEqual([cmi.core.score.raw, cmi.core.score.min, cmi.core.score.max], ["30", "0", "100"]);
  assert.equal(cmi.core.exit, "suspend");
  assert.equal(cmi.core.lesson_location, "a/two.html");
  assert.match(cmi.core.session_time, /^0*:01:05\.50?$/); // scorm-again keeps it as a number of seconds
  assert.deepEqual(cmi.objectives["0"], { id: "quiz-a", status: "passed", score: { raw: "3", min: "0", max: "4" } });
  assert.equal(Object.keys(cmi.interactions).length, 4);
  assert.deepEqual([cmi.interactions["3"].id, cmi.interactions["3"].student_response, cmi.interactions["3"].result], ["quiz-a.q4", "b", "wrong"]);
  assert.ok(cmi.suspend_data.length <= 4096);

  // Relaunch: the LMS hands back what it kept; the learner finishes part B.
  const again = lmsWindow("1.2", { cmi: { core: { lesson_status: "incomplete", lesson_location: cmi.core.lesson_location, entry: "resume", score: cmi.core.score }, suspend_data: cmi.suspend_data, objectives: cmi.objectives } });
  const resumed = startSession(connect("1.2", again.win), { ...LMS, scorm: "1.2" }, clock());
  assert.equal(resumed.location, "a/two.html");
  assert.deepEqual(resumed.state.pages, ["a/", "a/two.html"]);

  resumed.handle(JSON.stringify({ type: "visit", path: "b/one.html" }));
  resumed.handle(JSON.stringify({ type: "quiz", quiz: "quiz-b", score: 6, total: 6, passed: true }));
  resumed.end();

  const after = again.cmi();
  assert.equal(after.core.lesson_status, "passed");
  assert.equal(after.core.score.raw, "90");
  assert.equal(after.objectives["0"].id, "quiz-a"); // kept its slot
  assert.deepEqual([after.objectives["1"].id, after.objectives["1"].status], ["quiz-b", "passed"]);
});

test("SCORM 2004: completion and success, scaled scores, progress, interactions with their part", () => {
  const lms = lmsWindow("2004");
  const time = clock();
  const session = startSession(connect("2004", lms.win), { ...LMS, scorm: "2004" }, time);

  learnPartA(session, time);
  session.handle(JSON.stringify({ type: "visit", path: "b/one.html" }));
  session.handle(JSON.stringify({ type: "quiz", quiz: "quiz-b", score: 5, total: 6, passed: true }));
  session.end();

  const cmi = lms.cmi();
  assert.deepEqual([cmi.completion_status, cmi.success_status, cmi.progress_measure], ["completed", "passed", "1.00"]);
  assert.deepEqual([cmi.score.raw, cmi.score.min, cmi.score.max, cmi.score.scaled], ["80", "0", "100", "0.8000"]);
  assert.equal(cmi.exit, "suspend");
  assert.equal(cmi.location, "b/one.html");
  assert.match(cmi.session_time, /^PT0H1M5\.50S$/);
  assert.deepEqual([cmi.objectives["1"].id, cmi.objectives["1"].success_status, cmi.objectives["1"].completion_status, cmi.objectives["1"].score.scaled], ["urn:crossdept:quiz-b", "passed", "completed", "0.8333"]);
  const q4 = cmi.interactions["3"];
  assert.deepEqual([q4.learner_response, q4.result, q4.objectives["0"].id, q4.description], ["b", "incorrect", "urn:crossdept:quiz-a", "哪一个？"]);
});

for (const version of ["1.2", "2004"]) {
  test(`SCORM ${version}: a learner who leaves from the home page or a folder's page resumes on its file (2004 refuses an empty location)`, () => {
    const lms = lmsWindow(version);
    const session = startSession(connect(version, lms.win), { ...LMS, scorm: version }, clock());
    session.handle(JSON.stringify({ type: "visit", path: "a/two.html" }));
    session.handle(JSON.stringify({ type: "visit", path: "" }));
    session.end();
    const cmi = lms.cmi();
    const kept = version === "1.2" ? cmi.core.lesson_location : cmi.location;
    assert.equal(kept, "index.html");
    const seed = version === "1.2" ? { cmi: { core: { lesson_location: kept, entry: "resume" }, suspend_data: cmi.suspend_data } } : { cmi: { location: kept, entry: "resume", suspend_data: cmi.suspend_data } };
    const again = lmsWindow(version, seed);
    assert.equal(startSession(connect(version, again.win), { ...LMS, scorm: version }, clock()).location, "index.html");
    const folder = lmsWindow(version, version === "1.2" ? { cmi: { core: { lesson_location: "a/" } } } : { cmi: { location: "a/" } });
    assert.equal(startSession(connect(version, folder.win), { ...LMS, scorm: version }, clock()).location, "a/index.html");
  });
}

test("after the session ends nothing more reaches the LMS: a late commit (the tab hidden) or page report", () => {
  const lms = lmsWindow("2004");
  const session = startSession(connect("2004", lms.win), LMS, clock());
  session.handle(JSON.stringify({ type: "visit", path: "a/" }));
  session.end();
  const calls = [];
  for (const name of ["SetValue", "GetValue", "Commit", "Terminate", "GetLastError"]) {
    const real = lms.api[name].bind(lms.api);
    lms.api[name] = (...args) => (calls.push(name), real(...args));
  }
  session.commit();
  session.handle(JSON.stringify({ type: "visit", path: "b/one.html" }));
  session.end();
  assert.deepEqual(calls, []);
  assert.equal(lms.cmi().location, "a/");
});

test("what the LMS had at launch is never lowered, even when the suspend data is lost", () => {
  const lms = lmsWindow("1.2", { cmi: { core: { lesson_status: "passed", score: { raw: "90", min: "0", max: "100" } }, suspend_data: "" } });
  const session = startSession(connect("1.2", lms.win), { ...LMS, scorm: "1.2" }, clock());

  session.handle(JSON.stringify({ type: "visit", path: "a/" }));
  session.end();

  assert.equal(lms.cmi().core.lesson_status, "passed");
  assert.equal(lms.cmi().core.score.raw, "90");
});

// Finding the LMS's SCORM API and talking to it the same way for 1.2 and 2004. Every call is guarded:
// an LMS that throws or answers errors gives empty values and `false`, logged as information only,
// so the course never breaks and never shows the learner anything alarming.

const DIALECTS = {
  "1.2": { api: "API", init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish", error: "LMSGetLastError" },
  "2004": { api: "API_1484_11", init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate", error: "GetLastError" },
};

// ADL's discovery algorithm: this window, then its parents (2004's reference code allows 500 levels;
// 1.2's stopped at 7, too few for LMSs that nest players in frames), then the opener and its parents.
const MAX_LEVELS = 500;

function peek(win, name, methods) {
  try {
    const api = win[name];
    return api && typeof api[methods.init] === "function" ? api : null;
  } catch {
    return null; // a frame of another origin: keep climbing
  }
}

function climb(start, name, methods) {
  let win = start;
  for (let level = 0; win && level <= MAX_LEVELS; level++) {
    const api = peek(win, name, methods);
    if (api) return api;
    let parent = null;
    try {
      parent = win.parent;
    } catch {
      return null;
    }
    if (!parent || parent === win) return null;
    win = parent;
  }
  return null;
}

/** The LMS's API object for `version` ("1.2" or "2004") seen from `win`, or null. */
export function findApi(version, win = window) {
  const methods = DIALECTS[version];
  if (!methods) return null;
  let opener = null;
  try {
    opener = win.opener;
  } catch {
    opener = null;
  }
  return climb(win, methods.api, methods) || (opener ? climb(opener, methods.api, methods) : null);
}

const quiet = (message) => console.info(`LMS: ${message}`);

/**
 * Initialize the LMS session and return one adapter for both versions:
 * {version, get(element) → string, set(element, value) → boolean, commit(), finish()}, or null
 * when there is no LMS or it refuses to start a session (then the course runs as a plain site).
 */
export function connect(version, win = window) {
  const methods = DIALECTS[version];
  const api = findApi(version, win);
  if (!api) return null;
  const call = (method, ...args) => {
    try {
      const answer = api[method](...args);
      return answer;
    } catch (error) {
      quiet(`${method} threw ${error && error.message}`);
      return undefined;
    }
  };
  const failed = (what, answer) => {
    if (answer === true || answer === "true") return false;
    quiet(`${what} answered ${answer} (error ${call(methods.error)})`);
    return true;
  };
  if (failed(methods.init, call(methods.init, ""))) return null;
  let finished = false;
  return {
    version,
    // After finishing, the LMS answers every call with an error (a tab hidden after the learner left
    // still commits): nothing more is sent.
    get(element) {
      if (finished) return "";
      const value = call(methods.get, element);
      return value === undefined || value === null ? "" : String(value);
    },
    set(element, value) {
      return !finished && !failed(`${methods.set} ${element}`, call(methods.set, element, String(value)));
    },
    commit() {
      return !finished && !failed(methods.commit, call(methods.commit, ""));
    },
    finish() {
      if (finished) return false;
      finished = true;
      return !failed(methods.finish, call(methods.finish, ""));
    },
  };
}

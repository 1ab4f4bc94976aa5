// The page's side of the core: one worker for the whole visit (it survives instant navigation,
// because this module is evaluated once), calls correlated by id, a timeout on every call, and a
// fresh worker when the old one broke. Everything a page asks the core goes through callCore.
import { CALL, CALL_TIMEOUT_MS, FAILED, INIT, KEPT, LOAD, READY, RESULT, START_TIMEOUT_MS, unknown } from "./protocol.js";
import { manifest, scorm, siteRoot, siteUrl } from "./manifest.js";

/** A call the core could not answer; `message` is Chinese, for the reader, and says what to do. */
export class CoreError extends Error {}

// kept: whether the offline service worker holds the whole runtime (null: not known yet).
const core = { state: "idle", error: "", worker: null, ready: null, pending: new Map(), nextId: 1, info: {}, loaded: new Map(), kept: null };
const listeners = new Set();

function setState(state, error = "") {
  core.state = state;
  core.error = error;
  listeners.forEach((listener) => listener(core.state, core.error) === false && listeners.delete(listener));
}

/** "idle" | "loading" | "ready" | "failed", the reason when failed, start-up figures, and whether the runtime is kept offline. */
export const coreStatus = () => ({ state: core.state, error: core.error, kept: core.kept, ...core.info });

/** Call `listener(state, error)` on every change (and now); it returns false to stop listening. */
export function onCoreState(listener) {
  if (listener(core.state, core.error) !== false) listeners.add(listener);
}

// ---- the offline service worker's copy of the runtime (src/crossdept_site/service_worker.js) ----
// A SCORM package has none: the LMS serves its files (entries/site.js registers none there).
const serviceWorker = "serviceWorker" in navigator && /^https?:$/.test(location.protocol) && !scorm ? navigator.serviceWorker : null;
// The cache the service worker keeps the runtime in; its name carries the course's path.
const RUNTIME_CACHE = `crossdept:${siteRoot.pathname}:runtime`;
/** The runtime's size in MB, for the reader (Pyodide and the core; the optional snapshot aside). */
export const runtimeMegabytes = () => Math.round((manifest.runtime.bytes || 0) / 1e5) / 10;
/** Whether this page can keep the runtime for offline use at all (served, with a service worker). */
export const canKeepRuntime = () => serviceWorker !== null;

let askedToKeep = null;
serviceWorker?.addEventListener("message", ({ data }) => {
  if (!data || data.type !== "runtime-kept") return;
  core.kept = Boolean(data.complete);
  askedToKeep?.(core.kept);
  askedToKeep = null;
  setState(core.state, core.error);
});

/** Ask the service worker what of the runtime it keeps (`download`: fetch what is missing); resolves to whether it is all kept. */
export function keepRuntime({ download = false } = {}) {
  if (!serviceWorker) return Promise.resolve(false);
  return new Promise((resolve) => {
    askedToKeep = resolve;
    serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: "keep-runtime", download }));
  });
}

// Why a start failed, in words a reader can act on (the browser's own reasons are English).
function explain(reason) {
  if (location.protocol === "file:") return "网页是直接从文件夹打开的（file://），浏览器不允许这样运行计算核心：请用网页服务器打开这个文件夹，例如在文件夹里运行 python3 -m http.server，再用浏览器打开它显示的地址。";
  if (!navigator.onLine) return "现在没有网络，而这台设备还没有保存过计算核心：工作表需要联网打开一次；联网后也可以点下面的按钮把它下载到本机，之后离线也能使用。";
  if (/fetch|network|load/i.test(reason)) return "计算核心的文件没能下载下来：请检查网络后刷新页面；如果是公司内网，请联系网站管理员。";
  return reason || "计算核心没能启动：请刷新页面再试。";
}

function start() {
  setState("loading");
  const urls = manifest.runtime;
  let worker;
  try {
    worker = new Worker(siteUrl(urls.worker), { type: "module" });
  } catch (error) {
    return Promise.reject(new CoreError(explain(error.message)));
  }
  core.worker = worker;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new CoreError("计算核心启动太慢，已经放弃等待：请检查网络后刷新页面。")), START_TIMEOUT_MS);
    worker.onmessage = ({ data: message }) => {
      switch (message.type) {
        case READY:
          clearTimeout(timer);
          core.info = { ms: message.ms, python: message.python, phases: message.phases, snapshot: message.snapshot, start: message.start, worker: message.worker };
          resolve();
          break;
        case FAILED:
          clearTimeout(timer);
          reject(new CoreError(explain(message.message)));
          break;
        case RESULT:
          settle(message);
          break;
        case KEPT:
          keepRuntime(); // the files are written: ask the service worker what it now holds
          break;
        default:
          unknown("core-client", message);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      clearTimeout(timer);
      reject(new CoreError(explain(event.message)));
      broke("计算核心意外停止了，已经重新启动：请再试一次。");
    };
    // Not controlled by the service worker yet (a first visit): the core's worker keeps what it downloads.
    const keep = serviceWorker && !serviceWorker.controller ? RUNTIME_CACHE : null;
    worker.postMessage({
      type: INIT, pyodide: siteUrl(urls.pyodide), wheel: siteUrl(urls.wheel), snapshot: urls.snapshot ? siteUrl(urls.snapshot) : null, compressed: urls.compressed || [], keep, offline: Boolean(serviceWorker),
    });
  });
}

/** Starts the core once per visit (again after it broke); resolves when it is ready. */
export function startCore() {
  if (!core.ready) {
    core.ready = start().then(
      () => setState("ready"),
      (error) => {
        setState("failed", error.message);
        core.ready = null; // the next call (a retry button, another page) tries again
        core.worker?.terminate();
        core.worker = null;
        throw error;
      },
    );
    core.ready.catch(() => {}); // the worksheets show the failure; nothing is thrown at the page
  }
  return core.ready;
}

function settle(message) {
  const call = core.pending.get(message.id);
  if (!call) return; // answered after it timed out: the caller has moved on
  core.pending.delete(message.id);
  clearTimeout(call.timer);
  if (message.error) call.reject(new CoreError(message.error));
  else call.resolve(message.response === "ready" ? message.response : JSON.parse(message.response));
}

// The worker is stuck or dead: end it, fail what it still owed, and start afresh on the next call.
function broke(why) {
  core.worker?.terminate();
  core.worker = null;
  core.ready = null;
  core.loaded.clear(); // a new worker has loaded nothing yet
  const owed = [...core.pending.values()];
  core.pending.clear();
  owed.forEach((call) => {
    clearTimeout(call.timer);
    call.reject(new CoreError(why));
  });
  setState("idle");
}

/**
 * Ask the core: `request` is {worksheet, action, data, today?, …}; resolves with the core's
 * response ({ok, result} or {ok: false, errors}); rejects with a CoreError when the core cannot
 * start, takes longer than the timeout (the worker is then restarted), or breaks. `extension`
 * sends the request to an optional package instead (loaded first, see loadExtension).
 */
export async function callCore(request, { timeoutMs = CALL_TIMEOUT_MS, extension = null } = {}) {
  await startCore();
  if (extension) await loadExtension(extension);
  const module = extension ? { module: manifest.runtime[extension].module } : {};
  return post({ type: CALL, request: JSON.stringify(request), ...module }, timeoutMs);
}

/**
 * Load an optional package the manifest lists under runtime (`"xlsx"`: the Excel writer) into the
 * core's worker, once per worker; `callCore(request, {extension: name})` calls its handle_json.
 */
function loadExtension(name) {
  const spec = manifest.runtime[name];
  if (!core.loaded.has(name)) {
    const loading = post({ type: LOAD, module: spec.module, wheels: spec.wheels.map((path) => siteUrl(path)) }, CALL_TIMEOUT_MS * 3);
    loading.catch(() => core.loaded.delete(name)); // the next export tries again
    core.loaded.set(name, loading);
  }
  return core.loaded.get(name);
}

// One message that expects a RESULT of its id; the JSON answer, parsed (a LOAD answers "ready").
function post(message, timeoutMs) {
  const worker = core.worker;
  return new Promise((resolve, reject) => {
    const id = core.nextId++;
    const timer = setTimeout(() => {
      core.pending.delete(id);
      reject(new CoreError("计算花的时间太长，已经中止并重新启动计算核心：请再试一次；如果还是这样，请检查刚才输入或导入的内容。"));
      if (core.worker === worker) broke("计算核心正在重新启动：请再试一次。");
    }, timeoutMs);
    core.pending.set(id, { resolve, reject, timer });
    worker.postMessage({ ...message, id });
  });
}

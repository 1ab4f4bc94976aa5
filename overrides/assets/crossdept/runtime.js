// Worksheet runtime, shared by every kind of worksheet: the Python core in a Web Worker, storage,
// a DOM helper, and mounting. Each kind (form.js, …) registers a mount function in
// window.crossdeptKinds before this file runs; this file mounts every worksheet on the page with
// the renderer of its kind. User text is only ever set with textContent / value, never as HTML.
(() => {
  if (window.crossdeptRuntime) return; // survives instant navigation: bind once, mount per page
  const script = document.currentScript;
  // The template writes page-relative URLs; fix them now, before instant navigation moves the page.
  const absolute = (relative) => new URL(relative, document.baseURI).href;
  const urls = { worker: absolute(script.dataset.worker), pyodide: absolute(script.dataset.pyodide), wheel: absolute(script.dataset.wheel) };
  urls.snapshot = script.dataset.snapshot ? absolute(script.dataset.snapshot) : null;

  const STORE_VERSION = 1;
  const START_TIMEOUT_MS = 90_000; // Pyodide starts in seconds; past this, say so instead of spinning

  // ---- the core, one worker for the whole visit ---------------------------------------
  const core = { state: "idle", worker: null, ready: null, pending: new Map(), nextId: 1, error: "" };
  const listeners = new Set();

  function setCoreState(state, error = "") {
    core.state = state;
    core.error = error;
    listeners.forEach((notify) => notify() === false && listeners.delete(notify));
  }

  function startCore() {
    if (core.ready) return core.ready;
    setCoreState("loading");
    core.ready = new Promise((resolve, reject) => {
      // A worksheet page starts the worker from its <head> (partials/crossdept-boot.js, inlined by main.html) so
      // Python loads while the page renders; adopt it and replay what it already answered.
      const early = window.crossdeptBoot;
      window.crossdeptBoot = null;
      let worker = early && early.worker;
      if (!worker) {
        try {
          worker = new Worker(urls.worker, { type: "module" });
        } catch (error) {
          reject(error);
          return;
        }
        worker.postMessage({ type: "init", pyodide: urls.pyodide, wheel: urls.wheel, snapshot: urls.snapshot });
      }
      core.worker = worker;
      worker.onmessage = ({ data: message }) => {
        switch (message.type) {
          case "ready":
            core.startMs = message.ms;
            core.python = message.python;
            core.phases = message.phases;
            core.fromSnapshot = message.snapshot;
            resolve();
            break;
          case "failed":
            reject(new Error(message.message));
            break;
          case "result": {
            const call = core.pending.get(message.id);
            core.pending.delete(message.id);
            if (call) call(JSON.parse(message.response));
            break;
          }
          default:
            throw new Error(`worksheet: unknown message from core ${message.type}`);
        }
      };
      worker.onerror = (event) => reject(new Error(event.message || "核心程序无法启动"));
      setTimeout(() => reject(new Error("启动超时")), START_TIMEOUT_MS);
      if (early) {
        early.queue.forEach((data) => worker.onmessage({ data }));
        if (early.error) reject(new Error(early.error));
      }
    }).then(
      () => {
        setCoreState("ready");
        // Let the offline service worker keep the runtime for the next (maybe offline) visit.
        navigator.serviceWorker?.ready.then((registration) => registration.active?.postMessage({ type: "keep-runtime" }));
      },
      (error) => {
        setCoreState("failed", error.message);
        throw error;
      },
    );
    core.ready.catch(() => {}); // failure is shown on the worksheets, not thrown at the page
    return core.ready;
  }

  async function callCore(request) {
    await startCore();
    return new Promise((resolve) => {
      const id = core.nextId++;
      core.pending.set(id, resolve);
      core.worker.postMessage({ type: "call", id, request: JSON.stringify(request) });
    });
  }

  // ---- storage ---------------------------------------------------------------------------
  const storageKey = (id) => `crossdept:worksheet:${id}`;

  function loadSaved(id) {
    try {
      const saved = JSON.parse(localStorage.getItem(storageKey(id)) || "null");
      if (saved && saved.version === STORE_VERSION && saved.data && typeof saved.data === "object") return saved.data;
    } catch (error) {
      console.warn("worksheet: stored data unreadable, kept as is", error);
    }
    return {};
  }

  function save(id, data) {
    try {
      localStorage.setItem(storageKey(id), JSON.stringify({ version: STORE_VERSION, saved: new Date().toISOString(), data }));
      return true;
    } catch (error) {
      return false;
    }
  }

  // ---- rendering -------------------------------------------------------------------------
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    node.append(...children.filter(Boolean));
    return node;
  }

  const STATUS_TEXT = {
    loading: "正在启动计算核心……表单已可填写，结果稍后出现。",
    ready: "结果由课程的 Python 计算核心在你的浏览器里算出，数据不离开本机。",
    failed: "计算核心没能启动，暂时无法给出结果；你填写的内容已保存在本机，不会丢失。",
  };

  // Keeps a worksheet's data-core attribute and status line in step with the core.
  function trackCore(root, status) {
    const render = () => {
      if (!root.isConnected) return false; // the page was swapped by instant navigation
      root.dataset.core = core.state === "idle" ? "loading" : core.state;
      if (status) {
        status.textContent = STATUS_TEXT[root.dataset.core];
        if (core.state === "failed" && core.error) status.textContent += `（原因：${core.error}）`;
      }
      return true;
    };
    listeners.add(render);
    render();
  }

  const api = { urls, core, callCore, startCore, trackCore, el, loadSaved, save, storageKey, STATUS_TEXT };

  function mountAll() {
    const kinds = window.crossdeptKinds || {};
    for (const root of document.querySelectorAll(".cd-worksheet:not([data-mounted])")) {
      root.dataset.mounted = "true";
      try {
        const definition = JSON.parse(root.dataset.definition);
        const mount = kinds[definition.kind];
        if (!mount) throw new Error(`未知的工作表类型 ${definition.kind}`);
        mount(root, definition, api);
        startCore();
      } catch (error) {
        root.dataset.core = "failed";
        root.append(el("p", { class: "cd-error", text: `工作表无法显示：${error.message}` }));
      }
    }
  }

  window.crossdeptRuntime = api;
  if (window.document$) window.document$.subscribe(mountAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();

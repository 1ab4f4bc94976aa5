// Worksheet runtime: renders each worksheet from its inline definition, saves every edit to
// localStorage, and asks the Python core (in a Web Worker) for results. The form works at once;
// results appear when the core is ready. User text is only ever set with textContent / value.
(() => {
  if (window.crossdeptRuntime) return; // survives instant navigation: bind once, mount per page
  const script = document.currentScript;
  // The template writes page-relative URLs; fix them now, before instant navigation moves the page.
  const absolute = (relative) => new URL(relative, document.baseURI).href;
  const urls = { worker: absolute(script.dataset.worker), pyodide: absolute(script.dataset.pyodide), wheel: absolute(script.dataset.wheel) };

  const STORE_VERSION = 1;
  const DEBOUNCE_MS = 200;
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
      let worker;
      try {
        worker = new Worker(urls.worker, { type: "module" });
      } catch (error) {
        reject(error);
        return;
      }
      core.worker = worker;
      worker.onmessage = ({ data: message }) => {
        switch (message.type) {
          case "ready":
            core.startMs = message.ms;
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
      worker.postMessage({ type: "init", pyodide: urls.pyodide, wheel: urls.wheel });
    }).then(
      () => setCoreState("ready"),
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

  function mountForm(root, definition) {
    const id = definition.id;
    const data = loadSaved(id);
    const inputs = new Map();
    const errorSlots = new Map();
    const status = el("p", { class: "cd-status", role: "status" });
    const general = el("p", { class: "cd-error cd-general", role: "alert", hidden: "" });
    const saveNote = el("p", { class: "cd-save-note", "aria-live": "polite" });

    const form = el("form", { class: "cd-form", novalidate: "", onsubmit: (e) => e.preventDefault() });
    for (const field of definition.fields) {
      const inputId = `cd-${id}-${field.key}`;
      const attrs = { id: inputId, name: field.key, autocomplete: "off", "aria-describedby": `${inputId}-help ${inputId}-error` };
      if (field.placeholder) attrs.placeholder = field.placeholder;
      const input = field.type === "textarea" ? el("textarea", attrs) : el("input", { ...attrs, type: field.type === "date" ? "date" : "text" });
      if (field.type === "number") input.setAttribute("inputmode", "decimal");
      input.value = data[field.key] ?? "";
      input.addEventListener("input", () => onEdit());
      inputs.set(field.key, input);
      const error = el("p", { class: "cd-error", id: `${inputId}-error`, hidden: "" });
      errorSlots.set(field.key, error);
      form.append(
        el("div", { class: "cd-field", "data-field": field.key },
          el("label", { for: inputId, text: field.label }),
          el("div", { class: "cd-input" }, input, field.unit ? el("span", { class: "cd-unit", text: field.unit }) : null),
          el("p", { class: "cd-help", id: `${inputId}-help`, text: field.help || "" }),
          error),
      );
    }

    const outputs = el("div", { class: "cd-outputs", "aria-live": "polite" });
    const outputNodes = new Map();
    for (const output of definition.outputs || []) {
      const value = el("div", { class: "cd-output-value", "data-output": output.key });
      const box = el("div", { class: `cd-output cd-output-${output.style || "text"}` }, el("div", { class: "cd-output-label", text: output.label }), value);
      if (output.copy) {
        const button = el("button", { type: "button", class: "md-button cd-copy", text: "复制" });
        button.addEventListener("click", async () => {
          try {
            await navigator.clipboard.writeText(value.textContent);
            button.textContent = "已复制";
          } catch (error) {
            button.textContent = "请手动选择复制";
          }
          setTimeout(() => (button.textContent = "复制"), 2000);
        });
        box.append(button);
      }
      outputNodes.set(output.key, value);
      outputs.append(box);
    }

    const clear = el("button", { type: "button", class: "md-button cd-clear", text: "清空重填" });
    clear.addEventListener("click", () => {
      if (!window.confirm("清空这个工作表里填写的全部内容？")) return;
      inputs.forEach((input) => (input.value = ""));
      onEdit();
    });

    root.replaceChildren(
      el("div", { class: "cd-head" }, el("h3", { class: "cd-title", text: definition.title }), definition.description ? el("p", { class: "cd-description", text: definition.description }) : null),
      status, form, general, outputs, el("div", { class: "cd-actions" }, clear, saveNote),
    );

    function collect() {
      const values = {};
      inputs.forEach((input, key) => (values[key] = input.value));
      return values;
    }

    function showErrors(errors) {
      errorSlots.forEach((slot, key) => {
        slot.hidden = true;
        slot.textContent = "";
        inputs.get(key).removeAttribute("aria-invalid");
      });
      const other = [];
      for (const error of errors) {
        const slot = errorSlots.get(error.field);
        if (slot) {
          slot.textContent = error.message;
          slot.hidden = false;
          inputs.get(error.field).setAttribute("aria-invalid", "true");
        } else other.push(error.message);
      }
      general.textContent = other.join("；");
      general.hidden = other.length === 0;
    }

    let timer = null;
    let generation = 0;
    async function compute() {
      const mine = ++generation;
      const response = await callCore({ worksheet: id, action: definition.action, data: collect() });
      if (mine !== generation) return; // a newer edit already asked
      if (response.ok) {
        showErrors([]);
        outputNodes.forEach((node, key) => (node.textContent = response.result[key] ?? ""));
      } else {
        showErrors(response.errors);
      }
      root.dataset.computed = String(mine);
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => compute().catch(() => {}), DEBOUNCE_MS);
    }

    function onEdit() {
      const ok = save(id, collect());
      saveNote.textContent = ok ? "已自动保存在本机浏览器" : "无法保存到浏览器（存储已满或被禁用），请导出或复制你的内容";
      schedule();
    }

    function renderState() {
      if (!root.isConnected) return false; // the page was swapped by instant navigation
      root.dataset.core = core.state === "idle" ? "loading" : core.state;
      status.textContent = STATUS_TEXT[root.dataset.core];
      if (core.state === "failed" && core.error) status.textContent += `（原因：${core.error}）`;
    }

    // Another tab edited the same worksheet: take its values unless this tab is mid-edit.
    window.addEventListener("storage", (event) => {
      if (event.key !== storageKey(id) || !root.isConnected) return;
      const fresh = loadSaved(id);
      inputs.forEach((input, key) => {
        if (document.activeElement !== input) input.value = fresh[key] ?? "";
      });
      schedule();
    });

    listeners.add(renderState);
    renderState();
    schedule();
  }

  function mountAll() {
    for (const root of document.querySelectorAll(".cd-worksheet:not([data-mounted])")) {
      root.dataset.mounted = "true";
      try {
        const definition = JSON.parse(root.dataset.definition);
        if (definition.kind === "form") mountForm(root, definition);
        startCore();
      } catch (error) {
        root.dataset.core = "failed";
        root.append(el("p", { class: "cd-error", text: `工作表无法显示：${error.message}` }));
      }
    }
  }

  window.crossdeptRuntime = { urls, core, callCore, startCore };
  if (window.document$) window.document$.subscribe(mountAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();

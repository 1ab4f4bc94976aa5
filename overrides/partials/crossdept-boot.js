// Inlined in the <head> of worksheet pages: start the core's worker before the page has even
// rendered, and keep its first messages until runtime.js adopts it (window.crossdeptBoot).
(() => {
  const data = document.currentScript.dataset;
  const url = (relative) => new URL(relative, document.baseURI).href;
  try {
    const worker = new Worker(url(data.worker), { type: "module" });
    const boot = { worker, queue: [], error: "" };
    worker.onmessage = ({ data: message }) => boot.queue.push(message);
    worker.onerror = (event) => (boot.error = event.message || "核心程序无法启动");
    worker.postMessage({
      type: "init", pyodide: url(data.pyodide), wheel: url(data.wheel),
      snapshot: data.snapshot ? url(data.snapshot) : null,
    });
    window.crossdeptBoot = boot;
  } catch (error) {
    // No worker here (very old browser): runtime.js will try again and report it.
  }
})();

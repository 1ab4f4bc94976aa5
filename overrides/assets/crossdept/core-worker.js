// The planning core in a Web Worker: Pyodide starts here so typing never waits on it.
// Protocol (one switch, unknown messages throw): page → {type: "init", pyodide, wheel}
// answered by {type: "ready", ms} or {type: "failed", message}; page → {type: "call", id, request}
// answered by {type: "result", id, response}. Requests and responses are JSON strings: no
// Python proxy ever crosses into JavaScript, and no user text is spliced into Python source.

let handleJson = null;
let python = "";

async function start(pyodideUrl, wheelUrl) {
  const began = performance.now();
  // loadPyodide never settles when the .wasm is missing (Emscripten only logs a warning), so
  // make sure it is there first; the page's watchdog covers any other way start-up can hang.
  const wasm = await fetch(new URL("pyodide.asm.wasm", pyodideUrl), { method: "HEAD" });
  if (!wasm.ok) throw new Error(`Python 运行环境文件缺失（HTTP ${wasm.status}）`);
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideUrl).href);
  // packageBaseUrl keeps every package lookup on this server (the default is a CDN).
  const pyodide = await loadPyodide({ indexURL: pyodideUrl, packageBaseUrl: pyodideUrl });
  const response = await fetch(wheelUrl);
  if (!response.ok) throw new Error(`核心程序包下载失败（HTTP ${response.status}）`);
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(await response.arrayBuffer(), "wheel", { extractDir: sitePackages });
  handleJson = pyodide.pyimport("crossdept.api").handle_json;
  python = pyodide.runPython("import sys; sys.version.split()[0]");
  return Math.round(performance.now() - began);
}

self.onmessage = async ({ data: message }) => {
  switch (message.type) {
    case "init":
      try {
        const ms = await start(message.pyodide, message.wheel);
        self.postMessage({ type: "ready", ms, python });
      } catch (error) {
        self.postMessage({ type: "failed", message: String(error && error.message ? error.message : error) });
      }
      break;
    case "call":
      self.postMessage({ type: "result", id: message.id, response: handleJson(message.request) });
      break;
    default:
      throw new Error(`core-worker: unknown message type ${message.type}`);
  }
};

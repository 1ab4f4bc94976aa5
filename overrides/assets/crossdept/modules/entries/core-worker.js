// The planning core in a Web Worker: Pyodide starts here so typing never waits on it. The
// messages are those of ../protocol.js, one switch, unknown types throw.
import { CALL, FAILED, INIT, KEPT, LOAD, READY, RESULT, unknown } from "../protocol.js";

let handleJson = null;
let pyodide = null;
const modules = new Map(); // module name → its handle_json, for packages loaded on demand
let python = "";
let snapshotUsed = false;
const phases = {}; // milliseconds since the worker started, per start-up step (for the benchmark)
const mark = (name) => (phases[name] = Math.round(performance.now()));

// The build's snapshot of a warm interpreter, gzip'd. Rejects when it is missing or broken:
// then the normal start runs and the reader only notices the time. A server that sends the file
// with "Content-Encoding: gzip" (as object stores do) has the browser unzip it already: bytes that
// do not start with gzip's magic number are taken as they are.
async function fetchSnapshot(snapshotUrl) {
  const response = await fetch(snapshotUrl);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  let bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const unzipped = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    bytes = new Uint8Array(await new Response(unzipped).arrayBuffer());
  }
  mark("snapshot");
  return bytes;
}

// On a visit the offline service worker does not control yet (the first one), the runtime files
// this worker downloads are written to the service worker's cache from here, so that it never
// downloads them a second time. Returns a function that resolves once every write is done.
function keepDownloads(cacheName, isRuntime) {
  const writes = [];
  const download = self.fetch.bind(self);
  self.fetch = async (input, init) => {
    const response = await download(input, init);
    const request = new Request(input, init);
    if (request.method === "GET" && response.status === 200 && isRuntime(request.url)) {
      const copy = response.clone(); // now, before the caller reads the body
      writes.push(caches.open(cacheName).then((cache) => cache.put(request.url, copy)).catch(() => {}));
    }
    return response;
  };
  return () => Promise.all(writes);
}

async function fetchWheel(wheelUrl) {
  const response = await fetch(wheelUrl);
  if (!response.ok) throw new Error(`核心程序包下载失败（HTTP ${response.status}）`);
  return response.arrayBuffer();
}

async function boot(loadPyodide, createPyodideModule, pyodideUrl, snapshotUrl) {
  // packageBaseUrl keeps every package lookup on this server (the default is a CDN).
  // createPyodideModule: the module we imported ourselves, so Pyodide does not import its
  // pyodide.asm.mjs by that name (see below).
  const options = { indexURL: pyodideUrl, packageBaseUrl: pyodideUrl, createPyodideModule };
  if (snapshotUrl) {
    try {
      // Handing over the promise lets Pyodide fetch its own files while the snapshot arrives;
      // Pyodide awaits it later, so mark its failure handled now (it still rejects there).
      const snapshot = fetchSnapshot(snapshotUrl);
      snapshot.catch(() => {});
      const pyodide = await loadPyodide({ ...options, _loadSnapshot: snapshot });
      snapshotUsed = true;
      return pyodide;
    } catch (error) {
      console.info(`core-worker: snapshot unusable (${error.message}), starting Pyodide normally`);
    }
  }
  return loadPyodide(options);
}

let written = () => Promise.resolve();

async function start({ pyodide: pyodideUrl, wheel: wheelUrl, snapshot: snapshotUrl, keep }) {
  const began = performance.now();
  if (keep && self.caches) written = keepDownloads(keep, (url) => url.startsWith(pyodideUrl) || url === wheelUrl || url === snapshotUrl);
  // loadPyodide never settles when the .wasm is missing (Emscripten only logs a warning), so
  // make sure it is there first; the page's start timeout covers any other way start-up can hang.
  const wheel = fetchWheel(wheelUrl);
  wheel.catch(() => {}); // awaited below; a failure is reported there
  // Pyodide's ES modules are shipped as .js (crossdept_site/pyodide_runtime.py): a server that
  // does not know the .mjs type (Debian's stock nginx) would make the browser refuse them.
  const [wasm, { loadPyodide }, { default: createPyodideModule }] = await Promise.all([
    fetch(new URL("pyodide.asm.wasm", pyodideUrl), { method: "HEAD" }),
    import(new URL("pyodide.mjs.js", pyodideUrl).href),
    import(new URL("pyodide.asm.mjs.js", pyodideUrl).href),
  ]);
  if (!wasm.ok) throw new Error(`Python 运行环境文件缺失（HTTP ${wasm.status}）`);
  // import() does not go through fetch, so the two modules would never reach the offline cache:
  // fetch them once more for it (the browser's HTTP cache answers; nothing is downloaded again).
  const modulesKept = keep && self.caches
    ? Promise.all(["pyodide.mjs.js", "pyodide.asm.mjs.js"].map((name) => fetch(new URL(name, pyodideUrl)).catch(() => {})))
    : null;
  // With another type, WebAssembly.instantiateStreaming fails and Pyodide only logs it and waits.
  const wasmType = (wasm.headers.get("content-type") || "").split(";")[0].trim();
  if (wasmType && wasmType !== "application/wasm") throw new Error(`网页服务器把 Python 运行环境（.wasm 文件）当作 ${wasmType} 发送，浏览器无法运行：请网站管理员让服务器以 application/wasm 发送 .wasm 文件（见课程说明的托管一节）。`);
  mark("imported");
  pyodide = await boot(loadPyodide, createPyodideModule, pyodideUrl, snapshotUrl);
  mark("booted");
  // Even after a snapshot the wheel is unpacked: the snapshot holds memory, not files, and a
  // module imported later would need its source.
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
  handleJson = pyodide.pyimport("crossdept.api").handle_json;
  python = pyodide.runPython("import sys; sys.version.split()[0]");
  mark("ready");
  const ms = Math.round(performance.now() - began);
  await modulesKept; // their cache writes are then among those `written()` waits for
  return ms;
}

// Wheels fetched from this site and unpacked like the core's (loadPackage only logs a failure).
async function load({ module, wheels }) {
  if (modules.has(module)) return;
  const archives = await Promise.all(wheels.map(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`程序包下载失败（HTTP ${response.status}）`);
    return response.arrayBuffer();
  }));
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  archives.forEach((archive) => pyodide.unpackArchive(archive, "wheel", { extractDir: sitePackages }));
  modules.set(module, pyodide.pyimport(module).handle_json);
}

self.onmessage = async ({ data: message }) => {
  switch (message.type) {
    case INIT:
      try {
        const ms = await start(message);
        self.postMessage({ type: READY, ms, python, phases, snapshot: snapshotUsed });
        await written();
        self.postMessage({ type: KEPT });
      } catch (error) {
        self.postMessage({ type: FAILED, message: String(error && error.message ? error.message : error) });
      }
      break;
    case LOAD:
      try {
        await load(message);
        self.postMessage({ type: RESULT, id: message.id, response: "ready" });
      } catch (error) {
        self.postMessage({ type: RESULT, id: message.id, error: `无法加载导出所需的程序：${error && error.message ? error.message : error}。请刷新页面后再试。` });
      }
      break;
    case CALL:
      try {
        const handler = message.module ? modules.get(message.module) : handleJson;
        if (!handler) throw new Error(`module ${message.module} is not loaded`);
        self.postMessage({ type: RESULT, id: message.id, response: handler(message.request) });
      } catch (error) {
        // handle_json answers every input; reaching here means the runtime itself broke.
        self.postMessage({ type: RESULT, id: message.id, error: "计算核心出错了：请刷新页面后再试一次。" });
      }
      break;
    default:
      unknown("core-worker", message);
  }
};

// The planning core in a Web Worker: Pyodide starts here so typing never waits on it. The
// messages are those of ../protocol.js, one switch, unknown types throw.
import { CALL, FAILED, INIT, LOAD, READY, RESULT, unknown } from "../protocol.js";

let handleJson = null;
let pyodide = null;
const modules = new Map(); // module name → its handle_json, for packages loaded on demand
let python = "";
let snapshotUsed = false;
const phases = {}; // milliseconds since the worker started, per start-up step (for the benchmark)
const mark = (name) => (phases[name] = Math.round(performance.now()));

// The build's snapshot of a warm interpreter, gzip'd. Rejects when it is missing or broken:
// then the normal start runs and the reader only notices the time.
async function fetchSnapshot(snapshotUrl) {
  const response = await fetch(snapshotUrl);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const unzipped = response.body.pipeThrough(new DecompressionStream("gzip"));
  const bytes = new Uint8Array(await new Response(unzipped).arrayBuffer());
  mark("snapshot");
  return bytes;
}

async function fetchWheel(wheelUrl) {
  const response = await fetch(wheelUrl);
  if (!response.ok) throw new Error(`核心程序包下载失败（HTTP ${response.status}）`);
  return response.arrayBuffer();
}

async function boot(loadPyodide, pyodideUrl, snapshotUrl) {
  // packageBaseUrl keeps every package lookup on this server (the default is a CDN).
  const options = { indexURL: pyodideUrl, packageBaseUrl: pyodideUrl };
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

async function start({ pyodide: pyodideUrl, wheel: wheelUrl, snapshot: snapshotUrl }) {
  const began = performance.now();
  // loadPyodide never settles when the .wasm is missing (Emscripten only logs a warning), so
  // make sure it is there first; the page's start timeout covers any other way start-up can hang.
  const wheel = fetchWheel(wheelUrl);
  wheel.catch(() => {}); // awaited below; a failure is reported there
  const [wasm, { loadPyodide }] = await Promise.all([
    fetch(new URL("pyodide.asm.wasm", pyodideUrl), { method: "HEAD" }),
    import(new URL("pyodide.mjs", pyodideUrl).href),
  ]);
  if (!wasm.ok) throw new Error(`Python 运行环境文件缺失（HTTP ${wasm.status}）`);
  mark("imported");
  pyodide = await boot(loadPyodide, pyodideUrl, snapshotUrl);
  mark("booted");
  // Even after a snapshot the wheel is unpacked: the snapshot holds memory, not files, and a
  // module imported later would need its source.
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
  handleJson = pyodide.pyimport("crossdept.api").handle_json;
  python = pyodide.runPython("import sys; sys.version.split()[0]");
  mark("ready");
  return Math.round(performance.now() - began);
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

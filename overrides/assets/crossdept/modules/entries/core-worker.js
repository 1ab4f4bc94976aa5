// The planning core in a Web Worker: Pyodide starts here so typing never waits on it. The
// messages are those of ../protocol.js, one switch, unknown types throw.
import { CALL, FAILED, INIT, READY, RESULT, unknown } from "../protocol.js";
import { decoded, drain, fetchCompressed } from "../runtime-fetch.js";

let handleJson = null;
let python = "";
let snapshotUsed = false;
let why = ""; // how the start was chosen: "cached", "fast", "slow", "none", "save-data"
const workerId = Math.random().toString(36).slice(2, 10); // tests check the worker survives page swaps
const phases = {}; // milliseconds since the worker started, per start-up step (for the benchmark)
const mark = (name) => (phases[name] = Math.round(performance.now()));

// The snapshot (6.5 MB gzip'd) saves Pyodide's own start-up, 1–2 s of CPU here; over a link slower
// than this it costs more time to download than it saves (bench/run.py measures both sides). Below
// it the worker starts bare and fetches the snapshot afterwards, for the next visit.
const SNAPSHOT_MIN_MBPS = 40;
// Enough of the wasm to judge the link's speed by (at 40 Mbps: 0.1 s).
const PROBE_BYTES = 512 * 1024;

const realFetch = self.fetch.bind(self);
const started = new Map(); // absolute URL → Response promise Pyodide will ask for, fetched compressed

// Pyodide fetches its wasm (as soon as it reads its settings) and its standard library with the
// global fetch, by fixed names under indexURL, and no option hands it bytes instead
// (pyodide.mjs: getInstantiateWasmFunc, installStdlib). This worker is ours alone: for exactly
// those URLs, answer with the response already under way. Any other request goes out unchanged.
self.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input); // Pyodide passes URL objects
  const response = started.get(url);
  if (!response) return realFetch(input, init);
  started.delete(url); // once: a second start (after a broken snapshot) fetches afresh
  return response;
};

// The build's snapshot of a warm interpreter, gzip'd, as bytes. Rejects when it is missing or
// broken: then the bare start runs and the reader only notices the time.
async function fetchSnapshot(snapshotUrl, options = {}) {
  const response = await realFetch(snapshotUrl, options);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const bytes = new Uint8Array(await new Response(await decoded(response.body)).arrayBuffer());
  mark("snapshot");
  return bytes;
}

// The snapshot from a cache (the HTTP cache, or the service worker's), costing no bytes; or null.
async function cachedSnapshot(snapshotUrl) {
  try {
    return await fetchSnapshot(snapshotUrl, { cache: "only-if-cached", mode: "same-origin" });
  } catch {
    return null;
  }
}

async function fetchWheel(wheelUrl) {
  const response = await realFetch(wheelUrl);
  if (!response.ok) throw new Error(`核心程序包下载失败（HTTP ${response.status}）`);
  return response.arrayBuffer();
}

// Start the runtime's downloads at once, compressed, and keep them going (a fetch nobody reads
// stalls once the browser's buffer is full): the wasm (read twice: a copy times the link), the
// standard library, Pyodide's JavaScript and its lock file.
function startDownloads(pyodideUrl, compressed) {
  const at = (name) => new URL(name, pyodideUrl).href;
  const packed = (name, type, watch = null) =>
    compressed.includes(name) ? fetchCompressed(at(name), type, { fetcher: realFetch, watch }) : realFetch(at(name));
  let probed;
  const speed = new Promise((resolve) => (probed = resolve));
  const watch = (copy) => drain(copy, (seen) => seen.bytes >= PROBE_BYTES && probed(seen)).then(probed, () => probed({ bytes: 0 }));
  const wasm = packed("pyodide.asm.wasm", "application/wasm", watch);
  wasm.catch(() => probed({ bytes: 0 })); // Pyodide awaits it; a failure also shows in `missing` below
  started.set(at("pyodide.asm.wasm"), wasm);
  const stdlib = realFetch(at("python_stdlib.zip")).then(async (r) => new Response(await r.arrayBuffer(), { status: r.status }));
  stdlib.catch(() => {});
  started.set(at("python_stdlib.zip"), stdlib);
  // loadPyodide never settles when the .wasm is missing (Emscripten only logs a warning): fail first.
  const missing = wasm.then(
    () => new Promise(() => {}),
    (error) => new Error(`Python 运行环境文件缺失（${error.message}）`),
  );
  const script = packed("pyodide.asm.mjs", "text/javascript")
    .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((blob) => import(URL.createObjectURL(new Blob([blob], { type: "text/javascript" }))))
    .then((module) => module.default);
  const lock = packed("pyodide-lock.json", "application/json").then((r) => r.json());
  return { speed, missing, script, lock };
}

// Snapshot or bare start, by the bytes it costs: a cached snapshot always; else one fetched now
// only on a fast link (or none to measure); on a slow one, bare now and the snapshot later.
async function chooseSnapshot(snapshotUrl, speed) {
  if (!snapshotUrl) return [null, (why = "none")];
  const cached = await cachedSnapshot(snapshotUrl);
  if (cached) return [cached, (why = "cached")];
  if (navigator.connection?.saveData) return [null, (why = "save-data")];
  const seen = await speed;
  const seconds = Math.max(seen.last - seen.first, 1) / 1000;
  const mbps = (seen.bytes * 8) / seconds / 1e6;
  phases.mbps = Math.round(mbps);
  if (mbps >= SNAPSHOT_MIN_MBPS || seen.bytes < PROBE_BYTES / 4) {
    const snapshot = fetchSnapshot(snapshotUrl);
    snapshot.catch(() => {}); // Pyodide awaits it; a failure there falls back to the bare start
    return [snapshot, (why = "fast")];
  }
  return [null, (why = "slow")];
}

async function boot(loadPyodide, options, snapshot) {
  if (snapshot) {
    try {
      const pyodide = await loadPyodide({ ...options, _loadSnapshot: snapshot });
      snapshotUsed = true;
      return pyodide;
    } catch (error) {
      console.info(`core-worker: snapshot unusable (${error.message}), starting Pyodide normally`);
    }
  }
  return loadPyodide(options);
}

// For the next visit: fetch the snapshot into the caches (HTTP cache, the service worker's), once
// the reader's worksheet is working, so it never competes with the first start.
function keepSnapshotForNextVisit(snapshotUrl) {
  realFetch(snapshotUrl)
    .then((response) => response.arrayBuffer())
    .catch(() => {});
}

async function start({ pyodide: pyodideUrl, wheel: wheelUrl, snapshot: snapshotUrl, compressed = [] }) {
  const began = performance.now();
  const wheel = fetchWheel(wheelUrl);
  wheel.catch(() => {}); // awaited below; a failure is reported there
  const downloads = startDownloads(pyodideUrl, compressed);
  const [{ loadPyodide }, createPyodideModule, lockFileContents] = await Promise.all([
    import(new URL("pyodide.mjs", pyodideUrl).href),
    downloads.script,
    downloads.lock,
  ]);
  mark("imported");
  const [snapshot] = await Promise.race([chooseSnapshot(snapshotUrl, downloads.speed), downloads.missing.then((e) => Promise.reject(e))]);
  mark("chosen");
  // packageBaseUrl keeps every package lookup on this server (the default is a CDN).
  const options = { indexURL: pyodideUrl, packageBaseUrl: pyodideUrl, lockFileContents, createPyodideModule };
  const pyodide = await Promise.race([downloads.missing.then((e) => Promise.reject(e)), boot(loadPyodide, options, snapshot)]);
  mark("booted");
  // Even after a snapshot the wheel is unpacked: the snapshot holds memory, not files, and a
  // module imported later would need its source.
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
  handleJson = pyodide.pyimport("crossdept.api").handle_json;
  python = pyodide.runPython("import sys; sys.version.split()[0]");
  mark("ready");
  if (snapshotUrl && !snapshotUsed && why !== "save-data") keepSnapshotForNextVisit(snapshotUrl);
  return Math.round(performance.now() - began);
}

self.onmessage = async ({ data: message }) => {
  switch (message.type) {
    case INIT:
      try {
        const ms = await start(message);
        self.postMessage({ type: READY, ms, python, phases, snapshot: snapshotUsed, start: why, worker: workerId });
      } catch (error) {
        self.postMessage({ type: FAILED, message: String(error && error.message ? error.message : error) });
      }
      break;
    case CALL:
      try {
        self.postMessage({ type: RESULT, id: message.id, response: handleJson(message.request) });
      } catch (error) {
        // handle_json answers every input; reaching here means the runtime itself broke.
        self.postMessage({ type: RESULT, id: message.id, error: "计算核心出错了：请刷新页面后再试一次。" });
      }
      break;
    default:
      unknown("core-worker", message);
  }
};

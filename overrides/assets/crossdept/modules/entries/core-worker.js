// The planning core in a Web Worker: Pyodide starts here so typing never waits on it. The
// messages are those of ../protocol.js, one switch, unknown types throw.
import { CALL, FAILED, INIT, KEPT, LOAD, READY, RESULT, unknown } from "../protocol.js";
import { fetchCompressed } from "../runtime-fetch.js";
import { snapshotBytes } from "../snapshot-bytes.js";

let handleJson = null;
let pyodide = null;
const modules = new Map(); // module name → its handle_json, for packages loaded on demand
let python = "";
let snapshotUsed = false;
let why = ""; // how the start was chosen: "cached", "fast", "slow", "none", "save-data"
const workerId = Math.random().toString(36).slice(2, 10); // tests check the worker survives page swaps
const phases = {}; // milliseconds since the worker started, per start-up step (for the benchmark)
const mark = (name) => (phases[name] = Math.round(performance.now()));

// The snapshot (6.8 MB gzip'd) saves Pyodide's own start-up, 2–5 s on this 2-core machine. Measured
// idle at 20 Mbps (bench/run.py 20): from the snapshot 7.3 s and 16.8 MB, bare 6.9 s and 10.0 MB; on
// a loaded machine the bare start's initialisation grew to 6–17 s and the snapshot won at 20 Mbps.
// From 30 Mbps the snapshot's bytes cost under 2 s; below, the worker starts bare and fetches the
// snapshot afterwards, for the next visit.
const SNAPSHOT_MIN_MBPS = 30;

const realFetch = self.fetch.bind(self);
// What every download of this worker goes through: the network, and on a visit the offline service
// worker does not control yet (the first one) also a copy into its runtime cache (keepDownloads).
let download = realFetch;
let written = () => Promise.resolve();
const realInstantiateStreaming = WebAssembly.instantiateStreaming;
const started = new Map(); // absolute URL → () => Response promise, for Pyodide's own fetches
let wasm = null; // {standIn, module}: the wasm compiled while it downloads, compressed

// Pyodide fetches its wasm (as soon as it reads its settings) and its standard library with the
// global fetch, by fixed names under indexURL, then hands the wasm response to
// WebAssembly.instantiateStreaming; no option gives it bytes or a module instead (pyodide.mjs:
// getInstantiateWasmFunc, installStdlib). This worker is ours alone: for exactly those URLs, answer
// with what is already under way, and instantiate the module compiled from the `.gz`. Any other
// request or module goes through unchanged.
self.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input); // Pyodide passes URL objects
  const answer = started.get(url);
  return answer ? answer() : download(input, init);
};
WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  if (!wasm || response !== wasm.standIn) return realInstantiateStreaming(response, imports);
  const module = await wasm.module;
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};

// The build's snapshot of a warm interpreter, gzip'd, as bytes. Rejects when it is missing or
// broken: then the bare start runs and the reader only notices the time.
async function fetchSnapshot(snapshotUrl, options = {}) {
  return checkedSnapshot(await download(snapshotUrl, options));
}

async function checkedSnapshot(response) {
  const bytes = await snapshotBytes(response);
  mark("snapshot");
  return bytes;
}

// The snapshot from a cache, costing no bytes, or null: the one this worker kept (below), the
// service worker's, or the HTTP cache's (the only one on a plain-http intranet host, where
// browsers offer no Cache Storage).
async function cachedSnapshot(snapshotUrl) {
  try {
    const kept = await self.caches?.match(snapshotUrl);
    if (kept) return await checkedSnapshot(kept);
  } catch (error) {
    console.info(`core-worker: the kept snapshot is unreadable (${error.message})`);
  }
  try {
    return await fetchSnapshot(snapshotUrl, { cache: "only-if-cached", mode: "same-origin" });
  } catch {
    return null;
  }
}

// On a first visit, the runtime files this worker downloads are written to the service worker's
// cache from here (as they came: the `.gz` copies), so that it never downloads them a second time.
// Sets `written` to a function that resolves once every write is done.
function keepDownloads(cacheName, isRuntime) {
  const writes = [];
  download = async (input, init) => {
    const response = await realFetch(input, init);
    const request = new Request(input, init);
    if (request.method === "GET" && response.status === 200 && isRuntime(request.url)) {
      const copy = response.clone(); // now, before the caller reads the body
      writes.push(caches.open(cacheName).then((cache) => cache.put(request.url, copy)).catch(() => {}));
    }
    return response;
  };
  written = () => Promise.all(writes);
}

async function fetchWheel(wheelUrl) {
  const response = await download(wheelUrl);
  if (!response.ok) throw new Error(`核心程序包下载失败（HTTP ${response.status}）`);
  return response.arrayBuffer();
}

// The browser's own timing of the wasm's download (the `.gz`, or the plain file a site without
// it sends), measured in the network stack, so a busy worker thread does not skew it.
function wasmTiming(urls) {
  const find = () => performance.getEntriesByType("resource").findLast((entry) => urls.includes(entry.name) && entry.encodedBodySize > 65_536);
  return new Promise((resolve) => {
    if (find()) return resolve(find());
    const observer = new PerformanceObserver(() => find() && (observer.disconnect(), resolve(find())));
    observer.observe({ type: "resource" });
  });
}

// Start the runtime's downloads at once, compressed: the wasm (compiled as it arrives, and timed:
// the standard library waits for it, so the wasm has the link to itself and its time measures the
// link), Pyodide's JavaScript and its lock file.
function startDownloads(pyodideUrl, compressed) {
  const at = (name) => new URL(name, pyodideUrl).href;
  const packed = (name, type) => (compressed.includes(name) ? fetchCompressed(at(name), type, { fetcher: download }) : download(at(name)));
  const module = WebAssembly.compileStreaming(packed("pyodide.asm.wasm", "application/wasm"));
  module.then(() => mark("compiled"), () => {}); // awaited by Pyodide; a failure shows in `missing` below
  wasm = { standIn: new Response(null), module };
  started.set(at("pyodide.asm.wasm"), async () => wasm.standIn);
  const names = [`${at("pyodide.asm.wasm")}.gz`, at("pyodide.asm.wasm")];
  const timed = Promise.race([wasmTiming(names), module.then(() => performance.getEntriesByType("resource").findLast((e) => names.includes(e.name)))]);
  const stdlib = timed
    .then(() => download(at("python_stdlib.zip")))
    .then(async (r) => ({ status: r.status, body: await r.arrayBuffer() }))
    .finally(() => mark("stdlib"));
  stdlib.catch(() => {});
  started.set(at("python_stdlib.zip"), async () => {
    const { status, body } = await stdlib;
    return new Response(body, { status }); // a fresh Response each time: a retry reads it again
  });
  const speed = timed.then((entry) => {
    const seconds = entry ? (entry.responseEnd - entry.responseStart) / 1000 : 0;
    return seconds > 0 ? (entry.encodedBodySize * 8) / seconds / 1e6 : Infinity;
  });
  // loadPyodide never settles when the .wasm is missing (Emscripten only logs a warning): fail first.
  const missing = module.then(
    () => new Promise(() => {}),
    (error) => new Error(`Python 运行环境文件缺失或损坏（${error.message}）`),
  );
  // Imported by its URL: decompressed bytes would need a blob: URL, which a strict
  // Content-Security-Policy (hosting/: script-src 'self') refuses. A server sending precompressed
  // files sends its .gz for it (crossdept_site/compress.py).
  const script = import(at("pyodide.asm.mjs.js")).then((imported) => imported.default);
  const lock = packed("pyodide-lock.json", "application/json").then((r) => r.json());
  return { speed, missing, script, lock };
}

// Snapshot or bare start, by the bytes it costs: a cached snapshot always; else one fetched now
// only on a fast link; on a slow one, bare now and the snapshot later.
async function chooseSnapshot(snapshotUrl, speed) {
  if (!snapshotUrl) return [null, (why = "none")];
  const cached = await cachedSnapshot(snapshotUrl);
  if (cached) return [cached, (why = "cached")];
  if (navigator.connection?.saveData) return [null, (why = "save-data")];
  const mbps = await speed;
  phases.mbps = Number.isFinite(mbps) ? Math.round(mbps) : -1;
  if (mbps >= SNAPSHOT_MIN_MBPS) {
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

// For the next visit, once the reader's worksheet is working (so it never competes with the first
// start): fetch the snapshot and keep it. Cache Storage, because a browser's HTTP cache may not keep
// a 6.6 MB file (a private window's keeps at most a few MB per file); only this build's is kept.
// Where the offline service worker keeps the runtime, its cache does (it caches what passes through
// it, and `download` writes there on a first visit); else (a SCORM package, a host without one) a
// cache named for the course's folder, so two courses on one host keep theirs apart.
async function keepSnapshotForNextVisit(snapshotUrl, offline) {
  try {
    const response = await download(snapshotUrl);
    if (!response.ok || offline || !self.caches) return void (await response.arrayBuffer());
    const cache = await caches.open(`crossdept:${new URL("../", snapshotUrl).pathname}:snapshot`);
    for (const old of await cache.keys()) await cache.delete(old);
    await cache.put(snapshotUrl, response);
  } catch (error) {
    console.info(`core-worker: snapshot not kept for the next visit (${error.message})`);
  }
}

async function start({ pyodide: pyodideUrl, wheel: wheelUrl, snapshot: snapshotUrl, compressed = [], keep = null, offline = false }) {
  const began = performance.now();
  if (keep && self.caches) keepDownloads(keep, (url) => url.startsWith(pyodideUrl) || url === wheelUrl || url === snapshotUrl);
  const wheel = fetchWheel(wheelUrl);
  wheel.catch(() => {}); // awaited below; a failure is reported there
  const downloads = startDownloads(pyodideUrl, compressed);
  // Pyodide's ES modules are shipped as .js (crossdept_site/pyodide_runtime.py): a server that
  // does not know the .mjs type (Debian's stock nginx) would make the browser refuse them.
  const [{ loadPyodide }, createPyodideModule, lockFileContents] = await Promise.all([
    import(new URL("pyodide.mjs.js", pyodideUrl).href),
    downloads.script,
    downloads.lock,
  ]);
  mark("imported");
  // import() does not go through fetch, so Pyodide's two modules would never reach the offline cache:
  // fetch them once more for it (the browser's HTTP cache answers; nothing is downloaded again).
  const modulesKept = keep && self.caches
    ? Promise.all(["pyodide.mjs.js", "pyodide.asm.mjs.js"].map((name) => download(new URL(name, pyodideUrl).href).catch(() => {})))
    : null;
  const [snapshot] = await Promise.race([chooseSnapshot(snapshotUrl, downloads.speed), downloads.missing.then((e) => Promise.reject(e))]);
  mark("chosen");
  // packageBaseUrl keeps every package lookup on this server (the default is a CDN).
  const options = { indexURL: pyodideUrl, packageBaseUrl: pyodideUrl, lockFileContents, createPyodideModule };
  pyodide = await Promise.race([downloads.missing.then((e) => Promise.reject(e)), boot(loadPyodide, options, snapshot)]);
  mark("booted");
  // Even after a snapshot the wheel is unpacked: the snapshot holds memory, not files, and a
  // module imported later would need its source.
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
  handleJson = pyodide.pyimport("crossdept.api").handle_json;
  python = pyodide.runPython("import sys; sys.version.split()[0]");
  mark("ready");
  if (snapshotUrl && !snapshotUsed && why !== "save-data") keepSnapshotForNextVisit(snapshotUrl, offline);
  const ms = Math.round(performance.now() - began);
  await modulesKept; // their cache writes are then among those `written()` waits for
  return ms;
}

// Wheels fetched from this site and unpacked like the core's (loadPackage only logs a failure).
async function load({ module, wheels }) {
  if (modules.has(module)) return;
  const archives = await Promise.all(wheels.map(async (url) => {
    const response = await download(url);
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
        self.postMessage({ type: READY, ms, python, phases, snapshot: snapshotUsed, start: why, worker: workerId });
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

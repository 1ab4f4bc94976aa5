// The planning core in a Web Worker: Pyodide starts here so typing never waits on it. The
// messages are those of ../protocol.js, one switch, unknown types throw.
import { CALL, FAILED, INIT, READY, RESULT, unknown } from "../protocol.js";
import { decoded, fetchCompressed } from "../runtime-fetch.js";

let handleJson = null;
let python = "";
let snapshotUsed = false;
let why = ""; // how the start was chosen: "cached", "fast", "slow", "none", "save-data"
const workerId = Math.random().toString(36).slice(2, 10); // tests check the worker survives page swaps
const phases = {}; // milliseconds since the worker started, per start-up step (for the benchmark)
const mark = (name) => (phases[name] = Math.round(performance.now()));

// The snapshot (6.6 MB gzip'd) saves Pyodide's own start-up: measured here (2 shared cores) the bare
// start's Python initialisation took 6–17 s and the restore from the snapshot 0.6–1.9 s, so it
// saves about 5 s, worth 6.6 MB on a link of 10 Mbps or more. Below that the worker starts bare and
// fetches the snapshot afterwards, for the next visit. (bench/run.py prints both sides.)
const SNAPSHOT_MIN_MBPS = 10;
const SNAPSHOT_MAGIC = [0x00, 0x73, 0x6e, 0x70]; // "\0snp", how Pyodide's memory snapshots begin

const realFetch = self.fetch.bind(self);
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
  return answer ? answer() : realFetch(input, init);
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
  return snapshotBytes(await realFetch(snapshotUrl, options));
}

async function snapshotBytes(response) {
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const bytes = new Uint8Array(await new Response(await decoded(response.body)).arrayBuffer());
  // Pyodide checks its snapshot's magic number only after sizing its memory by it: check first.
  if (bytes.length % 4 || !SNAPSHOT_MAGIC.every((byte, i) => bytes[i] === byte)) throw new Error("not a Pyodide snapshot");
  mark("snapshot");
  return bytes;
}

// The snapshot from a cache, costing no bytes, or null: the one this worker kept (below), the
// service worker's, or the HTTP cache's (the only one on a plain-http intranet host, where
// browsers offer no Cache Storage).
async function cachedSnapshot(snapshotUrl) {
  try {
    const kept = await self.caches?.match(snapshotUrl);
    if (kept) return await snapshotBytes(kept);
  } catch (error) {
    console.info(`core-worker: the kept snapshot is unreadable (${error.message})`);
  }
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
  const packed = (name, type) => (compressed.includes(name) ? fetchCompressed(at(name), type, { fetcher: realFetch }) : realFetch(at(name)));
  const module = WebAssembly.compileStreaming(packed("pyodide.asm.wasm", "application/wasm"));
  module.then(() => mark("compiled"), () => {}); // awaited by Pyodide; a failure shows in `missing` below
  wasm = { standIn: new Response(null), module };
  started.set(at("pyodide.asm.wasm"), async () => wasm.standIn);
  const names = [`${at("pyodide.asm.wasm")}.gz`, at("pyodide.asm.wasm")];
  const timed = Promise.race([wasmTiming(names), module.then(() => performance.getEntriesByType("resource").findLast((e) => names.includes(e.name)))]);
  const stdlib = timed
    .then(() => realFetch(at("python_stdlib.zip")))
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
  const script = packed("pyodide.asm.mjs", "text/javascript")
    .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((blob) => import(URL.createObjectURL(new Blob([blob], { type: "text/javascript" }))))
    .then((imported) => imported.default);
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
const KEPT = "crossdept-snapshot";
async function keepSnapshotForNextVisit(snapshotUrl) {
  try {
    const response = await realFetch(snapshotUrl);
    if (!response.ok) return;
    if (!self.caches) return void (await response.arrayBuffer()); // the HTTP cache only
    const cache = await caches.open(KEPT);
    for (const old of await cache.keys()) await cache.delete(old);
    await cache.put(snapshotUrl, response);
  } catch (error) {
    console.info(`core-worker: snapshot not kept for the next visit (${error.message})`);
  }
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

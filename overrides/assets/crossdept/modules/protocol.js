// The one protocol between the page and the core's worker, used by both sides (core-client.js,
// entries/core-worker.js). Every message is a plain object with a `type`; requests and responses
// travel as JSON strings, so no Python proxy ever reaches JavaScript and no user text is spliced
// into Python source. Unknown types are a programming error: both sides throw on them.

/**
 * page → worker, once, right after the worker is created.
 * `pyodide`: absolute URL of the runtime folder (ends with "/"); `snapshot`: gzip'd memory snapshot or null;
 * `compressed`: names in that folder that also ship as `name.gz` (fetched instead, decompressed in the worker).
 * `keep`: on a visit the offline service worker does not control, the name of its runtime cache,
 * where the worker writes the runtime files it downloads (else null). `offline`: whether this site's
 * service worker keeps the runtime at all (not in a SCORM package, nor on a host without one).
 * @typedef {{type: "init", pyodide: string, wheel: string, snapshot: string | null, compressed: string[], keep: string | null, offline: boolean}} InitMessage
 */

/**
 * worker → page, once: the core is ready (ms: start-up time; phases: ms per step, for the benchmark;
 * start: why the snapshot was or was not used; worker: an id of this worker, to tell one from another).
 * @typedef {{type: "ready", ms: number, python: string, phases: Object<string, number>, snapshot: boolean, start: string, worker: string}} ReadyMessage
 */

/**
 * worker → page, once, instead of "ready": the core could not start. `message` is Chinese, for readers.
 * @typedef {{type: "failed", message: string}} FailedMessage
 */

/**
 * worker → page, once, after "ready": the runtime files it downloaded are written where the offline
 * service worker keeps them (or there was nothing to write), so the page may ask what is kept.
 * @typedef {{type: "kept"}} KeptMessage
 */

/**
 * page → worker: one request to `crossdept.api.handle_json`, or to the `handle_json` of `module`,
 * a package loaded before with "load" (the Excel writer).
 * @typedef {{type: "call", id: number, request: string, module?: string}} CallMessage
 */

/**
 * page → worker: unpack `wheels` (absolute URLs) into the interpreter and import `module`, whose
 * `handle_json` later calls may name. Answered with a "result" of the same id: `response` "ready"
 * or `error` (Chinese). Used for what only some readers need (XlsxWriter), so it is not in the snapshot.
 * @typedef {{type: "load", id: number, module: string, wheels: string[]}} LoadMessage
 */

/**
 * worker → page: the answer to call `id`. `response` is the core's JSON: {"ok": true, "result"} or
 * {"ok": false, "errors": [{field, message}]}. `error` is set instead when the call itself broke
 * (the core never raises, so this means the runtime did): a Chinese message.
 * @typedef {{type: "result", id: number, response?: string, error?: string}} ResultMessage
 */

export const INIT = "init";
export const READY = "ready";
export const FAILED = "failed";
export const KEPT = "kept";
export const CALL = "call";
export const LOAD = "load";
export const RESULT = "result";

// How long one call may take before the page gives up on it. The core answers in milliseconds
// (a 200-row table in ~10 ms); a call still running after this means Python is stuck, and the
// page restarts the worker rather than wait forever.
export const CALL_TIMEOUT_MS = 20_000;
// How long the core may take to start: seconds on a slow link (13 MB), never minutes.
export const START_TIMEOUT_MS = 120_000;

/** Throws on a message this protocol does not define (a page and a worker from different builds). */
export function unknown(side, message) {
  throw new Error(`${side}: unknown message type ${message && message.type}`);
}

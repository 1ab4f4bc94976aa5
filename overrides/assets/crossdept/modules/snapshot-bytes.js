// The start-up snapshot's bytes, checked before Pyodide sees them: what the worker hands to
// loadPyodide, or a rejection that sends it to the bare start (../entries/core-worker.js).
import { decoded } from "./runtime-fetch.js";

const SNAPSHOT_MAGIC = [0x00, 0x73, 0x6e, 0x70]; // "\0snp", how Pyodide's memory snapshots begin

/**
 * The snapshot in `response` (gzip'd as the build ships it, or already decoded by the server) as
 * bytes. Rejects when the response failed, the gzip is broken, or the bytes are not a snapshot.
 */
export async function snapshotBytes(response) {
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const bytes = new Uint8Array(await new Response(await decoded(response.body)).arrayBuffer());
  // Pyodide checks its snapshot's magic number only after sizing its memory by it: check first.
  if (bytes.length % 4 || !SNAPSHOT_MAGIC.every((byte, i) => bytes[i] === byte)) throw new Error("not a Pyodide snapshot");
  return bytes;
}

// What the worker accepts as a start-up snapshot before handing it to Pyodide: the build's gzip'd
// file, or its bytes already decoded by a server; anything else rejects, which sends the worker to
// Pyodide's bare start (the browser tests in test_fast_start.py show one rejection end to end).
import assert from "node:assert/strict";
import { test } from "node:test";
import { gzipSync } from "node:zlib";

import { snapshotBytes } from "../../overrides/assets/crossdept/modules/snapshot-bytes.js";

const snapshotLike = new Uint8Array(4096).map((_, i) => (i * 31) % 256);
snapshotLike.set([0x00, 0x73, 0x6e, 0x70]); // "\0snp"

const answer = (bytes, status = 200) => new Response(bytes, { status });

test("the build's gzip'd snapshot is decompressed to its bytes", async () => {
  assert.deepEqual(await snapshotBytes(answer(gzipSync(snapshotLike))), snapshotLike);
});

test("a snapshot a server already decoded is taken as it is", async () => {
  assert.deepEqual(await snapshotBytes(answer(snapshotLike)), snapshotLike);
});

const broken = {
  "a missing file": answer("gone", 404),
  "a server error": answer(gzipSync(snapshotLike), 503),
  "gzip's magic number with no gzip behind it": answer(new TextEncoder().encode("\x1f\x8b\x08\x00not really gzip at all")),
  "a gzip cut short": answer(gzipSync(snapshotLike).subarray(0, 200)),
  "plain text": answer("plain garbage, not gzip"),
  "gzip'd bytes that are not a snapshot": answer(gzipSync(new Uint8Array(4096).fill(7))),
  "a snapshot whose length Pyodide cannot read as 32-bit words": answer(gzipSync(snapshotLike.subarray(0, 4095))),
  "an empty body": answer(new Uint8Array()),
};

for (const [name, response] of Object.entries(broken)) {
  test(`${name} is refused`, async () => {
    await assert.rejects(snapshotBytes(response));
  });
}

// The worker's compressed downloads: a `.gz` is decompressed, bytes a server already decoded pass
// as they are, the first bytes are never lost however the body is cut, and a site without the
// `.gz` copies falls back to the plain file.
import assert from "node:assert/strict";
import { test } from "node:test";
import { gzipSync } from "node:zlib";

import { decoded, fetchCompressed, sniffGzip } from "../../overrides/assets/crossdept/modules/runtime-fetch.js";

const wasmLike = new Uint8Array(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251));
wasmLike.set([0x00, 0x61, 0x73, 0x6d]); // "\0asm"

// A body delivered in chunks of `size` bytes (1: the worst a network can do).
function body(bytes, size) {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

const read = async (stream) => new Uint8Array(await new Response(stream).arrayBuffer());

for (const size of [1, 2, 3, 65_536]) {
  test(`gzip'd bytes in chunks of ${size} are decompressed to the original`, async () => {
    assert.deepEqual(await read(await decoded(body(gzipSync(wasmLike), size))), wasmLike);
  });

  test(`bytes a server already decoded, in chunks of ${size}, pass unchanged`, async () => {
    assert.deepEqual(await read(await decoded(body(wasmLike, size))), wasmLike);
  });
}

test("sniffing says gzip only for gzip's magic number and keeps every byte", async () => {
  const gz = await sniffGzip(body(gzipSync(wasmLike), 1));
  const plain = await sniffGzip(body(new TextEncoder().encode("export default 1;"), 1));
  const empty = await sniffGzip(body(new Uint8Array(), 1));

  assert.equal(gz.gzip, true);
  assert.deepEqual(await read(gz.stream), new Uint8Array(gzipSync(wasmLike)));
  assert.equal(plain.gzip, false);
  assert.equal(new TextDecoder().decode(await read(plain.stream)), "export default 1;");
  assert.equal(empty.gzip, false);
  assert.equal((await read(empty.stream)).length, 0);
});

function server(files) {
  const asked = [];
  const fetcher = async (url) => {
    asked.push(url);
    return url in files ? new Response(body(files[url], 4096)) : new Response("gone", { status: 404 });
  };
  return { asked, fetcher };
}

test("the .gz copy is fetched and decompressed, with the type the caller needs", async () => {
  const { asked, fetcher } = server({ "http://s/py/a.wasm.gz": gzipSync(wasmLike), "http://s/py/a.wasm": wasmLike });

  const response = await fetchCompressed("http://s/py/a.wasm", "application/wasm", { fetcher });

  assert.deepEqual(asked, ["http://s/py/a.wasm.gz"]);
  assert.equal(response.headers.get("content-type"), "application/wasm");
  assert.deepEqual(new Uint8Array(await response.arrayBuffer()), wasmLike);
});

test("a site copied without the .gz files falls back to the plain file", async () => {
  const { asked, fetcher } = server({ "http://s/py/a.wasm": wasmLike });

  const response = await fetchCompressed("http://s/py/a.wasm", "application/wasm", { fetcher });

  assert.deepEqual(asked, ["http://s/py/a.wasm.gz", "http://s/py/a.wasm"]);
  assert.deepEqual(new Uint8Array(await response.arrayBuffer()), wasmLike);
});

test("a file missing in both forms is an error naming it", async () => {
  const { fetcher } = server({});

  await assert.rejects(fetchCompressed("http://s/py/a.wasm", "application/wasm", { fetcher }), /HTTP 404：a\.wasm/);
});

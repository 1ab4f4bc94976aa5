// Fetching the runtime's large files as few bytes as possible, from any static server: the build
// ships `name.gz` beside `name` (crossdept_site/compress.py) and this asks for the `.gz`,
// decompressing it here with DecompressionStream. A server that already sends the `.gz` with
// `Content-Encoding: gzip` (Apache's AddEncoding, some CDNs) has the browser decode it first: the
// bytes then no longer start with gzip's magic number, and are passed on as they are.

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Look at the first bytes of `body` without losing them: {gzip, stream}, where `stream` yields
 * every byte of `body` from the first, and `gzip` says whether they start with gzip's magic number.
 */
export async function sniffGzip(body) {
  const reader = body.getReader();
  const head = [];
  let length = 0;
  while (length < GZIP_MAGIC.length) {
    const { done, value } = await reader.read();
    if (done) break;
    head.push(value);
    length += value.length;
  }
  const first = new Uint8Array(length);
  head.reduce((offset, chunk) => (first.set(chunk, offset), offset + chunk.length), 0);
  const gzip = GZIP_MAGIC.every((byte, i) => first[i] === byte);
  const stream = new ReadableStream({
    start(controller) {
      if (length) controller.enqueue(first);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { gzip, stream };
}

/** The decoded bytes of `body` as a stream: gunzipped when they are gzip, else as they came. */
export async function decoded(body) {
  const { gzip, stream } = await sniffGzip(body);
  return gzip ? stream.pipeThrough(new DecompressionStream("gzip")) : stream;
}

/**
 * `url`'s content as a Response of type `type`, fetched as `url + ".gz"` and decompressed here; the
 * plain `url` when the server has no `.gz` (a site copied without them). `fetcher` is the real fetch
 * (the worker replaces the global one for Pyodide).
 */
export async function fetchCompressed(url, type, { fetcher = fetch } = {}) {
  let response = await fetcher(`${url}.gz`);
  if (response.status === 404 || response.status === 403) response = await fetcher(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}：${url.split("/").pop()}`);
  return new Response(await decoded(response.body), { status: 200, headers: { "content-type": type } });
}

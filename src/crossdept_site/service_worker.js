// Service worker of the course site, written into site/sw.js by the build with its manifest
// (crossdept_site/offline.py explains the lists). What it promises:
// - It touches only the course's own files under its scope; at a host's root, another
//   application's requests go to the network untouched (and bypass this worker where the browser
//   supports static routes).
// - Pages and the small files: network-first, so a rebuilt site shows at once; the cached copy when
//   the server does not answer within NETWORK_TIMEOUT_MS, answers 5xx, or answers 404 for a page
//   this build has (a rebuild in progress).
// - Code is never served stale: files named by their content hash come from the cache (a new build
//   names them anew); every other file is asked of the server first.
// - The runtime (Pyodide, the core, the snapshot) is kept from the page's own download, once; when
//   all of it is kept, the page is told ("runtime-kept"), so it can say the worksheets work offline.
// Cache names carry the course's path, so two copies of the course on one host never share or
// delete each other's caches.
const MANIFEST = __MANIFEST__;
const NETWORK_TIMEOUT_MS = 4000;
const scope = new URL(self.registration.scope);
const PREFIX = `crossdept:${scope.pathname}:`;
const PAGES = `${PREFIX}pages:${MANIFEST.build}`;
const RUNTIME = `${PREFIX}runtime`; // the page's core worker writes here too (core-client.js)
const full = (path) => new URL(path, scope).href;
const precache = MANIFEST.precache.map(full);
const precached = new Set(precache);
const immutable = new Set(MANIFEST.immutable.map(full));
const runtime = MANIFEST.runtime.map(full);
const runtimeSet = new Set(runtime);
const top = new Set(MANIFEST.top);
const notFound = full("404.html");
const pendingPuts = new Map(); // url → a cache write still under way

/** Whether `url` is one of the course's own files (not another application on the same host). */
function ours(url) {
  if (!url.startsWith(scope.href)) return false;
  const path = url.slice(scope.href.length).split(/[?#]/)[0];
  return path === "" || top.has(path.split("/")[0]);
}

// Chromium's static routes: requests outside the course never even start this worker.
async function routeOthersToNetwork(event) {
  if (!event.addRoutes || typeof URLPattern === "undefined") return;
  const patterns = [{ urlPattern: new URLPattern({ pathname: scope.pathname }) }];
  for (const name of top) {
    patterns.push({ urlPattern: new URLPattern({ pathname: `${scope.pathname}${name}` }) });
    patterns.push({ urlPattern: new URLPattern({ pathname: `${scope.pathname}${name}/*` }) });
  }
  try {
    await event.addRoutes({ condition: { not: { or: patterns } }, source: "network" });
  } catch (error) {
    console.info(`service worker: no static routes (${error.message}); other paths are still left alone`);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      await routeOthersToNetwork(event);
      // Each file fresh from the server ("no-cache"): a stale HTTP-cached copy must not be kept.
      const cache = await caches.open(PAGES);
      await cache.addAll(precache.map((url) => new Request(url, { cache: "no-cache" })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(`${PREFIX}pages:`) && name !== PAGES) await caches.delete(name);
      }
      const kept = await caches.open(RUNTIME);
      for (const request of await kept.keys()) {
        if (!runtimeSet.has(request.url)) await kept.delete(request);
      }
      await self.clients.claim();
    })(),
  );
});

function put(cacheName, url, response) {
  const write = caches
    .open(cacheName)
    .then((cache) => cache.put(url, response))
    .catch((error) => console.info(`service worker: not cached ${url} (${error.message})`))
    .finally(() => pendingPuts.delete(url));
  pendingPuts.set(url, write);
  return write;
}

async function cached(url) {
  return (await (await caches.open(PAGES)).match(url)) || (await (await caches.open(RUNTIME)).match(url));
}

// A file named by its content: the cached copy is this very file.
async function cacheFirst(event, url) {
  const hit = await cached(url);
  if (hit) return hit;
  const response = await fetch(event.request);
  if (response.ok && response.status === 200) event.waitUntil(put(runtimeSet.has(url) ? RUNTIME : PAGES, url, response.clone()));
  return response;
}

// Whether to show the cached copy instead of what the server answered (null: no answer in time).
const fallBack = (url, response) => !response || response.status >= 500 || (response.status === 404 && precached.has(url));

// The course's 404 page for a missing page while offline. Its URLs are relative to its <base>, the
// path the build was made for; the course may be served from another path, which is this scope.
async function notFoundPage(cache) {
  const page = await cache.match(notFound);
  if (!page) return undefined;
  const html = (await page.text()).replace(/<base href="[^"]*"/, `<base href="${scope.pathname}"`);
  const headers = new Headers(page.headers);
  for (const name of ["Content-Length", "Content-Encoding"]) headers.delete(name); // the body is new, and plain
  return new Response(html, { status: 404, statusText: "Not Found", headers });
}

async function networkFirst(event, address) {
  const url = address.split("?")[0]; // one copy per page, whatever the query (?q= of search)
  const cache = await caches.open(PAGES);
  const network = fetch(event.request).then(
    (response) => {
      if (response.ok && response.status === 200) event.waitUntil(put(PAGES, url, response.clone()));
      return response;
    },
    () => null, // offline
  );
  event.waitUntil(network); // a late answer still refreshes the cache
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(() => resolve("late"), NETWORK_TIMEOUT_MS)));
  let response = await Promise.race([network, late]);
  clearTimeout(timer);
  if (!fallBack(url, response === "late" ? null : response)) return response;
  const hit = (await cache.match(url, { ignoreSearch: true })) || (event.request.mode === "navigate" && !response && (await notFoundPage(cache)));
  if (hit) return hit;
  if (response === "late") response = await network; // nothing cached: keep waiting for the server
  return response || Response.error();
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = request.url.split("#")[0];
  if (!ours(url) || url === full("sw.js")) return; // not ours: the browser fetches it as usual
  if (request.method === "GET") event.respondWith(immutable.has(url) ? cacheFirst(event, url) : networkFirst(event, url));
});

// A page asks, once its core is ready (or when the reader asks to download the runtime for offline
// use): which runtime files are kept? Files the page downloaded are already being written (by this
// worker or, on a first visit this worker did not control, by the page's core worker); only
// `download: true` fetches what is still missing. The answer names the bytes kept.
async function keepRuntime(download) {
  await Promise.all(pendingPuts.values());
  const cache = await caches.open(RUNTIME);
  const missing = [];
  for (const url of runtime) if (!(await cache.match(url))) missing.push(url);
  if (download) {
    for (const url of missing.filter((u) => !u.endsWith(".snap.gz"))) {
      const response = await fetch(url, { cache: "no-cache" });
      if (response.ok) await cache.put(url, response);
    }
  }
  const still = [];
  for (const url of runtime) if (!(await cache.match(url))) still.push(url);
  // The snapshot only makes the start faster: the runtime is complete without it.
  const complete = still.every((u) => u.endsWith(".snap.gz"));
  return { type: "runtime-kept", complete, missing: still.map((u) => u.slice(scope.href.length)) };
}

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "keep-runtime") {
    event.waitUntil(
      keepRuntime(Boolean(event.data.download)).then(
        (answer) => event.source && event.source.postMessage(answer),
        (error) => event.source && event.source.postMessage({ type: "runtime-kept", complete: false, error: error.message }),
      ),
    );
  }
});

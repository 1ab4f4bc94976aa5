// Service worker of the course site, written into site/sw.js by the build with its manifest.
// - Pages and the site's small files: precached at install for this build, then served
//   network-first, so a rebuilt site shows fresh content and a lost network shows the last one.
// - The Python runtime, the core wheel and the snapshot have immutable, versioned URLs: cached on
//   first use, then served from the cache (the repeat visit is fast and works offline).
// Caches are named by build; activating a new build deletes the older ones.
const MANIFEST = __MANIFEST__;
const PAGES = `crossdept-pages-${MANIFEST.build}`;
const RUNTIME = "crossdept-runtime";
const scope = new URL(self.registration.scope);
const precache = MANIFEST.precache.map((path) => new URL(path, scope).href);
const immutable = new Set(MANIFEST.immutable.map((path) => new URL(path, scope).href));

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(PAGES).then((cache) => cache.addAll(precache)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("crossdept-pages-") && name !== PAGES) await caches.delete(name);
      }
      const runtime = await caches.open(RUNTIME);
      for (const request of await runtime.keys()) {
        if (!immutable.has(request.url)) await runtime.delete(request);
      }
      await self.clients.claim();
    })(),
  );
});

async function cacheFirst(request) {
  const cache = await caches.open(RUNTIME);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (offline) {
    const hit = (await cache.match(request, { ignoreSearch: true })) || (request.mode === "navigate" && (await cache.match(new URL("404.html", scope).href)));
    if (hit) return hit;
    throw offline;
  }
}

// A page whose worksheet has started Python asks for the runtime to be kept: the first visit
// fetched it before this worker controlled the page, and the next visit may be offline.
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "keep-runtime") {
    event.waitUntil(
      caches.open(RUNTIME).then(async (cache) => {
        for (const url of immutable) if (!(await cache.match(url))) await cache.add(url);
      }),
    );
  }
});

// The core worker checks with HEAD that the runtime is there before starting it: answer from
// the cache too, or that check fails offline.
async function cachedHead(request) {
  const hit = await (await caches.open(RUNTIME)).match(request.url);
  return hit ? new Response(null, { status: hit.status, headers: hit.headers }) : fetch(request);
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (!request.url.startsWith(scope.href)) return;
  const url = request.url.split("#")[0];
  if (request.method === "HEAD" && immutable.has(url)) event.respondWith(cachedHead(request));
  else if (request.method === "GET") event.respondWith(immutable.has(url) ? cacheFirst(request) : networkFirst(request));
});

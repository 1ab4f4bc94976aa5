// The one script of ours every page loads, kept small: the offline service worker, the visit for
// the progress panel, a fix to Material's markup, the worksheet runtime for pages that need it (and
// early, for a link to one that is pointed at), and instant navigation on any host.
/* global CROSSDEPT_BUNDLE */
import { onEveryPage } from "../dom.js";
import { keepInstantNavigation } from "../instant-anywhere.js";
import { scorm, siteRoot } from "../manifest.js";
import { prefetchOnIntent } from "../prefetch.js";
import * as progress from "../progress.js";

// The offline service worker (sw.js, written by the build): repeat visits start fast and the
// course keeps working without a network. Not under `mkdocs serve`, where files change by the second,
// nor in a SCORM package, whose files the LMS serves (its build writes no sw.js).
const served = (location.protocol === "http:" || location.protocol === "https:") && !scorm;
const liveReload = document.querySelector('script[src*="livereload"]');
function registerServiceWorker() {
  // updateViaCache "none": sw.js is always asked of the server, never taken from the HTTP cache.
  navigator.serviceWorker.register(new URL("sw.js", siteRoot), { scope: siteRoot.pathname, updateViaCache: "none" }).catch((error) => {
    console.info(`service worker not registered: ${error.message}`);
  });
}

// The worksheet runtime sits beside this file; a page that has a worksheet also loads it from its
// <head>, and the same URL gives the same module, so it is evaluated once per visit.
const bundle = new URL(CROSSDEPT_BUNDLE, import.meta.url).href;

// A new service worker downloads the whole course for offline reading when it installs (pages,
// search index, scripts: about 3 MB). On a first visit to a worksheet page that would share the
// link with the core's own download, so it waits until the core is ready (or could not start);
// other pages register it once they have loaded. The runtime is kept either way: the core's worker
// writes what it downloads to the service worker's cache itself (core-client.js, `keep`).
if ("serviceWorker" in navigator && served && !liveReload) {
  if (document.querySelector(".cd-worksheet")) {
    import(bundle)
      // The start under way (or done); one that already failed is not started again from here.
      .then((runtime) => (runtime.coreStatus().state === "failed" ? null : runtime.startCore()))
      .catch(() => {})
      .finally(registerServiceWorker);
  } else if (document.readyState === "complete") {
    registerServiceWorker();
  } else {
    window.addEventListener("load", registerServiceWorker, { once: true });
  }
}
const NEEDS_RUNTIME = ".cd-worksheet, [data-cd-progress], .cd-script-library";

onEveryPage(() => {
  progress.visit();
  // Material's search overlay is a role="dialog" without a name (axe: aria-dialog-name).
  const search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "搜索课程");
  // A wide table scrolls sideways inside Material's wrapper: a keyboard must be able to reach it
  // (axe: scrollable-region-focusable), so a wrapper that overflows takes focus.
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset__table > table")) {
    if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "表格（可横向滚动）");
    }
  }
  if (document.querySelector(NEEDS_RUNTIME)) import(bundle);
});

keepInstantNavigation();
// A link to a worksheet page, pointed at or focused: start the core now (see prefetch.js).
prefetchOnIntent(() => import(bundle).then((runtime) => runtime.startCore()));

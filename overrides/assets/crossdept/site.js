// Site-wide behaviour: the offline service worker, and fixes to Material's markup that a
// template override would have to copy whole files for.
(() => {
  const script = document.currentScript;

  // The offline service worker (sw.js, written by the build): repeat visits start fast and the
  // course keeps working without a network. Not under `mkdocs serve`, where files change by the second.
  const served = location.protocol === "http:" || location.protocol === "https:";
  const liveReload = document.querySelector('script[src*="livereload"]');
  if ("serviceWorker" in navigator && served && !liveReload) {
    const url = new URL(script.dataset.serviceWorker, document.baseURI);
    navigator.serviceWorker.register(url, { scope: new URL(".", url).pathname }).catch((error) => {
      console.info(`service worker not registered: ${error.message}`);
    });
  }

  // Material's search overlay is a role="dialog" without a name (axe: aria-dialog-name).
  const search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "搜索课程");
})();

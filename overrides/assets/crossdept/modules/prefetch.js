// Start early: when a reader points at or tabs to a link to a worksheet page, start the core (its
// files download and Python starts while the hand moves to click). A chapter page merely read still
// loads nothing of Pyodide; a pointer passing over a link on its way elsewhere does not count.
import { manifest, siteUrl } from "./manifest.js";

const DWELL_MS = 80;

/** Absolute URLs (no hash, no query) of the pages that hold a worksheet. */
export function worksheetPages(pages = manifest.pages) {
  return new Set(Object.values(pages).map((page) => siteUrl(page.url)));
}

const bare = (href) => {
  const url = new URL(href);
  url.hash = url.search = "";
  return url.href;
};

/** Call `start()` once, when a link to one of `pages` is hovered or focused for a moment, or touched. */
export function prefetchOnIntent(start, pages = worksheetPages()) {
  let timer = null;
  let done = false;
  const target = (event) => {
    const link = event.target instanceof Element && event.target.closest("a[href]");
    return link && pages.has(bare(link.href)) ? link : null;
  };
  const go = () => {
    if (done) return;
    done = true;
    for (const [type, handler] of listeners) document.removeEventListener(type, handler, true);
    start();
  };
  const soon = (event) => {
    if (target(event)) timer ??= setTimeout(go, DWELL_MS);
  };
  const cancel = (event) => {
    if (target(event)) timer = (clearTimeout(timer), null);
  };
  const now = (event) => target(event) && go();
  const listeners = [
    ["pointerover", soon],
    ["focusin", soon],
    ["pointerout", cancel],
    ["focusout", cancel],
    ["touchstart", now],
  ];
  for (const [type, handler] of listeners) document.addEventListener(type, handler, { capture: true, passive: true });
}

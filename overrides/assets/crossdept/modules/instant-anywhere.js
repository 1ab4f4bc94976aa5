// Instant navigation on a host the site was not built for. Material only treats a link as internal
// when the sitemap lists it, and it rewrites the sitemap's addresses to this page's protocol and
// host name but keeps the port and the path of the build's `site_url` (bundle: fetchSitemap). On an
// intranet host unknown at build time every link then misses, each click reloads the page, and
// every worksheet page restarts Python. There, this takes the clicks Material let pass and hands
// them to Material's own navigation (`location$`, which it exposes for custom scripts), as its click
// handler does; the back button already goes through it.
import { manifest, siteRoot } from "./manifest.js";

/** Would Material's sitemap match this site's links here? `built`: {port, path} of the build's
 * site_url (Material replaces only the protocol and host name). */
export function materialKnowsLinks(built = manifest.runtime.built_for, root = siteRoot) {
  if (!built || built.path === undefined) return true;
  return built.port === root.port && built.path === root.pathname;
}

function instantIsOn() {
  try {
    return JSON.parse(document.getElementById("__config").textContent).features.includes("navigation.instant");
  } catch {
    return false;
  }
}

/** A page of this site that Material can load in place (not a file, not this page's own anchors). */
export function isSitePage(url, here, root = siteRoot) {
  return (
    url.origin === here.origin &&
    url.pathname.startsWith(root.pathname) &&
    !url.pathname.startsWith(`${root.pathname}assets/`) &&
    url.pathname !== here.pathname &&
    (url.pathname.endsWith("/") || url.pathname.endsWith(".html"))
  );
}

function onClick(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element && event.target.closest("a[href]");
  if (!link || link.target || link.hasAttribute("download")) return;
  const url = new URL(link.href);
  if (!isSitePage(url, new URL(location.href))) return;
  event.preventDefault();
  history.replaceState({ x: scrollX, y: scrollY }, ""); // where to come back to, as Material keeps it
  history.pushState(null, "", url);
  window.location$.next(url);
}

/** Once per visit: on a host Material's sitemap does not match, keep navigation instant. */
export function keepInstantNavigation() {
  if (materialKnowsLinks() || location.protocol === "file:" || !instantIsOn() || !window.location$) return;
  document.addEventListener("click", onClick); // after Material's own handler on <body>
}

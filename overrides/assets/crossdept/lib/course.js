// Where things are in the course and what time it is, for the self-assessment kinds and the
// progress view: site-relative page paths, links to the sections the core names
// ("day48/pitfalls.md#pitfall-3"), local date stamps, downloads, and the titles of course sections.
(() => {
  if (window.crossdeptCourse) return; // instant navigation keeps this page's globals
  // This file is assets/crossdept/lib/course.js; the site root is three folders up. Taken from the
  // script's own URL because pages sit at different depths and instant navigation moves them.
  const root = new URL("../../../", document.currentScript.src);

  /** The page's path under the site root: "" for the home page, "day48/pitfalls/" for a chapter. */
  function pagePath(href = location.href) {
    const url = new URL(href, location.href);
    return url.pathname.startsWith(root.pathname) ? decodeURI(url.pathname.slice(root.pathname.length)).replace(/index\.html$/, "") : "";
  }

  /** A section as the core writes it (a page under docs/ plus a heading id) as a link on this site. */
  function sectionUrl(section) {
    const [page, anchor] = String(section).split("#");
    const path = page.replace(/(^|\/)index\.md$/, "$1").replace(/\.md$/, "/"); // use_directory_urls: true
    return new URL(path + (anchor ? `#${anchor}` : ""), root).href;
  }

  const pad = (n) => String(n).padStart(2, "0");
  /** Local time to the minute, "2026-03-02T14:05": what the learner's clock said, as the core reads it. */
  function stamp(date = new Date()) {
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }
  const today = () => stamp().slice(0, 10);
  /** "2026-03-02T14:05" → "2026-03-02 14:05" for reading. */
  const showStamp = (value) => String(value || "").replace("T", " ");

  /** Save text as a file the browser downloads (a blob: URL, so nothing leaves the machine). */
  function download(filename, text, type = "text/markdown;charset=utf-8") {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = Object.assign(document.createElement("a"), { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // Section → title ("误区3：只谈自己的需求"), from the core's playbook; asked once per visit.
  let titles = null;
  function sectionTitles(rt) {
    titles ||= rt.callCore({ worksheet: "playbook", action: "get", data: {} }).then(
      (response) => new Map(response.ok ? response.result.topics.map((t) => [t.section, t.title]) : []),
      () => new Map(),
    );
    return titles;
  }

  window.crossdeptCourse = { root, pagePath, sectionUrl, stamp, today, showStamp, download, sectionTitles };
})();

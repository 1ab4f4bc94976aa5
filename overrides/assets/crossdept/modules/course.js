// Where things are in the course and what time it is: site-relative page paths, links to the
// sections the core names ("day48/pitfalls.md#pitfall-3"), local date stamps, section titles.
import { manifest, siteRoot } from "./manifest.js";

/** The page's path under the site root: "" for the home page, "day48/pitfalls/" for a chapter. */
export function pagePath(href = location.href) {
  const url = new URL(href, location.href);
  return url.pathname.startsWith(siteRoot.pathname) ? decodeURI(url.pathname.slice(siteRoot.pathname.length)).replace(/index\.html$/, "") : "";
}

/** A section as the core writes it (a page under docs/ plus a heading id) as a link on this site. */
export function sectionUrl(section) {
  const [page, anchor] = String(section).split("#");
  // use_directory_urls: true on the site; false in a SCORM package, where an LMS serves files, not folders.
  const path = manifest.directory_urls === false ? page.replace(/\.md$/, ".html") : page.replace(/(^|\/)index\.md$/, "$1").replace(/\.md$/, "/");
  return new URL(path + (anchor ? `#${anchor}` : ""), siteRoot).href;
}

/** The title of a section ("误区3：只谈自己的需求"), from the core's playbook via the manifest. */
export const sectionTitle = (section) => manifest.sections[section] || "";

/** A topic of the playbook by id: {title, section}, or undefined. */
export const topic = (id) => manifest.topics[id];

const pad = (n) => String(n).padStart(2, "0");
/** Local time to the minute, "2026-03-02T14:05": what the learner's clock said, as the core reads it. */
export function stamp(date = new Date()) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
/** The learner's local date, not UTC: a follow-up due "today" means today where they sit. */
export const today = () => stamp().slice(0, 10);
/** "2026-03-02T14:05" → "2026-03-02 14:05" for reading. */
export const showStamp = (value) => String(value || "").replace("T", " ");

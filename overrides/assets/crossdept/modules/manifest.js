// What the build tells the browser, written once from the core and the navigation
// (crossdept_site/manifest.py) and baked into the bundle: the runtime's files, the workbook's
// format, the pages of the tools, the course's topics. The browser keeps no copy of a rule.
/* global CROSSDEPT_MANIFEST */
export const manifest = CROSSDEPT_MANIFEST;

/* global CROSSDEPT_SCORM */
// The SCORM version of a package build ("1.2", "2004"), "" on the site: its own small constant, so
// the script every page loads need not carry the whole manifest to know it.
export const scorm = typeof CROSSDEPT_SCORM === "string" ? CROSSDEPT_SCORM : "";

// This file is bundled into assets/crossdept/<bundle>.js; the site root is two folders up. Taken
// from the module's own URL because pages sit at different depths and instant navigation moves them.
export const siteRoot = new URL("../../", import.meta.url);

/** A path under the site root ("assets/pyodide/…", "tools/resources/") as an absolute URL. */
export const siteUrl = (path) => new URL(path, siteRoot).href;

/** Where a worksheet lives: its page's URL and title, from the navigation. */
export const pageOf = (worksheet) => manifest.pages[worksheet];

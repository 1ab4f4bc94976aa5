// Build step (run by the MkDocs plugin with node): bundle the browser runtime's ES modules with
// esbuild into three files named by their content hash, so a cached copy can never be stale:
// the core's worker, the worksheet runtime (with the manifest baked in) and the small site script.
// Usage: node bundle.mjs <job.json>; job = {modules, outdir, node_modules, manifest}; prints the names.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const job = JSON.parse(readFileSync(process.argv[2], "utf-8"));
const require = createRequire(path.join(job.node_modules, "noop.js"));
const esbuild = require("esbuild");

async function bundle(entry, define = {}) {
  const result = await esbuild.build({
    entryPoints: [path.join(job.modules, "entries", `${entry}.js`)],
    outdir: job.outdir,
    entryNames: "[name].[hash]",
    bundle: true,
    format: "esm",
    target: ["es2022"],
    minify: true,
    legalComments: "none",
    charset: "utf8",
    metafile: true,
    write: true,
    logLevel: "error",
    define: Object.fromEntries(Object.entries(define).map(([k, v]) => [k, JSON.stringify(v)])),
  });
  return path.basename(Object.keys(result.metafile.outputs)[0]);
}

const worker = await bundle("core-worker");
const manifest = { ...job.manifest, runtime: { ...job.manifest.runtime, worker: `assets/crossdept/${worker}` } };
const scorm = (manifest.lms && manifest.lms.scorm) || "";
const worksheets = await bundle("worksheets", { CROSSDEPT_MANIFEST: manifest, CROSSDEPT_SCORM: scorm });
// The small script of every page gets only what it uses (the worksheet pages, the address built for,
// how page paths are written: course.js pagePath), so a chapter page does not download the whole manifest.
const slim = { pages: manifest.pages, directory_urls: manifest.directory_urls, runtime: { built_for: manifest.runtime.built_for } };
const site = await bundle("site", { CROSSDEPT_MANIFEST: slim, CROSSDEPT_BUNDLE: worksheets, CROSSDEPT_SCORM: scorm });
// A SCORM build also has the launch page's script: it holds the LMS session while the pages change.
const launch = scorm ? await bundle("launch", { CROSSDEPT_MANIFEST: manifest, CROSSDEPT_SCORM: scorm }) : "";
console.log(JSON.stringify({ worker, worksheets, site, launch }));

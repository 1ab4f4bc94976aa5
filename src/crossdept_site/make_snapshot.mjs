// Build step (run by the MkDocs plugin with node): start Pyodide, install and import the core,
// and write a gzip'd memory snapshot of that warm interpreter. A page that loads it skips most of
// Pyodide's start-up. Usage: node make_snapshot.mjs <pyodide dir> <core wheel> <output .gz>
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, wheelPath, output] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, _makeSnapshot: true });
const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel", { extractDir: sitePackages });
// Import every module and run one call, so the snapshot holds compiled, warm code.
pyodide.runPython("import crossdept.api; crossdept.api.handle_json('{}')");
const snapshot = pyodide.makeMemorySnapshot();
writeFileSync(output, gzipSync(snapshot, { level: 6 }));
console.log(JSON.stringify({ raw: snapshot.length }));

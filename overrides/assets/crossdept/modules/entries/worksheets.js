// The worksheet runtime, loaded only by pages that have a worksheet or a progress panel (and by
// entries/site.js when instant navigation brings such a page in). Evaluated once per visit, so the
// core's worker survives page swaps; mounts what each page shows.
import { startCore } from "../core-client.js";
import { onEveryPage } from "../dom.js";
import { mountWorksheets } from "../mount.js";
import { renderAll } from "../progress-view.js";
import { mountScriptLibrary } from "../script-library.js";

// A worksheet page starts Python at once: it loads while the reader looks at the page.
if (document.querySelector(".cd-worksheet")) startCore();

onEveryPage(() => {
  mountWorksheets();
  renderAll();
  document.querySelectorAll(".cd-script-library").forEach(mountScriptLibrary);
});

// For the browser tests and the benchmark, which import this same module (no globals).
export { callCore, coreStatus, startCore } from "../core-client.js";
export { toWorkbook } from "../workbook-store.js";
export { store } from "../storage.js";

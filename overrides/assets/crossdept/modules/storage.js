// The store every part of the page uses: localStorage, scoped to this copy of the course.
import { siteRoot } from "./manifest.js";
import { createStore } from "./store.js";

// Where builds before the store kept their records (one key per origin, not per path).
const LEGACY = { progress: "crossdept:progress", workbook: "crossdept:workbook" };

function browserStorage() {
  try {
    return window.localStorage;
  } catch (error) {
    // Storage disabled (a strict privacy setting): every save reports failure, nothing throws.
    return { length: 0, key: () => null, getItem: () => null, setItem: () => { throw new Error("disabled"); }, removeItem: () => {} };
  }
}

export const store = createStore({
  storage: browserStorage(),
  scope: siteRoot.pathname,
  legacyKey: (name) => LEGACY[name] || (name.startsWith("worksheet:") ? `crossdept:${name}` : null),
});

/** Another tab changed record `rec`: call `listener()` (it returns false to stop listening). */
export function onOtherTab(rec, listener) {
  const handler = (event) => {
    if (event.key !== rec.key && event.key !== null) return;
    if (listener() === false) window.removeEventListener("storage", handler);
  };
  window.addEventListener("storage", handler);
}

let persisted = null;
/** Ask once per visit that the browser keep this site's storage under pressure; resolves to whether it will. */
export function persist() {
  if (!persisted) {
    persisted = navigator.storage && navigator.storage.persist
      ? navigator.storage.persisted().then((already) => already || navigator.storage.persist()).catch(() => false)
      : Promise.resolve(false);
  }
  return persisted;
}

// The one DOM helper: user text only ever goes in as textContent or an attribute value, never as HTML.

/** el("p", {class: "x", text: "…", onclick: fn}, child, …) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false && c !== ""));
  return node;
}

/** Run `mount` for this page now and for every page instant navigation brings in. */
export function onEveryPage(mount) {
  if (window.document$) window.document$.subscribe(() => mount());
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => mount());
  else mount();
}

// Updating a result panel in place: after a keystroke most of an answer is what is already on the
// page, and replacing a 50-item card (or a chart's 250 shapes) re-lays out and repaints all of it.
// `patch(old, next)` turns the live node `old` into `next`, touching only what differs: a changed
// text, an attribute, an added or removed child. Nodes made with this module's `el` keep their
// event handlers beside them, so a node kept by `patch` answers with the new node's handler (a
// suggestion chip then adds the suggestion it now shows, a copy button copies the new script).
import { el as plain } from "../dom.js";

const HANDLERS = new WeakMap(); // node → {type: handler}

function listen(node, type, handler) {
  let handlers = HANDLERS.get(node);
  if (!handlers) HANDLERS.set(node, (handlers = {}));
  if (!(type in handlers)) node.addEventListener(type, (event) => HANDLERS.get(node)[type]?.(event));
  handlers[type] = handler;
}

/** As dom.js `el` (user text only ever as text), with handlers `patch` can move to a kept node. */
export function el(tag, attrs = {}, ...children) {
  const rest = {};
  const on = {};
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith("on") && typeof value === "function") on[key.slice(2)] = value;
    else rest[key] = value;
  }
  const node = plain(tag, rest, ...children);
  for (const [type, handler] of Object.entries(on)) listen(node, type, handler);
  return node;
}

// A chart's holder is drawn by charts.js for its width: patching leaves it to the chart.
const OPAQUE = "cd-chart-holder";

/** Make the live node `old` show what `next` shows; returns the node now in the page. */
export function patch(old, next) {
  if (old.nodeType !== next.nodeType || old.nodeName !== next.nodeName) {
    old.replaceWith(next);
    return next;
  }
  if (old.nodeType !== Node.ELEMENT_NODE) {
    if (old.nodeValue !== next.nodeValue) old.nodeValue = next.nodeValue;
    return old;
  }
  if (old.classList.contains(OPAQUE) && next.classList.contains(OPAQUE)) return old;
  // A part that carries what it shows as data-sig (a chart's bar with its label) is the same part
  // when that is the same: one comparison instead of a walk through its shapes.
  const sig = next.getAttribute("data-sig");
  if (sig !== null && sig === old.getAttribute("data-sig")) return old;
  for (const name of old.getAttributeNames()) if (!next.hasAttribute(name)) old.removeAttribute(name);
  for (const name of next.getAttributeNames()) {
    const value = next.getAttribute(name);
    if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  }
  const mine = HANDLERS.get(old);
  const theirs = HANDLERS.get(next) || {};
  if (mine) for (const type of Object.keys(mine)) if (!(type in theirs)) mine[type] = null;
  for (const [type, handler] of Object.entries(theirs)) listen(old, type, handler);
  const before = [...old.childNodes];
  const after = [...next.childNodes];
  after.forEach((child, i) => (i < before.length ? patch(before[i], child) : old.append(child)));
  for (const extra of before.slice(after.length)) extra.remove();
  return old;
}

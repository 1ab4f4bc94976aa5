// Pieces every tool's result panel is made of: a flag with the course section that explains it,
// flags grouped under their rows, titled cards. The per-tool panels (results-<tool>.js) register
// (results/<tool>.js) are called with the core's result and a small context.
import { sectionUrl } from "../course.js";
import { patch } from "./patch.js";

export { el } from "./patch.js";

export const SEVERITY = { error: "必须处理", warning: "需要注意", info: "提示" };

// One flag: its severity, the core's message as text, and a link to the section that teaches it.
export function flagItem(el, flag, topics) {
  const item = el("li", { class: `cd-flag cd-flag-${flag.severity}`, "data-code": flag.code },
    el("span", { class: "cd-flag-severity", text: SEVERITY[flag.severity] || "提示" }),
    el("span", { class: "cd-flag-message", text: flag.message }));
  const topic = topics && topics[flag.topic];
  if (topic) {
    const url = sectionUrl(topic.section);
    item.append(el("a", { class: "cd-flag-link", href: url, text: `课程：${topic.title}` }));
  }
  return item;
}

export function flagList(el, flags, topics) {
  return el("ul", { class: "cd-flags" }, ...flags.map((f) => flagItem(el, f, topics)));
}

// rowIds[i] is the id of the row the core calls i; returns rowId → {key, build} and the sheet-wide flags.
export function byRow(el, flags, rowIds, topics) {
  const groups = new Map();
  const sheet = [];
  for (const flag of flags) {
    const id = flag.row === null ? null : rowIds[flag.row];
    if (!id) sheet.push(flag);
    else groups.set(id, [...(groups.get(id) || []), flag]);
  }
  // Each row's flags with a key, so the grid leaves rows whose flags did not change alone.
  const nodes = new Map([...groups].map(([id, list]) => [id, {
    key: `${topics ? 1 : 0}|${list.map((f) => `${f.code}:${f.message}`).join("|")}`,
    build: () => [flagList(el, list, topics)],
  }]));
  return { nodes, sheet };
}

export function card(el, title, ...children) {
  return el("section", { class: "cd-card" }, el("h4", { class: "cd-card-title", text: title }), ...children);
}

// A short line of key figures: [["4", "项资源"], …].
export function figures(el, pairs) {
  return el("p", { class: "cd-figures" }, ...pairs.map(([value, label]) => el("span", { class: "cd-figure" },
    el("strong", { text: value }), el("span", { text: label }))));
}

// What a piece of the panel shows: its text, or for a chart the data it was drawn from (data-sig).
const signature = (node) => `${node.tagName}|${node.dataset.sig || node.textContent}`;

// Puts `nodes` into `container`, keeping each old node that shows the same thing and patching the
// others in place (patch.js): after an edit most cards are unchanged, and the one that changed
// changes by a line or two, while re-laying out a big panel is what makes typing stutter. A chart
// (see chartCard) is drawn when its card goes in, into the holder already on the page if there is one.
export function morph(container, nodes) {
  const old = [...container.children];
  nodes.forEach((node, i) => {
    if (old[i] && signature(old[i]) === signature(node)) return;
    const placed = old[i] ? patch(old[i], node) : container.appendChild(node);
    const drawInto = shown.get(node);
    const holder = drawInto && placed.querySelector(".cd-chart-holder");
    if (holder) drawInto(holder);
  });
  old.slice(nodes.length).forEach((node) => node.remove());
}

const shown = new WeakMap(); // card → drawInto(holder), for cards whose drawing waits until they are placed

// A titled card holding a chart: `sig` is the data it is drawn from (so an unchanged chart is kept
// as it is), `drawInto(holder)` draws it, only once the card is placed by morph.
export function chartCard(el, title, sig, drawInto, ...notes) {
  const holder = el("div", { class: "cd-chart-holder" });
  const made = card(el, title, holder, ...notes);
  made.dataset.sig = sig;
  shown.set(made, drawInto);
  return made;
}

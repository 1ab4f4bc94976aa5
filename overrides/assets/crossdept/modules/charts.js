// Three small pictures drawn as SVG from the core's results: the resource timeline, the load per
// department, and the stakeholder map (stance × status). No chart library: a few rectangles and
// labels, every label set with textContent, colours from CSS classes so dark mode and print follow.
// Charts are laid out for the width they are given (re-drawn on resize) so text stays legible on a phone.
import { patch } from "./results/patch.js";

const NS = "http://www.w3.org/2000/svg";
const FONT = 12;

export function node(tag, attrs = {}, text) {
  const n = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) n.setAttribute(key, String(value));
  if (text !== undefined) n.textContent = text;
  return n;
}

// Text width estimate: CJK glyphs are square, Latin about half as wide.
const textWidth = (text, size = FONT) => [...text].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? size : size * 0.6), 0);

export function fit(text, width, size = FONT) {
  if (textWidth(text, size) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (textWidth(out + ch + "…", size) > width) break;
    out += ch;
  }
  return out + "…";
}

function frame(width, height, label, className) {
  const svg = node("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", class: `cd-chart ${className}`, "aria-label": label });
  svg.append(node("title", {}, label));
  return svg;
}

const dayNumber = (iso) => {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

const TICK_SPACE = 48; // px a tick's date needs ("12/31" at 10 px, and a gap)
const TICK_STEPS = [7, 14, 30, 61, 91, 182, 365, 730, 1826]; // days: a week … five years

/** The smallest step in days whose ticks over `span` days keep TICK_SPACE apart on `plot` px. */
export function tickStep(span, plot) {
  const fits = Math.max(1, Math.floor(plot / TICK_SPACE));
  return TICK_STEPS.find((s) => span / s <= fits) || Math.ceil(span / fits);
}

// items: [{label, detail, priority, start, end}] with ISO dates; one bar per item from start to end.
// `drawn`: the timeline this one replaces, if any: a bar it already shows at the same place is
// written as a bare placeholder that patch.js recognises by its data-sig and leaves as it is, so an
// answer after a keystroke builds only the bars that changed. The bars and the grid lines sit in
// groups of their own, first, so each bar keeps its place among the children whatever the ticks do.
export function timeline(items, { width, today, drawn = null }) {
  const rowHeight = 30;
  const labelWidth = Math.min(170, Math.round(width * 0.38));
  const top = 26;
  const height = top + items.length * rowHeight + 8;
  const summary = "资源时间线：" + items.map((i) => `${i.label}（${i.priority || "未定优先级"}）${i.end} 前到位`).join("；");
  const svg = frame(width, height, summary, "cd-chart-timeline");
  const grid = node("g", { class: "cd-chart-lines" });
  const bars = node("g", { class: "cd-chart-items" });
  svg.append(grid, bars);
  const days = items.flatMap((i) => [dayNumber(i.start), dayNumber(i.end)]);
  const first = Math.min(...days, today ? dayNumber(today) : Infinity);
  const last = Math.max(...days, first + 7);
  const span = last - first;
  const plot = width - labelWidth - 12;
  const x = (iso) => labelWidth + ((dayNumber(iso) - first) / span) * plot;
  // Ticks along the top, as many as fit the width: weeks on a short plan, months or years on a long
  // one (a date long past stretches the span to years; a fixed step drew ~80 labels over each other).
  const step = tickStep(span, plot);
  let free = 0; // where the last label ended: a label never starts before it
  for (let d = 0; d <= span; d += step) {
    const date = new Date((first + d) * 86_400_000);
    const px = labelWidth + (d / span) * plot;
    grid.append(node("line", { x1: px, x2: px, y1: top - 6, y2: height - 6, class: "cd-chart-grid" }));
    const tick = step >= 182 ? `${date.getUTCFullYear()}/${date.getUTCMonth() + 1}` : `${date.getUTCMonth() + 1}/${date.getUTCDate()}`;
    if (px >= free && px + 2 + textWidth(tick, 10) <= width) { // a tick whose date would not fit keeps its line only
      grid.append(node("text", { x: px + 2, y: top - 10, class: "cd-chart-tick" }, tick));
      free = px + 2 + textWidth(tick, 10) + 6;
    }
  }
  const shown = drawn && drawn.children[2] && drawn.children[2].classList.contains("cd-chart-items")
    ? [...drawn.children[2].children].map((g) => g.getAttribute("data-sig")) : [];
  items.forEach((item, i) => {
    const y = top + i * rowHeight;
    const [x1, x2] = [x(item.start), x(item.end)].sort((a, b) => a - b); // a date already past ends before today
    // data-sig: all this bar shows, so an answer that changed another row leaves it alone (patch.js).
    const sig = JSON.stringify([item.label, item.detail, item.priority, item.start, item.end, y, x1, x2, labelWidth]);
    if (shown[i] === sig) {
      bars.append(node("g", { "data-sig": sig }));
      return;
    }
    const group = node("g", { class: `cd-chart-item cd-priority-${(item.priority || "none").toLowerCase()}`, "data-sig": sig });
    group.append(node("title", {}, `${item.label}（${item.detail}）：${item.start} 至 ${item.end}`));
    group.append(node("text", { x: 0, y: y + 13, class: "cd-chart-label" }, fit(item.label, labelWidth - 6)));
    group.append(node("text", { x: 0, y: y + 25, class: "cd-chart-detail" }, fit(item.detail, labelWidth - 6, 10)));
    group.append(node("rect", { x: x1, y: y + 6, width: Math.max(3, x2 - x1), height: 14, rx: 3, class: "cd-chart-bar" }));
    bars.append(group);
  });
  if (today) {
    const px = x(today);
    svg.append(node("line", { x1: px, x2: px, y1: top - 6, y2: height - 4, class: "cd-chart-today" }));
  }
  return svg;
}

// departments: [{label, value, text}] — one horizontal bar each, longest = full width.
export function bars(items, { width, caption }) {
  const rowHeight = 40;
  const height = items.length * rowHeight + 4;
  const svg = frame(width, height, `${caption}：` + items.map((i) => `${i.label} ${i.text}`).join("；"), "cd-chart-bars");
  const max = Math.max(...items.map((i) => i.value), 1);
  items.forEach((item, i) => {
    const y = i * rowHeight;
    const label = fit(item.label, width * 0.45);
    svg.append(node("text", { x: 0, y: y + 13, class: "cd-chart-label" }, label));
    const detail = fit(item.text, width - textWidth(label) - 12, 11); // the figures get what the name leaves
    svg.append(node("text", { x: width, y: y + 13, "text-anchor": "end", class: "cd-chart-detail" }, detail));
    svg.append(node("rect", { x: 0, y: y + 19, width, height: 12, rx: 3, class: "cd-chart-track" }));
    svg.append(node("rect", { x: 0, y: y + 19, width: Math.max(item.value > 0 ? 3 : 0, (item.value / max) * width), height: 12, rx: 3,
      class: `cd-chart-bar${item.heavy ? " cd-chart-heavy" : ""}` }));
  });
  return svg;
}

// The core's map: {stances, statuses, cells[stance][status] = {count, rows}}; names[row] = department.
export function stakeholderMap(map, names, { width }) {
  const labelWidth = width < 360 ? 44 : 52;
  const head = 26;
  const cols = map.statuses.length;
  const cellWidth = (width - labelWidth) / cols;
  const lines = Math.max(1, Math.min(3, Math.max(0, ...map.cells.flat().map((c) => c.count)))); // names shown per cell
  const cellHeight = 12 + lines * 15;
  const height = head + map.stances.length * cellHeight + 2;
  const parts = [];
  map.cells.forEach((row, s) => row.forEach((cell, t) => cell.count && parts.push(`${map.stances[s]}·${map.statuses[t]}：${cell.rows.map((r) => names[r]).join("、")}`)));
  const svg = frame(width, height, "利益相关方地图（立场 × 状态）：" + (parts.join("；") || "还没有部门"), "cd-chart-map");
  map.statuses.forEach((status, t) => {
    svg.append(node("text", { x: labelWidth + (t + 0.5) * cellWidth, y: 16, "text-anchor": "middle", class: "cd-chart-label" }, fit(status, cellWidth - 4)));
  });
  map.stances.forEach((stance, s) => {
    const y = head + s * cellHeight;
    svg.append(node("text", { x: 0, y: y + cellHeight / 2 + 4, class: `cd-chart-label cd-stance-${s}` }, stance));
    map.statuses.forEach((status, t) => {
      const cell = map.cells[s][t];
      const x = labelWidth + t * cellWidth;
      const group = node("g", { class: `cd-map-cell cd-status-${t}${cell.count ? " cd-map-filled" : ""}` });
      group.append(node("rect", { x: x + 1, y: y + 1, width: cellWidth - 2, height: cellHeight - 2, rx: 4 }));
      if (cell.count) {
        const who = cell.rows.map((r) => names[r]);
        group.append(node("title", {}, `${stance} · ${status}：${who.join("、")}`));
        const shown = who.length > lines ? [...who.slice(0, lines - 1), `等 ${who.length} 个部门`] : who;
        const size = cellWidth < 64 ? 10 : 11; // a phone's cells are narrow: 4 characters still fit
        shown.forEach((name, i) => group.append(node("text", { x: x + 4, y: y + 17 + i * 15, class: "cd-chart-detail", "font-size": size },
          fit(name, cellWidth - 7, size))));
      }
      svg.append(group);
    });
  });
  return svg;
}

// One observer for every chart: each is re-drawn when its width changes (a phone rotated, a
// window resized). Charts that left the page are let go at the next draw, so none is kept alive.
const painters = new Map(); // holder → paint(width)
const observer = window.ResizeObserver ? new ResizeObserver((entries) => entries.forEach((e) => {
  e.target.dataset.shown = "true";
  const width = Math.floor(e.contentRect.width);
  if (e.target.isConnected && width > 0) painters.get(e.target)?.(Math.max(260, width));
})) : null;

// Draws into `holder` now and whenever its width changes; render(width, drawn) may reuse what the
// holder already shows (see timeline). A holder drawn before (an answer after
// a keystroke) is drawn again at the width it has, known without asking the browser: reading a
// width (clientWidth) right after the page changed makes the browser lay out the whole page at
// once, in the middle of the answer. The new drawing is patched into the old one (patch.js), so
// only the bars and labels that changed are laid out again.
export function draw(holder, render) {
  painters.forEach((_, old) => {
    if (old.dataset.shown && !old.isConnected) {
      observer.unobserve(old);
      painters.delete(old);
    }
  });
  let drawn = null; // the render() this holder shows, at the width in its data-drawn-width
  const paint = (width) => {
    if (drawn === render && holder.dataset.drawnWidth === String(width) && holder.firstChild) return;
    drawn = render;
    holder.dataset.drawnWidth = String(width);
    const before = holder.firstElementChild;
    const svg = render(width, before);
    if (before && before.nodeName === svg.nodeName) patch(before, svg);
    else holder.replaceChildren(svg);
  };
  paint(Number(holder.dataset.drawnWidth) || Math.max(260, Math.floor(holder.clientWidth || 600)));
  if (observer) {
    painters.set(holder, paint);
    observer.observe(holder);
  }
}

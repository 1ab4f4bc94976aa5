// The capability profile as inline SVG: one bar per capability on a fixed 0–100 % scale (so two
// self-tests compare), with a tick where the earlier result stood. (svg-charts.js scales its bars to
// the largest value, which suits loads, not scores.) Bars rather than a radar: three capabilities
// make a poor triangle, and bars stay readable at 390 px. Labels are set with textContent.
import { node } from "./charts.js";

const WIDTH = 360;
const LABEL = 104; // room for a six-character Chinese label
const BAR = 190;
const ROW = 40;

const svg = node;

/**
 * rows: [{label, percent (0–100), value (text after the bar), previous (0–100 or null), weakest}];
 * title: what a screen reader hears for the whole chart.
 */
export function barChart(rows, title) {
  const height = rows.length * ROW + 8;
  const titleId = `cd-chart-${Math.random().toString(36).slice(2)}`;
  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${height}`, class: "cd-bar-chart", role: "img", "aria-labelledby": titleId });
  chart.append(svg("title", { id: titleId }, title));
  rows.forEach((row, i) => {
    const y = i * ROW + 8;
    const group = svg("g", { class: row.weakest ? "cd-bar-row cd-bar-weakest" : "cd-bar-row" });
    group.append(
      svg("text", { x: 0, y: y + 17, class: "cd-bar-label" }, row.label),
      svg("rect", { x: LABEL, y: y + 4, width: BAR, height: 18, rx: 3, class: "cd-bar-track" }),
      svg("rect", { x: LABEL, y: y + 4, width: (BAR * Math.max(0, Math.min(100, row.percent))) / 100, height: 18, rx: 3, class: "cd-bar-fill" }),
      svg("text", { x: LABEL + BAR + 8, y: y + 17, class: "cd-bar-value" }, row.value),
    );
    if (row.previous !== null && row.previous !== undefined) {
      const x = LABEL + (BAR * row.previous) / 100;
      group.append(svg("line", { x1: x, x2: x, y1: y, y2: y + 26, class: "cd-bar-previous" }));
    }
    chart.append(group);
  });
  return chart;
}

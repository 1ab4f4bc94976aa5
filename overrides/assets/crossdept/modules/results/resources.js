// The resource list's panel: the plan in the order to secure it, the load each department carries
// (bars) and the window left for each resource (timeline), from the core's resources/plan.
import * as charts from "../charts.js";
import * as R from "./common.js";

export function resourcesPanel(result, ctx) {
  const { el } = ctx;
  const panel = [];
  const t = result.totals;
  panel.push(R.figures(el, [[String(t.rows), "项资源"], [String(t.P0), "项必需（P0）"], [String(t.P1), "项重要（P1）"],
    [String(t.P2), "项备选（P2）"], [String(t.person_days), "人天工作量"]]));
  if (!result.rows.length) return panel;

  const plan = el("ol", { class: "cd-ranked" });
  for (const r of result.rows) {
    const when = r.needed_by
      ? `${r.needed_by} 前${r.days_left === null ? "" : r.days_left < 0 ? `（已过 ${-r.days_left} 天）` : `（还有 ${r.days_left} 天）`}`
      : "还没定时间";
    const who = [r.department, r.owner && `（${r.owner}）`].filter(Boolean).join("");
    const fallbacks = r.fallbacks.map((i) => result.rows.find((x) => x.row === i)).filter(Boolean).map((x) => x.resource);
    plan.append(el("li", { "data-row": String(r.row) },
      el("span", { class: `cd-tag cd-priority-${(r.priority || "none").toLowerCase()}`, text: r.priority ? `${r.priority} ${r.priority_label}` : "未定" }),
      el("strong", { text: r.resource }),
      el("span", { class: "cd-item-detail", text: [who || "部门未填", when, r.person_days !== null ? `${r.person_days} 人天` : ""].filter(Boolean).join(" · ") }),
      fallbacks.length ? el("span", { class: "cd-item-detail", text: `备选：${fallbacks.join("、")}` }) : null));
  }
  panel.push(R.card(el, "先谈什么：按优先级和时间排好的计划", plan));

  if (result.departments.length) {
    const items = result.departments.map((d) => ({
      label: d.department,
      value: d.person_days || 0,
      heavy: d.heavy,
      text: `${d.person_days} 人天 · ${Math.round(d.share * 100)}% · 必需 ${d.p0_asks} 项`,
    }));
    panel.push(R.chartCard(el, "各部门负担（资源地图）", JSON.stringify(items),
      (holder) => charts.draw(holder, (width) => charts.bars(items, { width, caption: "各部门负担" })),
      el("p", { class: "cd-card-note", text: "条越长，这个部门要投入的人力越多；超过一半的部门是项目的瓶颈，要先谈、谈透。" })));
  }

  if (result.timeline.length) {
    const items = result.timeline.map((i) => ({
      label: i.resource, detail: i.department || "部门未填", priority: i.priority, start: i.start || i.end, end: i.end,
    }));
    panel.push(R.chartCard(el, "时间线：从今天到每项资源必须到位", JSON.stringify([ctx.today, items]),
      (holder) => charts.draw(holder, (width, drawn) => charts.timeline(items, { width, today: ctx.today, drawn })),
      el("p", { class: "cd-card-note", text: "竖线是今天；每条横条的右端是需求时间，条越短，留给你谈判和对方排期的时间越少。" })));
  }
  return panel;
}

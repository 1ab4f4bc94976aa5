// The tracker's panel: whom to approach first, who is due a follow-up (and the calendar file),
// the stakeholder map, how to answer each obstacle and refusal, and the escalation brief.
import * as charts from "../charts.js";
import { sectionUrl } from "../course.js";
import { copyButton } from "../files.js";
import * as R from "./common.js";

export function trackerPanel(result, ctx) {
  const { el } = ctx;
  const byRow = new Map(result.rows.map((r) => [r.row, r]));
  const link = (topic) => {
    const t = ctx.topics && ctx.topics[topic];
    return t ? el("a", { class: "cd-flag-link", href: sectionUrl(t.section), text: `课程：${t.title}` }) : null;
  };
  const panel = [];
  if (!result.rows.length) return panel;

  const order = el("ol", { class: "cd-ranked cd-order" }, ...result.order.map((i) => {
    const r = byRow.get(i);
    return el("li", { "data-row": String(i) },
      el("span", { class: `cd-tag cd-stance-tag`, text: r.stance || "立场未填" }),
      el("strong", { text: r.department }),
      el("span", { class: "cd-item-detail", text: r.approach }));
  }));
  panel.push(R.card(el, "先找谁：接触顺序", order, link("step-4")));

  const due = result.followups;
  const followups = due.length
    ? el("ul", { class: "cd-followups" }, ...due.map((f) => el("li", { class: f.overdue ? "cd-overdue" : "", "data-row": String(f.row) },
      el("span", { class: "cd-tag", text: f.overdue ? `已逾期 · ${f.due}` : f.due }),
      el("strong", { text: `${f.department}${f.owner ? `（${f.owner}）` : ""}` }),
      el("span", { class: "cd-item-detail", text: f.next_step ? `下一步：${f.next_step}` : "还没写下一步" }))))
    : el("p", { class: "cd-card-note", text: "所有部门都已交付，没有需要跟进的。" });
  panel.push(R.card(el, "需要跟进（每两周至少同步一次）", followups,
    due.length ? el("div", { class: "cd-card-actions" }, el("button", { type: "button", class: "md-button", text: "导出到日历（.ics）", onclick: ctx.calendar }),
      el("span", { class: "cd-card-note", text: "网页无法提醒你，你的日历可以：导入后每个跟进日早上 9 点提醒。" })) : null,
    link("step-6")));

  const names = Object.fromEntries(result.rows.map((r) => [r.row, r.department]));
  panel.push(R.chartCard(el, "利益相关方地图（立场 × 状态）", JSON.stringify([result.map, names]),
    (holder) => charts.draw(holder, (width) => charts.stakeholderMap(result.map, names, { width })),
    el("p", { class: "cd-card-note", text: "越往左上，越是已经站在你这边的；右下角受阻的对立部门，放到最后、带着大家的支持再去谈。" })));

  const answers = result.rows.filter((r) => r.strategies.length || (r.refusals > 0 && r.status !== "已交付"));
  if (answers.length) {
    panel.push(R.card(el, "逐个部门的应对", ...answers.map((r) => el("div", { class: "cd-answer", "data-row": String(r.row) },
      el("p", { class: "cd-suggest-label", text: r.department }),
      r.strategies.length ? el("p", { class: "cd-item-detail", text: `对方说“${r.obstacle}”，三种破解办法：` }) : null,
      r.strategies.length ? el("ol", { class: "cd-strategies" }, ...r.strategies.map((s) => el("li", {}, el("strong", { text: s.name }), el("span", { text: `：${s.how}` })))) : null,
      r.strategies.length ? link(r.obstacle_topic) : null,
      r.refusals > 0 ? el("p", { class: "cd-item-detail", text: `已被拒 ${r.refusals} 次 · ${r.ladder.title}：${r.ladder.action}` }) : null,
      r.refusals > 0 ? link(r.ladder.topic) : null))));
  }

  if (result.brief.needed) {
    panel.push(R.card(el, "升级简报（向上级求指导，不是告状）",
      el("pre", { class: "cd-script", text: result.brief.text }),
      copyButton(el, "复制简报", () => result.brief.text),
      link("step-5")));
  }
  return panel;
}

// Worksheet kind "capability": the learner rates each element of the three core capabilities 1–5;
// the core (capability/score) averages them, names the weakest capability and plans what to practise.
// The page draws the profile as a bar chart, links the plan to the sections to reread, and keeps one
// dated result per day once every element is rated, so a later self-test shows the change.
import { barChart } from "../capability-chart.js";
import { callCore } from "../core-client.js";
import { showCoreErrors, trackCore } from "../core-status.js";
import { pagePath, sectionTitle, sectionUrl, stamp, today } from "../course.js";
import { el } from "../dom.js";
import { download } from "../files.js";
import * as progress from "../progress.js";
import { recordNotice } from "../record-notice.js";
import { onOtherTab, store } from "../storage.js";

export function mountCapability(root, definition) {
  const id = definition.id;
  const rec = store.record(`worksheet:${id}`, { version: 1 });
  const points = definition.scale.length; // the core checks the scale has its number of points
  const elements = definition.capabilities.flatMap((c) => c.elements);
  const page = pagePath(); // a scoring may land after the learner has navigated on
  const HISTORY = 50;
  const DEBOUNCE_MS = 150;

  let state = normalise(rec.load());
  let latest = null;
  let rerated = false; // only a rating given on this visit makes a dated result, not reopening the page

  function normalise(saved) {
    const ratings = {};
    for (const e of elements) {
      const value = saved.ratings && saved.ratings[e.id];
      if (Number.isInteger(value) && value >= 1 && value <= points) ratings[e.id] = value;
    }
    return { ratings, history: Array.isArray(saved.history) ? saved.history : [] };
  }

  // ---- the rating form ---------------------------------------------------------------------
  const status = el("p", { class: "cd-status", role: "status" });
  const legend = el("p", { class: "cd-scale-legend", text: `评分：${definition.scale.map((s, i) => `${i + 1} ${s}`).join(" · ")}` });
  const inputs = new Map(); // element id → [radio 1 … radio 5]

  function ratingRow(element) {
    const labelId = `cd-${id}-${element.id.replace(".", "-")}-label`;
    const radios = definition.scale.map((text, i) => {
      const input = el("input", { type: "radio", name: `cd-${id}-${element.id}`, value: String(i + 1) });
      input.checked = state.ratings[element.id] === i + 1;
      input.addEventListener("change", () => onRate(element.id, i + 1));
      return input;
    });
    inputs.set(element.id, radios);
    return el("div", { class: "cd-rating", role: "radiogroup", "aria-labelledby": labelId, "data-element": element.id },
      el("p", { class: "cd-rating-label", id: labelId },
        el("strong", { text: element.label }), el("span", { text: `：${element.statement}` })),
      el("div", { class: "cd-rating-scale" }, ...radios.map((input, i) =>
        el("label", { class: "cd-rating-point", title: definition.scale[i] },
          input,
          el("span", { class: "cd-rating-number", "aria-hidden": "true", text: String(i + 1) }),
          el("span", { class: "cd-sr-only", text: `${i + 1} 分，${definition.scale[i]}` })))));
  }

  const form = el("form", { class: "cd-capability-form", novalidate: "", onsubmit: (e) => e.preventDefault() },
    ...definition.capabilities.map((cap) =>
      el("fieldset", { class: "cd-cap-group", "data-capability": cap.id },
        el("legend", { text: cap.label }), ...cap.elements.map(ratingRow))));

  // ---- results -----------------------------------------------------------------------------
  const results = el("div", { class: "cd-cap-result", "aria-live": "polite" });
  const general = el("p", { class: "cd-error cd-general", role: "alert", hidden: "" });
  const clear = el("button", { type: "button", class: "md-button cd-clear", text: "清空评分" });
  const exportButton = el("button", { type: "button", class: "md-button cd-export", text: "导出结果（Markdown）", hidden: "" });
  const message = el("p", { class: "cd-save-note", "aria-live": "polite" });

  const rated = () => elements.filter((e) => state.ratings[e.id]).length;

  function previousEntry() {
    const now = today();
    return state.history.filter((h) => h.date < now).pop() || null; // the latest result before today's
  }

  function renderResults() {
    if (!latest) {
      results.replaceChildren(el("p", { class: "cd-cap-empty", text: rated()
        ? "正在计算你的能力画像……"
        : "给任意一项打分后，这里会画出你的能力画像；9 项都打完，结果会按日期记下来。" }));
      return;
    }
    const previous = previousEntry();
    const rows = latest.capabilities.map((c) => ({
      label: c.name,
      percent: c.percentage || 0,
      value: c.mean === null ? "未打分" : `${c.mean} 分`,
      previous: previous && previous.percentages ? previous.percentages[c.id] ?? null : null,
      weakest: weakestIds.includes(c.id),
    }));
    const described = latest.capabilities.map((c) => `${c.name} ${c.mean === null ? "未打分" : `${c.mean} 分`}`).join("，");
    results.replaceChildren(...[
      el("h4", { text: "你的能力画像" }),
      barChart(rows, `能力画像（满分 5 分）：${described}`),
      el("p", { class: "cd-chart-legend", text: previous
        ? `条形为这次的平均分（满分 5 分），竖线为上次的结果（${previous.date}）。`
        : "条形为各项能力的平均分（满分 5 分）。" }),
      weakestLine(),
      latest.complete ? null : el("p", { class: "cd-missing", text: `还有 ${latest.missing.length} 项没打分；全部打完后，结果会记入下面的历史。` }),
      el("h4", { text: "提升计划" }),
      el("ol", { class: "cd-plan" }, ...latest.plan.map((item) =>
        el("li", { "data-element": item.element },
          el("strong", { text: `${item.name}` }), el("span", { class: "cd-plan-meta", text: `（${item.capability} · ${item.rating} 分）` }),
          el("p", { text: item.practice }),
          el("p", { class: "cd-reread" }, el("a", { href: sectionUrl(item.section), text: `重读：${sectionTitle(item.section) || item.title}` }))))),
      historyTable(),
    ].filter(Boolean));
  }

  function historyTable() {
    if (!state.history.length) return null;
    const caps = definition.capabilities;
    const rows = [...state.history].reverse().map((h) =>
      el("tr", {}, el("td", { text: h.date }),
        ...caps.map((c) => el("td", { text: h.means && h.means[c.id] !== undefined ? `${h.means[c.id]} 分` : "—" })),
        el("td", { text: weakestName(h.weakest) })));
    return el("div", { class: "cd-cap-history" },
      el("h4", { text: "历次结果" }),
      el("div", { class: "cd-table-scroll" },
        el("table", {},
          el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "日期" }),
            ...caps.map((c) => el("th", { scope: "col", text: c.label })), el("th", { scope: "col", text: "最需要加强" }))),
          el("tbody", {}, ...rows))));
  }

  // The core names no weakest capability when the lowest means tie (3/3/3): `weakest` is then null
  // and `lowest` lists the tied ones. A saved result keeps whichever it had.
  function weakestList(weakest) {
    if (!weakest) return [];
    return Array.isArray(weakest) ? weakest : [weakest];
  }
  const weakestName = (weakest) => weakestList(weakest).map((w) => w.name).join("、") || "—";
  let weakestIds = [];

  function weakestLine() {
    const list = weakestList(latest.weakest);
    if (list.length !== 1) {
      const tied = (latest.lowest || []).map((c) => c.name);
      const text = tied.length && tied.length < latest.capabilities.length
        ? `${tied.join("、")}的平均分并列最低：看看下面提升计划里分数最低的要素。`
        : "三项能力的平均分相同，没有哪一项明显偏弱：看看下面提升计划里分数最低的要素。";
      return el("p", { class: "cd-weakest", text });
    }
    const weakest = latest.capabilities.find((c) => c.id === list[0].id);
    return el("p", { class: "cd-weakest" }, "最需要加强：", el("strong", { text: list[0].name }), `（平均 ${weakest.mean} 分）`);
  }

  // One result per day: a re-rating on the same day replaces that day's entry.
  function recordToday(scored) {
    const entry = {
      date: today(), saved: stamp(), ratings: { ...state.ratings },
      means: Object.fromEntries(scored.capabilities.map((c) => [c.id, c.mean])),
      percentages: Object.fromEntries(scored.capabilities.map((c) => [c.id, c.percentage])),
      weakest: scored.weakest || scored.lowest || null,
    };
    state.history = [...state.history.filter((h) => h.date !== entry.date), entry].slice(-HISTORY);
  }

  // ---- scoring -----------------------------------------------------------------------------
  let timer = null;
  let generation = 0;
  async function score() {
    const mine = ++generation;
    if (!rated()) {
      latest = null;
      exportButton.hidden = true;
      renderResults();
      return;
    }
    let response;
    try {
      response = await callCore({ worksheet: "capability", action: "score", data: { ratings: state.ratings } });
    } catch (error) {
      if (mine === generation) results.replaceChildren(el("p", { class: "cd-cap-empty", text: `暂时画不出能力画像：${error.message}你的评分已保存在本机。` }));
      return;
    }
    if (mine !== generation) return;
    if (!root.isConnected) return; // swapped out meanwhile: the next view scores again (quiz.js)
    if (!showCoreErrors(general, response)) return;
    latest = response.result;
    weakestIds = weakestList(latest.weakest).length === 1 ? [weakestList(latest.weakest)[0].id] : [];
    if (latest.complete && rerated) {
      rerated = false;
      recordToday(latest);
      persist();
    }
    exportButton.hidden = false;
    renderResults();
    root.dataset.scored = String(rated());
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => score(), DEBOUNCE_MS);
  }

  function onRate(elementId, value) {
    state.ratings[elementId] = value;
    rerated = true;
    persist();
    if (!latest) renderResults();
    schedule();
  }

  function persist() {
    const ok = rec.save(state);
    message.textContent = ok ? "评分已自动保存在本机浏览器" : "无法保存到浏览器（存储已满或被禁用），刷新后评分会丢失";
    const last = state.history[state.history.length - 1];
    progress.note(definition, {
      page,
      done: Boolean(last),
      text: last
        ? `已完成 ${state.history.length} 次 · 最近 ${last.date} · 最需要加强：${weakestName(last.weakest)}`
        : `已打分 ${rated()}/${elements.length} 项`,
    });
  }

  clear.addEventListener("click", () => {
    if (!window.confirm("清空这次的全部评分吗？（之前记下的历次结果会保留）")) return;
    state.ratings = {};
    inputs.forEach((radios) => radios.forEach((r) => (r.checked = false)));
    persist();
    score();
  });

  exportButton.addEventListener("click", async () => {
    try {
      const response = await callCore({ worksheet: "capability", action: "export", format: "markdown", today: today(), data: { ratings: state.ratings } });
      if (response.ok) download(response.result.text, response.result.filename);
      else message.textContent = `导出失败：${response.errors.map((e) => e.message).join("；")}`;
    } catch (error) {
      message.textContent = `暂时无法导出：${error.message}`;
    }
  });

  root.replaceChildren(
    el("div", { class: "cd-head" }, el("h3", { class: "cd-title", text: definition.title }),
      definition.description ? el("p", { class: "cd-description", text: definition.description }) : null),
    recordNotice(rec, "自测记录"), status, legend, form, general, results, el("div", { class: "cd-actions" }, clear, exportButton, message),
  );
  renderResults();

  // Another tab rated too: take its ratings and history.
  onOtherTab(rec, () => {
    if (!root.isConnected) return false;
    state = normalise(rec.load());
    inputs.forEach((radios, eid) => radios.forEach((r, i) => (r.checked = state.ratings[eid] === i + 1)));
    schedule();
    return true;
  });

  trackCore(root, status);
  score();
}

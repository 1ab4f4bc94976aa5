// Worksheet kind "journal": a chapter's reflection questions as text areas. Every keystroke is saved
// with the time of the save. The chapter asks learners to answer now and look again later, so the
// answers come in rounds: a new round starts empty and shows the earlier rounds' answers, dated,
// beside each question. The whole journal exports as Markdown, written by the core (journal/export).
import { callCore, coreStatus } from "../core-client.js";
import { trackCore } from "../core-status.js";
import { pagePath, sectionTitle, sectionUrl, showStamp, stamp, today } from "../course.js";
import { el } from "../dom.js";
import { download } from "../files.js";
import * as progress from "../progress.js";
import { recordNotice } from "../record-notice.js";
import { onOtherTab, store } from "../storage.js";

export function mountJournal(root, definition) {
  const id = definition.id;
  const rec = store.record(`worksheet:${id}`, { version: 1 });
  const questions = definition.questions;
  const page = pagePath(); // where the progress panel lists this journal, fixed before any navigation

  let state = normalise(rec.load());
  let lastSaveOk = true; // a failed save must never read "已保存

  // rounds: [{started, answers: {question id: {text, saved}}}], oldest first; the last is the one being written.
  function normalise(saved) {
    const rounds = (Array.isArray(saved.rounds) ? saved.rounds : [])
      .filter((r) => r && typeof r === "object")
      .map((r) => ({ started: r.started || null, answers: r.answers && typeof r.answers === "object" ? r.answers : {} }));
    if (!rounds.length) rounds.push({ started: null, answers: {} });
    return { rounds };
  }

  const current = () => state.rounds[state.rounds.length - 1];
  const hasText = (round) => questions.some((q) => (round.answers[q.id]?.text || "").trim());
  const roundNumber = () => state.rounds.length;

  // ---- layout ------------------------------------------------------------------------------
  const status = el("p", { class: "cd-status", role: "status" });
  const roundLine = el("p", { class: "cd-journal-round" });
  const newRound = el("button", { type: "button", class: "md-button cd-new-round", text: "开始新一轮作答" });
  const exportButton = el("button", { type: "button", class: "md-button cd-export", text: "导出为 Markdown" });
  const message = el("p", { class: "cd-journal-message", role: "status" });
  const saveNote = el("p", { class: "cd-save-note", "aria-live": "polite" });
  const views = new Map();

  function questionView(q, index) {
    const inputId = `cd-${id}-${q.id}`;
    const area = el("textarea", { id: inputId, rows: "5", "aria-describedby": `${inputId}-help ${inputId}-saved` });
    const saved = el("p", { class: "cd-journal-saved", id: `${inputId}-saved` });
    const past = el("div", { class: "cd-journal-past" });
    area.addEventListener("input", () => onType(q, area, saved));
    views.set(q.id, { area, saved, past });
    return el("section", { class: "cd-journal-question", "data-question": q.id },
      el("label", { class: "cd-journal-prompt", for: inputId, text: `${index + 1}. ${q.prompt}` }),
      el("p", { class: "cd-help", id: `${inputId}-help`, text: q.hint || "" }),
      q.section ? el("p", { class: "cd-reread" }, el("a", { href: sectionUrl(q.section), text: `出自：${sectionTitle(q.section) || "相关章节"}` })) : null,
      // Earlier answers first: read what you wrote then, and write the new answer beside (or below) it.
      el("div", { class: "cd-journal-columns" },
        past,
        el("div", { class: "cd-journal-now" }, el("div", { class: "cd-input" }, area), saved)));
  }

  function savedText(answer) {
    if (!lastSaveOk && answer && answer.text) return "没能保存（浏览器存储已满或被禁用）：请先复制或导出你写的内容";
    return answer && answer.saved ? `已保存 · ${showStamp(answer.saved)}` : "还没有写";
  }

  function renderPast(q) {
    const { past } = views.get(q.id);
    const earlier = state.rounds.slice(0, -1)
      .map((round, i) => ({ round: i + 1, answer: round.answers[q.id] }))
      .filter((e) => e.answer && (e.answer.text || "").trim())
      .reverse(); // newest first: the one to compare with comes first
    past.hidden = !earlier.length;
    past.replaceChildren(
      el("p", { class: "cd-journal-past-title", text: "之前的回答" }),
      el("ol", { class: "cd-journal-past-list" }, ...earlier.map((e) =>
        el("li", { "data-round": String(e.round) },
          el("p", { class: "cd-journal-date", text: `第 ${e.round} 轮 · ${showStamp(e.answer.saved)}` }),
          el("p", { class: "cd-journal-text", text: e.answer.text })))),
    );
  }

  function render() {
    const round = current();
    roundLine.textContent = round.started
      ? `第 ${roundNumber()} 轮作答 · 开始于 ${showStamp(round.started)}`
      : `第 ${roundNumber()} 轮作答 · 还没开始写`;
    for (const q of questions) {
      const view = views.get(q.id);
      if (document.activeElement !== view.area) view.area.value = round.answers[q.id]?.text || "";
      view.saved.textContent = savedText(round.answers[q.id]);
      renderPast(q);
    }
    newRound.hidden = !hasText(round);
  }

  // ---- writing -----------------------------------------------------------------------------
  function onType(q, area, savedNode) {
    const round = current();
    const now = stamp();
    const starting = !round.started;
    round.started ||= now;
    round.answers[q.id] = { text: area.value, saved: now };
    persist();
    savedNode.textContent = savedText(round.answers[q.id]);
    newRound.hidden = !hasText(round);
    if (starting) render(); // the round line gets its start time
  }

  function persist() {
    const ok = rec.save(state);
    lastSaveOk = ok;
    saveNote.dataset.saved = String(ok);
    saveNote.textContent = ok ? "每次输入都已自动保存在本机浏览器" : "无法保存到浏览器（存储已满或被禁用），请导出或复制你写的内容";
    const written = state.rounds.filter(hasText);
    const last = written.flatMap((r) => Object.values(r.answers).map((a) => a.saved || "")).sort().pop();
    const answered = questions.filter((q) => (current().answers[q.id]?.text || "").trim()).length;
    progress.note(definition, {
      page,
      done: written.length > 0,
      keep: true,
      text: written.length
        ? `第 ${roundNumber()} 轮已写 ${answered}/${questions.length} 题 · 共 ${written.length} 轮有内容 · 最近保存 ${showStamp(last)}`
        : "还没有写",
    });
  }

  newRound.addEventListener("click", () => {
    if (!hasText(current())) return;
    state.rounds.push({ started: null, answers: {} });
    persist();
    render();
    message.textContent = "已开始新一轮。之前的回答显示在每道题旁边，方便对照。";
    views.get(questions[0].id).area.focus();
  });

  // ---- export (the core writes the Markdown) -------------------------------------------------
  exportButton.addEventListener("click", async () => {
    const entries = state.rounds.flatMap((round, i) => questions
      .filter((q) => (round.answers[q.id]?.text || "").trim())
      .map((q) => ({ question: q.id, round: i + 1, saved: round.answers[q.id].saved, text: round.answers[q.id].text })));
    message.textContent = coreStatus().state === "ready" ? "正在生成……" : "正在等计算核心启动，稍后自动导出……";
    let response;
    try {
      response = await callCore({
        worksheet: "journal", action: "export", format: "markdown", today: today(),
        data: { title: definition.title, questions: questions.map((q) => ({ id: q.id, prompt: q.prompt })), entries },
      });
    } catch (error) {
      message.textContent = `暂时无法导出：${error.message}你写的内容都保存在本机，也可以直接从文本框里复制。`;
      return;
    }
    if (!response.ok) {
      message.textContent = `导出失败：${response.errors.map((e) => e.message).join("；")}`;
      return;
    }
    download(response.result.text, response.result.filename);
    message.textContent = `已导出 ${response.result.filename}`;
    root.dataset.exported = response.result.filename;
  });

  root.replaceChildren(
    el("div", { class: "cd-head" }, el("h3", { class: "cd-title", text: definition.title }),
      definition.description ? el("p", { class: "cd-description", text: definition.description }) : null),
    recordNotice(rec, "反思日志"),
    status,
    el("div", { class: "cd-journal-bar" }, roundLine),
    ...questions.map(questionView),
    el("div", { class: "cd-actions" }, newRound, exportButton, saveNote),
    message,
  );
  render();

  // Another tab wrote in the same journal: take its answers, except in the box being typed in here.
  onOtherTab(rec, () => {
    if (!root.isConnected) return false;
    const mine = questions.map((q) => views.get(q.id).area).find((area) => document.activeElement === area);
    const fresh = normalise(rec.load());
    if (mine) {
      const q = questions.find((x) => views.get(x.id).area === mine);
      const round = fresh.rounds[fresh.rounds.length - 1];
      round.answers[q.id] = { text: mine.value, saved: current().answers[q.id]?.saved || stamp() };
    }
    state = fresh;
    render();
    return true;
  });

  trackCore(root, status);
}

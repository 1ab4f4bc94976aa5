// Worksheet kind "quiz": scenario questions answered one at a time. A confirmed answer is judged by
// the core (quiz/score) and shown with the explanation of the option chosen (options are shuffled
// on a retake, so no explanation names a letter) and a link to the section that teaches it.
// The learner can answer before Python is ready; verdicts follow when it is. A retry shuffles the
// options (so the answer is recalled, not its position); the best and the last score are kept, and
// every question answered wrong goes into a 错题本 that can be practised on its own.
import { callCore, coreStatus } from "../core-client.js";
import { showCoreErrors, trackCore } from "../core-status.js";
import { pagePath, sectionTitle, sectionUrl, showStamp, stamp } from "../course.js";
import { el } from "../dom.js";
import * as lms from "../lms.js";
import * as progress from "../progress.js";
import { recordNotice } from "../record-notice.js";
import { onOtherTab, store } from "../storage.js";

export function mountQuiz(root, definition) {
  const id = definition.id;
  const rec = store.record(`worksheet:${id}`, { version: 1 });
  const questions = definition.questions;
  const page = pagePath(); // a scoring may land after the learner has navigated on
  const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const HISTORY = 20;

  let state = normalise(rec.load());
  let latest = null; // the core's last scoring of this attempt

  // Saved state as this definition can use it: answers and orders for questions and options that
  // still exist (the quiz may have been edited since the learner's last visit).
  function normalise(saved) {
    const s = { attempt: 1, answers: {}, order: {}, recorded: 0, best: null, last: null, history: [], wrong: {}, practice: null, ...saved };
    const answers = {};
    const order = {};
    for (const q of questions) {
      const ids = q.options.map((o) => o.id);
      const a = s.answers[q.id];
      if (a && Array.isArray(a.chosen)) {
        const chosen = a.chosen.filter((c) => ids.includes(c));
        answers[q.id] = { chosen, confirmed: Boolean(a.confirmed) && chosen.length > 0 };
      }
      const o = s.order[q.id];
      order[q.id] = Array.isArray(o) && o.length === ids.length && ids.every((x) => o.includes(x)) ? o : ids;
    }
    const known = new Set(questions.map((q) => q.id));
    // 错题本: question id → {times wrong, last date}; a practice round asks only these questions.
    const wrong = Object.fromEntries(Object.entries(s.wrong && typeof s.wrong === "object" ? s.wrong : {}).filter(([qid]) => known.has(qid)));
    const practice = Array.isArray(s.practice) ? s.practice.filter((qid) => known.has(qid)) : null;
    return { ...s, answers, order, wrong, practice: practice && practice.length ? practice : null, history: Array.isArray(s.history) ? s.history : [] };
  }

  function shuffled(ids) {
    for (let tries = 0; tries < 10; tries++) {
      const copy = [...ids];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      if (copy.some((x, i) => x !== ids[i])) return copy; // a retry should look different
    }
    return [...ids].reverse();
  }

  // The questions of this round: all of them, or the 错题本's in a practice round.
  const inRound = () => (state.practice ? questions.filter((q) => state.practice.includes(q.id)) : questions);
  const confirmedCount = () => inRound().filter((q) => state.answers[q.id]?.confirmed).length;
  const complete = () => confirmedCount() === inRound().length;
  const percent = (entry) => `${Math.round(entry.ratio * 100)}%`;

  // ---- layout ------------------------------------------------------------------------------
  const status = el("p", { class: "cd-status", role: "status" });
  const summary = el("div", { class: "cd-quiz-summary", "aria-live": "polite" });
  const list = el("ol", { class: "cd-questions" });
  const general = el("p", { class: "cd-error cd-general", role: "alert", hidden: "" });
  const result = el("div", { class: "cd-quiz-result", "aria-live": "polite", hidden: "" });
  const retry = el("button", { type: "button", class: "md-button cd-retry", text: "重新作答（打乱选项顺序）" });
  const practise = el("button", { type: "button", class: "md-button cd-practise", hidden: "" });
  const wrongBook = el("div", { class: "cd-wrong-book", hidden: "" });
  const saveNote = el("p", { class: "cd-save-note", "aria-live": "polite" });
  const views = new Map(); // question id → its nodes

  function questionView(q, index) {
    const name = `cd-${id}-${q.id}`;
    const optionsBox = el("div", { class: "cd-options" });
    const hint = el("p", { class: "cd-error cd-hint", hidden: "" });
    const confirm = el("button", { type: "button", class: "md-button md-button--primary cd-confirm", text: "确定答案" });
    const feedback = el("div", { class: "cd-feedback", "aria-live": "polite", tabindex: "-1", hidden: "" });
    const kindText = q.type === "multiple" ? "多选" : "单选";
    const item = el("li", { class: "cd-question", "data-question": q.id, "data-state": "open" },
      el("fieldset", {},
        el("legend", {},
          el("span", { class: "cd-q-number", text: `第 ${index + 1} 题` }),
          el("span", { class: "cd-q-type", text: kindText }),
          el("span", { class: "cd-q-prompt", text: q.prompt })),
        optionsBox),
      el("div", { class: "cd-question-actions" }, confirm, hint),
      feedback);
    const view = { q, item, optionsBox, hint, confirm, feedback, inputs: new Map(), labels: new Map() };
    confirm.addEventListener("click", () => onConfirm(view));
    views.set(q.id, view);
    return item;
  }

  function fillOptions(view) {
    const { q, optionsBox } = view;
    view.inputs.clear();
    view.labels.clear();
    const byId = new Map(q.options.map((o) => [o.id, o]));
    const chosen = state.answers[q.id]?.chosen || [];
    const nodes = state.order[q.id].map((oid, position) => {
      const input = el("input", { type: q.type === "multiple" ? "checkbox" : "radio", name: `cd-${id}-${q.id}`, value: oid });
      input.checked = chosen.includes(oid);
      input.addEventListener("change", () => onPick(view));
      const label = el("label", { class: "cd-option", "data-option": oid },
        input,
        el("span", { class: "cd-option-letter", text: LETTERS[position] }),
        el("span", { class: "cd-option-text", text: byId.get(oid).text }));
      view.inputs.set(oid, input);
      view.labels.set(oid, label);
      return label;
    });
    optionsBox.replaceChildren(...nodes);
  }

  // ---- answering ---------------------------------------------------------------------------
  function picked(view) {
    return [...view.inputs].filter(([, input]) => input.checked).map(([oid]) => oid);
  }

  function onPick(view) {
    state.answers[view.q.id] = { chosen: picked(view), confirmed: false };
    view.hint.hidden = true;
    persist();
  }

  function onConfirm(view) {
    const chosen = picked(view);
    if (!chosen.length) {
      view.hint.textContent = view.q.type === "multiple" ? "请至少选择一个选项。" : "请先选择一个选项。";
      view.hint.hidden = false;
      return;
    }
    state.answers[view.q.id] = { chosen, confirmed: true };
    persist();
    lock(view);
    showPending(view);
    view.feedback.focus(); // the confirm button just disappeared: keep the keyboard here, where the verdict appears
    renderSummary();
    score();
  }

  function lock(view) {
    const locked = Boolean(state.answers[view.q.id]?.confirmed);
    view.inputs.forEach((input) => (input.disabled = locked));
    view.confirm.hidden = locked;
    view.item.dataset.state = locked ? "answered" : "open";
  }

  function showPending(view) {
    const waiting = coreStatus().state === "failed"
      ? "计算核心没能启动，暂时无法判分。你的答案已保存，下次打开页面会自动判分。"
      : "已记下你的答案，计算核心就绪后会在这里给出对错和解析……";
    view.feedback.replaceChildren(el("p", { class: "cd-verdict cd-pending", text: waiting }));
    view.feedback.hidden = false;
  }

  // ---- scoring by the core -------------------------------------------------------------------
  let generation = 0;
  async function score() {
    const answers = {};
    for (const q of questions) if (state.answers[q.id]?.confirmed) answers[q.id] = state.answers[q.id].chosen;
    if (!Object.keys(answers).length) return;
    const mine = ++generation;
    let response;
    try {
      response = await callCore({ worksheet: "quiz", action: "score", data: { quiz: definition, answers } });
    } catch (error) {
      if (mine === generation) views.forEach((view) => state.answers[view.q.id]?.confirmed && showPending(view));
      return;
    }
    if (mine !== generation) return; // a newer answer already asked
    // Swapped out by instant navigation while the core judged: what this view holds may be older
    // than the record now (another page's answers, a cleared progress). The next view of the quiz
    // judges its confirmed answers again on mount, so nothing is lost by not writing here.
    if (!root.isConnected) return;
    if (!showCoreErrors(general, response)) return;
    latest = response.result;
    for (const judged of latest.questions) {
      if (judged.answered && state.answers[judged.id]?.confirmed) {
        showVerdict(views.get(judged.id), judged);
        if (noteInWrongBook(judged)) lms.answered(definition, judged);
      }
    }
    if (complete() && !state.practice) record(latest);
    persist();
    renderSummary();
    root.dataset.scored = String(confirmedCount());
  }

  function optionText(view, oid) {
    const position = state.order[view.q.id].indexOf(oid);
    return `${LETTERS[position]}. ${view.q.options.find((o) => o.id === oid).text}`;
  }

  // A question answered wrong goes into the 错题本; answered right in a later round, it leaves it.
  function noteInWrongBook(judged) {
    const key = `${state.attempt}:${judged.id}`;
    if (state.answers[judged.id]?.judged === key) return false; // this answer is already counted
    state.answers[judged.id].judged = key;
    if (judged.correct) delete state.wrong[judged.id];
    else state.wrong[judged.id] = { times: (state.wrong[judged.id]?.times || 0) + 1, last: stamp().slice(0, 10) };
    return true;
  }

  function showVerdict(view, judged) {
    view.item.dataset.state = judged.correct ? "right" : "wrong";
    view.labels.forEach((label, oid) => {
      if (judged.answer.includes(oid)) label.dataset.mark = "right";
      else if (judged.chosen.includes(oid)) label.dataset.mark = "wrong";
      else delete label.dataset.mark;
    });
    const byPosition = (a, b) => state.order[view.q.id].indexOf(a) - state.order[view.q.id].indexOf(b);
    const right = judged.answer.slice().sort(byPosition);
    const explained = new Map((judged.options || []).map((o) => [o.id, o.explanation]));
    // Each option the learner chose, with why it is right or wrong; then the right ones they missed.
    const shown = [...judged.chosen.slice().sort(byPosition), ...right.filter((oid) => !judged.chosen.includes(oid))];
    const reasons = shown.filter((oid) => explained.get(oid)).map((oid) =>
      el("li", { class: judged.answer.includes(oid) ? "cd-reason cd-reason-right" : "cd-reason cd-reason-wrong", "data-option": oid },
        el("strong", { text: `${optionText(view, oid)}${judged.chosen.includes(oid) ? "（你的选择）" : ""}` }),
        el("span", { text: explained.get(oid) })));
    const nodes = [
      el("p", { class: "cd-verdict", text: judged.correct ? "✓ 回答正确" : "✗ 回答错误" }),
      judged.correct ? null : el("p", { class: "cd-right-answer", text: `正确答案：${right.map((oid) => optionText(view, oid)).join("；")}` }),
      reasons.length ? el("ul", { class: "cd-reasons" }, ...reasons) : null,
      el("p", { class: "cd-explanation", text: judged.explanation }),
    ];
    if (judged.section) {
      nodes.push(el("p", { class: "cd-reread" },
        el("a", { href: sectionUrl(judged.section), text: `重读：${sectionTitle(judged.section) || "相关章节"}` })));
    }
    view.feedback.replaceChildren(...nodes.filter(Boolean));
    view.feedback.hidden = false;
  }

  function record(scored) {
    if (state.recorded === state.attempt) return; // this attempt is already on record (e.g. after a reload)
    const entry = { attempt: state.attempt, score: scored.score, total: scored.total, ratio: scored.ratio, passed: scored.passed, date: stamp() };
    state.last = entry;
    if (!state.best || entry.ratio > state.best.ratio) state.best = entry;
    state.history = [...state.history, entry].slice(-HISTORY);
    state.recorded = state.attempt;
    persist();
    lms.quizRecorded(definition, entry);
  }

  // ---- summary, result, retry ----------------------------------------------------------------
  function renderSummary() {
    const answered = confirmedCount();
    const round = inRound();
    const parts = [state.practice ? `错题练习（第 ${state.attempt} 轮）` : `第 ${state.attempt} 轮`, `已答 ${answered}/${round.length} 题`];
    const judgedHere = latest ? latest.questions.filter((q) => q.answered && round.some((r) => r.id === q.id)) : [];
    if (judgedHere.length) parts.push(`答对 ${judgedHere.filter((q) => q.correct).length} 题`);
    const records = [];
    if (state.best) records.push(`最好成绩 ${state.best.score}/${state.best.total}（${percent(state.best)}，${showStamp(state.best.date).slice(0, 10)}）`);
    if (state.last) records.push(`上次 ${state.last.score}/${state.last.total}（${percent(state.last)}，${state.last.passed ? "已通过" : "未通过"}）`);
    summary.replaceChildren(el("p", { class: "cd-quiz-progress", text: parts.join(" · ") }));
    if (records.length) summary.append(el("p", { class: "cd-quiz-records", text: records.join(" · ") }));

    const finished = complete() && latest && round.every((q) => latest.questions.find((j) => j.id === q.id)?.answered);
    result.hidden = !finished;
    if (finished && state.practice) {
      const right = judgedHere.filter((q) => q.correct).length;
      result.replaceChildren(el("p", { class: "cd-quiz-score" },
        el("span", { class: "cd-quiz-score-figure", text: `${right}/${round.length}` }),
        el("span", { text: right === round.length ? "错题全部答对了，已从错题本里移除。" : "答对的题已从错题本里移除，答错的还留着，下次再练。" })));
    } else if (finished) {
      const passLine = Math.round(latest.pass_ratio * 100);
      const perfect = latest.score === latest.total;
      result.replaceChildren(
        el("p", { class: "cd-quiz-score" },
          el("span", { class: "cd-quiz-score-figure", text: `${latest.score}/${latest.total}` }),
          el("span", { text: `本轮得分 ${percent(latest)} · ${latest.passed ? "已通过" : "未通过"}（及格线 ${passLine}%）` })),
        el("p", { text: perfect
          ? "全部答对！可以进入下一部分，或过几天再做一轮，看看是否还记得。"
          : latest.passed
            ? "已通过。答错的题已记入错题本：看看解析，点“重读”回到对应章节，再用“只练错题”巩固。"
            : "这一轮没有通过：先看答错题目的解析，重读对应章节，再重新作答一轮。" }),
      );
    }
    // The verdict also stands at the top once the round is done, where the learner is looking.
    if (finished && !state.practice) summary.append(el("p", { class: `cd-quiz-verdict ${latest.passed ? "cd-passed" : "cd-failed"}`, text: latest.passed ? "本轮已通过" : "本轮未通过" }));
    const wrongIds = questions.filter((q) => state.wrong[q.id]).map((q) => q.id);
    practise.hidden = !wrongIds.length;
    practise.textContent = `只练错题（${wrongIds.length} 题）`;
    wrongBook.hidden = !wrongIds.length;
    wrongBook.replaceChildren(el("p", { class: "cd-wrong-book-title", text: `错题本：${wrongIds.length} 题` }),
      el("ul", {}, ...wrongIds.map((qid) => el("li", { text: `${questions.find((q) => q.id === qid).prompt}（答错 ${state.wrong[qid].times} 次，最近 ${state.wrong[qid].last}）` }))));
    retry.hidden = answered === 0 && !state.practice;
    retry.textContent = state.practice ? "回到完整测验" : "重新作答（打乱选项顺序）";
    root.dataset.complete = String(Boolean(finished));
  }

  function newRound(practice) {
    state.attempt += 1;
    state.answers = {};
    state.practice = practice;
    for (const q of questions) state.order[q.id] = shuffled(state.order[q.id]);
    latest = null;
    generation += 1; // a scoring still on its way belongs to the old attempt
    persist();
    renderQuestions();
    renderSummary();
    list.querySelector("li:not([hidden]) input")?.focus();
  }

  retry.addEventListener("click", () => {
    if (!state.practice && !complete() && !window.confirm("这一轮还没答完，确定放弃已答的题目、重新开始吗？（最好成绩会保留）")) return;
    newRound(null);
  });
  practise.addEventListener("click", () => newRound(questions.filter((q) => state.wrong[q.id]).map((q) => q.id)));

  function renderQuestions() {
    const round = new Set(inRound().map((q) => q.id));
    views.forEach((view) => {
      view.item.hidden = !round.has(view.q.id);
      fillOptions(view);
      lock(view);
      view.hint.hidden = true;
      if (state.answers[view.q.id]?.confirmed) showPending(view);
      else view.feedback.hidden = true;
    });
  }

  function persist() {
    const ok = rec.save(state);
    saveNote.textContent = ok ? "答题记录已自动保存在本机浏览器" : "无法保存到浏览器（存储已满或被禁用），刷新后答题记录会丢失";
    const best = state.best;
    progress.note(definition, {
      page,
      done: Boolean(best),
      text: best
        ? `最好 ${best.score}/${best.total}（${percent(best)}，${best.passed ? "已通过" : "未通过"}）· 最近 ${state.last.score}/${state.last.total} · ${showStamp(state.last.date).slice(0, 10)}`
        : `正在作答，已答 ${confirmedCount()}/${inRound().length} 题`,
    });
  }

  questions.forEach((q, i) => list.append(questionView(q, i)));
  root.replaceChildren(
    el("div", { class: "cd-head" }, el("h3", { class: "cd-title", text: definition.title }),
      definition.description ? el("p", { class: "cd-description", text: definition.description }) : null),
    recordNotice(rec, "答题记录"), status, summary, list, general, result, wrongBook, el("div", { class: "cd-actions" }, retry, practise, saveNote),
  );
  renderQuestions();
  renderSummary();

  // Another tab answered the same quiz: take its state, then let the core judge it again.
  onOtherTab(rec, () => {
    if (!root.isConnected) return false;
    state = normalise(rec.load());
    latest = null;
    renderQuestions();
    renderSummary();
    score();
    return true;
  });

  trackCore(root, status);
  score();
}

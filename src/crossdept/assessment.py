"""Self-assessment: scoring a scenario quiz and the capability self-test.

``quiz/score`` — data ``{"quiz": <definition as in worksheets/*.yml>, "answers": {"<question id>":
["a", "c"]}}``; result ``{quiz: {id, title}, questions: [{id, type, prompt, correct, answered,
chosen, chosen_explanations, answer, explanation, section, options: [{id, explanation}]}], score, total,
ratio, pass_ratio, passed}``. Each option carries its own ``explanation`` (why it is right or wrong;
the build requires one, a request without it reads as ""); ``chosen_explanations`` are those of the
chosen options, in the order of ``chosen``; the question's ``explanation`` is the general takeaway.
An unanswered question counts as wrong; a multiple-choice question is right only with exactly the
right set.

``capability/score`` — data ``{"ratings": {"influence.expertise": 1..5, …}}`` (ids in
``playbook.CAPABILITIES``; unrated elements may be left out); result ``{capabilities: [{id, name,
mean, percentage, rated, elements}], weakest, lowest, complete, missing, plan: [{element, name, capability,
rating, practice, topic, title, section}]}``. ``percentage`` is mean ÷ 5. ``lowest`` lists every scored
capability that shares the lowest mean (``[{id, name}]``, playbook order); ``weakest`` is that one
capability, or ``null`` when two or more tie (a 3/3/3 profile has no weakest capability).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .exports import Table, exporter
from .fields import Reader, is_blank
from .playbook import CAPABILITIES, ELEMENTS, TOPICS
from .request import Request
from .sheet import tidy

QUESTION_TYPES = {"single": "single", "multiple": "multiple", "单选": "single", "多选": "multiple"}
MAX_QUESTIONS = 200
PLAN_ITEMS = 3


def _ids(reader: Reader, key: str, label: str) -> list[str] | None:
    """A list of ids (a single string is a one-item list); None with a problem when malformed."""
    raw = reader.raw(key)
    values = [raw] if isinstance(raw, str) else raw
    if is_blank(raw) or not isinstance(values, Sequence) or not all(isinstance(v, str) and v for v in values):
        reader.add(reader.at(key), f'{label}应是选项编号的列表，例如 ["a", "c"]')
        return None
    return list(values)


def _question(row: Reader, seen: set[str]) -> dict[str, object]:
    qid = row.text("id", "题目编号", required=True, limit=100)
    if qid in seen:
        row.add(row.at("id"), f"题目编号“{qid}”重复了")
    seen.add(qid)
    kind = row.choice("type", "题型", QUESTION_TYPES) or "single"
    options: list[str] = []
    explanations: dict[str, str] = {}
    for _, option in row.rows("options", limit=26):
        oid = option.text("id", "选项编号", required=True, limit=20)
        option.text("text", "选项内容", required=True)
        if oid in options:
            option.add(option.at("id"), f"选项编号“{oid}”重复了")
        options.append(oid)
        explanations[oid] = option.text("explanation", "选项解析")
    if len(options) < 2:
        row.add(row.at("options"), "每道题至少要有两个选项")
    answer = _ids(row, "answer", "正确答案") or []
    if any(a not in options for a in answer):
        row.add(row.at("answer"), "正确答案里有不存在的选项")
    if kind == "single" and len(answer) > 1:
        row.add(row.at("answer"), "单选题只能有一个正确答案")
    return {
        "id": qid,
        "type": kind,
        "prompt": row.text("prompt", "题目"),
        "options": options,
        "option_explanations": explanations,
        "answer": answer,
        "explanation": row.text("explanation", "解析"),
        "section": row.text("section", "相关章节", limit=300),
    }


def read_quiz(reader: Reader) -> tuple[dict[str, object], list[dict[str, object]]]:
    if reader.raw("quiz") is None:
        reader.add("quiz", "请求里缺少题目定义（quiz）")
        return {}, []
    quiz = Reader(reader.raw("quiz"), "quiz", reader.problems)
    head = {"id": quiz.text("id", "测验编号", required=True, limit=100), "title": quiz.text("title", "测验标题", limit=200)}
    ratio = quiz.number("pass_ratio", "及格比例")
    if ratio is not None and not 0 < ratio <= 1:
        quiz.add(quiz.at("pass_ratio"), "及格比例应在 0 到 1 之间，例如 0.8")
    head["pass_ratio"] = ratio if ratio is not None and 0 < ratio <= 1 else 0.8
    seen: set[str] = set()
    questions = [_question(row, seen) for _, row in quiz.rows("questions", limit=MAX_QUESTIONS)]
    if not questions and not any(p.field.startswith("quiz.questions") for p in reader.problems):
        quiz.add(quiz.at("questions"), "测验里还没有题目")
    return head, questions


def score_quiz(request: Request) -> dict[str, object]:
    reader = Reader(request.data)
    head, questions = read_quiz(reader)
    raw_answers = reader.raw("answers")
    if raw_answers is not None and not isinstance(raw_answers, Mapping):
        reader.add("answers", "答案应是“题目编号 → 所选选项”的对应表")
    answers = Reader(raw_answers if isinstance(raw_answers, Mapping) else {}, "answers", reader.problems)
    by_id = {q["id"]: q for q in questions}
    for qid in answers.data:
        if qid not in by_id:
            answers.add(answers.at(str(qid)), f"没有编号为“{qid}”的题目")
    results = []
    for q in questions:
        chosen = [] if is_blank(answers.raw(q["id"])) else (_ids(answers, q["id"], "所选答案") or [])
        if any(c not in q["options"] for c in chosen):
            answers.add(answers.at(q["id"]), "选了不存在的选项")
        elif q["type"] == "single" and len(chosen) > 1:
            answers.add(answers.at(q["id"]), "单选题只能选一个")
        chosen = [o for o in q["options"] if o in chosen]  # option order, whatever order they were clicked in
        results.append(
            {
                "id": q["id"],
                "type": q["type"],
                "prompt": q["prompt"],
                "correct": bool(chosen) and set(chosen) == set(q["answer"]),
                "answered": bool(chosen),
                "chosen": chosen,
                "chosen_explanations": [q["option_explanations"][c] for c in chosen],
                "answer": q["answer"],
                "explanation": q["explanation"],
                "section": q["section"],
                # Per option, in definition order, so the page can explain whatever the learner chose.
                "options": [{"id": o, "explanation": q["option_explanations"][o]} for o in q["options"]],
            }
        )
    reader.check()
    score, total = sum(r["correct"] for r in results), len(results)
    return {
        "quiz": {"id": head["id"], "title": head["title"]},
        "questions": results,
        "score": score,
        "total": total,
        "ratio": tidy(score / total, 3),
        "pass_ratio": head["pass_ratio"],
        "passed": score >= head["pass_ratio"] * total - 1e-9,
    }


def read_ratings(request: Request) -> dict[str, int]:
    reader = Reader(request.data)
    raw = reader.raw("ratings")
    if not isinstance(raw, Mapping):
        reader.add("ratings", "请给各项能力要素打分（1–5 分）")
        reader.check()
    ratings = Reader(raw, "ratings", reader.problems)
    result: dict[str, int] = {}
    for element_id in raw:
        if element_id not in ELEMENTS:
            ratings.add(ratings.at(str(element_id)), f"没有名为“{element_id}”的能力要素")
            continue
        value = ratings.number(element_id, ELEMENTS[element_id][1].name)
        if value is None:
            continue
        if not value.is_integer() or not 1 <= value <= 5:
            ratings.add(ratings.at(element_id), "评分应是 1 到 5 的整数")
            continue
        result[element_id] = int(value)
    if not result and not reader.problems:
        reader.add("ratings", "请至少为一项能力要素打分（1–5 分）")
    reader.check()
    return result


def score_capability(request: Request) -> dict[str, object]:
    ratings = read_ratings(request)
    capabilities = []
    for cap in CAPABILITIES:
        rated = [ratings[e.id] for e in cap.elements if e.id in ratings]
        mean = sum(rated) / len(rated) if rated else None
        capabilities.append(
            {
                "id": cap.id,
                "name": cap.name,
                "mean": tidy(mean),
                "percentage": round(mean / 5 * 100) if mean else None,
                "rated": len(rated),
                "elements": [{"id": e.id, "name": e.name, "rating": ratings.get(e.id)} for e in cap.elements],
            }
        )
    scored = [c for c in capabilities if c["mean"] is not None]
    floor = min(c["mean"] for c in scored)
    lowest = [{"id": c["id"], "name": c["name"]} for c in scored if c["mean"] == floor]
    # Practise the lowest-rated elements (3 or below); if every one is 4+, keep the single lowest in view.
    ranked = sorted((r, i, eid) for i, (eid, r) in enumerate((e.id, ratings[e.id]) for c in CAPABILITIES for e in c.elements if e.id in ratings))
    chosen = [eid for r, _, eid in ranked if r <= 3][:PLAN_ITEMS] or [ranked[0][2]]
    plan = []
    for eid in chosen:
        cap, element = ELEMENTS[eid]
        topic = TOPICS[element.topic]
        plan.append(
            {
                "element": eid,
                "name": element.name,
                "capability": cap.name,
                "rating": ratings[eid],
                "practice": element.practice,
                "topic": topic.id,
                "title": topic.title,
                "section": topic.section,
            }
        )
    missing = [e.id for c in CAPABILITIES for e in c.elements if e.id not in ratings]
    return {
        "capabilities": capabilities,
        "weakest": lowest[0] if len(lowest) == 1 else None,
        "lowest": lowest,
        "complete": not missing,
        "missing": missing,
        "plan": plan,
    }


def quiz_table(request: Request) -> Table:
    result = score_quiz(request)
    rows = tuple(
        (q["prompt"] or q["id"], "、".join(q["chosen"]) or "未作答", "、".join(q["answer"]), "正确" if q["correct"] else "错误", q["explanation"])
        for q in result["questions"]
    )
    verdict = "通过" if result["passed"] else "未通过"
    notes = (f"得分 {result['score']}/{result['total']}，{verdict}（及格线 {round(result['pass_ratio'] * 100)}%）",)
    return Table(result["quiz"]["title"] or "情景测验", ("题目", "你的答案", "正确答案", "结果", "解析"), rows, notes)


def capability_table(request: Request) -> Table:
    result = score_capability(request)
    rows = tuple(
        (c["name"], e["name"], e["rating"] if e["rating"] is not None else "", c["mean"] if c["mean"] is not None else "")
        for c in result["capabilities"]
        for e in c["elements"]
    )
    if result["weakest"]:
        verdict = f"最需要加强：{result['weakest']['name']}"
    elif len(result["lowest"]) == len(result["capabilities"]):
        verdict = "三项能力平均分相同，没有明显的短板：看下面得分最低的要素"
    else:
        verdict = "并列最需要加强：" + "、".join(c["name"] for c in result["lowest"])
    notes = (verdict,) + tuple(f"练习“{p['name']}”（{p['capability']}）：{p['practice']} 重读：{p['title']}" for p in result["plan"])
    return Table("能力自测", ("能力", "要素", "评分", "能力平均分"), rows, notes)


QUIZ_ACTIONS = {"score": score_quiz, "export": exporter(quiz_table, "测验结果")}
CAPABILITY_ACTIONS = {"score": score_capability, "export": exporter(capability_table, "能力自测")}

"""冲突诊断 — Day 48 parts 4–5: what kind of conflict this is, how to handle it, and a five-step plan.

Request data (a flat form, every field optional; numbers may come as strings)::

    {"issue", "description", "my_side", "their_side", "their_person",
     "my_position", "my_interest", "their_position", "their_interest",
     "type": 目标冲突|利益冲突|信息冲突|职责冲突|关系冲突 (or goals|interests|…; blank: the core suggests one),
     "outcome": 1–5, "relationship": 1–5, "urgency": 低|中|高|紧急,
     "authority": 我方|对方|双方共同|都没有, "refusals": 0–99, "tried", "superior"}

Result: ``type`` (the chosen or suggested type, with ``source`` = chosen|suggested), ``suggested_type``,
``suggestion_words``; ``mode`` (the Thomas–Kilmann mode after the context rules), ``base_mode``,
``reason``, ``adjustments``, ``alternatives``; ``interests`` (prompts per side); ``plan`` (five
steps, each with its ``action``); ``opening``; ``escalation`` (``needed``, ``criteria``, ``message``);
``flags``; and strings for the form's outputs: ``type_display``, ``mode_display``, ``reason_display``,
``interests_display``, ``plan_display``, ``escalation_display``. The modes and types are in
``conflict_guide`` (and the ``types`` action); the step-5 escalation criteria are the tracker's.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import conflict_guide as guide
from .archetypes import GENERIC, match_archetype
from .conflict_text import opening, plan
from .examples import CONFLICT_EXAMPLE
from .exports import Section, Table, exporter, printer
from .fields import Reader, is_blank
from .flags import Flag, ordered
from .numbers import parse_amount
from .playbook import ESCALATION_CRITERIA
from .request import Request
from .tracker import BLOCKED, MAX_REFUSALS, Contact, criteria

LABELS = {
    "issue": "冲突的事情",
    "description": "发生了什么",
    "my_side": "我方",
    "their_side": "对方",
    "their_person": "对方关键人",
    "my_position": "我方立场",
    "my_interest": "我方利益",
    "their_position": "对方立场",
    "their_interest": "对方利益",
    "type": "冲突类型",
    "outcome": "结果对我的重要性",
    "relationship": "关系的重要性",
    "urgency": "时间压力",
    "authority": "谁有决定权",
    "refusals": "对方已拒绝次数",
    "tried": "已经做过的沟通",
    "superior": "共同上级",
}
URGENCIES = ("低", "中", "高", "紧急")
URGENCY_CHOICES = {
    **{u: u for u in URGENCIES},
    "不急": "低",
    "一般": "中",
    "较高": "高",
    "很急": "紧急",
    "十万火急": "紧急",
    "LOW": "低",
    "MEDIUM": "中",
    "HIGH": "高",
    "EMERGENCY": "紧急",
}
AUTHORITIES = ("我方", "对方", "双方共同", "都没有")
AUTHORITY_CHOICES = {
    **{a: a for a in AUTHORITIES},
    "我": "我方",
    "我方有权": "我方",
    "我有权决定": "我方",
    "对方有权": "对方",
    "共同": "双方共同",
    "双方": "双方共同",
    "共同决定": "双方共同",
    "没有": "都没有",
    "都没有权": "都没有",
    "需要共同上级": "都没有",
    "共同上级": "都没有",
    "上级": "都没有",
}
# Words that judge people instead of describing what happened (逻辑1: nobody is the enemy).
_BLAME = ("不配合", "官僚", "故意", "刁难", "推诿", "甩锅", "就是不", "不讲理", "摆架子")


@dataclass(frozen=True, slots=True)
class Conflict:
    issue: str
    description: str
    my_side: str
    their_side: str
    their_person: str
    my_position: str
    my_interest: str
    their_position: str
    their_interest: str
    chosen_type: str | None
    outcome: int | None
    relationship: int | None
    urgency: str | None
    authority: str | None
    refusals: int
    tried: str
    superior: str

    @property
    def text(self) -> str:
        return f"{self.issue} {self.description} {self.my_position} {self.my_interest} {self.their_position} {self.their_interest} {self.tried}"


def _whole(reader: Reader, key: str, low: int, high: int, message: str) -> int | None:
    """A whole number in [low, high]; anything else (二, 4.5, 6) gets ``message`` at the field."""
    raw = reader.raw(key)
    if is_blank(raw):
        return None
    try:
        value = parse_amount(raw)
    except ValueError:
        value = None
    if value is None or not value.is_integer() or not low <= value <= high:
        reader.add(reader.at(key), message)
        return None
    return int(value)


def read(data: object) -> Conflict:
    reader = Reader(data)
    texts = {
        k: reader.text(k, LABELS[k], limit=2000)
        for k in (
            "issue",
            "description",
            "my_side",
            "their_side",
            "their_person",
            "my_position",
            "my_interest",
            "their_position",
            "their_interest",
            "tried",
            "superior",
        )
    }
    typed = reader.text("type", LABELS["type"], limit=50)
    chosen = guide.TYPE_CHOICES.get(typed) or guide.TYPE_CHOICES.get(typed.lower())
    if typed and not chosen:  # name the five types, not their ids and aliases
        reader.add("type", "冲突类型只能是 " + "、".join(t.name for t in guide.CONFLICT_TYPES) + "，或留空由系统建议")
    outcome = _whole(reader, "outcome", 1, 5, f"{LABELS['outcome']}请打 1 到 5 分（整数）")
    relationship = _whole(reader, "relationship", 1, 5, f"{LABELS['relationship']}请打 1 到 5 分（整数）")
    urgency = reader.choice("urgency", LABELS["urgency"], URGENCY_CHOICES)
    authority = reader.choice("authority", LABELS["authority"], AUTHORITY_CHOICES)
    refusals = _whole(reader, "refusals", 0, MAX_REFUSALS, f"{LABELS['refusals']}应是 0 到 {MAX_REFUSALS} 之间的整数")
    reader.check()
    return Conflict(chosen_type=chosen, outcome=outcome, relationship=relationship, urgency=urgency, authority=authority, refusals=refusals or 0, **texts)


def recommend(c: Conflict) -> dict[str, object] | None:
    """The TKI mode for the two importances, then the context rules: an emergency, time pressure, who decides."""
    if c.outcome is None or c.relationship is None:
        return None
    base, reason = guide.base_mode(c.outcome, c.relationship)
    mode, notes = base, []
    pressed = c.urgency in ("高", "紧急")
    if c.urgency == "紧急" and c.authority == "我方" and mode.id != "competing":
        mode = guide.MODE_BY_ID["competing"]
        notes.append("情况紧急，而且你有权决定：先拍板处理，事后当面向对方说明原因，把关系补上。")
    elif c.urgency == "紧急" and c.authority != "我方" and mode.id in ("collaborating", "competing"):
        mode = guide.MODE_BY_ID["compromising"]
        notes.append("情况紧急，但你没有决定权：来不及慢慢谈，先找一个双方马上能接受的办法，同时请有权拍板的人尽快决定。")
    elif c.urgency == "高" and mode.id == "collaborating":
        mode = guide.MODE_BY_ID["compromising"]
        notes.append("时间很紧，充分合作来不及：先各让一步解决眼前，再找时间一起想根本的办法。")
    elif mode.id == "competing" and c.authority in ("对方", "都没有"):
        mode = guide.MODE_BY_ID["compromising"] if c.authority == "对方" else mode
        notes.append(
            "决定权在对方手里，硬争只会碰壁：先找双方都能接受的办法。"
            if c.authority == "对方"
            else "双方都没有决定权：坚持立场的正确方式是摆出事实，请共同上级从公司整体角度裁决，而不是和对方硬顶。"
        )
    if mode.id == "avoiding" and pressed:
        mode = guide.MODE_BY_ID["compromising"]
        notes.append("时间压力大，回避只会让问题拖大：花一点时间找一个双方都能接受的办法，尽快了结。")
    alternatives = [{"mode": other, "name": guide.MODE_BY_ID[other].name, "when": when} for other, when in guide.ALTERNATIVES[mode.id]]
    if mode is not base and all(a["mode"] != base.id for a in alternatives):
        alternatives.insert(0, {"mode": base.id, "name": base.name, "when": "时间压力过去、情况正常之后，回到这种方式"})
    return {"mode": mode, "base": base, "reason": reason, "adjustments": notes, "alternatives": alternatives}


def conflict_type(c: Conflict) -> tuple[guide.ConflictType | None, str | None, guide.ConflictType | None, list[str]]:
    """(the type used, chosen|suggested, the suggestion, the words it rests on): a choice overrides the suggestion."""
    suggested, words = guide.suggest_type(c.text)
    if c.chosen_type:
        return guide.TYPE_BY_ID[c.chosen_type], "chosen", suggested, words
    return suggested, "suggested" if suggested else None, suggested, words


def escalation(c: Conflict, kind: guide.ConflictType | None) -> list[str]:
    """Step 5's criteria this conflict meets, judged as the tracker judges a department (plus a
    structural conflict nobody present can decide, which is a cross-department authority conflict)."""
    contact = Contact(
        0,
        c.their_side or "对方",
        None,
        BLOCKED if c.refusals else None,
        c.their_person,
        c.tried,
        "",
        None,
        f"{c.description} {c.their_position} {c.my_position}",
        None,
        c.refusals,
    )
    met = criteria(contact)
    if kind and kind.id == "structure" and c.authority == "都没有" and c.refusals and "authority" not in met:
        met.append("authority")
    return [cr.id for cr in ESCALATION_CRITERIA if cr.id in met]


def interests(c: Conflict) -> dict[str, object]:
    """Fisher and Ury's question behind each position: why do they (and I) want that?"""
    them = c.their_side or "对方"
    archetype = match_archetype(c.their_side) or GENERIC
    theirs = [
        f"{them}坚持“{c.their_position.rstrip('。')}”，是为了得到什么、避免什么？" if c.their_position else f"{them}具体想要什么？先把对方的立场写下来。",
        f"如果照我们说的做，{them}会失去什么：KPI、预算、人手，还是要担的风险？",
        f"{them}要向谁交代？那个人最看重什么？",
        *(f"{them if archetype is not GENERIC else '很多部门'}常有的顾虑：{q}" for q in archetype.concerns[:2]),
    ]
    mine = [
        f"我坚持“{c.my_position.rstrip('。')}”，真正要的是什么？有没有别的做法也能得到它？" if c.my_position else "我具体想要什么？先把我方的立场写下来。",
        "这件事里，我最不能让步的是哪一点？哪些可以商量？",
    ]
    shared = ["双方有没有共同的利益：客户满意、门店运营、公司整体的目标？", "有没有一个方案能同时满足双方最在意的那一点？"]
    return {
        "mine": {"position": c.my_position, "interest": c.my_interest, "prompts": mine},
        "theirs": {"position": c.their_position, "interest": c.their_interest, "prompts": theirs},
        "shared": shared,
    }


def _flags(
    c: Conflict, kind: guide.ConflictType | None, source: str | None, suggested: guide.ConflictType | None, met: list[str], mode: dict[str, object] | None
) -> list[Flag]:
    flags, them = [], c.their_side or "对方"
    if met:
        reasons = "；".join(cr.title for cr in ESCALATION_CRITERIA if cr.id in met)
        flags.append(
            Flag(
                "escalate",
                None,
                "warning",
                f"和{them}的冲突符合升级的条件（{reasons}）：可以请{c.superior or '共同上级'}从公司整体角度协调——是寻求指导，不是告状。",
                "step-5",
            )
        )
    words = [w for w in _BLAME if w in c.text]
    if words:
        flags.append(
            Flag("blame_words", None, "warning", f"描述里有“{words[0]}”这样评判人的词：换成发生了什么、影响多大，对方才不会一开口就站到对立面。", "logic-1")
        )
    if c.their_position and not c.their_interest:
        flags.append(
            Flag(
                "no_their_interest",
                None,
                "info",
                f"只写了{them}的立场，还没写他们的利益：立场是他们要什么，利益是他们为什么要，解决办法往往藏在利益里。",
                "conflict-interests",
            )
        )
    if c.my_position and not c.my_interest:
        flags.append(Flag("no_my_interest", None, "info", "只写了我方的立场：想清楚自己为什么要它，才知道哪些可以让、哪些不能让。", "conflict-interests"))
    if source == "chosen" and suggested and suggested is not kind:
        flags.append(Flag("other_type", None, "info", f"你选的是{kind.name}；从描述看也带有{suggested.name}的成分：{suggested.first_move}", "conflict-types"))
    if mode is None and (c.outcome is None) != (c.relationship is None):
        flags.append(Flag("importance_missing", None, "info", "两项重要性都打了分（1–5），才能给出处理方式的建议。", "conflict-modes"))
    return flags


def analyze(request: Request) -> dict[str, object]:
    c = read(request.data)
    kind, source, suggested, words = conflict_type(c)
    advice = recommend(c)
    met = escalation(c, kind)
    mode = advice["mode"] if advice else None
    steps = plan(c, kind, mode, met)
    sentence = opening(c, kind, mode)
    type_display = ""
    if kind:
        basis = f"（根据“{'”“'.join(words[:3])}”等词建议，请确认）" if source == "suggested" else ""
        type_display = f"{kind.name}{basis}：{kind.description}\n先做什么：{kind.first_move}"
    reason_display = ""
    if advice:
        lines = [advice["reason"], *advice["adjustments"], "", "什么时候换一种方式："]
        lines += [f"- {a['name']}：{a['when']}" for a in advice["alternatives"]]
        reason_display = "\n".join(lines)
    them = c.their_side or "对方"
    found = interests(c)
    interests_display = "\n".join(
        [
            f"{them}：",
            *(f"- {p}" for p in found["theirs"]["prompts"]),
            "我方：",
            *(f"- {p}" for p in found["mine"]["prompts"]),
            "共同点：",
            *(f"- {p}" for p in found["shared"]),
        ]
    )
    titles = [cr for cr in ESCALATION_CRITERIA if cr.id in met]
    message = (
        f"建议升级：{'；'.join(cr.title for cr in titles)}。请{c.superior or '共同上级'}{'，并'.join(cr.support for cr in titles)}。"
        if met
        else "暂不需要升级：先按五步法和对方谈。对方明确拒绝且说服不了、涉及跨部门权限冲突或需要公司层面调配资源时，再请上级协调。"
    )
    return {
        "type": {**kind.as_dict(), "source": source} if kind else None,
        "suggested_type": suggested.id if suggested else None,
        "suggestion_words": words,
        "type_display": type_display,
        "mode": mode.as_dict() if mode else None,
        "base_mode": advice["base"].id if advice else None,
        "reason": advice["reason"] if advice else "",
        "adjustments": advice["adjustments"] if advice else [],
        "alternatives": advice["alternatives"] if advice else [],
        "mode_display": mode.display if mode else "给两项重要性打分（1–5）后给出建议",
        "reason_display": reason_display,
        "interests": found,
        "interests_display": interests_display,
        "plan": steps,
        "plan_display": "\n".join(f"{s['number']}. {s['title']}：{s['action']}" for s in steps),
        "opening": sentence,
        "escalation": {"needed": bool(met), "criteria": [{"id": cr.id, "title": cr.title, "support": cr.support} for cr in titles], "message": message},
        "escalation_display": message,
        "flags": ordered(_flags(c, kind, source, suggested, met, advice["mode"] if advice else None)),
    }


def table(request: Request) -> Table:
    c, result = read(request.data), analyze(request)
    mode = result["mode"]
    rows = tuple(
        (label, value)
        for label, value in (
            ("冲突的事情", c.issue),
            ("发生了什么", c.description),
            ("双方", f"{c.my_side or '我方'} ↔ {c.their_side or '对方'}"),
            ("我方立场", c.my_position),
            ("我方利益", c.my_interest),
            ("对方立场", c.their_position),
            ("对方利益", c.their_interest),
            ("冲突类型", result["type"]["name"] if result["type"] else ""),
            ("重要性", f"结果 {c.outcome}/5，关系 {c.relationship}/5" if c.outcome and c.relationship else ""),
            ("时间压力", c.urgency or ""),
            ("谁有决定权", c.authority or ""),
            ("建议的处理方式", f"{mode['name']}（{mode['english']}）" if mode else ""),
            ("理由", result["reason"]),
            ("是否升级", "建议升级" if result["escalation"]["needed"] else "暂不需要"),
        )
        if value
    )
    sections = (Section("冲突解决五步计划", result["plan_display"]), Section("开场白", result["opening"]), Section("升级判断", result["escalation_display"]))
    notes = tuple(f["message"] for f in result["flags"])
    return Table("冲突诊断", ("项目", "内容"), rows, notes, sections)


def types(request: Request) -> dict[str, object]:
    """The five types, five modes and five steps, with their sources: no data needed."""
    return guide.as_dict()


def example(request: Request) -> dict[str, object]:
    """The course example (part 8: the IT system requirement) as form data the page can load."""
    return dict(CONFLICT_EXAMPLE)


ACTIONS = {"analyze": analyze, "export": exporter(table, "冲突诊断"), "print": printer(table), "types": types, "example": example}

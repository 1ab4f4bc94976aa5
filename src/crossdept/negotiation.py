"""谈判准备单 — Day 48 parts 6–7: the numbers of a negotiation before it starts.

Fisher and Ury (*Getting to Yes*): interests, options for mutual gain, objective criteria, and the
BATNA (best alternative to a negotiated agreement); Raiffa (*The Art and Science of Negotiation*):
reservation points and the zone of possible agreement (ZOPA) between them; first offers near the
other side's reservation point, justified by a criterion (Thompson, *The Mind and Heart of the
Negotiator*).

Request data (a flat form; amounts may carry the unit, ``8周``, ``20万``)::

    {"issue", "counterpart", "unit", "direction": 越多越好|越少越好 (also 卖方/买方, more/less; blank:
     read from target vs reservation), "target", "reservation", "batna", "batna_value",
     "their_reservation", "their_batna", "their_batna_value",
     "their_interests", "options", "criteria" (one per line), "concessions" (one per line: 让步 → 换取)}

Result: ``unit``, ``direction``, ``direction_source`` (chosen|inferred), ``values`` (the five amounts),
``zopa`` ({known, exists, low, high, gap}), ``anchor`` ({value, display, justification}), ``batnas``
(mine and theirs: {side, text, value, value_display, strength, advice}), ``concessions`` ({line, give,
get}), ``flags``; and strings for the form: ``zopa_display``, ``anchor_display``, ``batna_display``,
``warnings_display``, ``sheet`` (Markdown to print) and ``script`` (the opening).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .conflict_text import clean
from .examples import NEGOTIATION_EXAMPLE
from .exports import Section, Table, exporter, printer
from .fields import Reader
from .flags import ordered
from .negotiation_checks import LESS, MORE, batnas, better, flags, zopa
from .negotiation_text import script, sheet
from .quantities import MAX_UNIT, Unit, UnitReader, unit_of
from .request import Request
from .sheet import tidy

LABELS = {
    "issue": "谈判议题",
    "counterpart": "对方",
    "unit": "单位",
    "direction": "我希望",
    "target": "我的目标",
    "reservation": "我的底线",
    "batna": "我的 BATNA",
    "batna_value": "我的 BATNA 折算值",
    "their_reservation": "对方的底线（估计）",
    "their_batna": "对方的 BATNA（估计）",
    "their_batna_value": "对方的 BATNA 折算值",
    "their_interests": "对方的利益",
    "options": "互利方案",
    "criteria": "客观标准",
    "concessions": "让步计划",
}
AMOUNTS = ("target", "reservation", "batna_value", "their_reservation", "their_batna_value")
DIRECTION_LABELS = {MORE: "越多越好", LESS: "越少越好"}
DIRECTION_CHOICES = {
    "越多越好": MORE,
    "越高越好": MORE,
    "越多": MORE,
    "越高": MORE,
    "多": MORE,
    "高": MORE,
    "卖方": MORE,
    "我想要更多": MORE,
    "MORE": MORE,
    "SELLER": MORE,
    "越少越好": LESS,
    "越低越好": LESS,
    "越少": LESS,
    "越低": LESS,
    "少": LESS,
    "低": LESS,
    "买方": LESS,
    "我想要更少": LESS,
    "LESS": LESS,
    "BUYER": LESS,
}
MAX_LINES = 30
_ARROW = re.compile(r"\s*(?:→|->|=>|⇒|➜|➔|－>|—>|换取[:：]?|换来[:：]?)\s*")
_BULLET = re.compile(r"^(?:[-*•·]|\d+[.、)）]|[（(]\d+[)）])\s*")


@dataclass(frozen=True, slots=True)
class Concession:
    line: int
    give: str
    get: str


@dataclass(frozen=True, slots=True)
class Negotiation:
    issue: str
    counterpart: str
    unit: Unit | None
    direction: str | None
    direction_source: str | None
    target: float | None
    reservation: float | None
    batna: str
    batna_value: float | None
    their_reservation: float | None
    their_batna: str
    their_batna_value: float | None
    their_interests: tuple[str, ...]
    options: tuple[str, ...]
    criteria: tuple[str, ...]
    concessions: tuple[Concession, ...]

    def show(self, value: float | None) -> str:
        if value is None:
            return ""
        return self.unit.show(value) if self.unit else f"{Unit('').show(value)}"


def lines(text: str) -> tuple[str, ...]:
    """A textarea's items, one per line, without bullets or numbering."""
    return tuple(item for item in (_BULLET.sub("", line).strip() for line in text.splitlines()) if item)


def split_concession(line: str) -> tuple[str, str]:
    """``增强功能放二期 → IT本周确认排期`` → (what I give, what I ask in return); no arrow, nothing asked."""
    parts = _ARROW.split(line, maxsplit=1)
    return parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")


def _concessions(reader: Reader, text: str) -> tuple[Concession, ...]:
    items = [Concession(number, *split_concession(line)) for number, line in enumerate(lines(text), 1)]
    if len(items) > MAX_LINES:
        reader.add("concessions", f"让步计划最多写 {MAX_LINES} 条")
    return tuple(items[:MAX_LINES])


def _list(reader: Reader, key: str) -> tuple[str, ...]:
    items = lines(reader.text(key, LABELS[key], limit=3000))
    if len(items) > MAX_LINES:
        reader.add(key, f"{LABELS[key]}最多写 {MAX_LINES} 条")
    return items[:MAX_LINES]


def read(data: object) -> Negotiation:
    reader = Reader(data)
    issue = reader.text("issue", LABELS["issue"], limit=200)
    counterpart = reader.text("counterpart", LABELS["counterpart"], limit=100)
    unit_text = reader.text("unit", LABELS["unit"], limit=50)
    if len(unit_text) > MAX_UNIT:
        reader.add("unit", f"单位请写成一个词，例如 元、人天、周、%（最多 {MAX_UNIT} 个字）")
        unit_text = ""
    direction = reader.choice("direction", LABELS["direction"], DIRECTION_CHOICES)
    amounts = UnitReader(reader, unit_of(unit_text) if unit_text else None)
    values = {key: amounts.amount(key, LABELS[key]) for key in AMOUNTS}
    batna, their_batna = reader.text("batna", LABELS["batna"], limit=2000), reader.text("their_batna", LABELS["their_batna"], limit=2000)
    interests, options, criteria = _list(reader, "their_interests"), _list(reader, "options"), _list(reader, "criteria")
    concessions = _concessions(reader, reader.text("concessions", LABELS["concessions"], limit=3000))
    target, reservation = values["target"], values["reservation"]
    source = "chosen" if direction else None
    if direction is None and target is not None and reservation is not None and target != reservation:
        direction, source = (MORE if target > reservation else LESS), "inferred"
    if source == "chosen" and target is not None and reservation is not None and better(direction, reservation, target):
        side = "高于" if direction == MORE else "低于"
        kind = "最低" if direction == MORE else "最高"
        shown = amounts.unit.show if amounts.unit else Unit("").show
        reader.add(
            "reservation",
            f"你希望{DIRECTION_LABELS[direction]}，底线（{shown(reservation)}）不能{side}目标（{shown(target)}）："
            f"底线是你能接受的{kind}结果，目标是你争取的结果",
        )
    reader.check()
    return Negotiation(
        issue,
        counterpart,
        amounts.unit,
        direction,
        source,
        target,
        reservation,
        batna,
        values["batna_value"],
        values["their_reservation"],
        their_batna,
        values["their_batna_value"],
        interests,
        options,
        criteria,
        concessions,
    )


def deal_range(n: Negotiation) -> dict[str, object]:
    if n.direction is None or n.reservation is None or n.their_reservation is None:
        return {"known": False, "exists": None, "low": None, "high": None, "gap": None}
    found = zopa(n.direction, n.reservation, n.their_reservation)
    if found is None:
        return {"known": True, "exists": False, "low": None, "high": None, "gap": abs(n.reservation - n.their_reservation)}
    return {"known": True, "exists": True, "low": found[0], "high": found[1], "gap": None}


def anchor(n: Negotiation, found: dict[str, object]) -> dict[str, object]:
    """Open near their likely reservation point when a deal range exists, else at my target; always with a criterion."""
    reason = f"理由是“{clean(n.criteria[0])}”" if n.criteria else "还缺一条客观标准：先补上（市场价、公司制度、过去的先例），开价才站得住"
    if n.target is None:
        return {"value": None, "display": "", "justification": "先写下你的目标，才能定开价。"}
    if found["exists"] is False:
        return {
            "value": None,
            "display": "",
            "justification": "双方的底线没有交集：先别报数字。从对方的利益谈起、拿出互利方案把蛋糕做大，或者准备好执行你的 BATNA。",
        }
    if found["exists"]:
        value = n.their_reservation
        why = (
            "你的目标超出了对方可能接受的范围，开价放在对方底线附近，对方才会认真对待"
            if better(n.direction, n.target, value)
            else "开价放在你估计的对方底线附近，比目标更进一步，给自己留出让步的空间"
            if better(n.direction, value, n.target)
            else "你的目标正好是你估计的对方底线，就用目标开价"
        )
        room = f"；让步的空间是从 {n.show(value)} 到你的底线 {n.show(n.reservation)}" if value != n.reservation else ""
        return {"value": value, "display": n.show(value), "justification": f"{why}{room}。{reason}。"}
    return {"value": n.target, "display": n.show(n.target), "justification": f"还不知道对方的底线：用你的目标开价，先别亮出自己的底线。{reason}。"}


def _zopa_display(n: Negotiation, found: dict[str, object]) -> str:
    if not found["known"]:
        return "还不能判断：需要你的底线、你估计的对方底线，以及你希望数值越多还是越少。"
    if not found["exists"]:
        return f"不存在：你的底线是 {n.show(n.reservation)}，估计对方的底线是 {n.show(n.their_reservation)}，还差 {n.show(found['gap'])}。"
    if found["low"] == found["high"]:
        return f"只有一个点：{n.show(found['low'])}，没有回旋余地。"
    return f"存在：{n.show(found['low'])} 到 {n.show(found['high'])} 之间都可能达成协议。"


def analyze(request: Request) -> dict[str, object]:
    n = read(request.data)
    found = deal_range(n)
    opening = anchor(n, found)
    options = batnas(n)
    found_flags = ordered(flags(n, found))
    result: dict[str, object] = {
        "unit": n.unit.name if n.unit else "",
        "direction": n.direction,
        "direction_source": n.direction_source,
        "direction_display": DIRECTION_LABELS.get(n.direction or "", ""),
        "values": {key: tidy(getattr(n, key)) for key in AMOUNTS},
        "zopa": {k: tidy(v) if isinstance(v, float) else v for k, v in found.items()},
        "zopa_display": _zopa_display(n, found),
        "anchor": {**opening, "value": tidy(opening["value"])},
        "anchor_display": f"{opening['display']}。{opening['justification']}" if opening["display"] else opening["justification"],
        "batnas": [{**b, "value": tidy(b["value"])} for b in options],
        "batna_display": "\n".join(
            f"{'我方' if b['side'] == 'mine' else '对方'}：{b['strength'] or '待判断'}"
            f"{'（' + b['value_display'] + '）' if b['value_display'] else ''}。{b['advice']}"
            for b in options
        ),
        "concessions": [{"line": c.line, "give": c.give, "get": c.get} for c in n.concessions],
        "flags": found_flags,
        "warnings_display": "\n".join(f"- {f['message']}" for f in found_flags if f["severity"] == "warning") or "没有需要特别注意的问题。",
    }
    result["sheet"] = sheet(n, result)
    result["script"] = script(n, result)
    return result


def table(request: Request) -> Table:
    n, result = read(request.data), analyze(request)
    rows = tuple(
        (label, value)
        for label, value in (
            ("谈判议题", n.issue),
            ("对方", n.counterpart),
            ("单位", result["unit"]),
            ("我希望", result["direction_display"]),
            ("我的目标", n.show(n.target)),
            ("我的底线", n.show(n.reservation)),
            ("我的 BATNA", "；".join(x for x in (n.batna, n.show(n.batna_value)) if x)),
            ("对方的底线（估计）", n.show(n.their_reservation)),
            ("对方的 BATNA（估计）", "；".join(x for x in (n.their_batna, n.show(n.their_batna_value)) if x)),
            ("ZOPA", result["zopa_display"]),
            ("开价", result["anchor_display"]),
            ("对方的利益", "\n".join(n.their_interests)),
            ("互利方案", "\n".join(n.options)),
            ("客观标准", "\n".join(n.criteria)),
        )
        if value
    )
    plan = "\n".join(f"{c.line}. {c.give} → {c.get or '（还没写换取什么）'}" for c in n.concessions)
    sections = tuple(s for s in (Section("让步计划", plan), Section("开场话术", result["script"])) if s.body)
    return Table("谈判准备单", ("项目", "内容"), rows, tuple(f["message"] for f in result["flags"]), sections)


def example(request: Request) -> dict[str, object]:
    """The course example (part 8: the IT system requirement) as form data the page can load."""
    return dict(NEGOTIATION_EXAMPLE)


ACTIONS = {"analyze": analyze, "export": exporter(table, "谈判准备单"), "print": printer(table), "example": example}

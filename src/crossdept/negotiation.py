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
from .exports import Section, Table, exporter
from .fields import Reader
from .flags import Flag, ordered
from .negotiation_text import script, sheet
from .quantities import MAX_UNIT, Unit, UnitReader, unit_of
from .request import Request

LABELS = {
    "issue": "谈判议题", "counterpart": "对方", "unit": "单位", "direction": "我希望", "target": "我的目标",
    "reservation": "我的底线", "batna": "我的 BATNA", "batna_value": "我的 BATNA 折算值", "their_reservation": "对方的底线（估计）",
    "their_batna": "对方的 BATNA（估计）", "their_batna_value": "对方的 BATNA 折算值", "their_interests": "对方的利益",
    "options": "互利方案", "criteria": "客观标准", "concessions": "让步计划",
}
AMOUNTS = ("target", "reservation", "batna_value", "their_reservation", "their_batna_value")
MORE, LESS = "more", "less"
DIRECTION_LABELS = {MORE: "越多越好", LESS: "越少越好"}
DIRECTION_CHOICES = {
    "越多越好": MORE, "越高越好": MORE, "越多": MORE, "越高": MORE, "多": MORE, "高": MORE, "卖方": MORE, "我想要更多": MORE,
    "MORE": MORE, "SELLER": MORE,
    "越少越好": LESS, "越低越好": LESS, "越少": LESS, "越低": LESS, "少": LESS, "低": LESS, "买方": LESS, "我想要更少": LESS,
    "LESS": LESS, "BUYER": LESS,
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


def better(direction: str, a: float, b: float) -> bool:
    """Whether ``a`` is strictly better than ``b`` for the side that wants ``direction``."""
    return a > b if direction == MORE else a < b


def zopa(direction: str, mine: float, theirs: float) -> tuple[float, float] | None:
    """The range both reservation points accept, or None. Wanting more, I take anything from my
    reservation up and they give anything up to theirs; wanting less, the other way round."""
    low, high = (mine, theirs) if direction == MORE else (theirs, mine)
    return (low, high) if low <= high else None


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
        reader.add("reservation", f"你希望{DIRECTION_LABELS[direction]}，底线（{shown(reservation)}）不能{side}目标（{shown(target)}）："
                                  f"底线是你能接受的{kind}结果，目标是你争取的结果")
    reader.check()
    return Negotiation(issue, counterpart, amounts.unit, direction, source, target, reservation, batna, values["batna_value"],
                       values["their_reservation"], their_batna, values["their_batna_value"], interests, options, criteria,
                       concessions)


_MY_ADVICE = {
    "强": "你的退路很好：开价可以坚定，谈不拢也不怕。",
    "中等": "退路一般：谈判桌上可以坚持，但别轻易离开；同时想办法让退路更好。",
    "弱": "退路比你的底线还差，你比对方更需要这次协议：谈之前先改善 BATNA（找替代资源、外包、分期），别让对方看出来。",
    "未量化": "把 BATNA 折算成议题的单位，才能判断底线定得对不对。",
    "未填写": "先想好谈不成怎么办：没有 BATNA，就只能接受对方的条件。",
}
_THEIR_ADVICE = {
    "强": "对方不谈也过得去：要让对方点头，得拿出交换价值（降低门槛、给他们好处），或让他们看到谈不成的代价。",
    "中等": "对方也需要这次协议，但会把结果往你的底线推：准备好客观标准。",
    "弱": "对方的退路比你的目标还差，你的目标是现实的：开价可以坚定，但别把对方逼到墙角。",
    "未量化": "把对方的 BATNA 也折算成议题的单位，才看得出对方有多大余地。",
    "未填写": "想一想：如果谈不成，对方会怎么办？这决定了他们有多大余地。",
}


def my_strength(n: Negotiation) -> str | None:
    """My BATNA against my own range: at least my target is 强, worse than my reservation 弱."""
    v = n.batna_value
    if v is None:
        return "未量化" if n.batna else "未填写"
    if n.direction is None or (n.target is None and n.reservation is None):
        return None
    if n.target is not None and not better(n.direction, n.target, v):
        return "强"
    if n.reservation is not None and better(n.direction, n.reservation, v):
        return "弱"
    return "中等"


def their_strength(n: Negotiation) -> str | None:
    """Their BATNA against my range: better for them than my reservation is 强, worse for them than my target 弱."""
    v = n.their_batna_value
    if v is None:
        return "未量化" if n.their_batna else "未填写"
    if n.direction is None or (n.target is None and n.reservation is None):
        return None
    if n.reservation is not None and better(n.direction, n.reservation, v):
        return "强"
    if n.target is not None and better(n.direction, v, n.target):
        return "弱"
    return "中等"


def batnas(n: Negotiation) -> list[dict[str, object]]:
    found = []
    for side, text, value, strength, advice in (("mine", n.batna, n.batna_value, my_strength(n), _MY_ADVICE),
                                                ("theirs", n.their_batna, n.their_batna_value, their_strength(n), _THEIR_ADVICE)):
        found.append({"side": side, "text": text, "value": value, "value_display": n.show(value), "strength": strength,
                      "advice": advice.get(strength, "先选你希望数值越多还是越少，再判断强弱。")})
    return found


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
        return {"value": None, "display": "", "justification": "双方的底线没有交集：先别报数字。从对方的利益谈起、拿出互利方案把蛋糕做大，"
                                                                 "或者准备好执行你的 BATNA。"}
    if found["exists"]:
        value = n.their_reservation
        why = ("你的目标超出了对方可能接受的范围，开价放在对方底线附近，对方才会认真对待" if better(n.direction, n.target, value) else
               "开价放在你估计的对方底线附近，比目标更进一步，给自己留出让步的空间" if better(n.direction, value, n.target) else
               "你的目标正好是你估计的对方底线，就用目标开价")
        room = f"；让步的空间是从 {n.show(value)} 到你的底线 {n.show(n.reservation)}" if value != n.reservation else ""
        return {"value": value, "display": n.show(value), "justification": f"{why}{room}。{reason}。"}
    return {"value": n.target, "display": n.show(n.target),
            "justification": f"还不知道对方的底线：用你的目标开价，先别亮出自己的底线。{reason}。"}


def _flags(n: Negotiation, found: dict[str, object]) -> list[Flag]:
    flags, d, show = [], n.direction, n.show
    started = n.target is not None or n.reservation is not None
    if d and n.target is not None and n.their_reservation is not None and better(d, n.target, n.their_reservation):
        flags.append(Flag("target_beyond_their_reservation", None, "warning", f"目标（{show(n.target)}）超出了你估计的对方底线"
                          f"（{show(n.their_reservation)}）：对方很可能不会接受。要么拿出客观标准证明它合理，要么把目标调到对方底线附近。",
                          "negotiation-anchor"))
    if d and n.reservation is not None and n.batna_value is not None:
        if better(d, n.batna_value, n.reservation):
            flags.append(Flag("reservation_worse_than_batna", None, "warning", f"底线（{show(n.reservation)}）比你的 BATNA"
                              f"（{show(n.batna_value)}）还差：谈出来的结果可能不如不谈。把底线至少定在 {show(n.batna_value)}。", "negotiation-batna"))
        elif better(d, n.reservation, n.batna_value):
            flags.append(Flag("reservation_beyond_batna", None, "info", f"底线（{show(n.reservation)}）比你的 BATNA（{show(n.batna_value)}）"
                              "更严：对方给出介于两者之间的方案时你会拒绝，可拒绝之后只能拿到 BATNA。确认这样定底线有你的理由。", "negotiation-batna"))
    if found["exists"] is False:
        flags.append(Flag("no_zopa", None, "warning", f"按你的估计，双方的底线没有交集（相差 {show(found['gap'])}）：要么改善 BATNA，"
                          "要么拿出新的互利方案改变对方的底线，否则准备好不达成协议。", "negotiation-zopa"))
    for c in n.concessions:
        if not c.get:
            flags.append(Flag("concession_without_return", None, "warning", f"让步计划第 {c.line} 条“{c.give}”没有写换取什么："
                              "每一次让步都要换回点什么（写成“让步 → 换取”），否则对方会等着你继续让。", "negotiation-concessions"))
    if started and not n.criteria:
        flags.append(Flag("no_criteria", None, "warning", "还没有客观标准：用市场价、公司制度、过去的先例或数据来支撑开价，"
                          "谈判就从比谁嗓门大变成了讲道理。", "negotiation-criteria"))
    if started and not n.batna and n.batna_value is None:
        flags.append(Flag("no_batna", None, "warning", "还没写 BATNA：谈不成你会怎么办？没有退路，就只能接受对方的条件。", "negotiation-batna"))
    if started and not n.direction:
        flags.append(Flag("no_direction", None, "info", "选一下你希望数值越多越好还是越少越好，才能判断区间和开价。", "negotiation-zopa"))
    if started and not n.their_interests:
        flags.append(Flag("no_their_interests", None, "info", "还没写对方的利益：对方为什么会坚持他们的数字？解决办法往往藏在利益里。",
                          "conflict-interests"))
    if started and not n.options:
        flags.append(Flag("no_options", None, "info", "还没有互利方案：多准备几个让对方也得到好处的方案，谈判才不只是在一个数字上拉锯。",
                          "step-3"))
    return flags


def _zopa_display(n: Negotiation, found: dict[str, object]) -> str:
    if not found["known"]:
        return "还不能判断：需要你的底线、你估计的对方底线，以及你希望数值越多还是越少。"
    if not found["exists"]:
        return (f"不存在：你的底线是 {n.show(n.reservation)}，估计对方的底线是 {n.show(n.their_reservation)}，"
                f"还差 {n.show(found['gap'])}。")
    if found["low"] == found["high"]:
        return f"只有一个点：{n.show(found['low'])}，没有回旋余地。"
    return f"存在：{n.show(found['low'])} 到 {n.show(found['high'])} 之间都可能达成协议。"


def analyze(request: Request) -> dict[str, object]:
    n = read(request.data)
    found = deal_range(n)
    opening = anchor(n, found)
    options = batnas(n)
    flags = ordered(_flags(n, found))
    result: dict[str, object] = {
        "unit": n.unit.name if n.unit else "",
        "direction": n.direction,
        "direction_source": n.direction_source,
        "direction_display": DIRECTION_LABELS.get(n.direction or "", ""),
        "values": {key: getattr(n, key) for key in AMOUNTS},
        "zopa": found,
        "zopa_display": _zopa_display(n, found),
        "anchor": opening,
        "anchor_display": f"{opening['display']}。{opening['justification']}" if opening["display"] else opening["justification"],
        "batnas": options,
        "batna_display": "\n".join(
            f"{'我方' if b['side'] == 'mine' else '对方'}：{b['strength'] or '待判断'}"
            f"{'（' + b['value_display'] + '）' if b['value_display'] else ''}。{b['advice']}" for b in options),
        "concessions": [{"line": c.line, "give": c.give, "get": c.get} for c in n.concessions],
        "flags": flags,
        "warnings_display": "\n".join(f"- {f['message']}" for f in flags if f["severity"] == "warning") or "没有需要特别注意的问题。",
    }
    result["sheet"] = sheet(n, result)
    result["script"] = script(n, result)
    return result


def table(request: Request) -> Table:
    n, result = read(request.data), analyze(request)
    rows = tuple((label, value) for label, value in (
        ("谈判议题", n.issue), ("对方", n.counterpart), ("单位", result["unit"]), ("我希望", result["direction_display"]),
        ("我的目标", n.show(n.target)), ("我的底线", n.show(n.reservation)),
        ("我的 BATNA", "；".join(x for x in (n.batna, n.show(n.batna_value)) if x)),
        ("对方的底线（估计）", n.show(n.their_reservation)),
        ("对方的 BATNA（估计）", "；".join(x for x in (n.their_batna, n.show(n.their_batna_value)) if x)),
        ("ZOPA", result["zopa_display"]), ("开价", result["anchor_display"]),
        ("对方的利益", "\n".join(n.their_interests)), ("互利方案", "\n".join(n.options)), ("客观标准", "\n".join(n.criteria)),
    ) if value)
    plan = "\n".join(f"{c.line}. {c.give} → {c.get or '（还没写换取什么）'}" for c in n.concessions)
    sections = tuple(s for s in (Section("让步计划", plan), Section("开场话术", result["script"])) if s.body)
    return Table("谈判准备单", ("项目", "内容"), rows, tuple(f["message"] for f in result["flags"]), sections)


def example(request: Request) -> dict[str, object]:
    """The course example (part 8: the IT system requirement) as form data the page can load."""
    return dict(NEGOTIATION_EXAMPLE)


ACTIONS = {"analyze": analyze, "export": exporter(table, "谈判准备单"), "example": example}

"""The negotiation planner's judgements: which side of a number is better, the ZOPA, how strong each
BATNA is, and the warnings about a preparation (see ``negotiation`` for the sources)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .flags import Flag

if TYPE_CHECKING:  # negotiation imports this module; the type is only needed for annotations
    from .negotiation import Negotiation

MORE, LESS = "more", "less"


def better(direction: str, a: float, b: float) -> bool:
    """Whether ``a`` is strictly better than ``b`` for the side that wants ``direction``."""
    return a > b if direction == MORE else a < b


def zopa(direction: str, mine: float, theirs: float) -> tuple[float, float] | None:
    """The range both reservation points accept, or None. Wanting more, I take anything from my
    reservation up and they give anything up to theirs; wanting less, the other way round."""
    low, high = (mine, theirs) if direction == MORE else (theirs, mine)
    return (low, high) if low <= high else None


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
    for side, text, value, strength, advice in (
        ("mine", n.batna, n.batna_value, my_strength(n), _MY_ADVICE),
        ("theirs", n.their_batna, n.their_batna_value, their_strength(n), _THEIR_ADVICE),
    ):
        found.append(
            {
                "side": side,
                "text": text,
                "value": value,
                "value_display": n.show(value),
                "strength": strength,
                "advice": advice.get(strength, "先选你希望数值越多还是越少，再判断强弱。"),
            }
        )
    return found


def flags(n: Negotiation, found: dict[str, object]) -> list[Flag]:
    flags, d, show = [], n.direction, n.show
    started = n.target is not None or n.reservation is not None
    if d and n.target is not None and n.their_reservation is not None and better(d, n.target, n.their_reservation):
        flags.append(
            Flag(
                "target_beyond_their_reservation",
                None,
                "warning",
                f"目标（{show(n.target)}）超出了你估计的对方底线"
                f"（{show(n.their_reservation)}）：对方很可能不会接受。要么拿出客观标准证明它合理，要么把目标调到对方底线附近。",
                "negotiation-anchor",
            )
        )
    if d and n.reservation is not None and n.batna_value is not None:
        if better(d, n.batna_value, n.reservation):
            flags.append(
                Flag(
                    "reservation_worse_than_batna",
                    None,
                    "warning",
                    f"底线（{show(n.reservation)}）比你的 BATNA（{show(n.batna_value)}）还差：谈出来的结果可能不如不谈。把底线至少定在 {show(n.batna_value)}。",
                    "negotiation-batna",
                )
            )
        elif better(d, n.reservation, n.batna_value):
            flags.append(
                Flag(
                    "reservation_beyond_batna",
                    None,
                    "info",
                    f"底线（{show(n.reservation)}）比你的 BATNA（{show(n.batna_value)}）"
                    "更严：对方给出介于两者之间的方案时你会拒绝，可拒绝之后只能拿到 BATNA。确认这样定底线有你的理由。",
                    "negotiation-batna",
                )
            )
    if found["exists"] is False:
        flags.append(
            Flag(
                "no_zopa",
                None,
                "warning",
                f"按你的估计，双方的底线没有交集（相差 {show(found['gap'])}）：要么改善 BATNA，要么拿出新的互利方案改变对方的底线，否则准备好不达成协议。",
                "negotiation-zopa",
            )
        )
    for c in n.concessions:
        if not c.get:
            flags.append(
                Flag(
                    "concession_without_return",
                    None,
                    "warning",
                    f"让步计划第 {c.line} 条“{c.give}”没有写换取什么：每一次让步都要换回点什么（写成“让步 → 换取”），否则对方会等着你继续让。",
                    "negotiation-concessions",
                )
            )
    if started and not n.criteria:
        flags.append(
            Flag(
                "no_criteria",
                None,
                "warning",
                "还没有客观标准：用市场价、公司制度、过去的先例或数据来支撑开价，谈判就从比谁嗓门大变成了讲道理。",
                "negotiation-criteria",
            )
        )
    if started and not n.batna and n.batna_value is None:
        flags.append(Flag("no_batna", None, "warning", "还没写 BATNA：谈不成你会怎么办？没有退路，就只能接受对方的条件。", "negotiation-batna"))
    if started and not n.direction:
        flags.append(Flag("no_direction", None, "info", "选一下你希望数值越多越好还是越少越好，才能判断区间和开价。", "negotiation-zopa"))
    if started and not n.their_interests:
        flags.append(Flag("no_their_interests", None, "info", "还没写对方的利益：对方为什么会坚持他们的数字？解决办法往往藏在利益里。", "conflict-interests"))
    if started and not n.options:
        flags.append(Flag("no_options", None, "info", "还没有互利方案：多准备几个让对方也得到好处的方案，谈判才不只是在一个数字上拉锯。", "step-3"))
    return flags

"""The negotiation planner's generated text: the preparation sheet to print and the opening script."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .conflict_text import clean
from .exports import md_cell, md_inline

if TYPE_CHECKING:  # negotiation imports this module; the type is only needed for annotations
    from .negotiation import Negotiation

_PERSON = re.compile(r"[（(]([^（）()]+)[)）]\s*$")
_NONE = "—"


def addressee(counterpart: str) -> str:
    """Whom the script greets: the person in ``IT部门（李总监）``, else what was typed."""
    match = _PERSON.search(counterpart)
    return clean(match.group(1) if match else counterpart)


def _bullets(items: tuple[str, ...] | list[str], missing: str) -> list[str]:
    return [f"- {md_inline(item)}" for item in items] if items else [missing]


def sheet(n: Negotiation, result: dict[str, object]) -> str:
    """The preparation sheet as Markdown: one page to take into the room."""
    mine, theirs = result["batnas"]

    def value(amount: float | None) -> str:
        return md_cell(n.show(amount)) or _NONE

    def batna(found: dict[str, object]) -> str:
        return md_cell("；".join(x for x in (found["text"], found["value_display"]) if x)) or _NONE

    heading = f"# 谈判准备单：{md_inline(n.issue)}" if n.issue else "# 谈判准备单"
    facts = "　".join(
        x
        for x in (
            f"对方：{md_inline(n.counterpart)}" if n.counterpart else "",
            f"单位：{md_inline(result['unit'])}" if result["unit"] else "",
            f"我希望：{result['direction_display']}" if result["direction_display"] else "",
        )
        if x
    )
    lines = [heading, ""] + ([facts, ""] if facts else [])
    lines += [
        "## 我方",
        "",
        "| 目标 | 底线 | BATNA | BATNA 强弱 |",
        "|---|---|---|---|",
        f"| {value(n.target)} | {value(n.reservation)} | {batna(mine)} | {mine['strength'] or _NONE} |",
        "",
    ]
    lines += [
        "## 对方（我的估计）",
        "",
        "| 底线 | BATNA | BATNA 强弱 |",
        "|---|---|---|",
        f"| {value(n.their_reservation)} | {batna(theirs)} | {theirs['strength'] or _NONE} |",
        "",
        "对方的利益：",
        "",
    ]
    lines += _bullets(n.their_interests, "（还没写）")
    lines += [
        "",
        "## 可达成协议的区间（ZOPA）",
        "",
        md_inline(result["zopa_display"]),
        "",
        "## 开价",
        "",
        md_inline(result["anchor_display"]),
        "",
        "## 互利方案",
        "",
    ]
    lines += _bullets(n.options, "（还没写）")
    lines += ["", "## 客观标准", ""] + _bullets(n.criteria, "（还没写）") + ["", "## 让步计划", ""]
    if n.concessions:
        lines += ["| # | 我给出 | 换取 |", "|---|---|---|"]
        lines += [f"| {c.line} | {md_cell(c.give)} | {md_cell(c.get) or '（还没写）'} |" for c in n.concessions]
    else:
        lines.append("（还没写）")
    warnings = [f["message"] for f in result["flags"] if f["severity"] == "warning"]
    if warnings:
        lines += ["", "## 提醒", ""] + [f"- {md_inline(w)}" for w in warnings]
    return "\n".join(lines) + "\n"


def script(n: Negotiation, result: dict[str, object]) -> str:
    """The opening: their interests first, the facts, a justified number, what we bring — no pressure, no blame."""
    who = addressee(n.counterpart)
    issue = clean(n.issue) or "这件事"
    lines = [f"{who}，您好。今天想和您商量一下{issue}。" if who else f"今天想和您商量一下{issue}。"]
    if n.their_interests:
        also = f"，也很在意{clean(n.their_interests[1])}" if len(n.their_interests) > 1 else ""
        lines.append(f"我知道你们最看重的是{clean(n.their_interests[0])}{also}。今天的方案会把这些都考虑进去。")
    if n.criteria:
        lines.append("先说一下我们看到的情况：")
        lines += [f"- {clean(c)}" for c in n.criteria[:3]]
    anchor = result["anchor"]
    if anchor["display"]:
        lead = "基于这些，我们的建议是" if n.criteria else "我们的建议是"
        lines.append(f"{lead}：{issue}定为{anchor['display']}。" if n.issue else f"{lead}{anchor['display']}。")
    elif result["zopa"]["exists"] is False:
        lines.append("数字先不急着定，我们想先一起看看，怎么能让两边都得到最想要的。")
    if n.options:
        lines.append("为了让这件事对你们也更容易，我们准备了几个办法：")
        lines += [f"- {clean(o)}" for o in n.options[:3]]
    lines.append("您看这样是否可行？如果有困难，我们一起看看怎么调整。")
    return "\n".join(lines)

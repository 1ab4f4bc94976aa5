"""The conflict worksheet's generated text: the five-step plan filled from the learner's inputs, and
the sentence that opens the conversation — concrete, about the matter, never about the person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .conflict_guide import RESOLUTION_STEPS, ConflictType, Mode
from .playbook import ESCALATION_CRITERIA

if TYPE_CHECKING:  # conflict imports this module; the type is only needed for annotations
    from .conflict import Conflict

_TRAILING = "。．.！!？?；;，,、： \n"
_WHEN = {"紧急": "今天", "高": "这两天", None: "这周"}


def clean(text: str) -> str:
    """User text ready to sit inside a sentence: no closing punctuation of its own."""
    return text.strip().rstrip(_TRAILING).strip()


def _when(urgency: str | None) -> str:
    return _WHEN.get(urgency, _WHEN[None])


def _greeting(c: Conflict) -> str:
    if c.their_person:
        return f"{clean(c.their_person)}，您好。"
    if c.their_side:
        return f"{clean(c.their_side)}的同事，您好。"
    return ""


def _invitation(c: Conflict, mode: Mode | None) -> str:
    mine = clean(c.my_position)
    if mode is None:
        return "想听听您的想法，看有没有两边都能接受的办法。"
    if mode.id == "competing" and c.authority == "我方":
        return f"因为情况紧急，这次我们先按{('“' + mine + '”') if mine else '现在的方案'}处理，事后我当面向您说明原因，也听听您的意见。"
    if mode.id == "competing":
        return f"我想把两边的情况一起报给{clean(c.superior) or '共同上级'}，请他从整体上帮我们定个先后，您看可以吗？"
    return {
        "collaborating": "想和您一起看看，有没有两边都能兼顾的办法，需求和数据我这边先整理好。",
        "compromising": "想和您商量一个两边都能接受的办法，我们这边也愿意让一步。",
        "accommodating": "这次我们先按你们的安排来，也想听听以后怎么配合会更顺。",
        "avoiding": "这件事不急，等您手头的事忙完，我们再找时间细聊。",
    }[mode.id]


def opening(c: Conflict, kind: ConflictType | None, mode: Mode | None) -> str:
    """The first thing to say: a greeting, the matter, their side acknowledged, ours as a fact, an invitation."""
    issue = clean(c.issue) or "我们两边最近卡住的那件事"
    parts = [_greeting(c), f"想{_when(c.urgency)}约您半小时，一起聊聊{issue}。"]
    if kind and kind.id == "relationship":
        parts.append("上次合作有些地方我们做得不够好，这次想先听听您的想法。")
    if c.their_interest:
        ack = f"我知道你们最看重的是{clean(c.their_interest)}"
    elif c.their_position:
        ack = f"我知道你们的安排是{clean(c.their_position)}，也有你们的道理"
    else:
        ack = f"我知道{clean(c.their_side) or '你们'}也有自己的难处"
    parts.append(f"{ack}；我这边最着急的是{clean(c.my_interest)}。" if c.my_interest else f"{ack}。")
    parts.append(_invitation(c, mode))
    return "".join(parts)


def _or(text: str, missing: str) -> str:
    return clean(text) or missing


def plan(c: Conflict, kind: ConflictType | None, mode: Mode | None, escalate: list[str]) -> list[dict[str, object]]:
    """Part 5's five steps, each with what to do in this conflict."""
    them = clean(c.their_side) or "对方"
    who = clean(c.their_person) or them
    issue = clean(c.issue) or "这件事"
    meet = f"{_when(c.urgency)}约{who}面谈，先说明来意是一起解决{issue}，不追究谁对谁错。"
    if mode and mode.id == "competing" and c.urgency == "紧急" and c.authority == "我方":
        meet = f"情况紧急：先按你的决定处理，当天就找{who}说明原因，再约时间复盘{issue}。"
    if kind and kind.id == "relationship":
        meet += "先正面承认上次合作里我们没做好的地方。"
    facts = f"用事实讲清楚：{clean(c.description)}。" if c.description else "先把发生了什么写下来：时间、影响有多大、有哪些数据。"
    facts += f"我方想要：{_or(c.my_position, '（先写下来）')}；{them}想要：{_or(c.their_position, '（先问清楚）')}。"
    if kind and kind.id == "information":
        facts += kind.first_move
    wants = [
        f"我方真正在意的是{clean(c.my_interest)}" if c.my_interest else "想清楚我方为什么要它、哪些可以让",
        f"{them}真正在意的是{clean(c.their_interest)}" if c.their_interest else f"问清{them}为什么坚持、背后担心什么",
    ]
    find = "；".join(wants) + "。再找出双方共同的利益：客户、门店、公司整体的目标。"
    design = f"按“{mode.name}”的方式推进：{mode.stance}" if mode else "先给两项重要性打分，确定处理方式。"
    if kind and kind.id != "information":
        design += f"针对{kind.name}：{kind.first_move}"
    design += "准备两三个方案，用数据、制度或先例这样的客观标准来挑。"
    agree = "把共识写下来：谁、在什么时间、做什么，两周后跟进一次。"
    if escalate:
        reasons = "；".join(cr.title for cr in ESCALATION_CRITERIA if cr.id in escalate)
        agree += f"已经符合升级的条件（{reasons}）：请{clean(c.superior) or '共同上级'}从公司整体角度协调，是寻求指导，不是告状。"
    else:
        agree += "谈不拢时，如果对方明确拒绝且说服不了、涉及跨部门权限冲突或需要公司层面调配资源，再请上级协调。"
    actions = (meet, facts, find, design, agree)
    return [{**step.as_dict(), "action": action} for step, action in zip(RESOLUTION_STEPS, actions, strict=True)]

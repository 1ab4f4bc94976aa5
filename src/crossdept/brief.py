"""Step 5's escalation brief: a request for guidance to the sponsor, never a complaint.

It says what the project is worth, where every department stands, and for each department that
needs the sponsor: what is still open (by obstacle), the P0 resource at stake with its deadline,
working days left and workload, what was tried (the persistence ladder, by refusals), the latest
progress and the user's own risk text — unless that reads as a complaint about a person, which the
tracker then flags for rewording instead of quoting it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .project import Project
from .reasoning import CRITERIA, Pressure, reads_as_complaint

if TYPE_CHECKING:  # tracker imports this module; the type is only for reading
    from .tracker import Contact

AGREED_OR_DONE = ("已同意", "已交付")
# What is still open with a department, by obstacle, as a whole clause: never the user's words
# about the other side, so this part can never read as a complaint.
OPEN_ISSUE = {
    "太忙": "排期和优先级还没有谈拢",
    "不在KPI": "这项工作如何计入对方的考核还没有谈拢",
    "需要领导批准": "还需要对方领导拍板",
    "部门规定": "部门规定在这件事上怎么适用还需要确认",
    "上次合作不愉快": "过去合作留下的顾虑还需要时间化解",
}
OPEN_DEFAULT = "优先级安排还没有谈拢"
_MARKS = "。．.，,；;：:、！!？? 　"


def tried(refusals: int, status: str | None) -> str:
    """What was done before asking for help, along the persistence ladder."""
    if refusals >= 3:
        return f"对方婉拒过 {refusals} 次，了解真实顾虑、针对顾虑调整方案、请第三方协调，我们都已经试过。"
    if refusals == 2:
        return "对方婉拒过 2 次：我们先了解了对方的真实顾虑，又针对顾虑调整了方案，仍然没有谈拢。"
    if refusals == 1:
        return "对方婉拒过 1 次，我们已经去了解对方真实的顾虑。"
    if status == "未开始":
        return "我们还没有正式和对方谈，想先听听您的意见再去。"
    return "对方还没有明确拒绝，但一直没能谈定。"


def department_lines(c: Contact, met: list[str], pressed: list[Pressure], today: dt.date | None) -> list[str]:
    who = f"{c.department}（{c.owner}）" if c.owner else c.department
    lines = [f"- {who}：双方都希望把项目推进下去，目前{OPEN_ISSUE.get(c.obstacle or '', OPEN_DEFAULT)}。"]
    at_stake = [p for p in pressed if p.tight] if "deadline" in met else pressed[:1]
    lines += [f"  - {p.sentence(today)}" for p in at_stake[:3]]
    lines.append(f"  - 已经做过的努力：{tried(c.refusals, c.status)}")
    progress = c.progress.strip().rstrip(_MARKS)
    if progress:
        lines.append(f"  - 最新进展：{progress}。")
    risk = c.risk.strip().rstrip(_MARKS)
    if risk and not reads_as_complaint(risk):
        lines.append(f"  - 我们看到的风险：{risk}。")
    return lines


def brief(
    project: Project, contacts: list[Contact], escalated: dict[int, list[str]], pressed: dict[int, list[Pressure]], today: dt.date | None
) -> dict[str, object]:
    """``{needed, rows, text}``: the brief, when at least one department meets a step-5 criterion."""
    rows = [c for c in contacts if escalated.get(c.index)]
    if not rows:
        return {"needed": False, "rows": [], "text": ""}
    name = f"“{project.name}”项目" if project.name else "我们这个项目"
    agreed = [c.department for c in contacts if c.status in AGREED_OR_DONE]
    talking = [c.department for c in contacts if c.status in ("沟通中", "受阻", None) and not escalated.get(c.index)]
    planned = [c.department for c in contacts if c.status == "未开始" and not escalated.get(c.index)]
    lines = [f"{project.sponsor or '领导'}您好，想向您汇报一下{name}的协调进展，请您帮忙把把方向。", "", "项目价值："]
    value = project.value.strip().rstrip(_MARKS)
    lines.append(f"- {value}。" if value else "- 〔请补充：项目能带来的价值，最好是一个数字，可以先用“价值量化计算器”算一算〕")
    lines += ["", "目前进展："]
    if agreed:
        lines.append(f"- 已经同意配合的部门：{'、'.join(agreed)}（共 {len(agreed)} 个）")
    if talking:
        lines.append(f"- 正在沟通的部门：{'、'.join(talking)}")
    if planned:
        lines.append(f"- 接下来要接触的部门：{'、'.join(planned)}")
    lines += ["", "需要您指导的部门："]
    for c in rows:
        lines += department_lines(c, escalated[c.index], pressed.get(c.index, []), today)
    met = {m for c in rows for m in escalated[c.index]}
    lines += ["", "需要您的支持："]
    lines += [f"- 能否请您{cr.support}？" for cr in CRITERIA if cr.id in met]
    lines += ["- 如果一时协调不了，也请给我们一些替代方案的建议。", "", "我们愿意按公司的整体安排调整节奏。"]
    return {"needed": True, "rows": [c.index for c in rows], "text": "\n".join(lines)}

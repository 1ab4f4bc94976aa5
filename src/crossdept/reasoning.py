"""Reasoning across the three tables of one project.

- A P0 resource whose department has no row in the tracker is a department nobody is following up;
  one with no key person in any table (resource list, matrix, tracker) has nobody to talk to.
  Either is more urgent as its deadline comes close.
- A department that is opposed (对立) or blocked (受阻) and holds a P0 resource near its deadline
  should be escalated: near means the working days left (with the request's calendar) are no more
  than the workload in person-days, or than ``SLACK_DAYS`` — there is no time left to wait for the
  ladder's next rung.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .flags import Flag
from .others import Ask, Peer, format_day
from .playbook import ESCALATION_CRITERIA, Criterion
from .sheet import key, tidy
from .workdays import WorkCalendar

SLACK_DAYS = 10  # two working weeks: less than this before a P0 is due is "near" whatever its size
_COMPLAINT = (
    "不配合",
    "拒绝配合",
    "不支持",
    "推诿",
    "推脱",
    "故意",
    "刁难",
    "拖延",
    "不作为",
    "甩锅",
    "态度差",
    "态度不好",
    "不负责",
    "敷衍",
    "扯皮",
    "不讲理",
    "卡我们",
    "为难我们",
    "不靠谱",
    "太差",
)


# Not one of the course's three criteria, but what makes them urgent: no time left for the ladder.
DEADLINE = Criterion("deadline", "必需资源临近需求时间，对方仍未同意", "帮我们判断这项必需资源能否按时到位，来不及时是否启用备选方案")
CRITERIA = (*ESCALATION_CRITERIA, DEADLINE)


@dataclass(frozen=True, slots=True)
class Pressure:
    """A P0 resource a department holds, and how the time left compares with its workload."""

    ask: Ask
    workdays_left: int
    overdue: bool

    @property
    def tight(self) -> bool:
        return self.overdue or self.workdays_left <= max(SLACK_DAYS, self.ask.person_days or 0)

    def sentence(self, today: dt.date | None) -> str:
        """``必需资源“接口”要在 1月15日前到位，还剩 39 个工作日，工作量约 66 人天。``"""
        ask = self.ask
        when = f"要在 {format_day(ask.needed_by, today)}前到位"
        left = "，需求时间已经过了" if self.overdue else f"，还剩 {self.workdays_left} 个工作日"
        size = f"，工作量约 {tidy(ask.person_days)} 人天" if ask.person_days else ""
        return f"必需资源“{ask.resource}”{when}{left}{size}。"


def pressures(asks: list[Ask], today: dt.date | None, calendar: WorkCalendar) -> list[Pressure]:
    """The dated P0 asks among ``asks``, soonest first (none without a today to count from)."""
    if today is None:
        return []
    found = [Pressure(a, calendar.working_days_between(today, a.needed_by), a.needed_by < today) for a in asks if a.priority == "P0" and a.needed_by]
    return sorted(found, key=lambda p: (p.ask.needed_by, p.ask.index))


def reads_as_complaint(text: str) -> bool:
    """A risk written about a person rather than the project (``李总监不配合``) does not go in a brief."""
    return any(word in text for word in _COMPLAINT)


def owners_by_department(*groups: list[Peer]) -> dict[str, str]:
    """Each department's first named key person in any of the other tables."""
    found: dict[str, str] = {}
    for group in groups:
        for peer in group:
            if peer.owner:
                found.setdefault(key(peer.department), peer.owner)
    return found


def untracked_flags(asks: list[Ask], tracked: list[Peer], owners: dict[str, str], today: dt.date | None, calendar: WorkCalendar) -> list[Flag]:
    """Flags on the resource list's P0 rows whose department the tracker does not follow or nobody can be asked in."""
    followed = {key(p.department) for p in tracked}
    flags = []
    for ask in asks:
        if ask.priority != "P0":
            continue
        soon = ""
        if today and ask.needed_by:
            left = calendar.working_days_between(today, ask.needed_by)
            if ask.needed_by < today or left <= SLACK_DAYS:
                soon = "需求时间已经过了，" if ask.needed_by < today else f"离需求时间只剩 {left} 个工作日，"
        name, dept = ask.resource, ask.department
        if key(dept) not in followed:
            flags.append(
                Flag(
                    "p0_not_tracked",
                    ask.index,
                    "error" if soon else "warning",
                    (f"必需资源“{name}”的持有部门{dept}还不在协调进度追踪表里：{soon}在追踪表里加上{dept}，写下立场、关键人和下一步，才不会漏掉跟进。"),
                    "step-6",
                )
            )
        if not ask.owner and not owners.get(key(dept)):
            flags.append(
                Flag(
                    "p0_no_key_person",
                    ask.index,
                    "error",
                    (f"必需资源“{name}”在资源清单、价值交换矩阵和追踪表里都没有{dept}的关键人：{soon}先弄清楚对方谁能拍板，再去谈。"),
                    "step-1",
                )
            )
    return flags

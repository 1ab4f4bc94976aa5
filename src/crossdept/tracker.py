"""协调进度追踪表 — steps 4–6: whom to approach first, what to try next, when to follow up or escalate.

Request data: ``{"rows": [{"department", "stance", "status", "owner", "progress", "next_step",
"last_contact", "risk", "obstacle", "refusals"}], "project"?: {"name", "value", "sponsor"?}}``.
Rows may be pre-filled from the resource plan's ``departments`` or from ``workbook/departments``.

Result: ``rows`` (request order; each with ``approach`` for its stance, ``strategies`` for its
obstacle, ``ladder`` for its refusals, ``escalate`` = the step-5 criteria it meets, ``next_contact``),
``order`` (row indices: allies, winnable, neutral, no stance yet, opposed), ``map`` (stance ×
status grid of ``{count, rows}``), ``followups`` (``row, department, owner, due, next_step,
overdue`` for an .ics), ``brief`` (``{needed, rows, text}``: the escalation brief) and ``flags``.

When to escalate: two refusals or more (the ladder's third rung), or a row that is blocked or was
refused once and whose notes show an authority conflict (权限, 权责 …) or a need for company-level
resources (公司层面, 预算不足, 编制 …), or — with the resource list's rows in the optional
``data.resources`` — a department that is opposed or blocked and holds a P0 resource near its
deadline (``reasoning``). Each row then carries ``p0``: ``[{row, resource, needed_by,
workdays_left, person_days, tight}]``, the P0 resources it holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import ics
from .brief import brief
from .dates import add_days, read_date
from .exports import Section, Table, exporter, filename
from .fields import Reader
from .flags import Flag, ordered
from .others import asks_of, read_asks
from .playbook import OBSTACLE_BY_LABEL, OBSTACLE_CHOICES, STANCE_CHOICES, STANCES, STATUS_CHOICES, STATUSES, ladder_step
from .project import Project, read_project
from .reasoning import CRITERIA, Pressure, pressures, reads_as_complaint
from .request import Request
from .sheet import filled_rows, key, tidy

SYNC_DAYS = 14  # step 6: sync with every partner department every two weeks
MAX_REFUSALS = 99
LABELS = {
    "department": "部门",
    "stance": "立场",
    "status": "状态",
    "owner": "关键人",
    "progress": "最新进展",
    "next_step": "下一步",
    "last_contact": "最近联系",
    "risk": "风险",
    "obstacle": "当前障碍",
    "refusals": "被拒次数",
}
UNSET = "未填"
DONE, AGREED, BLOCKED = "已交付", "已同意", "受阻"
_RANK = {s.label: s.rank for s in STANCES}
_NO_STANCE_RANK = 2.5  # unknown stance: after the neutral, before the opposed
_AUTHORITY = ("权限", "权责", "职责", "归属", "谁说了算", "谁负责", "越权")
_RESOURCES = ("公司层面", "资源调配", "调配", "预算冻结", "预算不足", "没有预算", "编制", "人手不足", "没人手")


@dataclass(frozen=True, slots=True)
class Contact:
    index: int
    department: str
    stance: str | None
    status: str | None
    owner: str
    progress: str
    next_step: str
    last_contact: dt.date | None
    risk: str
    obstacle: str | None
    refusals: int

    @property
    def open(self) -> bool:
        return self.status != DONE


def _refusals(row: Reader) -> int:
    value = row.number("refusals", LABELS["refusals"])
    if value is not None and (not value.is_integer() or value > MAX_REFUSALS):
        row.add(row.at("refusals"), f"{LABELS['refusals']}应是 0 到 {MAX_REFUSALS} 之间的整数")
        return 0
    return int(value or 0)


def read_contact(index: int, row: Reader, today: dt.date | None) -> Contact:
    department = row.text("department", LABELS["department"], required=True, limit=100)
    stance = row.choice("stance", LABELS["stance"], STANCE_CHOICES)
    status = row.choice("status", LABELS["status"], STATUS_CHOICES)
    owner = row.text("owner", LABELS["owner"], limit=100)
    progress = row.text("progress", LABELS["progress"], limit=2000)
    next_step = row.text("next_step", LABELS["next_step"], limit=2000)
    # A record of the past: 3月5日 without a year is the latest 3月5日 up to today.
    last_contact = read_date(row, "last_contact", LABELS["last_contact"], today, past=True)
    risk = row.text("risk", LABELS["risk"], limit=2000)
    obstacle = row.choice("obstacle", LABELS["obstacle"], OBSTACLE_CHOICES)
    return Contact(index, department, stance, status, owner, progress, next_step, last_contact.day if last_contact else None, risk, obstacle, _refusals(row))


def read(request: Request) -> tuple[Project, list[Contact]]:
    reader = Reader(request.data)
    project = read_project(reader)
    # A refusal count alone (a new row's default 0) does not make a row filled in.
    contacts = [read_contact(i, row, request.today) for i, row in filled_rows(reader, set(LABELS) - {"refusals"})]
    reader.check()
    return project, contacts


def criteria(c: Contact, pressed_by: list[Pressure] = ()) -> list[str]:
    """Ids of the step-5 criteria this row meets (empty once they have agreed or delivered).
    ``pressed_by``: the P0 resources this department holds (see ``reasoning.pressures``)."""
    if c.status in (AGREED, DONE):
        return []
    notes = " ".join((c.risk, c.progress, c.next_step))
    pressed = c.status == BLOCKED or c.refusals >= 1
    met = []
    if c.refusals >= 2 or (pressed and c.stance == "对立" and c.status == BLOCKED):
        met.append("refused")
    if pressed and any(word in notes for word in _AUTHORITY):
        met.append("authority")
    if pressed and any(word in notes for word in _RESOURCES):
        met.append("resources")
    if (c.stance == "对立" or c.status == BLOCKED) and any(p.tight for p in pressed_by):
        met.append("deadline")
    return met


def next_contact(c: Contact, today: dt.date | None) -> dt.date | None:
    if not c.open:
        return None
    if c.last_contact:
        return add_days(c.last_contact, SYNC_DAYS)
    return today


def _flags(c: Contact, today: dt.date | None, met: list[str]) -> list[Flag]:
    flags, i, dept = [], c.index, c.department
    if today and c.last_contact and c.last_contact > today:
        flags.append(Flag("contact_in_future", i, "warning", f"{dept}的最近联系日期 {c.last_contact.isoformat()} 比今天还晚，请检查日期。", "step-6"))
    elif today and c.last_contact and c.open and (today - c.last_contact).days >= SYNC_DAYS:
        days = (today - c.last_contact).days
        flags.append(Flag("followup_due", i, "warning", f"和{dept}已经 {days} 天没联系了：协作部门至少每两周同步一次进展。", "step-6"))
    if met:
        reasons = "；".join(cr.title for cr in CRITERIA if cr.id in met)
        flags.append(
            Flag(
                "escalate",
                i,
                "warning",
                f"{dept}符合升级的条件（{reasons}）：可以请上级从公司整体角度协调——是寻求指导，不是告状，升级简报已经按这个口径写好。",
                "step-5",
            )
        )
    elif c.refusals >= 1 and c.open:
        step = ladder_step(c.refusals)
        flags.append(Flag("ladder", i, "info", f"{dept}已经拒绝过 {c.refusals} 次：{step.title}。{step.action}", step.topic))
    if c.open and not c.next_step:
        flags.append(Flag("no_next_step", i, "info", f"{dept}还没有下一步：写下具体动作和时间，进度才不会停在原地。", "step-6"))
    if not c.owner:
        flags.append(Flag("no_owner", i, "warning", f"还没写{dept}的关键人：找到能拍板的人，沟通才有落点。", "step-1"))
    if c.status == DONE:
        flags.append(Flag("thank", i, "info", f"{dept}已经交付：公开感谢他们，把说好的表彰和案例展示兑现，下次合作会更顺。", "rule-8"))
    return flags


def _grid(contacts: list[Contact]) -> dict[str, object]:
    stances = [s.label for s in STANCES] + ([UNSET] if any(c.stance is None for c in contacts) else [])
    statuses = list(STATUSES) + ([UNSET] if any(c.status is None for c in contacts) else [])
    cells = [[{"count": 0, "rows": []} for _ in statuses] for _ in stances]
    for c in contacts:
        cell = cells[stances.index(c.stance or UNSET)][statuses.index(c.status or UNSET)]
        cell["count"] += 1
        cell["rows"].append(c.index)
    return {"stances": stances, "statuses": statuses, "cells": cells}


def analyze(request: Request) -> tuple[Project, dict[str, object]]:
    project, contacts = read(request)
    today = request.today
    asks = read_asks(request.data.get("resources"), today)
    pressed = {c.index: pressures(asks_of(asks, c.department), today, request.calendar) for c in contacts}
    escalated = {c.index: criteria(c, pressed[c.index]) for c in contacts}
    by_stance = {s.label: s for s in STANCES}
    rows, flags, followups = [], [], []
    for c in contacts:
        obstacle = OBSTACLE_BY_LABEL.get(c.obstacle or "")
        due = next_contact(c, today)
        rows.append(
            {
                "row": c.index,
                "department": c.department,
                "stance": c.stance,
                "status": c.status,
                "owner": c.owner,
                "progress": c.progress,
                "next_step": c.next_step,
                "risk": c.risk,
                "obstacle": c.obstacle,
                "refusals": c.refusals,
                "last_contact": c.last_contact.isoformat() if c.last_contact else None,
                "next_contact": due.isoformat() if due else None,
                "approach": by_stance[c.stance].approach if c.stance else "先判断这个部门的立场：盟友、可争取、中立还是对立。",
                "strategies": [{"name": s.name, "how": s.how} for s in obstacle.strategies] if obstacle else [],
                "obstacle_topic": obstacle.topic if obstacle else None,
                "ladder": ladder_step(c.refusals).as_dict(),
                "escalate": escalated[c.index],
                "p0": [
                    {
                        "row": p.ask.index,
                        "resource": p.ask.resource,
                        "needed_by": p.ask.needed_by.isoformat(),
                        "workdays_left": p.workdays_left,
                        "person_days": tidy(p.ask.person_days),
                        "tight": p.tight,
                    }
                    for p in pressed[c.index]
                ],
            }
        )
        flags += _flags(c, today, escalated[c.index])
        if escalated[c.index] and c.risk and reads_as_complaint(c.risk):
            flags.append(
                Flag(
                    "risk_reads_as_complaint",
                    c.index,
                    "info",
                    (
                        f"{c.department}的风险写的是“{c.risk}”，读起来像在说人，升级简报里就没有引用它：把它改写成对项目的影响"
                        "（例如“排期晚于需求时间，上线要推迟两周”），简报会原样写进去。"
                    ),
                    "step-5",
                )
            )
        if due:
            followups.append(
                {
                    "row": c.index,
                    "department": c.department,
                    "owner": c.owner,
                    "due": due.isoformat(),
                    "next_step": c.next_step,
                    "overdue": bool(today and due < today),
                }
            )
    order = [c.index for c in sorted(contacts, key=lambda c: (_RANK.get(c.stance or "", _NO_STANCE_RANK), c.index))]
    followups.sort(key=lambda f: (f["due"], f["row"]))
    return project, {
        "rows": rows,
        "order": order,
        "map": _grid(contacts),
        "followups": followups,
        "brief": brief(project, contacts, escalated, pressed, today),
        "flags": ordered(flags),
    }


def review(request: Request) -> dict[str, object]:
    return analyze(request)[1]


def table(request: Request) -> Table:
    project, result = analyze(request)
    columns = ("顺序", "部门", "立场", "状态", "关键人", "最新进展", "下一步", "最近联系", "下次跟进", "风险", "当前障碍", "被拒次数")
    by_row = {r["row"]: r for r in result["rows"]}
    rows = tuple(
        (
            n,
            r["department"],
            r["stance"] or "",
            r["status"] or "",
            r["owner"],
            r["progress"],
            r["next_step"],
            r["last_contact"] or "",
            r["next_contact"] or "",
            r["risk"],
            r["obstacle"] or "",
            r["refusals"],
        )
        for n, r in enumerate((by_row[i] for i in result["order"]), 1)
    )
    sections = (Section("升级简报", result["brief"]["text"]),) if result["brief"]["needed"] else ()
    return Table("协调进度追踪表", columns, rows, tuple(f["message"] for f in result["flags"]), sections, project.name)


def calendar(request: Request) -> dict[str, object]:
    """The follow-ups as an .ics file, ``{text, filename, events}``: one all-day event per open row,
    on its next contact date (an overdue one on today, so it is not lost in the past)."""
    project, result = analyze(request)
    today, by_row = request.today, {r["row"]: r for r in result["rows"]}
    events, seen = [], {}
    for f in result["followups"]:
        due = dt.date.fromisoformat(f["due"])
        who = f"{f['department']}（{f['owner']}）" if f["owner"] else f["department"]
        occurrence = seen[key(f["department"])] = seen.get(key(f["department"]), 0) + 1
        summary = ("【已逾期】" if f["overdue"] else "") + f"跟进{who}" + (f"：{f['next_step']}" if f["next_step"] else "")
        details = [
            f"项目：{project.name}" if project.name else "",
            f"下一步：{f['next_step']}" if f["next_step"] else "",
            f"最新进展：{by_row[f['row']]['progress']}" if by_row[f["row"]]["progress"] else "",
            f"原定跟进日期：{f['due']}" if f["overdue"] else "",
            "协作部门至少每两周同步一次进展（跨部门协调六步法第6步）。",
        ]
        events.append(
            ics.Event(
                f"{project.name}|{key(f['department'])}|{occurrence}",
                today if f["overdue"] and today else due,
                summary,
                "\n".join(d for d in details if d),
                f"今天跟进{who}",
            )
        )
    name = f"{project.name} · 跟进提醒" if project.name else "跨部门协调 · 跟进提醒"
    return {"text": ics.calendar(name, events, today), "filename": filename("跟进提醒", project.name, request, ".ics"), "events": len(events)}


ACTIONS = {"review": review, "export": exporter(table, "协调进度追踪表"), "calendar": calendar}

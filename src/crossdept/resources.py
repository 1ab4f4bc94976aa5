"""资源需求清单 — step 1, the resource map: what the project needs, from whom, by when, how much.

Request data: ``{"rows": [{"resource", "department", "priority", "needed_by", "workload", "owner",
"alternative_for"?}], "project"?}``. ``priority`` is P0/P1/P2 (or 必需/重要/备选); ``needed_by`` a date
as people type it (2026-01-15, 1月15日, 2周后, 下周五, 月底: see ``dates``); ``workload`` 3人月/2周/3天.
Working days count the request's ``calendar`` (public holidays, 调休), weekends only without one.
Optional ``tracker`` and ``exchange`` rows (the other sheets of the project, see ``others``) add the
cross-table flags ``p0_not_tracked`` and ``p0_no_key_person`` (which then stands for ``p0_no_owner``).

Result: ``rows`` (ordered by priority then date, each with ``row`` = its request index,
``person_days`` and ``needed_by`` as an ISO date), ``departments`` (the resource map, busiest
first: ``department, person_days, share, asks, p0_asks, earliest, owners, rows``; the exchange and
tracker sheets pre-fill their rows from this list), ``timeline`` (per dated row: ``start`` = today,
``end`` = needed_by — the window left to secure the resource), ``totals`` and ``flags``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dates import read_date
from .exports import Table, exporter
from .fields import Reader
from .flags import Flag, ordered
from .others import Ask, read_peers
from .project import read_project
from .reasoning import owners_by_department, untracked_flags
from .request import Request
from .sheet import filled_rows, key, tidy
from .workdays import WorkCalendar
from .workloads import MONTH_PERSON_DAYS, is_implausible, looks_like_elapsed_time, read_workload

PRIORITIES = {"P0": "P0", "P1": "P1", "P2": "P2", "必需": "P0", "必须": "P0", "重要": "P1", "备选": "P2"}
PRIORITY_LABELS = {"P0": "必需", "P1": "重要", "P2": "备选"}
_RANK = {"P0": 0, "P1": 1, "P2": 2, None: 3}
HEAVY_SHARE = 0.5
LABELS = {
    "resource": "资源",
    "department": "持有部门",
    "priority": "优先级",
    "needed_by": "需求时间",
    "workload": "工作量",
    "owner": "关键人",
    "alternative_for": "可替代的资源",
}


@dataclass(frozen=True, slots=True)
class Need:
    index: int
    resource: str
    department: str
    priority: str | None
    needed_by: dt.date | None
    person_days: float | None
    workload: str
    owner: str
    alternative_for: str
    date_note: str = ""


def read_need(index: int, row: Reader, today: dt.date | None) -> Need:
    resource = row.text("resource", LABELS["resource"], required=True, limit=200)
    department = row.text("department", LABELS["department"], limit=100)
    priority = row.choice("priority", LABELS["priority"], PRIORITIES)
    typed = read_date(row, "needed_by", LABELS["needed_by"], today)
    workload, person_days = read_workload(row, "workload", LABELS["workload"])
    owner = row.text("owner", LABELS["owner"], limit=100)
    alternative_for = row.text("alternative_for", LABELS["alternative_for"], limit=200)
    return Need(
        index, resource, department, priority, typed.day if typed else None, person_days, workload, owner, alternative_for, typed.year_note if typed else ""
    )


def read(request: Request) -> tuple[str, list[Need]]:
    reader = Reader(request.data)
    project = read_project(reader)
    needs = [read_need(i, row, request.today) for i, row in filled_rows(reader, LABELS)]
    reader.check()
    return project.name, needs


def _sorted(needs: list[Need]) -> list[Need]:
    return sorted(needs, key=lambda n: (_RANK[n.priority], n.needed_by or dt.date.max, n.index))


def _fallbacks(needs: list[Need]) -> dict[int, list[int]]:
    """Row index of each resource → indices of the rows that say they can stand in for it."""
    by_name: dict[str, int] = {}
    for need in needs:
        by_name.setdefault(key(need.resource), need.index)
    found: dict[int, list[int]] = {}
    for need in needs:
        target = by_name.get(key(need.alternative_for)) if need.alternative_for else None
        if target is not None and target != need.index:
            found.setdefault(target, []).append(need.index)
    return found


def departments(needs: list[Need]) -> list[dict[str, object]]:
    groups: dict[str, list[Need]] = {}
    for need in needs:
        if need.department:
            groups.setdefault(need.department, []).append(need)
    total = sum(n.person_days or 0 for n in needs)
    result = []
    for name, members in groups.items():
        days = sum(n.person_days or 0 for n in members)
        dates = [n.needed_by for n in members if n.needed_by]
        result.append(
            {
                "department": name,
                "person_days": tidy(days),
                "share": tidy(days / total, 3) if total else 0,
                # More than half the work in one department makes it the project's bottleneck.
                "heavy": bool(total) and days / total > HEAVY_SHARE,
                "asks": len(members),
                "p0_asks": sum(n.priority == "P0" for n in members),
                "earliest": min(dates).isoformat() if dates else None,
                "owners": list(dict.fromkeys(n.owner for n in members if n.owner)),
                "rows": [n.index for n in members],
            }
        )
    result.sort(key=lambda d: (-d["p0_asks"], -d["person_days"], d["rows"][0]))
    return result


def _workload_flags(need: Need) -> list[Flag]:
    """Workloads that are probably something else: a waiting time, or a slip of the unit."""
    i, name = need.index, need.resource
    if is_implausible(need.person_days):
        months = tidy(need.person_days / MONTH_PERSON_DAYS, 1)
        return [
            Flag(
                "workload_implausible",
                i,
                "warning",
                (
                    f"“{name}”的工作量约 {tidy(need.person_days)} 人天（约 {months} 人月），超过 100 人月：请检查单位，"
                    "是不是把人天写成了人月，或者把整个项目的工作量都算在了这一项上？"
                ),
                "step-1",
            )
        ]
    if need.person_days and looks_like_elapsed_time(name, need.workload):
        return [
            Flag(
                "workload_elapsed_time",
                i,
                "info",
                (
                    f"“{name}”的工作量写的是“{need.workload}”，这更像是办理周期（日历时间），不一定是对方要投入的人力："
                    "如果是周期，请把它算进需求时间；工作量写对方实际要投入的人天，例如“1人天”。"
                ),
                "step-1",
            )
        ]
    return []


def _row_flags(need: Need, today: dt.date | None, fallbacks: dict[int, list[int]], names: set[str], calendar: WorkCalendar, cross: bool) -> list[Flag]:
    flags, i, name = _workload_flags(need), need.index, need.resource
    if need.date_note:
        flags.append(Flag("date_year_inferred", i, "info", f"“{name}”的需求时间{need.date_note}。", "step-1"))
    if need.priority is None:
        flags.append(Flag("no_priority", i, "warning", f"“{name}”还没有优先级：先判断它是必需（P0）、重要（P1）还是备选（P2）。", "step-1"))
    if not need.department:
        flags.append(Flag("no_department", i, "warning", f"“{name}”还没写由哪个部门持有：资源地图要落到具体部门。", "step-1"))
    if need.priority == "P0":
        if not need.owner and not (cross and need.department):
            flags.append(Flag("p0_no_owner", i, "error", f"必需资源“{name}”还没有关键人：先弄清楚对方部门谁能拍板，再去谈。", "step-1"))
        if i not in fallbacks:
            flags.append(
                Flag(
                    "p0_no_fallback",
                    i,
                    "warning",
                    f"必需资源“{name}”没有备选方案：加一行 P2 备选资源，在“可替代的资源”里写上“{name}”，谈不下来时还有退路。",
                    "step-1",
                )
            )
        if need.needed_by is None:
            flags.append(Flag("no_date", i, "info", f"必需资源“{name}”还没有需求时间：写上哪天要用，才好和对方排期。", "step-1"))
        if need.person_days is None:
            flags.append(Flag("no_workload", i, "info", f"必需资源“{name}”还没有估工作量：对方最先问的就是要占用多少人力。", "step-2"))
    if need.alternative_for and key(need.alternative_for) not in names:
        flags.append(
            Flag("alternative_unknown", i, "warning", f"“{name}”说可以替代“{need.alternative_for}”，但清单里没有这项资源：请和资源名称写得一致。", "step-1")
        )
    if today and need.needed_by:
        if need.needed_by < today:
            flags.append(
                Flag(
                    "date_passed", i, "warning", f"“{name}”的需求时间 {need.needed_by.isoformat()} 已经过去了：更新时间，或者确认这项资源是否还需要。", "step-1"
                )
            )
        elif need.person_days:
            workdays = calendar.working_days_between(today, need.needed_by)
            if need.person_days > workdays:
                flags.append(
                    Flag(
                        "workload_exceeds_time",
                        i,
                        "info",
                        (
                            f"“{name}”约 {tidy(need.person_days)} 人天的工作量，离需求时间只有 {workdays} 个工作日，一个人做不完："
                            f"要么对方多人并行，要么拆分范围、分期交付，和{need.owner or '对方'}确认排期。"
                        ),
                        "rule-4",
                    )
                )
    return flags


def _overload_flags(needs: list[Need], depts: list[dict[str, object]]) -> list[Flag]:
    """One department carrying more than half of the P0 asks or of the workload is the plan's bottleneck."""
    if len(depts) < 2:
        return []
    flags = []
    total_p0 = sum(d["p0_asks"] for d in depts)
    for dept in depts:
        name, first = dept["department"], dept["rows"][0]
        heavy_p0 = total_p0 >= 2 and dept["p0_asks"] * 2 > total_p0
        heavy_work = dept["heavy"]
        if heavy_p0 or heavy_work:
            if heavy_p0:
                what = f"{dept['p0_asks']}/{total_p0} 项必需资源"
            else:
                what = f"{round(dept['share'] * 100)}% 的工作量（{dept['person_days']} 人天）"
            who = "、".join(dept["owners"]) or "对方关键人"
            flags.append(
                Flag(
                    "department_overload",
                    first,
                    "warning",
                    (
                        f"{name}承担了{what}，是整个项目的瓶颈：优先和{who}确认排期，"
                        "准备降低门槛的方案（拆分需求、分期、由我们出资源），并为它的必需资源找好备选。"
                    ),
                    "step-1",
                )
            )
    return flags


def _cross_flags(needs: list[Need], request: Request) -> list[Flag]:
    """With the tracker's (and the matrix's) rows in ``data.tracker`` / ``data.exchange``: P0 resources
    whose department nobody follows up, or has no key person in any table (see ``reasoning``)."""
    tracked, matrix = read_peers(request.data.get("tracker")), read_peers(request.data.get("exchange"))
    asks = [Ask(n.index, n.resource, n.department, n.priority, n.needed_by, n.workload, n.person_days, n.owner) for n in needs if n.department]
    return untracked_flags(asks, tracked, owners_by_department(tracked, matrix), request.today, request.calendar)


def analyze(request: Request) -> tuple[str, dict[str, object]]:
    """The project's name and the plan; raises InputError listing every bad field."""
    name, needs = read(request)
    today = request.today
    fallbacks = _fallbacks(needs)
    names = {key(n.resource) for n in needs}
    depts = departments(needs)
    cross = isinstance(request.data, dict) and any(k in request.data for k in ("tracker", "exchange"))
    flags = [f for n in needs for f in _row_flags(n, today, fallbacks, names, request.calendar, cross)] + _overload_flags(needs, depts)
    if cross:
        flags += _cross_flags(needs, request)
    ordered_needs = _sorted(needs)
    rows = [
        {
            "row": n.index,
            "resource": n.resource,
            "department": n.department,
            "priority": n.priority,
            "priority_label": PRIORITY_LABELS.get(n.priority or "", ""),
            "needed_by": n.needed_by.isoformat() if n.needed_by else None,
            "days_left": (n.needed_by - today).days if today and n.needed_by else None,
            "workload": n.workload,
            "person_days": tidy(n.person_days),
            "owner": n.owner,
            "alternative_for": n.alternative_for,
            "fallbacks": fallbacks.get(n.index, []),
        }
        for n in ordered_needs
    ]
    timeline = [
        {
            "row": n.index,
            "resource": n.resource,
            "department": n.department,
            "priority": n.priority,
            "start": min(today, n.needed_by).isoformat() if today else None,
            "end": n.needed_by.isoformat(),
            "person_days": tidy(n.person_days),
        }
        for n in ordered_needs
        if n.needed_by
    ]
    return name, {
        "rows": rows,
        "departments": depts,
        "timeline": timeline,
        "totals": {
            "rows": len(needs),
            "person_days": tidy(sum(n.person_days or 0 for n in needs)),
            **{p: sum(n.priority == p for n in needs) for p in ("P0", "P1", "P2")},
        },
        "flags": ordered(flags),
    }


def plan(request: Request) -> dict[str, object]:
    return analyze(request)[1]


def table(request: Request) -> Table:
    name, result = analyze(request)
    columns = ("优先级", "资源", "持有部门", "需求时间", "工作量", "人天", "关键人", "可替代")
    rows = tuple(
        (r["priority"] or "", r["resource"], r["department"], r["needed_by"] or "", r["workload"], r["person_days"], r["owner"], r["alternative_for"])
        for r in result["rows"]
    )
    return Table("资源需求清单", columns, rows, tuple(f["message"] for f in result["flags"]), project=name)


def departments_table(result: dict[str, object]) -> Table:
    """The resource map by department, as the report shows it under the list."""
    rows = tuple(
        (d["department"], d["asks"], d["p0_asks"], d["person_days"], f"{round(d['share'] * 100)}%", d["earliest"] or "", "、".join(d["owners"]))
        for d in result["departments"]
    )
    return Table("各部门负担（资源地图）", ("部门", "资源数", "其中必需", "人天", "占比", "最早需要", "关键人"), rows)


ACTIONS = {"plan": plan, "export": exporter(table, "资源需求清单")}

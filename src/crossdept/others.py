"""Another sheet's rows, read leniently when a sheet's action is sent them as extra data.

The exchange script names what is asked of a department (the resource list's rows), the tracker's
brief names the P0 resource a blocked department holds, the resource list notices departments the
tracker has no row for. Each action accepts the other sheets' rows as optional data:

- ``data.resources``: resource list rows (``resource, department, priority, needed_by, workload, owner``),
- ``data.tracker``: tracker rows (``department, stance, status, owner, refusals`` …),
- ``data.exchange``: exchange rows (``department, owner`` …).

Those rows are checked on their own sheet; here a cell that does not read is simply left out
(an unreadable date is no date), so one bad cell over there never blocks this sheet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .dates import DateError, parse_date
from .fields import MAX_ROWS
from .playbook import STANCE_CHOICES, STATUS_CHOICES
from .sheet import key
from .workloads import parse_workload

_PRIORITIES = {"P0": "P0", "P1": "P1", "P2": "P2", "必需": "P0", "必须": "P0", "重要": "P1", "备选": "P2"}
_RANK = {"P0": 0, "P1": 1, "P2": 2, None: 3}


@dataclass(frozen=True, slots=True)
class Ask:
    """One resource asked of a department, as far as its row could be read."""

    index: int
    resource: str
    department: str
    priority: str | None
    needed_by: dt.date | None
    workload: str
    person_days: float | None
    owner: str


@dataclass(frozen=True, slots=True)
class Peer:
    """A department as another sheet has it: its key person and, from the tracker, where things stand."""

    index: int
    department: str
    owner: str
    stance: str | None = None
    status: str | None = None


def _rows(raw: object) -> list[Mapping]:
    if isinstance(raw, (str, bytes)) or not isinstance(raw, Sequence):
        return []
    return [row for row in raw[:MAX_ROWS] if isinstance(row, Mapping)]


def _text(row: Mapping, name: str, limit: int = 200) -> str:
    value = row.get(name)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    return str(value).strip()[:limit]


def read_asks(raw: object, today: dt.date | None) -> list[Ask]:
    """Resource rows with a resource and a department, in request order."""
    asks = []
    for index, row in enumerate(_rows(raw)):
        resource, department = _text(row, "resource"), _text(row, "department", 100)
        if not resource or not department:
            continue
        try:
            needed_by = parse_date(_text(row, "needed_by", 50), today).day if _text(row, "needed_by", 50) else None
        except DateError:
            needed_by = None
        workload = _text(row, "workload", 50)
        try:
            person_days = parse_workload(row.get("workload") if isinstance(row.get("workload"), (int, float)) else workload)
        except ValueError:
            person_days = None
        priority = _PRIORITIES.get(_text(row, "priority").upper()) or _PRIORITIES.get(_text(row, "priority"))
        asks.append(Ask(index, resource, department, priority, needed_by, workload if person_days is not None else "", person_days, _text(row, "owner", 100)))
    return asks


def asks_of(asks: list[Ask], department: str) -> list[Ask]:
    """The asks of one department (names compared loosely), most needed and soonest first."""
    wanted = key(department)
    mine = [a for a in asks if key(a.department) == wanted]
    return sorted(mine, key=lambda a: (_RANK[a.priority], a.needed_by or dt.date.max, a.index))


def read_peers(raw: object) -> list[Peer]:
    """Rows of another sheet that name a department."""
    peers = []
    for index, row in enumerate(_rows(raw)):
        department = _text(row, "department", 100)
        if department:
            peers.append(Peer(index, department, _text(row, "owner", 100), STANCE_CHOICES.get(_text(row, "stance")), STATUS_CHOICES.get(_text(row, "status"))))
    return peers


def format_day(day: dt.date, today: dt.date | None) -> str:
    """``1月15日`` in today's year, ``2027年1月15日`` otherwise: as a deadline is said aloud."""
    if today is not None and day.year == today.year:
        return f"{day.month}月{day.day}日"
    return f"{day.year}年{day.month}月{day.day}日"

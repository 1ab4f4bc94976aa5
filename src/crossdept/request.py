"""The request that crosses the boundary, parsed once before any worksheet sees it.

Besides ``worksheet``, ``action`` and ``data``: ``today`` (ISO; relative dates and deadlines count
from it) and ``calendar`` (public holidays and make-up working days, see ``workdays``), both
optional; any other top-level key (``format`` …) is an option of the action.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import InputError, Problem
from .workdays import WEEKENDS_ONLY, WorkCalendar, read_calendar


@dataclass(frozen=True, slots=True)
class Request:
    worksheet: str
    action: str
    data: object
    today: dt.date | None = None
    options: Mapping[str, object] = field(default_factory=dict)
    calendar: WorkCalendar = WEEKENDS_ONLY


def parse_request(raw: object) -> Request:
    """A Request from untrusted JSON data; raises InputError naming each bad key."""
    if not isinstance(raw, Mapping):
        raise InputError([Problem("request", "请求应是一个对象，包含 worksheet、action 和 data")])
    problems = []
    worksheet, action = raw.get("worksheet"), raw.get("action")
    if not isinstance(worksheet, str) or not worksheet:
        problems.append(Problem("worksheet", "请求缺少工作表名称（worksheet）"))
    if not isinstance(action, str) or not action:
        problems.append(Problem("action", "请求缺少操作名称（action）"))
    today = None
    if raw.get("today") is not None:
        try:
            today = dt.date.fromisoformat(str(raw["today"]))
        except ValueError:
            problems.append(Problem("today", "今天的日期格式应是 2026-03-01"))
    calendar = read_calendar(raw.get("calendar"), problems)
    if problems:
        raise InputError(problems)
    options = {k: v for k, v in raw.items() if k not in ("worksheet", "action", "data", "today", "calendar")}
    return Request(str(worksheet), str(action), raw.get("data"), today, options, calendar)

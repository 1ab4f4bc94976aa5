"""Working days: weekends off, plus a country's public holidays and make-up working days (调休) when
the request brings them.

The core never looks them up itself (it reads no disk and no clock): the build makes them with a
maintained library (``crossdept_site.calendar_data``) and the browser sends them with each request
as a top-level ``calendar: {"holidays": ["2026-10-01", …], "workdays": ["2026-09-20", …]}``.
``holidays`` are days off (a holiday on a weekend changes nothing); ``workdays`` are weekend days
worked instead (调休). Without a calendar, every Monday to Friday is a working day.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .errors import Problem

MAX_DATES = 5000  # about 40 years of Chinese holidays and make-up days: far more than a plan needs
LABELS = {"holidays": "节假日", "workdays": "调休上班日"}


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """Days off on weekdays and days worked on weekends, each sorted, so counts stay fast on long ranges."""

    holidays: tuple[dt.date, ...] = ()
    workdays: tuple[dt.date, ...] = ()
    _holiday_set: frozenset[dt.date] = field(default=frozenset(), repr=False, compare=False)
    _workday_set: frozenset[dt.date] = field(default=frozenset(), repr=False, compare=False)

    @classmethod
    def of(cls, holidays: Sequence[dt.date] = (), workdays: Sequence[dt.date] = ()) -> "WorkCalendar":
        # Only weekday holidays and weekend workdays change a count; the others are dropped here once.
        off = tuple(sorted({d for d in holidays if d.weekday() < 5}))
        on = tuple(sorted({d for d in workdays if d.weekday() >= 5}))
        return cls(off, on, frozenset(off), frozenset(on))

    def is_working_day(self, day: dt.date) -> bool:
        if day.weekday() >= 5:
            return day in self._workday_set
        return day not in self._holiday_set

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when ``end`` is not later)."""
        if end <= start:
            return 0
        return weekdays_between(start, end) - _count(self.holidays, start, end) + _count(self.workdays, start, end)


WEEKENDS_ONLY = WorkCalendar()


def _count(days: tuple[dt.date, ...], start: dt.date, end: dt.date) -> int:
    """How many of the sorted ``days`` fall after ``start``, up to and including ``end``."""
    return bisect.bisect_right(days, end) - bisect.bisect_right(days, start)


def weekdays_between(start: dt.date, end: dt.date) -> int:
    """Mondays to Fridays after ``start`` up to and including ``end``."""
    days = (end - start).days
    if days <= 0:
        return 0
    weeks, rest = divmod(days, 7)
    first = start.weekday()
    return weeks * 5 + sum(1 for offset in range(1, rest + 1) if (first + offset) % 7 < 5)


def read_calendar(raw: object, problems: list[Problem]) -> WorkCalendar:
    """The request's optional ``calendar``; every bad entry is a problem at ``calendar.holidays[i]``."""
    if raw is None:
        return WEEKENDS_ONLY
    if not isinstance(raw, Mapping):
        problems.append(Problem("calendar", "工作日历应是一组字段：holidays（节假日）和 workdays（调休上班日）"))
        return WEEKENDS_ONLY
    lists: dict[str, list[dt.date]] = {}
    for name, label in LABELS.items():
        values = raw.get(name)
        lists[name] = []
        if values is None:
            continue
        if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
            problems.append(Problem(f"calendar.{name}", f"{label}应是一个日期列表"))
            continue
        if len(values) > MAX_DATES:
            problems.append(Problem(f"calendar.{name}", f"{label}太多了（最多 {MAX_DATES} 个）"))
            continue
        for index, value in enumerate(values):
            try:
                lists[name].append(dt.date.fromisoformat(value) if isinstance(value, str) else _not_a_date())
            except ValueError:
                problems.append(Problem(f"calendar.{name}[{index}]", f"{label}应是日期，格式如 2026-10-01"))
    both = sorted(set(lists["holidays"]) & set(lists["workdays"]))
    if both:
        problems.append(Problem("calendar", f"{both[0].isoformat()} 不能既是节假日又是调休上班日"))
    unknown = [str(k) for k in raw if k not in LABELS]
    if unknown:
        problems.append(Problem("calendar", f"工作日历里有无法识别的字段：{'、'.join(unknown)}"))
    return WorkCalendar.of(lists["holidays"], lists["workdays"])


def _not_a_date() -> dt.date:
    raise ValueError("not a date")

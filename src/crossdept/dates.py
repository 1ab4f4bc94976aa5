"""Reading the dates and workloads people type in the worksheets.

Dates: an ISO date (``2026-03-16``) or a relative one counted in calendar days from the
request's ``today``: ``3天后``, ``1周后``, ``2周后``, ``1个月后`` (a month is counted as 30 days:
the sheets plan weeks ahead, not to the day of the month), also ``今天``/``明天``/``后天`` and
Chinese numerals (``两周后``).

Workloads: a number with a unit, in person-days: 天/人天/日/人日 = 1, 周/人周 = 5 (a working
week), 月/人月 = 22 (working days in a month), 小时 = 1/8; ``3人月`` → 66. A bare number is
taken as person-days.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from .fields import Reader

MONTH_DAYS = 30
MAX_DAYS_AHEAD = 3650
MAX_PERSON_DAYS = 100_000

_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NAMED_DAYS = {"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2}
_RELATIVE = re.compile(r"^(\d+|[零一二两三四五六七八九十]+)\s*(天|日|周|星期|个星期|礼拜|个礼拜|个月|月)(?:之后|以后|后)$")
_UNIT_DAYS = {"天": 1, "日": 1, "周": 7, "星期": 7, "个星期": 7, "礼拜": 7, "个礼拜": 7, "个月": MONTH_DAYS, "月": MONTH_DAYS}

_WORKLOAD = re.compile(r"^(\d+(?:\.\d+)?)\s*(人天|人日|天|日|人周|周|个人月|人月|个月|月|小时|人时|h)?$", re.IGNORECASE)
_WORKLOAD_UNITS = {
    "": 1, "人天": 1, "人日": 1, "天": 1, "日": 1,
    "人周": 5, "周": 5,
    "个人月": 22, "人月": 22, "个月": 22, "月": 22,
    "小时": 0.125, "人时": 0.125, "h": 0.125,
}


def chinese_number(text: str) -> int:
    """``3``, ``两``, ``十二``, ``二十`` → int; raises ValueError on anything else."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        if "十" in ones:
            raise ValueError(text)
        return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
    if len(text) == 1 and text in _DIGITS:
        return _DIGITS[text]
    raise ValueError(text)


def add_days(day: dt.date, days: int) -> dt.date | None:
    """``day`` plus ``days``, or None past the calendar's ends (year 1 … 9999)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def days_ahead(text: str) -> int | None:
    """Calendar days a relative date names (``2周后`` → 14), None if ``text`` is not relative."""
    cleaned = text.replace(" ", "")
    if cleaned in _NAMED_DAYS:
        return _NAMED_DAYS[cleaned]
    match = _RELATIVE.match(cleaned)
    if not match:
        return None
    try:
        count = chinese_number(match.group(1))
    except (KeyError, ValueError):
        return None
    return count * _UNIT_DAYS[match.group(2)]


def parse_workload(raw: object) -> float:
    """Person-days from ``3人月``, ``2周``, ``3天`` or a bare number; raises ValueError."""
    if isinstance(raw, bool):
        raise ValueError("not a workload")
    if isinstance(raw, (int, float)):
        value = float(raw)
    elif isinstance(raw, str):
        match = _WORKLOAD.match(raw.strip().replace(" ", ""))
        if not match:
            raise ValueError("not a workload")
        value = float(match.group(1)) * _WORKLOAD_UNITS[(match.group(2) or "").lower()]
    else:
        raise ValueError("not a workload")
    if not math.isfinite(value) or value < 0 or value > MAX_PERSON_DAYS:
        raise ValueError("out of range")
    return value


def read_workload(reader: Reader, key: str, label: str) -> tuple[str, float | None]:
    """A workload field as typed and in person-days (None when blank or unreadable, with a problem)."""
    text = reader.text(key, label, limit=50)
    if not text:
        return "", None
    raw = reader.raw(key)
    try:
        return text, parse_workload(raw if isinstance(raw, (int, float)) else text)
    except ValueError:
        reader.add(reader.at(key), f"{label}应是数字加单位，例如 3天、2周、3人月（1人月按22人天算）")
        return text, None


def read_when(reader: Reader, key: str, label: str, today: dt.date | None) -> dt.date | None:
    """A date field that may also be relative to ``today`` (``2周后``); None when blank."""
    text = reader.text(key, label)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    ahead = days_ahead(text)
    if ahead is None:
        reader.add(reader.at(key), f"{label}应是日期（如 2026-03-16）或“3天后”“2周后”“1个月后”这样的说法")
        return None
    if today is None:
        reader.add(reader.at(key), f"“{text}”是相对日期，需要知道今天是哪天才能换算；请改填具体日期")
        return None
    resolved = add_days(today, ahead) if ahead <= MAX_DAYS_AHEAD else None
    if resolved is None:
        reader.add(reader.at(key), f"{label}太远了（最多 10 年以内）")
    return resolved


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Weekdays after ``start`` up to and including ``end`` (0 when ``end`` is not later)."""
    days = (end - start).days
    if days <= 0:
        return 0
    weeks, rest = divmod(days, 7)
    first = start.weekday()
    extra = sum(1 for offset in range(1, rest + 1) if (first + offset) % 7 < 5)
    return weeks * 5 + extra

"""Reading the dates people type in the worksheets, relative to the request's ``today``.

Accepted (``today`` = 2026-03-02, a Monday, in the examples):

- a full date: ``2026-03-16``, ``2026-3-16``, ``2026/3/16``, ``2026.3.16``, ``2026年3月16日``, and
  ``03/16/2026`` (month first, as a date picker in an English browser writes it);
- a date without a year: ``3月16日``, ``3月16号``, ``3/16``, ``三月十六日``;
- a distance: ``3天后``, ``2周后``, ``两个星期后``, ``1个月后`` (a month is counted as 30 days: the sheets
  plan weeks ahead, not to the day of the month), ``今天``/``明天``/``后天``, and back in time
  ``3天前``/``昨天``/``前天``;
- a weekday: ``周五``/``星期五``/``礼拜五`` (the next one, today included), ``本周五``/``这周五`` (this
  Monday-to-Sunday week's), ``下周五``, ``下下周五``, ``上周五``;
- a point in a month: ``月底``/``本月底``, ``下月底``/``下个月底``, ``月初``, ``下个月初``, ``月中``,
  ``3月底``, ``年底``.

Which year a date without one is in: a field that plans ahead (a resource's 需求时间) takes the
next such day from today, today included — on 2026-11-20, ``1月15日`` is 2027-01-15, because a
deadline nobody has given a year to is almost always the coming one. A field that records the past
(a tracker's 最近联系) takes the latest such day up to today. ``year_note`` says when the year was
moved, so the sheet can tell the user. A day that does not exist (``2月30日``) is refused, naming why.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from .fields import Reader

MONTH_DAYS = 30
MAX_DAYS_AHEAD = 3650
EXAMPLES = "2026-03-16、3月16日、3/16、3天后、2周后、下周五、月底"

_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUM = r"(\d+|[零一二两三四五六七八九十]+)"
_NAMED_DAYS = {"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2, "大后天": 3, "昨天": -1, "昨日": -1, "前天": -2}
_RELATIVE = re.compile(rf"^{_NUM}(天|日|周|星期|个星期|礼拜|个礼拜|个月|月)(之后|以后|后|之前|以前|前)$")
_UNIT_DAYS = {"天": 1, "日": 1, "周": 7, "星期": 7, "个星期": 7, "礼拜": 7, "个礼拜": 7, "个月": MONTH_DAYS, "月": MONTH_DAYS}
_FULL = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_YEARLESS = re.compile(rf"^{_NUM}月{_NUM}[日号]?$|^(\d{{1,2}})/(\d{{1,2}})$")
_WEEKDAY = re.compile(r"^(本|这|这个|下|下个|下下|下下个|上|上个)?(周|星期|礼拜)([一二三四五六日天])$")
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEK_SHIFT = {None: None, "本": 0, "这": 0, "这个": 0, "下": 1, "下个": 1, "下下": 2, "下下个": 2, "上": -1, "上个": -1}
_MONTH_POINT = re.compile(rf"^(本|这个|这|下|下个|下下个|上|上个)?{_NUM}?月(底|末|初|中)$")
_MONTH_SHIFT = {None: 0, "本": 0, "这": 0, "这个": 0, "下": 1, "下个": 1, "下下个": 2, "上": -1, "上个": -1}
_YEAR_END = {"年底": 0, "年末": 0, "今年年底": 0, "今年底": 0, "明年年底": 1, "明年底": 1}


class DateError(ValueError):
    """Text that is not a date; ``reason`` says why in Chinese (without the field's label)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class TypedDate:
    """What a typed date resolved to; ``year_note`` explains a year the user did not write (else "")."""

    day: dt.date
    year_note: str = ""


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
    """Calendar days a relative date names (``2周后`` → 14, ``3天前`` → -3), None if ``text`` is not one."""
    cleaned = _clean(text)
    if cleaned in _NAMED_DAYS:
        return _NAMED_DAYS[cleaned]
    match = _RELATIVE.match(cleaned)
    if not match:
        return None
    try:
        count = chinese_number(match.group(1))
    except (KeyError, ValueError):
        return None
    sign = -1 if match.group(3).endswith("前") else 1
    return sign * count * _UNIT_DAYS[match.group(2)]


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().replace(" ", "")


def _number(text: str) -> int:
    try:
        return chinese_number(text)
    except (KeyError, ValueError):
        raise DateError("数字无法识别") from None


def _day(year: int, month: int, day: int) -> dt.date:
    if not 1 <= month <= 12:
        raise DateError(f"没有{month}月，月份应在 1 到 12 之间")
    if not 1 <= year <= 9999:
        raise DateError("年份超出范围")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateError(f"{year}年{month}月没有{day}日（这个月只有 {last} 天）")
    return dt.date(year, month, day)


def _yearless(month: int, day: int, today: dt.date, past: bool) -> TypedDate:
    if not 1 <= month <= 12:
        raise DateError(f"没有{month}月，月份应在 1 到 12 之间")
    if not 1 <= day <= 31 or day > calendar.monthrange(2024, month)[1]:
        raise DateError(f"{month}月没有{day}日")
    step = -1 if past else 1
    for offset in range(0, 8 * step, step):  # 2月29日 may be up to 8 years away
        year = today.year + offset
        if not 1 <= year <= 9999 or day > calendar.monthrange(year, month)[1]:
            continue
        candidate = dt.date(year, month, day)
        if (candidate <= today) if past else (candidate >= today):
            if year == today.year:
                return TypedDate(candidate)
            why = "今年的这一天还没到" if past else "今年的这一天已经过去"
            return TypedDate(candidate, f"没写年份，按 {candidate.isoformat()} 计算（{why}）；如果不是，请写上年份")
    raise DateError("日期超出范围")


def _month_point(match: re.Match, today: dt.date, past: bool) -> TypedDate:
    shift, month_text, point = match.group(1), match.group(2), match.group(3)
    if month_text is not None and shift is not None:
        raise DateError("“下个”和具体月份只能写一个")
    if month_text is not None:
        month = _number(month_text)
        day = {"初": 1, "中": 15}.get(point, 28)
        typed = _yearless(month, day, today, past)
        year, month = typed.day.year, typed.day.month
        note = typed.year_note
    else:
        index = today.year * 12 + today.month - 1 + _MONTH_SHIFT[shift]
        year, month, note = index // 12, index % 12 + 1, ""
    if point in ("底", "末"):
        return TypedDate(_day(year, month, calendar.monthrange(year, month)[1]), note)
    return TypedDate(_day(year, month, 1 if point == "初" else 15), note)


def parse_date(text: str, today: dt.date | None, *, past: bool = False) -> TypedDate:
    """The day ``text`` names; raises DateError with the reason. ``past`` picks the year of a
    date without one backwards (for a record of what happened) instead of forwards."""
    cleaned = _clean(text)
    try:
        return TypedDate(dt.date.fromisoformat(cleaned))
    except ValueError:
        pass
    if match := _FULL.match(cleaned):
        return TypedDate(_day(int(match.group(1)), int(match.group(2)), int(match.group(3))))
    if match := _US.match(cleaned):
        return TypedDate(_day(int(match.group(3)), int(match.group(1)), int(match.group(2))))
    relative = _YEARLESS.match(cleaned) or _WEEKDAY.match(cleaned) or _MONTH_POINT.match(cleaned)
    ahead = days_ahead(cleaned)
    if relative is None and ahead is None and cleaned not in _YEAR_END:
        raise DateError(f"无法识别为日期，可以写 {EXAMPLES}")
    if today is None:
        raise DateError("这是相对日期，需要知道今天是哪天才能换算；请改填具体日期（如 2026-03-16）")
    if ahead is not None:
        if abs(ahead) > MAX_DAYS_AHEAD or (resolved := add_days(today, ahead)) is None:
            raise DateError("太远了（最多 10 年以内）")
        return TypedDate(resolved)
    if cleaned in _YEAR_END:
        return TypedDate(_day(today.year + _YEAR_END[cleaned], 12, 31))
    if match := _YEARLESS.match(cleaned):
        month, day = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        return _yearless(_number(month), _number(day), today, past)
    if match := _WEEKDAY.match(cleaned):
        weekday, shift = _WEEKDAYS[match.group(3)], _WEEK_SHIFT[match.group(1)]
        if shift is None:  # bare 周五: the next one (or the last one, for a record), today included
            gap = (weekday - today.weekday()) % 7
            offset = -((today.weekday() - weekday) % 7) if past else gap
        else:
            offset = shift * 7 + weekday - today.weekday()
        resolved = add_days(today, offset)
        if resolved is None:
            raise DateError("日期超出范围")
        return TypedDate(resolved)
    return _month_point(_MONTH_POINT.match(cleaned), today, past)


def read_date(reader: Reader, key: str, label: str, today: dt.date | None, *, past: bool = False) -> TypedDate | None:
    """A date field as typed (see ``parse_date``); None when blank, or with a problem at the field."""
    text = reader.text(key, label, limit=50)
    if not text:
        return None
    try:
        return parse_date(text, today, past=past)
    except DateError as error:
        reader.add(reader.at(key), f"{label}“{text}”：{error.reason}")
        return None


def read_when(reader: Reader, key: str, label: str, today: dt.date | None) -> dt.date | None:
    """A date that plans ahead (a deadline): the day only."""
    typed = read_date(reader, key, label, today)
    return typed.day if typed else None

"""Reading the workloads people type (``3人月``, ``2周``, ``3天``) as person-days, and noticing the
ones that are probably something else.

Units, in person-days: 天/人天/日/人日 = 1, 周/人周 = 5 (a working week), 月/人月 = 22 (working
days in a month), 小时 = 1/8; ``3人月`` → 66. A bare number is taken as person-days.
"""

from __future__ import annotations

import math
import re
import unicodedata

from .fields import Reader

MAX_PERSON_DAYS = 100_000
MONTH_PERSON_DAYS = 22
IMPLAUSIBLE_PERSON_MONTHS = 100  # one resource asking more than this is more likely a slip of the unit

_WORKLOAD = re.compile(r"^(\d+(?:\.\d+)?)(人天|人日|天|日|人周|周|个人月|人月|个月|月|小时|人时|h)?$", re.IGNORECASE)
_WORKLOAD_UNITS = {
    "": 1,
    "人天": 1,
    "人日": 1,
    "天": 1,
    "日": 1,
    "人周": 5,
    "周": 5,
    "个人月": MONTH_PERSON_DAYS,
    "人月": MONTH_PERSON_DAYS,
    "个月": MONTH_PERSON_DAYS,
    "月": MONTH_PERSON_DAYS,
    "小时": 0.125,
    "人时": 0.125,
    "h": 0.125,
}
# Units that say nothing about people: "10天" may be effort or a waiting time.
_CALENDAR_UNITS = ("天", "日", "周", "个月", "月")
# Work that is mostly waiting on someone else's process: its "10天" is usually elapsed time.
_ELAPSED_WORK = (
    "审批",
    "审核",
    "批复",
    "签批",
    "报批",
    "流程",
    "周期",
    "等待",
    "排队",
    "签约",
    "合同",
    "采购",
    "到货",
    "交货",
    "备案",
    "公示",
    "招标",
    "走账",
    "付款",
)


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().replace(" ", "")


def parse_workload(raw: object) -> float:
    """Person-days from ``3人月``, ``2周``, ``3天`` or a bare number; raises ValueError."""
    if isinstance(raw, bool):
        raise ValueError("not a workload")
    if isinstance(raw, (int, float)):
        value = float(raw)
    elif isinstance(raw, str):
        match = _WORKLOAD.match(_clean(raw))
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


def looks_like_elapsed_time(resource: str, workload: str) -> bool:
    """``审批`` with ``10天``: a waiting time more than an effort (``10人天`` says people, so it is not)."""
    match = _WORKLOAD.match(_clean(workload))
    unit = (match.group(2) or "") if match else ""
    return unit in _CALENDAR_UNITS and any(word in resource for word in _ELAPSED_WORK)


def is_implausible(person_days: float | None) -> bool:
    return person_days is not None and person_days > IMPLAUSIBLE_PERSON_MONTHS * MONTH_PERSON_DAYS

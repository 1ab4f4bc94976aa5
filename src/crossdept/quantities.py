"""Amounts in a unit (``8周``, ``30人天``, ``20万``, ``15%``), read the way people type them.

A negotiation is about one quantity in one unit. The unit is declared once (``周``), or taken from
the first amount that carries one; every other amount must carry the same unit or none, so ``3周``
next to ``20天`` is refused rather than silently compared. Money (元, 万元) is kept in 元 and read
with ``numbers.parse_amount``, which knows ``20万`` and ``1.5亿``; nothing converts between other
units (a 周 of work is not always 5 人天).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .fields import Reader, is_blank
from .numbers import format_count, format_yuan, parse_amount

MONEY_FACTORS = {"元": 1, "块": 1, "块钱": 1, "万元": 10_000, "万": 10_000, "亿元": 100_000_000, "亿": 100_000_000}
_ALIASES = {"％": "%", "人日": "人天", "工作日": "天", "天数": "天", "星期": "周", "个星期": "周", "礼拜": "周", "个礼拜": "周"}
# Units an amount may end with, longest first so 人天 is not read as 天 and 万元 not as 元.
UNITS = tuple(
    sorted(
        {
            "人天",
            "人周",
            "人月",
            "个月",
            "小时",
            "天",
            "周",
            "月",
            "年",
            "%",
            "个",
            "人",
            "台",
            "次",
            "单",
            "分",
            "家",
            "件",
            "位",
            "名",
            *_ALIASES,
            *MONEY_FACTORS,
        },
        key=len,
        reverse=True,
    )
)
_SUFFIX = re.compile(r"^(.*?\d\.?)(\D+)$")
MAX_UNIT = 10


@dataclass(frozen=True, slots=True)
class Unit:
    """``name`` as shown; ``factor`` turns a bare number into the value kept (万元: 1 → 10000元)."""

    name: str
    money: bool = False
    factor: float = 1

    def show(self, value: float) -> str:
        return format_yuan(value) if self.money else f"{format_count(value)}{self.name}"


def unit_of(name: str) -> Unit:
    """The unit for what someone typed as a unit (``万元``, ``％``, ``人日``, or any short word)."""
    name = _ALIASES.get(name, name)
    if name in MONEY_FACTORS:
        return Unit("元", True, MONEY_FACTORS[name])
    return Unit(name)


def split_unit(text: str) -> tuple[str, str]:
    """``3周`` → (``3``, ``周``); ``20万元`` → (``20``, ``万元``); ``20万人天`` → (``20万``, ``人天``);
    no unit it knows → (text, "") for ``parse_amount`` to judge."""
    compact = re.sub(r"\s+", "", text)
    match = _SUFFIX.match(compact)
    if not match:
        return compact, ""
    number, suffix = match.groups()
    for unit in UNITS:
        if suffix.endswith(unit):
            return number + suffix[: -len(unit)], unit
    return compact, ""


class UnitReader:
    """Reads amounts into one unit, collecting problems at each field like ``fields.Reader``."""

    def __init__(self, reader: Reader, declared: Unit | None) -> None:
        self.reader = reader
        self.unit = declared
        self.source = "unit" if declared else ""

    def amount(self, key: str, label: str) -> float | None:
        raw = self.reader.raw(key)
        if is_blank(raw):
            return None
        at = self.reader.at(key)
        if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
            self.reader.add(at, f"{label}应是一个数字")
            return None
        number, suffix = split_unit(raw) if isinstance(raw, str) else (raw, "")
        factor = self.unit.factor if self.unit and self.unit.money else 1  # a bare 20 in a 万元 negotiation is 20万
        if suffix in ("万", "亿") and self.unit and not self.unit.money:
            number, suffix = f"{number}{suffix}", ""  # 20万 人天: a multiplier, not a unit
        if suffix:
            typed = unit_of(suffix)
            if self.unit is None:
                self.unit, self.source = Unit(typed.name, typed.money), key
            elif typed.name != self.unit.name:
                self.reader.add(at, f"{label}的单位“{suffix}”和议题的单位“{self.unit.name}”不一致，请换算成{self.unit.name}再填")
                return None
            factor = typed.factor
        try:
            value = parse_amount(number) * factor
        except ValueError:
            self.reader.add(at, f"{label}应是一个数字，例如 8 或 20万（不要写成汉字）")
            return None
        if not math.isfinite(value):
            self.reader.add(at, f"{label}太大了，请检查数值")
            return None
        if value < 0:
            self.reader.add(at, f"{label}不能是负数")
            return None
        return value

"""Reading the numbers people type (``2,500``, ``20万``, ``1.5亿元``) and writing them the way the course does."""

from __future__ import annotations

import math
import re

_UNITS = {"": 1, "元": 1, "万": 10_000, "万元": 10_000, "亿": 100_000_000, "亿元": 100_000_000}
_NUMBER = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*(万元|亿元|万|亿|元)?$")


def parse_amount(raw: object) -> float:
    """A finite number from a JSON number or a typed string; raises ValueError otherwise."""
    if isinstance(raw, bool):
        raise ValueError("not a number")
    if isinstance(raw, (int, float)):
        value = float(raw)
    elif isinstance(raw, str):
        cleaned = raw.strip().replace(",", "").replace("，", "").replace(" ", "")
        match = _NUMBER.match(cleaned)
        if not match:
            raise ValueError("not a number")
        value = float(match.group(1)) * _UNITS[match.group(2) or ""]
    else:
        raise ValueError("not a number")
    if not math.isfinite(value):
        raise ValueError("not finite")
    return value


def _trim(value: float, places: int) -> str:
    text = f"{value:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_yuan(amount: float) -> str:
    """Money as the course writes it: 8000元, 2.5万, 600万, 1.2亿."""
    size = abs(amount)
    if size >= 100_000_000:
        return f"{_trim(amount / 100_000_000, 2)}亿"
    if size >= 10_000:
        return f"{_trim(amount / 10_000, 2)}万"
    return f"{_trim(amount, 2)}元"


def format_times(ratio: float) -> str:
    """A ratio as 倍: 25 → 25倍, 2.45 → 2.5倍."""
    return f"{_trim(ratio, 1)}倍"


def format_count(value: float) -> str:
    return _trim(value, 2)

"""Reading the numbers people type (``2,500``, ``20万``, ``20w``, ``5百万``, ``1.5亿元``, ``２０万``) and
writing them the way the course does.

Accepted: a decimal number, optionally signed, with thousands separators (``1,000`` or the
full-width ``1，000``), full-width digits (``２０``), then an optional multiplier — 十, 百, 千,
万 (or ``w``/``W``, as people type it on a phone), 百万, 千万, 亿, 万亿, ``k``/``K`` — and an optional
``元``/``块``. Anything else is refused rather than guessed.
"""

from __future__ import annotations

import math
import re
import unicodedata

_MULTIPLIERS = {
    "": 1,
    "十": 10,
    "百": 100,
    "千": 1_000,
    "k": 1_000,
    "万": 10_000,
    "w": 10_000,
    "十万": 100_000,
    "百万": 1_000_000,
    "千万": 10_000_000,
    "亿": 100_000_000,
    "万亿": 1_000_000_000_000,
}
# Longer multipliers first, so 百万 is not read as 百 followed by junk.
_MULTIPLIER = "|".join(sorted((m for m in _MULTIPLIERS if m), key=len, reverse=True))
_NUMBER = re.compile(rf"^([+-]?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)({_MULTIPLIER})?(?:元|块|块钱|人民币)?$")


def _normalise(text: str) -> str:
    """Full-width digits, signs and commas folded to ASCII (NFKC); spaces dropped; ``W``/``K`` lower-cased."""
    folded = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    return folded.replace("W", "w").replace("K", "k")


def parse_amount(raw: object) -> float:
    """A finite number from a JSON number or a typed string; raises ValueError otherwise."""
    if isinstance(raw, bool):
        raise ValueError("not a number")
    if isinstance(raw, (int, float)):
        value = float(raw)
    elif isinstance(raw, str):
        match = _NUMBER.match(_normalise(raw))
        if not match:
            raise ValueError("not a number")
        value = float(match.group(1).replace(",", "")) * _MULTIPLIERS[match.group(2) or ""]
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

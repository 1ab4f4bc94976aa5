"""Small helpers the three workbook tables share: skipping blank rows, tidy numbers, splitting lists."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .fields import Reader, is_blank

_ITEM_SEPARATORS = re.compile(r"[\n；;、+＋]+")


def filled_rows(reader: Reader, keys: Iterable[str]) -> Iterator[tuple[int, Reader]]:
    """Rows of ``reader["rows"]`` that have something in one of ``keys``; a table's empty last
    line is not an error (a row that is not an object is, and was recorded as such by ``rows``).
    Indices stay those of the request."""
    keys = tuple(keys)
    for index, row in reader.rows():
        if not all(is_blank(row.raw(k)) for k in keys):
            yield index, row


def tidy(value: float | None, places: int = 2) -> int | float | None:
    """66.0 → 66, 1.2345 → 1.23: numbers as a person would write them (and the same in every runtime)."""
    if value is None:
        return None
    rounded = round(float(value), places)
    return int(rounded) if rounded.is_integer() else rounded


def items(text: str) -> list[str]:
    """``需求文档、专人对接+公开表彰`` → three items; a sentence without separators stays one."""
    return [part.strip(" 　。，,") for part in _ITEM_SEPARATORS.split(text) if part.strip(" 　。，,")]


def key(text: str) -> str:
    """A name compared loosely: case, spaces and a trailing 部门/部 ignored (``IT部门`` = ``it部``)."""
    folded = re.sub(r"\s+", "", text).casefold()
    for suffix in ("部门", "部"):
        if folded.endswith(suffix) and len(folded) > len(suffix):
            return folded[: -len(suffix)]
    return folded

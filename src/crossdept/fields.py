"""Reading request data field by field, collecting every problem with its dotted path.

Handlers read through a ``Reader`` so that one pass reports all problems at once and a
bad field never hides the next one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Iterator

from .errors import InputError, Problem
from .numbers import parse_amount

MAX_TEXT = 5000
MAX_ROWS = 1000


def path(prefix: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{prefix}[{key}]"
    return f"{prefix}.{key}" if prefix else key


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


class Reader:
    """Typed access to one JSON object; problems are collected, not raised, until ``check``."""

    def __init__(self, data: object, prefix: str = "", problems: list[Problem] | None = None) -> None:
        self.prefix = prefix
        self.problems: list[Problem] = [] if problems is None else problems
        if isinstance(data, Mapping):
            self.data: Mapping[str, object] = data
        else:
            self.data = {}
            self.add(prefix, "应为一组字段（对象），收到的是" + describe(data))

    def add(self, field: str, message: str) -> None:
        self.problems.append(Problem(field or "data", message))

    def at(self, key: str) -> str:
        return path(self.prefix, key)

    def raw(self, key: str) -> object:
        return self.data.get(key)

    def number(self, key: str, label: str, *, required: bool = False, positive: bool = False) -> float | None:
        raw = self.data.get(key)
        if is_blank(raw):
            if required:
                self.add(self.at(key), f"请填写{label}")
            return None
        try:
            value = parse_amount(raw)
        except ValueError:
            self.add(self.at(key), f"{label}应是一个数字，例如 200、20万、20w 或 1.5亿")
            return None
        if value < 0:
            self.add(self.at(key), f"{label}不能是负数")
            return None
        if positive and value == 0:
            self.add(self.at(key), f"{label}必须大于 0")
            return None
        return value

    def text(self, key: str, label: str, *, required: bool = False, limit: int = MAX_TEXT) -> str:
        raw = self.data.get(key)
        if is_blank(raw):
            if required:
                self.add(self.at(key), f"请填写{label}")
            return ""
        if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
            self.add(self.at(key), f"{label}应是文字")
            return ""
        text = str(raw).strip()
        if len(text) > limit:
            self.add(self.at(key), f"{label}太长了（最多 {limit} 字）")
            return text[:limit]
        return text

    def choice(self, key: str, label: str, options: Mapping[str, str], *, required: bool = False) -> str | None:
        """One of ``options`` (accepted spelling → canonical value)."""
        text = self.text(key, label, required=required)
        if not text:
            return None
        canonical = options.get(text) or options.get(text.upper())
        if canonical is None:
            shown = "、".join(dict.fromkeys(options.values()))
            self.add(self.at(key), f"{label}只能是 {shown}")
        return canonical

    def date(self, key: str, label: str, *, required: bool = False) -> dt.date | None:
        text = self.text(key, label, required=required)
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.add(self.at(key), f"{label}应是日期，格式如 2026-03-01")
            return None

    def rows(self, key: str = "rows", *, limit: int = MAX_ROWS) -> Iterator[tuple[int, "Reader"]]:
        """Each row of a list field as its own Reader sharing this one's problem list."""
        raw = self.data.get(key)
        if raw is None:
            return
        if isinstance(raw, (str, bytes)) or not isinstance(raw, Sequence):
            self.add(self.at(key), "应是一个表格（行的列表）")
            return
        if len(raw) > limit:
            self.add(self.at(key), f"行数太多（最多 {limit} 行）")
            return
        for index, row in enumerate(raw):
            yield index, Reader(row, path(self.at(key), index), self.problems)

    def check(self) -> None:
        if self.problems:
            raise InputError(self.problems)


def describe(raw: object) -> str:
    if raw is None:
        return "空值"
    if isinstance(raw, bool):
        return "真假值"
    if isinstance(raw, (int, float)):
        return "数字"
    if isinstance(raw, str):
        return "文字"
    if isinstance(raw, (list, tuple)):
        return "列表"
    return "无法识别的内容"

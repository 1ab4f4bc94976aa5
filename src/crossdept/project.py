"""The project the three worksheets share: its name and, once known, its value in a sentence."""

from __future__ import annotations

from dataclasses import dataclass

from .fields import Reader
from .numbers import format_yuan, parse_amount
from .value import sentence_for

LABEL_NAME = "项目名称"
LABEL_VALUE = "项目价值"
LABEL_SPONSOR = "升级对象"


@dataclass(frozen=True, slots=True)
class Project:
    name: str = ""
    value: str = ""
    sponsor: str = ""

    def as_dict(self) -> dict[str, str]:
        """Only the keys that are filled, as a workbook stores them."""
        return {k: v for k, v in (("name", self.name), ("value", self.value), ("sponsor", self.sponsor)) if v}


def read_project(reader: Reader, key: str = "project") -> Project:
    """The optional ``project: {name, value, sponsor}`` of a request.

    ``value`` is a sentence (``年度价值约2000万``) or a bare number read as 元 a year; ``sponsor`` is
    whom an escalation brief addresses (``CEO``), 领导 when blank. A blank value falls back on the
    value calculator's sentence for ``value_inputs`` (the workbook's value sheet), when given.
    """
    raw = reader.raw(key)
    if raw is None:
        return Project()
    inner = Reader(raw, reader.at(key), reader.problems)
    name = inner.text("name", LABEL_NAME, limit=200)
    value = inner.text("value", LABEL_VALUE, limit=500)
    sponsor = inner.text("sponsor", LABEL_SPONSOR, limit=50)
    raw_value = inner.raw("value")
    if isinstance(raw_value, (int, float)) and not isinstance(raw_value, bool):
        try:
            value = f"年度价值约{format_yuan(parse_amount(raw_value))}"
        except ValueError:
            inner.add(inner.at("value"), "项目价值应是一句话或一个数字")
    if not value and inner.raw("value_inputs") is not None:
        value = sentence_for(inner.raw("value_inputs"))
    return Project(name, value, sponsor)

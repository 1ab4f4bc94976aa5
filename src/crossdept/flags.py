"""Findings about valid data: what a worksheet wants the user to look at, and where to read why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Flag:
    """One finding: ``row`` is the index in the request's rows, None for the sheet as a whole;
    ``topic`` is a ``playbook.TOPICS`` id naming the course section that explains it."""

    code: str
    row: int | None
    severity: Severity
    message: str
    topic: str

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "row": self.row, "severity": self.severity, "message": self.message, "topic": self.topic}


def ordered(flags: list[Flag]) -> list[dict[str, object]]:
    """Flags as dicts, most severe first, then by row (sheet-level last), keeping insertion order otherwise."""
    ranked = sorted(
        enumerate(flags),
        key=lambda item: (SEVERITY_ORDER[item[1].severity], item[1].row is None, item[1].row or 0, item[0]),
    )
    return [flag.as_dict() for _, flag in ranked]

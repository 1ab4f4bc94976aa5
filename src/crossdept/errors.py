"""Errors the core raises on purpose. Each carries data a user (or an author) can act on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input, at a dotted path such as ``rows[2].priority``."""

    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


class CrossdeptError(Exception):
    """Root of every error the core raises on purpose."""


class InputError(CrossdeptError):
    """A request's data has problems the user can fix; carries all of them at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.problems))


class DefinitionError(CrossdeptError):
    """A worksheet definition (``worksheets/*.yml``) is invalid; names every problem."""

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = "\n".join(f"  {p.field}: {p.message}" for p in self.problems)
        super().__init__(f"{source}: invalid worksheet definition\n{lines}")

"""The columns of the workbook's three tables as the core reads them.

Each column has the label the core names it by in its messages and, for a choice column, the
values it accepts. ``worksheets/*.yml`` describes the same columns for the page; the build checks
that the two agree (``definitions.py``), so a choice the page offers is never one the core refuses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from . import conflict, exchange, negotiation, resources, tracker, value
from .playbook import OBSTACLE_CHOICES, OBSTACLES, STANCE_CHOICES, STANCES, STATUS_CHOICES, STATUSES


@dataclass(frozen=True, slots=True)
class Choices:
    """The values a choice column offers (``canonical``, in order) and every spelling it accepts."""

    canonical: tuple[str, ...]
    accepts: Mapping[str, str]


COLUMNS: dict[str, Mapping[str, str]] = {
    "resources": resources.LABELS,
    "exchange": exchange.LABELS,
    "tracker": tracker.LABELS,
}

# Forms (one set of fields) the core reads, by worksheet id: field key → label.
FORM_FIELDS: dict[str, Mapping[str, str]] = {
    "value": value.LABELS,
    "conflict": conflict.LABELS,
    "negotiation": negotiation.LABELS,
}

CHOICES: dict[tuple[str, str], Choices] = {
    ("resources", "priority"): Choices(tuple(resources.PRIORITY_LABELS), resources.PRIORITIES),
    ("tracker", "stance"): Choices(tuple(s.label for s in STANCES), STANCE_CHOICES),
    ("tracker", "status"): Choices(STATUSES, STATUS_CHOICES),
    ("tracker", "obstacle"): Choices(tuple(o.label for o in OBSTACLES), OBSTACLE_CHOICES),
}


def choices(sheet: str, column: str) -> Choices | None:
    """The choices of a column, or None for a column the user types freely."""
    return CHOICES.get((sheet, column))

"""What the build adds to the core for the browser: the working calendar and the Excel writer.

- ``working_calendar(year)``: China's holidays and 调休 from a year before the build to two years
  after (``calendar_data``), baked into the manifest; every request sends it as ``calendar``.
- ``xlsx_wheels(src)``: the .xlsx export's two wheels, loaded into Pyodide only when a learner
  exports: ``crossdept_xlsx`` (ours, outside the core) and XlsxWriter, packed from the copy
  installed with the site's dependencies (pinned in constraints.txt), so the build needs no
  network and ships exactly the version the tests ran.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import xlsxwriter

import crossdept

from .calendar_data import china_calendar
from .wheel import Wheel, build_wheel

XLSX_MODULE = "crossdept_xlsx"


def working_calendar(year: int) -> dict[str, list[str]]:
    """The calendar the requests carry, for plans made around ``year`` (the build's)."""
    return china_calendar(year - 1, year + 2)


def _licenses(distribution: str) -> dict[str, bytes]:
    files = importlib.metadata.distribution(distribution).files or []
    return {f.name: f.read_binary() for f in files if "licen" in f.name.lower() or "licen" in str(f.parent).lower()}


def xlsx_wheels(src: Path) -> list[Wheel]:
    """XlsxWriter first (``crossdept_xlsx`` imports it), then ours."""
    writer = build_wheel(Path(xlsxwriter.__file__).parent, importlib.metadata.version("xlsxwriter"), _licenses("xlsxwriter"))
    return [writer, build_wheel(src / XLSX_MODULE, crossdept.__version__)]

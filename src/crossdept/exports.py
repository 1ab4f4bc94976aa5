"""Exports every worksheet shares: CSV that Excel opens safely, Markdown ready to paste into a report.

A worksheet describes what it exports as a ``Table`` and registers ``exporter(build, name)`` as
its ``export`` action. Request: ``{"worksheet", "action": "export", "format": "csv"|"markdown",
"data", "today"?}``; result: ``{"text", "filename"}``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from .errors import InputError, Problem
from .request import Request

FORMATS = {"csv": ".csv", "markdown": ".md"}
BOM = "\ufeff"
# Excel runs a cell that starts with one of these as a formula (OWASP "CSV injection"); tab and
# carriage return are on OWASP's list too because Excel strips them before looking.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True, slots=True)
class Section:
    """A titled block of Markdown after the table (a script, a brief); ``body`` is plain text."""

    title: str
    body: str


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    notes: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    project: str = ""
    csv_only_columns: int = 0  # trailing columns Markdown leaves out (long texts it shows as sections)


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def csv_safe(value: object) -> str:
    text = cell_text(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def to_csv(table: Table) -> str:
    """UTF-8 text with a BOM (so Excel reads Chinese) and CRLF rows; formula-like cells neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_safe(c) for c in table.columns])
    writer.writerows([csv_safe(c) for c in row] for row in table.rows)
    return BOM + buffer.getvalue()


def md_inline(value: object) -> str:
    """User text inside Markdown: ``<`` escaped so no tag can form (the rest stays readable as pasted)."""
    text = cell_text(value).replace("<", "&lt;")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def md_cell(value: object) -> str:
    """A table cell: pipes and backslashes escaped, line breaks as ``<br>``."""
    text = md_inline(value).replace("\\", "\\\\").replace("|", "\\|")
    return text.strip().replace("\n", "<br>")


def md_block(text: str, prefix: str = "> ") -> str:
    """A multi-line text as a Markdown blockquote, each line escaped."""
    return "\n".join((prefix + md_inline(line)).rstrip() for line in text.split("\n"))


def to_markdown(table: Table, level: int = 2) -> str:
    hashes = "#" * level
    lines = [f"{hashes} {md_inline(table.title)}", ""]
    width = len(table.columns) - table.csv_only_columns
    if table.rows:
        lines.append("| " + " | ".join(md_cell(c) for c in table.columns[:width]) + " |")
        lines.append("|" + "---|" * width)
        lines.extend("| " + " | ".join(md_cell(c) for c in row[:width]) + " |" for row in table.rows)
    else:
        lines.append("（还没有内容）")
    if table.notes:
        lines += ["", *(f"- {md_inline(note)}" for note in table.notes)]
    for section in table.sections:
        lines += ["", f"{hashes}# {md_inline(section.title)}", "", md_block(section.body)]
    return "\n".join(lines) + "\n"


def filename(name: str, project: str, request: Request, suffix: str) -> str:
    parts = [_UNSAFE_FILENAME.sub("_", project).strip(" ._")[:60], name, request.today.isoformat() if request.today else ""]
    return "-".join(p for p in parts if p) + suffix


def read_format(request: Request, allowed: tuple[str, ...] = tuple(FORMATS)) -> str:
    raw = request.options.get("format")
    if isinstance(raw, str) and raw.strip().lower() in allowed:
        return raw.strip().lower()
    shown = " 或 ".join(allowed)
    raise InputError([Problem("format", f"请选择导出格式：{shown}")])


def table_data(table: Table) -> dict[str, object]:
    """A table as plain data for a print view: every cell as text, the CSV-only columns left out."""
    width = len(table.columns) - table.csv_only_columns
    return {
        "title": table.title,
        "columns": list(table.columns[:width]),
        "rows": [[cell_text(c) for c in row[:width]] for row in table.rows],
        "notes": list(table.notes),
        "sections": [{"title": s.title, "body": s.body} for s in table.sections],
    }


def printer(build: Callable[[Request], Table]) -> Callable[[Request], dict]:
    """The ``print`` action for a worksheet whose ``build`` turns a request into a Table: what its
    page prints, the same table the exports write."""

    def print_view(request: Request) -> dict[str, object]:
        return table_data(build(request))

    return print_view


def exporter(build: Callable[[Request], Table], name: str) -> Callable[[Request], dict]:
    """The ``export`` action for a worksheet whose ``build`` turns a request into a Table."""

    def export(request: Request) -> dict[str, str]:
        fmt = read_format(request)
        table = build(request)
        text = to_csv(table) if fmt == "csv" else to_markdown(table)
        return {"text": text, "filename": filename(name, table.project, request, FORMATS[fmt])}

    return export

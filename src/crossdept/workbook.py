"""The whole workbook of one project: its versioned JSON format, import checks, shared departments, one report.

Format (version 3)::

    {"format": "crossdept-workbook", "version": 3,
     "project": {"name", "value"?, "sponsor"?},
     "worksheets": {"resources": {"rows": [...]}, "exchange": {"rows": [...]},
                    "tracker": {"rows": [...]}, "value": {...value inputs},
                    "conflict": {...conflict inputs}, "negotiation": {...negotiation inputs}},
     "skipped": {"exchange": ["法务部", …], "tracker": [...], "resources": [...]}}

``skipped`` keeps the learner's 忽略 decisions: per sheet, the departments named elsewhere that
the learner chose not to add to it (so they are not offered again). Version 1 had no ``skipped``;
version 2 had no conflict diagnosis or negotiation planner (a site that knew only version 2 would
drop them from an import, so files carrying them say version 3). Older files are migrated forward
(an existing ``skipped`` is kept, never dropped). Every message about a
row names it the way a learner sees it (``资源需求清单第 5 行：…``, see ``locations``); ``field``
keeps the dotted path.

Actions of the ``workbook`` worksheet (data = a workbook):

- ``check`` — refuses what is not a workbook (wrong format, a newer or unknown version, too
  large, wrong shapes) with Chinese errors; otherwise migrates it to the current version and
  returns ``{workbook, notes, problems, counts}``: the normalised workbook (every known column
  present, blanks as ""), ``notes`` on what was dropped, ``problems`` found by the worksheets
  (kept, not refused: an import never loses typed rows).
- ``departments`` — the departments named anywhere, and per sheet the ones it is missing as
  ``{department, owner}`` rows ready to pre-fill (those the learner skipped there left out), and
  ``skipped`` as in the workbook.
- ``example`` — data ``{date, workbook}``: the worked example with its dates moved to ``today``.
- ``report`` — ``{text, filename}``: one Markdown report (plan, matrix with scripts, tracker with brief).
- ``export`` — ``format`` ``json`` (the normalised workbook) or ``markdown`` (the report).
- ``tables`` — the report as data (titled tables, notes, scripts and brief) for the print view.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace

from . import conflict, exchange, locations, negotiation, resources, tracker, value
from .dates import add_days
from .errors import InputError, Problem
from .exports import Table, filename, md_inline, read_format, table_data, to_markdown
from .fields import MAX_ROWS, Reader, describe
from .locations import locate
from .project import Project, read_project
from .request import Request
from .sheet import key

FORMAT = "crossdept-workbook"
VERSION = 3
MAX_CHARS = 2_000_000
TABLES: dict[str, tuple[str, ...]] = {
    "resources": tuple(resources.LABELS),
    "exchange": tuple(exchange.LABELS),
    "tracker": tuple(tracker.LABELS),
}
# Sheets that are one set of fields, not rows: each form's field keys, in order.
FORM_KEYS: dict[str, tuple[str, ...]] = {
    "value": tuple(value.LABELS),
    "conflict": tuple(conflict.LABELS),
    "negotiation": tuple(negotiation.LABELS),
}
VALUE_KEYS = FORM_KEYS["value"]
FORMS: tuple[str, ...] = tuple(FORM_KEYS)


def _v1_to_v2(book: dict) -> dict:
    """Version 2 carries the 忽略 decisions; a version-1 file that already has them keeps them."""
    return {**book, "version": 2, "skipped": book.get("skipped") if book.get("skipped") is not None else {}}


def _v2_to_v3(book: dict) -> dict:
    """Version 3 adds two forms; a version-2 file simply has them blank."""
    return {**book, "version": 3}


# version n → its upgrade to n + 1; every older export stays importable.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2, 2: _v2_to_v3}


def _scalar(raw: object) -> bool:
    return raw is None or (isinstance(raw, (str, int, float)) and not isinstance(raw, bool))


def _version(raw: Mapping, problems: list[Problem]) -> int | None:
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        problems.append(Problem("version", "无法识别这个工作簿的版本"))
        return None
    if version > VERSION:
        problems.append(Problem("version", f"这个工作簿来自更新的课程版本（第 {version} 版），请先更新网站再导入"))
        return None
    return version


def _cells(row: object, at: str, columns: tuple[str, ...], problems: list[Problem], notes: list[str]) -> dict[str, object]:
    if not isinstance(row, Mapping):
        problems.append(Problem(at, locate(at, "每一行应是一组字段，收到的是" + describe(row))))
        return {}
    cells = {}
    for column in columns:
        raw = row.get(column)
        if not _scalar(raw):
            problems.append(Problem(f"{at}.{column}", locate(f"{at}.{column}", "应是文字或数字")))
        cells[column] = "" if raw is None or not _scalar(raw) else raw
    dropped = [str(k) for k in row if k not in columns]
    if dropped:
        notes.append(locate(at, f"已忽略未知字段 {'、'.join(dropped)}"))
    return cells


def _sheets(raw: object, problems: list[Problem], notes: list[str]) -> dict[str, object]:
    sheets = raw if isinstance(raw, Mapping) else {}
    if raw is not None and not isinstance(raw, Mapping):
        problems.append(Problem("worksheets", "应是一组工作表"))
    result: dict[str, object] = {}
    for name, columns in TABLES.items():
        at = f"worksheets.{name}"
        sheet = sheets.get(name) or {}
        rows = sheet.get("rows") if isinstance(sheet, Mapping) else None
        if not isinstance(sheet, Mapping) or (rows is not None and (isinstance(rows, (str, bytes)) or not isinstance(rows, Sequence))):
            problems.append(Problem(at, locate(at, "应包含一个表格（rows 列表）")))
            rows = []
        if rows and len(rows) > MAX_ROWS:
            problems.append(Problem(f"{at}.rows", locate(at, f"行数太多（最多 {MAX_ROWS} 行）")))
            rows = []
        result[name] = {"rows": [_cells(r, f"{at}.rows[{i}]", columns, problems, notes) for i, r in enumerate(rows or [])]}
    for name, keys in FORM_KEYS.items():
        at = f"worksheets.{name}"
        inputs = sheets.get(name) or {}
        if not isinstance(inputs, Mapping):
            problems.append(Problem(at, locate(at, "应是一组字段")))
            inputs = {}
        result[name] = {k: inputs[k] for k in keys if inputs.get(k) is not None and _scalar(inputs[k])}
    notes.extend(f"已忽略未知的工作表“{name}”" for name in sheets if name not in (*TABLES, *FORMS))
    return result


def _skipped(raw: object, problems: list[Problem], notes: list[str]) -> dict[str, list[str]]:
    """``{sheet: [department, …]}``, each list without blanks or repeats, in the order given."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        problems.append(Problem("skipped", locate("skipped", "应是每张表忽略的部门列表")))
        return {}
    result: dict[str, list[str]] = {}
    for sheet, departments in raw.items():
        at = f"skipped.{sheet}"
        if sheet not in TABLES:
            notes.append(f"忽略的部门：已忽略未知的工作表“{sheet}”")
            continue
        if isinstance(departments, (str, bytes)) or not isinstance(departments, Sequence) or len(departments) > MAX_ROWS:
            problems.append(Problem(at, locate(at, f"{locations.SHEETS[sheet]}忽略的部门应是一个部门名称的列表")))
            continue
        names = []
        for index, name in enumerate(departments):
            if not isinstance(name, str):
                problems.append(Problem(f"{at}[{index}]", locate(at, "部门名称应是文字")))
            elif name.strip() and name.strip() not in names:
                names.append(name.strip()[:100])
        if names:
            result[str(sheet)] = names
    return result


def normalise(raw: object) -> tuple[dict[str, object], list[str]]:
    """The workbook at the current version with every known field, and notes on what was dropped."""
    if not isinstance(raw, Mapping):
        raise InputError([Problem("data", "导入的内容不是课程工作簿（应是一个 JSON 对象）")])
    try:
        size = len(json.dumps(raw, ensure_ascii=False, allow_nan=False))
    except (TypeError, ValueError, RecursionError):
        raise InputError([Problem("data", "工作簿里有无法识别的内容")]) from None
    if size > MAX_CHARS:
        raise InputError([Problem("data", f"工作簿太大了（超过 {MAX_CHARS // 1_000_000} MB），无法导入")])
    if raw.get("format") != FORMAT:
        raise InputError([Problem("format", f"这不是本课程导出的工作簿（format 应为 {FORMAT}）")])
    problems: list[Problem] = []
    version = _version(raw, problems)
    if version is None:
        raise InputError(problems)
    book = dict(raw)
    for step in range(version, VERSION):
        book = MIGRATIONS[step](book)
    notes: list[str] = []
    reader = Reader(book, "", problems)
    project = read_project(reader)
    sheets = _sheets(book.get("worksheets"), problems, notes)
    skipped = _skipped(book.get("skipped"), problems, notes)
    notes.extend(f"已忽略未知字段“{k}”" for k in book if k not in ("format", "version", "project", "worksheets", "skipped"))
    if problems:
        raise InputError(problems)
    return {"format": FORMAT, "version": VERSION, "project": project.as_dict(), "worksheets": sheets, "skipped": skipped}, notes


# What each sheet is sent of the others, so its flags, scripts and brief reason across the tables.
_OTHERS = {"resources": ("tracker", "exchange"), "exchange": ("resources",), "tracker": ("resources",)}


def _request(name: str, action: str, book: dict, request: Request, project: Project) -> Request:
    sheets = book["worksheets"]
    if name in FORMS:
        data = sheets[name]
    else:
        data = {**sheets[name], "project": project.as_dict(), **{other: sheets[other]["rows"] for other in _OTHERS[name]}}
    return Request(name, action, data, request.today, {}, request.calendar)


def _project(book: dict, request: Request) -> Project:
    """The workbook's project; its value falls back on the value sheet's sentence."""
    return read_project(Reader({"project": {**book["project"], "value_inputs": book["worksheets"]["value"]}}))


def check(request: Request) -> dict[str, object]:
    book, notes = normalise(request.data)
    project = _project(book, request)
    problems = []
    runs = (
        ("resources", resources.plan),
        ("exchange", exchange.analyze_action),
        ("tracker", tracker.review),
        ("value", value.quantify),
        ("conflict", conflict.analyze),
        ("negotiation", negotiation.analyze),
    )
    for name, run in runs:
        try:
            run(_request(name, "check", book, request, project))
        except InputError as error:
            problems += [{"field": f"worksheets.{name}.{p.field}", "message": locate(p.field, p.message, name)} for p in error.problems]
    counts = {name: len(book["worksheets"][name]["rows"]) for name in TABLES}
    return {"workbook": book, "notes": notes, "problems": problems, "counts": counts}


def departments(request: Request) -> dict[str, object]:
    book, _ = normalise(request.data)
    seen: dict[str, dict[str, object]] = {}
    for sheet in TABLES:
        for row in book["worksheets"][sheet]["rows"]:
            name, owner = str(row.get("department", "")).strip(), str(row.get("owner", "")).strip()
            if not name:
                continue
            entry = seen.setdefault(key(name), {"department": name, "owner": "", "in": []})
            entry["owner"] = entry["owner"] or owner
            if sheet not in entry["in"]:
                entry["in"].append(sheet)
    listed = list(seen.values())
    skipped = {sheet: {key(name) for name in names} for sheet, names in book["skipped"].items()}
    missing = {
        sheet: [
            {"department": d["department"], "owner": d["owner"]}
            for d in listed
            if sheet not in d["in"] and key(d["department"]) not in skipped.get(sheet, set())
        ]
        for sheet in TABLES
    }
    return {"departments": listed, "missing": missing, "skipped": book["skipped"]}


_SECTIONS = (
    ("resources", resources.table, "资源需求清单（资源地图）"),
    ("exchange", exchange.table, "价值交换矩阵与交换话术"),
    ("tracker", tracker.table, "协调进度追踪与升级简报"),
    ("value", value.table, "价值测算"),
    ("conflict", conflict.table, "冲突诊断"),
    ("negotiation", negotiation.table, "谈判准备单"),
)
_NUMERALS = "一二三四五六七八九十"


def _tables(book: dict, request: Request, project: Project) -> Iterator[tuple[str, str, Table | None, tuple[Problem, ...], int]]:
    """Each table of the report as ``(sheet, title, table, problems, heading level)``; a sheet with
    bad input has no table, only its problems. The resource map by department follows the list.
    Sections are numbered as they appear: a form nobody filled has no place (and no number) in it."""
    shown = [(name, build, title) for name, build, title in _SECTIONS if name not in FORMS or any(str(v).strip() for v in book["worksheets"][name].values())]
    for number, (name, build, heading) in enumerate(shown):
        title = f"{_NUMERALS[number]}、{heading}"
        try:
            table = replace(build(_request(name, "export", book, request, project)), title=title)
        except InputError as error:
            yield name, title, None, error.problems, 2
            continue
        yield name, title, table, (), 2
        if name == "resources":
            plan = resources.plan(_request(name, "plan", book, request, project))
            yield name, "", resources.departments_table(plan), (), 3


def report_text(request: Request) -> tuple[str, str]:
    book, _ = normalise(request.data)
    project = _project(book, request)
    lines = [f"# {md_inline(project.name or '跨部门协调')} · 协调报告", ""]
    if request.today:
        lines.append(f"报告日期：{request.today.isoformat()}  ")
    if project.value:
        lines.append(f"项目价值：{md_inline(project.value)}")
    for name, title, table, problems, level in _tables(book, request, project):
        if table is None:
            items = [f"- {md_inline(locate(p.field, p.message, name))}" for p in problems]
            lines += ["", f"## {title}", "", f"这张表有 {len(items)} 处需要修改，改好后再生成报告：", "", *items]
        else:
            lines += ["", to_markdown(table, level=level).rstrip()]
    return "\n".join(lines) + "\n", project.name


def tables(request: Request) -> dict[str, object]:
    """The report as data, for a print view: ``{project, sections: [{sheet, title, level, columns,
    rows, notes, sections, problems}]}``, every cell as text (columns only CSV shows are left out)."""
    book, _ = normalise(request.data)
    project = _project(book, request)
    sections = []
    for name, title, table, problems, level in _tables(book, request, project):
        if table is None:
            sections.append(
                {
                    "sheet": name,
                    "title": title,
                    "level": level,
                    "columns": [],
                    "rows": [],
                    "notes": [],
                    "sections": [],
                    "problems": [{"field": p.field, "message": locate(p.field, p.message, name)} for p in problems],
                }
            )
            continue
        sections.append({"sheet": name, "level": level, **table_data(table), "problems": []})
    return {"project": {**project.as_dict(), "today": request.today.isoformat() if request.today else ""}, "sections": sections}


def report(request: Request) -> dict[str, str]:
    text, name = report_text(request)
    return {"text": text, "filename": filename("协调报告", name, request, ".md")}


def export(request: Request) -> dict[str, str]:
    fmt = read_format(request, ("json", "markdown"))
    if fmt == "markdown":
        return report(request)
    book, _ = normalise(request.data)
    text = json.dumps(book, ensure_ascii=False, indent=2) + "\n"
    return {"text": text, "filename": filename("工作簿", book["project"].get("name", ""), request, ".json")}


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def example(request: Request) -> dict[str, object]:
    """A worked example (``{date, workbook}`` as ``worksheets/workbook.yml`` has it) ready to load:
    every date moved by the days between ``date`` and ``today``, so its follow-ups are never stale."""
    reader = Reader(request.data)
    written = reader.text("date", "示例日期", required=True, limit=20)
    if request.today is None:
        reader.add("today", "需要今天的日期才能换算示例里的日期")
    reader.check()
    try:
        shift = request.today - dt.date.fromisoformat(written)
    except ValueError:
        raise InputError([Problem("date", "示例日期的格式应是 2026-03-01")]) from None
    book, _ = normalise(reader.raw("workbook"))
    for name in TABLES:
        for row in book["worksheets"][name]["rows"]:
            for column, cell in row.items():
                if isinstance(cell, str) and _ISO_DATE.match(cell):
                    moved = add_days(dt.date.fromisoformat(cell), shift.days)
                    row[column] = moved.isoformat() if moved else cell
    return {"workbook": book, "shift_days": shift.days}


ACTIONS = {"check": check, "departments": departments, "report": report, "export": export, "tables": tables, "example": example}

"""The workbook as spreadsheets: the data an .xlsx export writes, and CSV or .xlsx files read back.

Actions of the ``workbook`` worksheet:

- ``sheets`` — data = a workbook; ``{filename, sheets: [{name, columns, rows, note, headings?}]}``: a 项目
  sheet (字段 / 内容: the project's fields and the value calculator's inputs), then one sheet per
  tool laid out as its CSV export (with the analysis columns, 人天, 下次跟进, 交换话术 …), then the
  conflict diagnosis and the negotiation planner when filled in (字段 / 内容: every field as typed,
  then the analysis under its own labels). A tool whose rows have errors is written as typed,
  under its column labels, with a note: an export never refuses the learner's own data. Option
  ``sheet`` (``resources`` … ``negotiation``) gives that one sheet alone, as a tool page exports
  it. The core writes no file format itself (it stays standard library only): the browser hands
  this to ``crossdept_xlsx``, which writes it with XlsxWriter.
- ``import`` — data = ``{name, csv}`` (the file's text, already decoded) or ``{name, xlsx}`` (the
  file's bytes in base64): the tables it holds, recognised by sheet name or by header, as a
  workbook, checked like ``check`` does: ``{workbook, notes, problems, counts, sheets}``;
  ``sheets`` names what the file held (tools, ``project`` for a 项目 sheet, ``conflict`` and
  ``negotiation`` for their sheets, read by field label), so the page can replace only those. Unknown columns are left out with a note, the export's own analysis columns
  silently; cells Excel would have run as formulas, written with a leading ``'`` by our CSV, get
  their text back.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import re
from functools import cache

from . import conflict, exchange, locations, negotiation, resources, tracker, value, workbook
from .errors import InputError, Problem
from .exports import cell_text, filename
from .fields import MAX_ROWS
from .locations import locate
from .project import LABEL_NAME, LABEL_SPONSOR, LABEL_VALUE, Project
from .request import Request
from .xlsx_read import read_xlsx

PROJECT_SHEET = "项目"
PROJECT_COLUMNS = ("字段", "内容")
_PROJECT_FIELDS = {"name": LABEL_NAME, "value": LABEL_VALUE, "sponsor": LABEL_SPONSOR}
_BUILDERS = {"resources": resources.table, "exchange": exchange.table, "tracker": tracker.table}
# The forms written as sheets of their own: their fields' labels (what an import reads back) and their table.
_FORMS = {"conflict": (conflict.LABELS, conflict.table), "negotiation": (negotiation.LABELS, negotiation.table)}
ANALYSIS = "分析结果"
# What the ``sheet`` option may name: the sheets a tool's own page downloads as .xlsx.
ONE_SHEETS: tuple[str, ...] = (*_BUILDERS, *_FORMS)
# Headers the CSV export writes that differ from the column labels of the worksheet.
_ALIASES = {"resources": {"可替代": "alternative_for"}}
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_EXPORT_SUFFIX = re.compile(r"-(?:工作簿|资源需求清单|价值交换矩阵|协调进度追踪表)(?:-\d{4}-\d{2}-\d{2})?$")


def _number(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else cell_text(value)


def _project_rows(book: dict) -> list[list[str]]:
    rows = [[label, str(book["project"].get(key, ""))] for key, label in _PROJECT_FIELDS.items()]
    rows += [[label, cell_text(book["worksheets"]["value"].get(key, ""))] for key, label in value.LABELS.items()]
    return rows


def _only(request: Request) -> str | None:
    """The one sheet asked for (option ``sheet``), or None for the whole workbook."""
    only = request.options.get("sheet")
    if only is None:
        return None
    if only not in ONE_SHEETS:
        known = "、".join(locations.SHEETS[s] for s in ONE_SHEETS)
        raise InputError([Problem("sheet", f"只能导出这些表：{known}")])
    return str(only)


def _tool_sheet(name: str, book: dict, request: Request, project: Project) -> dict[str, object]:
    title = locations.SHEETS[name]
    try:
        table = _BUILDERS[name](workbook._request(name, "export", book, request, project))
    except InputError as error:
        labels = workbook.TABLES[name]
        typed = [[cell_text(row.get(k, "")) for k in labels] for row in book["worksheets"][name]["rows"]]
        columns = [_labels(name)[k] for k in labels]
        return {"name": title, "columns": columns, "rows": typed, "note": _typed_note(error, name)}
    rows = [[_number(c) for c in row] for row in table.rows]
    return {"name": title, "columns": list(table.columns), "rows": rows, "note": ""}


def _typed_note(error: InputError, name: str) -> str:
    first = locate(error.problems[0].field, error.problems[0].message, name)
    return f"这张表有 {len(error.problems)} 处需要修改（{first}），这里是原样填写的内容，没有分析结果。"


def _form_sheet(name: str, book: dict, request: Request) -> dict[str, object]:
    """A form laid out for reading: each field as typed (what an import reads back, by its label),
    then the analysis under labels of its own (a field's label is never reused, so nothing the
    tool worked out is read back as typed)."""
    labels, build = _FORMS[name]
    inputs = book["worksheets"][name]
    rows: list[list[object]] = [[label, cell_text(inputs.get(key, ""))] for key, label in labels.items()]
    sheet = {"name": locations.SHEETS[name], "columns": list(PROJECT_COLUMNS), "rows": rows, "note": ""}
    try:
        table = build(workbook._request(name, "export", book, request, workbook._project(book, request)))
    except InputError as error:
        return {**sheet, "note": _typed_note(error, name)}
    typed = {label: key for key, label in labels.items()}
    analysis: list[list[object]] = []
    for label, shown in table.rows:
        text = cell_text(shown)
        if label not in typed:
            analysis.append([label, text])
        elif text and not cell_text(inputs.get(typed[label], "")).strip():
            analysis.append([f"{label}（工具判断）", text])  # left blank, filled in by the tool
    analysis += [[section.title, section.body] for section in table.sections if section.title not in typed and section.body]
    analysis += [["提醒", note] for note in table.notes]
    if analysis:
        sheet["headings"] = [len(rows) + 1]  # the writer sets the 分析结果 line apart, as a heading
        rows += [["", ""], [ANALYSIS, ""], *analysis]
    return sheet


def _filled(values: dict) -> bool:
    return any(str(v).strip() for v in values.values())


def sheets(request: Request) -> dict[str, object]:
    only = _only(request)
    book, _ = workbook.normalise(request.data)
    project = workbook._project(book, request)
    out = [] if only else [{"name": PROJECT_SHEET, "columns": list(PROJECT_COLUMNS), "rows": _project_rows(book), "note": ""}]
    out += [_tool_sheet(name, book, request, project) for name in _BUILDERS if only in (None, name)]
    out += [_form_sheet(name, book, request) for name in _FORMS if only == name or (only is None and _filled(book["worksheets"][name]))]
    name = locations.SHEETS[only] if only else "工作簿"
    return {"filename": filename(name, book["project"].get("name", ""), request, ".xlsx"), "sheets": out}


def _labels(sheet: str) -> dict[str, str]:
    return {"resources": resources.LABELS, "exchange": exchange.LABELS, "tracker": tracker.LABELS}[sheet]


@cache
def _headers(sheet: str) -> tuple[dict[str, str], frozenset[str]]:
    """``(header → column key, the export's analysis headers to skip)`` for a tool."""
    known = {label: k for k, label in _labels(sheet).items()} | {k: k for k in _labels(sheet)} | _ALIASES.get(sheet, {})
    empty = Request(sheet, "export", {"rows": []})
    derived = frozenset(c for c in _BUILDERS[sheet](empty).columns if c not in known)
    return known, derived


def _clean(text: str) -> str:
    text = text.strip()
    # Our CSV writes "'=…" so Excel shows text, not a formula; the learner typed "=…".
    if text.startswith("'") and text[1:2] and text[1:2] in _FORMULA_STARTS:
        return text[1:]
    return text


def _which(name: str, header: list[str]) -> str | None:
    """The tool a sheet holds: by its name (as our export names it), else by the most known headers."""
    for sheet, title in locations.SHEETS.items():
        if sheet in _BUILDERS and name.strip() == title:
            return sheet
    scores = {sheet: sum(1 for h in header if h.strip() in _headers(sheet)[0]) for sheet in _BUILDERS}
    best = max(scores, key=lambda s: scores[s])
    return best if scores[best] >= 2 else None


def _table(sheet: str, rows: list[list[str]], notes: list[str]) -> list[dict[str, str]]:
    known, derived = _headers(sheet)
    header = [h.strip() for h in rows[0]]
    keys = [known.get(h) for h in header]
    unknown = [h for h, k in zip(header, keys, strict=True) if h and k is None and h not in derived]
    if unknown:
        notes.append(f"{locations.SHEETS[sheet]}：已忽略无法识别的列“{'”“'.join(unknown)}”")
    out = []
    for cells in rows[1:]:
        row = {k: _clean(c) for k, c in zip(keys, cells, strict=False) if k is not None}
        if any(row.values()):
            out.append({k: row.get(k, "") for k in workbook.TABLES[sheet]})
    return out


def _project_sheet(rows: list[list[str]], book: dict) -> None:
    by_label = {label: ("project", k) for k, label in _PROJECT_FIELDS.items()} | {label: ("value", k) for k, label in value.LABELS.items()}
    for cells in rows:
        if len(cells) >= 2 and cells[0].strip() in by_label:
            where, key = by_label[cells[0].strip()]
            text = _clean(cells[1])
            if text:
                (book["project"] if where == "project" else book["worksheets"]["value"])[key] = text


def _form_rows(name: str, rows: list[list[str]], book: dict) -> None:
    """A form's sheet read back: the rows whose first cell is one of its fields' labels, up to the analysis."""
    by_label = {label: key for key, label in _FORMS[name][0].items()}
    values = {}
    for cells in rows:
        head = cells[0].strip() if cells else ""
        if head == ANALYSIS:
            break
        if head in by_label and len(cells) >= 2 and _clean(cells[1]):
            values[by_label[head]] = _clean(cells[1])
    book["worksheets"][name] = values


def _grids(data: dict) -> list[tuple[str, list[list[str]]]]:
    if isinstance(data.get("csv"), str):
        text = data["csv"].removeprefix("\ufeff")
        try:
            rows = list(csv.reader(io.StringIO(text, newline="")))
        except csv.Error:
            raise InputError([Problem("csv", "无法读取这个 CSV 文件：请在 Excel 或 WPS 里另存为“CSV UTF-8（逗号分隔）”后再导入")]) from None
        return [("", rows)]
    if isinstance(data.get("xlsx"), str):
        try:
            content = base64.b64decode(data["xlsx"], validate=True)
            return read_xlsx(content, MAX_ROWS + 1)
        except (binascii.Error, ValueError) as error:
            message = str(error) if isinstance(error, ValueError) and not isinstance(error, binascii.Error) else "文件内容不完整"
            raise InputError([Problem("xlsx", message)]) from None
    raise InputError([Problem("data", "请选择一个 CSV 或 Excel（.xlsx）文件")])


def import_file(request: Request) -> dict[str, object]:
    data = request.data if isinstance(request.data, dict) else {}
    book = {"format": workbook.FORMAT, "version": workbook.VERSION, "project": {}, "worksheets": {s: {"rows": []} for s in workbook.TABLES}}
    book["worksheets"]["value"] = {}
    notes: list[str] = []
    found: list[str] = []
    for name, rows in _grids(data):
        rows = [r for r in rows if any(c.strip() for c in r)]
        if name.strip() == PROJECT_SHEET:
            _project_sheet(rows, book)
            found.append("project")
            continue
        form = next((f for f in _FORMS if name.strip() == locations.SHEETS[f]), None)
        if form:
            _form_rows(form, rows, book)
            found.append(form)
            continue
        sheet = _which(name, rows[0]) if rows else None
        if sheet is None:
            if rows:
                notes.append(f"已忽略工作表“{name}”：认不出它是哪张表" if name else "")
            continue
        if len(rows) - 1 > MAX_ROWS:
            raise InputError([Problem(f"worksheets.{sheet}.rows", locate(f"worksheets.{sheet}", f"行数太多（最多 {MAX_ROWS} 行）"))])
        book["worksheets"][sheet]["rows"] = _table(sheet, rows, notes)
        if sheet not in found:
            found.append(sheet)
    if not any(s in found for s in ONE_SHEETS):
        expected = "；".join(f"{locations.SHEETS[s]}：{'、'.join(list(_labels(s).values())[:3])}……" for s in _BUILDERS)
        raise InputError([Problem("data", f"认不出文件里的表格：第一行应是表头，和导出的文件一样（{expected}）")])
    if not book["project"].get("name"):
        stem = re.sub(r"\.(csv|xlsx)$", "", str(data.get("name") or ""), flags=re.IGNORECASE)
        stem = _EXPORT_SUFFIX.sub("", stem).strip()
        if stem:
            book["project"]["name"] = stem[:100]
    checked = workbook.check(Request("workbook", "check", book, request.today, {}, request.calendar))
    return {**checked, "notes": [n for n in notes if n] + checked["notes"], "sheets": found}


ACTIONS = {"sheets": sheets, "import": import_file}

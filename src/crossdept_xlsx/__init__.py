"""Writes the workbook's .xlsx export with XlsxWriter: the core gives the sheets, this gives the bytes.

Kept outside ``crossdept`` so the core stays standard library only. The site ships this package
and XlsxWriter as two small wheels; the browser's core worker loads them only when a learner
exports to Excel, then calls ``handle_json`` as it calls the core's. Each sheet: a bold header row
frozen in place, column widths from the longest line in each column (a CJK character counts two),
long texts wrapped, every cell written as a string or a number (never a formula, so a cell that
starts with ``=`` stays the learner's text).
"""

from __future__ import annotations

import base64
import io
import json
import unicodedata

import xlsxwriter

from crossdept.api import handle

MIN_WIDTH, MAX_WIDTH = 6, 60


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: wide (CJK, full-width) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_widths(columns: list[str], rows: list[list[object]]) -> list[int]:
    widths = []
    for index, header in enumerate(columns):
        lines = [header] + [line for row in rows if index < len(row) for line in str(row[index]).split("\n")]
        widths.append(max(MIN_WIDTH, min(MAX_WIDTH, max(display_width(line) for line in lines) + 2)))
    return widths


def write(sheets: list[dict]) -> bytes:
    """The .xlsx file of ``sheets`` ([{name, columns, rows, note, headings?}]) as bytes; ``headings``
    are indices of rows written like the header (a form's 分析结果 line)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False})
    head = book.add_format({"bold": True, "bg_color": "#E8EAF6", "border": 1, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    plain = book.add_format({"valign": "top"})
    for sheet in sheets:
        page = book.add_worksheet(sheet["name"][:31])
        columns, rows = sheet["columns"], sheet["rows"]
        widths = column_widths(columns, rows)
        for index, width in enumerate(widths):
            page.set_column(index, index, width)
        page.write_row(0, 0, columns, head)
        headings = set(sheet.get("headings", ()))
        for r, row in enumerate(rows, start=1):
            for c, cell in enumerate(row):
                if r - 1 in headings:
                    page.write_string(r, c, str(cell), head)
                elif isinstance(cell, (int, float)) and not isinstance(cell, bool):
                    page.write_number(r, c, cell, plain)
                else:
                    text = str(cell)
                    page.write_string(r, c, text, wrap if "\n" in text or display_width(text) > widths[c] else plain)
        page.freeze_panes(1, 0)
        if rows:
            page.autofilter(0, 0, len(rows), len(columns) - 1)
        if sheet.get("note"):
            page.write_string(len(rows) + 2, 0, sheet["note"])
    book.close()
    return buffer.getvalue()


def handle_json(request_json: str) -> str:
    """``{worksheet: "workbook", action: "sheets", data, today?, calendar?, sheet?}`` → ``{ok, result: {filename, base64, bytes, notes}}``
    or the core's errors, as JSON text (what the worker posts back)."""
    try:
        request = json.loads(request_json)
    except ValueError:
        return json.dumps({"ok": False, "errors": [{"field": "request", "message": "请求不是有效的 JSON"}]}, ensure_ascii=False)
    answer = handle({**request, "worksheet": "workbook", "action": "sheets"} if isinstance(request, dict) else request)
    if not answer["ok"]:
        return json.dumps(answer, ensure_ascii=False)
    sheets = answer["result"]["sheets"]
    content = write(sheets)
    notes = [f"{s['name']}：{s['note']}" for s in sheets if s.get("note")]
    result = {"filename": answer["result"]["filename"], "base64": base64.b64encode(content).decode("ascii"), "bytes": len(content), "notes": notes}
    return json.dumps({"ok": True, "result": result}, ensure_ascii=False)

"""Reading an .xlsx file with the standard library: its sheets as rows of text.

An .xlsx is a zip of XML parts (ECMA-376): ``xl/workbook.xml`` names the sheets, its ``_rels``
file says which part holds each, ``xl/sharedStrings.xml`` holds the text most cells point at, and
``xl/styles.xml`` says which cells are dates (Excel keeps dates as day numbers). Only what an
import needs is read: cell values, never formulas, macros or anything that could run.

The file comes from the learner, so it is treated as hostile: a size cap on every part (a zip
bomb stops early), no DTD accepted (no entity expansion), and every failure is a ``ValueError``
with a Chinese message the page shows as is.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile
from xml.etree import ElementTree

MAX_PART_BYTES = 20_000_000  # a 2 MB .xlsx unpacks to far less; more is not a workbook export
MAX_SHEETS = 50
_DATE_FORMATS = {14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58}
_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's 1900 date system, as every current Excel counts
_CELL = re.compile(r"^([A-Z]{1,3})(\d+)$")
_NOT_A_FILE = "这不是有效的 Excel 文件（.xlsx）：请在 Excel 或 WPS 里另存为 .xlsx 或 CSV UTF-8 后再导入"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(node: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return [child for child in node if _local(child.tag) == name]


def _part(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise ValueError("这个 Excel 文件的内容太大了，无法导入")
    data = archive.read(info)
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise ValueError(_NOT_A_FILE)
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError:
        raise ValueError(_NOT_A_FILE) from None


def _text(node: ElementTree.Element) -> str:
    """The text of a string item: its ``t``, or its rich-text runs' ``t`` joined (phonetic hints left out)."""
    direct = _children(node, "t")
    if direct:
        return "".join(t.text or "" for t in direct)
    return "".join(t.text or "" for r in _children(node, "r") for t in _children(r, "t"))


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    root = _part(archive, "xl/sharedStrings.xml")
    return [] if root is None else [_text(si) for si in _children(root, "si")]


def _date_styles(archive: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell formats that show a number as a date."""
    root = _part(archive, "xl/styles.xml")
    if root is None:
        return set()
    custom = set()
    for formats in _children(root, "numFmts"):
        for fmt in _children(formats, "numFmt"):
            code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", fmt.get("formatCode", "")).lower()
            if re.search(r"[dy]", code) or ("m" in code and not re.search(r"[hs]", code)):
                custom.add(int(fmt.get("numFmtId", "-1")))
    dates = set()
    for xfs in _children(root, "cellXfs"):
        for index, xf in enumerate(_children(xfs, "xf")):
            number_format = int(xf.get("numFmtId", "0"))
            if number_format in _DATE_FORMATS or number_format in custom:
                dates.add(index)
    return dates


def _number(raw: str, as_date: bool) -> str:
    value = float(raw)
    if as_date and 0 < value < 2_958_466:  # up to 9999-12-31
        return (_EPOCH + dt.timedelta(days=int(value))).isoformat()
    if value.is_integer():
        return str(int(value))
    return f"{value:.10g}"


def _column(ref: str) -> int | None:
    match = _CELL.match(ref or "")
    if not match:
        return None
    index = 0
    for letter in match.group(1):
        index = index * 26 + ord(letter) - 64
    return index - 1


def _cell(c: ElementTree.Element, strings: list[str], dates: set[int]) -> str:
    kind = c.get("t", "n")
    if kind == "inlineStr":
        inline = _children(c, "is")
        return _text(inline[0]) if inline else ""
    values = _children(c, "v")
    raw = (values[0].text or "") if values else ""
    if kind == "s":
        try:
            return strings[int(raw)]
        except (ValueError, IndexError):
            raise ValueError(_NOT_A_FILE) from None
    if kind == "b":
        return "是" if raw == "1" else "否"
    if kind in ("str", "e") or not raw:
        return raw
    try:
        return _number(raw, int(c.get("s", "0")) in dates)
    except ValueError:
        return raw


def _rows(root: ElementTree.Element, strings: list[str], dates: set[int], max_rows: int) -> list[list[str]]:
    rows: list[list[str]] = []
    for data in _children(root, "sheetData"):
        for row in _children(data, "row"):
            cells: list[str] = []
            for c in _children(row, "c"):
                at = _column(c.get("r", ""))
                at = len(cells) if at is None else at
                if at >= 1000:
                    continue  # far to the right of any column a tool has
                cells.extend([""] * (at + 1 - len(cells)))
                cells[at] = _cell(c, strings, dates)
            rows.append(cells)
            if len(rows) > max_rows:
                return rows
    return rows


def read_xlsx(content: bytes, max_rows: int) -> list[tuple[str, list[list[str]]]]:
    """Every sheet as ``(name, rows)``, each row its cells' text (at most ``max_rows`` + 1 rows read)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError):
        raise ValueError(_NOT_A_FILE) from None
    with archive:
        book = _part(archive, "xl/workbook.xml")
        if book is None:
            raise ValueError(_NOT_A_FILE)
        rels = _part(archive, "xl/_rels/workbook.xml.rels")
        targets = {} if rels is None else {r.get("Id"): r.get("Target", "") for r in rels if _local(r.tag) == "Relationship"}
        strings, dates = _shared_strings(archive), _date_styles(archive)
        sheets = []
        for group in _children(book, "sheets"):
            for sheet in _children(group, "sheet")[:MAX_SHEETS]:
                rel = next((v for k, v in sheet.attrib.items() if _local(k) == "id"), None)
                target = targets.get(rel, "")
                path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
                root = _part(archive, path) if target else None
                if root is not None:
                    sheets.append((sheet.get("name", ""), _rows(root, strings, dates, max_rows)))
        if not sheets:
            raise ValueError("这个 Excel 文件里没有工作表")
        return sheets

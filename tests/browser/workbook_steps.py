"""Steps the workbook browser tests share: opening a tool, filling a cell as a learner does,
loading the worked example, reading a download, and reading what the store holds."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.browser.conftest import CORE_TIMEOUT_MS, runtime_call, visit

XSS = "<img src=x onerror=alert(1)>"
TOOLS = {"resources": "资源需求清单", "exchange": "价值交换矩阵", "tracker": "协调进度追踪表", "workbook": "项目工作簿"}


def open_tool(page, site, tool: str):
    visit(page, site + f"tools/{tool}/")
    sheet = page.locator(f'[data-worksheet="{tool}"]')
    expect(sheet.locator(".cd-title")).to_be_visible()
    return sheet


def ready(sheet):
    expect(sheet).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
    return sheet


def cell(page, label: str, row: int):
    """The input of column ``label`` in row ``row`` (1-based), by its accessible name."""
    return page.get_by_label(f"{label}（第 {row} 行）", exact=True)


def add_row(sheet) -> None:
    # From the keyboard, as a keyboard user adds a row: a click is aimed at where the button was,
    # and on a loaded machine the core's flags for the row just typed can arrive between Playwright's
    # aim and its click, push the button down and take the click (a row that never came, twice).
    sheet.get_by_role("button", name="添加一行").press("Enter")


def fill_row(page, sheet, row: int, values: dict[str, str]) -> None:
    """Add a row and type each value into its cell; choices are picked from their list."""
    add_row(sheet)
    for label, value in values.items():
        field = cell(page, label, row)
        if field.evaluate("n => n.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)


def load_example(page, site):
    sheet = ready(open_tool(page, site, "workbook"))
    sheet.get_by_role("button", name="载入课程示例（智能服务升级）").click()
    expect(sheet.get_by_label("项目名称", exact=True)).to_have_value("智能服务升级")
    return sheet


def stored_workbook(page) -> dict:
    """The current project's workbook as exports write it (no row ids)."""
    return runtime_call(page, "rt.toWorkbook()")


def raw_store(page) -> str | None:
    """The stored projects record's data ({current, projects}) as text, as this page's store keeps it."""
    return runtime_call(page, "(() => { const raw = rt.store.record('workbook', {version: 1}).raw(); return raw && JSON.stringify(JSON.parse(raw).data); })()")


def download_bytes(page, button) -> tuple[str, bytes]:
    """Press a download button; the file's name and its bytes, or a failure that quotes what the
    page said instead. From the keyboard, as in ``add_row``: the export buttons sit under the
    results, which the core's answer can redraw taller between Playwright's aim and its click (a
    loaded run saw an .xlsx click land on the results and no download come)."""
    try:
        with page.expect_download(timeout=CORE_TIMEOUT_MS) as info:
            button.press("Enter")
    except PlaywrightTimeoutError as error:
        said = button.locator("xpath=ancestor::*[contains(@class, 'cd-actions') or contains(@class, 'cd-worksheet')][1]").inner_text()
        raise AssertionError(f"no download; the page says: {said!r}") from error
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def downloaded(page, button) -> tuple[str, str]:
    """Press a download button; the file's name and its text (bytes as sent: CRLF kept)."""
    name, content = download_bytes(page, button)
    return name, content.decode("utf-8")


def days_from_today(days: int) -> str:
    return (dt.date.today() + dt.timedelta(days=days)).isoformat()


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path

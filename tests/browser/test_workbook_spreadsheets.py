"""The workbook in spreadsheets, and the tools reasoning with the learner's own project: each tool
names what that project asks, of whom and by when, in working days that skip 中秋 and 国庆 and count
the 调休 Saturday; an .xlsx with one sheet per tool that Excel (here openpyxl) opens with the
learner's data, imported back as a project; a CSV saved by a Chinese Excel (GBK) replaces only its
own table; the JSON backup is readable Chinese and keeps the 忽略 decisions (issue 14)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import expect

from tests.browser.conflict_negotiation_steps import load_course_example, open_form
from tests.browser.conftest import CORE_TIMEOUT_MS
from tests.browser.own_project import (
    RESOURCES,
    TODAY,
    exchange_reasons_with_the_project,
    on_the_day,
    resource_list_reasons_with_the_project,
    tracker_reasons_with_the_project,
    type_project,
    type_table,
    type_whole_project,
)
from tests.browser.workbook_steps import download_bytes, downloaded, load_example, open_tool, ready, stored_workbook

pytestmark = pytest.mark.shared_page


def import_file(sheet, path: Path):
    sheet.locator("#cd-workbook-import").set_input_files(str(path))
    return sheet.locator(".cd-import-message")


def import_as_new_project(sheet, path: Path, content: bytes, holds: str) -> None:
    """Import ``content`` saved as ``path``: the message names what the file ``holds``, then it
    becomes a new project."""
    path.write_bytes(content)
    message = import_file(sheet, path)
    expect(message).to_contain_text(holds, timeout=CORE_TIMEOUT_MS)
    message.get_by_role("button", name="作为新项目导入").click()
    expect(message).to_contain_text("导入为新项目")


def filled(rows: list[dict]) -> list[str]:
    """Rows without blanks, comparable whatever order a file put them in."""
    return sorted(json.dumps({k: str(v) for k, v in row.items() if v != ""}, ensure_ascii=False, sort_keys=True) for row in rows)


def each_tool_reasons_with_the_project_and_downloads_its_own_sheet_as_xlsx_next_to_the_csv(page, site) -> None:
    expected = {
        "exchange": ("价值交换矩阵", "协作部门", lambda rows: [r[0] for r in rows] == ["IT部门", "区域销售部", "客服中心"], exchange_reasons_with_the_project),
        "resources": (
            "资源需求清单",
            "优先级",
            lambda rows: rows[0][:6] == ("P0", "上门取送车保险方案", "安心保险公司", "2026-10-12", "5天", 5),
            resource_list_reasons_with_the_project,
        ),
        "tracker": ("协调进度追踪表", "顺序", lambda rows: [r[1] for r in rows] == ["财务部", "IT部门"], tracker_reasons_with_the_project),
    }
    for tool, (title, first_column, rows_are_right, reasons_with_the_project) in expected.items():
        sheet = ready(open_tool(page, site, tool))
        reasons_with_the_project(sheet)
        bar = sheet.locator(".cd-export")
        expect(bar.get_by_role("button")).to_contain_text(["下载 CSV（Excel）", "下载 Excel（.xlsx）"])
        name, content = download_bytes(page, bar.get_by_role("button", name="下载 Excel（.xlsx）"))

        assert name == f"上门取送车-{title}-2026-09-21.xlsx"
        expect(bar).to_contain_text(f"已下载 {name}")
        book = openpyxl.load_workbook(io.BytesIO(content))
        assert book.sheetnames == [title], tool
        assert book[title].freeze_panes == "A2" and book[title]["A1"].value == first_column
        assert rows_are_right(list(book[title].iter_rows(min_row=2, values_only=True))), tool


# One project typed in (the costly part: every row through the grid): each tool reasons with the
# whole of it, as a learner's tools do, and it is downloaded as each tool's sheet and as the whole
# workbook, which then comes back as a project.
@pytest.mark.clock(TODAY)
def test_the_tools_reason_with_a_typed_project_that_downloads_as_xlsx_per_tool_and_as_one_workbook_that_comes_back_as_a_project(page, site, traffic, tmp_path):
    type_whole_project(page, site)
    typed = stored_workbook(page)
    each_tool_reasons_with_the_project_and_downloads_its_own_sheet_as_xlsx_next_to_the_csv(page, site)
    sheet = ready(open_tool(page, site, "workbook"))

    name, content = download_bytes(page, sheet.get_by_role("button", name="下载 Excel（.xlsx）"))

    assert name == "上门取送车-工作簿-2026-09-21.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["项目", "资源需求清单", "价值交换矩阵", "协调进度追踪表"]
    resources = book["资源需求清单"]
    assert [c.value for c in resources[1]] == ["优先级", "资源", "持有部门", "需求时间", "工作量", "人天", "关键人", "可替代"]
    assert all(book[s].freeze_panes == "A2" for s in book.sheetnames)
    assert resources.column_dimensions["B"].width >= 18  # 上门取送车保险方案: nine CJK characters, two columns each
    by_resource = {row[1]: row for row in resources.iter_rows(min_row=2, values_only=True)}
    assert by_resource["小程序及DMS接口"][:6] == ("P0", "小程序及DMS接口", "IT部门", "2026-11-13", "3人月", 66)
    assert by_resource["上门取送车保险方案"][2] == "安心保险公司"
    scripts = [row[6] for row in book["价值交换矩阵"].iter_rows(min_row=2, values_only=True)]
    assert any("小程序及DMS接口（工作量约3人月，11月13日前需要）" in s for s in scripts)
    assert ("项目名称", "上门取送车") in list(book["项目"].iter_rows(min_row=2, values_only=True))
    tracker = [row for row in book["协调进度追踪表"].iter_rows(min_row=2, values_only=True)]
    assert [row[1] for row in tracker] == ["财务部", "IT部门"]  # in the order of approach: allies first

    import_as_new_project(sheet, tmp_path / name, content, "项目信息，资源需求清单 3 行，价值交换矩阵 3 行，协调进度追踪表 2 行")
    expect(page.locator("#cd-project-workbook option")).to_have_text(["上门取送车", "上门取送车"])
    imported = stored_workbook(page)
    assert imported["project"] == typed["project"]
    for tool in ("resources", "exchange", "tracker"):
        assert filled(imported["worksheets"][tool]["rows"]) == filled(typed["worksheets"][tool]["rows"]), tool


def test_a_gbk_csv_saved_by_excel_replaces_only_its_own_table_and_bad_cells_are_named_by_row(page, site, traffic, tmp_path):
    sheet = load_example(page, site)
    before = stored_workbook(page)
    path = tmp_path / "资源需求清单.csv"
    lines = ["资源,持有部门,优先级,需求时间,工作量,关键人", "门店试点,区域销售部,P1,2099-10-30,2周,周经理", "'=保险方案,安心保险公司,P5,2099-10-12,5天,"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))

    message = import_file(sheet, path)

    expect(message).to_contain_text("资源需求清单 2 行", timeout=CORE_TIMEOUT_MS)
    expect(message).to_contain_text("已按 GBK 读取")
    expect(message.locator(".cd-import-problems")).to_contain_text("资源需求清单第 2 行：优先级只能是 P0、P1、P2")
    message.get_by_role("button", name="替换“智能服务升级”的资源需求清单").click()
    expect(message).to_contain_text("替换了资源需求清单")
    after = stored_workbook(page)
    assert [r["resource"] for r in after["worksheets"]["resources"]["rows"]] == ["门店试点", "=保险方案"]  # the CSV's ' guard is taken off
    assert after["worksheets"]["resources"]["rows"][1]["priority"] == "P5"  # kept as typed, flagged in the table
    assert after["worksheets"]["exchange"] == before["worksheets"]["exchange"] and after["project"] == before["project"]


@pytest.mark.clock(TODAY)
def test_the_json_backup_is_readable_chinese_and_keeps_the_ignore_decisions(page, site, traffic):
    on_the_day(page)
    type_project(page, site)
    type_table(page, site, "resources", RESOURCES)
    tracker = ready(open_tool(page, site, "tracker"))
    tracker.get_by_role("button", name="忽略“安心保险公司”，不加入本表").click()
    expect(tracker.get_by_role("button", name="忽略“安心保险公司”，不加入本表")).to_have_count(0)

    sheet = ready(open_tool(page, site, "workbook"))
    name, text = downloaded(page, sheet.get_by_role("button", name="下载整个工作簿（JSON）"))

    assert "\\u" not in text and '"name": "上门取送车"' in text
    assert json.loads(text)["skipped"] == {"tracker": ["安心保险公司"]}


@pytest.mark.clock(TODAY)
def test_the_workbook_xlsx_holds_the_conflict_and_negotiation_sheets_and_they_come_back(page, site, traffic, tmp_path):
    on_the_day(page)
    type_project(page, site)
    for tool in ("conflict", "negotiation"):
        load_course_example(page, ready(open_form(page, site, tool)))
    typed = stored_workbook(page)["worksheets"]
    negotiation = ready(open_tool(page, site, "negotiation"))
    _, alone = download_bytes(page, negotiation.get_by_role("button", name="下载 Excel（.xlsx）"))
    assert openpyxl.load_workbook(io.BytesIO(alone)).sheetnames == ["谈判准备单"]
    sheet = ready(open_tool(page, site, "workbook"))

    name, content = download_bytes(page, sheet.get_by_role("button", name="下载 Excel（.xlsx）"))

    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["项目", "资源需求清单", "价值交换矩阵", "协调进度追踪表", "冲突诊断", "谈判准备单"]
    conflict = dict(book["冲突诊断"].iter_rows(min_row=2, values_only=True))
    assert conflict["对方"] == "IT部门" and conflict["建议的处理方式"].startswith("合作") and "李总监" in conflict["开场白"]
    assert dict(book["谈判准备单"].iter_rows(min_row=2, values_only=True))["我的目标"] == "2"
    import_as_new_project(sheet, tmp_path / name, content, "冲突诊断，谈判准备单")
    imported = stored_workbook(page)["worksheets"]
    assert imported["negotiation"] == typed["negotiation"]
    assert imported["conflict"] == {k: v for k, v in typed["conflict"].items() if v}

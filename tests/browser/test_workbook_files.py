"""The workbook goes out and comes back in: a JSON file another browser imports as the same workbook,
the report, and imports that are refused, in Chinese, without touching what is there."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CORE_TIMEOUT_MS, check_traffic, reader_context, watch
from tests.browser.workbook_steps import downloaded, load_example, open_tool, raw_store, ready, stored_workbook, write_json

pytestmark = pytest.mark.shared_page


def import_file(sheet, path):
    sheet.locator("#cd-workbook-import").set_input_files(str(path))
    return sheet.locator(".cd-import-message")


def test_the_workbook_downloads_as_json_and_a_fresh_browser_imports_the_same_workbook(page, browser, site, traffic, tmp_path):
    sheet = load_example(page, site)
    name, text = downloaded(page, sheet.get_by_role("button", name="下载整个工作簿（JSON）"))
    exported = json.loads(text)
    assert name.startswith("智能服务升级-工作簿-") and name.endswith(".json")
    assert exported["format"] == "crossdept-workbook" and exported["version"] == 3
    assert [len(exported["worksheets"][s]["rows"]) for s in ("resources", "exchange", "tracker")] == [5, 4, 4]
    report_name, report = downloaded(page, sheet.get_by_role("button", name="下载协调报告（Markdown）"))
    assert report_name.endswith(".md") and report.startswith("# 智能服务升级 · 协调报告") and "### 升级简报" in report

    fresh = reader_context(browser)
    fresh_traffic = watch(fresh)
    other = fresh.new_page()
    other_sheet = ready(open_tool(other, site, "workbook"))
    message = import_file(other_sheet, write_json(tmp_path / name, exported))
    expect(message).to_contain_text("是项目“智能服务升级”的工作簿：资源需求清单 5 行，价值交换矩阵 4 行，协调进度追踪表 4 行", timeout=CORE_TIMEOUT_MS)
    message.get_by_role("button", name="替换当前项目“未命名项目”").click()

    expect(message).to_contain_text("已导入“智能服务升级”")
    imported = stored_workbook(other)
    for sheet_name in ("resources", "exchange", "tracker"):
        assert [{k: v for k, v in row.items() if v != ""} for row in imported["worksheets"][sheet_name]["rows"]] == [
            {k: v for k, v in row.items() if v != ""} for row in exported["worksheets"][sheet_name]["rows"]
        ]
    assert imported["project"] == exported["project"] and imported["worksheets"]["value"] == exported["worksheets"]["value"]
    check_traffic(fresh_traffic)
    fresh.close()


def test_broken_imports_are_refused_in_chinese_and_the_workbook_is_untouched(page, site, traffic, tmp_path):
    sheet = load_example(page, site)
    before = raw_store(page)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "crossdept-workbook", "version": 1, "project": ', encoding="utf-8")
    newer = write_json(tmp_path / "newer.json", {"format": "crossdept-workbook", "version": 99, "worksheets": {}})
    stranger = write_json(tmp_path / "stranger.json", {"name": "not a workbook"})
    huge = tmp_path / "huge.json"
    huge.write_text('{"format": "crossdept-workbook", "pad": "' + "x" * 2_100_000 + '"}', encoding="utf-8")

    for path, why in ((broken, "这不是有效的 JSON 文件"), (newer, "来自更新的课程版本"), (stranger, "这不是本课程导出的工作簿"), (huge, "文件太大了")):
        message = import_file(sheet, path)
        refusal = message.locator('[data-import="refused"]')
        expect(refusal).to_contain_text(why, timeout=CORE_TIMEOUT_MS)
        expect(refusal).to_contain_text("当前工作簿没有任何改动")
        assert raw_store(page) == before

    expect(sheet.get_by_label("项目名称", exact=True)).to_have_value("智能服务升级")


def test_a_valid_import_asks_first_and_can_become_a_project_of_its_own(page, site, traffic, tmp_path):
    sheet = load_example(page, site)
    book = stored_workbook(page)
    book["project"]["name"] = "门店预约改造"
    path = write_json(tmp_path / "other.json", book)

    message = import_file(sheet, path)
    message.get_by_role("button", name="取消").click()
    expect(message).to_contain_text("已取消导入")
    assert stored_workbook(page)["project"]["name"] == "智能服务升级"
    message = import_file(sheet, path)
    message.get_by_role("button", name="作为新项目导入").click()

    expect(sheet.get_by_label("项目名称", exact=True)).to_have_value("门店预约改造")
    options = page.locator("#cd-project-workbook option")
    expect(options).to_have_text(["智能服务升级", "门店预约改造"])
    page.locator("#cd-project-workbook").select_option(label="智能服务升级")
    expect(sheet.get_by_label("项目名称", exact=True)).to_have_value("智能服务升级")

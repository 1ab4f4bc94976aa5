"""Nothing typed is lost: reload, navigation, undo, a second tab, an old stored record, a failed Python
start; and user text stays text in the table, the results, the exports and the print view."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CORE_TIMEOUT_MS, reader_context, showing, visit
from tests.browser.workbook_steps import XSS, add_row, cell, downloaded, fill_row, load_example, open_tool, raw_store, ready, stored_workbook

pytestmark = pytest.mark.shared_page


def test_everything_typed_survives_a_reload_and_navigating_away_and_back(page, site, traffic):
    sheet = open_tool(page, site, "tracker")
    fill_row(page, sheet, 1, {"部门": "市场部门", "立场": "中立", "最新进展": "介绍了项目\n对方想看数据", "被拒次数": "1"})

    page.reload()

    expect(cell(page, "部门", 1)).to_have_value("市场部门")
    expect(cell(page, "立场", 1)).to_have_value("中立")
    expect(cell(page, "最新进展", 1)).to_have_value("介绍了项目\n对方想看数据")
    page.locator(".cd-projectbar a", has_text="资源需求清单").click()
    expect(page).to_have_url(showing(site + "tools/resources/"))
    page.go_back()
    expect(cell(page, "被拒次数", 1)).to_have_value("1")


def test_rows_move_and_a_deleted_row_comes_back_where_it_was(page, site, traffic):
    sheet = open_tool(page, site, "resources")
    for row, name in enumerate(("系统开发", "数据支持", "员工培训"), 1):
        fill_row(page, sheet, row, {"资源": name})

    sheet.get_by_role("button", name="上移第 3 行").click()
    sheet.get_by_role("button", name="删除第 1 行").click()

    expect(cell(page, "资源", 1)).to_have_value("员工培训")
    expect(sheet.locator(".cd-undo")).to_contain_text("已删除第 1 行“系统开发”")
    sheet.get_by_role("button", name="撤销删除").click()
    expect(cell(page, "资源", 1)).to_have_value("系统开发")
    assert [r["resource"] for r in stored_workbook(page)["worksheets"]["resources"]["rows"]] == ["系统开发", "员工培训", "数据支持"]


def test_two_tabs_on_the_same_workbook_see_each_others_edits_instead_of_overwriting_them(page, context, site, traffic):
    first = open_tool(page, site, "exchange")
    other = context.new_page()
    second = open_tool(other, site, "exchange")

    fill_row(page, first, 1, {"协作部门": "IT部门"})
    expect(cell(other, "协作部门", 1)).to_have_value("IT部门")
    expect(second.locator(".cd-notice")).to_contain_text("另一个标签页刚刚修改了这个工作簿")
    cell(other, "关键人", 1).fill("李总监")
    expect(cell(page, "关键人", 1)).to_have_value("李总监")
    cell(page, "他们的需求", 1).fill("展示部门价值")

    for tab in (page, other):
        rows = json.loads(raw_store(tab))["projects"][0]["workbook"]["worksheets"]["exchange"]["rows"]
        assert [{k: v for k, v in r.items() if k != "_id"} for r in rows] == [{"department": "IT部门", "owner": "李总监", "their_needs": "展示部门价值"}]
    other.close()


@pytest.mark.fresh_page  # a record the page finds stored when it first loads
def test_the_value_calculator_saved_before_projects_existed_becomes_part_of_the_first_project(page, context, site, traffic):
    context.add_init_script("""if (!localStorage.getItem('crossdept:workbook'))
        localStorage.setItem('crossdept:worksheet:value', JSON.stringify({version: 1, data: {lost_customers_per_month: '180', ltv: '2500'}}));""")

    visit(page, site + "tools/value/")

    expect(page.get_by_label("每月流失客户数")).to_have_value("180")
    assert stored_workbook(page)["worksheets"]["value"] == {"lost_customers_per_month": "180", "ltv": "2500"}
    page.get_by_label("需要的投入").fill("20万")
    page.reload()
    expect(page.get_by_label("需要的投入")).to_have_value("20万")
    expect(page.get_by_label("每月流失客户数")).to_have_value("180")


@pytest.mark.fresh_page  # a record the page finds stored when it first loads
def test_an_unreadable_stored_workbook_is_kept_aside_once_with_a_message_not_dropped(page, context, site, traffic):
    context.add_init_script("""if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1');
        localStorage.setItem('crossdept@/:workbook', '{"version": 1, "data": {"projects": [ broken'); }""")

    sheet = open_tool(page, site, "resources")

    expect(sheet.locator(".cd-notice")).to_contain_text("已损坏")
    page.reload()  # nothing was typed, so the broken text is still stored: reading it again adds no second copy

    expect(ready(sheet).locator(".cd-notice")).to_contain_text("已损坏")
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('crossdept@/:workbook:kept:'))")
    assert len(kept) == 1 and page.evaluate(f"localStorage.getItem('{kept[0]}')").endswith("broken")


@pytest.mark.allow_errors
@pytest.mark.fresh_page  # a core that cannot start
def test_when_pyodide_cannot_load_the_tables_still_edit_and_save_and_say_the_analysis_is_unavailable(page, site, traffic):
    page.route(re.compile(r".*pyodide\.asm\.wasm(\.gz)?$"), lambda route: route.fulfill(status=404, body="gone"))
    sheet = open_tool(page, site, "resources")

    fill_row(page, sheet, 1, {"资源": "系统开发", "优先级": "P0"})

    expect(sheet).to_have_attribute("data-core", "failed", timeout=CORE_TIMEOUT_MS)
    expect(sheet.locator(".cd-panel")).to_contain_text("分析结果暂时无法显示")
    expect(sheet.locator(".cd-status")).to_contain_text("计算核心没能启动")
    sheet.get_by_role("button", name="下载 CSV（Excel）").click()
    expect(sheet.locator(".cd-export")).to_contain_text("可以到“项目工作簿”页下载整个工作簿的 JSON 备份")
    page.reload()
    expect(cell(page, "资源", 1)).to_have_value("系统开发")
    expect(cell(page, "优先级", 1)).to_have_value("P0")


def test_user_text_stays_text_in_the_table_the_results_the_exports_and_the_print_view(page, site, traffic):
    alerts = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    sheet = open_tool(page, site, "resources")
    fill_row(page, sheet, 1, {"资源": XSS, "持有部门": XSS, "优先级": "P0"})

    ready(sheet)
    expect(sheet.locator(".cd-ranked")).to_contain_text(XSS, timeout=CORE_TIMEOUT_MS)
    # The request carries the other tables, so the core looks for a key person in all three.
    expect(sheet.locator("tr.cd-row-flags").first).to_contain_text(f"必需资源“{XSS}”在资源清单、价值交换矩阵和追踪表里都没有{XSS}的关键人")
    _, text = downloaded(page, sheet.get_by_role("button", name="下载 CSV（Excel）"))
    assert XSS in text
    _, markdown = downloaded(page, sheet.get_by_role("button", name="下载 Markdown"))
    assert "&lt;img src=x onerror=alert(1)>" in markdown and XSS not in markdown
    page.emulate_media(media="print")
    expect(sheet.locator(".cd-print-table")).to_contain_text(XSS)
    expect(sheet.locator(".cd-grid-wrap")).to_be_hidden()

    assert page.locator("img[src='x']").count() == 0
    assert alerts == []


def test_the_whole_workbook_prints_as_tables_with_the_scripts_and_the_brief(page, site, traffic):
    sheet = load_example(page, site)

    page.emulate_media(media="print")

    book = sheet.locator(".cd-print-book")
    expect(book).to_contain_text("三、协调进度追踪与升级简报", timeout=CORE_TIMEOUT_MS)
    expect(book.locator("h4", has_text="交换话术：IT部门")).to_be_visible()
    expect(book.locator("h4", has_text="升级简报")).to_be_visible()
    expect(sheet.get_by_role("button", name="下载整个工作簿（JSON）")).to_be_hidden()
    assert page.pdf(format="A4").startswith(b"%PDF")


def test_on_a_phone_each_row_is_a_card_and_nothing_overflows(browser, site):
    context = reader_context(browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    load_example(page, site)
    sheet = ready(open_tool(page, site, "tracker"))

    expect(sheet.locator(".cd-order li")).to_have_count(4, timeout=CORE_TIMEOUT_MS)
    expect(sheet.locator("tr.cd-ready")).to_have_count(1)  # 外部, from the resource list: the grid was re-drawn
    expect(sheet.locator('tr.cd-row-flags [data-code="escalate"]')).to_be_visible()
    row = sheet.locator("tr.cd-row").first
    assert row.evaluate("r => getComputedStyle(r).display") == "grid"
    assert sheet.locator(".cd-grid thead").evaluate("h => getComputedStyle(h).display") == "none"
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    box = cell(page, "下一步", 1).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    add_row(sheet)
    expect(cell(page, "部门", 5)).to_be_focused()
    context.close()

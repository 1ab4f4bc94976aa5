"""The tables feel like a spreadsheet: dates typed as people write them, keys that move between
cells, a block pasted from Excel, undo, results that never show what the inputs no longer say, and
two tabs that never mix their typing. A project of the tests' own: a charging-pile installation
service with an outside installer, not the course example."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CORE_TIMEOUT_MS, visit, wait_for_runtime
from tests.browser.test_pages import load_axe
from tests.browser.workbook_steps import add_row, cell, downloaded, open_tool, raw_store, ready, stored_workbook

pytestmark = pytest.mark.shared_page

PROJECT_ROWS = (
    "充电桩安装预约系统\tIT部门\t必需\t1月15日\t3人月\t周工\r\n安装商结算流程\t财务部\tP1 重要\t\t2周\t\r\n合同模板\t法务部\t必须\t2/10\t10天\t陈律师\r\n"
)


def focused(page) -> str:
    return page.evaluate("document.activeElement.getAttribute('aria-label') || document.activeElement.textContent")


def store_sees(page, owner: str) -> None:
    """Wait until this page's store holds `owner` as the first exchange row's key person (another tab's save arrived)."""
    wait_for_runtime(page, "rt.toWorkbook().worksheets.exchange.rows[0]?.owner === arg", owner)


def paste(page, text: str) -> None:
    """Paste as the browser does after Ctrl+V with `text` on the clipboard (copied from a spreadsheet)."""
    page.evaluate(
        """(text) => { const data = new DataTransfer(); data.setData('text/plain', text);
        document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); }""",
        text,
    )


def test_a_relative_date_shows_the_day_it_means_and_an_impossible_one_stays_with_its_message_after_a_reload(page, site, traffic):
    sheet = open_tool(page, site, "resources")
    add_row(sheet)
    page.keyboard.type("充电桩安装预约系统")
    for key, text in (("ArrowRight", "IT部门"), ("ArrowRight", None), ("ArrowRight", "3天后")):
        page.keyboard.press(key)
        if text:
            page.keyboard.type(text)
    add_row(sheet)
    page.keyboard.type("安装商结算流程")
    cell(page, "需求时间", 2).fill("02/30/2026")

    ready(sheet)
    in_three_days = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    expect(sheet.locator('tr[data-row] td[data-key="needed_by"] .cd-cell-hint').first).to_contain_text(f"即 {in_three_days}", timeout=CORE_TIMEOUT_MS)
    error = sheet.locator('td[data-key="needed_by"] .cd-cell-error:not([hidden])')
    expect(error).to_have_text("需求时间“02/30/2026”：2026年2月没有30日（这个月只有 28 天）")
    expect(sheet.locator(".cd-partial")).to_contain_text("第 2 行还有标红的格子")
    expect(sheet.locator(".cd-ranked")).to_contain_text("充电桩安装预约系统")  # the valid row keeps its analysis
    assert stored_workbook(page)["worksheets"]["resources"]["rows"][1]["needed_by"] == "02/30/2026"

    name, text = downloaded(page, sheet.get_by_role("button", name="下载 CSV（Excel）"))
    exported = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [r[1] for r in exported[1:]] == ["充电桩安装预约系统"]
    expect(sheet.locator(".cd-export")).to_contain_text(f"已下载 {name}；第 2 行有标红的格子，没有导出")

    page.reload()

    expect(cell(page, "需求时间", 2)).to_have_value("02/30/2026")
    expect(cell(page, "需求时间", 1)).to_have_value("3天后")
    expect(page.locator('td[data-key="needed_by"] .cd-cell-error:not([hidden])')).to_contain_text("2026年2月没有30日", timeout=CORE_TIMEOUT_MS)


def test_arrows_and_enter_move_between_cells_enter_on_the_last_row_adds_one_and_tab_leaves_the_grid(page, site, traffic):
    sheet = open_tool(page, site, "resources")
    add_row(sheet)

    page.keyboard.type("接口开发")
    page.keyboard.press("ArrowLeft")  # inside the text: the caret moves, the cell stays
    assert focused(page) == "资源（第 1 行）"
    page.keyboard.press("End")
    page.keyboard.press("ArrowRight")
    assert focused(page) == "持有部门（第 1 行）"
    page.keyboard.type("IT部门")
    page.keyboard.press("Enter")  # the last row: a new row, same column
    expect(cell(page, "持有部门", 2)).to_be_focused()
    page.keyboard.type("财务部")
    page.keyboard.press("ArrowUp")
    expect(cell(page, "持有部门", 1)).to_be_focused()
    page.keyboard.press("Enter")
    expect(cell(page, "持有部门", 2)).to_be_focused()
    for _ in range(6):
        page.keyboard.press("Enter")
    expect(cell(page, "持有部门", 8)).to_be_focused()

    page.keyboard.press("Tab")  # the grid is one stop: the next one is the button under it

    expect(sheet.get_by_role("button", name="添加一行")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(cell(page, "持有部门", 8)).to_be_focused()
    assert [r.get("department", "") for r in stored_workbook(page)["worksheets"]["resources"]["rows"]] == ["IT部门", "财务部"] + [""] * 6


def test_enter_on_delete_keeps_the_focus_in_the_table_on_the_row_that_took_its_place(page, site, traffic):
    sheet = open_tool(page, site, "resources")
    for name in ("接口开发", "结算流程", "合同模板"):
        add_row(sheet)
        page.keyboard.type(name)
    delete = sheet.get_by_role("button", name="删除第 2 行")
    delete.focus()

    page.keyboard.press("Enter")

    expect(sheet.get_by_role("button", name="删除第 2 行")).to_be_focused()
    expect(cell(page, "资源", 2)).to_have_value("合同模板")
    page.keyboard.press("Enter")
    expect(sheet.get_by_role("button", name="删除第 1 行")).to_be_focused()  # the last row went: the one above
    page.keyboard.press("Control+z")
    expect(cell(page, "资源", 2)).to_have_value("合同模板")
    expect(sheet.get_by_role("button", name="撤销删除")).to_be_visible()  # the first deletion is still there to undo
    page.keyboard.press("Control+z")
    expect(cell(page, "资源", 2)).to_have_value("结算流程")
    expect(sheet.locator(".cd-undo")).to_be_hidden()


def press_until_focused(page, key: str, name: str, most: int = 12) -> None:
    """Press ``key`` until the control named ``name`` has the focus, as a learner moving along a row."""
    for _ in range(most):
        if focused(page) == name:
            return
        page.keyboard.press(key)
    assert focused(page) == name


def test_ctrl_alt_minus_deletes_the_row_keeping_the_column_and_delete_works_on_the_row_buttons_and_clears_a_choice(page, site, traffic):
    sheet = open_tool(page, site, "resources")
    add_row(sheet)
    for name in ("接口开发", "结算流程", "合同模板", "门店试点"):
        page.keyboard.type(name)
        page.keyboard.press("ArrowRight")
        page.keyboard.type(f"{name}部门")
        page.keyboard.press("Enter")  # down; on the last row a new row
        page.keyboard.press("ArrowLeft")
    for _ in range(3):
        page.keyboard.press("ArrowUp")
    page.keyboard.press("End")
    page.keyboard.press("ArrowRight")
    expect(cell(page, "持有部门", 2)).to_be_focused()

    page.keyboard.press("Control+Alt+Minus")  # from a cell: the row goes, the cursor stays in its column

    expect(cell(page, "持有部门", 2)).to_be_focused()
    expect(cell(page, "持有部门", 2)).to_have_value("合同模板部门")
    expect(sheet.locator(".cd-undo")).to_contain_text("已删除第 2 行“结算流程”")
    page.keyboard.press("End")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("p")  # a list cell takes the choice its first letter picks
    expect(cell(page, "优先级", 2)).to_have_value("P0")
    page.keyboard.press("Delete")  # and Delete clears it, deleting no row
    expect(cell(page, "优先级", 2)).to_have_value("")
    expect(cell(page, "资源", 2)).to_have_value("合同模板")
    press_until_focused(page, "ArrowRight", "删除第 2 行")
    page.keyboard.press("Delete")  # on a row's button, Delete deletes the row
    expect(sheet.get_by_role("button", name="删除第 2 行")).to_be_focused()
    expect(cell(page, "资源", 2)).to_have_value("门店试点")
    for _ in range(2):  # 门店试点, then the blank last row: the focus goes up a row
        page.keyboard.press("Control+Alt+Minus")
    expect(sheet.get_by_role("button", name="删除第 1 行")).to_be_focused()
    page.keyboard.press("Control+Alt+Minus")
    expect(sheet.get_by_role("button", name="添加一行")).to_be_focused()  # no row left
    expect(sheet.locator(".cd-empty")).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # 撤销删除 brings back the last row deleted
    expect(sheet.get_by_role("button", name="删除第 1 行")).to_be_focused()
    expect(cell(page, "资源", 1)).to_have_value("接口开发")
    assert [(r.get("resource", ""), r.get("priority", "")) for r in stored_workbook(page)["worksheets"]["resources"]["rows"]] == [("接口开发", "")]


def test_a_block_pasted_from_a_spreadsheet_fills_the_grid_maps_choices_and_is_undone_in_one_step(page, site, traffic):
    sheet = open_tool(page, site, "resources")
    add_row(sheet)
    page.keyboard.type("已有的一行")
    page.keyboard.press("Enter")

    paste(page, PROJECT_ROWS)

    rows = stored_workbook(page)["worksheets"]["resources"]["rows"]
    assert [(r["resource"], r["department"], r["priority"], r["needed_by"], r["workload"]) for r in rows[1:]] == [
        ("充电桩安装预约系统", "IT部门", "P0", "1月15日", "3人月"),
        ("安装商结算流程", "财务部", "P1", "", "2周"),
        ("合同模板", "法务部", "P0", "2/10", "10天"),
    ]
    expect(cell(page, "优先级", 2)).to_have_value("P0")
    expect(cell(page, "关键人", 4)).to_have_value("陈律师")
    expect(sheet.locator(".cd-edit-note")).to_contain_text("已粘贴 3 行")
    expect(cell(page, "资源", 2)).to_be_focused()
    ready(sheet)
    expect(sheet.locator(".cd-ranked li")).to_have_count(4, timeout=CORE_TIMEOUT_MS)

    page.keyboard.press("Control+z")

    expect(sheet.locator("tr.cd-row[data-row]")).to_have_count(2)
    assert [r.get("resource", "") for r in stored_workbook(page)["worksheets"]["resources"]["rows"]] == ["已有的一行", ""]
    page.keyboard.press("Control+y")
    expect(sheet.locator("tr.cd-row[data-row]")).to_have_count(4)


def test_typing_in_one_cell_is_undone_as_one_change(page, site, traffic):
    sheet = open_tool(page, site, "tracker")
    add_row(sheet)
    page.keyboard.type("工程部")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.type("赵经理")

    page.keyboard.press("Control+z")

    expect(cell(page, "关键人", 1)).to_have_value("")
    expect(cell(page, "部门", 1)).to_have_value("工程部")
    expect(sheet.locator(".cd-edit-note")).to_contain_text("已撤销上一处修改")


@pytest.mark.fresh_page  # the page's clock is paused by the test (a clock cannot be uninstalled)
def test_results_not_yet_recomputed_after_an_edit_are_marked_and_cannot_be_copied_until_the_answer(page, site, traffic):
    sheet = open_tool(page, site, "exchange")
    add_row(sheet)
    page.keyboard.type("IT部门")
    results, copy = sheet.locator(".cd-results"), sheet.get_by_role("button", name="复制话术")
    expect(sheet.locator(".cd-partner .cd-card-title")).to_have_text("IT部门", timeout=CORE_TIMEOUT_MS)  # the last key's answer: none is pending
    expect(copy).to_be_enabled()
    page.clock.install()
    page.clock.pause_at(dt.datetime.now() + dt.timedelta(seconds=1))  # the page's timers wait for the test: the edit below cannot reach the core yet

    page.keyboard.press("ArrowRight")
    page.keyboard.type("李总监")

    expect(results).to_have_attribute("data-state", "stale")
    expect(copy).to_be_disabled()
    expect(results).not_to_have_attribute("data-slow", "true")  # not faded: a short wait does not flicker
    expect(sheet.locator(".cd-partner .cd-script")).not_to_contain_text("李总监")
    page.clock.resume()  # the edit goes to the core
    expect(sheet.locator(".cd-partner .cd-script")).to_contain_text("李总监，您好。", timeout=CORE_TIMEOUT_MS)
    expect(results).to_have_attribute("data-state", "current")
    expect(copy).to_be_enabled()


def test_two_tabs_typing_in_the_same_cell_never_mix_characters_and_both_versions_are_kept(page, context, site, traffic):
    first = open_tool(page, site, "exchange")
    add_row(first)
    page.keyboard.type("外部安装商")
    other = context.new_page()
    second = open_tool(other, site, "exchange")
    expect(cell(other, "协作部门", 1)).to_have_value("外部安装商")
    cell(page, "关键人", 1).focus()
    cell(other, "关键人", 1).focus()

    for a, b in zip("AAA", "BBB", strict=True):  # each tab's save reaches the other before the next key
        page.keyboard.type(a)
        store_sees(other, cell(page, "关键人", 1).input_value())
        other.keyboard.type(b)
        store_sees(page, cell(other, "关键人", 1).input_value())
    expect(cell(page, "关键人", 1)).to_have_value("AAA")
    expect(cell(other, "关键人", 1)).to_have_value("BBB")
    page.keyboard.press("Tab")

    expect(cell(page, "关键人", 1)).to_have_value("AAA ／ BBB")
    expect(first.locator('td[data-key="owner"] .cd-cell-note')).to_contain_text("两个版本都保留在格子里")
    store_sees(other, "AAA ／ BBB")
    other.keyboard.press("Tab")
    expect(cell(other, "关键人", 1)).to_have_value("AAA ／ BBB")
    expect(second.locator('td[data-key="owner"] .cd-cell-note')).to_contain_text("两个版本都保留在格子里")
    rows = json.loads(raw_store(page))["projects"][0]["workbook"]["worksheets"]["exchange"]["rows"]
    assert rows[0]["owner"] == "AAA ／ BBB"
    other.close()


def test_a_project_created_in_another_tab_does_not_change_the_project_this_tab_shows(page, context, site, traffic):
    sheet = open_tool(page, site, "exchange")
    add_row(sheet)
    page.keyboard.type("客服中心")
    other = context.new_page()
    second = open_tool(other, site, "exchange")
    second.get_by_role("button", name="新建项目").click()
    other.get_by_label("新项目名称").fill("另一个项目")
    other.get_by_label("新项目名称").press("Enter")
    expect(other.locator(".cd-project-select option:checked")).to_have_text("另一个项目")
    expect(cell(other, "协作部门", 1)).to_have_count(0)

    page.keyboard.type("（售后）")

    expect(cell(page, "协作部门", 1)).to_have_value("客服中心（售后）")
    expect(page.locator(".cd-project-select option:checked")).to_have_text("未命名项目")
    page.reload()
    expect(cell(page, "协作部门", 1)).to_have_value("客服中心（售后）")
    other.close()


def test_the_value_calculator_clears_its_figures_and_copy_when_a_field_turns_invalid_and_reads_20w(page, site, traffic):
    visit(page, site + "tools/value/")
    sheet = page.locator('[data-worksheet="value"]')
    page.get_by_label("每月流失客户数").fill("200")
    page.get_by_label("每位客户每年价值（LTV）").fill("2500")
    page.get_by_label("需要的投入").fill("20w")
    page.get_by_label("预计带来的收入").fill("5百万")
    expect(sheet).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
    expect(sheet.locator('[data-output="annual_loss_display"]')).to_have_text("600万")
    expect(sheet.locator('[data-output="roi_display"]')).to_have_text("25倍")
    copy = sheet.locator(".cd-output", has=page.locator('[data-output="sentence"]')).get_by_role("button", name="复制")
    expect(copy).to_be_enabled()

    page.get_by_label("每位客户每年价值（LTV）").fill("很多")

    expect(sheet.locator('[data-field="ltv"] .cd-error')).to_be_visible()
    expect(sheet.locator('[data-output="annual_loss_display"]')).to_have_text("")
    expect(sheet.locator('[data-output="sentence"]')).to_have_text("")
    expect(copy).to_be_disabled()
    expect(sheet.locator(".cd-outputs")).to_have_attribute("data-state", "cleared")


def test_a_filled_grid_with_messages_hints_and_flags_has_no_serious_accessibility_violation(page, site, traffic):
    sheet = open_tool(page, site, "resources")
    add_row(sheet)
    paste(page, PROJECT_ROWS + "试点门店培训\t区域销售部\tP1\t02/30/2026\t3天后\t\r\n")
    ready(sheet)
    expect(sheet.locator(".cd-partial")).to_contain_text("第 4 行", timeout=CORE_TIMEOUT_MS)
    load_axe(page)

    violations = page.evaluate("async () => (await axe.run(document.querySelector('[data-worksheet]'), {resultTypes: ['violations']})).violations")

    assert [f"{v['id']}: {v['help']}" for v in violations if v["impact"] in ("serious", "critical")] == []
    assert page.locator(".cd-grid [tabindex='0']").count() == 1  # one tab stop in the grid

"""A learner runs a project through the three tools: the core's flags, suggestions, script and brief
appear as they type, departments flow from one tool to the next, and each tool exports."""

from __future__ import annotations

import csv
import io

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CORE_TIMEOUT_MS
from tests.browser.workbook_steps import cell, days_from_today, downloaded, fill_row, load_example, open_tool, ready, stored_workbook

pytestmark = pytest.mark.shared_page


def test_a_p0_resource_without_a_key_person_is_flagged_at_its_row_with_the_section_that_teaches_it(page, site, traffic):
    sheet = open_tool(page, site, "resources")

    fill_row(page, sheet, 1, {"资源": "系统开发", "持有部门": "IT部门", "优先级": "P0", "需求时间": days_from_today(30), "工作量": "3人月"})

    ready(sheet)
    flags = sheet.locator("tr.cd-row-flags").first
    # The request carries the project's other tables, so the core looks for a key person in all three.
    expect(flags).to_contain_text("都没有IT部门的关键人", timeout=CORE_TIMEOUT_MS)
    link = flags.locator('[data-code="p0_no_key_person"] a')
    expect(link).to_have_attribute("href", site + "kp325/six-steps/#step-1")
    expect(sheet.locator(".cd-ranked")).to_contain_text("系统开发")
    expect(sheet.locator("svg.cd-chart-bars")).to_have_attribute("aria-label", "各部门负担：IT部门 66 人天 · 100% · 必需 1 项")
    expect(sheet.locator("svg.cd-chart-timeline")).to_be_visible()


def test_bad_input_gets_the_cores_message_at_the_cell_and_keeps_what_was_typed(page, site, traffic):
    sheet = open_tool(page, site, "resources")

    fill_row(page, sheet, 1, {"资源": "数据支持", "工作量": "很多"})

    ready(sheet)
    workload = cell(page, "工作量", 1)
    expect(workload).to_have_attribute("aria-invalid", "true", timeout=CORE_TIMEOUT_MS)
    expect(sheet.locator('td[data-key="workload"] .cd-cell-error')).to_contain_text("工作量应是数字加单位")
    expect(workload).to_have_value("很多")

    workload.fill("3天")

    expect(workload).not_to_have_attribute("aria-invalid", "true")


def test_a_suggestion_is_added_with_one_click_and_the_pitch_can_be_copied(page, context, site, traffic):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    sheet = open_tool(page, site, "exchange")

    fill_row(page, sheet, 1, {"协作部门": "IT部门", "关键人": "李总监"})
    ready(sheet)
    chip = sheet.get_by_role("button", name="把“安排专人对接，减少来回沟通”加入IT部门（李总监）的“我能给予”")
    chip.click()

    expect(cell(page, "我能给予", 1)).to_have_value("安排专人对接，减少来回沟通")
    script = sheet.locator(".cd-partner .cd-script")
    expect(script).to_contain_text("李总监，您好。", timeout=CORE_TIMEOUT_MS)
    expect(script).to_contain_text("- 安排专人对接，减少来回沟通")
    sheet.get_by_role("button", name="复制话术").click()
    expect(sheet.get_by_role("button", name="已复制")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()").startswith("李总监，您好。")


def test_a_card_updated_in_place_after_an_edit_copies_the_new_pitch_and_adds_the_suggestion_it_now_shows(page, context, site, traffic):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    sheet = open_tool(page, site, "exchange")
    fill_row(page, sheet, 1, {"协作部门": "IT部门", "关键人": "李总监"})
    card = sheet.locator(".cd-partner")
    expect(card.locator(".cd-script")).to_contain_text("李总监，您好。", timeout=CORE_TIMEOUT_MS)
    card.evaluate("node => { node.keptMark = true; }")  # a property, not an attribute: only the same node keeps it

    cell(page, "关键人", 1).fill("王总监")
    expect(card.locator(".cd-script")).to_contain_text("王总监，您好。")
    sheet.get_by_role("button", name="复制话术").click()

    assert card.evaluate("node => node.keptMark === true")  # the card was updated in place, not replaced
    expect(sheet.get_by_role("button", name="已复制")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()").startswith("王总监，您好。")
    cell(page, "协作部门", 1).fill("财务部")
    expect(card.locator(".cd-card-title")).to_have_text("财务部（王总监）")
    chip = card.locator(".cd-chip[data-target=i_give]").first
    idea = chip.locator("span").last.inner_text()
    chip.click()
    expect(cell(page, "我能给予", 1)).to_have_value(idea)


def test_the_tracker_orders_the_approach_writes_the_brief_and_exports_the_follow_ups_as_a_calendar(page, site, traffic):
    sheet = open_tool(page, site, "tracker")

    fill_row(
        page, sheet, 1, {"部门": "培训部门", "立场": "盟友", "状态": "已同意", "关键人": "张经理", "最近联系": days_from_today(-3), "下一步": "确认第一批名单"}
    )
    fill_row(
        page,
        sheet,
        2,
        {
            "部门": "IT部门",
            "立场": "对立",
            "状态": "受阻",
            "关键人": "李总监",
            "最近联系": days_from_today(-20),
            "当前障碍": "太忙",
            "被拒次数": "2",
            "下一步": "请CEO协调优先级",
        },
    )

    ready(sheet)
    expect(sheet.locator(".cd-order li").first).to_contain_text("培训部门", timeout=CORE_TIMEOUT_MS)
    expect(sheet.locator(".cd-order li").last).to_contain_text("IT部门")
    expect(sheet.locator('tr.cd-row-flags [data-code="followup_due"]')).to_contain_text("已经 20 天没联系了")
    brief = sheet.locator(".cd-card", has_text="升级简报").locator(".cd-script")
    expect(brief).to_contain_text("需要您的支持")
    expect(sheet.locator("svg.cd-chart-map")).to_have_attribute("aria-label", "利益相关方地图（立场 × 状态）：盟友·已同意：培训部门；对立·受阻：IT部门")
    name, text = downloaded(page, sheet.get_by_role("button", name="导出到日历（.ics）"))
    assert name.endswith(".ics")
    assert text.startswith("BEGIN:VCALENDAR") and text.count("BEGIN:VEVENT") == 2
    assert "SUMMARY:【已逾期】跟进IT部门（李总监）：请CEO协调优先级" in text.replace("\r\n ", "")


def test_departments_entered_in_one_tool_wait_as_ready_rows_in_the_others(page, site, traffic):
    resources = open_tool(page, site, "resources")
    fill_row(page, resources, 1, {"资源": "数据支持", "持有部门": "数据部门", "优先级": "P0", "关键人": "王总监"})

    sheet = ready(open_tool(page, site, "exchange"))
    waiting = sheet.locator("tr.cd-ready")
    expect(waiting).to_have_count(1, timeout=CORE_TIMEOUT_MS)
    page.get_by_label("他们的需求（待加入的“数据部门”）").fill("数据安全")

    expect(cell(page, "协作部门", 1)).to_have_value("数据部门")
    expect(cell(page, "关键人", 1)).to_have_value("王总监")
    expect(cell(page, "他们的需求", 1)).to_have_value("数据安全")
    expect(cell(page, "他们的需求", 1)).to_be_focused()
    expect(waiting).to_have_count(0)
    assert stored_workbook(page)["worksheets"]["exchange"]["rows"] == [{"department": "数据部门", "owner": "王总监", "their_needs": "数据安全"}]


def test_the_worked_example_exports_as_excel_safe_csv_and_markdown(page, site, traffic):
    load_example(page, site)
    sheet = ready(open_tool(page, site, "resources"))
    expect(sheet.locator(".cd-ranked li")).to_have_count(5, timeout=CORE_TIMEOUT_MS)

    name, text = downloaded(page, sheet.get_by_role("button", name="下载 CSV（Excel）"))
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert text.startswith("\ufeff") and name.startswith("智能服务升级-资源需求清单-") and name.endswith(".csv")
    assert rows[0][:3] == ["优先级", "资源", "持有部门"]
    assert [r[1] for r in rows[1:]] == ["数据支持", "系统开发", "员工培训", "市场推广", "外部培训机构"]

    name, text = downloaded(page, sheet.get_by_role("button", name="下载 Markdown"))
    assert name.endswith(".md") and "## 资源需求清单" in text and "| P0 | 系统开发 | IT部门 |" in text

"""Small things a learner noticed (issue 14): no stray "null" on a page or in a printed empty table,
a date long past does not pile the timeline's dates on each other, an implausible workload is
commented on at its row."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CORE_TIMEOUT_MS
from tests.browser.workbook_steps import fill_row, open_tool, ready

pytestmark = pytest.mark.shared_page

TEXT_WITH_NULL = """root => { const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); const found = [];
  while (walk.nextNode()) if (walk.currentNode.textContent.includes("null")) found.push(walk.currentNode.parentElement.className); return found; }"""


def test_the_value_page_and_a_printed_empty_table_show_no_null(page, site, traffic):
    value = ready(open_tool(page, site, "value"))
    assert value.evaluate(TEXT_WITH_NULL) == []

    sheet = ready(open_tool(page, site, "resources"))
    page.emulate_media(media="print")

    expect(sheet.locator(".cd-print-only")).to_contain_text("资源需求清单 · 未命名项目")
    assert sheet.evaluate(TEXT_WITH_NULL) == []


def test_a_date_years_past_keeps_the_timeline_dates_apart_and_its_bar_on_the_chart(page, site, traffic):
    sheet = open_tool(page, site, "resources")
    fill_row(page, sheet, 1, {"资源": "系统开发", "持有部门": "IT部门", "优先级": "P0", "需求时间": "2020-01-15", "工作量": "3天", "关键人": "李总监"})
    fill_row(page, sheet, 2, {"资源": "数据支持", "持有部门": "数据部门", "优先级": "P1", "需求时间": "2099-01-15", "工作量": "3天", "关键人": "王总监"})

    chart = sheet.locator("svg.cd-chart-timeline")
    expect(chart).to_have_attribute("aria-label", "资源时间线：系统开发（P0）2020-01-15 前到位；数据支持（P1）2099-01-15 前到位", timeout=CORE_TIMEOUT_MS)

    ticks = chart.locator(".cd-chart-tick").evaluate_all("ts => ts.map(t => { const b = t.getBBox(); return [b.x, b.x + b.width]; })")
    assert 2 <= len(ticks) <= 20, ticks
    assert all(left >= previous_right for (_, previous_right), (left, _) in zip(ticks, ticks[1:], strict=False))
    bars = chart.locator(".cd-chart-bar").evaluate_all("bs => bs.map(b => [Number(b.getAttribute('x')), Number(b.getAttribute('width'))])")
    width = float(chart.get_attribute("width"))
    assert all(x >= 0 and x + w <= width + 1 for x, w in bars)


def test_a_workload_of_1000_person_months_gets_the_cores_note_at_its_row(page, site, traffic):
    sheet = open_tool(page, site, "resources")

    fill_row(page, sheet, 1, {"资源": "门店试点", "持有部门": "区域销售部", "优先级": "P1", "需求时间": "2099-03-20", "工作量": "1000人月"})

    ready(sheet)
    expect(sheet.locator('tr.cd-row-flags [data-code="workload_implausible"]')).to_contain_text("超过 100 人月", timeout=CORE_TIMEOUT_MS)

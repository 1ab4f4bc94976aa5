"""The tools reason with the learner's own project across its tables and China's working calendar:
the script names the ask and its deadline, the brief the blocked P0 resource, the resource list the
P0 nobody follows up, and working days skip 中秋 and 国庆 and count the 调休 Saturday (issue 14)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CORE_TIMEOUT_MS
from tests.browser.own_project import EXCHANGE, RESOURCES, TODAY, TRACKER, on_the_day, type_project, type_table

pytestmark = [pytest.mark.shared_page, pytest.mark.clock(TODAY)]


def test_the_resource_list_flags_a_p0_whose_department_nobody_tracks_counting_holidays_and_make_up_days(page, site, traffic):
    on_the_day(page)
    type_project(page, site)
    type_table(page, site, "tracker", TRACKER)

    sheet = type_table(page, site, "resources", RESOURCES)

    insurer = sheet.locator('tr.cd-row-flags [data-code="p0_not_tracked"]')
    expect(insurer).to_contain_text("必需资源“上门取送车保险方案”的持有部门安心保险公司还不在协调进度追踪表里", timeout=CORE_TIMEOUT_MS)
    # 9-22 … 10-12: 15 weekdays, less 中秋 (9-25) and 国庆 (10-1, 10-2, 10-5, 10-6, 10-7), plus Saturday 10-10 worked (调休).
    expect(insurer).to_contain_text("只剩 10 个工作日")
    expect(sheet.locator('[data-code="p0_no_key_person"]')).to_contain_text("都没有安心保险公司的关键人")
    # IT's 66 person-days against 9-22 … 11-13: 39 weekdays, less the six holidays, plus the 调休 Saturday.
    expect(sheet.locator('[data-code="workload_exceeds_time"]').first).to_contain_text("离需求时间只有 34 个工作日")
    expect(sheet.locator('[data-code="p0_not_tracked"]')).to_have_count(1)  # IT is in the tracker


def test_the_brief_names_the_blocked_p0_resource_its_deadline_and_the_learners_risk(page, site, traffic):
    on_the_day(page)
    type_project(page, site)
    type_table(page, site, "resources", RESOURCES)

    sheet = type_table(page, site, "tracker", TRACKER)

    brief = sheet.locator(".cd-script").last
    expect(brief).to_contain_text("王总您好", timeout=CORE_TIMEOUT_MS)
    expect(brief).to_contain_text("必需资源“小程序及DMS接口”要在 11月13日前到位，还剩 34 个工作日，工作量约 66 人天。")
    expect(brief).to_contain_text("对方婉拒过 3 次")
    expect(brief).to_contain_text("我们看到的风险：接口晚于11月13日，上线要推迟。")
    expect(sheet.locator('[data-code="escalate"]')).to_contain_text("IT部门符合升级的条件")


def test_the_scripts_name_the_ask_and_deadline_and_empty_exchanges_are_flagged(page, site, traffic):
    on_the_day(page)
    type_project(page, site)
    type_table(page, site, "resources", RESOURCES)

    sheet = type_table(page, site, "exchange", EXCHANGE)

    it, sales = sheet.locator('.cd-partner[data-row="0"] .cd-script'), sheet.locator('.cd-partner[data-row="1"] .cd-script')
    expect(it).to_contain_text("这次想请你们支持的是：小程序及DMS接口（工作量约3人月，11月13日前需要）", timeout=CORE_TIMEOUT_MS)
    expect(it).to_contain_text("“上门取送车”的价值：年度新增售后产值约600万。")
    expect(sales).to_contain_text("5家门店试点（工作量约2周，10月30日前需要）")
    expect(sales).to_contain_text("能不能先从“选5家意愿强的店试点”这一步开始？")
    expect(sheet.locator('[data-code="placeholder_give"]')).to_contain_text("客服中心的“我能给予”写的是“无”")
    expect(sheet.locator('[data-code="thanks_only_get"]')).to_contain_text("只有一句“感谢”")

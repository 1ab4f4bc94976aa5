"""A learner rates themself on the nine elements and sees their profile, weakest area and plan."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CORE_TIMEOUT_MS, visit

pytestmark = pytest.mark.shared_page

# Conflict management averages 2.33 against 4 and 4: it is the weakest capability.
RATINGS = {
    "influence.expertise": 4,
    "influence.network": 4,
    "influence.value": 4,
    "conflict.detection": 2,
    "conflict.interests": 3,
    "conflict.design": 2,
    "negotiation.needs": 3,
    "negotiation.options": 4,
    "negotiation.tactics": 5,
}


def rate(sheet, ratings):
    for element, value in ratings.items():
        sheet.locator(f'[data-element="{element}"] input[value="{value}"]').check()


def test_known_ratings_give_the_expected_weakest_capability_chart_plan_and_dated_result(page, site, traffic):
    visit(page, site + "check/capability/")
    sheet = page.locator('[data-worksheet="capability"]')

    rate(sheet, RATINGS)

    expect(sheet).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
    expect(sheet.locator(".cd-weakest strong")).to_have_text("冲突管理")
    expect(sheet.locator(".cd-weakest")).to_contain_text("平均 2.33 分")
    chart = sheet.locator("svg.cd-bar-chart")
    expect(chart.locator(".cd-bar-value")).to_have_text(["4 分", "2.33 分", "4 分"])
    expect(chart.locator(".cd-bar-weakest .cd-bar-label")).to_have_text("冲突管理")
    plan = sheet.locator(".cd-plan > li")
    expect(plan).to_have_count(3)
    expect(plan.first).to_have_attribute("data-element", "conflict.detection")
    expect(plan.nth(1).locator(".cd-reread a")).to_have_attribute("href", site + "kp325/six-steps/#step-3")
    expect(plan.nth(1).locator(".cd-reread a")).to_have_text("重读：第3步：设计交换方案")
    today = dt.date.today().isoformat()
    history = sheet.locator(".cd-cap-history tbody tr")
    expect(history).to_have_count(1)
    expect(history.first).to_contain_text(today)
    expect(history.first).to_contain_text("冲突管理")

    page.reload()

    expect(sheet.locator('[data-element="conflict.design"] input[value="2"]')).to_be_checked()
    expect(sheet.locator(".cd-cap-history tbody tr")).to_have_count(1, timeout=CORE_TIMEOUT_MS)


def test_a_partial_self_test_is_scored_but_not_yet_recorded(page, site, traffic):
    visit(page, site + "check/capability/")
    sheet = page.locator('[data-worksheet="capability"]')

    rate(sheet, {"influence.network": 1, "negotiation.needs": 5})

    expect(sheet.locator(".cd-missing")).to_contain_text("还有 7 项没打分", timeout=CORE_TIMEOUT_MS)
    expect(sheet.locator(".cd-weakest strong")).to_have_text("非职权影响力")
    expect(sheet.locator(".cd-cap-history")).to_have_count(0)

"""A learner uses the value calculator: the numbers come from Python running in the page.

Typing before the core is ready is proven in test_fast_start.py (its pages are typed in at once,
and the core's slower starts there compute from what was typed); the form's answers surviving a
reload, user text as text included, with the other forms in test_conflict_negotiation.py (one save
path for every form) and with the value calculator's own record in test_workbook_safety.py."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CORE_TIMEOUT_MS, visit

pytestmark = pytest.mark.shared_page


def open_value(page, site):
    visit(page, site + "tools/value/")
    return page.locator('[data-worksheet="value"]')


def test_typing_the_course_example_shows_600_wan_computed_by_python(page, site, traffic):
    sheet = open_value(page, site)

    page.get_by_label("每月流失客户数").fill("200")
    page.get_by_label("每位客户每年价值（LTV）").fill("2500")
    page.get_by_label("需要的投入").fill("20万")
    page.get_by_label("预计带来的收入").fill("500万")

    expect(sheet).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
    expect(sheet.locator('[data-output="annual_loss_display"]')).to_have_text("600万")
    expect(sheet.locator('[data-output="roi_display"]')).to_have_text("25倍")
    expect(sheet.locator('[data-output="sentence"]')).to_contain_text("600万")


def test_bad_input_gets_a_chinese_message_at_the_field_and_keeps_the_text(page, site, traffic):
    sheet = open_value(page, site)

    page.get_by_label("每位客户每年价值（LTV）").fill("很多")

    expect(sheet).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
    error = sheet.locator('[data-field="ltv"] .cd-error')
    expect(error).to_be_visible()
    expect(error).to_contain_text("应是一个数字")
    expect(page.get_by_label("每位客户每年价值（LTV）")).to_have_value("很多")
    expect(page.get_by_label("每位客户每年价值（LTV）")).to_have_attribute("aria-invalid", "true")


@pytest.mark.allow_errors
@pytest.mark.fresh_page
def test_when_pyodide_cannot_load_the_form_still_saves_and_says_why(page, site, traffic):
    page.route(re.compile(r".*pyodide\.asm\.wasm(\.gz)?$"), lambda route: route.fulfill(status=404, body="gone"))
    sheet = open_value(page, site)

    page.get_by_label("每月流失客户数").fill("200")

    expect(sheet).to_have_attribute("data-core", "failed", timeout=CORE_TIMEOUT_MS)
    expect(sheet.locator(".cd-status")).to_contain_text("计算核心没能启动")
    page.reload()
    expect(page.get_by_label("每月流失客户数")).to_have_value("200")

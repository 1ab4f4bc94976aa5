"""The course home shows this browser's progress: pages opened, quiz best scores, self-assessments done."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.assessment_steps import answer, quiz_definition, right_answer
from tests.browser.conftest import CORE_TIMEOUT_MS, showing, visit

pytestmark = pytest.mark.shared_page


def progress(page):
    return page.locator("[data-cd-progress]")


def test_a_fresh_browser_sees_every_chapter_unread(page, site, traffic):
    visit(page, site)

    panel = progress(page)
    expect(panel.locator('[data-page="day48/"]')).to_have_attribute("data-opened", "false")
    group = panel.locator(".cd-progress-group").first
    expect(group.locator(".cd-progress-page").first).to_be_visible()
    day48_pages = group.locator(".cd-progress-page").count()  # every part of Day 48 in the nav
    assert day48_pages >= 10
    expect(group).to_contain_text(f"已打开 0/{day48_pages} 页")
    expect(panel.locator('[data-page="check/day48/"]')).to_be_visible()


def test_pages_opened_with_instant_navigation_are_counted(page, site, traffic):
    visit(page, site)
    page.evaluate("window.__stillHere = true")

    page.locator(".md-content a[href$='day48/']").first.click()
    expect(page.locator("article h1")).to_contain_text("跨部门沟通全景与挑战")
    page.locator(".md-content a[href$='pitfalls/']").first.click()
    expect(page.locator("article h1")).to_contain_text("五个常见误区")
    # The content shows a moment before Material announces the new page (and it is counted); a
    # reader going back within that moment cancels it. This reader stays until it is counted.
    page.wait_for_function("() => (localStorage.getItem('crossdept@/:progress') || '').includes('day48/pitfalls/')")
    page.go_back()
    expect(page.locator("article h1")).to_contain_text("跨部门沟通全景与挑战")
    page.go_back()

    expect(page).to_have_url(showing(site))
    assert page.evaluate("window.__stillHere") is True
    group = progress(page).locator(".cd-progress-group").first
    expect(group.locator(".cd-progress-page").first).to_be_visible()
    expect(group).to_contain_text(f"已打开 2/{group.locator('.cd-progress-page').count()} 页")
    expect(group.locator('[data-page="day48/pitfalls/"]')).to_have_attribute("data-opened", "true")
    expect(group.locator('[data-page="day48/capabilities/"]')).to_have_attribute("data-opened", "false")


def test_quiz_score_and_journal_show_on_the_home_page_and_clearing_keeps_the_journal(page, site, traffic):
    quiz = quiz_definition("quiz-kp325")
    visit(page, site + "check/kp325/")
    sheet = page.locator('[data-worksheet="quiz-kp325"]')
    for question in quiz["questions"]:
        answer(sheet, question["id"], right_answer(question))
    expect(sheet).to_have_attribute("data-complete", "true", timeout=CORE_TIMEOUT_MS)
    visit(page, site + "check/journal/")
    page.get_by_label("1. 回想你最近一次没谈成的跨部门沟通", exact=False).fill("目标不一致")

    visit(page, site)

    total = len(quiz["questions"])
    quiz_note = progress(page).locator('[data-worksheet-note="quiz-kp325"]')
    expect(quiz_note).to_contain_text(f"最好 {total}/{total}（100%，已通过）")
    asked = len(quiz_definition("journal-day48")["questions"])
    expect(progress(page).locator('[data-worksheet-note="journal-day48"]')).to_contain_text(f"第 1 轮已写 1/{asked} 题")
    expect(progress(page).locator('[data-page="check/kp325/"]')).to_have_attribute("data-opened", "true")

    page.once("dialog", lambda dialog: dialog.accept())
    progress(page).locator(".cd-progress-clear").click()

    expect(progress(page).locator(".cd-progress-message")).to_have_text("学习进度已清除。")
    expect(progress(page).locator('[data-worksheet-note="quiz-kp325"]')).to_have_count(0)
    expect(progress(page).locator('[data-page="check/kp325/"]')).to_have_attribute("data-opened", "false")
    expect(progress(page).locator('[data-worksheet-note="journal-day48"]')).to_be_visible()
    visit(page, site + "check/kp325/")
    expect(sheet.locator(".cd-quiz-records")).to_have_count(0)
    visit(page, site + "check/journal/")
    expect(page.get_by_label("1. 回想你最近一次没谈成的跨部门沟通", exact=False)).to_have_value("目标不一致")


def test_declining_the_confirmation_clears_nothing(page, site, traffic):
    visit(page, site + "day48/")
    visit(page, site)

    page.once("dialog", lambda dialog: dialog.dismiss())
    progress(page).locator(".cd-progress-clear").click()

    expect(progress(page).locator('[data-page="day48/"]')).to_have_attribute("data-opened", "true")

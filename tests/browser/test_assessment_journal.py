"""A learner writes their reflections, comes back later, compares, and exports the journal."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.assessment_steps import quiz_definition
from tests.browser.conftest import CORE_TIMEOUT_MS, visit

pytestmark = pytest.mark.shared_page

FIRST = "找 IT 要预约系统优化被拒，我以为是他们不配合。"
SECOND = "回头看是目标不一致：IT 的头号任务是总部的新功能。"


def open_journal(page, site):
    visit(page, site + "check/journal/")
    return page.locator('[data-worksheet="journal-day48"]')


def box(page, number):
    return page.get_by_label(re.compile(rf"^{number}\. "))


def test_answers_are_saved_with_their_time_and_survive_a_reload(page, site, traffic):
    sheet = open_journal(page, site)

    box(page, 1).fill(FIRST)
    box(page, 3).fill("<b>命令口吻</b>")

    saved = sheet.locator('[data-question="failed-talk"] .cd-journal-saved')
    expect(saved).to_have_text(re.compile(r"^已保存 · \d{4}-\d\d-\d\d \d\d:\d\d$"))
    page.reload()
    expect(box(page, 1)).to_have_value(FIRST)
    expect(box(page, 3)).to_have_value("<b>命令口吻</b>")
    expect(saved).to_have_text(re.compile(r"^已保存 · "))


def test_a_new_round_shows_the_earlier_answers_dated_beside_it_and_the_export_holds_both(page, site, traffic):
    sheet = open_journal(page, site)
    box(page, 1).fill(FIRST)

    sheet.locator(".cd-new-round").click()
    box(page, 1).fill(SECOND)

    expect(box(page, 1)).to_have_value(SECOND)
    past = sheet.locator('[data-question="failed-talk"] .cd-journal-past')
    expect(past.locator('[data-round="1"] .cd-journal-text')).to_have_text(FIRST)
    expect(past.locator('[data-round="1"] .cd-journal-date')).to_have_text(re.compile(r"^第 1 轮 · \d{4}-\d\d-\d\d \d\d:\d\d$"))
    expect(sheet.locator(".cd-journal-round")).to_contain_text("第 2 轮作答")
    expect(sheet.locator('[data-question="my-pitfall"] .cd-journal-past')).to_be_hidden()  # nothing written there before

    expect(sheet).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
    with page.expect_download() as started:
        sheet.locator(".cd-export").click()
    download = started.value
    text = open(download.path(), encoding="utf-8").read()

    assert download.suggested_filename.startswith("Day 48 反思日志-") and download.suggested_filename.endswith(".md")
    assert text.index(f"> {FIRST}") < text.index(f"> {SECOND}")
    assert "（第 1 轮）" in text and "（第 2 轮）" in text


def test_every_question_says_which_section_it_comes_from_by_name(page, site, traffic):
    sheet = open_journal(page, site)

    questions = quiz_definition("journal-day48")["questions"]
    later_parts = [q for q in questions if not q["section"].startswith(("day48/index.md", "day48/pitfalls.md", "day48/capabilities.md"))]

    links = sheet.locator(".cd-reread a")
    expect(links).to_have_count(len(questions))
    expect(sheet.locator('[data-question="my-pitfall"] .cd-reread a')).to_have_text("出自：五个常见误区")
    expect(sheet.locator('[data-question="p2-my-sources"] .cd-reread a')).to_have_text("出自：第二部分 · 影响力的六大来源")
    expect(sheet.locator('[data-question="negotiation-reservation"] .cd-reread a')).to_have_text("出自：第六部分 · 底线与 ZOPA：能谈成的区间")
    expect(links.filter(has_text=re.compile(r"^出自：第[二三四五六七八]部分 · "))).to_have_count(len(later_parts))
    expect(links.filter(has_text="相关章节")).to_have_count(0)


@pytest.mark.allow_errors
@pytest.mark.fresh_page
def test_when_python_cannot_start_the_journal_still_saves_and_says_export_must_wait(page, site, traffic):
    page.route(re.compile(r".*pyodide\.asm\.wasm(\.gz)?$"), lambda route: route.fulfill(status=404, body="gone"))
    page.route(re.compile(r".*\.snap(\.gz)?$"), lambda route: route.fulfill(status=404, body="gone"))
    sheet = open_journal(page, site)

    box(page, 2).fill("财务部：考核成本和风险")
    sheet.locator(".cd-export").click()

    expect(sheet).to_have_attribute("data-core", "failed", timeout=CORE_TIMEOUT_MS)
    expect(sheet.locator(".cd-journal-message")).to_contain_text("暂时无法导出")
    page.reload()
    expect(box(page, 2)).to_have_value("财务部：考核成本和风险")

"""A learner tests themself after a chapter: answers judged by Python, explanations, score, retry."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.assessment_steps import answer, option_order, quiz_definition, right_answer, wrong_answer
from tests.browser.conftest import CORE_TIMEOUT_MS, reader_context, visit

pytestmark = pytest.mark.shared_page

QUIZ = quiz_definition("quiz-day48")
QUESTIONS = QUIZ["questions"]


def open_quiz(page, site):
    visit(page, site + "check/day48/")
    return page.locator('[data-worksheet="quiz-day48"]')


def test_a_wrong_then_a_right_answer_get_the_cores_verdict_explanation_and_section(page, site, traffic):
    sheet = open_quiz(page, site)
    first, second = QUESTIONS[0], QUESTIONS[1]

    answer(sheet, first["id"], wrong_answer(first))
    answer(sheet, second["id"], right_answer(second))

    expect(sheet).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)
    wrong = sheet.locator(f'[data-question="{first["id"]}"]')
    expect(wrong).to_have_attribute("data-state", "wrong")
    expect(wrong.locator(".cd-verdict")).to_have_text("✗ 回答错误")
    expect(wrong.locator(".cd-right-answer")).to_contain_text("目标不一致")
    expect(wrong.locator(".cd-explanation")).to_have_text(first["explanation"])
    link = wrong.locator(".cd-reread a")
    expect(link).to_have_text("重读：根源1：目标不一致")
    expect(link).to_have_attribute("href", site + "day48/#root-goals")
    right = sheet.locator(f'[data-question="{second["id"]}"]')
    expect(right).to_have_attribute("data-state", "right")
    expect(right.locator(".cd-verdict")).to_have_text("✓ 回答正确")
    expect(right.locator(".cd-right-answer")).to_have_count(0)
    expect(sheet.locator(".cd-quiz-progress")).to_have_text(f"第 1 轮 · 已答 2/{len(QUESTIONS)} 题 · 答对 1 题")


def test_a_later_parts_reread_link_names_the_part_and_the_section_it_opens(page, site, traffic):
    question = next(q for q in quiz_definition("quiz-day48-p6")["questions"] if q["section"].endswith("#positions-interests"))
    visit(page, site + "check/day48-p6/")
    sheet = page.locator('[data-worksheet="quiz-day48-p6"]')

    answer(sheet, question["id"], wrong_answer(question))

    link = sheet.locator(f'[data-question="{question["id"]}"] .cd-reread a')
    expect(link).to_have_text("重读：第六部分 · 立场与利益", timeout=CORE_TIMEOUT_MS)
    expect(link).to_have_attribute("href", site + "day48/negotiation-method/#positions-interests")


def test_a_finished_quiz_shows_the_score_keeps_the_best_and_the_wrong_book_and_a_retry_shuffles_the_options(page, site, traffic):
    sheet = open_quiz(page, site)
    answer(sheet, QUESTIONS[0]["id"], wrong_answer(QUESTIONS[0]))
    for question in QUESTIONS[1:]:
        answer(sheet, question["id"], right_answer(question))

    total = len(QUESTIONS)
    expect(sheet).to_have_attribute("data-complete", "true", timeout=CORE_TIMEOUT_MS)
    expect(sheet.locator(".cd-quiz-score-figure")).to_have_text(f"{total - 1}/{total}")
    expect(sheet.locator(".cd-quiz-score")).to_contain_text("已通过")
    expect(sheet.locator(".cd-quiz-records")).to_contain_text(f"最好成绩 {total - 1}/{total}")

    before = option_order(sheet, QUESTIONS[0]["id"])
    sheet.locator(".cd-retry").click()

    expect(sheet.locator(".cd-quiz-progress")).to_have_text(f"第 2 轮 · 已答 0/{total} 题")
    assert option_order(sheet, QUESTIONS[0]["id"]) != before
    expect(sheet.locator("[data-question] input:checked")).to_have_count(0)
    expect(sheet.locator(".cd-quiz-records")).to_contain_text(f"最好成绩 {total - 1}/{total}")

    page.reload()

    expect(sheet.locator(".cd-quiz-records")).to_contain_text(f"最好成绩 {total - 1}/{total}")
    expect(sheet.locator(".cd-quiz-records")).to_contain_text(f"上次 {total - 1}/{total}")
    expect(sheet.locator(".cd-quiz-progress")).to_have_text(f"第 2 轮 · 已答 0/{total} 题")
    expect(sheet.locator(".cd-wrong-book-title")).to_have_text("错题本：1 题")  # the first round's wrong answer


@pytest.mark.fresh_page
def test_answers_can_be_given_before_the_core_is_ready_and_survive_a_reload(page, site, traffic):
    sheet = open_quiz(page, site)
    question = QUESTIONS[2]

    answer(sheet, question["id"], right_answer(question))

    item = sheet.locator(f'[data-question="{question["id"]}"]')
    expect(item.locator(".cd-feedback")).to_be_visible()
    expect(item.locator("input").first).to_be_disabled()
    page.reload()
    expect(item.locator(f'[data-option="{right_answer(question)[0]}"] input')).to_be_checked()
    expect(item.locator(".cd-confirm")).to_be_hidden()


def test_confirming_without_a_choice_asks_for_one(page, site, traffic):
    sheet = open_quiz(page, site)

    sheet.locator(f'[data-question="{QUESTIONS[4]["id"]}"] .cd-confirm').click()

    expect(sheet.locator(f'[data-question="{QUESTIONS[4]["id"]}"] .cd-hint')).to_have_text("请至少选择一个选项。")


def test_the_kp325_quiz_is_answered_on_a_phone_without_sideways_scrolling(browser, site):
    context = reader_context(browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    visit(page, site + "check/kp325/")
    sheet = page.locator('[data-worksheet="quiz-kp325"]')
    question = quiz_definition("quiz-kp325")["questions"][0]

    sheet.locator(f'[data-question="{question["id"]}"] [data-option="{right_answer(question)[0]}"]').tap()
    sheet.locator(f'[data-question="{question["id"]}"] .cd-confirm').tap()

    expect(sheet.locator(f'[data-question="{question["id"]}"]')).to_have_attribute("data-state", re.compile("answered|right"))
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    context.close()


def explanation_of(question: dict, option_id: str) -> str:
    return next(o["explanation"] for o in question["options"] if o["id"] == option_id)


def test_after_a_shuffle_each_explanation_still_belongs_to_its_option_and_letter(page, site, traffic):
    sheet = open_quiz(page, site)
    question = QUESTIONS[2]
    item = sheet.locator(f'[data-question="{question["id"]}"]')
    sheet.locator(".cd-retry").wait_for(state="attached")
    answer(sheet, question["id"], wrong_answer(question))
    expect(item).to_have_attribute("data-state", "wrong", timeout=CORE_TIMEOUT_MS)
    page.once("dialog", lambda dialog: dialog.accept())  # the round is unfinished: confirm the restart
    sheet.locator(".cd-retry").click()
    expect(sheet.locator(".cd-quiz-progress")).to_have_text(f"第 2 轮 · 已答 0/{len(QUESTIONS)} 题")

    chosen = wrong_answer(question)[0]
    answer(sheet, question["id"], [chosen])

    expect(item).to_have_attribute("data-state", "wrong", timeout=CORE_TIMEOUT_MS)
    letter = "ABCDEFGH"[option_order(sheet, question["id"]).index(chosen)]
    text = next(o["text"] for o in question["options"] if o["id"] == chosen)
    reason = item.locator(f'.cd-reason[data-option="{chosen}"]')
    expect(reason.locator("strong")).to_have_text(f"{letter}. {text}（你的选择）")
    expect(reason.locator("span")).to_have_text(explanation_of(question, chosen))
    for right in right_answer(question):
        expect(item.locator(f'.cd-reason-right[data-option="{right}"] span')).to_have_text(explanation_of(question, right))


def test_wrong_answers_go_into_the_wrong_book_and_a_practice_round_clears_them(page, site, traffic):
    sheet = open_quiz(page, site)
    missed = QUESTIONS[:2]
    for question in QUESTIONS:
        answer(sheet, question["id"], wrong_answer(question) if question in missed else right_answer(question))
    expect(sheet).to_have_attribute("data-complete", "true", timeout=CORE_TIMEOUT_MS)

    book = sheet.locator(".cd-wrong-book")
    expect(book.locator(".cd-wrong-book-title")).to_have_text("错题本：2 题")
    expect(book.locator("li")).to_have_count(2)
    expect(book.locator("li").first).to_contain_text("答错 1 次")

    sheet.locator(".cd-practise").click()

    expect(sheet.locator(".cd-quiz-progress")).to_have_text("错题练习（第 2 轮） · 已答 0/2 题")
    expect(sheet.locator("[data-question]:visible")).to_have_count(2)
    answer(sheet, missed[0]["id"], right_answer(missed[0]))
    answer(sheet, missed[1]["id"], wrong_answer(missed[1]))
    expect(sheet.locator(".cd-quiz-score-figure")).to_have_text("1/2", timeout=CORE_TIMEOUT_MS)
    expect(sheet.locator(".cd-wrong-book-title")).to_have_text("错题本：1 题")
    expect(sheet.locator(".cd-wrong-book li")).to_contain_text(["答错 2 次"])
    expect(sheet.locator(".cd-practise")).to_have_text("只练错题（1 题）")

"""Steps the self-assessment browser tests share: opening a worksheet, answering quiz questions."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from crossdept_site.definitions import read_yaml

WORKSHEETS = Path(__file__).resolve().parents[2] / "worksheets"


def quiz_definition(quiz_id: str) -> dict:
    return read_yaml(WORKSHEETS / f"{quiz_id}.yml")


def right_answer(question: dict) -> list[str]:
    answer = question["answer"]
    return [answer] if isinstance(answer, str) else list(answer)


def wrong_answer(question: dict) -> list[str]:
    """One option that is not (part of) the answer."""
    right = right_answer(question)
    return [next(o["id"] for o in question["options"] if o["id"] not in right)]


def answer(sheet, question_id: str, options: list[str]) -> None:
    """Tick the options of one question and confirm, as a learner using the keyboard does. Not
    with clicks: the core's verdict on the question above arrives when it is ready and pushes this
    one down, and under load it did so between Playwright's aim and its click (the click ticked
    nothing, tests/browser/workbook_steps.py: add_row)."""
    item = sheet.locator(f'[data-question="{question_id}"]')
    for option in options:
        box = item.locator(f'[data-option="{option}"] input')
        if not box.is_checked():
            box.press("Space")
        expect(box).to_be_checked()
    item.locator(".cd-confirm").press("Enter")


def option_order(sheet, question_id: str) -> list[str]:
    return sheet.locator(f'[data-question="{question_id}"] [data-option]').evaluate_all("nodes => nodes.map(n => n.dataset.option)")

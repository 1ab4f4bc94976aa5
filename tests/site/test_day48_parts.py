"""Day 48's parts 2–8: each published part is a real chapter, linked and checked like part 1.

The parts are written on separate branches, so the tests run over the part pages that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from crossdept_site.definitions import read_yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PARTS = {  # page under docs/day48 → (part number, its quiz)
    "influence-theory.md": (2, "quiz-day48-p2"),
    "influence-practice.md": (3, "quiz-day48-p3"),
    "conflict-theory.md": (4, "quiz-day48-p4"),
    "conflict-practice.md": (5, "quiz-day48-p5"),
    "negotiation-method.md": (6, "quiz-day48-p6"),
    "negotiation-cases.md": (7, "quiz-day48-p7"),
    "capstone.md": (8, "quiz-day48-p8"),
}
PUBLISHED = sorted(p for p in PARTS if (DOCS / "day48" / p).is_file())
HAN = re.compile(r"[\u4e00-\u9fff]")


def text(page: str) -> str:
    return (DOCS / "day48" / page).read_text(encoding="utf-8")


def html(site: Path, page: str) -> str:
    return (site / page.removesuffix(".md").removesuffix("index").strip("/") / "index.html").read_text(encoding="utf-8")


def test_at_least_the_conflict_and_negotiation_parts_are_published():
    assert {"conflict-theory.md", "conflict-practice.md", "negotiation-method.md", "negotiation-cases.md"} <= set(PUBLISHED)


@pytest.mark.parametrize("page", PUBLISHED)
def test_a_part_is_a_chapter_of_substance_with_a_summary(page):
    body = text(page)

    assert len(HAN.findall(body)) >= 2500
    assert "\n## 本部分小结" in body
    assert "!!! example" in body and '!!! quote "话术：' in body and "\n|---" in body


@pytest.mark.parametrize("page", PUBLISHED)
def test_a_part_links_its_own_quiz_and_its_quiz_has_a_check_page_in_the_nav(page):
    number, quiz = PARTS[page]
    check = f"check/day48-p{number}.md"
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")

    assert f"../{check}" in text(page)
    assert f"::: worksheet {quiz}" in (DOCS / check).read_text(encoding="utf-8")
    assert f"day48/{page}" in nav and check in nav


@pytest.mark.parametrize("page", PUBLISHED)
def test_the_home_page_links_a_published_part_instead_of_marking_it_in_progress(page):
    number, _ = PARTS[page]
    home = (DOCS / "index.md").read_text(encoding="utf-8")
    numeral = "零一二三四五六七八"[number]
    row = next(line for line in home.splitlines() if line.startswith(f"| 第{numeral}部分 |"))

    assert f"(day48/{page})" in row and "编写中" not in row


@pytest.mark.parametrize("page", PUBLISHED)
def test_part_ones_learning_path_links_a_published_part_and_does_not_announce_it_as_coming(page):
    number, _ = PARTS[page]
    path = text("capabilities.md")
    numeral = "零一二三四五六七八"[number]
    row = next(line for line in path.splitlines() if line.startswith(f"| 第{numeral}部分 |"))

    assert f"]({page})" in row and "陆续推出" not in path


@pytest.mark.parametrize("page", PUBLISHED)
def test_a_parts_quiz_explains_every_option_and_links_only_its_own_page(page):
    _, quiz = PARTS[page]
    questions = read_yaml(ROOT / "worksheets" / f"{quiz}.yml")["questions"]

    assert len(questions) >= 10
    assert all(option.get("explanation", "").strip() for q in questions for option in q["options"])
    assert all(q["section"].startswith(f"day48/{page}#") for q in questions)


def test_every_journal_section_is_a_heading_on_the_built_site(built_site):
    questions = read_yaml(ROOT / "worksheets" / "journal-day48.yml")["questions"]
    missing = []
    for question in questions:
        if "section" not in question:
            continue
        page, _, anchor = question["section"].partition("#")
        target = built_site / page.removesuffix(".md").removesuffix("index").strip("/") / "index.html"
        if not target.is_file() or f'id="{anchor}"' not in target.read_text(encoding="utf-8"):
            missing.append(f'{question["id"]}: {question["section"]}')

    assert missing == []


def test_the_journal_asks_three_questions_linked_to_each_published_part():
    questions = read_yaml(ROOT / "worksheets" / "journal-day48.yml")["questions"]
    for page in PUBLISHED:
        linked = [q for q in questions if q.get("section", "").startswith(f"day48/{page}")]
        assert len(linked) >= 3, page


@pytest.mark.parametrize("page", PUBLISHED)
def test_a_published_part_links_the_parts_on_either_side_when_they_exist(built_site, page):
    number, _ = PARTS[page]
    neighbours = [p for p, (n, _) in PARTS.items() if abs(n - number) == 1 and p in PUBLISHED]
    body = text(page)

    assert all(f"]({p})" in body for p in neighbours)
    assert "编写中" not in html(built_site, f"day48/{page}")


# “12 道场景题”, “十道综合场景题”, “共 10 题”: a count written into a page drifts as soon as a
# question is added, and then a learner counts and finds the page wrong. Pages name the quiz instead.
QUIZ_COUNT = re.compile(r"(?:\d+|[一二三四五六七八九十两]+)\s*道[^\s，。；：]{0,6}?题|共\s*(?:\d+|[一二三四五六七八九十两]+)\s*(?:道|个)?题")


@pytest.mark.parametrize("text", ["12 道场景题", "十道综合场景题", "共 10 题", "共十二道题"])
def test_the_count_pattern_catches_the_ways_pages_stated_a_quiz_length(text):
    assert QUIZ_COUNT.search(text)


@pytest.mark.parametrize("text", ["每道题都是一个场景", "三个思考题", "一组场景题", "这道题的重点"])
def test_the_count_pattern_leaves_other_sentences_alone(text):
    assert not QUIZ_COUNT.search(text)


def test_no_page_or_worksheet_states_how_many_questions_a_quiz_has():
    files = [*sorted(DOCS.rglob("*.md")), *sorted((ROOT / "worksheets").glob("*.yml"))]

    found = [f"{p.relative_to(ROOT)}: {m.group(0)}" for p in files for m in QUIZ_COUNT.finditer(p.read_text(encoding="utf-8"))]

    assert found == []

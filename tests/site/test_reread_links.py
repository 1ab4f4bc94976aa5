"""Every “重读：…” and “出自：…” link names the section it opens.

A quiz question's and a journal question's link take their label from the course topic that names
the section (``manifest.sections``); a section no topic names would read only “相关章节”, which
tells the learner nothing. The titles of the sections of parts 2–8 (``crossdept.reading``) are
the chapters' own headings, checked here against the built pages."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

from crossdept.manifest import core_manifest
from crossdept.playbook import TOPICS
from crossdept.reading import READING_SECTIONS
from crossdept_site.definitions import read_yaml

ROOT = Path(__file__).resolve().parents[2]
GENERIC = {"", "相关章节", "相关内容", "本节", "这一节", "章节"}
ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+\.\s)")


def _questions(kind: str) -> list[tuple[str, dict]]:
    found = []
    for path in sorted((ROOT / "worksheets").glob("*.yml")):
        definition = read_yaml(path)
        if definition.get("kind") == kind:
            found += [(f"{path.stem}.{q['id']}", q) for q in definition["questions"]]
    return found


QUESTIONS = _questions("quiz") + _questions("journal")


def test_every_quiz_and_journal_question_links_a_section():
    assert QUESTIONS and [name for name, q in QUESTIONS if not q.get("section")] == []


@pytest.mark.parametrize(("name", "question"), QUESTIONS, ids=[name for name, _ in QUESTIONS])
def test_a_questions_link_is_labelled_with_the_title_of_its_section(name, question):
    title = core_manifest()["sections"].get(question["section"], "")

    assert title.strip() not in GENERIC, f"{name}: {question['section']}"


def test_no_course_topic_has_a_generic_title():
    assert [t.id for t in TOPICS.values() if t.title.strip() in GENERIC] == []


def _heading(built_site: Path, page: str, anchor: str) -> str:
    html = (built_site / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    match = re.search(rf'<h[1-6] id="{re.escape(anchor)}">(.*?)<a class="headerlink"', html, re.S)
    assert match, f"{page}#{anchor}"
    return ORDINAL.sub("", html_lib.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip())


SECTIONS = [(page, part, anchor, heading) for page, part, pairs in READING_SECTIONS for anchor, heading in pairs]


@pytest.mark.parametrize(("page", "part", "anchor", "heading"), SECTIONS, ids=[f"{p}#{a}" for p, _, a, _ in SECTIONS])
def test_a_part_sections_title_is_its_part_and_the_heading_it_opens(built_site, page, part, anchor, heading):
    topic = TOPICS[f"{page}#{anchor}"]

    assert _heading(built_site, page, anchor) == heading
    assert topic.title == f"{part} · {heading}" and core_manifest()["sections"][topic.section] == topic.title


def test_the_part_names_follow_the_home_pages_list_of_parts():
    home = (ROOT / "docs/index.md").read_text(encoding="utf-8")

    for page, part, _ in READING_SECTIONS:
        row = next(line for line in home.splitlines() if line.startswith(f"| {part} |"))
        assert f"({page})" in row

"""Every link the core or a journal writes to a chapter lands on a heading that exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossdept.playbook import TOPICS
from crossdept_site.definitions import read_yaml

WORKSHEETS = Path(__file__).resolve().parents[2] / "worksheets"


def _missing(built_site: Path, sections: dict[str, str]) -> list[str]:
    missing = []
    for name, section in sections.items():
        page, _, anchor = section.partition("#")
        html = built_site / page.removesuffix(".md").removesuffix("index").strip("/") / "index.html"
        if not html.is_file() or (anchor and f'id="{anchor}"' not in html.read_text(encoding="utf-8")):
            missing.append(f"{name}: {section}")
    return missing


def test_every_playbook_topic_is_a_heading_on_the_built_site(built_site):
    assert _missing(built_site, {t.id: t.section for t in TOPICS.values()}) == []


@pytest.mark.parametrize("rule", range(1, 11))
def test_each_golden_rule_links_to_its_own_heading_which_names_the_same_rule(built_site, rule):
    topic = TOPICS[f"rule-{rule}"]
    html = (built_site / "kp325/toolkit/index.html").read_text(encoding="utf-8")

    assert topic.anchor == f"rule-{rule}"
    heading = html.split(f'id="{topic.anchor}"', 1)[1].split("<a class=\"headerlink\"", 1)[0]
    assert f"黄金法则 {rule}：" in heading and f"黄金法则 {rule}：" in topic.title


def test_every_journal_question_section_is_a_heading_on_the_built_site(built_site):
    journal = read_yaml(WORKSHEETS / "journal-day48.yml")

    sections = {q["id"]: q["section"] for q in journal["questions"] if q.get("section")}
    assert _missing(built_site, sections) == []

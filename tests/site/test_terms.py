"""One term per concept across the course: what learners read says the same thing the same way.

PREFERRED maps each preferred term to the variants the course no longer uses. The seeds' own key
terms stay where they are the point and are not variants of anything: 利益交换, 双赢, the CEO as
the addressee of the escalation template, and 规定“可能”有灵活空间 (not “往往”).

A learner who reads a chapter and then opens its tool must recognise the tool's fields: the
chapters use the labels of the negotiation worksheet (我的目标, 我的底线, 让步计划), and the theory's
own terms (目标点, 保留点) appear at most once per page, in brackets after the label they name.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from crossdept.api import handle

ROOT = Path(__file__).resolve().parents[2]

PREFERRED: dict[str, tuple[str, ...]] = {
    "坚持的梯子": ("坚持的阶梯",),
    "目标不一致": ("目标不同",),
    "信息不对称": ("信息不通", "信息不对等"),
    "可能有灵活空间": ("往往留有灵活", "往往留有可以变通"),
    "KPI 里": ("KPI里",),
    "思考题": ("反思题",),
    # The negotiation and conflict worksheets' own words (worksheets/negotiation.yml, conflict.yml).
    "让步计划": ("让步清单",),
    "坚持度": ("坚持程度",),
    "合作度": ("合作程度",),
    "托马斯—基尔曼": ("托马斯–基尔曼", "托马斯-基尔曼"),
    # One quote style: Chinese curly quotes “…” and ‘…’, never corner brackets.
    "“": ("「",),
    "”": ("」",),
    "‘": ("『",),
    "’": ("』",),
}


# A theory's term → the worksheet label it may follow, in brackets: “我的底线（保留点）”, “底线**（保留点）”.
THEORY_TERMS = {"保留点": "底线", "目标点": "目标"}


def _texts() -> dict[str, str]:
    """Everything a learner reads: chapters, every worksheet (quizzes, journal, the tools' labels,
    help and example data), and the playbook the tools quote."""
    texts = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").rglob("*.md"))}
    texts |= {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted((ROOT / "worksheets").glob("*.yml"))}
    playbook = handle({"worksheet": "playbook", "action": "get", "data": {}})
    texts["playbook/get"] = json.dumps(playbook["result"], ensure_ascii=False)
    return texts


@pytest.mark.parametrize(("preferred", "variants"), PREFERRED.items())
def test_the_course_uses_the_preferred_term_only(preferred, variants):
    found = [f"{name}: “{variant}” → “{preferred}”" for name, text in _texts().items() for variant in variants if variant in text]

    assert found == []


@pytest.mark.parametrize("term", ["利益交换", "双赢"])
def test_the_seeds_key_terms_are_kept(term):
    assert any(term in text for text in _texts().values())


def test_the_escalation_template_still_addresses_the_ceo_and_rules_may_have_room():
    texts = _texts()

    assert re.search(r'!!! quote "话术：向 CEO 汇报', texts["docs/kp325/six-steps.md"])
    assert "可能有灵活空间" in texts["docs/kp325/obstacles.md"]


@pytest.mark.parametrize(("term", "label"), THEORY_TERMS.items())
def test_a_negotiation_theory_term_only_follows_the_tools_label_in_brackets_once_a_page(term, label):
    bracketed = re.compile(rf"{label}\**（{term}）")

    found = [f"{name}: {text.count(term)}× “{term}”" for name, text in _texts().items() if text.count(term) > len(bracketed.findall(text)) or text.count(term) > 1]

    assert found == []


def test_the_terms_check_reads_the_tools_worksheets_too():
    texts = _texts()

    assert {"worksheets/tracker.yml", "worksheets/workbook.yml", "worksheets/negotiation.yml", "worksheets/conflict.yml"} <= set(texts)
    assert "让步计划" in texts["worksheets/negotiation.yml"] and "KPI 里" in texts["worksheets/tracker.yml"]

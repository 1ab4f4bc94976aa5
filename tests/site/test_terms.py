"""One term per concept across the course: what learners read says the same thing the same way.

PREFERRED maps each preferred term to the variants the course no longer uses. The seeds' own key
terms stay where they are the point and are not variants of anything: 利益交换, 双赢, the CEO as
the addressee of the escalation template, and 规定“可能”有灵活空间 (not “往往”).
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
    # One quote style: Chinese curly quotes “…” and ‘…’, never corner brackets.
    "“": ("「",),
    "”": ("」",),
    "‘": ("『",),
    "’": ("』",),
}


def _texts() -> dict[str, str]:
    """Everything a learner reads: chapters, quizzes and journals, and the playbook the tools quote."""
    texts = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").rglob("*.md"))}
    for pattern in ("quiz-*.yml", "journal-*.yml"):
        texts |= {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted((ROOT / "worksheets").glob(pattern))}
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

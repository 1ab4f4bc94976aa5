"""Self-assessment definitions (quiz, journal, capability) are checked when the site builds."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from crossdept.definitions import check_definition
from crossdept.errors import DefinitionError
from crossdept.playbook import ELEMENTS
from tests.conftest import build_in_process
from crossdept_site.definitions import read_yaml

WORKSHEETS = Path(__file__).resolve().parents[2] / "worksheets"


def definition(name: str) -> dict:
    return read_yaml(WORKSHEETS / f"{name}.yml")


def problems(raw: dict) -> list[str]:
    """``path: message`` for each problem the schema finds (empty when the definition is fine)."""
    try:
        check_definition(raw, "worksheets/test.yml")
    except DefinitionError as error:
        return [f"{p.field}: {p.message}" for p in error.problems]
    return []


QUIZZES = sorted(p.stem for p in WORKSHEETS.glob("*.yml") if definition(p.stem)["kind"] == "quiz")


# ---- the course's own definitions --------------------------------------------------------------

@pytest.mark.parametrize("name", ["quiz-day48", "quiz-kp325", "journal-day48", "capability"])
def test_the_courses_self_assessments_are_valid(name):
    assert problems(definition(name)) == []


@pytest.mark.parametrize("name", QUIZZES)
def test_a_chapter_quiz_has_at_least_12_questions_of_both_types_each_explained_and_linked(name):
    questions = definition(name)["questions"]

    assert len(questions) >= 12
    assert {q["type"] for q in questions} == {"single", "multiple"}
    assert all(q["explanation"].strip() and q["section"] for q in questions)


@pytest.mark.parametrize("name", QUIZZES)
def test_every_quiz_section_is_a_heading_on_the_built_site(built_site, name):
    missing = []
    for question in definition(name)["questions"]:
        page, _, anchor = question["section"].partition("#")
        html = built_site / page.removesuffix(".md").removesuffix("index").strip("/") / "index.html"
        if not html.is_file() or f'id="{anchor}"' not in html.read_text(encoding="utf-8"):
            missing.append(f'{question["id"]}: {question["section"]}')

    assert missing == []


def test_the_self_test_rates_every_element_the_core_scores():
    listed = [e["id"] for c in definition("capability")["capabilities"] for e in c["elements"]]

    assert sorted(listed) == sorted(ELEMENTS)


def test_the_check_pages_embed_their_worksheets_and_the_home_page_holds_the_progress_panel(built_site):
    pages = {"check/day48": "quiz-day48", "check/journal": "journal-day48", "check/capability": "capability", "check/kp325": "quiz-kp325"}
    for page, worksheet in pages.items():
        assert f'data-worksheet="{worksheet}"' in (built_site / page / "index.html").read_text(encoding="utf-8"), page
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "data-cd-progress" in home and "cd-worksheet" not in home  # progress needs no Python


# ---- what the schema refuses -------------------------------------------------------------------

def test_a_quiz_section_must_be_a_page_under_docs():
    quiz = definition("quiz-day48")
    quiz["questions"][1]["section"] = "../day48/index.md#roots"

    assert problems(quiz) == ["questions[1].section: '../day48/index.md#roots' must be a page under docs/ with an optional "
                              "heading id, like 'day48/pitfalls.md#pitfall-3'"]


def test_a_journal_needs_questions_with_ids_and_prompts():
    journal = definition("journal-day48")
    journal["questions"][1] = {"id": journal["questions"][0]["id"], "prompt": "", "note": "x"}

    assert problems(journal) == [
        "questions[1].note: unknown key (allowed: hint, id, prompt, section)",
        "questions[1].id: duplicate id 'failed-talk'",
        "questions[1].prompt: must be a non-empty string",
    ]


def test_a_journal_without_questions_is_refused():
    journal = {k: v for k, v in definition("journal-day48").items() if k != "questions"}

    assert problems(journal) == ["questions: must be a non-empty list"]


def capability_with(change) -> dict:
    raw = copy.deepcopy(definition("capability"))
    change(raw)
    return raw


def test_an_element_the_playbook_does_not_know_is_refused_with_the_known_ones_named():
    raw = capability_with(lambda d: d["capabilities"][0]["elements"][2].update(id="influence.charm"))

    assert problems(raw) == [
        "capabilities[0].elements[2].id: 'influence.charm' is not an element of 'influence' "
        "(its elements: influence.expertise, influence.network, influence.value)",
        "capabilities: the playbook's elements influence.value are missing: a self-test rates them all",
    ]


def test_an_element_under_the_wrong_capability_is_refused():
    raw = capability_with(lambda d: d["capabilities"][1]["elements"].append(d["capabilities"][0]["elements"].pop()))

    assert "capabilities[1].elements[3].id: 'influence.value' is not an element of 'conflict' " \
           "(its elements: conflict.detection, conflict.interests, conflict.design)" in problems(raw)


def test_labels_must_match_the_names_the_core_reports():
    def rename(d):
        d["capabilities"][2]["label"] = "谈判"
        d["capabilities"][2]["elements"][0]["label"] = "挖需求"

    assert problems(capability_with(rename)) == [
        "capabilities[2].label: must be the playbook's name '共赢谈判'",
        "capabilities[2].elements[0].label: must be the playbook's name '需求挖掘'",
    ]


def test_an_unknown_capability_and_a_short_scale_are_refused():
    def break_it(d):
        d["capabilities"][0]["id"] = "charisma"
        d["scale"] = ["低", "中", "高"]

    found = problems(capability_with(break_it))

    assert "scale: must name the 5 points of the rating scale, 1 to 5" in found
    assert "capabilities[0].id: unknown capability 'charisma' (one of: influence, conflict, negotiation)" in found


# ---- the build fails loudly --------------------------------------------------------------------

def test_a_capability_definition_with_an_unknown_element_fails_the_build_naming_file_and_element(project_copy, tmp_path):
    path = project_copy / "worksheets/capability.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: conflict.design", "id: conflict.designs"), encoding="utf-8")

    done = build_in_process(project_copy / "mkdocs.yml", tmp_path / "out")

    assert done.returncode != 0
    assert "worksheets/capability.yml" in done.stderr
    assert "capabilities[1].elements[2].id" in done.stderr and "conflict.designs" in done.stderr


def test_a_quiz_linking_outside_the_docs_fails_the_build_naming_file_and_question(project_copy, tmp_path):
    path = project_copy / "worksheets/quiz-kp325.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("section: kp325/index.md#exchange", "section: https://example.com/x", 1), encoding="utf-8")

    done = build_in_process(project_copy / "mkdocs.yml", tmp_path / "out")

    assert done.returncode != 0
    assert "worksheets/quiz-kp325.yml" in done.stderr and "questions[0].section" in done.stderr

"""Every quiz option explains itself, and no quiz text points at an option letter.

A retake shuffles the options, so "a 和 d 是在求情" would sit next to a displayed C that is the
right answer. These tests read every ``worksheets/quiz-*.yml`` there is, so a new quiz is covered
the day it is added.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crossdept.definitions import check_definition
from crossdept.errors import DefinitionError
from crossdept_site.definitions import read_yaml

WORKSHEETS = Path(__file__).resolve().parents[2] / "worksheets"
QUIZZES = sorted(p.stem for p in WORKSHEETS.glob("quiz-*.yml"))

# An option letter standing alone: not part of a word such as BATNA, KPI or CEO, nor of "P0".
_LETTER = r"(?<![A-Za-z0-9])[a-fA-F](?![A-Za-z0-9])"
LETTER_REFERENCES = [
    re.compile(rf"{_LETTER}\s*[和、,，与及或]\s*{_LETTER}"),     # "a 和 d"、"b、c、d"
    re.compile(rf"(?:选项?|答案)\s*{_LETTER}"),                   # "选c"、"选项 B"、"答案 a"
    re.compile(rf"[（(]\s*{_LETTER}\s*[)）]"),                    # "（a）"
    re.compile(rf"(?:^|[。；;，,：:\s]){_LETTER}\s*(?:是|项|说|错|对)"),  # "b 是提升优先级"
]


def load(name: str) -> dict:
    return read_yaml(WORKSHEETS / f"{name}.yml")


def texts(quiz: dict) -> list[tuple[str, str]]:
    """(where, text) for everything a learner reads in a quiz."""
    found = []
    for question in quiz["questions"]:
        qid = question["id"]
        found += [(f"{qid}.prompt", question.get("prompt", "")), (f"{qid}.explanation", question.get("explanation", ""))]
        for option in question.get("options", []):
            found += [(f"{qid}.{option['id']}.text", option.get("text", "")),
                      (f"{qid}.{option['id']}.explanation", option.get("explanation", ""))]
    return found


def letter_references(text: str) -> list[str]:
    return [m.group(0) for pattern in LETTER_REFERENCES for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", [
    "a 和 d 是在求情", "b、c、d 分别是植入 KPI", "只抱怨（a）或施压（b）", "所以选c", "选项 B 不对",
    "a 问“什么时候有空”，b 是提升优先级", "其中 e 是承诺未来回报",
])
def test_the_letter_patterns_catch_the_ways_explanations_used_to_name_options(text):
    assert letter_references(text)


@pytest.mark.parametrize("text", [
    "BATNA 和 ZOPA 要分开想", "KPI、CEO 和 ROI", "P0、P1、P2 三级", "IT 和数据部", "A 店和 B 店的试点",
    "先算 LTV，再算 ROI", "谈判的底线（保留点）",
])
def test_the_letter_patterns_leave_ordinary_latin_words_alone(text):
    assert letter_references(text) == []


@pytest.mark.parametrize("name", QUIZZES)
def test_no_quiz_text_names_an_option_letter(name):
    found = [f"{where}: {ref}" for where, text in texts(load(name)) for ref in letter_references(text)]

    assert found == []


@pytest.mark.parametrize("name", QUIZZES)
def test_every_option_of_every_quiz_carries_its_own_explanation(name):
    missing = [f"{q['id']}.{o['id']}" for q in load(name)["questions"] for o in q["options"]
               if not str(o.get("explanation", "")).strip()]

    assert missing == []


@pytest.mark.parametrize("name", QUIZZES)
def test_every_quiz_passes_the_schema_the_build_applies(name):
    check_definition(load(name), f"worksheets/{name}.yml", expected_id=name)


def test_the_schema_refuses_an_option_without_an_explanation_naming_its_path():
    quiz = load("quiz-day48")
    del quiz["questions"][2]["options"][1]["explanation"]

    with pytest.raises(DefinitionError) as error:
        check_definition(quiz, "worksheets/quiz-day48.yml")

    assert [(p.field, p.message) for p in error.value.problems] == [
        ("questions[2].options[1].explanation", "must be a non-empty string")]

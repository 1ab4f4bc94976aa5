"""The reflection journal's export: every dated answer, grouped by question, oldest first."""

import pytest

from .factories import call

QUESTIONS = [{"id": "failed-talk", "prompt": "最近一次没谈成的沟通，根源是什么？"}, {"id": "my-pitfall", "prompt": "你最常犯哪个误区？"}]


def entry(**fields):
    return {"question": "failed-talk", "round": 1, "saved": "2026-03-02T14:05", "text": "目标不一致", **fields}


def export(entries, **data):
    return call("journal", "export", {"title": "Day 48 反思日志", "questions": QUESTIONS, "entries": entries, **data}, format="markdown")


def test_answers_are_listed_under_their_question_oldest_first_with_date_and_round():
    later = entry(round=2, saved="2026-03-20T09:30", text="其实是信息不对称")

    text = export([later, entry()])["result"]["text"]

    assert text.index("### 2026-03-02 14:05（第 1 轮）") < text.index("### 2026-03-20 09:30（第 2 轮）")
    assert "> 目标不一致" in text and "> 其实是信息不对称" in text
    assert text.startswith("# Day 48 反思日志\n\n导出日期：2026-03-02\n\n## 1. 最近一次没谈成的沟通，根源是什么？")


def test_a_question_without_answers_says_so():
    text = export([entry()])["result"]["text"]

    assert "## 2. 你最常犯哪个误区？\n\n（还没有回答）" in text


def test_blank_answers_are_left_out():
    text = export([entry(text="   ")])["result"]["text"]

    assert "###" not in text


def test_user_text_cannot_become_html_and_keeps_its_line_breaks():
    text = export([entry(text="第一行\n<script>alert(1)</script>")])["result"]["text"]

    assert "> 第一行\n> &lt;script>alert(1)&lt;/script>" in text


def test_the_file_is_named_by_title_and_export_date():
    assert export([entry()])["result"]["filename"] == "Day 48 反思日志-2026-03-02.md"


def test_a_save_time_with_seconds_or_a_date_alone_is_accepted():
    text = export([entry(saved="2026-03-02T14:05:59.123"), entry(question="my-pitfall", saved="2026-03-03")])["result"]["text"]

    assert "### 2026-03-02 14:05（第 1 轮）" in text and "### 2026-03-03（第 1 轮）" in text


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        (entry(question="nosuch"), "entries[0].question"),
        (entry(saved="昨天"), "entries[0].saved"),
        (entry(saved=""), "entries[0].saved"),
        (entry(round=1.5), "entries[0].round"),
        ("不是对象", "entries[0]"),
    ],
)
def test_a_bad_entry_is_refused_at_its_field(bad, field):
    response = export([bad])

    assert response["ok"] is False
    assert [e["field"] for e in response["errors"]] == [field]


def test_only_markdown_is_offered():
    response = call("journal", "export", {"questions": QUESTIONS, "entries": []}, format="csv")

    assert response["errors"][0]["field"] == "format"


def test_questions_are_required():
    response = call("journal", "export", {"entries": []}, format="markdown")

    assert response["errors"] == [{"field": "questions", "message": "请求里缺少日志的问题（questions）"}]

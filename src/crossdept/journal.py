"""The reflection journal: dated answers to a chapter's reflection questions, exported as Markdown.

``journal/export`` — data ``{"title": "反思日志", "questions": [{"id", "prompt"}], "entries":
[{"question": "<id>", "round": 1, "saved": "2026-03-02T14:05", "text": "…"}]}``; result ``{"text",
"filename"}``. The browser keeps every round of answers with the time of its last save; the export
lists each question's answers oldest first, so a learner reads how their view changed. The dates come
in with the entries (and the export date with the request's ``today``): the core reads no clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from .errors import InputError, Problem
from .exports import filename, md_block, md_inline
from .fields import Reader
from .request import Request

MAX_ANSWER = 20_000
MAX_QUESTIONS = 50
MAX_ENTRIES = 2_000


def _saved(entry: Reader) -> dt.datetime | None:
    """An ISO date or date-time (``2026-03-02`` or ``2026-03-02T14:05``), to the minute."""
    text = entry.text("saved", "保存时间", required=True, limit=40)
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text).replace(second=0, microsecond=0, tzinfo=None)
    except ValueError:
        entry.add(entry.at("saved"), "保存时间的格式应是 2026-03-02T14:05")
        return None


def read_journal(request: Request) -> tuple[str, list[tuple[str, str]], list[dict[str, object]]]:
    reader = Reader(request.data)
    title = reader.text("title", "日志标题", limit=200) or "反思日志"
    questions: list[tuple[str, str]] = []
    for _, row in reader.rows("questions", limit=MAX_QUESTIONS):
        qid = row.text("id", "问题编号", required=True, limit=100)
        if qid in dict(questions):
            row.add(row.at("id"), f"问题编号“{qid}”重复了")
        questions.append((qid, row.text("prompt", "问题", required=True)))
    if not questions and reader.raw("questions") is None:
        reader.add("questions", "请求里缺少日志的问题（questions）")
    known = dict(questions)
    entries = []
    for index, row in reader.rows("entries", limit=MAX_ENTRIES):
        if not isinstance(reader.raw("entries")[index], Mapping):
            continue  # already reported by rows(); its missing fields would only repeat it
        qid = row.text("question", "问题编号", required=True, limit=100)
        if qid and qid not in known:
            row.add(row.at("question"), f"没有编号为“{qid}”的问题")
        round_ = row.number("round", "作答轮次")
        if round_ is not None and not round_.is_integer():
            row.add(row.at("round"), "作答轮次应是整数，例如 1")
        entries.append(
            {
                "question": qid,
                "round": int(round_) if round_ else None,
                "saved": _saved(row),
                "text": row.text("text", "回答", limit=MAX_ANSWER),
                "index": index,
            }
        )
    reader.check()
    return title, questions, entries


def _when(entry: dict[str, object]) -> str:
    saved: dt.datetime = entry["saved"]  # type: ignore[assignment]
    stamp = saved.strftime("%Y-%m-%d %H:%M").removesuffix(" 00:00")
    return f"{stamp}（第 {entry['round']} 轮）" if entry["round"] else stamp


def to_markdown(title: str, questions: list[tuple[str, str]], entries: list[dict[str, object]], today: dt.date | None) -> str:
    lines = [f"# {md_inline(title)}", ""]
    if today:
        lines += [f"导出日期：{today.isoformat()}", ""]
    for number, (qid, prompt) in enumerate(questions, 1):
        lines += [f"## {number}. {md_inline(prompt)}", ""]
        answers = sorted((e for e in entries if e["question"] == qid and e["text"]), key=lambda e: (e["saved"], e["round"] or 0, e["index"]))
        if not answers:
            lines += ["（还没有回答）", ""]
        for entry in answers:
            lines += [f"### {_when(entry)}", "", md_block(str(entry["text"])), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def export_journal(request: Request) -> dict[str, str]:
    fmt = request.options.get("format", "markdown")
    if fmt != "markdown":
        raise InputError([Problem("format", "反思日志只能导出为 Markdown（format: markdown）")])
    title, questions, entries = read_journal(request)
    return {
        "text": to_markdown(title, questions, entries, request.today),
        "filename": filename("", title, request, ".md"),
    }  # the title as the "project": made file-name safe


ACTIONS = {"export": export_journal}

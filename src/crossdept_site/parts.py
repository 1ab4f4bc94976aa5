"""The parts of the course an LMS tracks, derived at build time from the quizzes and the navigation.

A part is one scenario quiz and the pages its questions send the learner back to (each question
names the section that teaches it): part 2 is ``quiz-day48-p2`` with ``day48/influence-theory.md``.
A part is completed when every one of its pages was opened and its quiz passed at the quiz's own
``pass_ratio``. Nothing here is a second copy of a rule: the quiz definitions and the navigation are
read as they are, and the browser only compares what the learner did with this list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_INDEX = re.compile(r"(^|/)index\.html$")


@dataclass(frozen=True, slots=True)
class NavPage:
    """A page of the navigation: its source under docs/ ("day48/index.md"), URL and title."""

    src: str
    url: str
    title: str


def page_path(url: str) -> str:
    """A page URL as the browser's ``course.pagePath`` writes it ("day48/" for day48/index.html)."""
    return _INDEX.sub(r"\1", url)


def course_parts(definitions: Mapping[str, Mapping], pages: Iterable[NavPage]) -> list[dict[str, object]]:
    """Every quiz with the pages it teaches from, in the order of the navigation.

    ``definitions`` are the worksheet definitions by id; only quizzes make parts. A quiz whose
    sections name no page of the navigation still makes a part (its quiz alone completes it)."""
    nav = list(pages)
    by_src = {p.src: p for p in nav}
    position = {p.src: i for i, p in enumerate(nav)}
    parts = []
    for quiz_id, definition in definitions.items():
        if definition.get("kind") != "quiz":
            continue
        sources: list[str] = []
        for question in definition.get("questions", []):
            src = str(question.get("section") or "").split("#")[0]
            if src in by_src and src not in sources:
                sources.append(src)
        sources.sort(key=position.__getitem__)
        first = by_src[sources[0]] if sources else None
        parts.append(
            {
                "id": quiz_id,
                "title": first.title if first else str(definition.get("title", quiz_id)),
                "quiz": quiz_id,
                "questions": len(definition.get("questions", [])),
                "pass_ratio": float(definition.get("pass_ratio", 0.8)),
                "pages": [page_path(by_src[s].url) for s in sources],
                "order": position[sources[0]] if sources else len(nav),
            }
        )
    parts.sort(key=lambda part: (part["order"], part["id"]))
    for part in parts:
        del part["order"]
    return parts


def lms_manifest(definitions: Mapping[str, Mapping], pages: Iterable[NavPage], scorm: str) -> dict[str, object]:
    """What the browser needs to report to an LMS: the SCORM version of this build ("" for the plain
    site, which never looks for an LMS), the parts, and every page path (suspend data names them)."""
    nav = list(pages)
    return {"scorm": scorm, "parts": course_parts(definitions, nav), "pages": [page_path(p.url) for p in nav]}

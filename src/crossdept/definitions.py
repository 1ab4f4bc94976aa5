"""Worksheet definitions (``worksheets/*.yml``): one schema, checked at build time.

The build hook parses YAML and hands plain data here; a bad file fails the build with the
file and the dotted path of each problem (``questions[2].answer: unknown option 'e'``).
Messages here are for course authors, so they are in English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from .errors import DefinitionError, Problem
from .fields import path

FIELD_TYPES = ("number", "text", "textarea", "date", "choice")
QUESTION_TYPES = ("single", "multiple")
_ID = re.compile(r"^[a-z][a-z0-9_-]*$")


class _Check:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, where: str, message: str) -> None:
        self.problems.append(Problem(where or "(top)", message))

    def mapping(self, value: object, where: str) -> Mapping:
        if isinstance(value, Mapping):
            return value
        self.fail(where, "must be a mapping")
        return {}

    def items(self, value: object, where: str, *, required: bool = True) -> Sequence:
        if value is None and not required:
            return ()
        if isinstance(value, Sequence) and not isinstance(value, str) and value:
            return value
        self.fail(where, "must be a non-empty list")
        return ()

    def text(self, node: Mapping, key: str, where: str, *, required: bool = True) -> str:
        value = node.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.fail(path(where, key), "must be a non-empty string")
            return ""
        return value

    def ident(self, node: Mapping, key: str, where: str, seen: set[str]) -> str:
        value = self.text(node, key, where)
        if value and not _ID.match(value):
            self.fail(path(where, key), f"'{value}' must be lower-case letters, digits, - or _")
        elif value in seen:
            self.fail(path(where, key), f"duplicate id '{value}'")
        seen.add(value)
        return value

    def unknown_keys(self, node: Mapping, allowed: set[str], where: str) -> None:
        for key in node:
            if key not in allowed:
                self.fail(path(where, str(key)), f"unknown key (allowed: {', '.join(sorted(allowed))})")


def _check_fields(check: _Check, fields: object, where: str) -> None:
    seen: set[str] = set()
    for i, raw in enumerate(check.items(fields, where)):
        at = path(where, i)
        node = check.mapping(raw, at)
        check.unknown_keys(node, {"key", "label", "type", "unit", "placeholder", "help", "choices", "width"}, at)
        check.ident(node, "key", at, seen)
        check.text(node, "label", at)
        kind = node.get("type", "text")
        if kind not in FIELD_TYPES:
            check.fail(path(at, "type"), f"unknown type '{kind}' (one of: {', '.join(FIELD_TYPES)})")
        if kind == "choice":
            for j, choice in enumerate(check.items(node.get("choices"), path(at, "choices"))):
                if not isinstance(choice, str) or not choice.strip():
                    check.fail(path(path(at, "choices"), j), "must be a non-empty string")
        elif "choices" in node:
            check.fail(path(at, "choices"), "only a field of type 'choice' has choices")


def _check_outputs(check: _Check, outputs: object, where: str) -> None:
    for i, raw in enumerate(check.items(outputs, where)):
        at = path(where, i)
        node = check.mapping(raw, at)
        check.unknown_keys(node, {"key", "label", "copy", "style"}, at)
        check.text(node, "key", at)
        check.text(node, "label", at)


def _check_questions(check: _Check, questions: object, where: str) -> None:
    seen: set[str] = set()
    for i, raw in enumerate(check.items(questions, where)):
        at = path(where, i)
        node = check.mapping(raw, at)
        check.unknown_keys(node, {"id", "type", "prompt", "options", "answer", "explanation", "section"}, at)
        check.ident(node, "id", at, seen)
        check.text(node, "prompt", at)
        check.text(node, "explanation", at)
        check.text(node, "section", at, required=False)
        kind = node.get("type", "single")
        if kind not in QUESTION_TYPES:
            check.fail(path(at, "type"), f"unknown type '{kind}' (one of: {', '.join(QUESTION_TYPES)})")
        option_ids: set[str] = set()
        for j, option in enumerate(check.items(node.get("options"), path(at, "options"))):
            option_at = path(path(at, "options"), j)
            option_node = check.mapping(option, option_at)
            check.ident(option_node, "id", option_at, option_ids)
            check.text(option_node, "text", option_at)
        answer = node.get("answer")
        answers = [answer] if isinstance(answer, str) else answer
        for a in check.items(answers, path(at, "answer")):
            if a not in option_ids:
                check.fail(path(at, "answer"), f"unknown option '{a}'")
        if kind == "single" and isinstance(answers, Sequence) and len(answers) != 1:
            check.fail(path(at, "answer"), "a single-choice question has exactly one answer")


def _check_form(check: _Check, node: Mapping) -> None:
    check.text(node, "action", "")
    _check_fields(check, node.get("fields"), "fields")
    _check_outputs(check, node.get("outputs"), "outputs")


def _check_table(check: _Check, node: Mapping) -> None:
    check.text(node, "action", "")
    _check_fields(check, node.get("columns"), "columns")
    if "outputs" in node:
        _check_outputs(check, node.get("outputs"), "outputs")


def _check_quiz(check: _Check, node: Mapping) -> None:
    ratio = node.get("pass_ratio", 0.8)
    if isinstance(ratio, bool) or not isinstance(ratio, (int, float)) or not 0 < ratio <= 1:
        check.fail("pass_ratio", "must be a number in (0, 1]")
    _check_questions(check, node.get("questions"), "questions")


_COMMON = {"id", "title", "kind", "description"}
# kind → (keys it may have besides the common ones, its checker). A new kind of worksheet
# adds one entry here and a renderer in overrides/assets/crossdept/kinds/<kind>.js.
KINDS: dict[str, tuple[set[str], Callable[[_Check, Mapping], None]]] = {
    "form": ({"action", "fields", "outputs"}, _check_form),
    "table": ({"action", "columns", "outputs"}, _check_table),
    "quiz": ({"chapter", "pass_ratio", "questions"}, _check_quiz),
}


def check_definition(raw: object, source: str, expected_id: str | None = None) -> dict:
    """The definition as plain JSON-able data, or DefinitionError naming every problem."""
    check = _Check()
    node = check.mapping(raw, "")
    kind = node.get("kind")
    if kind not in KINDS:
        check.fail("kind", f"unknown kind '{kind}' (one of: {', '.join(KINDS)})")
    ident = check.ident(node, "id", "", set())
    if expected_id is not None and ident and ident != expected_id:
        check.fail("id", f"'{ident}' must match the file name '{expected_id}'")
    check.text(node, "title", "")
    if kind in KINDS:
        allowed, checker = KINDS[kind]
        check.unknown_keys(node, _COMMON | allowed, "")
        checker(check, node)
    if check.problems:
        raise DefinitionError(source, check.problems)
    return dict(node)

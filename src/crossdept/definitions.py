"""Worksheet definitions (``worksheets/*.yml``): one schema, checked at build time.

The build hook parses YAML and hands plain data here; a bad file fails the build with the
file and the dotted path of each problem (``questions[2].answer: unknown option 'e'``).
Messages here are for course authors, so they are in English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from . import api, columns, exports, workbook
from .errors import DefinitionError, Problem
from .fields import path
from .playbook import CAPABILITIES

FIELD_TYPES = ("number", "text", "textarea", "date", "choice")
QUESTION_TYPES = ("single", "multiple")
# What a text field may offer as suggestions while typing: the departments the project's workbook names.
SUGGESTIONS = ("departments",)
_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
# A course section as the core's playbook writes it: a page under docs/ and an optional heading id.
_SECTION = re.compile(r"^(?:[a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_-]*\.md(?:#[a-z0-9][a-z0-9_-]*)?$")
SCALE_POINTS = 5


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


def _check_choice(check: _Check, choice: object, where: str) -> None:
    """A choice is the value itself (``P0``) or ``{value, label}`` when the list shows more (``P0 必需``)."""
    if isinstance(choice, Mapping):
        check.unknown_keys(choice, {"value", "label"}, where)
        check.text(choice, "value", where)
        check.text(choice, "label", where)
    elif not isinstance(choice, str) or not choice.strip():
        check.fail(where, "must be a non-empty string or a mapping with value and label")


def _check_fields(check: _Check, fields: object, where: str) -> list[str]:
    """Checks each field and returns their keys, in order."""
    seen: set[str] = set()
    keys: list[str] = []
    for i, raw in enumerate(check.items(fields, where)):
        at = path(where, i)
        node = check.mapping(raw, at)
        check.unknown_keys(node, {"key", "label", "type", "unit", "placeholder", "help", "choices", "width", "suggest"}, at)
        keys.append(check.ident(node, "key", at, seen))
        check.text(node, "label", at)
        kind = node.get("type", "text")
        if kind not in FIELD_TYPES:
            check.fail(path(at, "type"), f"unknown type '{kind}' (one of: {', '.join(FIELD_TYPES)})")
        if kind == "choice":
            for j, choice in enumerate(check.items(node.get("choices"), path(at, "choices"))):
                _check_choice(check, choice, path(path(at, "choices"), j))
        elif "choices" in node:
            check.fail(path(at, "choices"), "only a field of type 'choice' has choices")
        suggest = node.get("suggest")
        if suggest is not None and (suggest not in SUGGESTIONS or kind != "text"):
            check.fail(path(at, "suggest"), f"a text field may suggest one of: {', '.join(SUGGESTIONS)}")
        width = node.get("width")
        if width is not None and (isinstance(width, bool) or not isinstance(width, (int, float)) or not 0 < width <= 40):
            check.fail(path(at, "width"), "must be a width in rem between 0 and 40")
    return keys


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
        _check_section(check, node, at)
        kind = node.get("type", "single")
        if kind not in QUESTION_TYPES:
            check.fail(path(at, "type"), f"unknown type '{kind}' (one of: {', '.join(QUESTION_TYPES)})")
        option_ids: set[str] = set()
        for j, option in enumerate(check.items(node.get("options"), path(at, "options"))):
            option_at = path(path(at, "options"), j)
            option_node = check.mapping(option, option_at)
            check.unknown_keys(option_node, {"id", "text", "explanation"}, option_at)
            check.ident(option_node, "id", option_at, option_ids)
            check.text(option_node, "text", option_at)
            # Why this option is right or wrong, shown for the option the learner chose: options are
            # shuffled on a retake, so no explanation may point at a letter (tests/site checks the course's).
            check.text(option_node, "explanation", option_at)
        answer = node.get("answer")
        answers = [answer] if isinstance(answer, str) else answer
        for a in check.items(answers, path(at, "answer")):
            if a not in option_ids:
                check.fail(path(at, "answer"), f"unknown option '{a}'")
        if kind == "single" and isinstance(answers, Sequence) and len(answers) != 1:
            check.fail(path(at, "answer"), "a single-choice question has exactly one answer")


def _check_section(check: _Check, node: Mapping, where: str) -> None:
    section = check.text(node, "section", where, required=False)
    if section and not _SECTION.match(section):
        check.fail(path(where, "section"), f"'{section}' must be a page under docs/ with an optional heading id, like 'day48/pitfalls.md#pitfall-3'")


def _check_form(check: _Check, node: Mapping) -> None:
    """A form the core reads (``columns.FORM_FIELDS``) asks only for fields the core knows."""
    check.text(node, "action", "")
    keys = _check_fields(check, node.get("fields"), "fields")
    _check_outputs(check, node.get("outputs"), "outputs")
    sheet = node.get("id")
    for key in ("action", "example_action"):
        named = node.get(key)
        if sheet in api.WORKSHEETS and named and named not in api.WORKSHEETS[sheet]:
            check.fail(key, f"unknown action '{named}' of '{sheet}' (one of: {', '.join(api.WORKSHEETS[sheet])})")
    # Downloads (``exports: [markdown, csv]``) and a printed sheet (``print: true``) use the core's
    # ``export`` and ``print`` actions, so a form may ask for them only where the core has them.
    actions = api.WORKSHEETS.get(sheet, {})
    for i, fmt in enumerate(check.items(node.get("exports"), "exports", required=False)):
        if fmt not in exports.FORMATS:
            check.fail(path("exports", i), f"unknown format '{fmt}' (one of: {', '.join(exports.FORMATS)})")
        elif "export" not in actions:
            check.fail("exports", f"'{sheet}' has no export action in the core")
    printed = node.get("print", False)
    if not isinstance(printed, bool):
        check.fail("print", "must be true or false")
    elif printed and "print" not in actions:
        check.fail("print", f"'{sheet}' has no print action in the core")
    known = columns.FORM_FIELDS.get(sheet)
    for i, key in enumerate(keys):
        if known is not None and key and key not in known:
            check.fail(path(path("fields", i), "key"), f"'{key}' is not a field the core reads for '{sheet}' (one of: {', '.join(known)})")


def _check_table(check: _Check, node: Mapping) -> None:
    """A table is one of the workbook's sheets: its id, action and column keys are the core's own."""
    sheet, action = node.get("id"), check.text(node, "action", "")
    keys = _check_fields(check, node.get("columns"), "columns")
    if "outputs" in node:
        _check_outputs(check, node.get("outputs"), "outputs")
    if sheet not in workbook.TABLES:
        check.fail("id", f"a table is one of the workbook's sheets: {', '.join(workbook.TABLES)}")
        return
    if action and action not in api.WORKSHEETS[sheet]:
        check.fail("action", f"unknown action '{action}' of '{sheet}' (one of: {', '.join(api.WORKSHEETS[sheet])})")
    for i, key in enumerate(keys):
        if key and key not in workbook.TABLES[sheet]:
            check.fail(path(path("columns", i), "key"), f"'{key}' is not a column of '{sheet}' (one of: {', '.join(workbook.TABLES[sheet])})")
        elif key:
            _check_column_agrees(check, sheet, node["columns"][i], path("columns", i))


def _check_column_agrees(check: _Check, sheet: str, column: Mapping, where: str) -> None:
    """A table column says what the core says: its label (the core names the field by it in every
    message) and, for a choice column, exactly the values the core offers, nothing it would refuse."""
    key = column["key"]
    label = columns.COLUMNS[sheet][key]
    if column.get("label") != label:
        check.fail(path(where, "label"), f"'{column.get('label')}' differs from the core's label '{label}' for '{sheet}.{key}'")
    core = columns.choices(sheet, key)
    kind = column.get("type", "text")
    if core is None:
        if kind == "choice":
            check.fail(path(where, "type"), f"the core reads '{sheet}.{key}' as typed text, not a choice")
        return
    if kind != "choice":
        check.fail(path(where, "type"), f"'{sheet}.{key}' is a choice in the core (one of: {', '.join(core.canonical)})")
        return
    listed = column.get("choices") or []
    values = [c.get("value") if isinstance(c, Mapping) else c for c in listed]
    for j, value in enumerate(values):
        if value not in core.canonical:
            check.fail(path(path(where, "choices"), j), f"'{value}' is not a value the core accepts for '{sheet}.{key}' (one of: {', '.join(core.canonical)})")
    missing = [v for v in core.canonical if v not in values]
    if missing:
        check.fail(path(where, "choices"), f"the core's values {', '.join(missing)} are not offered")


def _check_workbook(check: _Check, node: Mapping) -> None:
    """The project workbook page; its worked example is a workbook the core accepts without a remark.

    ``example.date`` is the day its dates were written for: loading it shifts every date by the
    days since, so the example never looks stale."""
    example = node.get("example")
    if example is None:
        return
    example = check.mapping(example, "example")
    check.unknown_keys(example, {"date", "workbook"}, "example")
    date = check.text(example, "date", "example")
    response = api.handle({"worksheet": "workbook", "action": "check", "data": example.get("workbook"), "today": date or None})
    if not response["ok"]:
        for error in response["errors"]:
            field = {"today": "example.date", "data": "example.workbook"}.get(error["field"], f"example.workbook.{error['field']}")
            check.fail(field, error["message"])
        return
    for problem in response["result"]["problems"]:
        check.fail(f"example.workbook.{problem['field']}", problem["message"])
    for note in response["result"]["notes"]:
        check.fail("example.workbook", note)


def _check_quiz(check: _Check, node: Mapping) -> None:
    ratio = node.get("pass_ratio", 0.8)
    if isinstance(ratio, bool) or not isinstance(ratio, (int, float)) or not 0 < ratio <= 1:
        check.fail("pass_ratio", "must be a number in (0, 1]")
    _check_questions(check, node.get("questions"), "questions")


def _check_journal(check: _Check, node: Mapping) -> None:
    seen: set[str] = set()
    for i, raw in enumerate(check.items(node.get("questions"), "questions")):
        at = path("questions", i)
        question = check.mapping(raw, at)
        check.unknown_keys(question, {"id", "prompt", "hint", "section"}, at)
        check.ident(question, "id", at, seen)
        check.text(question, "prompt", at)
        check.text(question, "hint", at, required=False)
        _check_section(check, question, at)


def _check_capability(check: _Check, node: Mapping) -> None:
    """Capabilities and elements as the playbook has them, so the core can score every rating."""
    scale = check.items(node.get("scale"), "scale")
    if scale and len(scale) != SCALE_POINTS:
        check.fail("scale", f"must name the {SCALE_POINTS} points of the rating scale, 1 to {SCALE_POINTS}")
    for j, label in enumerate(scale):
        if not isinstance(label, str) or not label.strip():
            check.fail(path("scale", j), "must be a non-empty string")
    known = {c.id: c for c in CAPABILITIES}
    listed: list[str] = []
    for i, raw in enumerate(check.items(node.get("capabilities"), "capabilities")):
        at = path("capabilities", i)
        cap_node = check.mapping(raw, at)
        check.unknown_keys(cap_node, {"id", "label", "elements"}, at)
        cap = known.get(cap_node.get("id"))
        if cap is None:
            check.fail(path(at, "id"), f"unknown capability '{cap_node.get('id')}' (one of: {', '.join(known)})")
        elif check.text(cap_node, "label", at) not in ("", cap.name):
            check.fail(path(at, "label"), f"must be the playbook's name '{cap.name}'")
        elements = {e.id: e for e in cap.elements} if cap else {}
        for j, raw_element in enumerate(check.items(cap_node.get("elements"), path(at, "elements"))):
            element_at = path(path(at, "elements"), j)
            element_node = check.mapping(raw_element, element_at)
            check.unknown_keys(element_node, {"id", "label", "statement"}, element_at)
            eid = element_node.get("id")
            element = elements.get(eid)
            if cap and element is None:
                check.fail(path(element_at, "id"), f"'{eid}' is not an element of '{cap.id}' (its elements: {', '.join(elements)})")
            elif element and check.text(element_node, "label", element_at) not in ("", element.name):
                check.fail(path(element_at, "label"), f"must be the playbook's name '{element.name}'")
            check.text(element_node, "statement", element_at)
            if eid in listed:
                check.fail(path(element_at, "id"), f"duplicate element '{eid}'")
            listed.append(eid)
    missing = [e.id for c in CAPABILITIES for e in c.elements if e.id not in listed]
    if missing and "capabilities" in node:
        check.fail("capabilities", f"the playbook's elements {', '.join(missing)} are missing: a self-test rates them all")


_COMMON = {"id", "title", "kind", "description"}
# kind → (keys it may have besides the common ones, its checker). A new kind of worksheet
# adds one entry here and a renderer in overrides/assets/crossdept/kinds/<kind>.js.
KINDS: dict[str, tuple[set[str], Callable[[_Check, Mapping], None]]] = {
    "form": ({"action", "example_action", "fields", "outputs", "exports", "print"}, _check_form),
    "table": ({"action", "columns", "outputs"}, _check_table),
    "quiz": ({"chapter", "pass_ratio", "questions"}, _check_quiz),
    "journal": ({"chapter", "questions"}, _check_journal),
    "capability": ({"chapter", "scale", "capabilities"}, _check_capability),
    "workbook": ({"example"}, _check_workbook),
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

"""A form asks only for what the core has: downloads in formats it writes, a printed sheet where it
has a print action, department suggestions on a text field, and fields it reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossdept.definitions import check_definition
from crossdept.errors import DefinitionError
from crossdept_site.definitions import read_yaml

WORKSHEETS = Path(__file__).resolve().parents[2] / "worksheets"


def definition(name: str) -> dict:
    return read_yaml(WORKSHEETS / f"{name}.yml")


def problems(raw: dict, name: str) -> list[str]:
    with pytest.raises(DefinitionError) as error:
        check_definition(raw, f"worksheets/{name}.yml", expected_id=name)
    return [f"{p.field}: {p.message}" for p in error.value.problems]


@pytest.mark.parametrize("name", ["conflict", "negotiation"])
def test_both_forms_ask_for_downloads_a_printed_sheet_and_department_suggestions(name):
    raw = definition(name)

    checked = check_definition(raw, f"worksheets/{name}.yml", expected_id=name)

    assert checked["exports"] == ["markdown", "csv"] and checked["print"] is True
    assert [f["key"] for f in checked["fields"] if f.get("suggest") == "departments"] == [{"conflict": "their_side", "negotiation": "counterpart"}[name]]


def test_a_format_the_core_does_not_write_fails_the_build():
    raw = {**definition("negotiation"), "exports": ["markdown", "pdf"]}

    assert problems(raw, "negotiation") == ["exports[1]: unknown format 'pdf' (one of: csv, markdown)"]


def test_a_printed_sheet_where_the_core_has_no_print_action_fails_the_build():
    raw = {**definition("value"), "print": True}

    assert problems(raw, "value") == ["print: 'value' has no print action in the core"]


def test_department_suggestions_only_on_a_text_field():
    raw = definition("conflict")
    for field in raw["fields"]:
        if field["key"] == "urgency":
            field["suggest"] = "departments"

    assert problems(raw, "conflict") == ["fields[12].suggest: a text field may suggest one of: departments"]


def test_a_field_the_core_does_not_read_fails_the_build():
    raw = definition("conflict")
    raw["fields"].append({"key": "mood", "label": "心情"})

    assert problems(raw, "conflict")[0].startswith("fields[17].key: 'mood' is not a field the core reads for 'conflict'")

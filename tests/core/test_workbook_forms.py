"""The conflict diagnosis and the negotiation planner belong to the project workbook: its backup
keeps them, its check reads them, its report prints them."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from crossdept import workbook
from crossdept.conflict import LABELS as CONFLICT_LABELS
from crossdept.examples import CONFLICT_EXAMPLE, NEGOTIATION_EXAMPLE
from crossdept.manifest import core_manifest
from crossdept.negotiation import LABELS as NEGOTIATION_LABELS

from .factories import call, need


def book(version=3, **forms):
    return {
        "format": "crossdept-workbook",
        "version": version,
        "project": {"name": "预约系统优化"},
        "worksheets": {"resources": {"rows": [need()]}, "exchange": {"rows": []}, "tracker": {"rows": []}, **forms},
    }


def test_both_forms_are_sheets_of_the_workbook_the_browser_is_told_about():
    forms = core_manifest()["workbook"]["forms"]

    assert forms == ["value", "conflict", "negotiation"]
    assert core_manifest()["workbook"]["version"] == workbook.VERSION == 3


def test_a_backup_keeps_both_forms_and_drops_only_unknown_fields():
    data = book(conflict={**CONFLICT_EXAMPLE, "mood": "差"}, negotiation=dict(NEGOTIATION_EXAMPLE))

    result = call("workbook", "check", data)["result"]

    assert result["workbook"]["worksheets"]["conflict"] == dict(CONFLICT_EXAMPLE)
    assert result["workbook"]["worksheets"]["negotiation"] == dict(NEGOTIATION_EXAMPLE)
    assert result["problems"] == []


def test_a_version_2_backup_is_migrated_forward_with_blank_forms():
    result = call("workbook", "check", book(version=2))["result"]["workbook"]

    assert result["version"] == 3
    assert result["worksheets"]["conflict"] == {} and result["worksheets"]["negotiation"] == {}


def test_a_bad_amount_in_the_negotiation_is_a_problem_named_the_way_the_learner_sees_it():
    data = book(negotiation={**NEGOTIATION_EXAMPLE, "target": "两周"})

    problems = call("workbook", "check", data)["result"]["problems"]

    assert [p["field"] for p in problems] == ["worksheets.negotiation.target"]
    assert problems[0]["message"].startswith("谈判准备单：我的目标")


def test_a_form_that_is_not_a_set_of_fields_is_refused_at_its_sheet():
    response = call("workbook", "check", book(conflict=["不是", "字段"]))

    assert response["ok"] is False
    assert response["errors"][0]["field"] == "worksheets.conflict"
    assert response["errors"][0]["message"].startswith("冲突诊断：")


def test_the_report_prints_both_forms_numbered_after_the_tables():
    data = book(conflict=dict(CONFLICT_EXAMPLE), negotiation=dict(NEGOTIATION_EXAMPLE))

    text = call("workbook", "report", data)["result"]["text"]

    assert "## 四、冲突诊断" in text and "## 五、谈判准备单" in text
    assert "合作（Collaborating）" in text and "存在：2周 到 8周 之间都可能达成协议。" in text
    assert "价值测算" not in text  # an empty form has no section and takes no number


def test_the_print_view_of_the_workbook_lists_both_forms_with_their_sections():
    data = book(conflict=dict(CONFLICT_EXAMPLE), negotiation=dict(NEGOTIATION_EXAMPLE))

    sections = call("workbook", "tables", data)["result"]["sections"]
    by_sheet = {s["sheet"]: s for s in sections}

    assert by_sheet["conflict"]["title"] == "四、冲突诊断"
    assert [s["title"] for s in by_sheet["conflict"]["sections"]] == ["冲突解决五步计划", "开场白", "升级判断"]
    assert ["ZOPA", "存在：2周 到 8周 之间都可能达成协议。"] in by_sheet["negotiation"]["rows"]


def test_a_form_prints_the_same_table_it_exports():
    printed = call("negotiation", "print", dict(NEGOTIATION_EXAMPLE))["result"]
    markdown = call("negotiation", "export", dict(NEGOTIATION_EXAMPLE), format="markdown")["result"]["text"]

    assert printed["title"] == "谈判准备单" and printed["columns"] == ["项目", "内容"]
    assert all(row[1].split("\n")[0] in markdown for row in printed["rows"])
    assert [s["title"] for s in printed["sections"]] == ["让步计划", "开场话术"]


def test_the_print_action_refuses_bad_input_like_the_form_does():
    response = call("conflict", "print", {**CONFLICT_EXAMPLE, "outcome": "6"})

    assert response["ok"] is False and response["errors"][0]["field"] == "outcome"


form_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None, database=None)
@given(
    conflict=st.dictionaries(st.sampled_from(sorted(CONFLICT_LABELS)), form_text),
    negotiation=st.dictionaries(st.sampled_from(sorted(NEGOTIATION_LABELS)), form_text),
)
def test_whatever_is_typed_in_either_form_survives_a_backup_and_an_import(conflict, negotiation):
    exported = call("workbook", "export", book(conflict=conflict, negotiation=negotiation), format="json")

    reimported = call("workbook", "check", json.loads(exported["result"]["text"]))

    assert reimported["ok"] is True
    assert reimported["result"]["workbook"]["worksheets"]["conflict"] == conflict
    assert reimported["result"]["workbook"]["worksheets"]["negotiation"] == negotiation

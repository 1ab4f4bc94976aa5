"""One tool's sheet alone (a tool page's Excel download), and the conflict diagnosis and the
negotiation planner as sheets of the workbook's .xlsx: every field as typed, then the analysis,
read back into the same forms."""

import base64
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from crossdept.conflict import LABELS as CONFLICT_LABELS
from crossdept.examples import CONFLICT_EXAMPLE, NEGOTIATION_EXAMPLE
from crossdept.negotiation import LABELS as NEGOTIATION_LABELS
from crossdept.xlsx_read import read_xlsx
from crossdept_xlsx import handle_json, write

from .factories import call, contact, need, partner


def book(**forms):
    return {
        "format": "crossdept-workbook",
        "version": 3,
        "project": {"name": "上门取送车"},
        "worksheets": {"resources": {"rows": [need()]}, "exchange": {"rows": [partner()]}, "tracker": {"rows": [contact()]}, **forms},
    }


def sheets_of(data, **options):
    response = call("workbook", "sheets", data, **options)
    assert response["ok"], response
    return response["result"]


def through_excel(sheets):
    """The sheets written by XlsxWriter and imported back, as a learner's file would be."""
    content = base64.b64encode(write(sheets)).decode()
    response = call("workbook", "import", {"name": "上门取送车-工作簿.xlsx", "xlsx": content})
    assert response["ok"], response
    return response["result"]


def test_one_tool_alone_is_one_sheet_named_after_the_tool():
    result = sheets_of(book(), sheet="tracker")

    assert result["filename"] == "上门取送车-协调进度追踪表-2026-03-02.xlsx"
    assert [s["name"] for s in result["sheets"]] == ["协调进度追踪表"]
    assert result["sheets"][0]["rows"][0][1] == "IT部门"


def test_the_excel_writer_gives_one_tools_file_and_says_when_it_holds_the_rows_as_typed():
    request = {
        "worksheet": "workbook",
        "action": "sheets",
        "data": book(resources={"rows": [need(), need(priority="P9")]}),
        "today": "2026-03-02",
        "sheet": "resources",
    }

    answer = json.loads(handle_json(json.dumps(request, ensure_ascii=False)))

    assert answer["ok"] and answer["result"]["filename"] == "上门取送车-资源需求清单-2026-03-02.xlsx"
    assert answer["result"]["notes"] == [
        "资源需求清单：这张表有 1 处需要修改（资源需求清单第 2 行：优先级只能是 P0、P1、P2），这里是原样填写的内容，没有分析结果。"
    ]
    [(name, rows)] = read_xlsx(base64.b64decode(answer["result"]["base64"]), 10)
    assert name == "资源需求清单" and [r[2] for r in rows[1:3]] == ["P0", "P9"] and "原样" in rows[-1][0]  # the note under the table


def test_a_sheet_that_is_not_a_tool_is_refused_in_chinese():
    response = call("workbook", "sheets", book(), sheet="journal")

    assert response["ok"] is False
    assert response["errors"] == [{"field": "sheet", "message": "只能导出这些表：资源需求清单、价值交换矩阵、协调进度追踪表、冲突诊断、谈判准备单"}]


def test_filled_forms_follow_the_tools_and_blank_ones_are_left_out():
    filled = sheets_of(book(conflict=dict(CONFLICT_EXAMPLE), negotiation={}))

    assert [s["name"] for s in filled["sheets"]] == ["项目", "资源需求清单", "价值交换矩阵", "协调进度追踪表", "冲突诊断"]


def test_a_form_sheet_holds_every_field_as_typed_then_the_analysis_under_labels_of_its_own():
    [sheet] = sheets_of(book(conflict=dict(CONFLICT_EXAMPLE)), sheet="conflict")["sheets"]

    rows = sheet["rows"]
    assert sheet["columns"] == ["字段", "内容"]
    assert rows[: len(CONFLICT_LABELS)] == [[label, str(CONFLICT_EXAMPLE[key])] for key, label in CONFLICT_LABELS.items()]
    analysis = dict(tuple(r) for r in rows[sheet["headings"][0] + 1 :])
    assert rows[sheet["headings"][0]] == ["分析结果", ""]
    assert analysis["冲突类型（工具判断）"] == "目标冲突"  # the type was left blank: the tool's reading, not a typed field
    assert analysis["建议的处理方式"].startswith("合作") and "李总监" in analysis["开场白"]
    assert not set(analysis) & set(CONFLICT_LABELS.values())


def test_a_form_with_a_bad_field_is_written_as_typed_with_a_note():
    [sheet] = sheets_of(book(conflict={**CONFLICT_EXAMPLE, "outcome": "9"}), sheet="conflict")["sheets"]

    assert ["结果对我的重要性", "9"] in sheet["rows"] and "分析结果" not in [r[0] for r in sheet["rows"]]
    assert "冲突诊断" in sheet["note"] and "原样" in sheet["note"]


def test_both_forms_come_back_from_the_workbook_xlsx_as_typed():
    original = book(conflict=dict(CONFLICT_EXAMPLE), negotiation=dict(NEGOTIATION_EXAMPLE))

    result = through_excel(sheets_of(original)["sheets"])

    assert result["sheets"] == ["project", "resources", "exchange", "tracker", "conflict", "negotiation"]
    assert result["workbook"]["worksheets"]["conflict"] == {k: v for k, v in CONFLICT_EXAMPLE.items() if v}
    assert result["workbook"]["worksheets"]["negotiation"] == dict(NEGOTIATION_EXAMPLE)
    assert result["problems"] == []


def test_a_file_holding_only_a_form_is_imported_as_that_form():
    [(name, rows)] = read_xlsx(write(sheets_of(book(negotiation=dict(NEGOTIATION_EXAMPLE)), sheet="negotiation")["sheets"]), 100)

    result = through_excel([{"name": name, "columns": rows[0], "rows": rows[1:], "note": ""}])

    assert result["sheets"] == ["negotiation"] and result["workbook"]["worksheets"]["negotiation"]["target"] == "2"


# A text that starts with ' and a formula sign reads back without the ': our CSV writes that guard
# (see test_spreadsheets), and a spreadsheet opened from it keeps it.
field_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40).map(str.strip).filter(lambda t: not (t[:1] == "'" and t[1:2] in "=+-@"))


@settings(max_examples=30, deadline=None)
@given(st.fixed_dictionaries({key: field_text for key in ("issue", "counterpart", "batna", "their_interests", "options")}))
def test_any_typed_negotiation_text_survives_the_xlsx_and_comes_back_without_the_analysis(typed):
    result = through_excel(sheets_of(book(negotiation=typed), sheet="negotiation")["sheets"])

    assert result["workbook"]["worksheets"]["negotiation"] == {k: v for k, v in typed.items() if v}
    assert set(result["workbook"]["worksheets"]["negotiation"]) <= set(NEGOTIATION_LABELS)

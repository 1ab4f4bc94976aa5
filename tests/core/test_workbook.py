import copy
import json

import pytest

from crossdept.api import handle
from crossdept.workbook import FORMAT, MAX_CHARS

from .factories import call, contact, need, partner


def book(**worksheets):
    return {
        "format": FORMAT,
        "version": 1,
        "project": {"name": "智能服务升级"},
        "worksheets": {"resources": {"rows": [need()]}, "exchange": {"rows": [partner()]}, "tracker": {"rows": [contact()]}, **worksheets},
    }


def test_a_valid_workbook_is_normalised_with_every_column():
    result = call("workbook", "check", book())["result"]

    resources = result["workbook"]["worksheets"]["resources"]["rows"][0]
    assert result["workbook"]["version"] == 3 and result["workbook"]["skipped"] == {}
    assert resources["alternative_for"] == ""
    assert result["workbook"]["worksheets"]["value"] == {}
    assert result["counts"] == {"resources": 1, "exchange": 1, "tracker": 1}
    assert result["problems"] == [] and result["notes"] == []


def test_unknown_fields_and_sheets_are_dropped_with_a_note():
    data = book(extra={"rows": []})
    data["worksheets"]["resources"]["rows"][0]["colour"] = "red"

    result = call("workbook", "check", data)["result"]

    assert "colour" not in result["workbook"]["worksheets"]["resources"]["rows"][0]
    assert len(result["notes"]) == 2


def test_rows_with_content_problems_are_kept_and_reported_not_refused():
    data = book(resources={"rows": [need(priority="P9")]})

    result = call("workbook", "check", data)["result"]

    assert result["workbook"]["worksheets"]["resources"]["rows"][0]["priority"] == "P9"
    assert result["problems"] == [{"field": "worksheets.resources.rows[0].priority", "message": "资源需求清单第 1 行：优先级只能是 P0、P1、P2"}]


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"format": "something-else"}, "format", "不是本课程"),
        ({"version": 4}, "version", "更新的课程版本"),
        ({"version": "1"}, "version", "无法识别"),
        ({"worksheets": {"resources": {"rows": "many"}}}, "worksheets.resources", "rows"),
        ({"worksheets": {"tracker": {"rows": [{"department": {"nested": 1}}]}}}, "worksheets.tracker.rows[0].department", "文字"),
    ],
)
def test_what_is_not_a_current_workbook_is_refused_in_chinese(change, field, words):
    response = call("workbook", "check", {**book(), **change})

    assert response["ok"] is False
    assert response["errors"][0]["field"] == field
    assert words in response["errors"][0]["message"]


def test_a_workbook_that_is_too_large_is_refused():
    data = book(resources={"rows": [need(resource="x" * 4000) for _ in range(MAX_CHARS // 4000 + 1)]})

    response = call("workbook", "check", data)

    assert response["ok"] is False and "太大" in response["errors"][0]["message"]


def test_departments_named_in_one_sheet_are_offered_to_the_others():
    data = book(exchange={"rows": []}, tracker={"rows": [contact(department="数据部门", owner="王总监")]})

    result = call("workbook", "departments", data)["result"]

    assert [d["department"] for d in result["departments"]] == ["IT部门", "数据部门"]
    assert result["missing"]["exchange"] == [{"department": "IT部门", "owner": "李总监"}, {"department": "数据部门", "owner": "王总监"}]
    assert result["missing"]["tracker"] == [{"department": "IT部门", "owner": "李总监"}]
    assert result["missing"]["resources"] == [{"department": "数据部门", "owner": "王总监"}]


def test_the_report_has_the_plan_the_matrix_with_scripts_and_the_tracker():
    result = call("workbook", "report", book())["result"]

    text = result["text"]
    assert text.startswith("# 智能服务升级 · 协调报告")
    for heading in ("## 一、资源需求清单", "### 各部门负担", "## 二、价值交换矩阵", "### 交换话术：IT部门", "## 三、协调进度追踪"):
        assert heading in text
    assert result["filename"] == "智能服务升级-协调报告-2026-03-02.md"


def test_a_sheet_with_problems_is_listed_in_the_report_instead_of_breaking_it():
    text = call("workbook", "report", book(resources={"rows": [need(priority="P9")]}))["result"]["text"]

    assert "这张表有 1 处需要修改" in text
    assert "## 二、价值交换矩阵" in text


def test_the_value_sheet_supplies_the_project_value_when_none_is_given():
    text = call("workbook", "report", book(value={"lost_customers_per_month": 200, "ltv": 2500}))["result"]["text"]

    assert "项目价值：这个问题让我们每月流失约" in text
    assert "## 四、价值测算" in text


def test_a_json_export_round_trips_through_check():
    exported = call("workbook", "export", book(), format="json")["result"]

    again = call("workbook", "check", json.loads(exported["text"]))["result"]["workbook"]

    assert again == json.loads(exported["text"])
    assert exported["filename"].endswith(".json")


def test_check_does_not_change_the_workbook_it_was_given():
    data = book()
    before = copy.deepcopy(data)

    call("workbook", "check", data)

    assert data == before


def test_loading_the_worked_example_moves_every_date_by_the_days_since_it_was_written():
    book = {
        "format": "crossdept-workbook",
        "version": 1,
        "project": {"name": "示例"},
        "worksheets": {
            "resources": {"rows": [{"resource": "开发", "needed_by": "2026-04-15", "workload": "2周"}]},
            "exchange": {"rows": []},
            "tracker": {"rows": [{"department": "IT", "last_contact": "2026-02-27"}]},
            "value": {},
        },
    }

    result = handle({"worksheet": "workbook", "action": "example", "today": "2026-03-03", "data": {"date": "2026-03-01", "workbook": book}})["result"]

    assert result["shift_days"] == 2
    assert result["workbook"]["worksheets"]["resources"]["rows"][0]["needed_by"] == "2026-04-17"
    assert result["workbook"]["worksheets"]["resources"]["rows"][0]["workload"] == "2周"
    assert result["workbook"]["worksheets"]["tracker"]["rows"][0]["last_contact"] == "2026-03-01"


def test_departments_the_learner_chose_to_skip_are_not_offered_again_whatever_their_spelling():
    book = {
        "format": "crossdept-workbook",
        "version": 2,
        "project": {},
        "skipped": {"tracker": ["it"]},
        "worksheets": {
            "resources": {"rows": [{"resource": "开发", "department": "IT部门"}, {"resource": "预算", "department": "财务部"}]},
            "exchange": {"rows": []},
            "tracker": {"rows": []},
            "value": {},
        },
    }

    result = handle({"worksheet": "workbook", "action": "departments", "data": book})["result"]

    assert [d["department"] for d in result["missing"]["tracker"]] == ["财务部"]
    assert [d["department"] for d in result["missing"]["exchange"]] == ["IT部门", "财务部"]


def test_a_sheet_with_a_blank_project_value_uses_the_value_calculators_sentence():
    inputs = {"lost_customers_per_month": "200", "ltv": "2500"}

    result = handle(
        {
            "worksheet": "tracker",
            "action": "review",
            "today": "2026-03-02",
            "data": {
                "project": {"name": "预约", "value_inputs": inputs},
                "rows": [{"department": "IT部门", "stance": "对立", "status": "受阻", "refusals": 3, "risk": "需要公司层面调配资源"}],
            },
        }
    )["result"]

    assert "600万" in result["brief"]["text"]

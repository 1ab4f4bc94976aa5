"""JSON backups are readable and complete; messages say where a problem is the way a learner sees it."""

import json

from crossdept.locations import locate

from .factories import call, contact, need, partner
from .seed import WORKBOOK


def book(version=2, **extra):
    return {
        "format": "crossdept-workbook",
        "version": version,
        "project": {"name": "上门取送车"},
        "worksheets": {"resources": {"rows": [need()]}, "exchange": {"rows": [partner()]}, "tracker": {"rows": [contact()]}},
        **extra,
    }


def test_the_json_backup_writes_chinese_as_chinese():
    text = call("workbook", "export", book(), format="json")["result"]["text"]

    assert "\\u" not in text and "上门取送车" in text and "系统开发" in text
    assert json.loads(text)["project"]["name"] == "上门取送车"


def test_skipped_departments_survive_an_export_and_an_import():
    skipped = {"exchange": ["法务部", "法务部", " "], "tracker": ["平安保险"]}

    exported = call("workbook", "export", book(skipped=skipped), format="json")["result"]["text"]
    reimported = call("workbook", "check", json.loads(exported))["result"]["workbook"]

    assert reimported["skipped"] == {"exchange": ["法务部"], "tracker": ["平安保险"]}


def test_a_version_1_backup_is_migrated_forward_keeping_what_it_has():
    old = book(version=1)
    with_skips = book(version=1, skipped={"tracker": ["市场部"]})

    assert call("workbook", "check", old)["result"]["workbook"]["skipped"] == {}
    assert call("workbook", "check", with_skips)["result"]["workbook"]["skipped"] == {"tracker": ["市场部"]}
    assert call("workbook", "check", WORKBOOK)["result"]["workbook"]["version"] == 3


def test_a_skipped_department_is_not_offered_to_that_sheet_again():
    data = book(skipped={"tracker": ["数据部门"]})
    data["worksheets"]["resources"]["rows"].append(need(department="数据部门", resource="数据"))

    result = call("workbook", "departments", data)["result"]

    assert "数据部门" not in [d["department"] for d in result["missing"]["tracker"]]
    assert "数据部门" in [d["department"] for d in result["missing"]["exchange"]]


def test_bad_skipped_entries_are_refused_at_their_field_in_chinese():
    response = call("workbook", "check", book(skipped={"tracker": "市场部"}))

    assert response["ok"] is False
    assert response["errors"][0]["field"] == "skipped.tracker"
    assert response["errors"][0]["message"].startswith("忽略的部门：")


def test_import_problems_name_the_sheet_and_row_and_keep_the_path_in_field():
    data = book()
    data["worksheets"]["resources"]["rows"] = [need(), need(), need(), need(), need(priority="P9")]

    problem = call("workbook", "check", data)["result"]["problems"][0]

    assert problem == {"field": "worksheets.resources.rows[4].priority", "message": "资源需求清单第 5 行：优先级只能是 P0、P1、P2"}


def test_a_shape_problem_names_the_column_when_the_message_does_not():
    data = book()
    data["worksheets"]["tracker"]["rows"][0]["risk"] = {"nested": True}

    error = call("workbook", "check", data)["errors"][0]

    assert error == {"field": "worksheets.tracker.rows[0].risk", "message": "协调进度追踪表第 1 行“风险”：应是文字或数字"}


def test_the_report_lists_problems_without_internal_paths():
    data = book()
    data["worksheets"]["resources"]["rows"] = [need(needed_by="02/30/2026")]

    text = call("workbook", "report", data)["result"]["text"]

    assert "资源需求清单第 1 行：需求时间“02/30/2026”：2026年2月没有30日" in text
    assert "rows[0]" not in text


def test_printing_empty_tables_prints_blanks_never_null():
    empty = {
        "format": "crossdept-workbook",
        "version": 2,
        "project": {},
        "worksheets": {
            "resources": {"rows": [{"resource": "接口", "department": "", "priority": "", "needed_by": "", "workload": "", "owner": ""}]},
            "exchange": {"rows": []},
            "tracker": {"rows": []},
        },
    }

    result = call("workbook", "tables", empty)["result"]
    markdown = call("workbook", "report", empty)["result"]["text"]

    cells = [cell for section in result["sections"] for row in section["rows"] for cell in row]
    assert all(isinstance(cell, str) for cell in cells)
    assert "null" not in json.dumps(result) and "None" not in markdown and "null" not in markdown


def test_locations_read_as_the_learner_sees_them():
    assert locate("rows[2].workload", "工作量应是数字加单位", "resources") == "资源需求清单第 3 行：工作量应是数字加单位"
    assert locate("ltv", "每位客户每年价值（LTV）不能是负数", "value") == "价值量化计算器：每位客户每年价值（LTV）不能是负数"
    assert locate("version", "无法识别这个工作簿的版本") == "无法识别这个工作簿的版本"

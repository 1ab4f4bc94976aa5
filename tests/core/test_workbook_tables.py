"""The workbook as printable tables: the same content as the report, as data the browser writes as text."""

from .factories import call, need
from .seed import WORKBOOK


def test_the_tables_follow_the_report_plan_map_matrix_tracker_and_value():
    result = call("workbook", "tables", WORKBOOK)["result"]

    titles = [s["title"] for s in result["sections"]]
    assert titles == ["一、资源需求清单（资源地图）", "各部门负担（资源地图）", "二、价值交换矩阵与交换话术", "三、协调进度追踪与升级简报", "四、价值测算"]
    assert result["project"]["name"] == "智能服务升级" and result["project"]["today"] == "2026-03-02"


def test_every_cell_is_text_and_the_scripts_come_as_sections_not_a_column():
    result = call("workbook", "tables", WORKBOOK)["result"]

    matrix = result["sections"][2]
    assert "交换话术" not in matrix["columns"]
    assert [s["title"] for s in matrix["sections"]] == ["交换话术：IT部门", "交换话术：数据部门"]
    assert all(isinstance(cell, str) for s in result["sections"] for row in s["rows"] for cell in row)
    tracker = result["sections"][3]
    assert tracker["sections"][0]["title"] == "升级简报"


def test_a_sheet_with_bad_input_shows_its_problems_and_the_others_still_print():
    book = {**WORKBOOK, "worksheets": {**WORKBOOK["worksheets"], "resources": {"rows": [need(priority="P9")]}}}

    result = call("workbook", "tables", book)["result"]

    resources = result["sections"][0]
    assert resources["rows"] == [] and resources["problems"][0]["field"] == "rows[0].priority"
    assert result["sections"][1]["sheet"] == "exchange" and result["sections"][1]["rows"]

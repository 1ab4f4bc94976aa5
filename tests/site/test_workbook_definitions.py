"""The workbook's definitions: a table must be one of the core's sheets with its columns, the worked
example must be a workbook the core accepts, and the pages the workbook links to must exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crossdept.definitions import check_definition
from crossdept.errors import DefinitionError
from tests.conftest import build_in_process
from crossdept_site.definitions import read_yaml

ROOT = Path(__file__).resolve().parents[2]
WORKSHEETS = ROOT / "worksheets"


def definition(name: str) -> dict:
    return read_yaml(WORKSHEETS / f"{name}.yml")


def problems(raw: dict) -> str:
    with pytest.raises(DefinitionError) as error:
        check_definition(raw, "worksheets/x.yml")
    return str(error.value)


def check_problems(raw: dict, name: str) -> list[str]:
    """Each problem as ``field: message``, as the build prints them under the file's name."""
    with pytest.raises(DefinitionError) as error:
        check_definition(raw, f"worksheets/{name}.yml", expected_id=name)
    return [f"{p.field}: {p.message}" for p in error.value.problems]


def test_a_table_column_that_is_not_a_column_of_the_core_fails_the_build_naming_file_and_field(project_copy, tmp_path):
    path = project_copy / "worksheets/resources.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("key: workload", "key: workloads"), encoding="utf-8")

    done = build_in_process(project_copy / "mkdocs.yml", tmp_path / "out")

    assert done.returncode != 0
    assert "worksheets/resources.yml" in done.stderr
    assert "columns[4].key" in done.stderr and "'workloads' is not a column of 'resources'" in done.stderr


def test_a_worked_example_the_core_would_flag_as_bad_input_fails_the_build(project_copy, tmp_path):
    path = project_copy / "worksheets/workbook.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("priority: P0", "priority: P9", 1), encoding="utf-8")

    done = build_in_process(project_copy / "mkdocs.yml", tmp_path / "out")

    assert done.returncode != 0
    assert "worksheets/workbook.yml" in done.stderr and "example.workbook.worksheets.resources.rows[0].priority" in done.stderr


@pytest.mark.parametrize(("change", "expected"), [
    ({"id": "budget"}, "id: a table is one of the workbook's sheets"),
    ({"action": "plot"}, "action: unknown action 'plot' of 'resources'"),
])
def test_a_table_must_be_a_sheet_of_the_core_with_one_of_its_actions(change, expected):
    assert expected in problems({**definition("resources"), **change})


def test_a_choice_is_a_value_or_a_value_with_a_label_and_a_width_is_a_size():
    raw = definition("resources")
    raw["columns"][2]["choices"][0] = {"value": "P0"}
    raw["columns"][0]["width"] = "wide"

    text = problems(raw)

    assert "columns[2].choices[0].label: must be a non-empty string" in text
    assert "columns[0].width: must be a width in rem between 0 and 40" in text


def test_a_worked_example_without_a_usable_date_is_refused():
    raw = definition("workbook")
    raw["example"] = {**raw["example"], "date": "next week"}

    assert "example.date: 今天的日期格式应是 2026-03-01" in problems(raw)


def test_a_worked_example_with_a_field_the_core_would_drop_is_refused():
    raw = definition("workbook")
    raw["example"] = {**raw["example"], "workbook": {**raw["example"]["workbook"], "colour": "red"}}

    assert "example.workbook: 已忽略未知字段“colour”" in problems(raw)


def test_the_worked_example_dates_are_iso_so_loading_can_shift_them_to_today():
    example = definition("workbook")["example"]["workbook"]["worksheets"]

    dates = [row[k] for sheet in ("resources", "tracker") for row in example[sheet]["rows"] for k in ("needed_by", "last_contact") if row.get(k)]

    assert dates and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dates)


def test_the_manifest_gives_every_workbook_tool_its_page_and_nav_title(built_site):
    bundle = next((built_site / "assets/crossdept").glob("worksheets.*.js")).read_text(encoding="utf-8")

    for tool, url, title in [("workbook", "tools/workbook/", "项目工作簿"), ("resources", "tools/resources/", "资源需求清单"),
                             ("exchange", "tools/exchange/", "价值交换矩阵"), ("tracker", "tools/tracker/", "协调进度追踪表"),
                             ("value", "tools/value/", "价值量化计算器")]:
        assert f'{tool}:{{url:"{url}",title:"{title}"}}' in bundle, tool
        assert (built_site / url / "index.html").is_file()


def test_each_tool_page_embeds_its_table_and_the_workbook_page_the_workbook():
    for tool in ("resources", "exchange", "tracker", "workbook"):
        text = (ROOT / "docs/tools" / f"{tool}.md").read_text(encoding="utf-8")
        assert f"::: worksheet {tool}\n" in text, tool


def test_a_tracker_whose_status_choices_the_core_would_refuse_fails_naming_the_field():
    raw = definition("tracker")
    raw["columns"][2]["choices"] = ["未开始", "聊过了"]

    problems = check_problems(raw, "tracker")

    assert "columns[2].choices[1]: '聊过了' is not a value the core accepts for 'tracker.status' " \
           "(one of: 未开始, 沟通中, 已同意, 已交付, 受阻)" in problems
    assert any(p.startswith("columns[2].choices: the core's values 沟通中") for p in problems)


def test_a_column_label_that_differs_from_the_core_fails():
    raw = definition("resources")
    raw["columns"][0]["label"] = "资源名称"

    assert check_problems(raw, "resources") == ["columns[0].label: '资源名称' differs from the core's label '资源' for 'resources.resource'"]


def test_a_free_text_column_cannot_become_a_choice_and_a_choice_column_cannot_become_text():
    raw = definition("resources")
    raw["columns"][0].update(type="choice", choices=["a"])
    raw["columns"][2] = {k: v for k, v in raw["columns"][2].items() if k != "choices"} | {"type": "text"}

    problems = check_problems(raw, "resources")

    assert "columns[0].type: the core reads 'resources.resource' as typed text, not a choice" in problems
    assert "columns[2].type: 'resources.priority' is a choice in the core (one of: P0, P1, P2)" in problems


def test_a_form_asking_for_a_field_the_core_does_not_read_fails():
    raw = definition("value")
    raw["fields"][0]["key"] = "lost_clients"

    assert check_problems(raw, "value") == [
        "fields[0].key: 'lost_clients' is not a field the core reads for 'value' "
        "(one of: lost_customers_per_month, ltv, investment, expected_revenue)"]

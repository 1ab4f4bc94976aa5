import datetime as dt

from crossdept.resources import plan

from .factories import call, codes, need, request


def test_rows_are_ordered_by_priority_then_date():
    rows = [
        need(resource="培训", priority="P1", needed_by="2026-03-05"),
        need(resource="数据", priority="P0", needed_by="2026-03-20"),
        need(resource="系统", priority="必需", needed_by="2026-03-10"),
    ]

    result = plan(request("resources", "plan", {"rows": rows}))

    assert [r["row"] for r in result["rows"]] == [2, 1, 0]
    assert result["rows"][0]["priority"] == "P0"


def test_relative_dates_and_workloads_are_resolved():
    rows = [need(needed_by="2周后", workload="3人月")]

    result = plan(request("resources", "plan", {"rows": rows}))

    assert result["rows"][0]["needed_by"] == "2026-03-16"
    assert result["rows"][0]["person_days"] == 66
    assert result["rows"][0]["days_left"] == 14


def test_a_p0_row_without_owner_is_flagged():
    rows = [need(owner="")]

    result = plan(request("resources", "plan", {"rows": rows}))

    flag = next(f for f in result["flags"] if f["code"] == "p0_no_owner")
    assert (flag["row"], flag["severity"], flag["topic"]) == (0, "error", "step-1")


def test_a_p1_row_without_owner_is_not_a_p0_gap():
    rows = [need(priority="P1", owner="")]

    result = plan(request("resources", "plan", {"rows": rows}))

    assert "p0_no_owner" not in codes(result)


def test_a_date_already_passed_is_flagged():
    rows = [need(needed_by="2026-02-01")]

    result = plan(request("resources", "plan", {"rows": rows}))

    assert "date_passed" in codes(result, 0)


def test_a_p0_without_a_p2_standing_in_is_flagged():
    rows = [need(resource="系统开发"), need(resource="数据支持", department="数据部门")]
    rows.append(need(resource="外包开发", department="外部", priority="P2", alternative_for="系统开发"))

    result = plan(request("resources", "plan", {"rows": rows}))

    assert "p0_no_fallback" not in codes(result, 0)
    assert "p0_no_fallback" in codes(result, 1)
    assert next(r for r in result["rows"] if r["row"] == 0)["fallbacks"] == [2]


def test_an_alternative_naming_no_resource_is_flagged():
    rows = [need(), need(resource="外部机构", priority="P2", alternative_for="不存在的资源")]

    result = plan(request("resources", "plan", {"rows": rows}))

    assert "alternative_unknown" in codes(result, 1)


def test_one_department_carrying_most_p0_asks_is_flagged():
    rows = [need(resource="A"), need(resource="B"), need(resource="C", department="数据部门")]

    result = plan(request("resources", "plan", {"rows": rows}))

    overload = [f for f in result["flags"] if f["code"] == "department_overload"]
    assert [f["row"] for f in overload] == [0]
    assert "IT部门" in overload[0]["message"]


def test_one_department_carrying_most_of_the_workload_is_flagged():
    rows = [need(workload="3人月"), need(resource="数据", department="数据部门", priority="P1", workload="3天")]

    result = plan(request("resources", "plan", {"rows": rows}))

    assert "department_overload" in codes(result, 0)


def test_a_single_department_is_not_overloaded_by_itself():
    rows = [need(resource="A"), need(resource="B")]

    result = plan(request("resources", "plan", {"rows": rows}))

    assert "department_overload" not in codes(result)


def test_departments_sum_person_days_and_asks():
    rows = [
        need(workload="1人月"),
        need(resource="接口", priority="P1", workload="2周", needed_by="2026-03-09", owner="小刘"),
        need(resource="数据", department="数据部门", workload="3天"),
    ]

    result = plan(request("resources", "plan", {"rows": rows}))

    it = result["departments"][0]
    assert (it["department"], it["person_days"], it["asks"], it["p0_asks"]) == ("IT部门", 32, 2, 1)
    assert (it["earliest"], it["owners"], it["rows"]) == ("2026-03-09", ["李总监", "小刘"], [0, 1])


def test_the_timeline_runs_from_today_to_when_each_resource_is_needed():
    rows = [need(needed_by="1周后", workload="3天"), need(resource="无日期", needed_by="")]

    result = plan(request("resources", "plan", {"rows": rows}))

    assert result["timeline"] == [
        {"row": 0, "resource": "系统开发", "department": "IT部门", "priority": "P0", "start": "2026-03-02", "end": "2026-03-09", "person_days": 3}
    ]


def test_a_blank_row_is_skipped_and_indices_stay_those_of_the_request():
    rows = [{"resource": "", "department": ""}, need()]

    result = plan(request("resources", "plan", {"rows": rows}))

    assert [r["row"] for r in result["rows"]] == [1]


def test_every_bad_field_is_reported_at_once_with_its_path():
    rows = [need(priority="P9"), need(workload="很多", needed_by="下辈子")]

    response = call("resources", "plan", {"rows": rows})

    assert response["ok"] is False
    assert [e["field"] for e in response["errors"]] == ["rows[0].priority", "rows[1].needed_by", "rows[1].workload"]


def test_a_null_row_is_refused_not_skipped():
    response = call("resources", "plan", {"rows": [need(), None]})

    assert response["ok"] is False
    assert response["errors"][0]["field"] == "rows[1]"


def test_a_workload_larger_than_the_time_left_is_pointed_out():
    rows = [need(needed_by="2周后", workload="3人月")]

    result = plan(request("resources", "plan", {"rows": rows}))

    flag = next(f for f in result["flags"] if f["code"] == "workload_exceeds_time")
    assert "10 个工作日" in flag["message"]


def test_without_today_iso_dates_still_work_and_nothing_is_compared_to_today():
    rows = [need(needed_by="2000-01-01")]

    result = plan(request("resources", "plan", {"rows": rows}, today=None))

    assert result["rows"][0]["needed_by"] == "2000-01-01"
    assert "date_passed" not in codes(result)
    assert result["timeline"][0]["start"] is None


def test_flags_come_most_severe_first():
    rows = [need(owner="", needed_by="2026-02-01")]

    result = plan(request("resources", "plan", {"rows": rows}))

    severities = [f["severity"] for f in result["flags"]]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


def test_a_date_at_the_end_of_the_calendar_does_not_break_the_plan():
    rows = [need(needed_by="9999-12-31")]

    result = plan(request("resources", "plan", {"rows": rows}, today=dt.date(9999, 12, 30)))

    assert result["rows"][0]["days_left"] == 1

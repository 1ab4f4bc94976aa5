"""The resource list notices workloads that are probably something else, and years it had to guess."""

from .factories import call, codes, need


def plan(*rows, today="2026-03-02"):
    return call("resources", "plan", {"rows": list(rows)}, today=today)["result"]


def test_an_approval_counted_in_days_may_be_elapsed_time():
    result = plan(need(resource="法务审批", department="法务部", workload="10天"))

    assert "workload_elapsed_time" in codes(result, 0)
    assert "日历时间" in next(f["message"] for f in result["flags"] if f["code"] == "workload_elapsed_time")


def test_an_approval_counted_in_person_days_is_effort_and_gets_no_note():
    assert "workload_elapsed_time" not in codes(plan(need(resource="法务审批", workload="2人天")))


def test_more_than_100_person_months_is_probably_a_slip_of_the_unit():
    result = plan(need(workload="1000人月"))

    flag = next(f for f in result["flags"] if f["code"] == "workload_implausible")
    assert flag["severity"] == "warning" and "1000 人月" in flag["message"]


def test_100_person_months_is_still_plausible():
    assert "workload_implausible" not in codes(plan(need(workload="100人月")))


def test_a_deadline_without_a_year_that_falls_next_year_is_explained():
    result = plan(need(needed_by="1月15日"), today="2026-11-20")

    assert result["rows"][0]["needed_by"] == "2027-01-15"
    assert "date_year_inferred" in codes(result, 0)


def test_typed_dates_resolve_to_iso_in_the_plan():
    result = plan(need(needed_by="下周五"), need(resource="数据", needed_by="月底"))

    assert {r["resource"]: r["needed_by"] for r in result["rows"]} == {"系统开发": "2026-03-13", "数据": "2026-03-31"}

"""The build's calendar data: China's holidays and 调休 from the holidays package, in the core's shape."""

from crossdept.api import handle
from crossdept_site.calendar_data import china_calendar


def test_2026_has_the_spring_festival_off_and_its_make_up_saturdays_worked():
    data = china_calendar(2026, 2026)

    assert {"2026-01-01", "2026-02-17", "2026-10-01"} <= set(data["holidays"])
    assert {"2026-02-14", "2026-02-28"} <= set(data["workdays"])
    assert all(day.startswith("2026-") for day in data["holidays"] + data["workdays"])


def test_the_data_is_what_the_core_takes_as_its_calendar():
    data = china_calendar(2025, 2027)

    response = handle({"worksheet": "resources", "action": "plan", "today": "2026-02-13", "calendar": data,
                       "data": {"rows": [{"resource": "接口开发", "department": "IT部门", "priority": "P0",
                                          "needed_by": "2026-02-27", "workload": "6天", "owner": "李总监"}]}})

    assert response["ok"] is True
    assert any("5 个工作日" in f["message"] for f in response["result"]["flags"])

"""Working days with China's public holidays and make-up working days (调休), given as data in the request."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crossdept.errors import Problem
from crossdept.workdays import WEEKENDS_ONLY, WorkCalendar, read_calendar, weekdays_between

from .factories import call, need

# 2026's Spring Festival as the State Council set it: 2-16 … 2-20 and 2-23 off, Saturdays 2-14 and 2-28 worked.
SPRING_2026 = {"holidays": ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23"], "workdays": ["2026-02-14", "2026-02-28"]}
EXAMPLES = settings(max_examples=150, deadline=None, database=None)


def calendar_of(raw: dict) -> WorkCalendar:
    problems: list[Problem] = []
    calendar = read_calendar(raw, problems)
    assert problems == []
    return calendar


def test_without_a_calendar_only_weekends_are_off():
    assert WEEKENDS_ONLY.working_days_between(dt.date(2026, 2, 13), dt.date(2026, 2, 27)) == 10


def test_holidays_are_off_and_make_up_saturdays_are_worked():
    spring = calendar_of(SPRING_2026)

    # Fri 2-13 → Fri 2-27: ten weekdays, six of them holidays, plus Saturday 2-14 worked.
    assert spring.working_days_between(dt.date(2026, 2, 13), dt.date(2026, 2, 27)) == 5
    assert spring.is_working_day(dt.date(2026, 2, 14)) and not spring.is_working_day(dt.date(2026, 2, 17))


def test_the_resource_plan_counts_working_days_with_the_requests_calendar():
    rows = [need(resource="接口开发", needed_by="2026-02-27", workload="6天")]

    plain = call("resources", "plan", {"rows": rows}, today="2026-02-13")["result"]
    spring = call("resources", "plan", {"rows": rows}, today="2026-02-13", calendar=SPRING_2026)["result"]

    assert "workload_exceeds_time" not in [f["code"] for f in plain["flags"]]
    assert any(f["code"] == "workload_exceeds_time" and "5 个工作日" in f["message"] for f in spring["flags"])


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ("2026", "calendar"),
        ({"holidays": "2026-10-01"}, "calendar.holidays"),
        ({"holidays": ["10月1日"]}, "calendar.holidays[0]"),
        ({"workdays": [20260101]}, "calendar.workdays[0]"),
        ({"holidays": ["2026-10-01"], "workdays": ["2026-10-01"]}, "calendar"),
        ({"holiday": []}, "calendar"),
    ],
)
def test_a_bad_calendar_is_refused_at_its_field(raw, field):
    response = call("resources", "plan", {"rows": [need()]}, calendar=raw)

    assert response["ok"] is False
    assert response["errors"][0]["field"] == field


@EXAMPLES
@given(
    st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)),
    st.integers(0, 800),
    st.lists(st.dates(dt.date(2000, 1, 1), dt.date(2102, 1, 1)), max_size=30),
    st.lists(st.dates(dt.date(2000, 1, 1), dt.date(2102, 1, 1)), max_size=30),
)
def test_a_count_equals_counting_day_by_day(start, length, holidays, workdays):
    calendar = WorkCalendar.of(holidays, [d for d in workdays if d not in set(holidays)])
    end = start + dt.timedelta(days=length)

    by_hand = sum(calendar.is_working_day(start + dt.timedelta(days=n)) for n in range(1, length + 1))

    assert calendar.working_days_between(start, end) == by_hand
    assert weekdays_between(start, end) == sum((start + dt.timedelta(days=n)).weekday() < 5 for n in range(1, length + 1))

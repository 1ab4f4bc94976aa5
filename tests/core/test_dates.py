import datetime as dt

import pytest

from crossdept.dates import days_ahead, parse_workload, read_when, read_workload, working_days_between
from crossdept.fields import Reader

from .factories import TODAY


@pytest.mark.parametrize(("text", "days"), [
    ("3天后", 3), ("1周后", 7), ("2周后", 14), ("两周后", 14), ("1个月后", 30), ("十天后", 10),
    ("二十天后", 20), ("明天", 1), ("今天", 0), ("3 天后", 3), ("2个星期后", 14),
])
def test_relative_dates_count_calendar_days_with_a_month_as_30(text, days):
    assert days_ahead(text) == days


@pytest.mark.parametrize("text", ["下下周", "2周", "天后", "十十天后", "2026-03-01", "三二天后"])
def test_text_that_is_not_a_relative_date_is_not_read_as_one(text):
    assert days_ahead(text) is None


@pytest.mark.parametrize(("text", "person_days"), [
    ("3人月", 66), ("1月", 22), ("2周", 10), ("1人周", 5), ("3天", 3), ("3人天", 3), ("0.5天", 0.5), ("4小时", 0.5), ("5", 5), (2, 2),
])
def test_workloads_are_converted_to_person_days(text, person_days):
    assert parse_workload(text) == person_days


@pytest.mark.parametrize("raw", ["三人月", "很多", "-3天", True, None, 1e9, "3年"])
def test_an_unreadable_workload_is_refused(raw):
    with pytest.raises(ValueError):
        parse_workload(raw)


def test_a_relative_date_resolves_from_today():
    reader = Reader({"when": "2周后"})

    resolved = read_when(reader, "when", "需求时间", TODAY)

    assert resolved == dt.date(2026, 3, 16)
    assert reader.problems == []


def test_a_relative_date_without_today_asks_for_a_real_date():
    reader = Reader({"when": "2周后"})

    resolved = read_when(reader, "when", "需求时间", None)

    assert resolved is None
    assert reader.problems[0].field == "when"
    assert "具体日期" in reader.problems[0].message


def test_a_relative_date_past_the_calendar_is_a_problem_not_a_crash():
    reader = Reader({"when": "3000天后"})

    resolved = read_when(reader, "when", "需求时间", dt.date(9999, 1, 1))

    assert resolved is None
    assert reader.problems


def test_a_bad_workload_names_its_field_and_the_units():
    reader = Reader({"workload": "很多"}, "rows[2]")

    text, person_days = read_workload(reader, "workload", "工作量")

    assert (text, person_days) == ("很多", None)
    assert reader.problems[0].field == "rows[2].workload"
    assert "人月" in reader.problems[0].message


def test_working_days_skip_weekends():
    assert working_days_between(TODAY, dt.date(2026, 3, 16)) == 10
    assert working_days_between(TODAY, TODAY) == 0
    assert working_days_between(dt.date(2026, 3, 6), dt.date(2026, 3, 9)) == 1  # Friday → Monday

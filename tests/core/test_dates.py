import datetime as dt

import pytest

from crossdept.dates import days_ahead, read_when
from crossdept.fields import Reader
from crossdept.workdays import WEEKENDS_ONLY
from crossdept.workloads import parse_workload, read_workload

from .factories import TODAY

working_days_between = WEEKENDS_ONLY.working_days_between


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("3天后", 3),
        ("1周后", 7),
        ("2周后", 14),
        ("两周后", 14),
        ("1个月后", 30),
        ("十天后", 10),
        ("二十天后", 20),
        ("明天", 1),
        ("今天", 0),
        ("3 天后", 3),
        ("2个星期后", 14),
    ],
)
def test_relative_dates_count_calendar_days_with_a_month_as_30(text, days):
    assert days_ahead(text) == days


@pytest.mark.parametrize("text", ["下下周", "2周", "天后", "十十天后", "2026-03-01", "三二天后"])
def test_text_that_is_not_a_relative_date_is_not_read_as_one(text):
    assert days_ahead(text) is None


@pytest.mark.parametrize(
    ("text", "person_days"),
    [
        ("3人月", 66),
        ("1月", 22),
        ("2周", 10),
        ("1人周", 5),
        ("3天", 3),
        ("3人天", 3),
        ("0.5天", 0.5),
        ("4小时", 0.5),
        ("5", 5),
        (2, 2),
    ],
)
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


# ---- dates as people type them -----------------------------------------------------------------

import calendar as month_calendar  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from crossdept.dates import DateError, parse_date  # noqa: E402

EXAMPLES = settings(max_examples=200, deadline=None, database=None)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-03-16", "2026-03-16"),
        ("2026-3-16", "2026-03-16"),
        ("2026/3/16", "2026-03-16"),
        ("2026.3.16", "2026-03-16"),
        ("2026年3月16日", "2026-03-16"),
        ("03/16/2026", "2026-03-16"),
        ("3月16日", "2026-03-16"),
        ("3月16号", "2026-03-16"),
        ("3/16", "2026-03-16"),
        ("三月十六日", "2026-03-16"),
        ("１月１５日", "2027-01-15"),
        ("1/15", "2027-01-15"),
        ("3天后", "2026-03-05"),
        ("2周后", "2026-03-16"),
        ("两个星期后", "2026-03-16"),
        ("周五", "2026-03-06"),
        ("星期一", "2026-03-02"),
        ("本周五", "2026-03-06"),
        ("下周五", "2026-03-13"),
        ("下下周一", "2026-03-16"),
        ("上周五", "2026-02-27"),
        ("礼拜天", "2026-03-08"),
        ("月底", "2026-03-31"),
        ("本月底", "2026-03-31"),
        ("下月底", "2026-04-30"),
        ("下个月底", "2026-04-30"),
        ("下个月初", "2026-04-01"),
        ("月中", "2026-03-15"),
        ("3月底", "2026-03-31"),
        ("2月底", "2027-02-28"),
        ("年底", "2026-12-31"),
    ],
)
def test_dates_are_read_as_people_type_them_counting_from_today(text, day):
    assert parse_date(text, TODAY).day.isoformat() == day


def test_a_date_without_a_year_is_the_next_one_and_says_so_when_that_is_next_year():
    on_a_november_day = dt.date(2026, 11, 20)

    typed = parse_date("1月15日", on_a_november_day)

    assert typed.day == dt.date(2027, 1, 15)
    assert "2027-01-15" in typed.year_note and "已经过去" in typed.year_note


def test_a_date_without_a_year_this_year_needs_no_note():
    assert parse_date("12月1日", dt.date(2026, 11, 20)).year_note == ""


def test_a_record_of_the_past_takes_the_latest_such_day_up_to_today():
    assert parse_date("12月20日", TODAY, past=True).day == dt.date(2025, 12, 20)
    assert parse_date("周五", TODAY, past=True).day == dt.date(2026, 2, 27)
    assert parse_date("3天前", TODAY, past=True).day == dt.date(2026, 2, 27)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("02/30/2026", "2026年2月没有30日"),
        ("2026-02-30", "2026年2月没有30日"),
        ("2月30日", "2月没有30日"),
        ("13/5", "没有13月"),
        ("下辈子", "无法识别为日期"),
        ("5000天后", "太远了"),
    ],
)
def test_a_date_that_does_not_exist_is_refused_with_the_reason(text, reason):
    with pytest.raises(DateError) as refused:
        parse_date(text, TODAY)

    assert reason in refused.value.reason


def test_february_29th_without_a_year_is_the_next_leap_day():
    assert parse_date("2月29日", TODAY).day == dt.date(2028, 2, 29)


def test_a_bad_date_is_a_problem_at_its_field_that_quotes_what_was_typed():
    reader = Reader({"when": "02/30/2026"}, "rows[3]")

    assert read_when(reader, "when", "需求时间", TODAY) is None

    assert reader.problems[0].field == "rows[3].when"
    assert reader.problems[0].message.startswith("需求时间“02/30/2026”：")


@EXAMPLES
@given(st.text(max_size=12), st.dates(), st.booleans())
def test_any_text_is_a_date_or_a_date_error_never_a_crash(text, today, past):
    try:
        typed = parse_date(text, today, past=past)
    except DateError as error:
        assert error.reason
    else:
        assert isinstance(typed.day, dt.date)


@EXAMPLES
@given(st.dates(dt.date(1900, 1, 1), dt.date(9000, 1, 1)), st.integers(1, 12), st.integers(1, 31), st.booleans())
def test_a_day_without_a_year_is_within_a_year_of_today_on_the_chosen_side(today, month, day, past):
    if day > month_calendar.monthrange(2024, month)[1] or (month, day) == (2, 29):
        return

    resolved = parse_date(f"{month}月{day}日", today, past=past).day

    assert (resolved.month, resolved.day) == (month, day)
    assert (0 <= (today - resolved).days < 366) if past else (0 <= (resolved - today).days < 366)


@EXAMPLES
@given(st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)), st.integers(0, 400), st.sampled_from(["天后", "日后", "天以后"]))
def test_n_days_later_is_today_plus_n(today, days, suffix):
    assert parse_date(f"{days}{suffix}", today).day == today + dt.timedelta(days=days)

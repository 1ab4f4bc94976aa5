"""Numbers as people write them in a Chinese office: 20w, 2千, 5百万, 1.5亿, full-width digits, 1,000."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crossdept.numbers import format_yuan, parse_amount

EXAMPLES = settings(max_examples=200, deadline=None, database=None)
MULTIPLIERS = {
    "": 1,
    "十": 10,
    "百": 100,
    "千": 1_000,
    "k": 1_000,
    "K": 1_000,
    "万": 10_000,
    "w": 10_000,
    "W": 10_000,
    "百万": 1_000_000,
    "千万": 10_000_000,
    "亿": 100_000_000,
}
FULL_WIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("20w", 200_000),
        ("20W", 200_000),
        ("500W", 5_000_000),
        ("2千", 2_000),
        ("5百万", 5_000_000),
        ("1.5亿", 150_000_000),
        ("0.25万", 2_500),
        ("２０万", 200_000),
        ("1,000", 1_000),
        ("1，000", 1_000),
        ("1,000,000元", 1_000_000),
        ("20万元", 200_000),
        ("1.5亿元", 150_000_000),
        (" 2 500 ", 2_500),
        ("１．５亿", 150_000_000),
        ("10k", 10_000),
        ("3千万", 30_000_000),
        ("200块", 200),
        (2500, 2_500),
        (0.5, 0.5),
    ],
)
def test_amounts_are_read_as_people_type_them(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["", "abc", "2万万", "1e5", "1,00", "万", "20万美元", "十万", "--3", True, None, [1], "nan", "inf"])
def test_text_that_is_not_an_amount_is_refused_not_guessed(text):
    with pytest.raises(ValueError):
        parse_amount(text)


@EXAMPLES
@given(st.integers(0, 10**9), st.sampled_from(sorted(MULTIPLIERS)))
def test_a_whole_number_with_any_multiplier_is_that_number_times_the_multiplier(number, multiplier):
    assert parse_amount(f"{number}{multiplier}") == number * MULTIPLIERS[multiplier]


@EXAMPLES
@given(st.integers(0, 10**12), st.sampled_from(["", "万", "亿", "元"]))
def test_thousands_separators_and_full_width_digits_change_nothing(number, unit):
    plain = parse_amount(f"{number}{unit}")

    assert parse_amount(f"{number:,}{unit}") == plain
    assert parse_amount(f"{number:,}{unit}".translate(FULL_WIDTH)) == plain
    assert parse_amount(f"{number:,}".replace(",", "，") + unit) == plain


@EXAMPLES
@given(st.integers(0, 10**11))
def test_what_the_course_writes_reads_back_close_to_the_amount(number):
    written = format_yuan(number)

    assert parse_amount(written) == pytest.approx(number, rel=0.01, abs=0.5)


def test_the_value_calculator_takes_20w_and_5百万():
    from .factories import call

    response = call("value", "quantify", {"investment": "20w", "expected_revenue": "5百万"})

    assert response["ok"] is True
    assert response["result"]["roi_display"] == "25倍"

"""Every exchange row is checked as an exchange: a give and a get that each say something, and not the same thing."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crossdept.placeholders import is_placeholder, is_thanks_only, same

from .factories import call, codes, partner


def flags_of(**fields):
    return codes(call("exchange", "analyze", {"rows": [partner(**fields)]})["result"], 0)


@pytest.mark.parametrize("text", ["无", "暂无", "没有", "-", "—", "/", "无。", " 无 ", "待定", "N/A", "——"])
def test_a_placeholder_give_is_flagged_like_a_missing_one(text):
    assert "placeholder_give" in flags_of(i_give=text)


@pytest.mark.parametrize("text", ["无", "暂无", "-", "/"])
def test_a_placeholder_get_is_flagged(text):
    assert "placeholder_get" in flags_of(they_get=text)


@pytest.mark.parametrize("text", ["感谢", "谢谢", "谢谢！", "感谢支持", "非常感谢。"])
def test_thanks_alone_is_not_what_the_other_side_gets(text):
    assert "thanks_only_get" in flags_of(they_get=text)
    assert "thanks_only_give" in flags_of(i_give=text)


def test_the_issues_row_of_nothing_for_nothing_is_flagged_on_every_column():
    found = flags_of(their_needs="无", i_give="无", they_get="感谢", plan="")

    assert {"placeholder_needs", "placeholder_give", "thanks_only_get"} <= set(found)


def test_giving_what_they_get_is_not_an_exchange():
    assert "give_equals_get" in flags_of(i_give="需求文档", they_get="需求文档。")
    assert "give_equals_get" in flags_of(i_give="CEO 曝光", they_get="ceo曝光")


def test_a_real_exchange_raises_none_of_these():
    found = flags_of()

    assert not {"placeholder_give", "placeholder_get", "thanks_only_get", "thanks_only_give", "give_equals_get"} & set(found)


def test_a_placeholder_does_not_count_as_lowering_the_threshold_or_answering_a_concern():
    result = call("exchange", "analyze", {"rows": [partner(i_give="无", they_get="-", plan="-")]})["result"]

    assert "no_lower_threshold" in codes(result)


def test_the_placeholder_flags_name_the_department_and_what_was_typed():
    result = call("exchange", "analyze", {"rows": [partner(department="法务部", i_give="暂无")]})["result"]

    message = next(f["message"] for f in result["flags"] if f["code"] == "placeholder_give")
    assert "法务部" in message and "“暂无”" in message


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.one_of(st.text(max_size=20), st.sampled_from(["无", "暂无", "-", "感谢", "谢谢", "需求文档", "CEO曝光"])),
    st.sampled_from(["。", "！", " ", "，", "..."]),
)
def test_trailing_punctuation_and_spaces_change_neither_placeholders_nor_sameness(text, tail):
    assert is_placeholder(text + tail) == is_placeholder(text)
    assert is_thanks_only(text + tail) == is_thanks_only(text)
    if same(text, text):  # a cell with something in it
        assert same(text, text + tail)

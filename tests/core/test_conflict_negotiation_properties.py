"""Properties of the conflict and negotiation worksheets: whatever a learner types, a clear answer."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crossdept.api import handle
from crossdept.conflict import LABELS as CONFLICT_LABELS
from crossdept.negotiation import LABELS as NEGOTIATION_LABELS
from crossdept.negotiation import LESS, MORE, better, zopa

from .test_properties import assert_answers_well

EXAMPLES = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
CHINESE = re.compile(r"[\u4e00-\u9fff]")

amounts = st.one_of(st.integers(0, 10**9), st.floats(0, 1e9, allow_nan=False))
directions = st.sampled_from([MORE, LESS])
# What people type into the fields, good and bad, so both answers are exercised.
typed = st.sampled_from(
    [
        "",
        " ",
        "3",
        "5",
        "0",
        "6",
        "-2",
        "1.5",
        "二",
        "8周",
        "20天",
        "3人月",
        "20万",
        "20万元",
        "二十万",
        "15%",
        "15％",
        "1e5",
        "周",
        "元",
        "万元",
        "人天",
        "%",
        "越多越好",
        "越少越好",
        "卖方",
        "买方",
        "more",
        "less",
        "随便",
        "目标冲突",
        "利益冲突",
        "信息冲突",
        "职责冲突",
        "关系冲突",
        "goals",
        "奇怪",
        "低",
        "中",
        "高",
        "紧急",
        "我方",
        "对方",
        "都没有",
        "IT部门",
        "李总监",
        "预算不够，排期排不上",
        "上次合作不愉快",
        "让步 → 换取\n只让步",
        "=1+1",
        "<b>x</b>",
        "a|b\nc",
    ]
)
values = st.one_of(typed, st.none(), st.booleans(), amounts, st.integers(-10, 10), st.text(max_size=8), st.lists(st.integers(), max_size=2))
conflict_forms = st.dictionaries(st.sampled_from(sorted(CONFLICT_LABELS)), values, max_size=12)
negotiation_forms = st.dictionaries(st.sampled_from(sorted(NEGOTIATION_LABELS)), values, max_size=12)


@EXAMPLES
@given(directions, amounts, amounts)
def test_the_zopa_is_the_same_for_a_buyer_and_a_seller_with_swapped_limits(direction, mine, theirs):
    other = LESS if direction == MORE else MORE

    assert zopa(direction, mine, theirs) == zopa(other, theirs, mine)


@EXAMPLES
@given(directions, amounts, amounts)
def test_there_is_a_zopa_exactly_when_the_reservation_points_overlap(direction, mine, theirs):
    found = zopa(direction, mine, theirs)

    if better(direction, mine, theirs):  # I insist on more than they can give
        assert found is None
    else:
        low, high = found
        assert low <= high and {low, high} == {mine, theirs}


@EXAMPLES
@given(directions, amounts, amounts, amounts)
def test_an_analysed_zopa_is_symmetric_through_the_boundary(direction, mine, theirs, target):
    other = "越少越好" if direction == MORE else "越多越好"
    chosen = "越多越好" if direction == MORE else "越少越好"
    first = handle(
        {"worksheet": "negotiation", "action": "analyze", "data": {"direction": chosen, "reservation": mine, "their_reservation": theirs, "unit": "元"}}
    )
    second = handle(
        {"worksheet": "negotiation", "action": "analyze", "data": {"direction": other, "reservation": theirs, "their_reservation": mine, "unit": "元"}}
    )

    assert first["ok"] and second["ok"]
    assert first["result"]["zopa"] == second["result"]["zopa"]
    assert first["result"]["zopa"]["exists"] is (not better(direction, mine, theirs))


@EXAMPLES
@given(st.integers(1, 5), st.integers(1, 5), st.sampled_from(["", "低", "中", "高", "紧急"]), st.sampled_from(["", "我方", "对方", "双方共同", "都没有"]))
def test_every_importance_pair_in_any_context_gets_a_mode_a_reason_and_alternatives(outcome, relationship, urgency, authority):
    response = handle(
        {"worksheet": "conflict", "action": "analyze", "data": {"outcome": outcome, "relationship": relationship, "urgency": urgency, "authority": authority}}
    )

    result = response["result"]
    assert result["mode"]["name"] in {"竞争", "合作", "妥协", "回避", "迁就"}
    assert result["reason"] and result["alternatives"]
    assert all(a["mode"] != result["mode"]["id"] for a in result["alternatives"])


def _answers_with_chinese_messages_at_known_fields(response, labels):
    assert_answers_well(response)
    if not response["ok"]:
        assert all(e["field"] in labels or e["field"] in ("data", "format") for e in response["errors"]), response
        assert all(CHINESE.search(e["message"]) for e in response["errors"])


@EXAMPLES
@given(conflict_forms, st.sampled_from(["analyze", "export"]), st.sampled_from(["markdown", "csv", "pdf"]))
def test_any_conflict_form_is_answered_with_results_or_messages_at_its_fields(form, action, fmt):
    response = handle({"worksheet": "conflict", "action": action, "data": form, "format": fmt, "today": "2026-03-02"})

    _answers_with_chinese_messages_at_known_fields(response, CONFLICT_LABELS)


@EXAMPLES
@given(negotiation_forms, st.sampled_from(["analyze", "export"]), st.sampled_from(["markdown", "csv", "pdf"]))
def test_any_negotiation_form_is_answered_with_results_or_messages_at_its_fields(form, action, fmt):
    response = handle({"worksheet": "negotiation", "action": action, "data": form, "format": fmt, "today": "2026-03-02"})

    _answers_with_chinese_messages_at_known_fields(response, NEGOTIATION_LABELS)


@EXAMPLES
@given(conflict_forms)
def test_generated_conflict_text_never_doubles_its_punctuation(form):
    response = handle({"worksheet": "conflict", "action": "analyze", "data": form})

    if response["ok"]:
        generated = response["result"]["opening"] + response["result"]["plan_display"]
        user = "".join(str(v) for v in form.values())
        for doubled in re.findall(r"[。，；：、]{2}", generated):
            assert doubled in user, (doubled, generated)

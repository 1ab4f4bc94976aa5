"""The value calculator never shows a figure or a sentence built on an input that does not read."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .factories import call
from .generated_text import problems_in

VALID = {"lost_customers_per_month": "200", "ltv": "2500", "investment": "20w", "expected_revenue": "5百万"}


@pytest.mark.parametrize("field", sorted(VALID))
@pytest.mark.parametrize("bad", ["二十万", "abc", "-5", "1,00", True])
def test_one_invalid_field_gives_errors_and_no_result_at_all(field, bad):
    response = call("value", "quantify", {**VALID, field: bad})

    assert response["ok"] is False and "result" not in response
    assert [e["field"] for e in response["errors"]] == [field]


CELL = st.sampled_from(["", "200", "2500", "20w", "5百万", "0", "1.5亿", "abc", "-3"])


@settings(max_examples=300, deadline=None, database=None)
@given(CELL, CELL, CELL, CELL)
def test_any_inputs_give_whole_sentences_or_no_result(lost, ltv, investment, revenue):
    response = call("value", "quantify", {"lost_customers_per_month": lost, "ltv": ltv, "investment": investment, "expected_revenue": revenue})

    if not response["ok"]:
        assert "result" not in response
        return
    result = response["result"]
    sentence = result["sentence"]
    assert problems_in(sentence) == []
    assert ("一年损失约" in sentence) == bool(result["annual_loss_display"])
    assert ("投入产出比约" in sentence) == bool(result["roi_display"])
    assert all(clause.endswith(("收入", "倍")) for clause in sentence.split("。") if clause)

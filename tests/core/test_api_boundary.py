"""The boundary answers every input, however deep or large, with JSON: never an exception, never a hang."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from crossdept.api import handle, handle_json


def test_a_workbook_nested_thousands_of_levels_deep_gets_a_chinese_refusal_not_an_exception():
    deep = '{"worksheet": "workbook", "action": "check", "data": ' + "[" * 5000 + "]" * 5000 + "}"

    answer = json.loads(handle_json(deep))

    assert answer["ok"] is False
    assert "嵌套太深" in answer["errors"][0]["message"]


def test_a_deep_structure_built_in_python_is_refused_too():
    data: list = []
    for _ in range(5000):
        data = [data]

    answer = handle({"worksheet": "workbook", "action": "check", "data": {"format": "crossdept-workbook", "version": 1, "project": data}})

    assert answer["ok"] is False
    json.dumps(answer)


def test_malformed_json_is_refused_with_a_message():
    answer = json.loads(handle_json("{not json"))

    assert answer == {"ok": False, "errors": [{"field": "request", "message": "请求不是有效的 JSON"}]}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None)
@given(
    worksheet=st.sampled_from(["resources", "exchange", "tracker", "value", "workbook", "quiz", "capability", "journal", "x"]),
    action=st.text(max_size=12),
    data=json_values,
)
def test_every_request_of_any_shape_gets_a_json_answer(worksheet, action, data):
    text = json.dumps({"worksheet": worksheet, "action": action, "data": data})

    answer = json.loads(handle_json(text))

    assert answer["ok"] in (True, False)
    if not answer["ok"]:
        assert all(e["message"] for e in answer["errors"])

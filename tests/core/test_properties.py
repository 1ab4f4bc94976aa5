"""Whatever arrives at the boundary, it answers with JSON-able data and never with an internal error."""

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crossdept.api import WORKSHEETS, handle, handle_json
from crossdept.playbook import ELEMENTS, OBSTACLE_CHOICES, STANCE_CHOICES, STATUS_CHOICES, TOPICS

# database=None: the suite leaves nothing behind in the working tree.
EXAMPLES = settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(st.none(), st.booleans(), st.integers(-(10**6), 10**12), st.floats(allow_nan=False), st.text(max_size=12))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=12)
# Cells that look like what people type, so the sheets get past validation often enough to be exercised.
typed = st.sampled_from(
    [
        "",
        "P0",
        "P1",
        "P2",
        "必需",
        "备选",
        "2周后",
        "3天后",
        "1个月后",
        "十天后",
        "2026-03-16",
        "0001-01-01",
        "9999-12-31",
        "3人月",
        "2周",
        "3天",
        "0",
        "IT部门",
        "数据部门",
        "市场部",
        "外部培训机构",
        "李总监",
        "=1+1",
        "a|b\nc",
        "<b>",
        *STANCE_CHOICES,
        *STATUS_CHOICES,
        *OBSTACLE_CHOICES,
        "1",
        "2",
        "3",
    ]
)
cell = st.one_of(typed, scalars)
COLUMNS = [
    "resource",
    "department",
    "priority",
    "needed_by",
    "workload",
    "owner",
    "alternative_for",
    "their_needs",
    "i_give",
    "they_get",
    "plan",
    "stance",
    "status",
    "progress",
    "next_step",
    "last_contact",
    "risk",
    "obstacle",
    "refusals",
]
rows = st.lists(st.one_of(st.dictionaries(st.sampled_from(COLUMNS), cell, max_size=10), json_values), max_size=6)
todays = st.one_of(st.none(), st.dates().map(dt.date.isoformat), st.sampled_from(["2026-03-02", "昨天", "9999-12-31"]), scalars)
project = st.one_of(st.none(), st.fixed_dictionaries({}, optional={"name": cell, "value": cell, "sponsor": cell}), json_values)
workbook = st.fixed_dictionaries(
    {"format": st.sampled_from(["crossdept-workbook", "x"]), "version": st.sampled_from([1, 2, 0, "1", None])},
    optional={
        "project": project,
        "worksheets": st.fixed_dictionaries(
            {},
            optional={
                "resources": st.fixed_dictionaries({"rows": rows}),
                "exchange": st.fixed_dictionaries({"rows": rows}),
                "tracker": st.fixed_dictionaries({"rows": rows}),
                "value": st.dictionaries(st.sampled_from(["ltv", "investment"]), cell),
            },
        ),
    },
)
option_ids = st.lists(st.sampled_from(["a", "b", "c", "z"]), max_size=3)
quiz = st.fixed_dictionaries(
    {
        "quiz": st.one_of(
            json_values,
            st.fixed_dictionaries(
                {
                    "id": cell,
                    "questions": st.lists(
                        st.fixed_dictionaries(
                            {
                                "id": st.sampled_from(["q1", "q2", ""]),
                                "type": st.sampled_from(["single", "multiple", "x"]),
                                "options": st.lists(
                                    st.fixed_dictionaries({"id": st.sampled_from(["a", "b", "c"]), "text": cell}, optional={"explanation": cell}), max_size=3
                                ),
                                "answer": st.one_of(option_ids, cell),
                            }
                        ),
                        max_size=3,
                    ),
                }
            ),
        ),
        "answers": st.one_of(json_values, st.dictionaries(st.sampled_from(["q1", "q2", "q3"]), st.one_of(option_ids, cell))),
    }
)
ratings = st.fixed_dictionaries({"ratings": st.one_of(json_values, st.dictionaries(st.sampled_from([*ELEMENTS, "x"]), cell))})
data = st.one_of(json_values, st.fixed_dictionaries({"rows": rows}, optional={"project": project}), workbook, quiz, ratings)
requests = st.fixed_dictionaries(
    {
        "worksheet": st.sampled_from([*WORKSHEETS, "nope"]),
        "action": st.sampled_from(["plan", "analyze", "review", "quantify", "score", "check", "report", "departments", "export", "get", "nope"]),
    },
    optional={"data": data, "today": todays, "format": st.sampled_from(["csv", "markdown", "json", "pdf", 3])},
)


def assert_answers_well(response):
    assert isinstance(response, dict) and isinstance(response["ok"], bool)
    assert "internal" not in response, response
    json.dumps(response, allow_nan=False)
    if response["ok"]:
        for flag in response["result"].get("flags", []) if isinstance(response["result"], dict) else []:
            assert set(flag) == {"code", "row", "severity", "message", "topic"} and flag["topic"] in TOPICS
    else:
        assert response["errors"] and all(set(e) == {"field", "message"} for e in response["errors"])


@EXAMPLES
@given(requests)
def test_any_request_is_answered_as_json_without_an_internal_error(request):
    assert_answers_well(handle(request))


@EXAMPLES
@given(st.sampled_from([(w, a) for w, actions in WORKSHEETS.items() for a in actions]), rows, todays, project, st.sampled_from(["csv", "markdown", "json"]))
def test_every_action_handles_arbitrary_rows(target, some_rows, today, a_project, fmt):
    worksheet, action = target

    response = handle({"worksheet": worksheet, "action": action, "today": today, "format": fmt, "data": {"rows": some_rows, "project": a_project}})

    assert_answers_well(response)


plausible_rows = st.lists(st.dictionaries(st.sampled_from(COLUMNS), typed, max_size=12), max_size=6)
real_days = st.dates().map(dt.date.isoformat)


@EXAMPLES
@given(
    st.sampled_from(["resources", "exchange", "tracker"]),
    st.sampled_from(["plan", "analyze", "review", "export"]),
    plausible_rows,
    real_days,
    st.sampled_from(["csv", "markdown"]),
)
def test_plausible_rows_get_plans_flags_and_exports_not_errors_of_ours(worksheet, action, some_rows, today, fmt):
    action = action if action == "export" else {"resources": "plan", "exchange": "analyze", "tracker": "review"}[worksheet]

    response = handle({"worksheet": worksheet, "action": action, "today": today, "format": fmt, "data": {"rows": some_rows}})

    assert_answers_well(response)


@settings(max_examples=60, deadline=None, database=None)
@given(plausible_rows, plausible_rows, plausible_rows, real_days, st.sampled_from(["check", "report", "departments"]))
def test_plausible_workbooks_are_checked_reported_and_shared(resources, exchange, tracker, today, action):
    book = {
        "format": "crossdept-workbook",
        "version": 1,
        "project": {"name": "项目"},
        "worksheets": {"resources": {"rows": resources}, "exchange": {"rows": exchange}, "tracker": {"rows": tracker}},
    }

    response = handle({"worksheet": "workbook", "action": action, "data": book, "today": today})

    assert response["ok"] is True
    assert_answers_well(response)


@settings(max_examples=60, deadline=None, database=None)
@given(workbook, todays, st.sampled_from(["check", "report", "departments", "export"]))
def test_any_workbook_is_checked_or_refused_cleanly(book, today, action):
    assert_answers_well(handle({"worksheet": "workbook", "action": action, "data": book, "today": today, "format": "markdown"}))


@settings(max_examples=60, deadline=None, database=None)
@given(st.one_of(st.text(max_size=40), json_values.map(json.dumps)))
def test_any_text_through_handle_json_comes_back_as_json(text):
    response = json.loads(handle_json(text))

    assert_answers_well(response)

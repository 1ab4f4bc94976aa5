"""Reasoning across the tables: P0 resources nobody follows or can be asked, and escalation near a deadline."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from crossdept.playbook import OBSTACLES, STANCES, STATUSES

from .factories import call, codes, contact, need
from .generated_text import problems_in

TODAY = "2025-11-20"
INTERFACE = need(resource="小程序及DMS接口", department="IT部门", needed_by="2026-01-15", workload="3人月", owner="")


def review(rows, resources=(INTERFACE,), **data):
    return call("tracker", "review", {"rows": rows, "resources": list(resources), **data}, today=TODAY)["result"]


def plan(rows, tracker=(), exchange=()):
    return call("resources", "plan", {"rows": rows, "tracker": list(tracker), "exchange": list(exchange)}, today=TODAY)["result"]


def test_an_opposed_department_holding_a_p0_near_its_deadline_is_escalated():
    result = review([contact(stance="对立", status="受阻", refusals=0)])

    assert result["rows"][0]["escalate"] == ["refused", "deadline"]
    assert result["rows"][0]["p0"] == [
        {"row": 0, "resource": "小程序及DMS接口", "needed_by": "2026-01-15", "workdays_left": 40, "person_days": 66, "tight": True}
    ]


def test_the_brief_names_the_resource_the_deadline_what_was_tried_and_the_users_risk():
    rows = [contact(stance="对立", status="受阻", refusals=3, obstacle="不在KPI", risk="排期晚于1月15日，上线要推迟。", progress="已提交需求文档")]

    text = review(rows)["brief"]["text"]

    assert "必需资源“小程序及DMS接口”要在 2026年1月15日前到位，还剩 40 个工作日，工作量约 66 人天。" in text
    assert "对方婉拒过 3 次" in text and "请第三方协调" in text
    assert "我们看到的风险：排期晚于1月15日，上线要推迟。" in text
    assert "目前这项工作如何计入对方的考核还没有谈拢。" in text  # the broken sentence, whole again
    assert "帮我们判断这项必需资源能否按时到位" in text


def test_a_p0_far_from_its_deadline_does_not_escalate_on_time_alone():
    small = need(resource="报表", department="IT部门", needed_by="2026-06-30", workload="3天")

    result = review([contact(stance="对立", status="沟通中")], resources=[small])

    assert "deadline" not in result["rows"][0]["escalate"]


def test_a_department_that_agreed_is_not_escalated_whatever_its_deadline():
    assert review([contact(stance="对立", status="已同意")])["rows"][0]["escalate"] == []


def test_a_risk_that_reads_as_a_complaint_is_not_quoted_and_the_user_is_told_why():
    result = review([contact(stance="对立", status="受阻", refusals=2, risk="李总监不配合，故意拖延")])

    assert "不配合" not in result["brief"]["text"]
    assert "risk_reads_as_complaint" in codes(result, 0)


def test_a_p0_due_in_8_days_with_no_key_person_and_no_tracker_row_is_an_error_twice():
    claims = need(resource="理赔对接", department="某某保险公司", needed_by="8天后", owner="")

    result = plan([claims], tracker=[contact(department="IT部门")])

    flags = {f["code"]: f for f in result["flags"] if f["row"] == 0}
    assert flags["p0_not_tracked"]["severity"] == "error" and "只剩 6 个工作日" in flags["p0_not_tracked"]["message"]
    assert flags["p0_no_key_person"]["severity"] == "error"
    assert "p0_no_owner" not in flags  # the cross-table flag says it, naming every table


def test_a_key_person_known_to_the_tracker_is_enough():
    result = plan([need(owner="")], tracker=[contact(department="IT部", owner="李总监")])

    assert not {"p0_no_key_person", "p0_no_owner", "p0_not_tracked"} & set(codes(result, 0))


def test_the_workbook_report_reasons_across_its_tables():
    book = {
        "format": "crossdept-workbook",
        "version": 1,
        "project": {"name": "上门取送车"},
        "worksheets": {
            "resources": {"rows": [INTERFACE]},
            "exchange": {"rows": [{"department": "IT部门", "i_give": "需求文档", "they_get": "CEO曝光"}]},
            "tracker": {"rows": [contact(stance="对立", status="受阻", refusals=3, owner="李总监")]},
        },
    }

    text = call("workbook", "report", book, today=TODAY)["result"]["text"]

    assert "这次想请你们支持的是：小程序及DMS接口（工作量约3人月，2026年1月15日前需要）。" in text
    assert "必需资源“小程序及DMS接口”要在 2026年1月15日前到位" in text


OBSTACLE_LABELS = ["", *(o.label for o in OBSTACLES)]
STANCE_LABELS = ["", *(s.label for s in STANCES)]
COMPLAINTS = ("不配合", "推诿", "故意", "刁难", "告状", "批评")


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.sampled_from(OBSTACLE_LABELS),
    st.sampled_from(STANCE_LABELS),
    st.sampled_from(["", *STATUSES]),
    st.integers(0, 4),
    st.sampled_from(["", "排期晚于需求时间，上线推迟。", "李总监不配合"]),
    st.sampled_from(["", "已提交需求文档。"]),
    st.sampled_from(["", "李总监"]),
    st.booleans(),
    st.sampled_from([{}, {"name": "上门取送车", "value": "年度价值约600万。", "sponsor": "王总"}]),
)
def test_every_brief_reads_as_clean_chinese_and_never_complains(obstacle, stance, status, refusals, risk, progress, owner, with_resources, project):
    row = contact(obstacle=obstacle, stance=stance, status=status, refusals=refusals, risk=risk, progress=progress, owner=owner)

    result = review([row, contact(department="财务部", status="已同意")], resources=[INTERFACE] if with_resources else [], project=project)

    text = result["brief"]["text"]
    assert problems_in(text) == [], text
    assert not any(word in text for word in COMPLAINTS), text
    if result["brief"]["needed"]:
        assert "还没有谈拢" in text or "还需要" in text
        assert text.rstrip().endswith("调整节奏。")


def test_every_obstacle_gives_a_whole_sentence_of_what_is_open():
    for obstacle, stance in itertools.product(OBSTACLE_LABELS, STANCE_LABELS):
        text = review([contact(obstacle=obstacle, stance=stance, refusals=2)])["brief"]["text"]

        line = next(line for line in text.split("\n") if line.startswith("- IT部门"))
        assert line.endswith("。") and "上还有分歧" not in line and problems_in(line) == []

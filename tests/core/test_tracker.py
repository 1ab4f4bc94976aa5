from crossdept.tracker import review

from .factories import call, codes, contact, request


def run(*rows, **data):
    return review(request("tracker", "review", {"rows": list(rows), **data}))


def test_departments_are_approached_allies_first_and_opponents_last():
    rows = [contact(stance="对立"), contact(stance="中立"), contact(stance=""), contact(stance="盟友"), contact(stance="可争取")]

    result = run(*rows)

    assert result["order"] == [3, 4, 1, 2, 0]


def test_two_weeks_without_contact_is_a_followup_due():
    result = run(contact(last_contact="2026-02-16"), contact(last_contact="2026-02-17"))

    assert "followup_due" in codes(result, 0)
    assert "followup_due" not in codes(result, 1)


def test_a_delivered_department_needs_thanks_not_a_followup():
    result = run(contact(status="已交付", last_contact="2026-01-01"))

    assert codes(result, 0) == ["thank"]
    assert result["followups"] == []


def test_followups_are_due_two_weeks_after_the_last_contact():
    result = run(contact(last_contact="2026-02-10", next_step="确认排期"), contact(last_contact=""))

    assert result["followups"] == [
        {"row": 0, "department": "IT部门", "owner": "李总监", "due": "2026-02-24", "next_step": "确认排期", "overdue": True},
        {"row": 1, "department": "IT部门", "owner": "李总监", "due": "2026-03-02", "next_step": "确认排期", "overdue": False},
    ]


def test_each_obstacle_gets_its_three_strategies():
    result = run(contact(obstacle="太忙"), contact(obstacle="我们部门有规定"), contact(obstacle=""))

    assert [s["name"] for s in result["rows"][0]["strategies"]] == ["提升优先级", "降低门槛", "提供资源"]
    assert result["rows"][1]["obstacle"] == "部门规定"
    assert result["rows"][1]["obstacle_topic"] == "obstacle-rules"
    assert result["rows"][2]["strategies"] == []


def test_the_persistence_ladder_climbs_with_each_refusal():
    result = run(*(contact(refusals=n) for n in range(5)))

    titles = [r["ladder"]["title"] for r in result["rows"]]
    assert titles[1].endswith("弄清真实顾虑")
    assert titles[2].endswith("寻求第三方支持")
    assert titles[3] == titles[4] == "仍然不行：调整策略或启用替代方案"


def test_a_second_refusal_meets_the_escalation_criteria():
    result = run(contact(refusals=1), contact(refusals=2))

    assert result["rows"][0]["escalate"] == []
    assert result["rows"][1]["escalate"] == ["refused"]
    assert "escalate" in codes(result, 1)


def test_a_blocked_row_with_an_authority_conflict_or_a_company_level_need_escalates():
    result = run(contact(status="受阻", risk="数据归属和权限有争议"), contact(status="受阻", risk="预算不足，需要公司层面调配"))

    assert result["rows"][0]["escalate"] == ["authority"]
    assert result["rows"][1]["escalate"] == ["resources"]


def test_a_risk_alone_does_not_escalate_before_anyone_said_no():
    result = run(contact(risk="预算不足"))

    assert result["rows"][0]["escalate"] == []
    assert result["brief"] == {"needed": False, "rows": [], "text": ""}


def test_the_brief_follows_step_5_and_never_complains():
    rows = [
        contact(department="IT部门", refusals=2, obstacle="太忙", risk="李总监不配合"),
        contact(department="数据部门", status="已同意"),
        contact(department="培训部门", status="已交付"),
    ]

    brief = run(*rows, project={"name": "智能服务升级", "value": "年度价值约2000万", "sponsor": "CEO"})["brief"]

    text = brief["text"]
    assert brief["needed"] is True and brief["rows"] == [0]
    assert text.startswith("CEO您好")
    assert "年度价值约2000万" in text
    assert "数据部门、培训部门（共 2 个）" in text
    assert "- IT部门（李总监）：双方都希望把项目推进下去，目前排期和优先级还没有谈拢。" in text
    assert "协调一下优先级" in text
    assert text.rstrip().endswith("我们愿意按公司的整体安排调整节奏。")
    assert "不配合" not in text and "批评" not in text


def test_the_brief_asks_for_the_value_when_it_is_unknown():
    brief = run(contact(refusals=2))["brief"]

    assert "〔请补充" in brief["text"]
    assert brief["text"].startswith("领导您好")


def test_the_map_counts_rows_per_stance_and_status():
    result = run(contact(stance="盟友", status="已同意"), contact(stance="盟友", status="已同意"), contact(stance="", status=""))

    grid = result["map"]
    assert grid["stances"][-1] == grid["statuses"][-1] == "未填"
    assert grid["cells"][0][2] == {"count": 2, "rows": [0, 1]}
    assert grid["cells"][-1][-1] == {"count": 1, "rows": [2]}


def test_a_contact_date_in_the_future_is_questioned():
    result = run(contact(last_contact="2026-03-10"))

    assert "contact_in_future" in codes(result, 0)


def test_bad_choices_and_counts_are_refused_at_their_fields():
    response = call("tracker", "review", {"rows": [contact(stance="敌人", status="?", obstacle="天气", refusals=1.5)]})

    assert response["ok"] is False
    fields = [e["field"] for e in response["errors"]]
    assert fields == ["rows[0].stance", "rows[0].status", "rows[0].obstacle", "rows[0].refusals"]


def test_a_new_row_with_only_its_default_refusal_count_is_skipped():
    result = run(contact(), {"refusals": 0, "department": ""})

    assert [r["row"] for r in result["rows"]] == [0]

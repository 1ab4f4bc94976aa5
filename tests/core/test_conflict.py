import re

import pytest

from crossdept import conflict_guide as guide
from crossdept.examples import CONFLICT_EXAMPLE

from .factories import call, codes, errors_of, result_of

PAIRS = [(o, r) for o in guide.IMPORTANCE for r in guide.IMPORTANCE]
MODE_NAMES = {m.name for m in guide.MODES}


def diagnose(**data):
    return result_of("conflict", "analyze", data)


def errors(**data):
    return errors_of("conflict", "analyze", data)


@pytest.mark.parametrize(("outcome", "relationship"), PAIRS)
def test_every_importance_pair_gets_a_mode_with_its_reason(outcome, relationship):
    result = diagnose(outcome=str(outcome), relationship=str(relationship))

    assert result["mode"]["name"] in MODE_NAMES
    assert f"{outcome}/5" in result["reason"] and f"{relationship}/5" in result["reason"]
    assert result["alternatives"] and all(a["when"] for a in result["alternatives"])
    assert result["mode_display"].startswith(result["mode"]["name"])


@pytest.mark.parametrize(
    ("outcome", "relationship", "mode"),
    [
        (5, 5, "合作"),
        (5, 1, "竞争"),
        (1, 5, "迁就"),
        (1, 1, "回避"),
        (3, 3, "妥协"),
        (5, 3, "合作"),
        (1, 3, "迁就"),
        (3, 1, "妥协"),
    ],
)
def test_the_corners_of_the_grid_take_their_thomas_kilmann_mode(outcome, relationship, mode):
    assert guide.base_mode(outcome, relationship)[0].name == mode


def test_caring_more_about_the_relationship_never_makes_the_mode_less_cooperative():
    for outcome in guide.IMPORTANCE:
        levels = [guide.base_mode(outcome, r)[0].cooperativeness for r in guide.IMPORTANCE]
        assert levels == sorted(levels), outcome


def test_caring_more_about_the_outcome_never_makes_the_mode_less_assertive():
    for relationship in guide.IMPORTANCE:
        levels = [guide.base_mode(o, relationship)[0].assertiveness for o in guide.IMPORTANCE]
        assert levels == sorted(levels), relationship


def test_an_emergency_with_authority_calls_for_competing_and_says_why():
    result = diagnose(outcome="4", relationship="4", urgency="紧急", authority="我方")

    assert (result["base_mode"], result["mode"]["name"]) == ("collaborating", "竞争")
    assert "紧急" in result["adjustments"][0]
    assert "有权" in result["opening"] or "先按" in result["opening"]


def test_an_emergency_without_authority_settles_quickly_and_asks_who_decides():
    result = diagnose(outcome="5", relationship="5", urgency="紧急", authority="对方")

    assert result["mode"]["name"] == "妥协"
    assert "有权拍板" in result["adjustments"][0]


def test_time_pressure_turns_collaboration_into_a_compromise_for_now():
    result = diagnose(outcome="5", relationship="5", urgency="高")

    assert result["mode"]["name"] == "妥协"
    assert "合作" in [a["name"] for a in result["alternatives"]]


def test_competing_when_the_other_side_decides_becomes_a_compromise():
    result = diagnose(outcome="5", relationship="1", authority="对方")

    assert result["base_mode"] == "competing" and result["mode"]["name"] == "妥协"


def test_a_trivial_issue_is_avoided_unless_time_presses():
    assert diagnose(outcome="1", relationship="2")["mode"]["name"] == "回避"
    assert diagnose(outcome="1", relationship="2", urgency="高")["mode"]["name"] == "妥协"


def test_no_mode_until_both_importances_are_scored():
    result = diagnose(outcome="5")

    assert result["mode"] is None and "打分" in result["mode_display"]
    assert "importance_missing" in codes(result)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("IT说优先级是总部的新功能，系统优化排不上号", "goals"),
        ("市场部说今年预算只有5万额度，收入却算在运营的KPI里", "interests"),
        ("财务不了解门店投诉有多紧急，我们也不知道审计的压力，彼此误会", "information"),
        ("数据要先走法务审批，没人说得清谁负责", "structure"),
        ("上次合作不愉快，对方一听是我们就有情绪", "relationship"),
    ],
)
def test_the_type_is_suggested_from_the_words_of_the_description(text, kind):
    result = diagnose(description=text)

    assert result["suggested_type"] == kind
    assert result["type"]["source"] == "suggested" and "请确认" in result["type_display"]


def test_a_description_without_telling_words_suggests_no_type():
    result = diagnose(description="我们想一起把事情办好")

    assert result["type"] is None and result["suggested_type"] is None


def test_the_learners_choice_overrides_the_suggestion_and_the_other_reading_is_mentioned():
    result = diagnose(description="IT说优先级是总部的新功能，排不上", type="关系冲突")

    assert result["type"]["id"] == "relationship" and result["type"]["source"] == "chosen"
    assert result["suggested_type"] == "goals"
    assert "other_type" in codes(result)


def test_the_five_types_modes_and_steps_are_published_with_their_sources():
    result = call("conflict", "types", None)["result"]

    assert [t["name"] for t in result["types"]] == ["目标冲突", "利益冲突", "信息冲突", "职责冲突", "关系冲突"]
    assert all(t["description"] and t["first_move"] and t["keywords"] for t in result["types"])
    assert [m["name"] for m in result["modes"]] == ["竞争", "合作", "妥协", "回避", "迁就"]
    assert len(result["steps"]) == 5
    assert "Moore" in result["sources"]["types"] and "Kilmann" in result["sources"]["modes"]


def test_the_five_step_plan_is_filled_from_the_inputs():
    result = diagnose(**CONFLICT_EXAMPLE)

    steps = result["plan"]
    assert [s["number"] for s in steps] == [1, 2, 3, 4, 5]
    assert "李总监" in steps[0]["action"] and "预约系统优化的排期" in steps[0]["action"]
    assert "按时完成总部任务" in steps[2]["action"]
    assert "合作" in steps[3]["action"]
    assert result["plan_display"].count("\n") == 4


def test_the_opening_greets_the_person_acknowledges_them_and_blames_no_one():
    result = diagnose(**CONFLICT_EXAMPLE)

    opening = result["opening"]
    assert opening.startswith("李总监，您好。")
    assert "我知道你们最看重的是按时完成总部任务" in opening
    assert not any(word in opening for word in ("不配合", "必须", "你们总是"))
    assert not re.search(r"[。，；：、]{2}", opening)


def test_without_a_key_person_the_opening_greets_the_department():
    assert diagnose(their_side="财务部")["opening"].startswith("财务部的同事，您好。")


def test_two_refusals_meet_the_first_escalation_criterion():
    result = diagnose(their_side="IT部门", refusals="2", superior="区域总监")

    assert result["escalation"]["needed"] is True
    assert [c["id"] for c in result["escalation"]["criteria"]] == ["refused"]
    assert "区域总监" in result["escalation_display"] and "escalate" in codes(result)
    assert "不是告状" in result["plan"][4]["action"]


def test_a_structural_conflict_nobody_present_can_decide_is_an_authority_conflict_once_refused():
    result = diagnose(type="职责冲突", authority="都没有", refusals="1")

    assert [c["id"] for c in result["escalation"]["criteria"]] == ["authority"]


def test_a_conflict_nobody_has_refused_yet_is_not_escalated():
    result = diagnose(type="职责冲突", authority="都没有", refusals="0", description="涉及权限划分")

    assert result["escalation"]["needed"] is False and "暂不需要" in result["escalation_display"]


def test_words_that_judge_people_are_pointed_out():
    assert "blame_words" in codes(diagnose(description="IT部门就是不配合，太官僚"))


def test_bad_fields_get_chinese_messages_at_the_field():
    found = errors(type="奇怪冲突", outcome="6", relationship="二", urgency="明天", authority="老板", refusals="1.5")

    assert set(found) == {"type", "outcome", "relationship", "urgency", "authority", "refusals"}
    assert "目标冲突" in found["type"] and "1 到 5" in found["outcome"] and "1 到 5" in found["relationship"]
    assert "紧急" in found["urgency"] and "都没有" in found["authority"]


def test_the_course_example_is_the_it_system_case_and_reads_without_a_warning():
    data = call("conflict", "example", None)["result"]

    result = diagnose(**data)

    assert data["their_side"] == "IT部门" and "60%" in data["description"]
    assert (result["type"]["name"], result["mode"]["name"]) == ("目标冲突", "合作")
    assert [f for f in result["flags"] if f["severity"] == "warning"] == []


def test_the_diagnosis_exports_as_markdown_with_the_plan_and_the_opening():
    response = call("conflict", "export", dict(CONFLICT_EXAMPLE), format="markdown")

    text = response["result"]["text"]
    assert text.startswith("## 冲突诊断")
    assert "### 冲突解决五步计划" in text and "### 开场白" in text and "| 建议的处理方式 | 合作（Collaborating） |" in text
    assert response["result"]["filename"] == "冲突诊断-2026-03-02.md"


def test_the_diagnosis_exports_as_csv_safe_for_excel():
    text = call("conflict", "export", {"issue": "=HYPERLINK(1)"}, format="csv")["result"]["text"]

    assert text.startswith("\ufeff项目,内容") and "'=HYPERLINK(1)" in text

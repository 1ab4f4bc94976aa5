import pytest

from crossdept.examples import NEGOTIATION_EXAMPLE
from crossdept.negotiation import LESS, MORE, split_concession, zopa
from crossdept.quantities import split_unit

from .factories import call, codes, errors_of, result_of


def prepare(**data):
    return result_of("negotiation", "analyze", data)


def errors(**data):
    return errors_of("negotiation", "analyze", data)


def seller(**data):
    """Asking IT for person-days: I want more."""
    return prepare(
        **{"issue": "IT投入的开发人天", "unit": "人天", "direction": "越多越好", "target": "30", "reservation": "20", "criteria": "拆分后的需求文档", **data}
    )


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("3周", ("3", "周")),
        ("20万元", ("20", "万元")),
        ("20万", ("20", "万")),
        ("30 人天", ("30", "人天")),
        ("20万人天", ("20万", "人天")),
        ("15％", ("15", "％")),
        ("3个月", ("3", "个月")),
        ("二十万", ("二十万", "")),
        ("2,500元", ("2,500", "元")),
        ("8", ("8", "")),
    ],
)
def test_an_amount_is_split_into_its_number_and_its_unit(text, parts):
    assert split_unit(text) == parts


def test_the_zone_of_agreement_lies_between_the_two_reservation_points():
    assert zopa(MORE, 20, 30) == (20, 30)  # I take 20 or more, they give up to 30
    assert zopa(LESS, 8, 2) == (2, 8)  # I accept 8 weeks at most, they need at least 2
    assert zopa(MORE, 30, 20) is None and zopa(LESS, 2, 8) is None
    assert zopa(MORE, 25, 25) == (25, 25)


def test_the_zopa_is_reported_in_the_unit():
    result = seller(their_reservation="28")

    assert result["zopa"] == {"known": True, "exists": True, "low": 20, "high": 28, "gap": None}
    assert result["zopa_display"] == "存在：20人天 到 28人天 之间都可能达成协议。"


def test_a_buyer_and_a_seller_with_swapped_limits_see_the_same_zopa():
    buyer = prepare(direction="买方", reservation="50万", their_reservation="40万", target="35万")
    sell = prepare(direction="卖方", reservation="40万", their_reservation="50万", target="55万")

    assert buyer["zopa"] == sell["zopa"] == {"known": True, "exists": True, "low": 400000, "high": 500000, "gap": None}
    assert buyer["zopa_display"] == "存在：40万 到 50万 之间都可能达成协议。"


def test_without_overlap_there_is_no_zopa_no_anchor_and_a_warning():
    result = seller(their_reservation="15")

    assert result["zopa"]["exists"] is False and result["zopa"]["gap"] == 5
    assert "还差 5人天" in result["zopa_display"]
    assert result["anchor"]["value"] is None and "先别报数字" in result["anchor_display"]
    assert "no_zopa" in codes(result)


def test_a_sellers_reservation_above_the_target_is_refused_at_the_field():
    found = errors(direction="卖方", unit="元", target="20万", reservation="30万")

    assert found == {"reservation": "你希望越多越好，底线（30万）不能高于目标（20万）：底线是你能接受的最低结果，目标是你争取的结果"}


def test_a_buyers_reservation_below_the_target_is_refused_at_the_field():
    assert "不能低于目标" in errors(direction="买方", target="8周", reservation="6周")["reservation"]


def test_without_a_direction_it_is_read_from_target_and_reservation():
    result = prepare(target="3周", reservation="5周")

    assert (result["direction"], result["direction_source"], result["unit"]) == (LESS, "inferred", "周")


def test_amounts_in_another_unit_are_refused_not_converted():
    found = errors(unit="周", target="3周", reservation="20天", batna_value="3人月")

    assert found["reservation"] == "我的底线的单位“天”和议题的单位“周”不一致，请换算成周再填"
    assert "人月" in found["batna_value"]


def test_numbers_written_in_chinese_characters_are_refused():
    assert "不要写成汉字" in errors(unit="元", target="二十万")["target"]


def test_money_in_wan_yuan_reads_bare_numbers_as_wan():
    result = prepare(unit="万元", direction="卖方", target="30", reservation="20万", their_reservation="250000元")

    assert result["values"]["target"] == 300000 and result["values"]["reservation"] == 200000
    assert result["unit"] == "元" and result["zopa_display"] == "存在：20万 到 25万 之间都可能达成协议。"


def test_a_target_beyond_their_likely_reservation_is_flagged_and_the_anchor_pulled_back():
    result = seller(target="40", their_reservation="30")

    assert "target_beyond_their_reservation" in codes(result)
    assert result["anchor"]["value"] == 30 and "对方底线附近" in result["anchor"]["justification"]


def test_the_anchor_sits_at_their_likely_reservation_with_the_criterion():
    result = seller(their_reservation="35")

    assert result["anchor"]["display"] == "35人天"
    assert "从 35人天 到你的底线 20人天" in result["anchor_display"] and "理由是“拆分后的需求文档”" in result["anchor_display"]


def test_without_their_reservation_the_anchor_is_the_target():
    result = seller()

    assert result["anchor"]["value"] == 30 and "先别亮出自己的底线" in result["anchor_display"]


def test_a_reservation_worse_than_my_batna_is_flagged():
    result = seller(batna="请外包团队", batna_value="25")

    assert "reservation_worse_than_batna" in codes(result)
    assert result["batnas"][0]["strength"] == "中等"


@pytest.mark.parametrize(
    ("batna_value", "mine", "their_value", "theirs"),
    [
        ("35", "强", "15", "强"),
        ("25", "中等", "25", "中等"),
        ("10", "弱", "40", "弱"),
    ],
)
def test_each_batna_is_rated_against_my_target_and_reservation(batna_value, mine, their_value, theirs):
    result = seller(batna="外包", batna_value=batna_value, their_batna="不给", their_batna_value=their_value)

    assert [b["strength"] for b in result["batnas"]] == [mine, theirs]
    assert all(b["advice"] for b in result["batnas"])


def test_a_batna_without_a_value_is_unrated_and_a_missing_one_is_flagged():
    assert seller(batna="请区域总监协调")["batnas"][0]["strength"] == "未量化"
    result = seller()
    assert result["batnas"][0]["strength"] == "未填写" and "no_batna" in codes(result)


def test_concessions_without_anything_in_return_are_flagged_line_by_line():
    result = seller(concessions="1. 增强功能放二期 → 本周确认排期\n2. 派专人对接\n- 公开感谢IT换取优先排期")

    assert result["concessions"] == [
        {"line": 1, "give": "增强功能放二期", "get": "本周确认排期"},
        {"line": 2, "give": "派专人对接", "get": ""},
        {"line": 3, "give": "公开感谢IT", "get": "优先排期"},
    ]
    flagged = [f["message"] for f in result["flags"] if f["code"] == "concession_without_return"]
    assert len(flagged) == 1 and "第 2 条“派专人对接”" in flagged[0]


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("让 → 换", ("让", "换")),
        ("让->换", ("让", "换")),
        ("让 => 换", ("让", "换")),
        ("只让", ("只让", "")),
    ],
)
def test_a_concession_line_splits_at_its_arrow(line, parts):
    assert split_concession(line) == parts


def test_no_objective_criterion_is_a_warning():
    assert "no_criteria" in codes(seller(criteria=""))


def test_an_empty_form_has_nothing_to_warn_about():
    result = prepare()

    assert result["flags"] == [] and result["warnings_display"] == "没有需要特别注意的问题。"


def test_the_course_example_has_a_zopa_an_anchor_and_no_warning():
    data = call("negotiation", "example", None)["result"]

    result = prepare(**data)

    assert data["unit"] == "周" and "60%" in data["criteria"]
    assert result["zopa_display"] == "存在：2周 到 8周 之间都可能达成协议。"
    assert result["anchor"]["display"] == "2周"
    assert [b["strength"] for b in result["batnas"]] == ["中等", "强"]
    assert result["warnings_display"] == "没有需要特别注意的问题。"


def test_the_preparation_sheet_is_markdown_with_every_part_and_user_text_kept_as_text():
    result = prepare(**{**NEGOTIATION_EXAMPLE, "options": "<b>分期</b>\n先试点"})

    sheet = result["sheet"]
    assert sheet.startswith("# 谈判准备单：预约系统必需功能的上线时间")
    for heading in ("## 我方", "## 对方（我的估计）", "## 可达成协议的区间（ZOPA）", "## 开价", "## 互利方案", "## 客观标准", "## 让步计划"):
        assert heading in sheet
    assert "&lt;b>分期&lt;/b>" in sheet and "<b>" not in sheet
    assert "| 1 | 增强功能放到二期 | IT本周内确认必需功能的排期 |" in sheet


def test_the_opening_script_greets_the_person_leads_with_their_interests_and_names_the_anchor():
    script = prepare(**NEGOTIATION_EXAMPLE)["script"]

    assert script.startswith("李总监，您好。今天想和您商量一下预约系统必需功能的上线时间。")
    assert "我知道你们最看重的是按时完成总部下达的新功能开发" in script
    assert "我们的建议是：预约系统必需功能的上线时间定为2周。" in script
    assert script.endswith("如果有困难，我们一起看看怎么调整。")


def test_the_preparation_exports_as_markdown_and_csv():
    markdown = call("negotiation", "export", dict(NEGOTIATION_EXAMPLE), format="markdown")["result"]
    csv = call("negotiation", "export", dict(NEGOTIATION_EXAMPLE), format="csv")["result"]

    assert markdown["filename"] == "谈判准备单-2026-03-02.md"
    assert "| ZOPA | 存在：2周 到 8周 之间都可能达成协议。 |" in markdown["text"] and "### 开场话术" in markdown["text"]
    assert csv["text"].startswith("\ufeff项目,内容") and csv["filename"].endswith(".csv")

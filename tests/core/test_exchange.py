from crossdept.archetypes import match_archetype
from crossdept.exchange import analyze_action

from .factories import call, codes, partner, request


def analyze(*rows, **data):
    return analyze_action(request("exchange", "analyze", {"rows": list(rows), **data}))


def test_departments_are_recognised_by_the_keyword_that_comes_first():
    assert match_archetype("信息技术部").id == "it"
    assert match_archetype("大数据中心").id == "data"
    assert match_archetype("品牌市场部").id == "marketing"
    assert match_archetype("售后技术支持部").id == "aftersales"
    assert match_archetype("it部").id == "it"
    assert match_archetype("行政部") is None


def test_a_known_department_gets_its_archetype_concerns_and_offers():
    result = analyze(partner(department="数据部门"))

    suggestions = result["rows"][0]["suggestions"]
    assert result["rows"][0]["archetype"]["id"] == "data"
    assert any("数据安全" in c for c in suggestions["concerns"])
    assert any("审计" in o for o in suggestions["offers"])


def test_an_unknown_department_gets_the_generic_wiifm_questions():
    result = analyze(partner(department="行政部"))

    assert result["rows"][0]["archetype"]["id"] == "generic"
    assert any("得到什么" in c for c in result["rows"][0]["suggestions"]["concerns"])


def test_a_row_that_only_asks_is_flagged_as_begging():
    result = analyze(partner(i_give="", they_get=""))

    flags = {f["code"]: f for f in result["flags"] if f["row"] == 0}
    assert flags["no_give"]["topic"] == "rule-1"
    assert flags["no_get"]["topic"] == "rule-2"


def test_the_script_is_addressed_to_the_owner_and_follows_the_exchange_shape():
    result = analyze(partner())

    script = result["rows"][0]["script"]
    assert script.startswith("李总监，您好。我知道IT部门")
    assert "- 需求文档\n- 专人对接" in script
    assert "- CEO级别曝光" in script
    assert "必需功能先做" in script
    assert script.rstrip().endswith("随时配合调整。")


def test_the_script_marks_what_is_missing_instead_of_inventing_it():
    result = analyze(partner(owner="", i_give="", they_get=""))

    script = result["rows"][0]["script"]
    assert script.startswith("IT部门负责这件事的同事，您好。")
    assert script.count("〔待补充") == 2


def test_the_script_carries_the_project_value_when_known():
    result = analyze(partner(), project={"name": "智能服务升级", "value": "年度价值约2000万"})

    assert "“智能服务升级”的价值：年度价值约2000万。" in result["rows"][0]["script"]


def test_a_matrix_without_any_lower_threshold_gets_the_rule_4_hint():
    result = analyze(partner(plan="项目汇报时突出IT贡献", i_give="需求文档"))

    flag = next(f for f in result["flags"] if f["code"] == "no_lower_threshold")
    assert (flag["row"], flag["topic"]) == (None, "rule-4")


def test_a_pilot_or_a_phase_counts_as_a_lower_threshold():
    result = analyze(partner(plan="先做一个门店试点"))

    assert "no_lower_threshold" not in codes(result)


def test_a_matrix_without_a_number_is_asked_to_quantify_the_value():
    result = analyze(partner())

    assert "no_quantified_value" in codes(result, None)


def test_a_number_with_a_unit_or_a_project_value_counts_as_quantified():
    with_number = analyze(partner(they_get="每年挽回600万收入"))
    with_value = analyze(partner(), project={"value": 6_000_000})

    assert "no_quantified_value" not in codes(with_number)
    assert "no_quantified_value" not in codes(with_value)


def test_a_concern_the_offer_does_not_answer_is_pointed_out():
    result = analyze(partner(department="数据部门", their_needs="数据安全", i_give="公开表彰", they_get="曝光", plan="汇报时感谢"))

    flag = next(f for f in result["flags"] if f["code"] == "concern_unanswered")
    assert "安全" in flag["message"]


def test_a_concern_the_offer_answers_is_not_flagged():
    result = analyze(partner(department="数据部门", their_needs="数据安全保障", i_give="完整安全协议"))

    assert "concern_unanswered" not in codes(result)


def test_a_row_without_department_is_refused_at_its_field():
    response = call("exchange", "analyze", {"rows": [partner(department="")]})

    assert response["ok"] is False
    assert response["errors"] == [{"field": "rows[0].department", "message": "请填写协作部门"}]

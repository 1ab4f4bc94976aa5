"""The course's own project, 智能服务升级, through every tool: what the chapter would tell the learner."""

from .factories import call
from .seed import EXCHANGE, PROJECT, RESOURCES, TRACKER, WORKBOOK


def flags_by_code(result):
    found = {}
    for flag in result["flags"]:
        found.setdefault(flag["code"], []).append(flag["row"])
    return found


def test_the_plan_puts_the_two_p0_asks_first_with_their_dates_and_person_days():
    result = call("resources", "plan", {"rows": RESOURCES, "project": PROJECT})["result"]

    assert [(r["resource"], r["needed_by"], r["person_days"]) for r in result["rows"]] == [
        ("数据支持", "2026-03-09", 3),
        ("系统开发", "2026-03-16", 66),
        ("员工培训", "2026-04-01", 44),
        ("外部培训机构", "2026-04-01", None),
    ]
    assert result["totals"] == {"rows": 4, "person_days": 113, "P0": 2, "P1": 1, "P2": 1}


def test_the_plan_flags_the_p0s_without_fallback_and_it_as_the_bottleneck():
    result = call("resources", "plan", {"rows": RESOURCES})["result"]

    flags = flags_by_code(result)
    assert flags["p0_no_fallback"] == [0, 1]  # the external trainer stands in for the P1 training only
    assert flags["department_overload"] == [0]
    assert flags["workload_exceeds_time"] == [0, 2]
    assert "p0_no_owner" not in flags and "date_passed" not in flags
    assert result["rows"][2]["fallbacks"] == [3]
    assert result["departments"][0]["department"] == "IT部门" and result["departments"][0]["share"] == 0.584


def test_the_scripts_address_li_and_wang_with_what_each_department_cares_about():
    result = call("exchange", "analyze", {"rows": EXCHANGE, "project": PROJECT})["result"]

    it, data = (r["script"] for r in result["rows"])
    assert it.startswith("李总监，您好。我知道IT部门手上的需求一直排得很满，也明白你们最在意的是展示部门价值。")
    assert "- CEO级别曝光\n- 年度优秀项目提名" in it
    assert "能不能在你们的排期里先给必需功能留一个位置？" in it
    assert data.startswith("王总监，您好。我知道数据安全对数据部门来说永远排在第一位")
    assert "- 完整安全协议\n- 审计日志" in data
    assert [f["code"] for f in result["flags"]] == ["no_lower_threshold"]


def test_the_tracker_orders_allies_first_and_escalates_it_with_a_brief_not_a_complaint():
    result = call("tracker", "review", {"rows": TRACKER, "project": PROJECT})["result"]

    assert result["order"] == [2, 1, 3, 0]
    assert result["rows"][0]["escalate"] == ["refused"]
    assert result["rows"][3]["ladder"]["title"] == "被拒一次：弄清真实顾虑"
    assert [s["name"] for s in result["rows"][3]["strategies"]] == ["植入到KPI", "创造隐性价值", "未来回报承诺"]
    assert flags_by_code(result)["followup_due"] == [0]
    brief = result["brief"]["text"]
    assert brief.startswith("CEO您好，想向您汇报一下“智能服务升级”项目的协调进展")
    assert "已经同意配合的部门：数据部门、培训部门（共 2 个）" in brief
    assert "正在沟通的部门：市场部门" in brief
    assert "- IT部门（李总监）：双方都希望把项目推进下去，目前排期和优先级还没有谈拢。" in brief


def test_the_value_of_the_lost_customers_is_600_wan_a_year():
    result = call("value", "quantify", WORKBOOK["worksheets"]["value"])["result"]

    assert result["annual_loss_display"] == "600万"


def test_the_whole_workbook_reports_in_one_markdown_document():
    text = call("workbook", "report", WORKBOOK)["result"]["text"]

    assert text.startswith("# 智能服务升级 · 协调报告\n\n报告日期：2026-03-02")
    assert text.index("## 一、资源需求清单") < text.index("## 二、价值交换矩阵") < text.index("## 三、协调进度追踪") < text.index("## 四、价值测算")
    assert "> 李总监，您好。" in text and "> CEO您好" in text

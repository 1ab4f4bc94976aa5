"""The exchange script is written from the user's own rows, and reads well in every combination."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from crossdept.archetypes import ARCHETYPES, GENERIC, match_archetype
from crossdept.scripts import concern_topics, lower_option

from .factories import call, partner
from .generated_text import problems_in

# One department name per archetype (and the generic one, and an outside company of another trade).
DEPARTMENTS = [
    "IT部门",
    "数据部门",
    "培训部",
    "市场部",
    "财务部",
    "法务部",
    "人力资源部",
    "采购部",
    "客服中心",
    "区域销售部",
    "售后服务部",
    "平安保险",
    "某某广告公司",
    "外部供应商",
    "行政部",
    "某某科技有限公司",
]
VOICED = [c for a in (*ARCHETYPES, GENERIC) for c in a.concerns] + ["这不在我们的 KPI 里，为什么要配合？"]
CELLS = st.sampled_from(
    ["", "无", "感谢", "-", "需求文档、专人对接", "CEO级别曝光。", "先选5家意愿强的店试点，跑通后再推广。", "分两期做？", "由我们出预算请外包做基础开发"]
)
NEEDS = st.one_of(st.sampled_from(["", "无", "数据安全保障", "展示部门价值。"]), st.sampled_from(VOICED))
RESOURCES = st.lists(
    st.fixed_dictionaries(
        {
            "resource": st.sampled_from(["小程序及DMS接口", "门店试点", "理赔对接"]),
            "priority": st.sampled_from(["P0", "P1", ""]),
            "needed_by": st.sampled_from(["2026-01-15", "1月15日", "", "02/30/2026", "3天后"]),
            "workload": st.sampled_from(["3人月", "10天", "", "很多"]),
        }
    ),
    max_size=3,
)
PROJECTS = st.sampled_from([{}, {"name": "上门取送车"}, {"name": "上门取送车", "value": "年度价值约600万。"}, {"value": "600万"}])
EXAMPLES = settings(max_examples=400, deadline=None, database=None)


def scripts(rows, resources=None, today="2025-12-20", project=None):
    data = {"rows": rows, "project": project or {}}
    if resources is not None:
        data["resources"] = resources
    return [r["script"] for r in call("exchange", "analyze", data, today=today)["result"]["rows"]]


@EXAMPLES
@given(st.sampled_from(DEPARTMENTS), st.sampled_from(["", "李总监"]), NEEDS, CELLS, CELLS, CELLS, RESOURCES, PROJECTS)
def test_every_combination_reads_as_clean_chinese_in_our_voice(department, owner, needs, give, get, plan, resources, project):
    row = partner(department=department, owner=owner, their_needs=needs, i_give=give, they_get=get, plan=plan)
    for each in resources:
        each["department"] = department

    (script,) = scripts([row], resources, project=project)

    assert problems_in(script) == [], script
    assert "他们" not in script  # the script is said to them: 你们, never 他们
    if needs in VOICED:
        assert needs.rstrip("？?") not in script  # their question is never said back as ours
    archetype = match_archetype(department)
    if archetype is not None and archetype.outside:
        assert "KPI" not in script and "考核" not in script, script


def test_the_ask_names_the_resource_its_workload_and_its_deadline():
    resources = [{"resource": "小程序及DMS接口", "department": "IT部门", "priority": "P0", "needed_by": "1月15日", "workload": "3人月"}]

    (script,) = scripts([partner()], resources, today="2025-12-20")

    assert "这次想请你们支持的是：小程序及DMS接口（工作量约3人月，2026年1月15日前需要）。" in script


def test_several_asks_are_listed_most_needed_first():
    resources = [
        {"resource": "报表", "department": "IT部", "priority": "P1", "needed_by": "2026-01-10"},
        {"resource": "接口", "department": "it部门", "priority": "P0", "needed_by": "2026-01-20"},
    ]

    (script,) = scripts([partner()], resources, today="2026-01-02")

    assert "- 接口（1月20日前需要）\n- 报表（1月10日前需要）" in script


def test_the_lower_threshold_comes_from_the_users_own_plan():
    row = partner(department="区域销售部", plan="先选5家意愿强的店试点，跑通后再推广。")

    (script,) = scripts([row])

    assert "能不能先从“选5家意愿强的店试点”这一步开始？" in script
    assert "试讲" not in script


def test_without_a_plan_the_call_centre_gets_its_own_first_step_not_a_stores():
    (script,) = scripts([partner(department="客服中心", plan="")])

    assert "班组试行" in script and "门店" not in script


def test_a_clicked_concern_is_said_back_as_its_topic():
    (script,) = scripts([partner(department="市场部", their_needs="这不在我们的 KPI 里，为什么要配合？")])

    assert "也明白你们最在意的是这件事在考核上怎么体现。" in script


def test_an_outside_partner_hears_terms_not_kpis():
    (script,) = scripts([partner(department="平安保险", owner="", their_needs="不在KPI里")])

    assert script.startswith("平安保险的业务负责人，您好。")
    assert "合同条款" in script and "KPI" not in script


def test_no_key_person_means_the_department_is_greeted():
    (script,) = scripts([partner(owner="")])

    assert script.startswith("IT部门负责这件事的同事，您好。")


def test_topics_and_lower_options():
    assert concern_topics("数据安全保障", outside=False) == (["数据安全保障"], False)
    assert concern_topics("需求已经排满了，凭什么先做你的？", outside=False) == (["人手和排期"], False)
    assert lower_option("项目汇报时突出IT贡献") == ""
    assert lower_option("严格规范；必需功能先做，增强功能放二期") == "必需功能先做"


def test_every_archetypes_own_concerns_have_a_topic():
    for archetype in (*ARCHETYPES, GENERIC):
        for concern in archetype.concerns:
            topics, unread = concern_topics(concern, archetype.outside)
            assert topics and not unread, (archetype.id, concern)


def test_today_is_only_used_for_the_year_of_a_deadline():
    resources = [{"resource": "接口", "department": "IT部门", "needed_by": "2026-03-01"}]

    (same_year,) = scripts([partner()], resources, today="2026-01-05")
    (other_year,) = scripts([partner()], resources, today=dt.date(2025, 12, 1).isoformat())

    assert "接口（3月1日前需要）" in same_year and "接口（2026年3月1日前需要）" in other_year

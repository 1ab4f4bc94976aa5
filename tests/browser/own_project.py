"""A learner's own project, not the course's example: a dealer network's 上门取送车 launch, as
issue 14 tried it. The tests type it in through the tools as a learner would, on a fixed day
(Monday 2026-09-21, just before 中秋 and 国庆), so working days and deadlines are known; what each
tool then says shows it reasons with this project across its tables and China's working calendar."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from tests.browser.conftest import CORE_TIMEOUT_MS
from tests.browser.workbook_steps import fill_row, open_tool, ready

TODAY = dt.datetime(2026, 9, 21, 9, 0)
PROJECT = {"项目名称": "上门取送车", "项目价值": "年度新增售后产值约600万", "升级对象": "王总"}
RESOURCES = [
    {"资源": "小程序及DMS接口", "持有部门": "IT部门", "优先级": "P0", "需求时间": "2026-11-13", "工作量": "3人月", "关键人": "李总监"},
    {"资源": "上门取送车保险方案", "持有部门": "安心保险公司", "优先级": "P0", "需求时间": "2026-10-12", "工作量": "5天"},
    {"资源": "5家门店试点", "持有部门": "区域销售部", "优先级": "P1", "需求时间": "2026-10-30", "工作量": "2周", "关键人": "周经理"},
]
TRACKER = [
    {
        "部门": "IT部门",
        "立场": "对立",
        "状态": "受阻",
        "关键人": "李总监",
        "最新进展": "已提交需求文档",
        "下一步": "约李总监再谈一次",
        "最近联系": "2026-09-14",
        "风险": "接口晚于11月13日，上线要推迟",
        "被拒次数": "3",
    },
    {
        "部门": "财务部",
        "立场": "盟友",
        "状态": "已同意",
        "关键人": "钱经理",
        "最新进展": "预算已批",
        "下一步": "确认付款节点",
        "最近联系": "2026-09-18",
        "被拒次数": "0",
    },
]
EXCHANGE = [
    {
        "协作部门": "IT部门",
        "关键人": "李总监",
        "他们的需求": "排期已满，怕影响DMS升级",
        "我能给予": "需求文档和测试人员",
        "对方获得": "接口复用到DMS二期",
        "交换方案": "先做小程序预约，DMS接口放二期",
    },
    {
        "协作部门": "区域销售部",
        "关键人": "周经理",
        "他们的需求": "会不会占用销售顾问的时间？",
        "我能给予": "现成的话术和物料",
        "对方获得": "更多到店成交线索",
        "交换方案": "先选5家意愿强的店试点",
    },
    {"协作部门": "客服中心", "他们的需求": "无", "我能给予": "无", "对方获得": "感谢"},
]


def on_the_day(page) -> None:
    """The page's clock says TODAY (timers still run), before any page of the site opens. A shared
    page of a test marked ``clock(TODAY)`` says it from its first load (tests/browser/conftest.py)."""
    if getattr(page, "crossdept_clock", None) != TODAY:
        page.clock.set_fixed_time(TODAY)


def type_project(page, site) -> None:
    sheet = ready(open_tool(page, site, "workbook"))
    for label, text in PROJECT.items():
        sheet.get_by_label(label, exact=True).fill(text)


def type_table(page, site, tool: str, rows: list[dict[str, str]]):
    sheet = open_tool(page, site, tool)
    for number, values in enumerate(rows, start=1):
        fill_row(page, sheet, number, values)
    return ready(sheet)


def type_whole_project(page, site) -> None:
    on_the_day(page)
    type_project(page, site)
    type_table(page, site, "resources", RESOURCES)
    type_table(page, site, "tracker", TRACKER)
    sheet = type_table(page, site, "exchange", EXCHANGE)
    expect(sheet.locator(".cd-partner")).to_have_count(len(EXCHANGE), timeout=60_000)


def resource_list_reasons_with_the_project(sheet) -> None:
    """The resource list flags a P0 whose department nobody tracks, counting holidays and make-up days."""
    insurer = sheet.locator('tr.cd-row-flags [data-code="p0_not_tracked"]')
    expect(insurer).to_contain_text("必需资源“上门取送车保险方案”的持有部门安心保险公司还不在协调进度追踪表里", timeout=CORE_TIMEOUT_MS)
    # 9-22 … 10-12: 15 weekdays, less 中秋 (9-25) and 国庆 (10-1, 10-2, 10-5, 10-6, 10-7), plus Saturday 10-10 worked (调休).
    expect(insurer).to_contain_text("只剩 10 个工作日")
    expect(sheet.locator('[data-code="p0_no_key_person"]')).to_contain_text("都没有安心保险公司的关键人")
    # IT's 66 person-days against 9-22 … 11-13: 39 weekdays, less the six holidays, plus the 调休 Saturday.
    expect(sheet.locator('[data-code="workload_exceeds_time"]').first).to_contain_text("离需求时间只有 34 个工作日")
    expect(sheet.locator('[data-code="p0_not_tracked"]')).to_have_count(1)  # IT is in the tracker


def tracker_reasons_with_the_project(sheet) -> None:
    """The tracker's brief names the blocked P0 resource, its deadline and the learner's risk."""
    brief = sheet.locator(".cd-script").last
    expect(brief).to_contain_text("王总您好", timeout=CORE_TIMEOUT_MS)
    expect(brief).to_contain_text("必需资源“小程序及DMS接口”要在 11月13日前到位，还剩 34 个工作日，工作量约 66 人天。")
    expect(brief).to_contain_text("对方婉拒过 3 次")
    expect(brief).to_contain_text("我们看到的风险：接口晚于11月13日，上线要推迟。")
    expect(sheet.locator('[data-code="escalate"]')).to_contain_text("IT部门符合升级的条件")


def exchange_reasons_with_the_project(sheet) -> None:
    """The exchange's scripts name the ask and its deadline; empty exchanges are flagged."""
    it, sales = sheet.locator('.cd-partner[data-row="0"] .cd-script'), sheet.locator('.cd-partner[data-row="1"] .cd-script')
    expect(it).to_contain_text("这次想请你们支持的是：小程序及DMS接口（工作量约3人月，11月13日前需要）", timeout=CORE_TIMEOUT_MS)
    expect(it).to_contain_text("“上门取送车”的价值：年度新增售后产值约600万。")
    expect(sales).to_contain_text("5家门店试点（工作量约2周，10月30日前需要）")
    expect(sales).to_contain_text("能不能先从“选5家意愿强的店试点”这一步开始？")
    expect(sheet.locator('[data-code="placeholder_give"]')).to_contain_text("客服中心的“我能给予”写的是“无”")
    expect(sheet.locator('[data-code="thanks_only_get"]')).to_contain_text("只有一句“感谢”")

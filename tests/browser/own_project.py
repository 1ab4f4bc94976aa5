"""A learner's own project, not the course's example: a dealer network's 上门取送车 launch, as
issue 14 tried it. The tests type it in through the tools as a learner would, on a fixed day
(Monday 2026-09-21, just before 中秋 and 国庆), so working days and deadlines are known."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

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

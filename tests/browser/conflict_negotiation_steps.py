"""Steps the conflict diagnosis and negotiation planner tests share: opening a tool, filling its
fields as a learner does (typing, picking from a list), reading an output or a field's error."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import CORE_TIMEOUT_MS
from tests.browser.workbook_steps import open_tool, ready


def open_form(page, site, tool: str):
    page.on("dialog", lambda dialog: dialog.accept())  # 载入示例 over typed text asks first
    return open_tool(page, site, tool)


def fill(page, values: dict[str, str]) -> None:
    """Type each value into the field labelled by its key; a list (select) gets the option shown by that label."""
    for label, value in values.items():
        field = page.get_by_label(label, exact=True)
        if field.evaluate("n => n.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)


def output(sheet, key: str):
    return sheet.locator(f'[data-output="{key}"]')


def field_error(sheet, key: str):
    return sheet.locator(f'[data-field="{key}"] .cd-error')


def load_course_example(page, sheet):
    """Click 载入课程示例 and wait until the example is in the fields (both forms have an ``issue``):
    the results of the empty form may already be current before the example arrives."""
    # From the keyboard (see add_row): the form's first results arrive above the button and move it.
    ready(sheet).get_by_role("button", name="载入课程示例").press("Enter")
    # The example comes from the core: a call, slow when the machine is busy.
    try:
        expect(sheet.locator('[name="issue"]')).not_to_have_value("", timeout=CORE_TIMEOUT_MS)
    except AssertionError as error:
        said = sheet.locator(".cd-status, .cd-general").all_inner_texts()
        raise AssertionError(f"the example did not arrive; the sheet says {said}") from error
    expect(sheet.locator(".cd-outputs")).to_have_attribute("data-state", "current", timeout=CORE_TIMEOUT_MS)


CONFLICT = {
    "冲突的事情": "售后数据接口的排期",
    "发生了什么": "数据部门说接口要排到下个季度，优先级不够，门店的客户回访拿不到数据",
    "我方": "售后运营部",
    "对方部门": "数据部门",
    "对方关键人": "王经理",
    "我方立场（想要什么）": "本月开放售后数据接口",
    "我方利益（为什么要）": "回访及时，客户满意度不再下滑",
    "对方立场": "下个季度再做",
    "对方利益（你的判断）": "数据安全，不被临时需求打乱",
    "结果对我有多重要": "5 非常重要",
    "和对方的关系有多重要": "4 重要",
    "时间压力": "中",
    "谁有决定权": "都没有",
    "共同上级": "区域总监",
}

# A seller's negotiation: more is better (a budget in 万元).
SELLER = {
    "谈判议题": "保养节的物料预算",
    "对方": "市场部（张经理）",
    "单位": "万元",
    "对我来说数值": "越多越好",
    "我的目标": "50",
    "我的底线": "30",
    "对方的底线（估计）": "40",
    "客观标准": "去年保养节物料花了45万元",
    "让步计划": "物料分两批到位 → 市场部本周确认预算",
}

"""The value calculator: putting a number on a problem the way the course does.

Two figures make a request worth someone else's time: what the problem costs a year
(lost customers × 12 × LTV: 200 a month at 2500元 → 600万) and what a spend returns
(expected revenue ÷ investment: 500万 on 20万 → 25倍).
"""

from __future__ import annotations

import math

from .errors import InputError, Problem
from .exports import Table, exporter
from .fields import Reader
from .numbers import format_count, format_times, format_yuan
from .request import Request

LABELS = {
    "lost_customers_per_month": "每月流失客户数",
    "ltv": "每位客户每年价值（LTV）",
    "investment": "投入",
    "expected_revenue": "预计带来的收入",
}


def read(data: object) -> dict[str, float | None]:
    reader = Reader(data)
    values = {key: reader.number(key, label) for key, label in LABELS.items()}
    if values["investment"] == 0 and values["expected_revenue"] is not None:
        reader.add("investment", "投入为 0 时无法计算回报倍数，请填写实际投入")
    reader.check()
    return values


def quantify(request: Request) -> dict[str, object]:
    v = read(request.data)
    lost, ltv = v["lost_customers_per_month"], v["ltv"]
    investment, revenue = v["investment"], v["expected_revenue"]

    annual_loss = lost * 12 * ltv if lost is not None and ltv is not None else None
    roi = revenue / investment if revenue is not None and investment else None
    if not all(math.isfinite(x) for x in (annual_loss, roi) if x is not None):
        # Each input is finite, but a product or a tiny divisor can still overflow to infinity.
        raise InputError([Problem("data", "数字太大了，无法计算，请检查输入的数值")])

    clauses = []
    if annual_loss is not None:
        clauses.append(
            f"这个问题让我们每月流失约{format_count(lost)}位客户，按每位客户每年{format_yuan(ltv)}的价值计算，一年损失约{format_yuan(annual_loss)}收入。"
        )
    if roi is not None:
        clauses.append(f"投入{format_yuan(investment)}，预计带来{format_yuan(revenue)}收入，投入产出比约{format_times(roi)}。")
    return {
        "annual_loss": annual_loss,
        "annual_loss_display": format_yuan(annual_loss) if annual_loss is not None else "",
        "roi": roi,
        "roi_display": format_times(roi) if roi is not None else "",
        "investment_display": format_yuan(investment) if investment is not None else "",
        "expected_revenue_display": format_yuan(revenue) if revenue is not None else "",
        "sentence": "".join(clauses),
    }


def sentence_for(inputs: object) -> str:
    """The calculator's sentence for these inputs, or "" when they are empty or not all valid."""
    try:
        return str(quantify(Request("value", "quantify", inputs))["sentence"])
    except InputError:
        return ""


def table(request: Request) -> Table:
    inputs, result = read(request.data), quantify(request)
    shown = {k: format_count(v) if k == "lost_customers_per_month" else format_yuan(v) for k, v in inputs.items() if v is not None}
    rows = tuple((LABELS[k], v) for k, v in shown.items()) + tuple(
        (label, result[k]) for k, label in (("annual_loss_display", "每年损失"), ("roi_display", "投入产出比")) if result[k]
    )
    notes = (result["sentence"],) if result["sentence"] else ()
    return Table("价值测算", ("项目", "数值"), rows, notes)


ACTIONS = {"quantify": quantify, "export": exporter(table, "价值测算")}

"""Tiny factories: a valid row or request with only what a test cares about spelled out."""

from __future__ import annotations

import datetime as dt

from crossdept.api import handle
from crossdept.request import Request

TODAY = dt.date(2026, 3, 2)  # a Monday
TODAY_ISO = TODAY.isoformat()


def need(**fields: object) -> dict[str, object]:
    return {"resource": "系统开发", "department": "IT部门", "priority": "P0", "needed_by": "2026-04-30", "workload": "3天", "owner": "李总监", **fields}


def partner(**fields: object) -> dict[str, object]:
    return {
        "department": "IT部门",
        "owner": "李总监",
        "their_needs": "展示部门价值",
        "i_give": "需求文档、专人对接",
        "they_get": "CEO级别曝光",
        "plan": "必需功能先做，增强功能放二期",
        **fields,
    }


def contact(**fields: object) -> dict[str, object]:
    return {
        "department": "IT部门",
        "stance": "可争取",
        "status": "沟通中",
        "owner": "李总监",
        "progress": "已提交需求文档",
        "next_step": "确认排期",
        "last_contact": "2026-02-27",
        "risk": "",
        "obstacle": "",
        "refusals": 0,
        **fields,
    }


def request(worksheet: str, action: str, data: object, today: dt.date | None = TODAY, **options: object) -> Request:
    return Request(worksheet, action, data, today, options)


def call(worksheet: str, action: str, data: object, today: str | None = TODAY_ISO, **extra: object) -> dict:
    """The boundary's answer, as the browser gets it."""
    return handle({"worksheet": worksheet, "action": action, "data": data, "today": today, **extra})


def result_of(worksheet: str, action: str, data: object) -> dict:
    """The result of a call that must succeed."""
    response = call(worksheet, action, data)
    assert response["ok"], response
    return response["result"]


def errors_of(worksheet: str, action: str, data: object) -> dict[str, str]:
    """The messages of a call that must fail, by field."""
    response = call(worksheet, action, data)
    assert response["ok"] is False
    return {e["field"]: e["message"] for e in response["errors"]}


def codes(result: dict, row: int | None = ...) -> list[str]:
    """Flag codes of a result, optionally only those on one row."""
    return [f["code"] for f in result["flags"] if row is ... or f["row"] == row]

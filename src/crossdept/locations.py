"""Where a problem is, said the way a learner sees the workbook: ``资源需求清单第 5 行`` rather
than ``worksheets.resources.rows[4]``. The dotted path stays in ``field`` for the program."""

from __future__ import annotations

import re

from . import conflict, exchange, negotiation, resources, tracker, value

SHEETS = {
    "resources": "资源需求清单",
    "exchange": "价值交换矩阵",
    "tracker": "协调进度追踪表",
    "value": "价值量化计算器",
    "conflict": "冲突诊断",
    "negotiation": "谈判准备单",
}
_LABELS = {
    "resources": resources.LABELS,
    "exchange": exchange.LABELS,
    "tracker": tracker.LABELS,
    "value": value.LABELS,
    "conflict": conflict.LABELS,
    "negotiation": negotiation.LABELS,
}
_PROJECT = {"name": "项目名称", "value": "项目价值", "sponsor": "升级对象"}
_ROW = re.compile(r"^(?:worksheets\.)?(\w+)\.rows\[(\d+)\](?:\.(\w+))?$")
_FIELD = re.compile(r"^(?:worksheets\.)?(value|conflict|negotiation)\.(\w+)$")


def place(field: str, sheet: str | None = None) -> tuple[str, str]:
    """``(where, column label)`` for a dotted path; ``sheet`` names the sheet of a path relative to
    it (``rows[4].priority`` in a resource list's own errors). ``("", "")`` when it names no place."""
    path = f"{sheet}.{field}" if sheet and not field.startswith(("worksheets.", f"{sheet}.")) else field
    if match := _ROW.match(path):
        name, index, column = match.groups()
        if name in SHEETS:
            return f"{SHEETS[name]}第 {int(index) + 1} 行", _LABELS[name].get(column or "", "")
    if match := _FIELD.match(path):
        name, key = match.groups()
        return SHEETS[name], _LABELS[name].get(key, "")
    if path.startswith("project."):
        return "项目信息", _PROJECT.get(path.partition(".")[2], "")
    if path.startswith("skipped"):
        return "忽略的部门", ""
    if path.startswith("worksheets."):
        return SHEETS.get(path.split(".")[1], ""), ""
    return "", ""


def locate(field: str, message: str, sheet: str | None = None) -> str:
    """``message`` preceded by where it is: ``资源需求清单第 5 行：优先级只能是 P0、P1、P2``; a message
    that does not name its column gets it (``资源需求清单第 5 行“优先级”：应是文字或数字``)."""
    where, label = place(field, sheet)
    if not where:
        return message
    if label and not message.startswith(label):
        where += f"“{label}”"
    return f"{where}：{message}"

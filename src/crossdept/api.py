"""The core's one boundary: a JSON request in, a JSON-able response out, never an exception.

``{"worksheet", "action", "data", "today"?}`` → ``{"ok": true, "result": {...}}`` or
``{"ok": false, "errors": [{"field", "message"}]}``. The browser worker calls ``handle_json``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from . import assessment, conflict, exchange, journal, negotiation, playbook, resources, spreadsheets, tracker, value, workbook
from .errors import InputError, Problem
from .request import Request, parse_request

Handler = Callable[[Request], dict]

WORKSHEETS: Mapping[str, Mapping[str, Handler]] = {
    "resources": resources.ACTIONS,
    "exchange": exchange.ACTIONS,
    "tracker": tracker.ACTIONS,
    "value": value.ACTIONS,
    "quiz": assessment.QUIZ_ACTIONS,
    "capability": assessment.CAPABILITY_ACTIONS,
    "journal": journal.ACTIONS,
    "workbook": {**workbook.ACTIONS, **spreadsheets.ACTIONS},
    "playbook": playbook.ACTIONS,
    "conflict": conflict.ACTIONS,
    "negotiation": negotiation.ACTIONS,
}


def _failure(problems: tuple[Problem, ...] | list[Problem]) -> dict:
    return {"ok": False, "errors": [p.as_dict() for p in problems]}


def _unreadable() -> dict:
    """A request that cannot be answered at all: nested too deep for Python's parser (a hand-made
    import ~3000 levels deep raised RecursionError) or larger than memory. The worker must still
    get an answer, or the page waits forever."""
    return _failure([Problem("request", "内容嵌套太深或太大，无法处理；请检查导入的文件是否是课程导出的原样文件")])


def handle(request: object) -> dict:
    """Answer one request; bad input of any shape gives ``ok: false`` with Chinese messages."""
    try:
        parsed = parse_request(request)
        actions = WORKSHEETS.get(parsed.worksheet)
        if actions is None:
            return _failure([Problem("worksheet", f"没有名为“{parsed.worksheet}”的工作表")])
        handler = actions.get(parsed.action)
        if handler is None:
            return _failure([Problem("action", f"工作表“{parsed.worksheet}”不支持操作“{parsed.action}”")])
        return {"ok": True, "result": handler(parsed)}
    except InputError as error:
        return _failure(error.problems)
    except (RecursionError, MemoryError):
        return _unreadable()
    except Exception as error:  # noqa: BLE001 - the boundary must answer, whatever broke inside
        return {
            "ok": False,
            "errors": [{"field": "", "message": f"计算时出现内部错误，请把这条信息告诉课程维护者：{type(error).__name__}"}],
            "internal": True,
        }


def handle_json(text: str) -> str:
    """``handle`` over JSON strings, as the browser calls it. Answers every input with JSON, never
    raises: malformed, too deep or too large input gives ``ok: false`` with a Chinese message."""
    try:
        request = json.loads(text)
    except (TypeError, ValueError):
        response = _failure([Problem("request", "请求不是有效的 JSON")])
    except (RecursionError, MemoryError):
        return json.dumps(_unreadable(), ensure_ascii=False)
    else:
        response = handle(request)
    try:
        return json.dumps(response, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return json.dumps(_failure([Problem("", "计算结果无法转换为 JSON")]), ensure_ascii=False)
    except (RecursionError, MemoryError):
        return json.dumps(_unreadable(), ensure_ascii=False)

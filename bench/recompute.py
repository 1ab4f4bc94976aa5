"""Recompute time per edit on big workbook tables (``make bench``; run after ``make site``).

A 200-row tracker and a 200-row resource list; 50 edits each, one cell changed per edit. For
every edit the figures time what a tool page asks the core after a keystroke: the sheet's own
analysis, and that analysis plus ``workbook/departments`` (the ready rows), as the page runs them.
In the browser the call goes through the page runtime's ``callCore`` (JSON to the Web Worker,
Pyodide, JSON back); beside it the same requests through ``crossdept.api.handle_json`` in CPython.
Printed, never pass/fail. Target: median under 30 ms in the browser.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
from bench.serve import CHROMIUM, CHROMIUM_FLAGS, serve_site  # noqa: E402
from crossdept.api import handle_json  # noqa: E402

ROWS = 200
EDITS = 50
TODAY = dt.date(2026, 3, 2)
DEPARTMENTS = ("IT部门", "数据部门", "培训部门", "市场部门", "财务部", "法务部", "门店运营", "销售部", "客服中心", "品牌部", "外部机构", "BI中心")
CORE_TIMEOUT_MS = 120_000


def resource_rows() -> list[dict]:
    return [
        {
            "resource": f"资源{i + 1}",
            "department": DEPARTMENTS[i % len(DEPARTMENTS)],
            "priority": ("P0", "P1", "P2")[i % 3],
            "needed_by": (TODAY + dt.timedelta(days=3 + i % 60)).isoformat(),
            "workload": f"{1 + i % 9}{('天', '周', '人月')[i % 3]}",
            "owner": f"负责人{i % 17}" if i % 5 else "",
            "alternative_for": f"资源{i - 1}" if i % 3 == 2 else "",
        }
        for i in range(ROWS)
    ]


def tracker_rows() -> list[dict]:
    return [
        {
            "department": f"{DEPARTMENTS[i % len(DEPARTMENTS)]}{i // len(DEPARTMENTS) + 1}组",
            "stance": ("盟友", "可争取", "中立", "对立")[i % 4],
            "status": ("未开始", "沟通中", "已同意", "已交付", "受阻")[i % 5],
            "owner": f"负责人{i % 17}",
            "progress": "已提交需求文档，等待回复",
            "next_step": "周三前确认排期",
            "last_contact": (TODAY - dt.timedelta(days=i % 30)).isoformat(),
            "risk": "排期可能太晚" if i % 7 else "权限不清",
            "obstacle": ("", "太忙", "不在KPI", "需要领导批准", "部门规定", "上次合作不愉快")[i % 6],
            "refusals": i % 4,
        }
        for i in range(ROWS)
    ]


def edits(sheet: str, action: str, rows: list[dict], key: str, values: tuple[str, ...]) -> list[list[dict]]:
    """EDITS versions of the request pair a page sends: one cell changed each time."""
    project = {"name": "基准测试项目"}
    requests = []
    for n in range(EDITS):
        changed = [dict(r) for r in rows]
        changed[(n * 37) % ROWS][key] = values[n % len(values)]
        book = {
            "format": "crossdept-workbook",
            "version": 1,
            "project": project,
            "worksheets": {
                "resources": {"rows": changed if sheet == "resources" else []},
                "exchange": {"rows": []},
                "tracker": {"rows": changed if sheet == "tracker" else []},
                "value": {},
            },
        }
        requests.append(
            [
                {"worksheet": sheet, "action": action, "data": {"rows": changed, "project": project}, "today": TODAY.isoformat()},
                {"worksheet": "workbook", "action": "departments", "data": book, "today": TODAY.isoformat()},
            ]
        )
    return requests


# Times each edit in the page: the analysis alone, then analysis + departments as the tool page runs them.
BROWSER_TIMING = """
async (pairs) => {
  // The page's runtime module (no globals): importing the URL it loaded gives the same instance.
  const rt = await import(document.querySelector('script[type=module][src*="/worksheets."]').src);
  const alone = [], both = [];
  for (const [analysis, departments] of pairs) {
    let began = performance.now();
    const answer = await rt.callCore(analysis);
    alone.push(performance.now() - began);
    if (!answer.ok) throw new Error(JSON.stringify(answer.errors));
    began = performance.now();
    await rt.callCore(analysis);
    await rt.callCore(departments);
    both.push(performance.now() - began);
  }
  return [alone, both];
}
"""


def cpython(pairs: list[list[dict]]) -> tuple[list[float], list[float]]:
    alone, both = [], []
    for analysis, departments in pairs:
        began = time.perf_counter()
        answer = json.loads(handle_json(json.dumps(analysis, ensure_ascii=False)))
        alone.append((time.perf_counter() - began) * 1000)
        assert answer["ok"], answer["errors"]
        began = time.perf_counter()
        handle_json(json.dumps(analysis, ensure_ascii=False))
        handle_json(json.dumps(departments, ensure_ascii=False))
        both.append((time.perf_counter() - began) * 1000)
    return alone, both


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


def line(label: str, browser: list[float], python: list[float]) -> None:
    print(f"{label:<46}{statistics.median(browser):8.1f}{p95(browser):8.1f}   {statistics.median(python):8.1f}{p95(python):8.1f}")


def main() -> None:
    cases = {
        "tracker/review": edits("tracker", "review", tracker_rows(), "status", ("沟通中", "受阻", "已同意")),
        "resources/plan": edits("resources", "plan", resource_rows(), "workload", ("3天", "2周", "1人月")),
    }
    with serve_site(ROOT / "site") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_context(service_workers="block").new_page()
        page.goto(base + "tools/tracker/")
        page.wait_for_selector("[data-worksheet][data-core=ready]", timeout=CORE_TIMEOUT_MS)
        page.evaluate(BROWSER_TIMING, cases["tracker/review"][:5])  # warm up: first calls compile and import
        measured = {name: page.evaluate(BROWSER_TIMING, pairs) for name, pairs in cases.items()}
        browser.close()
    print(f"{f'recompute per edit (ms), {ROWS} rows, {EDITS} edits':<46}{'browser':>16}   {'CPython':>16}")
    print(f"{'':<46}{'median':>8}{'p95':>8}   {'median':>8}{'p95':>8}")
    for name, pairs in cases.items():
        python_alone, python_both = cpython(pairs)
        line(f"  {name}", measured[name][0], python_alone)
        line("    + workbook/departments (as the page runs)", measured[name][1], python_both)
    print(f"{'target':<46}median < 30 ms in the browser")


if __name__ == "__main__":
    main()

"""The recorded request/response pairs, replayed inside Pyodide in the browser: same answers as CPython."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CORE_TIMEOUT_MS, runtime_call, visit

pytestmark = pytest.mark.shared_page

CONTRACTS = sorted((Path(__file__).resolve().parents[1] / "contract").glob("*.json"))


def test_every_contract_example_gives_the_same_response_in_pyodides_python_3_14(page, site, traffic):
    cases = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in CONTRACTS}
    visit(page, site + "tools/value/")
    expect(page.locator("[data-worksheet]").first).to_have_attribute("data-core", "ready", timeout=CORE_TIMEOUT_MS)

    answers = runtime_call(
        page,
        """(async () => {
            const out = {};
            for (const [name, c] of Object.entries(arg)) out[name] = await rt.callCore(c.request);
            return out;
        })()""",
        cases,
    )

    mismatched = [name for name, case in cases.items() if answers[name] != case["response"]]
    assert mismatched == []
    assert len(cases) >= 20
    assert runtime_call(page, "rt.coreStatus().python").startswith("3.14")  # the Python the contract was recorded with

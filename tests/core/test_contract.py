"""Request/response pairs kept as JSON in tests/contract, replayed here (and, by the browser tests, in Pyodide)."""

import json
from pathlib import Path

import pytest

from crossdept.api import WORKSHEETS, handle, handle_json

CONTRACTS = sorted((Path(__file__).resolve().parents[1] / "contract").glob("*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", CONTRACTS, ids=lambda p: p.stem)
def test_the_core_gives_the_recorded_response(path):
    case = load(path)

    assert handle(case["request"]) == case["response"]


@pytest.mark.parametrize("path", CONTRACTS, ids=lambda p: p.stem)
def test_the_json_boundary_gives_the_same_response(path):
    case = load(path)

    assert json.loads(handle_json(json.dumps(case["request"], ensure_ascii=False))) == case["response"]


def test_every_worksheet_action_has_a_success_example_and_every_worksheet_an_error_example():
    cases = [load(p) for p in CONTRACTS]
    succeeded = {(c["request"]["worksheet"], c["request"]["action"]) for c in cases if c["response"]["ok"]}
    failed = {c["request"]["worksheet"] for c in cases if not c["response"]["ok"]}

    # playbook/get only serves the tables: test_playbook.py checks it against them instead.
    assert {(w, a) for w, actions in WORKSHEETS.items() for a in actions} - {("playbook", "get")} <= succeeded
    assert set(WORKSHEETS) - {"playbook"} <= failed

"""The IT case tells one story: the chapters' numbers are those of the negotiation worksheet's example.

Parts 6, 7 and 8 and the tool's page walk through the same negotiation (小李 and IT over when the
booking system's necessary features go live); 载入课程示例 loads the core's version of it. A learner
who reads a chapter and then loads the example must find the same target, floor and estimates.
Each row below is a row of a chapter's table: the numbers of a cell, in order, are the example's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crossdept.api import handle
from crossdept.examples import NEGOTIATION_EXAMPLE

ROOT = Path(__file__).resolve().parents[2]
NUMBER = re.compile(r"\d+(?:\.\d+)?")

# page → {first cell of a table row: [(cell index, [example keys whose values the cell gives, in order])]}
ROWS: dict[str, dict[str, list[tuple[int, list[str]]]]] = {
    "docs/day48/capstone.md": {
        "我的目标": [(1, ["target"])],
        "我的底线 / 对方的底线（估计）": [(1, ["reservation"]), (2, ["their_reservation"])],
        "我的 BATNA / 对方的 BATNA（估计）": [(1, ["batna_value"]), (2, ["their_batna_value"])],
    },
    "docs/day48/negotiation-method.md": {
        "我的目标": [(2, ["target"])],
        "我的底线": [(2, ["reservation"])],
        "对方的底线（估计）": [(2, ["their_reservation"])],
    },
    "docs/day48/negotiation-cases.md": {
        "我的目标": [(1, ["target"])],
        "我的底线": [(1, ["reservation"])],
        "IT 的底线（估计）": [(1, ["their_reservation"])],
    },
    "docs/tools/negotiation.md": {
        "我的目标 / 底线": [(1, ["target", "reservation"])],
        "我的 BATNA": [(1, ["batna_value"])],
        "对方的底线（估计）": [(1, ["their_reservation"])],
    },
}


def _row(text: str, label: str) -> list[str]:
    """The cells of the first table row whose first cell is ``label``."""
    line = next(line for line in text.splitlines() if line.startswith(f"| {label} |"))
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _example_number(key: str) -> float:
    return float(NUMBER.search(NEGOTIATION_EXAMPLE[key]).group(0))


CASES = [(page, label, cell, keys) for page, rows in ROWS.items() for label, cells in rows.items() for cell, keys in cells]


@pytest.mark.parametrize(("page", "label", "cell", "keys"), CASES, ids=[f"{p.split('/')[-1]}:{label}:{c}" for p, label, c, _ in CASES])
def test_a_chapter_gives_the_numbers_of_the_worksheets_example(page, label, cell, keys):
    text = (ROOT / page).read_text(encoding="utf-8")

    numbers = [float(n) for n in NUMBER.findall(_row(text, label)[cell])]

    assert numbers[: len(keys)] == [_example_number(k) for k in keys], f"{page} | {label} |"


def test_the_capstone_and_the_tools_page_state_the_zopa_the_core_computes_for_the_example():
    zopa = handle({"worksheet": "negotiation", "action": "analyze", "data": dict(NEGOTIATION_EXAMPLE)})["result"]["zopa"]
    unit = NEGOTIATION_EXAMPLE["unit"]

    assert zopa["exists"]
    assert f"ZOPA 就是 {zopa['low']} {unit}到 {zopa['high']} {unit}" in (ROOT / "docs/day48/capstone.md").read_text(encoding="utf-8")
    assert f"ZOPA 在 {zopa['low']} {unit}到 {zopa['high']} {unit}之间" in (ROOT / "docs/tools/negotiation.md").read_text(encoding="utf-8")


def test_the_agreed_go_live_falls_inside_the_examples_zopa_and_is_its_planned_concession():
    capstone = (ROOT / "docs/day48/capstone.md").read_text(encoding="utf-8")
    agreed = int(re.search(r"(\d+) 周内上线", capstone).group(1))

    assert _example_number("target") <= agreed <= _example_number("reservation")
    assert f"放宽到{agreed}周" in NEGOTIATION_EXAMPLE["concessions"]

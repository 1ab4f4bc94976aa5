"""What the build bakes into the browser: the choice columns' accepted spellings, taken from the core."""

from __future__ import annotations

import json

from crossdept.api import handle
from crossdept.manifest import core_manifest


def test_every_spelling_the_manifest_maps_a_choice_to_is_one_the_core_accepts_as_that_value():
    choices = core_manifest()["choices"]

    for sheet, column, typed, canonical in [("resources", "priority", "必需", "P0"), ("tracker", "status", "进行中", "沟通中")]:
        assert choices[sheet][column]["accepts"][typed] == canonical
        assert canonical in choices[sheet][column]["canonical"]
    row = {"resource": "接口开发", "priority": "必需"}
    plan = handle({"worksheet": "resources", "action": "plan", "data": {"rows": [row]}, "today": "2026-03-02"})
    assert plan["ok"] and plan["result"]["rows"][0]["priority"] == "P0"


def test_the_manifest_is_plain_json():
    assert json.loads(json.dumps(core_manifest(), ensure_ascii=False)) == core_manifest()

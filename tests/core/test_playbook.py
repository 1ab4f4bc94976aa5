import json
import re
from pathlib import Path

from crossdept import playbook
from crossdept.archetypes import ARCHETYPES, GENERIC

from .factories import call

ROOT = Path(__file__).resolve().parents[2]


def test_the_five_obstacles_each_have_an_essence_a_wrong_response_and_three_strategies():
    assert [o.label for o in playbook.OBSTACLES] == ["太忙", "不在KPI", "需要领导批准", "部门规定", "上次合作不愉快"]
    for obstacle in playbook.OBSTACLES:
        assert obstacle.essence and obstacle.wrong and len(obstacle.strategies) == 3
        assert obstacle.topic in playbook.TOPICS and obstacle.rule in playbook.TOPICS


def test_there_are_ten_golden_rules_three_escalation_criteria_and_a_four_step_ladder():
    assert len(playbook.GOLDEN_RULES) == 10
    assert [c.id for c in playbook.ESCALATION_CRITERIA] == ["refused", "authority", "resources"]
    assert [s.refusals for s in playbook.LADDER] == [0, 1, 2, 3]
    assert playbook.ladder_step(7) is playbook.LADDER[-1]


def test_three_capabilities_with_three_elements_each_and_dotted_ids():
    ids = [e.id for c in playbook.CAPABILITIES for e in c.elements]

    assert len(ids) == 9
    assert all(re.fullmatch(r"(influence|conflict|negotiation)\.[a-z]+", i) for i in ids)
    assert all(e.topic in playbook.TOPICS for c in playbook.CAPABILITIES for e in c.elements)


def test_every_archetype_has_concerns_offers_gains_and_an_ask():
    for archetype in (*ARCHETYPES, GENERIC):
        assert archetype.concerns and archetype.offers and archetype.gains and archetype.ask.startswith("能不能")
        assert "{dept}" in archetype.acknowledge


def test_every_topic_links_a_page_of_the_site_nav():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")

    pages = {t.page for t in playbook.TOPICS.values()}

    assert all(page in nav for page in pages), pages
    assert all(t.section == f"{t.page}#{t.anchor}" for t in playbook.TOPICS.values())


def test_the_playbook_action_returns_everything_as_json():
    response = call("playbook", "get", None)

    data = response["result"]
    json.dumps(data, allow_nan=False)
    assert {"topics", "archetypes", "obstacles", "ladder", "escalation", "stances", "statuses", "rules", "capabilities"} <= set(data)
    assert len(data["topics"]) == len(playbook.TOPICS)


def test_the_playbook_action_serves_the_tables_it_holds_in_their_order():
    # In place of a recorded response, which would only restate these tables: the answer is the
    # tables themselves, in order, with the fields the pages read.
    data = call("playbook", "get", None)["result"]

    assert [o["label"] for o in data["obstacles"]] == [o.label for o in playbook.OBSTACLES]
    assert [len(o["strategies"]) for o in data["obstacles"]] == [3] * len(playbook.OBSTACLES)
    assert [r["number"] for r in data["rules"]] == list(range(1, len(playbook.GOLDEN_RULES) + 1))
    assert [step["refusals"] for step in data["ladder"]] == [0, 1, 2, 3]
    assert [c["id"] for c in data["escalation"]] == ["refused", "authority", "resources"]
    assert [s["label"] for s in data["stances"]] == ["盟友", "可争取", "中立", "对立"]
    assert data["statuses"] == ["未开始", "沟通中", "已同意", "已交付", "受阻"]
    assert [a["id"] for a in data["archetypes"]] == [a.id for a in (*ARCHETYPES, GENERIC)]
    assert [[e["id"] for e in c["elements"]] for c in data["capabilities"]] == [[e.id for e in c.elements] for c in playbook.CAPABILITIES]
    assert {t["id"]: t["section"] for t in data["topics"]} == {key: t.section for key, t in playbook.TOPICS.items()}

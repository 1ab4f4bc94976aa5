import pytest
from hypothesis import given
from hypothesis import strategies as st

from crossdept.playbook import ELEMENTS

from .factories import call

QUIZ = {
    "id": "kp325-obstacles",
    "title": "障碍应对",
    "pass_ratio": 0.5,
    "questions": [
        {
            "id": "q1",
            "type": "single",
            "prompt": "对方说太忙，先怎么做？",
            "options": [{"id": "a", "text": "问什么时候有空"}, {"id": "b", "text": "拆分需求，降低门槛"}],
            "answer": ["b"],
            "explanation": "降低门槛比提高回报更有效。",
            "section": "kp325/obstacles.md#obstacle-busy",
        },
        {
            "id": "q2",
            "type": "multiple",
            "prompt": "哪些是升级的条件？",
            "options": [
                {"id": "a", "text": "明确拒绝且说服不了", "explanation": "是标准之一。"},
                {"id": "b", "text": "跨部门权限冲突", "explanation": "只有决策层能定。"},
                {"id": "c", "text": "对方态度不好", "explanation": "自己能处理。"},
            ],
            "answer": ["a", "b"],
            "explanation": "升级看的是三条标准。",
        },
    ],
}


def score(answers, quiz=QUIZ):
    return call("quiz", "score", {"quiz": quiz, "answers": answers})


def test_a_quiz_is_scored_per_question_with_explanations():
    response = score({"q1": ["b"], "q2": ["b", "a"]})

    result = response["result"]
    assert (result["score"], result["total"], result["passed"]) == (2, 2, True)
    assert result["questions"][1] == {
        "id": "q2",
        "type": "multiple",
        "prompt": "哪些是升级的条件？",
        "correct": True,
        "answered": True,
        "chosen": ["a", "b"],
        "chosen_explanations": ["是标准之一。", "只有决策层能定。"],
        "answer": ["a", "b"],
        "explanation": "升级看的是三条标准。",
        "section": "",
        "options": [{"id": "a", "explanation": "是标准之一。"}, {"id": "b", "explanation": "只有决策层能定。"}, {"id": "c", "explanation": "自己能处理。"}],
    }
    assert result["questions"][0]["section"] == "kp325/obstacles.md#obstacle-busy"


def test_a_wrong_choice_comes_back_with_its_own_explanation_whatever_order_it_was_clicked_in():
    result = score({"q2": ["c", "a"]})["result"]

    question = result["questions"][1]
    assert question["correct"] is False
    assert question["chosen"] == ["a", "c"]
    assert question["chosen_explanations"] == ["是标准之一。", "自己能处理。"]


def test_an_unanswered_question_has_no_chosen_explanations_but_still_every_option_explained():
    question = score({})["result"]["questions"][1]

    assert question["chosen_explanations"] == []
    assert [o["id"] for o in question["options"]] == ["a", "b", "c"]


@given(st.dictionaries(st.sampled_from(["q1", "q2"]), st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3, unique=True)))
def test_the_chosen_explanations_are_always_those_of_the_chosen_options(answers):
    # A single-choice question with two picks is refused, so only score what the core accepts.
    answers = {q: picks for q, picks in answers.items() if not (q == "q1" and (len(picks) > 1 or "c" in picks))}

    result = score(answers)["result"]

    for question in result["questions"]:
        explained = {o["id"]: o["explanation"] for o in question["options"]}
        assert question["chosen_explanations"] == [explained[c] for c in question["chosen"]]
        assert sorted(question["chosen"]) == sorted(answers.get(question["id"], []))


def test_an_option_without_an_explanation_in_a_request_reads_as_empty_text():
    # The build refuses such a definition; a request built by hand still scores.
    question = score({"q1": ["a"]})["result"]["questions"][0]

    assert question["chosen_explanations"] == [""]
    assert question["options"] == [{"id": "a", "explanation": ""}, {"id": "b", "explanation": ""}]


def test_a_multiple_choice_question_needs_exactly_the_right_set():
    result = score({"q1": "b", "q2": ["a"]})["result"]

    assert [q["correct"] for q in result["questions"]] == [True, False]
    assert result["passed"] is True  # 1 of 2 meets a pass ratio of 0.5


def test_an_unanswered_question_counts_as_wrong():
    result = score({})["result"]

    assert result["score"] == 0 and result["passed"] is False
    assert result["questions"][0]["answered"] is False


def test_the_pass_ratio_defaults_to_80_percent():
    quiz = {**QUIZ, "pass_ratio": None}

    result = score({"q1": ["b"]}, quiz)["result"]

    assert result["pass_ratio"] == 0.8 and result["passed"] is False


def test_an_answer_to_an_unknown_question_or_option_is_refused():
    response = score({"q1": ["z"], "q9": ["a"]})

    assert response["ok"] is False
    assert {e["field"] for e in response["errors"]} == {"answers.q9", "answers.q1"}


def test_a_bad_quiz_definition_names_the_dotted_path():
    quiz = {**QUIZ, "questions": [{**QUIZ["questions"][0], "answer": ["e"]}]}

    response = score({}, quiz)

    assert response["errors"] == [{"field": "quiz.questions[0].answer", "message": "正确答案里有不存在的选项"}]


def test_a_missing_quiz_is_refused():
    response = call("quiz", "score", {"answers": {}})

    assert response["errors"] == [{"field": "quiz", "message": "请求里缺少题目定义（quiz）"}]


def ratings(**values):
    return {k.replace("_", "."): v for k, v in values.items()}


def test_capabilities_are_scored_as_mean_and_percentage():
    response = call(
        "capability",
        "score",
        {
            "ratings": ratings(
                influence_expertise=4,
                influence_network=2,
                influence_value=3,
                conflict_detection=5,
                conflict_interests=5,
                conflict_design=5,
                negotiation_needs=4,
                negotiation_options=4,
                negotiation_tactics=4,
            )
        },
    )

    result = response["result"]
    assert [(c["id"], c["mean"], c["percentage"]) for c in result["capabilities"]] == [("influence", 3, 60), ("conflict", 5, 100), ("negotiation", 4, 80)]
    assert result["weakest"] == {"id": "influence", "name": "非职权影响力"}
    assert result["lowest"] == [{"id": "influence", "name": "非职权影响力"}]
    assert result["complete"] is True


def test_a_three_way_tie_declares_no_weakest_capability():
    result = call("capability", "score", {"ratings": {eid: 3 for eid in ELEMENTS}})["result"]

    assert result["weakest"] is None
    assert [c["id"] for c in result["lowest"]] == ["influence", "conflict", "negotiation"]


def test_two_capabilities_tied_lowest_are_both_named_and_neither_is_the_weakest():
    result = call("capability", "score", {"ratings": ratings(influence_expertise=2, conflict_detection=2, negotiation_needs=4)})["result"]

    assert result["weakest"] is None
    assert result["lowest"] == [{"id": "influence", "name": "非职权影响力"}, {"id": "conflict", "name": "冲突管理"}]


def test_the_export_says_a_tie_instead_of_naming_one_weakest_capability():
    response = call("capability", "export", {"ratings": {eid: 3 for eid in ELEMENTS}}, format="markdown")

    text = response["result"]["text"]
    assert "没有明显的短板" in text
    assert "最需要加强：" not in text


@given(st.dictionaries(st.sampled_from(sorted(ELEMENTS)), st.integers(1, 5), min_size=1))
def test_weakest_is_named_only_when_one_capability_alone_has_the_lowest_mean(given_ratings):
    result = call("capability", "score", {"ratings": given_ratings})["result"]

    means = [c["mean"] for c in result["capabilities"] if c["mean"] is not None]
    lowest = [c["id"] for c in result["capabilities"] if c["mean"] == min(means)]
    assert [c["id"] for c in result["lowest"]] == lowest
    assert result["weakest"] == (result["lowest"][0] if len(lowest) == 1 else None)


def test_the_plan_names_the_lowest_elements_with_what_to_practise_and_where_to_reread():
    result = call("capability", "score", {"ratings": ratings(influence_network=2, conflict_design=3, negotiation_needs=5)})["result"]

    plan = result["plan"]
    assert [p["element"] for p in plan] == ["influence.network", "conflict.design"]
    assert plan[0]["section"] == "day48/pitfalls.md#pitfall-4"
    assert plan[0]["practice"]
    assert result["missing"] and result["complete"] is False


def test_a_strong_self_rating_still_gets_one_thing_to_keep_practising():
    result = call("capability", "score", {"ratings": {eid: 5 for eid in ELEMENTS}})["result"]

    assert len(result["plan"]) == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"ratings": {"influence.expertise": 6}}, "ratings.influence.expertise"),
        ({"ratings": {"influence.expertise": 2.5}}, "ratings.influence.expertise"),
        ({"ratings": {"charm": 3}}, "ratings.charm"),
        ({"ratings": {}}, "ratings"),
        ({"ratings": [3, 4]}, "ratings"),
        (None, "data"),
    ],
)
def test_bad_ratings_are_refused_at_their_field(data, field):
    response = call("capability", "score", data)

    assert response["ok"] is False
    assert response["errors"][0]["field"] == field

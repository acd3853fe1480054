"""`decide` and the policy models: thresholds per audience, actions, strongest action wins."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from filters.moderation.categories import CATEGORIES, DEV_KEY_TO_CATEGORY, complete, empty_scores
from filters.moderation.policy import (
    AudiencePolicy,
    ModerationDecision,
    ModerationPolicy,
    Rule,
    SafeAnswer,
    decide,
)

ANSWER = SafeAnswer(message="You matter.", resources=[{"name": "988 Lifeline", "contact": "988"}])


def policy(**overrides) -> ModerationPolicy:
    adult = AudiencePolicy(
        default=Rule(threshold=0.5, action="flag"),
        rules={
            "sexual": Rule(threshold=0.5, action="flag"),
            "sexual/minors": Rule(threshold=0.3, action="block"),
            "hate/threatening": Rule(threshold=0.5, action="block"),
            "self-harm": Rule(threshold=0.5, action="answer"),
            "illicit": Rule(threshold=0.5, action="allow"),
        },
    )
    child = AudiencePolicy(
        default=Rule(threshold=0.2, action="block"),
        rules={"self-harm": Rule(threshold=0.2, action="answer")},
    )
    minor = AudiencePolicy(default=Rule(threshold=0.35, action="block"),
                           rules={"self-harm": Rule(threshold=0.35, action="answer")})
    fields = {"audiences": {"adult": adult, "minor": minor, "child": child}, "answers": {"en": ANSWER}}
    fields.update(overrides)
    return ModerationPolicy(**fields)


def scores(**values: float) -> dict[str, float]:
    out = empty_scores()
    out.update({k.replace("_", "/").replace("self/harm", "self-harm"): v for k, v in values.items()})
    return out


def test_the_thirteen_categories_are_openais_and_dev_keys_map_onto_them():
    assert len(CATEGORIES) == 13 and len(set(CATEGORIES)) == 13
    assert set(DEV_KEY_TO_CATEGORY.values()) <= set(CATEGORIES)
    assert DEV_KEY_TO_CATEGORY["S3"] == "sexual/minors" and DEV_KEY_TO_CATEGORY["SH"] == "self-harm"


def test_complete_fills_missing_categories_clamps_and_drops_unknown_keys():
    out = complete({"hate": 1.7, "violence": -0.2, "made-up": 0.9})
    assert set(out) == set(CATEGORIES)
    assert out["hate"] == 1.0 and out["violence"] == 0.0 and out["sexual"] == 0.0


@pytest.mark.parametrize(
    ("category", "score", "audience", "action"),
    [
        ("sexual", 0.6, "adult", "flag"),
        ("sexual", 0.4, "adult", "allow"),
        ("sexual", 0.25, "child", "block"),
        ("sexual", 0.1, "child", "allow"),
        ("sexual/minors", 0.31, "adult", "block"),
        ("hate/threatening", 0.5, "adult", "block"),
        ("hate", 0.6, "adult", "flag"),
        ("hate", 0.4, "minor", "block"),
        ("self-harm", 0.7, "adult", "answer"),
        ("self-harm", 0.25, "child", "answer"),
        ("self-harm", 0.25, "adult", "allow"),
        ("illicit", 0.99, "adult", "allow"),
        ("violence/graphic", 0.3, "minor", "allow"),
        ("violence/graphic", 0.3, "child", "block"),
    ],
)
def test_decide_applies_the_audience_threshold_and_action(category, score, audience, action):
    decision = decide(scores(**{category: score}), audience, policy())
    assert decision.action == action
    if action != "allow":
        assert decision.categories == (category,)


def test_a_child_is_blocked_where_an_adult_is_only_flagged():
    s = scores(violence=0.55)
    assert decide(s, "adult", policy()).action == "flag"
    assert decide(s, "child", policy()).action == "block"


@pytest.mark.parametrize(
    ("values", "action", "categories"),
    [
        ({"self-harm": 0.9, "sexual/minors": 0.9}, "block", ("sexual/minors",)),
        ({"self-harm": 0.9, "hate": 0.9}, "answer", ("self-harm",)),
        ({"sexual": 0.9, "hate": 0.9}, "flag", ("sexual", "hate")),
        ({"hate/threatening": 0.9, "sexual": 0.9, "self-harm": 0.9}, "block", ("hate/threatening",)),
    ],
)
def test_the_strongest_action_wins_and_names_only_its_categories(values, action, categories):
    decision = decide(scores(**values), "adult", policy())
    assert decision.action == action
    assert decision.categories == categories
    assert set(categories) <= set(decision.flagged)


def test_all_flagged_categories_are_reported_in_openai_order():
    decision = decide(scores(**{"violence": 0.9, "sexual": 0.9, "hate": 0.9}), "adult", policy())
    assert decision.flagged == ("sexual", "hate", "violence")


def test_nothing_over_threshold_allows_with_no_categories():
    assert decide(empty_scores(), "child", policy()) == ModerationDecision("allow", (), ())


@pytest.mark.parametrize(("setting", "audience", "expected"), [
    ("allow", "adult", "allow"),
    ("allow", "minor", "allow"),
    ("allow", "child", "block"),
    ("block", "adult", "block"),
])
def test_backend_failure_follows_the_setting_but_children_always_fail_closed(setting, audience, expected):
    assert policy(on_backend_failure=setting).failure_action(audience) == expected


def test_answer_is_chosen_by_language_with_the_default_as_fallback():
    german = SafeAnswer(message="Du bist wichtig.", resources=[{"name": "TelefonSeelsorge", "contact": "0800 111 0 111"}])
    p = policy(answers={"en": ANSWER, "de": german})
    assert p.answer_for("de-AT") is german
    assert p.answer_for("fr") is ANSWER
    assert p.answer_for(None) is ANSWER


@pytest.mark.parametrize(
    "broken",
    [
        {"audiences": {"adult": AudiencePolicy()}},  # minor and child missing
        {"answers": {"de": ANSWER}},  # default language missing
        {"surprise": True},  # unknown key
        {"on_backend_failure": "maybe"},
    ],
)
def test_invalid_policies_are_rejected(broken):
    with pytest.raises(ValidationError):
        policy(**broken)


def test_answer_is_only_an_action_for_self_harm_categories():
    with pytest.raises(ValidationError):
        AudiencePolicy(rules={"hate": Rule(threshold=0.5, action="answer")})
    with pytest.raises(ValidationError):
        Rule(threshold=1.5, action="block")


def test_a_safe_answer_needs_at_least_one_help_resource():
    with pytest.raises(ValidationError):
        SafeAnswer(message="You matter.", resources=[])

"""The tenant policy's settings for training records, and `policy explain` naming them."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from gateway.policy import Policy


def policy(**privacy) -> Policy:  # noqa: ANN003
    return Policy.model_validate({"name": "p", "version": "1", "filters": ["consent", "pii"],
                                  "privacy": {"training": True, **privacy}})


@pytest.mark.parametrize(("privacy", "expected"), [
    ({}, ["by consistent synthetic values", "deleted 365 days after", "No audio is kept"]),
    ({"deidentify": "placeholder"}, ["by typed placeholders"]),
    ({"deidentify": {"mode": "surrogate", "keep": ["DATE_TIME"], "threshold": 0.4, "clause": "5.1"}},
     ["left in place: DATE_TIME", "score at least 0.4", "[clause 5.1]"]),
    ({"retention": {"text_days": 90, "audio_days": 30, "clause": "9"}, "audio": {"store": True, "clause": "9.2"}},
     ["deleted 90 days after", "[clause 9]", "kept beside their record and deleted after 30 days",
      "a minor's or a child's audio is never kept", "[clause 9.2]"]),
])
def test_explain_names_every_training_record_rule(privacy, expected):
    text = "\n".join(policy(**privacy).explain())
    for words in expected:
        assert words in text


def test_training_off_explains_no_record_rules():
    text = "\n".join(Policy.model_validate({"name": "p", "version": "1", "filters": ["consent"]}).explain())
    assert "synthetic" not in text and "No transcript is ever kept" in text


@pytest.mark.parametrize("privacy", [
    {"deidentify": "hash"},
    {"deidentify": {"keep": ["PERSON"]}},  # a type that names someone cannot be kept
    {"deidentify": {"threshold": 0}},
    {"deidentify": {"locale": "../x"}},
    {"audio": {"store": True, "children": True}},
])
def test_unsafe_or_unknown_settings_are_refused(privacy):
    with pytest.raises(ValidationError):
        policy(**privacy)

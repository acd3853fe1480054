"""The eligibility rule and the ages behind it, without HTTP."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gateway.policy import Policy
from gateway.privacy.ages import ConsentAges
from gateway.privacy.eligibility import assess, capture_blocked
from gateway.privacy.profiles import StoredProfile
from gateway.privacy.rules import PrivacyRules

AGES = ConsentAges.for_config(None)
ON = PrivacyRules(training=True)
TODAY = date(2026, 6, 15)


def profile(**fields) -> StoredProfile:
    return StoredProfile(updated_at=datetime(2026, 1, 1, tzinfo=UTC), **fields)


def born(years: int, days: int = 0) -> date:
    return date(TODAY.year - years, TODAY.month, TODAY.day) + timedelta(days=days)


@pytest.mark.parametrize(("fields", "rules", "child_flag", "reason", "audience"), [
    ({"training_consent": True, "birth_date": born(30), "country": "DE"}, ON, False, "eligible", "adult"),
    ({"training_consent": True, "birth_date": born(16), "country": "DE"}, ON, False, "eligible", "minor"),
    ({"training_consent": True, "birth_date": born(16, days=1), "country": "DE"}, ON, False, "child", "child"),
    ({"training_consent": True, "birth_date": born(13), "country": "US"}, ON, False, "eligible", "minor"),
    ({"training_consent": True, "birth_date": born(13), "country": None}, ON, False, "child", "child"),
    ({"training_consent": True, "birth_date": born(17), "country": "US"}, PrivacyRules(training=True, min_age=18),
     False, "child", "child"),
    ({"training_consent": True, "birth_date": born(30), "country": "US"}, PrivacyRules(), False, "training_off", "adult"),
    ({"training_consent": True, "birth_date": born(30), "country": "US"}, ON, True, "child_flagged", "child"),
    ({"training_consent": None, "birth_date": born(30)}, ON, False, "consent_unknown", "adult"),
    ({"training_consent": False, "birth_date": born(30)}, ON, False, "consent_false", "adult"),
    ({"training_consent": True, "country": "US"}, ON, False, "age_unknown", "unknown"),
])
def test_rule(fields, rules, child_flag, reason, audience):
    verdict = assess(profile(**fields), rules, AGES, TODAY, child_flag=child_flag)
    assert (verdict.reason, verdict.audience, verdict.eligible) == (reason, audience, reason == "eligible")


def test_no_profile_is_not_eligible():
    verdict = assess(None, ON, AGES, TODAY)
    assert (verdict.eligible, verdict.reason, verdict.is_child, verdict.consent_age) == (False, "no_profile", None, 16)


@given(birth=st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31)),
       later=st.integers(min_value=0, max_value=5000))
def test_a_given_age_never_makes_a_user_older_than_they_are(birth, later):
    stated_on = max(birth, date(2000, 1, 1))
    true = profile(birth_date=birth)
    stated = profile(age=true.age_on(stated_on), age_as_of=stated_on)
    today = stated_on + timedelta(days=later)
    assert stated.age_on(today) <= true.age_on(today)


def test_policy_blocks_capture_without_redaction_unless_told_otherwise():
    base = {"name": "p", "version": "1", "filters": ["consent"]}
    assert capture_blocked(Policy.model_validate(base)) == "training_off"
    assert capture_blocked(Policy.model_validate(base | {"privacy": {"training": True}})) == "no_redaction"
    with_pii = base | {"filters": ["consent", "pii"], "privacy": {"training": True}}
    assert capture_blocked(Policy.model_validate(with_pii)) is None


def test_explain_names_every_privacy_rule_with_its_clause():
    policy = Policy.model_validate({"name": "p", "version": "1", "filters": ["consent", "pii"], "privacy": {
        "training": True, "training_clause": "4.2", "min_age": 18, "min_age_clause": "1.1",
        "minors": {"clause": "7"}}})
    text = "\n".join(policy.explain())
    assert "[clause 4.2]" in text and "Users under 18" in text and "[clause 1.1]" in text and "[clause 7]" in text

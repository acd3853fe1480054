"""Who a request's user is (audience) and whether a session may become training data.

The rule (DESIGN.md invariant 3): the tenant allows training, consent is recorded and true,
the age is known and at or above the age of digital consent of the user's country (raised by
the tenant's `min_age`). Anything unknown means no. The same function runs on every request
(to decide what to record) and again at finalization with the current profile."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .ages import ConsentAges
from .profiles import StoredProfile
from .rules import Audience, PrivacyRules

if TYPE_CHECKING:
    from gateway.policy import Policy

REDACTION_FILTER = "pii"


@dataclass(frozen=True, slots=True)
class Verdict:
    eligible: bool
    reason: str  # "eligible" or the first rule that says no
    audience: Audience
    is_child: bool | None  # None when the age is unknown
    consent_age: int


def capture_blocked(policy: "Policy") -> str | None:
    """Why the policy itself forbids capture (None: it does not): training off, or no
    redaction in its chain while the policy requires it."""
    if not policy.privacy.training:
        return "training_off"
    if policy.privacy.require_redaction and REDACTION_FILTER not in policy.filters:
        return "no_redaction"
    return None


def consent_age(profile: StoredProfile | None, rules: PrivacyRules, ages: ConsentAges) -> int:
    table = ages.age_for(profile.country if profile else None)
    return max(table, rules.min_age or 0)


def assess(profile: StoredProfile | None, rules: PrivacyRules, ages: ConsentAges, today: date,
           child_flag: bool = False) -> Verdict:
    bar = consent_age(profile, rules, ages)
    age = profile.age_on(today) if profile else None
    if child_flag:
        audience: Audience = "child"
        is_child: bool | None = True
    elif age is None:
        audience, is_child = "unknown", None
    elif age < bar:
        audience, is_child = "child", True
    elif age < rules.adult_age:
        audience, is_child = "minor", False
    else:
        audience, is_child = "adult", False

    if not rules.training:
        reason = "training_off"
    elif profile is None:
        reason = "no_profile"
    elif child_flag:
        reason = "child_flagged"
    elif profile.training_consent is None:
        reason = "consent_unknown"
    elif profile.training_consent is False:
        reason = "consent_false"
    elif age is None:
        reason = "age_unknown"
    elif age < bar:
        reason = "child"
    else:
        reason = "eligible"
    return Verdict(reason == "eligible", reason, audience, is_child, bar)


STATE_KEY = "consent"  # ctx.state key of ConsentState
RESOURCE = "privacy"  # FilterResources.items key of the PrivacyRuntime


@dataclass(frozen=True, slots=True)
class ConsentState:
    """What the `consent` filter learned about a request, in `ctx.state["consent"]`: the
    pseudonyms of its user and session, the verdict, and whether its turn may be recorded."""

    subject: str | None
    session: str | None
    verdict: Verdict
    capture: bool

"""A tenant's moderation policy and the pure function that applies it to scores.

The policy lives under a tenant's policy file (the gateway's loader owns where); every model
here forbids unknown keys so a typo fails at start-up. `decide` is pure: scores in, decision
out, so the chain, `/v1/moderations` and the tests all share one definition of "blocked".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .categories import CATEGORIES, Category

Audience = Literal["adult", "minor", "child"]
Action = Literal["allow", "flag", "answer", "block"]
AUDIENCES: tuple[Audience, ...] = ("adult", "minor", "child")

# "Strongest action wins": a text that is both self-harm (answer) and sexual/minors (block)
# is blocked; flag only ever adds a header; allow is the absence of a rule.
STRENGTH: dict[str, int] = {"allow": 0, "flag": 1, "answer": 2, "block": 3}
ANSWERABLE: frozenset[str] = frozenset({"self-harm", "self-harm/intent", "self-harm/instructions"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Rule(_Strict):
    threshold: float = Field(ge=0.0, le=1.0)
    action: Action


class AudiencePolicy(_Strict):
    """Rules per category; categories without a rule use `default`."""

    default: Rule = Rule(threshold=0.5, action="flag")
    rules: dict[Category, Rule] = {}

    @model_validator(mode="after")
    def _answer_only_for_self_harm(self) -> "AudiencePolicy":
        for category, rule in {**self.rules, "*": self.default}.items():
            if rule.action == "answer" and category not in ANSWERABLE:
                raise ValueError(f"action 'answer' is for self-harm categories, not {category!r}")
        return self

    def rule(self, category: str) -> Rule:
        return self.rules.get(category, self.default)  # type: ignore[call-overload]


class HelpResource(_Strict):
    name: str = Field(min_length=1)
    contact: str = Field(min_length=1, description="phone number, text short code or chat")
    url: str | None = None
    hours: str | None = None


class SafeAnswer(_Strict):
    """The caring reply for one language: a message and where to find help now."""

    message: str = Field(min_length=1)
    resources: list[HelpResource] = Field(min_length=1)


class ModerationPolicy(_Strict):
    backend: Literal["local", "provider"] = "local"
    provider_model: str = "omni-moderation-latest"
    on_backend_failure: Literal["block", "allow"] = "block"
    audiences: dict[Audience, AudiencePolicy]
    answers: dict[str, SafeAnswer] = Field(description="language code -> safe answer")
    default_language: str = "en"
    # Output moderation (answers checked before they reach the user), per audience.
    moderate_output_for: list[Audience] = ["minor", "child"]
    output_replacement: dict[str, str] = {
        "en": "I can't continue with that. Let's talk about something else.",
    }
    # Reuse the local model's scores of a text this process has scored (the conversation so
    # far, which apps resend every turn): a keyed digest of the text is kept, never the text
    # (filters/text_cache.py). The provider backend is always asked afresh.
    score_cache: bool = True
    clause: str | None = None

    @model_validator(mode="after")
    def _complete(self) -> "ModerationPolicy":
        missing = [a for a in AUDIENCES if a not in self.audiences]
        if missing:
            raise ValueError(f"audiences missing: {missing}")
        if self.default_language not in self.answers:
            raise ValueError("answers must include the default_language")
        if self.default_language not in self.output_replacement:
            raise ValueError("output_replacement must include the default_language")
        return self

    def failure_action(self, audience: Audience) -> Action:
        """What to do when the backend fails: children always fail closed."""
        return "block" if audience == "child" else self.on_backend_failure

    def answer_for(self, language: str | None) -> SafeAnswer:
        base = (language or "").split("-")[0].lower()
        return self.answers.get(base) or self.answers[self.default_language]


@dataclass(frozen=True, slots=True)
class ModerationDecision:
    """`categories` are the ones that caused `action`; `flagged` is every category over its
    threshold (for the flag header and metrics), both in OpenAI's order."""

    action: Action
    categories: tuple[str, ...] = ()
    flagged: tuple[str, ...] = ()


def decide(scores: dict[str, float], audience: Audience, policy: ModerationPolicy) -> ModerationDecision:
    rules = policy.audiences[audience]
    action: Action = "allow"
    by_action: dict[str, list[str]] = {}
    flagged: list[str] = []
    for category in CATEGORIES:
        rule = rules.rule(category)
        if rule.action == "allow" or scores.get(category, 0.0) < rule.threshold:
            continue
        flagged.append(category)
        by_action.setdefault(rule.action, []).append(category)
        if STRENGTH[rule.action] > STRENGTH[action]:
            action = rule.action
    return ModerationDecision(action, tuple(by_action.get(action, ())), tuple(flagged))

"""A tenant's policy: `config/policies/<name>.yaml`. Each rule can name the clause of the
tenant's privacy policy it enforces, so `privacy-gateway policy explain` and docs/policies.md
can show the chain from promise to rule to test."""

from __future__ import annotations

from pydantic import Field, model_validator

from filters.moderation.policy import ModerationPolicy
from filters.pii.rules import PIIRules

from .privacy.rules import PrivacyRules
from .settings import Strict


class ModelRule(Strict):
    allow: list[str] = Field(default_factory=lambda: ["*"], description="model names or globs")
    clause: str | None = None


class Policy(Strict):
    name: str = Field(pattern=r"^[a-z0-9_-]+$")
    version: str
    description: str = ""
    models: ModelRule = ModelRule()
    # Request filters, run in this order; the response side runs in reverse.
    filters: list[str] = []
    pii: PIIRules = PIIRules()
    moderation: ModerationPolicy | None = None
    # Consent, age, minors and session capture (gateway/privacy/rules.py).
    privacy: PrivacyRules = PrivacyRules()

    @model_validator(mode="after")
    def _moderation_configured(self) -> "Policy":
        if "moderation" in self.filters and self.moderation is None:
            raise ValueError("filters: 'moderation' is listed but the policy has no moderation: section")
        return self

    def explain(self) -> list[str]:
        """Every rule in plain words, each with the clause it keeps."""
        lines = [f"Policy {self.name} version {self.version}: {self.description}".rstrip(": ")]
        allowed = ", ".join(self.models.allow)
        lines.append(_with_clause(f"Only these models may be called: {allowed}.", self.models.clause))
        if self.filters:
            lines.append("Every request passes these filters, in order: " + ", ".join(self.filters) + ".")
        else:
            lines.append("No privacy filter runs: requests reach the provider as sent.")
        if "pii" in self.filters:
            lines.extend(_explain_pii(self.pii))
        if "moderation" in self.filters and self.moderation is not None:
            lines.extend(_explain_moderation(self.moderation))
        lines.extend(self.privacy.explain(consent_filter="consent" in self.filters))
        return lines


def _with_clause(text: str, clause: str | None) -> str:
    return f"{text} [clause {clause}]" if clause else text


_ACTION_WORDS = {
    "placeholder": "is replaced by a numbered placeholder, restored in the answer",
    "mask": "is masked with asterisks",
    "hash": "is replaced by a keyed hash",
    "remove": "is removed",
    "keep": "is allowed through unchanged",
    "block": "makes the gateway refuse the request",
}


def _explain_pii(rules: PIIRules) -> list[str]:
    scope = ", ".join(sorted(rules.entities)) if rules.entities else "every supported type"
    lines = [_with_clause(f"Personal data is detected before any provider sees the text ({scope}); "
                          f"by default a detected value {_ACTION_WORDS[rules.default_action]}.", rules.clause)]
    for entity, rule in sorted(rules.entities.items()):
        threshold = f" (score at least {rule.threshold})" if rule.threshold is not None else ""
        lines.append(_with_clause(f"A detected {entity}{threshold} {_ACTION_WORDS[rule.action]}.", rule.clause))
    if not rules.restore:
        lines.append("Placeholders are not restored in answers.")
    if rules.non_text_parts == "block":
        lines.append("Images, files and audio, which cannot be checked for personal data, are refused.")
    if rules.non_text_parts_for_children == "block":
        lines.append("Images, files and audio from children are refused.")
    if rules.token_arrays == "refuse":
        lines.append("Pre-tokenised input, which cannot be checked, is refused.")
    return lines


def _explain_moderation(rules: ModerationPolicy) -> list[str]:
    where = "on this machine" if rules.backend == "local" else f"by the provider model {rules.provider_model} (redacted text only)"
    lines = [_with_clause(f"Content is moderated {where} before any provider sees it.", rules.clause)]
    for audience, audience_rules in rules.audiences.items():
        special = ", ".join(f"{c}: {r.action} at {r.threshold}" for c, r in sorted(audience_rules.rules.items()))
        default = audience_rules.default
        lines.append(f"For {audience} users: {default.action} at score {default.threshold} by default"
                     + (f"; {special}." if special else "."))
    if rules.moderate_output_for:
        lines.append("Answers to " + ", ".join(rules.moderate_output_for) + " users are checked, and unsafe text is replaced by a safe message.")
    lines.append("If moderation is unavailable, requests are " + ("refused" if rules.on_backend_failure == "block" else "let through")
                 + " (always refused for children).")
    return lines

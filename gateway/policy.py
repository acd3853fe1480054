"""A tenant's policy: `config/policies/<name>.yaml`. Each rule can name the clause of the
tenant's privacy policy it enforces, so `privacy-gateway policy explain` and docs/policies.md
can show the chain from promise to rule to test.

Sections owned elsewhere (pii, moderation, privacy) carry `clause` fields where their schema
has them; `clauses:` annotates, by dotted path, the rules whose schema has none (the filter
chain, a moderation audience, `privacy.profile_ttl_days`...), and `rights:` names the clauses
that the admin API's access, erasure, correction and withdrawal keep."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, Field, model_validator

from filters.moderation.policy import ModerationPolicy
from filters.pii.rules import PIIRules

from .privacy.rules import PrivacyRules
from .settings import Strict


class ModelRule(Strict):
    allow: list[str] = Field(default_factory=lambda: ["*"], description="model names or globs")
    clause: str | None = None


class Rights(Strict):
    """Data-subject rights the gateway serves for every tenant, whatever its policy; the policy
    only names the clauses they keep. The features are not switches: an operator can always
    answer an access or erasure request."""

    access: str | None = None  # GET /admin/v1/tenants/{t}/users/{u}/export
    erasure: str | None = None  # DELETE /admin/v1/tenants/{t}/users/{u}
    correction: str | None = None  # PUT replaces the profile
    withdrawal: str | None = None  # PUT with training_consent false


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
    rights: Rights = Rights()
    # Dotted path of a rule whose schema has no `clause` field -> the clause it keeps.
    clauses: dict[str, str] = {}

    @model_validator(mode="after")
    def _moderation_configured(self) -> "Policy":
        if "moderation" in self.filters and self.moderation is None:
            raise ValueError("filters: 'moderation' is listed but the policy has no moderation: section")
        return self

    @model_validator(mode="after")
    def _clauses_name_rules(self) -> "Policy":
        # A typo in a path would leave a rule silently unannotated: refuse it at load time.
        for path in self.clauses:
            if not _resolves(self, path):
                raise ValueError(f"clauses: {path!r} names no rule of this policy")
        return self

    def clause(self, path: str) -> str | None:
        """The clause annotating the rule at `path` (from `clauses:`), if any."""
        return self.clauses.get(path)

    def explain(self) -> list[str]:
        """Every rule in plain words, each with the clause it keeps."""
        lines = [f"Policy {self.name} version {self.version}: {self.description}".rstrip(": ")]
        allowed = ", ".join(self.models.allow)
        lines.append(_with_clause(f"Only these models may be called: {allowed}.", self.models.clause))
        if self.filters:
            lines.append(_with_clause("Every request passes these filters, in order: " + ", ".join(self.filters) + ".",
                                      self.clause("filters")))
        else:
            lines.append("No privacy filter runs: requests reach the provider as sent.")
        if "pii" in self.filters:
            lines.extend(_explain_pii(self.pii, self.clause))
        if "moderation" in self.filters and self.moderation is not None:
            lines.extend(_explain_moderation(self.moderation, self.clause))
        lines.extend(self._explain_privacy())
        lines.extend(self._explain_rights())
        return lines

    def _explain_privacy(self) -> list[str]:
        consent = "consent" in self.filters
        lines = []
        for line in self.privacy.explain(consent_filter=consent):
            path = next((p for prefix, p in _PRIVACY_LINES.items() if line.startswith(prefix)), None)
            lines.append(_with_clause(line, self.clause(path)) if path and "[clause " not in line else line)
        for path, words in _PRIVACY_EXTRA.items():
            if consent and path in self.clauses:
                lines.append(_with_clause(words(self.privacy), self.clauses[path]))
        return lines

    def _explain_rights(self) -> list[str]:
        r = self.rights
        path = "/admin/v1/tenants/{tenant}/users/{user}"
        return [
            _with_clause(f"Access and portability: GET {path}/export answers, as JSON, everything the gateway "
                         "holds on the user: profile, consent history, open sessions' redacted turns and "
                         "dataset records.", r.access),
            _with_clause(f"Erasure: DELETE {path} removes at once the profile, consent history, open session "
                         "buffers and every dataset record of the user.", r.erasure),
            _with_clause(f"Correction: PUT {path} replaces the stored profile; eligibility is decided again "
                         "with it.", r.correction),
        ] + ([_with_clause(f"Withdrawal: PUT {path} with training_consent false deletes the user's dataset "
                           "records at once; sessions still open are discarded when they end.", r.withdrawal)]
             if self.privacy.training else [])


def _resolves(policy: Policy, path: str) -> bool:
    node: object = policy
    for part in path.split("."):
        if isinstance(node, BaseModel) and part in type(node).model_fields:
            node = getattr(node, part)
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return False
    return True


def _with_clause(text: str, clause: str | None) -> str:
    return f"{text} [clause {clause}]" if clause else text


# Lines of PrivacyRules.explain whose rule has no clause field of its own: the sentence's
# start -> the `clauses:` path that annotates it.
_PRIVACY_LINES = {
    "A request flagged with X-Gateway-Child": "privacy.honour_child_header",
    "When the store is unreachable": "privacy.store_down",
}
# Privacy settings PrivacyRules.explain does not put in words; explained when annotated.
_PRIVACY_EXTRA: dict[str, Callable[[PrivacyRules], str]] = {
    "privacy.adult_age": lambda p: f"Users from their country's age of digital consent up to {p.adult_age} are "
                                   f"minors; from {p.adult_age} on they are adults.",
    "privacy.profile_ttl_days": lambda p: f"A user's privacy profile and consent history are deleted "
                                          f"{p.profile_ttl_days} days after their last change.",
    "privacy.max_session_bytes": lambda p: f"A session's buffer holds at most {p.max_session_bytes} bytes; "
                                           "later turns are not recorded.",
}

_ACTION_WORDS = {
    "placeholder": "is replaced by a numbered placeholder, restored in the answer",
    "mask": "is masked with asterisks",
    "hash": "is replaced by a keyed hash",
    "remove": "is removed",
    "keep": "is allowed through unchanged",
    "block": "makes the gateway refuse the request",
}
Clause = Callable[[str], "str | None"]


def _explain_pii(rules: PIIRules, clause: Clause) -> list[str]:
    scope = ", ".join(sorted(rules.entities)) if rules.entities else "every supported type"
    lines = [_with_clause(f"Personal data is detected before any provider sees the text ({scope}); "
                          f"by default a detected value {_ACTION_WORDS[rules.default_action]}.", rules.clause)]
    for entity, rule in sorted(rules.entities.items()):
        threshold = f" (score at least {rule.threshold})" if rule.threshold is not None else ""
        lines.append(_with_clause(f"A detected {entity}{threshold} {_ACTION_WORDS[rule.action]}.", rule.clause))
    if rules.allow_list:
        lines.append(_with_clause(f"{len(rules.allow_list)} listed values are never treated as personal data.",
                                  clause("pii.allow_list")))
    if rules.public_figures == "keep":
        lines.append(_with_clause("Names of widely known historical and public figures (a fixed list) pass, so that "
                                  "questions about them can be answered.", clause("pii.public_figures")))
    if not rules.restore:
        lines.append(_with_clause("Placeholders are not restored in answers.", clause("pii.restore")))
    if rules.non_text_parts == "block":
        lines.append(_with_clause("Images, files and audio, which cannot be checked for personal data, are refused.",
                                  clause("pii.non_text_parts")))
    if rules.non_text_parts_for_children == "block":
        lines.append(_with_clause("Images, files and audio from children are refused.",
                                  clause("pii.non_text_parts_for_children")))
    elif rules.non_text_parts == "allow":
        lines.append(_with_clause("Images, files and audio from children are accepted (they cannot be redacted).",
                                  clause("pii.non_text_parts_for_children")))
    if rules.token_arrays == "refuse":
        lines.append(_with_clause("Pre-tokenised input, which cannot be checked, is refused.",
                                  clause("pii.token_arrays")))
    if rules.end_user_ids == "pseudonymize":
        lines.append(_with_clause("End-user identifiers the app passes (user, safety_identifier, prompt_cache_key) "
                                  "reach the provider as keyed pseudonyms.", clause("pii.end_user_ids")))
    else:
        lines.append(_with_clause("End-user identifiers the app passes reach the provider unchanged.",
                                  clause("pii.end_user_ids")))
    places_redacted = (not rules.entities or "LOCATION" in rules.entities) and rules.action_for("LOCATION") != "keep"
    location = {
        "follow_location": "A web search's user location reaches the provider with its city, region and time zone "
                           "treated as places, its country code unchanged." if places_redacted else
                           "A web search's user location reaches the provider unchanged (places are not redacted).",
        "country_only": "A web search's user location reaches the provider as its country code only.",
        "keep": "A web search's user location reaches the provider unchanged.",
    }[rules.user_location]
    lines.append(_with_clause(location, clause("pii.user_location")))
    return lines


def _explain_moderation(rules: ModerationPolicy, clause: Clause) -> list[str]:
    where = ("on this machine" if rules.backend == "local"
             else f"by the provider model {rules.provider_model} (redacted text only)")
    lines = [_with_clause(f"Content is moderated {where} before any provider sees it.", rules.clause)]
    for audience, audience_rules in rules.audiences.items():
        special = ", ".join(f"{c}: {r.action} at {r.threshold}" for c, r in sorted(audience_rules.rules.items()))
        default = audience_rules.default
        lines.append(_with_clause(f"For {audience} users: {default.action} at score {default.threshold} by default"
                                  + (f"; {special}." if special else "."), clause(f"moderation.audiences.{audience}")))
    if any(r.action == "answer" for a in rules.audiences.values() for r in [a.default, *a.rules.values()]):
        lines.append(_with_clause("Self-harm gets a caring answer with help resources instead of the model's.",
                                  clause("moderation.answers")))
    if rules.moderate_output_for:
        lines.append(_with_clause("Answers to " + ", ".join(rules.moderate_output_for) + " users are checked, and "
                                  "unsafe text is replaced by a safe message.",
                                  clause("moderation.moderate_output_for")))
    lines.append(_with_clause("If moderation is unavailable, requests are "
                              + ("refused" if rules.on_backend_failure == "block" else "let through")
                              + " (always refused for children).", clause("moderation.on_backend_failure")))
    return lines

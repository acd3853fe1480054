"""A tenant's PII rules (the `pii:` section of its policy): what to detect, what to do with
each entity type, and what to refuse outright."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Action = Literal["placeholder", "mask", "hash", "remove", "keep", "block"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EntityRule(Strict):
    action: Action = "placeholder"
    threshold: float | None = Field(None, ge=0, le=1)
    clause: str | None = None


class PIIRules(Strict):
    # Entity types to detect, with their rule. Empty: every type the engine supports, with
    # `default_action` (the demo tenant's "detect everything").
    entities: dict[str, EntityRule] = {}
    default_action: Action = "placeholder"
    default_threshold: float = Field(0.5, ge=0, le=1)
    allow_list: list[str] = []  # values never treated as PII (a school's own name, say)
    # Historical and public figures a learner asks about ("Tell me about Albert Einstein"),
    # from a fixed list (lexicons/public_figures.txt): `keep` lets them through, so the model
    # knows whom the question is about; `redact` treats them as any other name.
    public_figures: Literal["keep", "redact"] = "redact"
    deny_list: dict[str, list[str]] = {}  # values always treated as that type
    restore: bool = True  # put originals back into answers where the model echoed placeholders
    non_text_parts: Literal["allow", "block"] = "allow"  # images, files, audio the gateway cannot read
    non_text_parts_for_children: Literal["allow", "block"] = "block"
    token_arrays: Literal["pass", "refuse"] = "refuse"  # pre-tokenised input cannot be inspected
    # `user`, `safety_identifier`, `prompt_cache_key`: replaced by a keyed pseudonym, the same
    # for the same value, so the provider's per-user abuse monitoring and caching still work.
    end_user_ids: Literal["pseudonymize", "keep"] = "pseudonymize"
    # A web search's user location (city, region, time zone; the country code always passes):
    # treated as places under the LOCATION rule, removed (`country_only`), or passed (`keep`).
    user_location: Literal["follow_location", "country_only", "keep"] = "follow_location"
    timeout_s: float = Field(2.0, gt=0)
    # Reuse what was found in a text this process has analysed under the same rules (the
    # conversation so far, which apps resend every turn): a keyed digest of the text is kept,
    # never the text (filters/text_cache.py).
    detection_cache: bool = True
    vault_ttl_s: int = Field(86_400, ge=60)
    clause: str | None = None

    def action_for(self, entity_type: str) -> Action:
        rule = self.entities.get(entity_type)
        return rule.action if rule else self.default_action

    def thresholds(self) -> dict[str, float]:
        return {t: r.threshold for t, r in self.entities.items() if r.threshold is not None}

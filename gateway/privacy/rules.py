"""The `privacy:` section of a tenant's policy: training capture, the age bar, what happens to
minors' requests, session limits, and what becomes of training records (de-identification,
retention, audio). Defaults are the floor rules: no training capture, identifiers stripped and
`store: false` for children and minors, the child header honoured, surrogates for every
detected value, no audio kept."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from gateway.settings import Strict

Audience = Literal["adult", "minor", "child", "unknown"]
# Types a tenant may leave in training text: none of them names a person on its own.
Keepable = Literal["DATE_TIME", "AGE", "LOCATION", "ORGANIZATION", "URL"]


class MinorRules(Strict):
    """Requests of these audiences lose end-user identifiers and ask the provider not to store."""

    audiences: list[Literal["child", "minor", "unknown"]] = ["child", "minor"]
    strip_identifiers: bool = True  # `user`, `safety_identifier`, `metadata`, a web search's user location
    store_false: bool = True  # `store: false` on chat completions and responses
    clause: str | None = None


class Deidentification(Strict):
    """The training pass (gateway/dataset/deidentify.py). `deidentify: placeholder` is short
    for `deidentify: {mode: placeholder}`."""

    mode: Literal["surrogate", "placeholder"] = "surrogate"
    # Detection floor of the training pass; lower than the live pass finds more.
    threshold: float = Field(0.5, ge=0.05, le=1)
    keep: list[Keepable] = []
    locale: str = Field("en_US", pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")  # Faker's, for surrogates
    timeout_s: float = Field(30.0, gt=0, le=600)
    clause: str | None = None


class RetentionRules(Strict):
    """How long training records and their audio are kept after the session ended."""

    text_days: int = Field(365, ge=1, le=3650)
    audio_days: int = Field(365, ge=1, le=365)  # voice is biometric: twelve months at most
    # Shorter retention for young users, whatever their country ("we limit the retention of
    # activity logs for users under 16"): a record of a user younger than `young_age` when the
    # session ended is deleted after `young_text_days`.
    young_age: int = Field(16, ge=1, le=21)
    young_text_days: int | None = Field(None, ge=1, le=3650)
    young_clause: str | None = None
    clause: str | None = None

    def days_for(self, age: int | None) -> int:
        """The retention of one record, from the user's age when their session ended."""
        if self.young_text_days is not None and age is not None and age < self.young_age:
            return min(self.young_text_days, self.text_days)
        return self.text_days


class AudioRules(Strict):
    # Keep the audio of eligible adults' sessions beside their record. Never a minor's or a child's.
    store: bool = False
    clause: str | None = None


class PrivacyRules(Strict):
    training: bool = False
    training_clause: str | None = None
    # Capture only when the policy's chain redacts (has the `pii` filter): a transcript must
    # never hold raw PII. Turn off only where no text can carry PII (tests, synthetic traffic).
    require_redaction: bool = True
    # Raises the country's age of digital consent (an adults-only tenant: 18). Never lowers it.
    min_age: int | None = Field(None, ge=0, le=99)
    min_age_clause: str | None = None
    adult_age: int = Field(18, ge=1, le=99)
    # `X-Gateway-Child: true` makes a request a child's; the header can only restrict.
    honour_child_header: bool = True
    minors: MinorRules = MinorRules()
    # False: every request of every audience asks the provider not to store it (`store: false`
    # on chat completions and responses), not only minors'.
    provider_store: bool = True
    provider_store_clause: str | None = None
    # When the store cannot be reached: serve without capture (audience unknown), or refuse.
    store_down: Literal["serve", "refuse"] = "serve"
    session_idle_s: int = Field(1800, ge=1, le=7 * 86400)
    session_ttl_s: int = Field(86400, ge=1, le=30 * 86400)
    max_session_bytes: int = Field(1_048_576, ge=256, le=64 * 1_048_576)
    profile_ttl_days: int = Field(400, ge=1, le=3650)
    deidentify: Deidentification = Deidentification()
    retention: RetentionRules = RetentionRules()
    audio: AudioRules = AudioRules()
    clause: str | None = None

    @field_validator("deidentify", mode="before")
    @classmethod
    def _mode_only(cls, value: object) -> object:
        return {"mode": value} if isinstance(value, str) else value

    def explain(self, consent_filter: bool = True) -> list[str]:
        """One plain sentence per rule, each with the clause it keeps. Without the `consent`
        filter in the policy's chain no audience is known, so nothing is captured or stripped."""

        def c(text: str, clause: str | None) -> str:
            return f"{text} [clause {clause}]" if clause else text

        lines: list[str] = []
        if not consent_filter:
            return [c("The consent filter is not in this policy's chain: no transcript is kept for training "
                      "and no audience (child, minor) is recognised.", self.training_clause)]
        if self.training:
            lines.append(c("Session transcripts (redacted) may become training data, only for users whose "
                           "consent is recorded and true and whose age is known and at or above the age of "
                           "digital consent for their country; everything else is deleted at session end.",
                           self.training_clause))
        else:
            lines.append(c("No transcript is ever kept for training: sessions record nothing.",
                           self.training_clause))
        if self.training and self.require_redaction:
            lines.append(c("Capture needs the pii filter in the chain: without redaction nothing is recorded.",
                           self.training_clause))
        if self.min_age is not None:
            lines.append(c(f"Users under {self.min_age} are treated as children whatever their country's "
                           "age of digital consent.", self.min_age_clause))
        who = ", ".join(self.minors.audiences) or "nobody"
        actions = []
        if self.minors.strip_identifiers:
            actions.append("end-user identifiers (user, safety_identifier, metadata) and a web search's user "
                           "location are removed")
        if self.minors.store_false:
            actions.append("the provider is asked not to store the exchange (store: false)")
        if actions:
            lines.append(c(f"For requests of these audiences ({who}): " + "; ".join(actions) + ".",
                           self.minors.clause))
        if not self.provider_store:
            lines.append(c("Every request, whoever sends it, asks the provider not to store the exchange "
                           "(store: false).", self.provider_store_clause))
        if self.honour_child_header:
            lines.append("A request flagged with X-Gateway-Child: true is treated as a child's.")
        lines.append(c(f"A session ends after {self.session_idle_s} s without a turn; its keys expire "
                       f"{self.session_ttl_s} s after the last turn even if the gateway dies.", self.clause))
        if self.training:
            lines.extend(self._explain_records(c))
        if self.store_down == "refuse":
            lines.append("When the store is unreachable, requests are refused (503).")
        else:
            lines.append("When the store is unreachable, requests are served with nothing captured.")
        return lines

    def _explain_records(self, c) -> list[str]:  # noqa: ANN001 - the clause formatter of explain()
        d, r = self.deidentify, self.retention
        how = ("consistent synthetic values (the same within a session)" if d.mode == "surrogate"
               else "typed placeholders")
        kept = f"; these types are left in place: {', '.join(d.keep)}" if d.keep else ""
        lines = [c("Before a transcript becomes training data, personal data is detected again in every user and "
                   f"assistant message (score at least {d.threshold}) and replaced, like the live placeholders, by "
                   f"{how}{kept}; a record that cannot be cleaned with confidence is dropped.", d.clause),
                 c(f"Training records are deleted {r.text_days} days after their session ended, and with their "
                   "user when the user is erased or withdraws consent.", r.clause)]
        if r.young_text_days is not None:
            lines.append(c(f"Records of users under {r.young_age} (their age when the session ended, in any "
                           f"country) are deleted after {r.days_for(0)} days.", r.young_clause))
        if self.audio.store:
            lines.append(c("The audio of eligible adults' sessions is kept beside their record and deleted after "
                           f"{min(r.audio_days, r.text_days)} days; a minor's or a child's audio is never kept.",
                           self.audio.clause))
        else:
            lines.append(c("No audio is kept for training.", self.audio.clause))
        return lines

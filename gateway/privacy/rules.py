"""The `privacy:` section of a tenant's policy: training capture, the age bar, what happens to
minors' requests, and session limits. Defaults are the floor rules: no training capture,
identifiers stripped and `store: false` for children and minors, the child header honoured."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from gateway.settings import Strict

Audience = Literal["adult", "minor", "child", "unknown"]


class MinorRules(Strict):
    """Requests of these audiences lose end-user identifiers and ask the provider not to store."""

    audiences: list[Literal["child", "minor", "unknown"]] = ["child", "minor"]
    strip_identifiers: bool = True  # `user`, `safety_identifier`, `metadata`
    store_false: bool = True  # `store: false` on chat completions and responses
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
    # When the store cannot be reached: serve without capture (audience unknown), or refuse.
    store_down: Literal["serve", "refuse"] = "serve"
    session_idle_s: int = Field(1800, ge=1, le=7 * 86400)
    session_ttl_s: int = Field(86400, ge=1, le=30 * 86400)
    max_session_bytes: int = Field(1_048_576, ge=256, le=64 * 1_048_576)
    profile_ttl_days: int = Field(400, ge=1, le=3650)
    clause: str | None = None

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
            actions.append("end-user identifiers (user, safety_identifier, metadata) are removed")
        if self.minors.store_false:
            actions.append("the provider is asked not to store the exchange (store: false)")
        if actions:
            lines.append(c(f"For requests of these audiences ({who}): " + "; ".join(actions) + ".",
                           self.minors.clause))
        if self.honour_child_header:
            lines.append("A request flagged with X-Gateway-Child: true is treated as a child's.")
        lines.append(c(f"A session ends after {self.session_idle_s} s without a turn; its keys expire "
                       f"{self.session_ttl_s} s after the last turn even if the gateway dies.", self.clause))
        if self.store_down == "refuse":
            lines.append("When the store is unreachable, requests are refused (503).")
        else:
            lines.append("When the store is unreachable, requests are served with nothing captured.")
        return lines

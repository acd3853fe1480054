"""End users' privacy profiles: consent (with an audit history of changes, never content),
birth date or age, country. Stored sealed under the user's pseudonym, scoped by tenant."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from typing import Annotated

import orjson
from cryptography.exceptions import InvalidTag
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, field_validator, model_validator

from gateway.store import Erased, Store

from .pseudonyms import Secrets

log = logging.getLogger("privacy_gateway.privacy")

DAY_MS = 86_400_000


class ProfileInput(BaseModel):
    """The body of `PUT /admin/v1/tenants/{tenant}/users/{user}` (replaces the profile)."""

    model_config = ConfigDict(extra="forbid")

    training_consent: StrictBool | None = None
    consent_version: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._:-]+$")] | None = None
    birth_date: date | None = None
    age: Annotated[StrictInt, Field(ge=0, le=150)] | None = None
    country: Annotated[str, Field(pattern=r"^[A-Za-z]{2}$")] | None = None

    _upper = field_validator("country")(lambda v: v.upper() if v else v)

    @model_validator(mode="after")
    def _one_age(self) -> "ProfileInput":
        if self.birth_date is not None and self.age is not None:
            raise ValueError("give birth_date or age, not both")
        if self.birth_date is not None and self.birth_date > datetime.now(UTC).date():
            raise ValueError("birth_date is in the future")
        return self


class StoredProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    training_consent: bool | None = None
    consent_version: str | None = None
    consent_at: datetime | None = None
    birth_date: date | None = None
    age: int | None = None
    age_as_of: date | None = None
    country: str | None = None
    updated_at: datetime

    def age_on(self, today: date) -> int | None:
        """Age today: from the birth date, or a given age plus the whole years since it was
        given (a lower bound of the true age, so never older than the user can be)."""
        if self.birth_date is not None:
            b = self.birth_date
            return today.year - b.year - ((today.month, today.day) < (b.month, b.day))
        if self.age is not None and self.age_as_of is not None:
            a = self.age_as_of
            return self.age + today.year - a.year - ((today.month, today.day) < (a.month, a.day))
        return None


class Profiles:
    """Reads and writes profiles through the store; seals them with the gateway's secret."""

    def __init__(self, store: Store, secrets: Secrets) -> None:
        self.store = store
        self.secrets = secrets

    @staticmethod
    def _aad(tenant: str, subject: str, what: str) -> str:
        return f"{tenant}:{subject}:{what}"

    async def get(self, tenant: str, subject: str) -> StoredProfile | None:
        blob = await self.store.get_profile(tenant, subject)
        if blob is None:
            return None
        try:
            raw = self.secrets.open(blob, self._aad(tenant, subject, "profile"))
        except InvalidTag:
            # Sealed under another secret (a restart without GATEWAY_SECRET): unknown, so no.
            log.warning("profile unreadable", extra={"fields": {"tenant": tenant, "subject": subject}})
            return None
        return StoredProfile.model_validate_json(raw)

    async def put(self, tenant: str, subject: str, change: ProfileInput, ttl_days: int) -> StoredProfile:
        now = datetime.now(UTC).replace(microsecond=0)
        previous = await self.get(tenant, subject)
        consent_changed = previous is None or (previous.training_consent, previous.consent_version) != (
            change.training_consent, change.consent_version)
        profile = StoredProfile(
            training_consent=change.training_consent,
            consent_version=change.consent_version,
            consent_at=now if consent_changed else previous.consent_at if previous else now,
            birth_date=change.birth_date,
            age=change.age,
            age_as_of=now.date() if change.age is not None else None,
            country=change.country,
            updated_at=now,
        )
        history = None
        if consent_changed:
            event = {"consent": change.training_consent, "version": change.consent_version, "at": now.isoformat(),
                     "event": _event(previous.training_consent if previous else None, change.training_consent)}
            history = self.secrets.seal(orjson.dumps(event), self._aad(tenant, subject, "consent"))
        blob = self.secrets.seal(profile.model_dump_json().encode(), self._aad(tenant, subject, "profile"))
        await self.store.put_profile(tenant, subject, blob, history, ttl_days * DAY_MS)
        log.info("profile stored", extra={"fields": {"tenant": tenant, "subject": subject,
                                                     "consent_event": "changed" if history else "same"}})
        return profile

    async def history(self, tenant: str, subject: str) -> list[dict]:
        entries = []
        for blob in await self.store.consent_history(tenant, subject):
            try:
                entries.append(orjson.loads(self.secrets.open(blob, self._aad(tenant, subject, "consent"))))
            except InvalidTag:
                entries.append({"event": "unreadable"})
        return entries

    async def erase(self, tenant: str, subject: str) -> Erased:
        return await self.store.erase_subject(tenant, subject)


def _event(before: bool | None, after: bool | None) -> str:
    if after is True:
        return "granted" if before is not True else "renewed"
    if after is False:
        return "withdrawn" if before is True else "refused"
    return "cleared"

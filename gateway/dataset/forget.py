"""Erasure of one end user, by keyed pseudonym: the same steps for `DELETE` on the admin API
and for `privacy-gateway dataset forget`, so both erase the same things.

Order matters: the profile goes first, so a finalizer racing with the erasure sees no profile
when it re-checks after its write and removes what it wrote; then session data (open buffers,
the PII vaults through the erase hooks); then every dataset record, audio and index entry.
Withdrawn consent removes the dataset records only (the profile stays, with its history)."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from gateway import metrics

if TYPE_CHECKING:
    from gateway.privacy.runtime import PrivacyRuntime

audit = logging.getLogger("privacy_gateway.audit")


@dataclass(frozen=True, slots=True)
class Forgotten:
    profile: int
    sessions: int
    session_data: int
    dataset_records: int

    def counts(self) -> dict[str, int]:
        return asdict(self)


async def forget(runtime: "PrivacyRuntime", tenant: str, subject: str, *, via: str) -> Forgotten:
    """Raises StoreUnavailable when the profile cannot be erased (then nothing else is tried,
    and the caller says so: a partial erasure must not look complete)."""
    erased = await runtime.profiles.erase(tenant, subject)
    linked = 0
    for session in erased.session_ids:
        for hook in runtime.erase_hooks:
            linked += await hook(tenant, session)
    records = await runtime.sink.delete_subject(tenant, subject) if runtime.sink else 0
    metrics.count_dataset(tenant, "deleted", records)
    done = Forgotten(erased.profile, erased.sessions, linked, records)
    audit.info("user erased", extra={"fields": {"tenant": tenant, "subject": subject, "via": via, **done.counts()}})
    return done


async def withdraw(runtime: "PrivacyRuntime", tenant: str, subject: str) -> int:
    """Consent withdrawn: delete the subject's training records; returns how many."""
    records = await runtime.sink.delete_subject(tenant, subject) if runtime.sink else 0
    metrics.count_dataset(tenant, "deleted", records)
    audit.info("consent withdrawn", extra={"fields": {"tenant": tenant, "subject": subject,
                                                      "dataset_records": records}})
    return records

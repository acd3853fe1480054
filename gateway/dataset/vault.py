"""The session vault's originals for the training pass: every value the live pass replaced in
this session, by placeholder. The de-identifier replaces those values wherever a later message
repeats them, even where the detector misses them, and refuses a record that still holds one.
Read through the PII filter's own vault classes (read-only); kept in memory for one record."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from cryptography.exceptions import InvalidTag

log = logging.getLogger("privacy_gateway.dataset")

Originals = Callable[[str, str], Awaitable[Mapping[str, str]]]


def vault_originals(factory: Callable[[], Any]) -> Originals:
    """`factory()` gives the process's `filters.pii.redaction.VaultFactory`, or None when no
    tenant redacts (then there is no vault to read)."""

    async def originals(tenant: str, session: str) -> Mapping[str, str]:
        vaults = factory()
        if vaults is None:
            return {}
        from filters.pii.vault import SessionVault

        vault = SessionVault(vaults.session_scope(tenant, session), vaults.backend, vaults.keys, 60)
        try:
            return dict(await vault.load_all())
        except InvalidTag:  # sealed under another secret: the detector alone has to do
            log.warning("session vault unreadable", extra={"fields": {"tenant": tenant, "session": session}})
            return {}

    return originals


def redis_vaults(client: Any, secrets: Any) -> Callable[[], Any]:
    """For a process without the PII filter (a dedicated finalizer): the shared Redis vaults."""
    made: list[Any] = []

    def factory() -> Any:
        if not made:
            from filters.pii.redaction import VaultFactory
            from filters.pii.vault_backends import RedisVaultBackend

            made.append(VaultFactory(RedisVaultBackend(client), secrets))
        return made[0]

    return factory

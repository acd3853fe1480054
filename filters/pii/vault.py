"""The placeholder vault of one session: `<PERSON_1>` ↔ the original value.

Scoped to (tenant, session), or to one request when there is no session, and never shared.
Values are sealed with AES-GCM under a key derived from `GATEWAY_SECRET`, with the scope as
associated data, so a sealed entry copied to another scope does not open. Field names are
keyed hashes of (type, value): the store never sees an original value, not even as a key.

Numbering must stay consistent when two replicas redact the same session at once, so the
backend offers the atomic primitives Redis has (HINCRBY, HSETNX) and the vault is built on
them rather than on read-modify-write.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from gateway.privacy.pseudonyms import Secrets


class VaultBackend(Protocol):
    """Hash-per-scope primitives; every write refreshes the scope's TTL."""

    async def get_many(self, scope: str, fields: list[str]) -> list[bytes | None]: ...
    async def get_all(self, scope: str) -> dict[str, bytes]: ...
    async def incr(self, scope: str, fields: list[str], ttl: int) -> list[int]: ...
    async def set_if_absent(self, scope: str, items: dict[str, bytes], ttl: int) -> dict[str, bool]: ...
    async def delete(self, scope: str) -> None: ...


class VaultKeys:
    """Names and seals vault entries with the gateway's one secret (`gateway.privacy.Secrets`)."""

    def __init__(self, secrets: "Secrets") -> None:
        self._secrets = secrets

    def field(self, entity_type: str, value: str) -> str:
        return "v:" + self._secrets.pseudonym(b"vault-value", entity_type, value)

    def seal(self, scope: str, plaintext: str) -> bytes:
        return self._secrets.seal(plaintext.encode(), "vault:" + scope)

    def open(self, scope: str, sealed: bytes) -> str:
        return self._secrets.open(sealed, "vault:" + scope).decode()


@dataclass(slots=True)
class SessionVault:
    """The vault as one request sees it: assign placeholders, then restore them."""

    scope: str
    backend: VaultBackend
    keys: VaultKeys
    ttl: int
    placeholders: dict[str, str] = field(default_factory=dict)  # placeholder -> original

    async def assign(self, entities: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """Placeholder per (entity type, value): the session's existing one, or a new number."""
        wanted = list(dict.fromkeys(entities))
        if not wanted:
            return {}
        fields = [self.keys.field(t, v) for t, v in wanted]
        found = await self.backend.get_many(self.scope, fields)
        result: dict[tuple[str, str], str] = {}
        for (entity_type, value), sealed in zip(wanted, found):
            if sealed is not None:
                result[(entity_type, value)] = self.keys.open(self.scope, sealed)
        missing = [(key, name) for key, name in zip(wanted, fields) if key not in result]
        if missing:
            # Three round trips however many new values: number them, claim each value's field,
            # then record the reverse entry only for the claims we won. A lost claim means a
            # concurrent request of this session named the value first: use its placeholder.
            numbers = await self.backend.incr(self.scope, [f"n:{t}" for (t, _), _ in missing], self.ttl)
            proposed = {name: f"<{t}_{n}>" for ((t, _), name), n in zip(missing, numbers)}
            won = await self.backend.set_if_absent(
                self.scope, {name: self.keys.seal(self.scope, p) for name, p in proposed.items()}, self.ttl)
            await self.backend.set_if_absent(self.scope, {
                f"p:{proposed[name]}": self.keys.seal(self.scope, value)
                for (_, value), name in missing if won[name]
            }, self.ttl)
            lost = [name for _, name in missing if not won[name]]
            theirs = dict(zip(lost, await self.backend.get_many(self.scope, lost))) if lost else {}
            for key, name in missing:
                result[key] = proposed[name] if won[name] else self.keys.open(self.scope, theirs[name])
        for (_, value), placeholder in result.items():
            self.placeholders[placeholder] = value
        return result

    async def load_all(self) -> dict[str, str]:
        """Every placeholder of the session, for answers that name earlier turns' placeholders."""
        for name, sealed in (await self.backend.get_all(self.scope)).items():
            if name.startswith("p:"):
                self.placeholders.setdefault(name[2:], self.keys.open(self.scope, sealed))
        return self.placeholders

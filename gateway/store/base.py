"""The store protocol: what the gateway keeps between requests, and the session-end queue.

The store holds bytes and counts only. Sealing (encryption), pseudonyms and JSON live one
layer up (gateway.privacy, gateway.sessions), so both implementations stay dumb and the
shared test suite can check them byte for byte. Ids given to the store are always keyed
pseudonyms, never raw user or session ids.

Two implementations: `RedisStore` (shared by every replica) and `MemoryStore` (the embedded
default, one process). Every key either implementation writes carries a TTL."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

AppendOutcome = Literal["ok", "closed", "full"]


class StoreUnavailable(Exception):
    """The store could not be reached or answered with an error. The message never holds
    request content; callers decide whether to serve without it (capture off) or refuse."""


@dataclass(frozen=True, slots=True)
class SessionLimits:
    """Per-tenant limits of a session buffer (from the tenant's `privacy` policy rules)."""

    ttl_ms: int  # every key of the session expires this long after the last turn
    idle_ms: int  # inactivity after which the session is ended by the sweeper
    max_bytes: int  # buffer cap; turns beyond it are dropped


@dataclass(frozen=True, slots=True)
class SessionData:
    subject: str
    turns: list[bytes]
    redactions: dict[str, int]
    started_ms: int
    last_ms: int
    dropped: int = 0


@dataclass(frozen=True, slots=True)
class Job:
    """One session-end job from the queue. `id` is the queue's own id (a stream entry id)."""

    id: str
    tenant: str
    session: str
    reason: str
    at_ms: int


@dataclass(frozen=True, slots=True)
class Erased:
    profile: int = 0
    sessions: int = 0  # session buffers that held content
    session_ids: tuple[str, ...] = ()  # every linked session (pseudonyms), for other erasers
    extra: dict[str, int] = field(default_factory=dict)


@runtime_checkable
class Store(Protocol):
    kind: str  # "redis" or "memory": the readiness check names it

    async def ping(self) -> None:
        """Raise StoreUnavailable when the store cannot serve."""

    async def close(self) -> None: ...

    # Profiles: a sealed blob per subject plus an append-only consent history (no content).
    async def get_profile(self, tenant: str, subject: str) -> bytes | None: ...

    async def put_profile(self, tenant: str, subject: str, blob: bytes, history: bytes | None,
                          ttl_ms: int) -> None: ...

    async def consent_history(self, tenant: str, subject: str) -> list[bytes]: ...

    # Session buffers.
    async def append_turn(self, tenant: str, session: str, subject: str, turn: bytes,
                          redactions: Mapping[str, int], limits: SessionLimits, now_ms: int) -> AppendOutcome:
        """Append atomically unless the session is closed (ended) or its buffer is full."""

    async def read_session(self, tenant: str, session: str) -> SessionData | None: ...

    async def link_session(self, tenant: str, session: str, subject: str, ttl_ms: int) -> None:
        """Remember that the session belongs to the subject (for erasure), even if nothing of it
        is recorded: other session data (the PII vault) must go when the user is erased."""

    async def put_session_blob(self, tenant: str, session: str, name: str, blob: bytes, ttl_ms: int,
                               subject: str | None = None) -> None:
        """Side data of a session (`name` is "vault" for the PII vault): deleted with the session,
        and, when `subject` is given, with its user on erasure."""

    async def get_session_blob(self, tenant: str, session: str, name: str) -> bytes | None: ...

    async def end_session(self, tenant: str, session: str, reason: str, now_ms: int, closed_ttl_ms: int) -> bool:
        """Close the session and enqueue its finalization, once: False if already closed."""

    async def due_sessions(self, now_ms: int, limit: int) -> list[tuple[str, str]]:
        """(tenant, session) pairs idle past their deadline; each is returned to one caller."""

    async def discard_session(self, tenant: str, session: str, subject: str | None) -> None:
        """Delete every content key of the session (the closed marker stays until its TTL)."""

    async def erase_subject(self, tenant: str, subject: str) -> Erased: ...

    # The session-end queue (a Redis Stream with one consumer group; a list in memory).
    async def read_jobs(self, consumer: str, count: int, block_ms: int) -> list[Job]: ...

    async def claim_stale(self, consumer: str, min_idle_ms: int, count: int) -> list[Job]: ...

    async def ack(self, job: Job) -> None: ...

    async def pending(self) -> int: ...

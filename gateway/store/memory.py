"""The embedded store: one process, nothing shared, everything gone on exit. It mirrors the
Redis store's semantics (TTLs, atomic append-unless-closed, a queue with pending entries and
claims) so the same finalizer runs on it and the same test suite checks both."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .base import AppendOutcome, Erased, Job, SessionData, SessionLimits
from .keys import SESSION_PARTS, KeySpace, member, split_member


def _now() -> float:
    return time.monotonic()


@dataclass(slots=True)
class _Entry:
    value: Any
    expires: float  # monotonic seconds


@dataclass(slots=True)
class _Pending:
    job: Job
    consumer: str
    delivered: float


class MemoryStore:
    kind = "memory"

    def __init__(self, prefix: str = "pg") -> None:
        self.keys = KeySpace(prefix)
        self._kv: dict[str, _Entry] = {}
        self._queue: deque[Job] = deque()
        self._pending: dict[str, _Pending] = {}
        self._seq = 0
        self._wake = asyncio.Event()
        self._last_sweep = _now()

    # -- plumbing -------------------------------------------------------------------------
    def _get(self, key: str) -> Any:
        entry = self._kv.get(key)
        if entry is None:
            return None
        if entry.expires <= _now():
            del self._kv[key]
            return None
        return entry.value

    def _set(self, key: str, value: Any, ttl_ms: int) -> None:
        self._kv[key] = _Entry(value, _now() + ttl_ms / 1000)

    def _container(self, key: str, kind: type, ttl_ms: int) -> Any:
        """The set or dict under `key`, created if absent; its life extended to at least
        `ttl_ms` (like the Redis store's `max(PTTL, ttl)`: never shortened)."""
        value = self._get(key)
        if value is None:
            value = kind()
            self._set(key, value, ttl_ms)
        else:
            entry = self._kv[key]
            entry.expires = max(entry.expires, _now() + ttl_ms / 1000)
        return value

    def _sweep(self) -> None:
        now = _now()
        if now - self._last_sweep < 1.0:
            return
        self._last_sweep = now
        for key in [k for k, e in self._kv.items() if e.expires <= now]:
            del self._kv[key]

    def live_keys(self) -> list[str]:
        """Every unexpired key (tests use it to prove that TTLs clean up)."""
        now = _now()
        return [k for k, e in self._kv.items() if e.expires > now]

    async def ping(self) -> None:
        return None

    async def close(self) -> None:
        return None

    # -- profiles -------------------------------------------------------------------------
    async def get_profile(self, tenant: str, subject: str) -> bytes | None:
        return self._get(self.keys.profile(tenant, subject))

    async def put_profile(self, tenant: str, subject: str, blob: bytes, history: bytes | None,
                          ttl_ms: int) -> None:
        self._sweep()
        self._set(self.keys.profile(tenant, subject), blob, ttl_ms)
        key = self.keys.consent(tenant, subject)
        entries = list(self._get(key) or [])
        if history is not None:
            entries.append(history)
        if entries:
            self._set(key, entries, ttl_ms)

    async def consent_history(self, tenant: str, subject: str) -> list[bytes]:
        return list(self._get(self.keys.consent(tenant, subject)) or [])

    # -- sessions -------------------------------------------------------------------------
    async def append_turn(self, tenant: str, session: str, subject: str, turn: bytes,
                          redactions: Mapping[str, int], limits: SessionLimits, now_ms: int) -> AppendOutcome:
        self._sweep()
        if self._get(self.keys.closed(tenant, session)) is not None:
            return "closed"
        meta_key = self.keys.session(tenant, session, "meta")
        meta: dict[str, Any] = self._get(meta_key) or {"subject": subject, "started": now_ms, "bytes": 0,
                                                         "dropped": 0, "redactions": {}}
        turns_key = self.keys.session(tenant, session, "turns")
        turns: list[bytes] = self._get(turns_key) or []
        outcome: AppendOutcome = "ok"
        if meta["bytes"] + len(turn) > limits.max_bytes:
            meta["dropped"] += 1
            outcome = "full"
        else:
            turns.append(turn)
            meta["bytes"] += len(turn)
            for name, count in redactions.items():
                meta["redactions"][name] = meta["redactions"].get(name, 0) + count
        meta["subject"], meta["last"] = subject, now_ms
        self._set(meta_key, meta, limits.ttl_ms)
        if turns:
            self._set(turns_key, turns, limits.ttl_ms)
        self._container(self.keys.activity(), dict, limits.ttl_ms)[member(tenant, session)] = now_ms + limits.idle_ms
        self._container(self.keys.user_sessions(tenant, subject), set, limits.ttl_ms).add(session)
        return outcome

    async def link_session(self, tenant: str, session: str, subject: str, ttl_ms: int) -> None:
        self._container(self.keys.user_sessions(tenant, subject), set, ttl_ms).add(session)

    async def read_session(self, tenant: str, session: str) -> SessionData | None:
        meta = self._get(self.keys.session(tenant, session, "meta"))
        if meta is None:
            return None
        turns = list(self._get(self.keys.session(tenant, session, "turns")) or [])
        return SessionData(subject=meta["subject"], turns=turns, redactions=dict(meta["redactions"]),
                           started_ms=meta["started"], last_ms=meta["last"], dropped=meta["dropped"])

    async def put_session_blob(self, tenant: str, session: str, name: str, blob: bytes, ttl_ms: int,
                               subject: str | None = None) -> None:
        self._set(self.keys.session(tenant, session, name), blob, ttl_ms)
        if subject is not None:
            self._container(self.keys.user_sessions(tenant, subject), set, ttl_ms).add(session)

    async def get_session_blob(self, tenant: str, session: str, name: str) -> bytes | None:
        return self._get(self.keys.session(tenant, session, name))

    async def end_session(self, tenant: str, session: str, reason: str, now_ms: int, closed_ttl_ms: int) -> bool:
        closed = self.keys.closed(tenant, session)
        if self._get(closed) is not None:
            return False
        self._set(closed, reason.encode(), closed_ttl_ms)
        members = self._get(self.keys.activity())
        if members:
            members.pop(member(tenant, session), None)
        self._seq += 1
        self._queue.append(Job(f"{now_ms}-{self._seq}", tenant, session, reason, now_ms))
        self._wake.set()
        return True

    async def due_sessions(self, now_ms: int, limit: int) -> list[tuple[str, str]]:
        members: dict[str, int] | None = self._get(self.keys.activity())
        if not members:
            return []
        due = sorted((deadline, m) for m, deadline in members.items() if deadline <= now_ms)[:limit]
        for _, m in due:
            del members[m]
        return [split_member(m) for _, m in due]

    async def discard_session(self, tenant: str, session: str, subject: str | None) -> None:
        for part in SESSION_PARTS:
            self._kv.pop(self.keys.session(tenant, session, part), None)
        members = self._get(self.keys.activity())
        if members:
            members.pop(member(tenant, session), None)
        if subject is not None:
            sessions = self._get(self.keys.user_sessions(tenant, subject))
            if sessions:
                sessions.discard(session)

    async def erase_subject(self, tenant: str, subject: str) -> Erased:
        profile = int(self._kv.pop(self.keys.profile(tenant, subject), None) is not None)
        self._kv.pop(self.keys.consent(tenant, subject), None)
        sessions: set[str] = self._get(self.keys.user_sessions(tenant, subject)) or set()
        self._kv.pop(self.keys.user_sessions(tenant, subject), None)
        erased = 0
        for session in sessions:
            if self._get(self.keys.session(tenant, session, "meta")) is not None:
                erased += 1
            # Closed first, so a turn racing with the erasure cannot reopen the buffer.
            self._set(self.keys.closed(tenant, session), b"erased", 86_400_000)
            await self.discard_session(tenant, session, None)
        return Erased(profile=profile, sessions=erased, session_ids=tuple(sorted(sessions)))

    # -- queue ----------------------------------------------------------------------------
    def _deliver(self, job: Job, consumer: str) -> Job:
        self._pending[job.id] = _Pending(job, consumer, _now())
        return job

    async def read_jobs(self, consumer: str, count: int, block_ms: int) -> list[Job]:
        if not self._queue and block_ms > 0:
            self._wake.clear()
            try:
                async with asyncio.timeout(block_ms / 1000):
                    await self._wake.wait()
            except TimeoutError:
                return []
        jobs = []
        while self._queue and len(jobs) < count:
            jobs.append(self._deliver(self._queue.popleft(), consumer))
        return jobs

    async def claim_stale(self, consumer: str, min_idle_ms: int, count: int) -> list[Job]:
        limit = _now() - min_idle_ms / 1000
        stale = [p.job for p in self._pending.values() if p.delivered <= limit][:count]
        return [self._deliver(job, consumer) for job in stale]

    async def ack(self, job: Job) -> None:
        self._pending.pop(job.id, None)

    async def pending(self) -> int:
        return len(self._pending)

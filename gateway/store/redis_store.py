"""The shared store on Redis (`redis.asyncio`, one blocking connection pool per process).

Every key gets a TTL in the same round trip that writes it; hot paths never use KEYS or
SCAN; multi-key writes are Lua scripts (atomic: a turn cannot land after its session was
closed) or MULTI pipelines. Session end is a Redis Stream with one consumer group, so every
replica can finalize, and jobs of a dead replica are taken over with XAUTOCLAIM.

When Redis fails, calls raise `StoreUnavailable` at once for a short back-off instead of
each waiting for a timeout; the next call after it tries again, so the gateway recovers
without a restart."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

import redis.asyncio as aioredis
from redis.exceptions import RedisError, ResponseError

from gateway.metrics import count_store_error, store_operation

from .base import AppendOutcome, Erased, Job, SessionData, SessionLimits, StoreUnavailable
from .keys import GROUP, SESSION_PARTS, KeySpace, member, split_member
from .scripts import APPEND, END, TAKE_DUE

T = TypeVar("T")
DAY_MS = 86_400_000


class RedisStore:
    kind = "redis"

    def __init__(self, url: str, prefix: str = "pg", *, max_connections: int = 32, timeout_s: float = 1.0,
                 stream_ttl_ms: int = 7 * DAY_MS, backoff_s: float = 0.5) -> None:
        self.keys = KeySpace(prefix)
        self.stream_ttl_ms = stream_ttl_ms
        self._backoff_s = backoff_s
        self._down_until = 0.0
        pool = aioredis.BlockingConnectionPool.from_url(
            url, max_connections=max_connections, timeout=timeout_s,
            socket_connect_timeout=timeout_s, socket_timeout=timeout_s + 2.0, health_check_interval=30)
        self._redis = aioredis.Redis(connection_pool=pool)
        self._append = self._redis.register_script(APPEND)
        self._end = self._redis.register_script(END)
        self._take_due = self._redis.register_script(TAKE_DUE)

    @property
    def client(self) -> aioredis.Redis:
        """The pooled client, for other components that keep data in the same Redis."""
        return self._redis

    async def _run(self, call: Callable[[], Awaitable[T]], *, probe: bool = False) -> T:
        if not probe and time.monotonic() < self._down_until:
            raise StoreUnavailable("redis store is backing off after a failure")
        try:
            result = await call()
        except (RedisError, OSError) as exc:
            self._down_until = time.monotonic() + self._backoff_s
            count_store_error(store_operation(call))
            raise StoreUnavailable(f"redis store failed: {type(exc).__name__}") from None
        self._down_until = 0.0
        return result

    async def ping(self) -> None:
        await self._run(self._redis.ping, probe=True)

    async def close(self) -> None:
        await self._redis.aclose()
        await self._redis.connection_pool.disconnect()

    # -- profiles -------------------------------------------------------------------------
    async def get_profile(self, tenant: str, subject: str) -> bytes | None:
        return await self._run(lambda: self._redis.get(self.keys.profile(tenant, subject)))

    async def put_profile(self, tenant: str, subject: str, blob: bytes, history: bytes | None,
                          ttl_ms: int) -> None:
        async def call() -> None:
            consent = self.keys.consent(tenant, subject)
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.set(self.keys.profile(tenant, subject), blob, px=ttl_ms)
                if history is not None:
                    pipe.rpush(consent, history)
                    pipe.ltrim(consent, -1000, -1)
                pipe.pexpire(consent, ttl_ms)
                await pipe.execute()

        await self._run(call)

    async def consent_history(self, tenant: str, subject: str) -> list[bytes]:
        return await self._run(lambda: self._redis.lrange(self.keys.consent(tenant, subject), 0, -1))

    # -- sessions -------------------------------------------------------------------------
    async def append_turn(self, tenant: str, session: str, subject: str, turn: bytes,
                          redactions: Mapping[str, int], limits: SessionLimits, now_ms: int) -> AppendOutcome:
        keys = [self.keys.closed(tenant, session), self.keys.session(tenant, session, "meta"),
                self.keys.session(tenant, session, "turns"), self.keys.activity(),
                self.keys.user_sessions(tenant, subject)]
        args: list[Any] = [turn, limits.max_bytes, limits.ttl_ms, now_ms + limits.idle_ms,
                           member(tenant, session), now_ms, subject, session]
        for name, count in redactions.items():
            args += [name, int(count)]
        result = await self._run(lambda: self._append(keys=keys, args=args))
        return result.decode()  # type: ignore[no-any-return]

    async def link_session(self, tenant: str, session: str, subject: str, ttl_ms: int) -> None:
        async def call() -> None:
            key = self.keys.user_sessions(tenant, subject)
            async with self._redis.pipeline(transaction=False) as pipe:
                pipe.sadd(key, session)
                pipe.pexpire(key, ttl_ms, gt=True)
                pipe.pexpire(key, ttl_ms, nx=True)
                await pipe.execute()

        await self._run(call)

    async def read_session(self, tenant: str, session: str) -> SessionData | None:
        async def call() -> tuple[dict[bytes, bytes], list[bytes]]:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.hgetall(self.keys.session(tenant, session, "meta"))
                pipe.lrange(self.keys.session(tenant, session, "turns"), 0, -1)
                meta, turns = await pipe.execute()
            return meta, turns

        meta, turns = await self._run(call)
        if not meta:
            return None
        fields = {k.decode(): v.decode() for k, v in meta.items()}
        redactions = {k[2:]: int(v) for k, v in fields.items() if k.startswith("r:")}
        return SessionData(subject=fields["subject"], turns=list(turns), redactions=redactions,
                           started_ms=int(fields.get("started", 0)), last_ms=int(fields.get("last", 0)),
                           dropped=int(fields.get("dropped", 0)))

    async def put_session_blob(self, tenant: str, session: str, name: str, blob: bytes, ttl_ms: int,
                               subject: str | None = None) -> None:
        async def call() -> None:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.set(self.keys.session(tenant, session, name), blob, px=ttl_ms)
                if subject is not None:
                    user_key = self.keys.user_sessions(tenant, subject)
                    pipe.sadd(user_key, session)
                    pipe.pexpire(user_key, ttl_ms, gt=True)
                    pipe.pexpire(user_key, ttl_ms, nx=True)
                await pipe.execute()

        await self._run(call)

    async def get_session_blob(self, tenant: str, session: str, name: str) -> bytes | None:
        return await self._run(lambda: self._redis.get(self.keys.session(tenant, session, name)))

    async def end_session(self, tenant: str, session: str, reason: str, now_ms: int, closed_ttl_ms: int) -> bool:
        keys = [self.keys.closed(tenant, session), self.keys.stream(), self.keys.activity()]
        args = [reason, closed_ttl_ms, tenant, session, now_ms, self.stream_ttl_ms, member(tenant, session)]
        return bool(await self._run(lambda: self._end(keys=keys, args=args)))

    async def due_sessions(self, now_ms: int, limit: int) -> list[tuple[str, str]]:
        taken = await self._run(lambda: self._take_due(keys=[self.keys.activity()], args=[now_ms, limit]))
        return [split_member(m.decode()) for m in taken]

    async def discard_session(self, tenant: str, session: str, subject: str | None) -> None:
        async def call() -> None:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.delete(*(self.keys.session(tenant, session, p) for p in SESSION_PARTS))
                pipe.zrem(self.keys.activity(), member(tenant, session))
                if subject is not None:
                    pipe.srem(self.keys.user_sessions(tenant, subject), session)
                await pipe.execute()

        await self._run(call)

    async def erase_subject(self, tenant: str, subject: str) -> Erased:
        async def call() -> Erased:
            sessions = await self._redis.smembers(self.keys.user_sessions(tenant, subject))
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.delete(self.keys.profile(tenant, subject))
                for raw in sessions:
                    s = raw.decode()
                    # Closed first, so a turn racing with the erasure cannot reopen the buffer.
                    pipe.set(self.keys.closed(tenant, s), b"erased", px=DAY_MS)
                    pipe.delete(self.keys.session(tenant, s, "meta"))
                    pipe.delete(*(self.keys.session(tenant, s, p) for p in SESSION_PARTS[1:]))
                    pipe.zrem(self.keys.activity(), member(tenant, s))
                pipe.delete(self.keys.consent(tenant, subject), self.keys.user_sessions(tenant, subject))
                results = await pipe.execute()
            erased_sessions = sum(results[2 + 4 * i] for i in range(len(sessions)))
            return Erased(profile=int(results[0]), sessions=int(erased_sessions),
                          session_ids=tuple(sorted(s.decode() for s in sessions)))

        return await self._run(call)

    # -- queue ----------------------------------------------------------------------------
    async def _ensure_group(self) -> None:
        stream = self.keys.stream()
        try:
            await self._redis.xgroup_create(stream, GROUP, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise
        if await self._redis.pttl(stream) < self.stream_ttl_ms:
            await self._redis.pexpire(stream, self.stream_ttl_ms)

    async def _with_group(self, call: Callable[[], Awaitable[T]]) -> T:
        async def wrapped() -> T:
            try:
                return await call()
            except ResponseError as exc:
                if "NOGROUP" not in str(exc):
                    raise
                await self._ensure_group()
                return await call()

        return await self._run(wrapped)

    async def read_jobs(self, consumer: str, count: int, block_ms: int) -> list[Job]:
        stream = self.keys.stream()
        reply = await self._with_group(lambda: self._redis.xreadgroup(
            GROUP, consumer, {stream: ">"}, count=count, block=block_ms or None))
        if not reply:
            return []
        entries = reply[0][1] if isinstance(reply, list) else next(iter(reply.values()))[0]
        return [_job(entry_id, fields) for entry_id, fields in entries if fields]

    async def claim_stale(self, consumer: str, min_idle_ms: int, count: int) -> list[Job]:
        reply = await self._with_group(lambda: self._redis.xautoclaim(
            self.keys.stream(), GROUP, consumer, min_idle_ms, start_id="0-0", count=count))
        return [_job(entry_id, fields) for entry_id, fields in reply[1] if fields]

    async def ack(self, job: Job) -> None:
        async def call() -> None:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.xack(self.keys.stream(), GROUP, job.id)
                pipe.xdel(self.keys.stream(), job.id)
                await pipe.execute()

        await self._run(call)

    async def pending(self) -> int:
        info = await self._with_group(lambda: self._redis.xpending(self.keys.stream(), GROUP))
        return int(info["pending"])


def _job(entry_id: bytes | str, fields: dict[bytes, bytes]) -> Job:
    f = {k.decode(): v.decode() for k, v in fields.items()}
    job_id = entry_id.decode() if isinstance(entry_id, bytes) else entry_id
    return Job(id=job_id, tenant=f["t"], session=f["s"], reason=f["r"], at_ms=int(f["at"]))

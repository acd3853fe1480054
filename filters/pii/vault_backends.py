"""Vault backends: in-process (the embedded default) and Redis (shared by every replica)."""

from __future__ import annotations

import time

from redis.asyncio import Redis


class MemoryVaultBackend:
    """One process. Expiry is checked on access and swept on writes, so memory stays bounded
    by the sessions active within one TTL."""

    def __init__(self) -> None:
        self._data: dict[str, tuple[float, dict[str, bytes | int]]] = {}
        self._writes = 0

    def _scope(self, scope: str, ttl: int | None = None) -> dict[str, bytes | int]:
        now = time.monotonic()
        entry = self._data.get(scope)
        if entry is None or entry[0] <= now:
            entry = (now + (ttl or 0), {})
            if ttl:
                self._data[scope] = entry
        elif ttl:
            entry = (now + ttl, entry[1])
            self._data[scope] = entry
        return entry[1]

    def _sweep(self) -> None:
        self._writes += 1
        if self._writes % 1024 == 0:
            now = time.monotonic()
            for scope in [s for s, (expires, _) in self._data.items() if expires <= now]:
                del self._data[scope]

    async def get_many(self, scope: str, fields: list[str]) -> list[bytes | None]:
        data = self._scope(scope)
        return [v if isinstance(v := data.get(f), bytes) else None for f in fields]

    async def get_all(self, scope: str) -> dict[str, bytes]:
        return {k: v for k, v in self._scope(scope).items() if isinstance(v, bytes)}

    async def incr(self, scope: str, fields: list[str], ttl: int) -> list[int]:
        self._sweep()
        data = self._scope(scope, ttl)
        numbers = []
        for field in fields:
            data[field] = int(data.get(field, 0)) + 1
            numbers.append(data[field])
        return numbers

    async def set_if_absent(self, scope: str, items: dict[str, bytes], ttl: int) -> dict[str, bool]:
        data = self._scope(scope, ttl)
        won = {}
        for field, value in items.items():
            won[field] = field not in data
            data.setdefault(field, value)
        return won

    async def delete(self, scope: str) -> None:
        self._data.pop(scope, None)


class RedisVaultBackend:
    """A Redis hash per scope; every write is pipelined with the EXPIRE that bounds it."""

    def __init__(self, redis: Redis, prefix: str = "pg:vault:") -> None:
        self._redis = redis
        self._prefix = prefix

    def _key(self, scope: str) -> str:
        return self._prefix + scope

    async def get_many(self, scope: str, fields: list[str]) -> list[bytes | None]:
        return await self._redis.hmget(self._key(scope), fields)

    async def get_all(self, scope: str) -> dict[str, bytes]:
        raw = await self._redis.hgetall(self._key(scope))
        return {(k.decode() if isinstance(k, bytes) else k): v for k, v in raw.items()
                if not (k.decode() if isinstance(k, bytes) else k).startswith("n:")}

    async def incr(self, scope: str, fields: list[str], ttl: int) -> list[int]:
        async with self._redis.pipeline(transaction=True) as pipe:
            for field in fields:
                pipe.hincrby(self._key(scope), field, 1)
            pipe.expire(self._key(scope), ttl)
            *numbers, _ = await pipe.execute()
        return [int(n) for n in numbers]

    async def set_if_absent(self, scope: str, items: dict[str, bytes], ttl: int) -> dict[str, bool]:
        if not items:
            return {}
        key = self._key(scope)
        async with self._redis.pipeline(transaction=True) as pipe:
            for field, value in items.items():
                pipe.hsetnx(key, field, value)
            pipe.expire(key, ttl)
            results = await pipe.execute()
        return {field: bool(r) for field, r in zip(items, results)}

    async def delete(self, scope: str) -> None:
        await self._redis.delete(self._key(scope))

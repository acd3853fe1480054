"""Real Redis for tests: `REDIS_URL` (set by `make test`), a key prefix unique to each test,
and a clean-up that deletes the prefix's keys (SCAN is fine here, never on hot paths)."""

from __future__ import annotations

import os
import uuid

import redis.asyncio as aioredis


def redis_url() -> str:
    url = os.environ.get("REDIS_URL")
    if not url:
        raise RuntimeError("REDIS_URL is not set: run the tests with `make test`, which starts Redis")
    return url


def unique_prefix() -> str:
    return f"pgtest-{uuid.uuid4().hex[:12]}"


async def keys_with_prefix(prefix: str, url: str | None = None) -> dict[str, int]:
    """Every key under `prefix`, with its PTTL (-1 would mean: no TTL)."""
    client = aioredis.from_url(url or redis_url())
    try:
        found = {}
        async for key in client.scan_iter(match=f"{prefix}:*", count=500):
            found[key.decode()] = await client.pttl(key)
        return found
    finally:
        await client.aclose()


async def delete_prefix(prefix: str, url: str | None = None) -> None:
    client = aioredis.from_url(url or redis_url())
    try:
        keys = [key async for key in client.scan_iter(match=f"{prefix}:*", count=500)]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from gateway.store import MemoryStore, Store
from gateway.store.redis_store import RedisStore

from .redis_support import delete_prefix, redis_url, unique_prefix


@pytest.fixture(params=["memory", "redis"])
async def store(request) -> AsyncIterator[Store]:
    """The shared suite runs against both implementations; Redis is a real server."""
    if request.param == "memory":
        yield MemoryStore()
        return
    prefix = unique_prefix()
    redis_store = RedisStore(redis_url(), prefix)
    try:
        yield redis_store
    finally:
        await redis_store.close()
        await delete_prefix(prefix)

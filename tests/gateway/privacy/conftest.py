from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from tests.gateway.store.redis_support import delete_prefix, redis_url, unique_prefix


@pytest.fixture(params=["memory", "redis"])
def store_url(request) -> Iterator[str | None]:
    """None: the embedded store; else a real Redis under a key prefix of this test's own."""
    if request.param == "memory":
        yield None
        return
    prefix = unique_prefix()
    base = redis_url()
    yield f"{base}{'&' if '?' in base else '?'}prefix={prefix}"
    asyncio.run(delete_prefix(prefix))

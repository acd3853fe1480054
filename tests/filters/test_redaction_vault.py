"""The vault: consistent numbering per session, sealed values, scopes that never mix, on the
in-memory backend and on a real Redis."""

from __future__ import annotations

import asyncio
import os
import uuid

import pytest
from redis.asyncio import Redis

from filters.pii.vault import SessionVault, VaultKeys
from filters.pii.vault_backends import MemoryVaultBackend, RedisVaultBackend
from gateway.privacy.pseudonyms import Secrets

KEYS = VaultKeys(Secrets(b"test-secret"))


@pytest.fixture(params=["memory", "redis"])
async def backend(request):
    if request.param == "memory":
        yield MemoryVaultBackend()
        return
    redis = Redis.from_url(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    prefix = f"test:vault:{uuid.uuid4().hex}:"
    yield RedisVaultBackend(redis, prefix=prefix)
    keys = [k async for k in redis.scan_iter(match=prefix + "*")]
    if keys:
        await redis.delete(*keys)
    await redis.aclose()


def vault(backend, scope="t:s:1") -> SessionVault:
    return SessionVault(scope, backend, KEYS, ttl=300)


async def test_the_same_value_keeps_its_placeholder_across_turns(backend):
    first = await vault(backend).assign([("PERSON", "Ana"), ("PERSON", "Bo"), ("EMAIL_ADDRESS", "a@x.io")])
    assert first == {("PERSON", "Ana"): "<PERSON_1>", ("PERSON", "Bo"): "<PERSON_2>",
                     ("EMAIL_ADDRESS", "a@x.io"): "<EMAIL_ADDRESS_1>"}
    second = await vault(backend).assign([("PERSON", "Bo"), ("PERSON", "Cy")])
    assert second == {("PERSON", "Bo"): "<PERSON_2>", ("PERSON", "Cy"): "<PERSON_3>"}
    assert (await vault(backend).load_all())["<PERSON_3>"] == "Cy"


async def test_scopes_never_share_mappings(backend):
    await vault(backend, "t:s:a").assign([("PERSON", "Ana")])
    other = vault(backend, "t:s:b")
    assert await other.load_all() == {}
    assert await other.assign([("PERSON", "Zed")]) == {("PERSON", "Zed"): "<PERSON_1>"}


async def test_nothing_readable_is_stored(backend):
    await vault(backend).assign([("PERSON", "Ana Secretname")])
    raw = await backend.get_all("t:s:1")
    assert raw and not any(b"Secretname" in v or "Secretname" in k for k, v in raw.items())


async def test_a_sealed_value_does_not_open_in_another_scope(backend):
    sealed = KEYS.seal("t:s:1", "Ana")
    with pytest.raises(Exception):
        KEYS.open("t:s:2", sealed)


async def test_concurrent_requests_of_one_session_agree_and_sessions_stay_apart(backend):
    values = [("PERSON", f"name-{i % 7}") for i in range(40)]

    async def one_request(scope: str) -> dict:
        return await vault(backend, scope).assign(values)

    results = await asyncio.gather(*(one_request(f"t:s:{i % 5}") for i in range(30)))
    for i, result in enumerate(results):
        peers = [r for j, r in enumerate(results) if j % 5 == i % 5]
        assert all(r == result for r in peers), "requests of one session disagree on a placeholder"
    for scope in range(5):
        mapping = await vault(backend, f"t:s:{scope}").load_all()
        assert sorted(mapping.values()) == sorted({v for _, v in values})
        assert len(mapping) == 7  # numbering never hands out two placeholders for one value


async def test_a_sessionless_request_keeps_its_mapping_out_of_the_shared_store(backend):
    """Without X-Gateway-Session the mapping lives only with the request: nothing is written to
    the shared backend, so nothing of it outlives the answer."""
    from types import SimpleNamespace

    from filters.pii.redaction import VaultFactory

    factory = VaultFactory(backend, Secrets(b"test-secret"))
    ctx = SimpleNamespace(session_id=None, tenant=SimpleNamespace(name="t"), request_id="r-1")
    request_vault, has_session = factory.for_request(ctx, ttl=300)
    placeholders = await request_vault.assign([("PERSON", "Zebulon Quartermaine")])
    assert not has_session and placeholders[("PERSON", "Zebulon Quartermaine")] == "<PERSON_1>"
    assert await vault(backend, scope=request_vault.scope).load_all() == {}
    session_vault, has_session = factory.for_request(
        SimpleNamespace(session_id="s-1", tenant=SimpleNamespace(name="t"), request_id="r-2"), ttl=300)
    await session_vault.assign([("PERSON", "Zebulon Quartermaine")])
    assert has_session and await vault(backend, scope=session_vault.scope).load_all()

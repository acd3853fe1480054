"""One suite, both stores: profiles, session buffers, closing, the queue, erasure, TTLs."""

from __future__ import annotations

import asyncio
import time

from gateway.store import SessionLimits, Store
from gateway.store.memory import MemoryStore

from .redis_support import keys_with_prefix

LIMITS = SessionLimits(ttl_ms=60_000, idle_ms=30_000, max_bytes=1_000)


def now_ms() -> int:
    return int(time.time() * 1000)


async def test_profile_roundtrip_and_consent_history(store: Store):
    assert await store.get_profile("t1", "subj") is None
    await store.put_profile("t1", "subj", b"blob-1", b"h1", 60_000)
    await store.put_profile("t1", "subj", b"blob-2", None, 60_000)
    await store.put_profile("t1", "subj", b"blob-3", b"h2", 60_000)
    assert await store.get_profile("t1", "subj") == b"blob-3"
    assert await store.consent_history("t1", "subj") == [b"h1", b"h2"]


async def test_tenants_are_scoped(store: Store):
    await store.put_profile("t1", "subj", b"one", None, 60_000)
    assert await store.get_profile("t2", "subj") is None
    await store.append_turn("t1", "sess", "subj", b"turn", {}, LIMITS, now_ms())
    assert await store.read_session("t2", "sess") is None


async def test_append_and_read_session(store: Store):
    t0 = now_ms()
    assert await store.append_turn("t", "s1", "subj", b"a" * 10, {"PERSON": 2}, LIMITS, t0) == "ok"
    assert await store.append_turn("t", "s1", "subj", b"b" * 10, {"PERSON": 1, "EMAIL_ADDRESS": 1}, LIMITS, t0 + 5) == "ok"
    data = await store.read_session("t", "s1")
    assert data is not None
    assert data.turns == [b"a" * 10, b"b" * 10]
    assert data.subject == "subj"
    assert data.redactions == {"PERSON": 3, "EMAIL_ADDRESS": 1}
    assert (data.started_ms, data.last_ms) == (t0, t0 + 5)


async def test_buffer_is_capped(store: Store):
    small = SessionLimits(ttl_ms=60_000, idle_ms=30_000, max_bytes=25)
    assert await store.append_turn("t", "s", "u", b"x" * 20, {}, small, now_ms()) == "ok"
    assert await store.append_turn("t", "s", "u", b"y" * 20, {}, small, now_ms()) == "full"
    data = await store.read_session("t", "s")
    assert data is not None and data.turns == [b"x" * 20] and data.dropped == 1


async def test_end_is_once_and_closes_the_buffer(store: Store):
    await store.append_turn("t", "s", "u", b"turn", {}, LIMITS, now_ms())
    assert await store.end_session("t", "s", "explicit", now_ms(), 60_000) is True
    assert await store.end_session("t", "s", "explicit", now_ms(), 60_000) is False
    assert await store.append_turn("t", "s", "u", b"late", {}, LIMITS, now_ms()) == "closed"
    jobs = await store.read_jobs("c1", 10, 100)
    assert [(j.tenant, j.session, j.reason) for j in jobs] == [("t", "s", "explicit")]
    assert await store.pending() == 1
    await store.ack(jobs[0])
    assert await store.pending() == 0
    assert await store.read_jobs("c1", 10, 50) == []


async def test_stale_jobs_are_claimed_by_another_consumer(store: Store):
    await store.end_session("t", "s", "explicit", now_ms(), 60_000)
    [job] = await store.read_jobs("dead", 10, 100)
    assert await store.claim_stale("alive", 60_000, 10) == []  # not idle long enough
    await asyncio.sleep(0.06)
    [claimed] = await store.claim_stale("alive", 50, 10)
    assert claimed.id == job.id and claimed.session == "s"
    await store.ack(claimed)
    assert await store.pending() == 0


async def test_due_sessions_by_inactivity(store: Store):
    t0 = now_ms()
    short = SessionLimits(ttl_ms=60_000, idle_ms=1_000, max_bytes=1_000)
    await store.append_turn("t", "early", "u", b"x", {}, short, t0)
    await store.append_turn("t", "late", "u", b"x", {}, short, t0 + 5_000)
    assert await store.due_sessions(t0 + 500, 10) == []
    assert await store.due_sessions(t0 + 2_000, 10) == [("t", "early")]
    assert await store.due_sessions(t0 + 2_000, 10) == []  # taken once
    assert await store.due_sessions(t0 + 10_000, 10) == [("t", "late")]


async def test_discard_deletes_content(store: Store):
    await store.append_turn("t", "s", "u", b"x", {}, LIMITS, now_ms())
    await store.put_session_blob("t", "s", "vault", b"sealed", 60_000)
    await store.discard_session("t", "s", "u")
    assert await store.read_session("t", "s") is None
    assert await store.get_session_blob("t", "s", "vault") is None


async def test_erase_subject_removes_profile_sessions_and_vault(store: Store):
    await store.put_profile("t", "u", b"p", b"h", 60_000)
    await store.append_turn("t", "s1", "u", b"x", {}, LIMITS, now_ms())
    await store.append_turn("t", "s2", "u", b"x", {}, LIMITS, now_ms())
    await store.put_session_blob("t", "s1", "vault", b"sealed", 60_000)
    await store.append_turn("t", "other", "someone-else", b"x", {}, LIMITS, now_ms())
    erased = await store.erase_subject("t", "u")
    assert (erased.profile, erased.sessions) == (1, 2)
    assert await store.get_profile("t", "u") is None
    assert await store.consent_history("t", "u") == []
    assert await store.read_session("t", "s1") is None and await store.read_session("t", "s2") is None
    assert await store.get_session_blob("t", "s1", "vault") is None
    assert await store.append_turn("t", "s1", "u", b"late", {}, LIMITS, now_ms()) == "closed"
    assert await store.read_session("t", "other") is not None


async def test_every_key_has_a_ttl_and_expires(store: Store):
    short = SessionLimits(ttl_ms=300, idle_ms=100, max_bytes=1_000)
    await store.put_profile("t", "u", b"p", b"h", 300)
    await store.append_turn("t", "s", "u", b"x", {"PERSON": 1}, short, now_ms())
    await store.put_session_blob("t", "s", "vault", b"v", 300)
    await store.append_turn("t", "s2", "u", b"x", {}, short, now_ms())
    await store.end_session("t", "s2", "explicit", now_ms(), 300)
    if isinstance(store, MemoryStore):
        assert store.live_keys()
    else:
        found = await keys_with_prefix(store.keys.prefix)
        session_keys = {k: v for k, v in found.items() if not k.endswith(":finalize")}
        assert session_keys and all(0 < ttl <= 300 for ttl in session_keys.values()), found
        assert all(ttl > 0 for ttl in found.values())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if isinstance(store, MemoryStore):
            left = store.live_keys()
        else:
            left = [k for k in await keys_with_prefix(store.keys.prefix) if not k.endswith(":finalize")]
        if not left:
            break
        await asyncio.sleep(0.05)
    assert not left


async def test_linked_sessions_are_named_on_erasure(store: Store):
    await store.link_session("t", "never-recorded", "u", 60_000)
    await store.append_turn("t", "recorded", "u", b"x", {}, LIMITS, now_ms())
    erased = await store.erase_subject("t", "u")
    assert erased.session_ids == ("never-recorded", "recorded") and erased.sessions == 1


async def test_no_turn_lands_after_the_end(store: Store):
    """Appends racing with the end: every turn acknowledged "ok" is in the buffer, none after."""

    async def append(i: int) -> str:
        return await store.append_turn("t", "race", "u", b"turn-%d" % i, {}, LIMITS, now_ms())

    first = await asyncio.gather(*(append(i) for i in range(20)))
    ended, *rest = await asyncio.gather(store.end_session("t", "race", "explicit", now_ms(), 60_000),
                                        *(append(i) for i in range(20, 40)))
    outcomes = first + rest
    data = await store.read_session("t", "race")
    assert ended is True and data is not None
    assert len(data.turns) == outcomes.count("ok") and set(outcomes) <= {"ok", "closed"}
    assert await store.append_turn("t", "race", "u", b"late", {}, LIMITS, now_ms()) == "closed"

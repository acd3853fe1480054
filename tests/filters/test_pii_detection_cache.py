"""The detection cache: a resent conversation is analysed once, results equal a fresh analysis,
rules never share entries, entries are bounded and expire, and no text is kept."""

from __future__ import annotations

import pytest

from filters.pii import EngineSettings, PIIEngine
from filters.pii.detection_cache import DetectionCache, rules_scope
from filters.pii.redaction import PIIFilter, VaultFactory
from filters.pii.resolve import Detection
from filters.pii.rules import PIIRules
from filters.pii.vault_backends import MemoryVaultBackend
from gateway import endpoints as ep
from gateway.auth import key_digest
from gateway.context import RequestContext, Tenant
from gateway.policy import Policy
from gateway.privacy.pseudonyms import Secrets

TURNS = [
    "Hi, I'm Ophelia Vandergrift and I live at 14 Crown Street, London.",
    "Sure Ophelia, how can I help?",
    "Please email ophelia.v@example.org or call +44 20 7946 0958.",
]


class CountingEngine:
    """The real engine; records which texts reached it."""

    def __init__(self, engine: PIIEngine) -> None:
        self.engine = engine
        self.analysed: list[str] = []

    def supported_entities(self) -> frozenset[str]:
        return self.engine.supported_entities()

    async def analyze(self, texts, **kwargs):  # noqa: ANN001, ANN003, ANN201
        self.analysed.extend(texts)
        return await self.engine.analyze(texts, **kwargs)


@pytest.fixture(scope="module")
def engine() -> PIIEngine:
    return PIIEngine.build(EngineSettings())


def chat(tenant: Tenant, turns: list[str]) -> RequestContext:
    roles = ["user", "assistant"]
    body = {"messages": [{"role": roles[i % 2], "content": t} for i, t in enumerate(turns)]}
    return RequestContext("r", ep.CHAT, tenant, "m", body=body)


def make_filter(engine: PIIEngine, cache: DetectionCache | None, rules: PIIRules = PIIRules()) -> tuple[PIIFilter, CountingEngine]:
    counting = CountingEngine(engine)
    return PIIFilter(rules, counting, VaultFactory(MemoryVaultBackend(), Secrets(b"s")), cache), counting


TENANT = Tenant("t", Policy(name="t", version="1"), key_digest("k"))


async def test_a_resent_conversation_is_analysed_once_and_redacted_the_same(engine: PIIEngine) -> None:
    cached_filter, counting = make_filter(engine, DetectionCache())
    plain_filter, _ = make_filter(engine, None)
    for n in range(1, len(TURNS) + 1):  # the app resends the history with every turn
        with_cache, without = chat(TENANT, TURNS[:n]), chat(TENANT, TURNS[:n])
        await cached_filter.on_request(with_cache)
        await plain_filter.on_request(without)
        assert with_cache.body == without.body
        assert with_cache.redactions == without.redactions
        assert with_cache.state["pii"]["cached_texts"] == n - 1
    assert counting.analysed == TURNS  # each message once, though sent 3, 2 and 1 times


async def test_other_rules_or_tenants_never_share_an_entry(engine: PIIEngine) -> None:
    cache = DetectionCache()
    first, _ = make_filter(engine, cache)
    narrow, narrow_engine = make_filter(engine, cache, PIIRules(entities={"EMAIL_ADDRESS": {}}))
    other_tenant, other_engine = make_filter(engine, cache)
    await first.on_request(chat(TENANT, TURNS))
    narrowed = chat(TENANT, TURNS)
    await narrow.on_request(narrowed)
    assert narrow_engine.analysed == TURNS
    assert set(narrowed.redactions) == {"EMAIL_ADDRESS"}
    await other_tenant.on_request(chat(Tenant("u", Policy(name="u", version="1"), key_digest("k2")), TURNS))
    assert other_engine.analysed == TURNS


def test_scopes_differ_by_every_rule() -> None:
    base = dict(entities={"PERSON"}, thresholds={"PERSON": 0.6}, default_threshold=0.5, allow_list=["Acme"],
                deny_list={"PERSON": ["Bob"]})
    variants = [dict(base, entities={"PERSON", "EMAIL_ADDRESS"}), dict(base, thresholds={"PERSON": 0.7}),
                dict(base, default_threshold=0.4), dict(base, allow_list=[]), dict(base, deny_list={}),
                dict(base, language="ru")]
    scopes = {rules_scope("t", **base), rules_scope("u", **base), *(rules_scope("t", **v) for v in variants)}
    assert len(scopes) == 2 + len(variants)
    assert rules_scope("t", **base) == rules_scope("t", **dict(base, entities=["PERSON"]))  # order-free


def test_entries_expire_and_the_least_recently_used_go_first() -> None:
    now = [0.0]
    cache = DetectionCache(capacity=2, ttl_s=10, clock=lambda: now[0])
    found = (Detection("PERSON", 0, 3, 0.9),)
    cache.put(b"s", "one", found)
    cache.put(b"s", "two", ())
    assert cache.get(b"s", "one") == found  # "one" is now the most recently used
    cache.put(b"s", "three", ())
    assert cache.get(b"s", "two") is None and cache.get(b"s", "one") == found and len(cache) == 2
    now[0] = 11
    assert cache.get(b"s", "one") is None and cache.get(b"s", "three") is None
    assert cache.get(b"other scope", "one") is None


def test_no_text_or_value_is_kept() -> None:
    cache = DetectionCache()
    text = "Zqxwvatrin Plorkenbeck, zqx.plork@superrito.com \ud800"  # a lone surrogate, as JSON allows
    cache.put(b"s", text, (Detection("PERSON", 0, 22, 0.9),))
    for key, (_, detections) in cache._entries.items():
        assert isinstance(key, bytes) and len(key) == 32
        assert all(isinstance(d, Detection) for d in detections)
    held = repr(cache._entries)
    assert "Zqxwvatrin" not in held and "superrito" not in held
    assert DetectionCache()._digest(b"s", text) != cache._digest(b"s", text)  # a key per process

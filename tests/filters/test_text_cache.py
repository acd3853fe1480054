"""The filters' memory of seen texts: a resent conversation is analysed and moderated once with
the same results as afresh, rules never share entries, entries are bounded and expire, and no
text is kept."""

from __future__ import annotations

from filters.pii import PIIEngine
from filters.pii.redaction import PIIFilter, VaultFactory
from filters.pii.resolve import Detection
from filters.pii.rules import PIIRules
from filters.pii.vault_backends import MemoryVaultBackend
from filters.text_cache import TextResultCache, cache_scope
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


def chat(tenant: Tenant, turns: list[str]) -> RequestContext:
    roles = ["user", "assistant"]
    body = {"messages": [{"role": roles[i % 2], "content": t} for i, t in enumerate(turns)]}
    return RequestContext("r", ep.CHAT, tenant, "m", body=body)


def make_filter(engine: PIIEngine, cache: TextResultCache | None, rules: PIIRules = PIIRules()) -> tuple[PIIFilter, CountingEngine]:
    counting = CountingEngine(engine)
    return PIIFilter(rules, counting, VaultFactory(MemoryVaultBackend(), Secrets(b"s")), cache), counting


TENANT = Tenant("t", Policy(name="t", version="1"), key_digest("k"))


async def test_a_resent_conversation_is_analysed_once_and_redacted_the_same(engine: PIIEngine) -> None:
    cached_filter, counting = make_filter(engine, TextResultCache())
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
    cache = TextResultCache()
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


async def test_keeping_public_figures_is_a_rule_of_its_own(engine: PIIEngine) -> None:
    cache = TextResultCache()
    turns = ["Write about Albert Einstein with Ophelia Vandergrift."]
    redacting, _ = make_filter(engine, cache)
    keeping, keeping_engine = make_filter(engine, cache, PIIRules(public_figures="keep"))
    first, second = chat(TENANT, turns), chat(TENANT, turns)
    await redacting.on_request(first)
    await keeping.on_request(second)
    assert keeping_engine.analysed == turns  # not the other rule's entry
    assert "Albert Einstein" not in first.body["messages"][0]["content"]
    assert "Albert Einstein" in second.body["messages"][0]["content"]
    assert "Ophelia" not in second.body["messages"][0]["content"]


def test_scopes_differ_by_every_rule() -> None:
    base = dict(filter="pii", tenant="t", entities={"PERSON"}, thresholds={"PERSON": 0.6}, default_threshold=0.5,
                allow_list=["Acme"], deny_list={"PERSON": ["Bob"]})
    variants = [dict(base, tenant="u"), dict(base, filter="moderation"), dict(base, entities={"PERSON", "EMAIL_ADDRESS"}),
                dict(base, thresholds={"PERSON": 0.7}), dict(base, default_threshold=0.4), dict(base, allow_list=[]),
                dict(base, deny_list={}), dict(base, language="ru")]
    scopes = {cache_scope(**base), *(cache_scope(**v) for v in variants)}
    assert len(scopes) == 1 + len(variants)
    assert cache_scope(**base) == cache_scope(**dict(base, entities=["PERSON"]))  # order-free


def test_entries_expire_and_the_least_recently_used_go_first() -> None:
    now = [0.0]
    cache = TextResultCache(capacity=2, ttl_s=10, clock=lambda: now[0])
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
    cache = TextResultCache()
    text = "Zqxwvatrin Plorkenbeck, zqx.plork@superrito.com \ud800"  # a lone surrogate, as JSON allows
    cache.put(b"s", text, (Detection("PERSON", 0, 22, 0.9),))
    for key, (_, detections) in cache._entries.items():
        assert isinstance(key, bytes) and len(key) == 32
        assert all(isinstance(d, Detection) for d in detections)
    held = repr(cache._entries)
    assert "Zqxwvatrin" not in held and "superrito" not in held
    assert TextResultCache()._digest(b"s", text) != cache._digest(b"s", text)  # a key per process


class CountingModeration:
    """The shipped local model; records which texts reached it."""

    name = "local"

    def __init__(self) -> None:
        from filters.moderation.local import LocalModerationBackend

        self.backend = LocalModerationBackend()
        self.scored: list[str] = []

    async def classify(self, texts):  # noqa: ANN001, ANN201
        self.scored.extend(texts)
        return await self.backend.classify(texts)


async def test_a_resent_conversation_is_moderated_once_with_the_same_decision() -> None:
    from pathlib import Path

    from filters.moderation.request_filter import ModerationFilter
    from gateway.config_loader import load_policy

    policy = load_policy(Path(__file__).resolve().parents[2] / "config/policies/demo.yaml", {})
    tenant = Tenant("t", policy, key_digest("k"))
    counting = CountingModeration()
    cached = ModerationFilter(policy.moderation, counting, None, TextResultCache())
    plain = ModerationFilter(policy.moderation, CountingModeration(), None)
    turns = ["How do I bake bread?", "Mix flour, water and yeast.", "I want to hurt myself tonight."]
    for n in range(1, len(turns) + 1):
        with_cache, without = chat(tenant, turns[:n]), chat(tenant, turns[:n])
        decided, expected = await cached.on_request(with_cache), await plain.on_request(without)
        assert type(decided) is type(expected)  # continue, or the caring answer (its id is fresh each time)
        assert with_cache.state["moderation"] == without.state["moderation"]
    assert counting.scored == turns
    assert with_cache.state["moderation"]["action"] == "answer"  # the last turn still gets its caring answer

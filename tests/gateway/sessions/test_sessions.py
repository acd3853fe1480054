"""Recording and ending sessions over HTTP: streams, the Responses API, the buffer cap,
inactivity, and the tenant scoping of session end."""

from __future__ import annotations

import openai
import orjson
import pytest

from tests.gateway.privacy.support import KEYS, Client, configure, privacy_policy, records
from tests.support.fake_provider import ANSWER_PREFIX

ADULT = {"training_consent": True, "consent_version": "v3", "age": 40, "country": "GB"}
POLICIES = {
    "train": privacy_policy("train", training=True),
    "notrain": privacy_policy("notrain", training=False),
    "adults": privacy_policy("adults", training=True, session_idle_s=1, max_session_bytes=256),
}


def the_record(datasets) -> dict:
    [path] = records(datasets)
    return orjson.loads(path.read_bytes())


def test_streamed_and_plain_turns_are_recorded_in_order(gateway_factory, fake, tmp_path, store_url):
    datasets = tmp_path / "ds"
    client = Client(gateway_factory(configure(datasets, store_url), POLICIES))
    client.put_user("train", "u1", **ADULT)
    client.chat("train", "u1", "s1", "one")
    client.chat("train", "u1", "s1", "two", stream=True)
    sdk = openai.OpenAI(base_url=client.server.url + "/v1", api_key=KEYS["train"], max_retries=0, timeout=10,
                        default_headers={"X-Gateway-User": "u1", "X-Gateway-Session": "s1"})
    sdk.chat.completions.create(model="fake-model", messages=[
        {"role": "system", "content": "be brief"}, {"role": "user", "content": "one"},
        {"role": "assistant", "content": "earlier"}, {"role": "user", "content": [{"type": "text", "text": "three"}]}])
    list(sdk.responses.create(model="fake-model", input="four", stream=True))
    assert client.end("train", "s1").json()["status"] == "queued"
    assert client.end("train", "s1").json()["status"] == "already_ended"
    client.wait_finalized(1)
    record = the_record(datasets)
    assert record["messages"] == [
        {"role": "user", "content": "one"}, {"role": "assistant", "content": ANSWER_PREFIX + "one"},
        {"role": "user", "content": "two"}, {"role": "assistant", "content": ANSWER_PREFIX + "two"},
        {"role": "user", "content": "three"}, {"role": "assistant", "content": ANSWER_PREFIX + "[{\"type\":\"text\",\"text\":\"three\"}]"},
        {"role": "user", "content": "four"}, {"role": "assistant", "content": ANSWER_PREFIX + "four"}]
    assert record["metadata"]["turns"] == 4 and record["metadata"]["end_reason"] == "explicit"
    # After the end the session is closed: a late turn is not recorded anywhere.
    client.chat("train", "u1", "s1", "late")
    assert client.server.call(client.runtime().store.read_session("train", record["metadata"]["session"])) is None
    client.close()


def test_ineligible_sessions_record_no_content(gateway_factory, fake, tmp_path):
    client = Client(gateway_factory(configure(tmp_path / "ds"), POLICIES))
    client.put_user("notrain", "u1", **ADULT)
    client.put_user("train", "kid", **(ADULT | {"age": 9}))
    client.chat("notrain", "u1", "s1", "hello")
    client.chat("train", "kid", "s2", "hello")
    client.chat("train", None, "s3", "no user at all")
    client.chat("train", "kid", None, "no session at all")
    store = client.runtime().store
    # Profiles, consent history and the user's session links; no session key, no content.
    assert [k for k in store.live_keys() if ":s:" in k or k.endswith(":activity")] == []
    client.close()


def test_inactivity_ends_the_session_and_the_buffer_is_capped(gateway_factory, fake, tmp_path, store_url):
    datasets = tmp_path / "ds"
    client = Client(gateway_factory(configure(datasets, store_url), POLICIES))
    client.put_user("adults", "u1", **ADULT)
    short = "keep this short turn in the buffer, ok"  # plain words: the training pass changes nothing
    client.chat("adults", "u1", "idle", short)
    client.chat("adults", "u1", "idle", "y" * 200)  # over the 256-byte cap: dropped
    client.wait_finalized(1, timeout=15)
    record = the_record(datasets)
    assert record["metadata"]["end_reason"] == "inactivity"
    assert [m["content"] for m in record["messages"]] == [short, ANSWER_PREFIX + short]
    client.close()


def test_session_end_needs_the_tenant_key_and_is_scoped_by_tenant(gateway_factory, fake, tmp_path, store_url):
    datasets = tmp_path / "ds"
    client = Client(gateway_factory(configure(datasets, store_url), POLICIES))
    client.put_user("train", "u1", **ADULT)
    client.chat("train", "u1", "shared-id", "hello")
    assert client.http.post("/v1/sessions/shared-id/end").status_code == 401
    assert client.http.post("/v1/sessions/shared-id/end", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert client.end("notrain", "shared-id").status_code == 202  # another tenant's session of that name
    client.wait_finalized(1)
    assert records(datasets) == []  # the train tenant's session is still open
    client.end("train", "shared-id")
    client.wait_finalized(2)
    assert len(records(datasets)) == 1
    client.close()


def test_capture_requires_redaction_by_default(gateway_factory, fake, tmp_path):
    policies = {"train": {"name": "train", "version": "1", "filters": ["consent"], "privacy": {"training": True}},
                "notrain": POLICIES["notrain"], "adults": POLICIES["adults"]}
    client = Client(gateway_factory(configure(tmp_path / "ds"), policies))
    client.put_user("train", "u1", **ADULT)
    client.chat("train", "u1", "s1", "hello")
    client.end("train", "s1")
    client.wait_finalized(1)
    assert client.decisions() == {("train", "discarded", "empty"): 1}
    assert records(tmp_path / "ds") == []
    client.close()


async def _everything_stored(prefix: str) -> bytes:
    import redis.asyncio as aioredis

    from tests.gateway.store.redis_support import redis_url

    client = aioredis.from_url(redis_url())
    dump = b""
    try:
        async for key in client.scan_iter(match=f"{prefix}:*"):
            kind = (await client.type(key)).decode()
            value = {"string": client.get, "hash": client.hgetall, "list": lambda k: client.lrange(k, 0, -1),
                     "set": client.smembers, "zset": lambda k: client.zrange(k, 0, -1),
                     "stream": lambda k: client.xrange(k)}[kind](key)
            dump += key + b"=" + repr(await value).encode() + b"\n"
    finally:
        await client.aclose()
    return dump


def test_no_raw_ids_or_text_in_keys_values_or_logs(gateway_factory, fake, tmp_path, caplog):
    import asyncio
    import logging

    from tests.gateway.store.redis_support import delete_prefix, redis_url, unique_prefix

    prefix = unique_prefix()
    client = Client(gateway_factory(configure(tmp_path / "ds", f"{redis_url()}?prefix={prefix}"), POLICIES))
    caplog.set_level(logging.DEBUG)
    try:
        client.put_user("train", "erin@example.com", **ADULT)
        client.chat("train", "erin@example.com", "sess-raw-id-77", "my secret words")
        client.chat("train", "erin@example.com", "sess-raw-id-88", "my secret words")
        client.end("train", "sess-raw-id-88")
        client.wait_finalized(1)
        dump = asyncio.run(_everything_stored(prefix))
        assert dump and b"erin" not in dump and b"sess-raw-id" not in dump and b"secret words" not in dump
        logged = "\n".join(f"{r.getMessage()} {getattr(r, 'fields', '')}" for r in caplog.records
                           if r.name.startswith("privacy_gateway"))  # not the test's own HTTP client
        assert "erin" not in logged and "sess-raw-id" not in logged and "secret words" not in logged
    finally:
        client.close()
        asyncio.run(delete_prefix(prefix))


class _FakeRedaction:
    """Stands in for the PII filter: replaces a name by a placeholder in the request and
    restores it in the answer the client sees (any response-filter signature)."""

    name = "test-fake-redaction"

    def __init__(self, policy, resources) -> None:  # noqa: ANN001
        self.held: dict = {}

    async def on_request(self, ctx):  # noqa: ANN001
        for message in ctx.body.get("messages", []):
            message["content"] = message["content"].replace("Alice", "<PERSON_1>")
        ctx.response_filters.append(self)
        from filters.base import CONTINUE

        return CONTINUE

    def on_text(self, ctx, text, key=None, *args):  # noqa: ANN001 - holds a split placeholder back
        text = self.held.pop(key, "") + text
        cut = text.rfind("<")
        if cut >= 0 and ">" not in text[cut:]:
            self.held[key], text = text[cut:], text[:cut]
        return text.replace("<PERSON_1>", "Alice")

    def on_end(self, ctx, key=None, *args):  # noqa: ANN001
        return self.held.pop(key, "").replace("<PERSON_1>", "Alice")


@pytest.mark.parametrize("mode", ["surrogate", "placeholder"])
def test_the_record_never_holds_restored_values_and_a_placeholder_stays_one_name(gateway_factory, fake, tmp_path,
                                                                                  mode):
    from filters.registry import REQUEST_FILTERS

    REQUEST_FILTERS[_FakeRedaction.name] = _FakeRedaction
    try:
        policy = privacy_policy("train", training=True, deidentify=mode)
        policy["filters"] = ["consent", _FakeRedaction.name]
        datasets = tmp_path / "ds"
        client = Client(gateway_factory(configure(datasets), POLICIES | {"train": policy}))
        client.put_user("train", "u1", **ADULT)
        assert client.chat("train", "u1", "s1", "I am Alice") == ANSWER_PREFIX + "I am Alice"
        assert client.chat("train", "u1", "s1", "Alice again", stream=True) == ANSWER_PREFIX + "Alice again"
        client.end("train", "s1")
        client.wait_finalized(1)
        record = the_record(datasets)
        contents = [m["content"] for m in record["messages"]]
        name = contents[0].removeprefix("I am ")
        assert "Alice" not in orjson.dumps(record).decode()
        assert contents == [f"I am {name}", f"{ANSWER_PREFIX}I am {name}", f"{name} again",
                            f"{ANSWER_PREFIX}{name} again"]
        assert (name == "<PERSON_1>") == (mode == "placeholder")
        assert record["metadata"]["deidentification"] == {"mode": mode, "replaced": {"PERSON": 4}}
        client.close()
    finally:
        del REQUEST_FILTERS[_FakeRedaction.name]


def test_decisions_are_counted_with_their_reason(gateway_factory, fake, tmp_path):
    client = Client(gateway_factory(configure(tmp_path / "ds"), POLICIES))
    client.put_user("train", "u1", **ADULT)
    client.chat("train", "u1", "s1", "hello")
    client.end("train", "s1")
    client.end("notrain", "s2")
    client.wait_finalized(2)
    text = client.runtime().finalizer.prometheus()
    assert 'gateway_sessions_finalized_total{tenant="train",decision="stored",reason="eligible"} 1' in text
    assert 'gateway_sessions_finalized_total{tenant="notrain",decision="discarded",reason="empty"} 1' in text
    client.close()

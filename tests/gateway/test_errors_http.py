"""Bad input and failing providers get the contract's error codes in OpenAI's shape: never a
500, never a stack trace, never the caller's own text."""

from __future__ import annotations

import asyncio

import aiohttp
import openai
import orjson
import pytest

from tests.support.gateway import NARROW_KEY, TENANT_KEY

CANARY = "Zebulon Quartermaine 555-0199 canary"
AUTH = {"Authorization": f"Bearer {TENANT_KEY}"}
JSON = {**AUTH, "Content-Type": "application/json"}


def chat(model: str) -> bytes:
    return orjson.dumps({"model": model, "messages": [{"role": "user", "content": CANARY}]})


CASES = [
    # (name, method, path, headers, body, status, code)
    ("missing key", "POST", "/v1/chat/completions", {"Content-Type": "application/json"}, chat("fake-model"), 401, "invalid_api_key"),
    ("unknown key", "POST", "/v1/chat/completions", {"Authorization": "Bearer nope", "Content-Type": "application/json"}, chat("fake-model"), 401, "invalid_api_key"),
    ("not bearer", "POST", "/v1/chat/completions", {"Authorization": TENANT_KEY, "Content-Type": "application/json"}, chat("fake-model"), 401, "invalid_api_key"),
    ("non-JSON body", "POST", "/v1/chat/completions", JSON, CANARY.encode(), 400, "invalid_json"),
    ("JSON that is not an object", "POST", "/v1/chat/completions", JSON, orjson.dumps([CANARY]), 400, "invalid_json"),
    ("wrong content type", "POST", "/v1/chat/completions", {**AUTH, "Content-Type": "text/plain"}, chat("fake-model"), 415, "unsupported_media_type"),
    ("JSON to an upload endpoint", "POST", "/v1/audio/transcriptions", JSON, chat("fake-model"), 415, "unsupported_media_type"),
    ("multipart part without headers", "POST", "/v1/audio/transcriptions",
     {**AUTH, "Content-Type": "multipart/form-data; boundary=b"}, f"--b\r\n{CANARY}".encode(), 400, "invalid_multipart"),
    ("missing model", "POST", "/v1/chat/completions", JSON, orjson.dumps({"messages": [CANARY]}), 400, "missing_model"),
    ("model not a string", "POST", "/v1/chat/completions", JSON, orjson.dumps({"model": [CANARY]}), 400, "missing_model"),
    ("messages not an array", "POST", "/v1/chat/completions", JSON,
     orjson.dumps({"model": "fake-model", "messages": {"a": CANARY}}), 400, "invalid_type"),
    ("a message's role not a string", "POST", "/v1/chat/completions", JSON,
     orjson.dumps({"model": "fake-model", "messages": [{"role": [CANARY], "content": CANARY}]}), 400, "invalid_type"),
    ("responses input an object", "POST", "/v1/responses", JSON,
     orjson.dumps({"model": "fake-model", "input": {"text": CANARY}}), 400, "invalid_type"),
    ("unrouted model", "POST", "/v1/chat/completions", JSON, chat(CANARY), 404, "model_not_found"),
    ("unknown route", "POST", "/v1/" + CANARY.replace(" ", "-"), JSON, chat("fake-model"), 404, "not_found"),
    ("wrong method", "GET", "/v1/chat/completions", AUTH, None, 405, "method_not_allowed"),
    ("provider down", "POST", "/v1/chat/completions", JSON, chat("down-model"), 502, "upstream_unavailable"),
    ("provider 500", "POST", "/v1/chat/completions", JSON, chat("fake-error-500"), 502, "upstream_unavailable"),
    ("provider 429", "POST", "/v1/chat/completions", JSON, chat("fake-error-429"), 429, "rate_limited"),
    ("provider refuses our key", "POST", "/v1/chat/completions", JSON, chat("fake-error-401"), 502, "upstream_unavailable"),
    ("provider 400 keeps its code", "POST", "/v1/chat/completions", JSON, chat("fake-error-400"), 400, "bad_thing"),
    ("provider hangs", "POST", "/v1/chat/completions", JSON, chat("fake-hang"), 504, "upstream_timeout"),
    ("provider key missing", "POST", "/v1/chat/completions", JSON, chat("nokey-model"), 503, "upstream_unavailable"),
    ("bad user header", "POST", "/v1/chat/completions", {**JSON, "X-Gateway-User": "x" * 300}, chat("fake-model"), 400, "invalid_header"),
]


@pytest.mark.parametrize("name,method,path,headers,body,status,code", CASES, ids=[c[0] for c in CASES])
async def test_bad_input_gets_contract_error_without_echo(gateway, fake, name, method, path, headers, body, status, code):
    async with aiohttp.ClientSession() as session:
        async with session.request(method, gateway.url + path, headers=headers, data=body) as response:
            raw = await response.read()
            assert response.status == status, raw
            assert response.headers["X-Gateway-Request-Id"]
    error = orjson.loads(raw)["error"]
    assert error["code"] == code
    assert set(error) == {"message", "type", "code", "param"}
    for fragment in ("Zebulon", "Quartermaine", "555-0199", "canary", "Traceback"):
        assert fragment not in raw.decode()


async def test_a_field_the_filters_cannot_read_is_refused_by_name_and_nothing_is_forwarded(gateway, fake):
    body = {"model": "fake-model", "messages": [{"role": "user", "content": "hi"},
                                                {"role": "user", "content": [{"type": "text", "text": CANARY}, 5]}]}
    async with aiohttp.ClientSession() as session:
        async with session.post(gateway.url + "/v1/chat/completions", headers=JSON, data=orjson.dumps(body)) as r:
            assert r.status == 400
            error = (await r.json())["error"]
    assert (error["code"], error["param"]) == ("invalid_type", "messages[1].content[1]")
    assert error["message"] == "'messages[1].content[1]' must be a string or an object."
    assert fake.received == []


async def test_missing_provider_key_is_named_in_the_error(gateway):
    async with aiohttp.ClientSession() as session:
        async with session.post(gateway.url + "/v1/chat/completions", headers=JSON, data=chat("nokey-model")) as r:
            assert "TEST_UNSET_KEY" in (await r.json())["error"]["message"]


async def test_model_outside_the_tenant_policy_is_refused(gateway, fake):
    headers = {"Authorization": f"Bearer {NARROW_KEY}", "Content-Type": "application/json"}
    async with aiohttp.ClientSession() as session:
        async with session.post(gateway.url + "/v1/chat/completions", headers=headers, data=chat("fake-other")) as r:
            assert r.status == 403
            assert (await r.json())["error"]["code"] == "model_not_allowed"
        async with session.post(gateway.url + "/v1/chat/completions", headers=headers, data=chat("fake-model")) as r:
            assert r.status == 200
    assert len(fake.received) == 1


async def test_fallback_provider_answers_when_the_primary_is_down(gateway, fake):
    async with aiohttp.ClientSession() as session:
        async with session.post(gateway.url + "/v1/chat/completions", headers=JSON, data=chat("down-with-fallback")) as r:
            assert r.status == 200
    assert fake.last().body["model"] == "down-with-fallback"


async def test_oversized_body_is_refused_with_413(gateway_factory, fake):
    server = gateway_factory(lambda c: c["server"].update(body_limit_bytes=2048))
    big = orjson.dumps({"model": "fake-model", "messages": [{"role": "user", "content": "x" * 4096}]})
    async with aiohttp.ClientSession() as session:
        async with session.post(server.url + "/v1/chat/completions", headers=JSON, data=big) as r:
            assert r.status == 413
            assert (await r.json())["error"]["code"] == "request_too_large"
        form = aiohttp.FormData()
        form.add_field("model", "fake-whisper")
        form.add_field("file", b"\0" * 4096, filename="a.wav", content_type="audio/wav")
        async with session.post(server.url + "/v1/audio/transcriptions", headers=AUTH, data=form) as r:
            assert r.status == 413
    assert fake.received == []


async def test_requests_beyond_the_in_flight_bound_get_503_overloaded(gateway_factory, fake):
    server = gateway_factory(lambda c: c["server"].update(max_in_flight=1))
    body = orjson.dumps({"model": "fake-gated", "stream": True, "messages": [{"role": "user", "content": "x"}]})
    async with aiohttp.ClientSession() as session:
        async with session.post(server.url + "/v1/chat/completions", headers=JSON, data=body) as held:
            await held.content.readline()  # the first event: the request is in flight
            async with session.post(server.url + "/v1/chat/completions", headers=JSON, data=chat("fake-model")) as r:
                assert r.status == 503
                assert (await r.json())["error"]["code"] == "overloaded"
            fake.release()
            assert b"[DONE]" in await held.read()


def test_provider_failure_mid_stream_ends_with_an_error_the_sdk_raises(gateway, fake):
    client = openai.OpenAI(base_url=gateway.url + "/v1", api_key=TENANT_KEY, max_retries=0)
    stream = client.chat.completions.create(model="fake-break", messages=[{"role": "user", "content": "x"}], stream=True)
    with pytest.raises(openai.APIError) as raised:
        for _ in stream:
            pass
    assert "broke off" in str(raised.value)


async def test_client_disconnect_cancels_the_upstream_call(gateway, fake):
    body = orjson.dumps({"model": "fake-gated", "stream": True, "messages": [{"role": "user", "content": "x"}]})
    async with aiohttp.ClientSession() as session:
        response = await session.post(gateway.url + "/v1/chat/completions", headers=JSON, data=body)
        await response.content.readline()
        response.close()  # the client goes away mid-stream
    cancelled = await asyncio.get_running_loop().run_in_executor(None, fake.cancelled.wait, 10)
    assert cancelled, "the provider's stream was not cancelled"

"""Issue 8's canary: personal data, a user id and a session id driven through every endpoint,
failing providers, blocked and malformed requests, against the demo tenant's policy (consent,
PII, moderation) with Redis and session capture, the gateway a real process logging at DEBUG.
None of it may appear in the logs, the metrics, an error body or a store key.

Extends tests/e2e/test_redaction_canary.py (same canary values), which checks the provider
side and the in-process log records; here the whole stderr of the process is read."""

from __future__ import annotations

import asyncio
import http.client
import json
import socket
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest
import redis.asyncio as aioredis
import yaml

from tests.support.clients import small_wav
from tests.e2e.test_redaction_canary import CANARY, EMAIL, NAME, VALUES
from tests.gateway.store.redis_support import delete_prefix, redis_url, unique_prefix
from tests.support.gateway import base_config, write_config
from tests.support.served import Served, served

ROOT = Path(__file__).resolve().parents[2]
USER = "canary-user-Xyzzyq7"
SESSION = "canary-session-Plugh9"
PHONE = "+1 512 555 0142"
TEXT = f"{CANARY} Call me on {PHONE}."
SECRETS = [*VALUES, PHONE, USER, SESSION]
THREAT = f"I will find you and kill you, {NAME}. I know where you live, I will hurt your family."
SELF_HARM = f"I am {NAME} and I want to kill myself tonight. I have the pills ready."
DEMO_KEY, STRICT_KEY = "sk-demo-canary-0123456789", "sk-strict-canary-0123456789"
ADMIN_KEY, DATASET_KEY = "admin-canary-0123456789", "dataset-canary-0123456789"


def policies() -> dict[str, Any]:
    demo = yaml.safe_load((ROOT / "config" / "policies" / "demo.yaml").read_text())
    strict = {**demo, "name": "strict", "pii": {**demo["pii"], "default_action": "block"}}
    return {"demo": demo, "strict": strict}


@pytest.fixture
def gateway(tmp_path, fake_url, fake):
    prefix = unique_prefix()
    base = redis_url()
    config = base_config(fake_url)
    config["server"].update(log_level="DEBUG", body_limit_bytes=65536)
    config.update(secret="canary-secret-0123456789", admin_key=ADMIN_KEY, dataset_key=DATASET_KEY,
                  store={"url": f"{base}{'&' if '?' in base else '?'}prefix={prefix}"},
                  datasets={"url": f"file://{tmp_path / 'datasets'}"},
                  tenants={"demo": {"key": DEMO_KEY, "policy": "demo"}, "strict": {"key": STRICT_KEY, "policy": "strict"}})
    with served(write_config(tmp_path / "config", config, policies()), tmp_path / "gateway.log") as process:
        yield process, prefix
    asyncio.run(delete_prefix(prefix))


class Bodies:
    """Every error body the gateway answered with, as text."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def sdk_error(self, status: int | None, call, *args, **kwargs) -> None:
        """`status` None: the failure comes inside a stream that started with 200."""
        with pytest.raises(openai.APIError) as caught:
            result = call(*args, **kwargs)
            if hasattr(result, "__iter__"):
                list(result)
        error = caught.value
        assert getattr(error, "status_code", None) == status, (status, error)
        response = getattr(error, "response", None)
        self.seen.append(response.text if response is not None else "")
        self.seen.append(json.dumps(error.body) if error.body is not None else "")
        self.seen.append(error.message)

    def http(self, response: httpx.Response) -> None:
        assert response.status_code >= 400, response.status_code
        self.seen.append(response.text)


def sdk(url: str, key: str = DEMO_KEY, **headers: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=url + "/v1", api_key=key, max_retries=0, timeout=30,
                         default_headers={"X-Gateway-User": USER, "X-Gateway-Session": SESSION, **headers})


def drive(url: str, bodies: Bodies) -> None:
    admin = httpx.Client(base_url=url, timeout=30, headers={"Authorization": f"Bearer {ADMIN_KEY}"})
    assert admin.put(f"/admin/v1/tenants/demo/users/{USER}", json={
        "training_consent": True, "consent_version": "v1", "age": 30, "country": "US"}).status_code == 200
    assert admin.get(f"/admin/v1/tenants/demo/users/{USER}").status_code == 200
    bodies.http(admin.get(f"/admin/v1/tenants/demo/users/{USER}-{NAME}"))  # 404 user_not_found
    bodies.http(admin.put(f"/admin/v1/tenants/demo/users/{USER}", json={"age": CANARY}))  # invalid_profile

    client = sdk(url)
    messages = [{"role": "system", "content": f"The user is {NAME}."}, {"role": "user", "content": TEXT}]
    # Every endpoint, plain and streamed.
    client.chat.completions.create(model="fake-model", messages=messages)
    list(client.chat.completions.create(model="fake-model", messages=messages, stream=True))
    client.chat.completions.create(model="fake-tools", messages=messages)
    client.completions.create(model="fake-model", prompt=TEXT)
    client.responses.create(model="fake-model", input=TEXT, instructions=f"Address {NAME}.")
    list(client.responses.create(model="fake-model", input=TEXT, stream=True))
    client.embeddings.create(model="fake-embed", input=[TEXT, EMAIL])
    client.moderations.create(model="fake-moderation", input=TEXT)
    client.audio.speech.create(model="fake-tts", voice="alloy", input=TEXT).read()
    client.audio.transcriptions.create(model="fake-whisper", file=("a.wav", small_wav()), prompt=f"Speaker: {NAME}")
    client.audio.translations.create(model="fake-whisper", file=("a.wav", small_wav()), prompt=f"Speaker: {NAME}")
    assert client.models.list().data and client.models.retrieve("echo").id == "echo"
    assert client.chat.completions.create(model="echo", messages=messages).choices  # shows the redacted text
    http = httpx.Client(base_url=url, timeout=30, headers={"Authorization": f"Bearer {DEMO_KEY}"})
    assert http.post("/v1/pii/analyze", json={"text": TEXT}).status_code == 200
    assert client.chat.completions.create(model="flaky-5xx", messages=messages).choices  # fallback answers

    # Failing providers: errors before the first byte and in the middle of a stream.
    for model, status in [("fake-error-500", 502), ("fake-error-400", 400), ("fake-error-429", 429),
                          ("down-model", 502), ("fake-hang", 504), ("nokey-model", 503), (f"{NAME}-model", 404)]:
        bodies.sdk_error(status, client.chat.completions.create, model=model, messages=messages)
    bodies.sdk_error(None, client.chat.completions.create, model="fake-break", messages=messages, stream=True)

    # Blocked: refused PII, moderation blocks (a child), the self-harm answer, replaced output.
    bodies.sdk_error(400, sdk(url, STRICT_KEY).chat.completions.create, model="fake-model", messages=messages)
    child = sdk(url, **{"X-Gateway-Child": "true"})
    bodies.sdk_error(400, child.chat.completions.create, model="fake-model",
                     messages=[{"role": "user", "content": THREAT}])
    answered = client.chat.completions.with_raw_response.create(
        model="fake-model", messages=[{"role": "user", "content": SELF_HARM}])
    assert answered.headers["x-gateway-moderation"] == "answered"
    bodies.sdk_error(400, client.completions.create, model="fake-model", prompt=SELF_HARM)  # answer outside chat
    replaced = child.chat.completions.with_raw_response.create(model="fake-unsafe", messages=messages)
    assert replaced.headers["x-gateway-moderation"] == "output_replaced"

    # Malformed requests, each carrying the canary.
    json_headers = {"Content-Type": "application/json"}
    for body, headers in [
        (f'{{"model": "fake-model", "messages": "{NAME}', json_headers),  # invalid JSON
        (json.dumps([TEXT]), json_headers),  # not an object
        (json.dumps({"messages": [{"role": "user", "content": TEXT}]}), json_headers),  # no model
        (json.dumps({"model": ["x"], "messages": TEXT}), json_headers),
        (TEXT, {"Content-Type": "text/plain"}),  # wrong content type
        (json.dumps({"model": "fake-model", "messages": [{"role": "user", "content": TEXT * 1000}]}), json_headers),
    ]:
        bodies.http(http.post("/v1/chat/completions", content=body, headers=headers))
    bodies.http(http.post("/v1/audio/transcriptions", content=f"--b\r\n{TEXT}".encode(),
                          headers={"Content-Type": "multipart/form-data; boundary=b"}))
    bodies.http(http.post("/v1/chat/completions", json={"model": "fake-model"},
                          headers={"X-Gateway-User": USER + NAME * 20}))  # id header too long
    bodies.http(httpx.post(url + "/v1/chat/completions", json={"model": "fake-model"},
                           headers={"Authorization": f"Bearer {NAME} {EMAIL}"}))  # unknown key
    bodies.http(http.get(f"/v1/{USER}/{NAME}", params={"q": EMAIL}))  # unknown path
    bodies.http(http.post(f"/v1/sessions/{SESSION}/end", headers={"Authorization": f"Bearer {EMAIL}"}))
    bodies.seen.append(raw_malformed(url))

    assert http.post(f"/v1/sessions/{SESSION}/end").status_code == 202
    dataset = httpx.get(url + "/admin/v1/tenants/demo/dataset", headers={"Authorization": f"Bearer {DATASET_KEY}"})
    assert dataset.status_code == 200


def raw_malformed(url: str) -> str:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(f"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nX-Name: {NAME}\x01{EMAIL}\r\n\r\n".encode())
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.") and b"malformed_http" in answer
    return answer.decode(errors="replace")


async def store_keys(prefix: str) -> tuple[list[str], list[str]]:
    """(keys under the test's prefix, every key of the database that holds a canary value)."""
    client = aioredis.from_url(redis_url())
    try:
        ours = [k.decode() async for k in client.scan_iter(match=f"{prefix}:*", count=1000)]
        leaking = [k.decode(errors="replace") async for k in client.scan_iter(count=1000)
                   if any(v.encode() in k for v in SECRETS)]
        return ours, leaking
    finally:
        await client.aclose()


def metrics_text(url: str) -> str:
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.request("GET", "/metrics")
    return conn.getresponse().read().decode()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the SDK marks audio.translations deprecated
def test_no_canary_in_logs_metrics_error_bodies_or_store_keys(gateway):
    process, prefix = gateway
    bodies = Bodies()
    drive(process.url, bodies)
    metrics = metrics_text(process.url)
    assert 'privacy_gateway_pii_entities_total{action="placeholder",entity_type="EMAIL_ADDRESS",tenant="demo"}' in metrics

    lines = process.log_lines()  # every line parses as JSON: the logs are structured
    assert any(line["level"] == "DEBUG" for line in lines), "the gateway did not log at DEBUG"
    requests = [line for line in lines if line.get("event") == "request"]
    assert {line["status"] for line in requests} >= {200, 400, 401, 404, 413, 415, 429, 502, 503, 504}
    assert all("request_id" in line and "ms" in line for line in requests)
    log_text = process.log.read_text()
    keys, leaking = asyncio.run(store_keys(prefix))
    assert any(":profile" in key for key in keys) and any(":s:" in key for key in keys)
    assert leaking == []
    assert len(bodies.seen) > 25
    for value in SECRETS:
        assert value not in log_text, f"a canary value is in the logs: {value!r}"
        assert value not in metrics, f"a canary value is in the metrics: {value!r}"
        for body in bodies.seen:
            assert value not in body, f"a canary value is in an error body: {value!r} in {body[:300]!r}"

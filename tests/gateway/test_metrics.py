"""`GET /metrics` of a gateway running in this process, driven over real HTTP with the openai
SDK: every family from start-up, what each request adds, label values bounded, the format.

Families are process-wide and other tests' gateways share the process, so tenants here have
names of their own and provider-labelled values are compared before and after."""

from __future__ import annotations

import http.client
import json
import socket
import uuid

import openai
import pytest

from gateway import metrics
from gateway.observability import store_operations
from tests.support.gateway import base_config, closed_port, start_gateway
from tests.support.scrape import FAMILIES, Scrape, check_format, first_sample, scrape

RUN = uuid.uuid4().hex[:6]
PLAIN, GUARDED, STRICT, FAILING, LENIENT = (f"{name}{RUN}" for name in ("plain", "guarded", "strict", "failing", "lenient"))
KEYS = {name: f"sk-{name}-0123456789" for name in (PLAIN, GUARDED, STRICT, FAILING, LENIENT)}
CHAT = "chat.completions"
EMAIL = "zq.metrics@example.org"
SELF_HARM = "I want to kill myself tonight. I have the pills ready and nothing helps anymore."
BENIGN = "Can you explain how photosynthesis turns light into sugar?"

_AUDIENCE = {"default": {"threshold": 0.9, "action": "flag"},
             "rules": {"self-harm": {"threshold": 0.5, "action": "answer"},
                       "self-harm/intent": {"threshold": 0.5, "action": "answer"}}}
LOCAL = {"backend": "local", "audiences": {"adult": _AUDIENCE, "minor": _AUDIENCE, "child": _AUDIENCE},
         "answers": {"en": {"message": "You matter.", "resources": [{"name": "Crisis line", "contact": "988"}]}},
         "moderate_output_for": ["child"], "output_replacement": {"en": "Let's talk about something else."}}
DOWN = {**LOCAL, "backend": "provider", "provider_model": "down-moderation", "moderate_output_for": []}
POLICIES = {
    "plain": {"name": "plain", "version": "1", "filters": []},
    "guarded": {"name": "guarded", "version": "1", "filters": ["pii", "moderation"], "moderation": LOCAL},
    "strict": {"name": "strict", "version": "1", "filters": ["pii"],
               "pii": {"entities": {"EMAIL_ADDRESS": {"action": "block"}, "PERSON": {"action": "placeholder"}}}},
    "failing": {"name": "failing", "version": "1", "filters": ["moderation"],
                "moderation": {**DOWN, "on_backend_failure": "block"}},
    "lenient": {"name": "lenient", "version": "1", "filters": ["moderation"],
                "moderation": {**DOWN, "on_backend_failure": "allow"}},
}


@pytest.fixture(scope="module")
def observed(fake_server, tmp_path_factory):
    """One gateway for the module, and its scrape taken before any request."""
    config = base_config(fake_server[1].url)
    config["tenants"] = {name: {"key": KEYS[name], "policy": name[: -len(RUN)]} for name in KEYS}
    server = start_gateway(tmp_path_factory.mktemp("metrics"), config, POLICIES)
    yield server, scrape(server.url)
    server.stop()


@pytest.fixture
def server(observed):
    return observed[0]


def sdk(server, tenant: str, **headers: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=server.url + "/v1", api_key=KEYS[tenant], max_retries=0, timeout=30,
                         default_headers=headers)


def chat(server, tenant: str, text: str = "hello", model: str = "fake-model", **headers: str):
    return sdk(server, tenant, **headers).chat.completions.with_raw_response.create(
        model=model, messages=[{"role": "user", "content": text}])


def fails(status: int, call, *args, **kwargs) -> None:
    with pytest.raises(openai.APIStatusError) as caught:
        call(*args, **kwargs)
    assert caught.value.status_code == status


def test_every_family_is_there_from_start_up_at_zero(observed):
    server, text = observed
    start = Scrape(text)
    for family, kind in FAMILIES.items():
        assert start.types.get(family) == kind, f"{family} missing at start-up"
        assert first_sample(family, kind) in start.samples, f"{family} has no sample at start-up"
    for tenant in KEYS:
        assert start.has("privacy_gateway_requests_total", tenant=tenant, endpoint=CHAT, status="200")
        assert start.value("privacy_gateway_requests_total", tenant=tenant) == 0
        assert start.has("privacy_gateway_request_duration_seconds_count", tenant=tenant, endpoint=CHAT)
        assert start.has("privacy_gateway_sessions_finalized_total", tenant=tenant, outcome="stored", reason="eligible")
        assert start.has("privacy_gateway_dataset_records_total", tenant=tenant, operation="written")
        assert start.value("privacy_gateway_sessions_finalized_total", tenant=tenant) == 0
    # Entity types with the tenant's action for each, and the moderation decision "allow".
    assert start.has("privacy_gateway_pii_entities_total", tenant=GUARDED, entity_type="EMAIL_ADDRESS",
                     action="placeholder")
    assert start.has("privacy_gateway_pii_entities_total", tenant=STRICT, entity_type="EMAIL_ADDRESS", action="block")
    assert start.has("privacy_gateway_moderation_decisions_total", tenant=GUARDED, category="none", action="allow")
    for name in ("pii", "moderation"):
        assert start.has("privacy_gateway_filter_failures_total", filter=name)
    assert start.has("privacy_gateway_provider_errors_total", provider="fake", code="upstream_timeout")
    assert start.has("privacy_gateway_fallbacks_total", provider="fake", fallback="backup")
    assert {"ping", "put_profile", "append_turn"} <= {
        labels["operation"] for labels, _ in start.samples["privacy_gateway_store_errors_total"]}
    assert start.has("privacy_gateway_errors_total", code="pii_blocked")
    assert check_format(text) in ("promtool", "parser")


def test_requests_are_counted_by_tenant_endpoint_and_status(server):
    before = Scrape(scrape(server.url))
    user, session = f"user-{RUN}-private", f"session-{RUN}-private"
    chat(server, PLAIN, **{"X-Gateway-User": user, "X-Gateway-Session": session})
    chat(server, PLAIN)
    sdk(server, PLAIN).embeddings.create(model="fake-embed", input="x")
    fails(404, chat, server, PLAIN, model=f"no-such-model-{RUN}")
    bad = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    bad.request("POST", "/v1/chat/completions", body=b"{not json", headers={
        "Authorization": f"Bearer {KEYS[PLAIN]}", "Content-Type": "application/json"})
    assert bad.getresponse().status == 400
    with pytest.raises(openai.AuthenticationError):
        openai.OpenAI(base_url=server.url + "/v1", api_key="sk-wrong", max_retries=0).models.list()
    text = scrape(server.url)
    after = Scrape(text)
    count = after.value
    assert count("privacy_gateway_requests_total", tenant=PLAIN, endpoint=CHAT, status="200") == 2
    assert count("privacy_gateway_requests_total", tenant=PLAIN, endpoint="embeddings", status="200") == 1
    assert count("privacy_gateway_requests_total", tenant=PLAIN, endpoint=CHAT, status="404") == 1
    # The body is read after the tenant is known, so a malformed body still has its tenant.
    assert count("privacy_gateway_requests_total", endpoint=CHAT, status="400") - before.value(
        "privacy_gateway_requests_total", endpoint=CHAT, status="400") == 1
    assert count("privacy_gateway_requests_total", tenant="none", endpoint="models", status="401") - before.value(
        "privacy_gateway_requests_total", tenant="none", endpoint="models", status="401") == 1
    for code in ("model_not_found", "invalid_json", "invalid_api_key"):
        assert count("privacy_gateway_errors_total", code=code) - before.value("privacy_gateway_errors_total", code=code) == 1
    # Ids and caller-chosen names never become label values.
    for value in (user, session, f"no-such-model-{RUN}", "fake-model", "sk-wrong"):
        assert value not in text


def test_durations_overhead_upstream_and_time_to_first_token(server):
    before = Scrape(scrape(server.url))
    chat(server, PLAIN)
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    assert b"[DONE]" in stream(conn, PLAIN, "a stream")
    after = Scrape(get_metrics(conn))  # same connection: the stream's request has been counted

    def grew(name: str, **labels: str) -> float:
        return after.value(name, **labels) - before.value(name, **labels)

    labels = {"tenant": PLAIN, "endpoint": CHAT}
    assert grew("privacy_gateway_request_duration_seconds_count", **labels) == 2
    assert grew("privacy_gateway_overhead_seconds_count", **labels) == 2
    assert grew("privacy_gateway_upstream_duration_seconds_count", provider="fake", endpoint=CHAT) == 2
    assert grew("privacy_gateway_time_to_first_token_seconds_count", **labels) == 1  # the stream only
    whole = grew("privacy_gateway_request_duration_seconds_sum", **labels)
    assert 0 < grew("privacy_gateway_overhead_seconds_sum", **labels) < whole
    assert 0 < grew("privacy_gateway_time_to_first_token_seconds_sum", **labels) < whole


def stream(conn: http.client.HTTPConnection, tenant: str, text: str, model: str = "fake-model",
           **headers: str) -> bytes:
    """A streamed chat on a connection of the caller's: aiohttp finishes a request (middleware
    included, so its counts and its access line) before it reads the next one from the same
    connection, so what the caller sends next on `conn` sees this request done."""
    body = json.dumps({"model": model, "stream": True, "messages": [{"role": "user", "content": text}]})
    conn.request("POST", "/v1/chat/completions", body=body, headers={
        "Authorization": f"Bearer {KEYS[tenant]}", "Content-Type": "application/json", **headers})
    response = conn.getresponse()
    assert response.status == 200
    return response.read()


def in_flight(text: str) -> float:
    return Scrape(text).value("privacy_gateway_in_flight_requests")


def get_metrics(conn: http.client.HTTPConnection) -> str:
    conn.request("GET", "/metrics")
    return conn.getresponse().read().decode()


def test_in_flight_counts_a_stream_until_it_has_ended(server, fake):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    idle = in_flight(get_metrics(conn))
    body = json.dumps({"model": "fake-gated", "stream": True, "messages": [{"role": "user", "content": "hold"}]})
    conn.request("POST", "/v1/chat/completions", body=body, headers={
        "Authorization": f"Bearer {KEYS[PLAIN]}", "Content-Type": "application/json"})
    response = conn.getresponse()
    assert response.status == 200
    assert fake.first_chunk_sent.wait(10)
    assert in_flight(scrape(server.url)) >= idle + 1
    fake.release()
    assert b"[DONE]" in response.read()
    assert in_flight(get_metrics(conn)) == idle  # same connection: see `stream`


def test_provider_errors_fallbacks_and_error_codes(server):
    before = Scrape(scrape(server.url))
    fails(502, chat, server, PLAIN, model="fake-error-500")
    fails(400, chat, server, PLAIN, model="fake-error-400")
    fails(429, chat, server, PLAIN, model="fake-error-429")
    fails(502, chat, server, PLAIN, model="down-anything")
    assert chat(server, PLAIN, model="flaky-5xx").status_code == 200  # fake fails, backup answers
    after = Scrape(scrape(server.url))

    def grew(name: str, **labels: str) -> float:
        return after.value(name, **labels) - before.value(name, **labels)

    assert grew("privacy_gateway_provider_errors_total", provider="fake", code="upstream_unavailable") == 2
    assert grew("privacy_gateway_provider_errors_total", provider="fake", code="upstream_rejected") == 1
    assert grew("privacy_gateway_provider_errors_total", provider="fake", code="rate_limited") == 1
    assert grew("privacy_gateway_provider_errors_total", provider="down", code="upstream_unavailable") == 1
    assert grew("privacy_gateway_fallbacks_total", provider="fake", fallback="backup") == 1
    assert grew("privacy_gateway_errors_total", code="upstream_rejected") == 1  # not the provider's "bad_thing"
    assert grew("privacy_gateway_errors_total", code="upstream_unavailable") == 2
    assert grew("privacy_gateway_requests_total", tenant=PLAIN, endpoint=CHAT, status="502") == 2
    assert "bad_thing" not in after.label_values("code")


def test_a_stream_the_provider_breaks_off_is_counted(server):
    before = Scrape(scrape(server.url))
    with pytest.raises(openai.APIError):
        list(sdk(server, PLAIN).chat.completions.create(model="fake-break", stream=True,
                                                        messages=[{"role": "user", "content": "x"}]))
    after = Scrape(scrape(server.url))
    labels = {"endpoint": CHAT, "reason": "upstream_failed"}
    assert after.value("privacy_gateway_stream_interruptions_total", **labels) - before.value(
        "privacy_gateway_stream_interruptions_total", **labels) == 1
    labels = {"provider": "fake", "code": "upstream_unavailable"}
    assert after.value("privacy_gateway_provider_errors_total", **labels) - before.value(
        "privacy_gateway_provider_errors_total", **labels) == 1


def test_pii_entities_and_moderation_decisions(server):
    before = Scrape(scrape(server.url))
    assert chat(server, GUARDED, f"Write to {EMAIL} please").headers["x-gateway-redactions"] == "EMAIL_ADDRESS=1"
    assert chat(server, GUARDED, SELF_HARM).headers["x-gateway-moderation"] == "answered"
    fails(400, chat, server, STRICT, f"Write to {EMAIL} please")  # pii_blocked
    replaced = chat(server, GUARDED, BENIGN, model="fake-unsafe", **{"X-Gateway-Child": "true"})
    assert replaced.headers["x-gateway-moderation"] == "output_replaced"
    text = scrape(server.url)
    after = Scrape(text)
    value = after.value
    assert value("privacy_gateway_pii_entities_total", tenant=GUARDED, entity_type="EMAIL_ADDRESS",
                 action="placeholder") == 1
    assert value("privacy_gateway_pii_entities_total", tenant=STRICT, entity_type="EMAIL_ADDRESS", action="block") == 1
    assert value("privacy_gateway_moderation_decisions_total", tenant=GUARDED, action="allow") == 2
    answered = [labels["category"] for labels, v in after.samples["privacy_gateway_moderation_decisions_total"]
                if labels["tenant"] == GUARDED and labels["action"] == "answer" and v]
    assert answered and answered[0].startswith("self-harm")
    assert value("privacy_gateway_moderation_decisions_total", tenant=GUARDED, action="output_replaced") == 1
    for name in ("pii", "moderation"):
        assert value("privacy_gateway_filter_duration_seconds_count", filter=name) > before.value(
            "privacy_gateway_filter_duration_seconds_count", filter=name)
    assert EMAIL not in text and "photosynthesis" not in text


def test_failing_filters_are_counted_and_fail_closed(server):
    before = Scrape(scrape(server.url))
    fails(503, chat, server, FAILING)
    assert chat(server, LENIENT).headers["x-gateway-moderation"] == "unavailable"
    after = Scrape(scrape(server.url))
    assert after.value("privacy_gateway_filter_failures_total", filter="moderation") - before.value(
        "privacy_gateway_filter_failures_total", filter="moderation") == 1
    assert after.value("privacy_gateway_errors_total", code="privacy_filter_unavailable") - before.value(
        "privacy_gateway_errors_total", code="privacy_filter_unavailable") == 1
    assert after.value("privacy_gateway_moderation_decisions_total", tenant=LENIENT, category="none",
                       action="unavailable") == 1


def test_session_and_dataset_helpers_count_under_bounded_labels(server):
    metrics.count_session(PLAIN, "stored", "eligible")
    metrics.count_session(f"unknown-{RUN}", "discarded", "no_profile")
    metrics.count_dataset(PLAIN, "written", 3)
    metrics.count_dataset(PLAIN, "pulled", 0)
    text = scrape(server.url)
    after = Scrape(text)
    assert after.value("privacy_gateway_sessions_finalized_total", tenant=PLAIN, outcome="stored", reason="eligible") == 1
    assert after.value("privacy_gateway_dataset_records_total", tenant=PLAIN, operation="written") == 3
    assert after.value("privacy_gateway_dataset_records_total", tenant=PLAIN, operation="pulled") == 0
    assert f"unknown-{RUN}" not in text and after.has("privacy_gateway_sessions_finalized_total", tenant="other")
    assert metrics.tenant_label(None) == "none" and metrics.tenant_label(PLAIN) == PLAIN


def test_probes_and_scrapes_are_not_traffic(server):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    for path in ("/healthz", "/readyz", "/metrics"):
        conn.request("GET", path)
        response = conn.getresponse()
        assert response.status == 200 and response.read()
    endpoints = Scrape(scrape(server.url)).label_values("endpoint")
    assert not endpoints & {"healthz", "readyz", "metrics"}


def test_malformed_http_is_answered_in_openais_shape_without_echo(server):
    before = Scrape(scrape(server.url)).value("privacy_gateway_errors_total", code="malformed_http")
    secret = f"Zebulon{RUN}"
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(f"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nX-Name: {secret}\x01\r\n\r\n".encode())
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.") and b" 400 " in head.split(b"\r\n")[0]
    assert json.loads(body)["error"]["code"] == "malformed_http"
    assert secret.encode() not in answer
    after = Scrape(scrape(server.url)).value("privacy_gateway_errors_total", code="malformed_http")
    assert after - before == 1


def test_store_errors_are_counted_and_readyz_names_the_store(gateway_factory):
    def change(cfg):
        cfg["store"] = {"url": f"redis://127.0.0.1:{closed_port()}/0"}
        cfg["admin_key"] = "admin-key-0123456789"

    server = gateway_factory(change)
    before = Scrape(scrape(server.url))
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request("PUT", "/admin/v1/tenants/acme/users/someone", body=json.dumps({"training_consent": True}),
                 headers={"Authorization": "Bearer admin-key-0123456789", "Content-Type": "application/json"})
    refused = conn.getresponse()
    assert refused.status == 503 and json.loads(refused.read())["error"]["code"] == "store_unavailable"
    conn.request("GET", "/readyz")
    ready = conn.getresponse()
    assert ready.status == 503 and json.loads(ready.read())["checks"]["store"] == "unavailable: redis"
    after = Scrape(scrape(server.url))
    grown = {labels["operation"] for labels, v in after.samples["privacy_gateway_store_errors_total"]
             if v > before.value("privacy_gateway_store_errors_total", operation=labels["operation"])}
    assert grown and grown <= set(store_operations())
    assert after.value("privacy_gateway_errors_total", code="store_unavailable") > before.value(
        "privacy_gateway_errors_total", code="store_unavailable")


def test_healthz_and_readyz_per_the_contract(server):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request("GET", "/healthz")
    live = conn.getresponse()
    assert live.status == 200 and json.loads(live.read()) == {"status": "ok"}
    conn.request("GET", "/readyz")
    ready = conn.getresponse()
    assert ready.status == 200
    assert json.loads(ready.read()) == {"status": "ready", "checks": {
        "config": "ok", "providers": "ok", "detectors": "ok", "store": "ok"}}


def test_the_access_line_carries_ids_timings_and_counts_only(server, caplog):
    import logging

    from gateway.logs import JSONFormatter

    caplog.set_level(logging.INFO, logger="privacy_gateway.access")
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    stream(conn, GUARDED, f"Mail {EMAIL}", **{"X-Gateway-User": f"u-{RUN}"})
    conn.request("GET", "/healthz")  # same connection: the stream's access line is written
    assert conn.getresponse().read()
    lines = [json.loads(JSONFormatter().format(r)) for r in caplog.records if r.name == "privacy_gateway.access"]
    line = next(entry for entry in lines if entry.get("tenant") == GUARDED)
    assert line["event"] == "request" and line["endpoint"] == CHAT and line["status"] == 200
    assert line["provider"] == "fake" and line["stream"] is True and line["redactions"] == {"EMAIL_ADDRESS": 1}
    assert line["moderation"] == "allowed" and len(line["request_id"]) == 24
    assert 0 <= line["overhead_ms"] <= line["ms"] and 0 < line["ttft_ms"] <= line["ms"] and line["upstream_ms"] > 0
    raw = json.dumps(line)
    assert EMAIL not in raw and f"u-{RUN}" not in raw and "fake-model" not in raw

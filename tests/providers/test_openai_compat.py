"""The OpenAI-compatible provider over real HTTP: credentials, fallbacks, timeouts."""

from __future__ import annotations

import openai
import pytest

from tests.support.gateway import TENANT_KEY


@pytest.fixture
def client(gateway) -> openai.OpenAI:
    return openai.OpenAI(base_url=gateway.url + "/v1", api_key=TENANT_KEY, max_retries=0, timeout=20)


def test_a_keyless_provider_sends_no_credentials(client, fake):
    client.chat.completions.create(model="local-llm", messages=[{"role": "user", "content": "x"}])
    received = fake.last()
    assert received.body["model"] == "fake-local"
    assert "Authorization" not in received.headers and "api-key" not in received.headers


@pytest.mark.parametrize("model", ["flaky-5xx", "flaky-hang"], ids=["after a 5xx", "after a timeout"])
def test_the_fallback_provider_answers(client, fake, model):
    reply = client.chat.completions.create(model=model, messages=[{"role": "user", "content": "still there?"}])
    assert reply.choices[0].message.content == "still there?"  # the echo fallback answered
    assert len(fake.received) == 1  # the primary was tried once


def test_the_total_timeout_ends_a_stream_with_an_upstream_timeout_event(client, fake):
    stream = client.chat.completions.create(model="impatient-gated", messages=[{"role": "user", "content": "x"}],
                                            stream=True)
    with pytest.raises(openai.APIError, match="did not answer in time"):
        for _ in stream:
            pass

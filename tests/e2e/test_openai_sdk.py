"""The real openai SDK, unchanged but for its base URL, through a running gateway to the fake
provider over real HTTP: every endpoint, streaming included."""

from __future__ import annotations

import io

import openai
import pytest

from tests.support.clients import small_wav
from tests.support.fake_provider import ANSWER_PREFIX
from tests.support.gateway import AZURE_KEY, TENANT_KEY, UPSTREAM_KEY


@pytest.fixture
def client(gateway) -> openai.OpenAI:
    return openai.OpenAI(base_url=gateway.url + "/v1", api_key=TENANT_KEY, max_retries=0, timeout=10)


@pytest.fixture
def aclient(gateway) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(base_url=gateway.url + "/v1", api_key=TENANT_KEY, max_retries=0, timeout=10)


def test_sync_chat_answers_and_provider_gets_upstream_credentials(client, fake):
    reply = client.chat.completions.create(model="fake-model", messages=[{"role": "user", "content": "hello"}])
    assert reply.choices[0].message.content == ANSWER_PREFIX + "hello"
    received = fake.last()
    assert received.path == "/v1/chat/completions"
    assert received.headers["Authorization"] == f"Bearer {UPSTREAM_KEY}"
    assert TENANT_KEY not in str(received.headers)


async def test_async_chat_answers(aclient, fake):
    reply = await aclient.chat.completions.create(model="fake-model", messages=[{"role": "user", "content": "hi"}])
    assert reply.choices[0].message.content == ANSWER_PREFIX + "hi"


def test_streamed_chat_arrives_in_chunks_that_add_up(client, fake):
    stream = client.chat.completions.create(
        model="fake-model", messages=[{"role": "user", "content": "stream me please"}], stream=True
    )
    deltas = [chunk.choices[0].delta.content for chunk in stream if chunk.choices and chunk.choices[0].delta.content]
    assert len(deltas) > 3
    assert "".join(deltas) == ANSWER_PREFIX + "stream me please"


def test_first_streamed_chunk_reaches_client_before_provider_sends_its_last(client, fake):
    with client.chat.completions.create(
        model="fake-gated", messages=[{"role": "user", "content": "gated"}], stream=True
    ) as stream:
        first = next(iter(stream))
        # The provider is still holding the rest back: the gateway did not buffer the stream.
        assert first.choices[0].delta.role == "assistant"
        assert not fake.gate.is_set()
        fake.release()
        rest = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    assert rest == ANSWER_PREFIX + "gated"


def test_tool_calls_come_back_with_valid_arguments(client, fake):
    reply = client.chat.completions.create(
        model="fake-tools",
        messages=[{"role": "user", "content": "look it up"}],
        tools=[{"type": "function", "function": {"name": "lookup", "parameters": {"type": "object"}}}],
    )
    call = reply.choices[0].message.tool_calls[0]
    assert call.function.name == "lookup"
    assert '"query"' in call.function.arguments
    assert fake.last().body["tools"][0]["function"]["name"] == "lookup"


def test_responses_api_plain_and_streamed(client, fake):
    response = client.responses.create(model="fake-model", input="tell me")
    assert response.output_text == ANSWER_PREFIX + "tell me"
    events = list(client.responses.create(model="fake-model", input="tell me", stream=True))
    assert [e.type for e in events] == ["response.created", "response.output_text.delta", "response.completed"]


def test_legacy_completions(client, fake):
    reply = client.completions.create(model="fake-model", prompt="once upon")
    assert reply.choices[0].text == ANSWER_PREFIX + "once upon"


def test_embeddings(client, fake):
    result = client.embeddings.create(model="fake-embed", input=["a", "b"])
    assert [d.index for d in result.data] == [0, 1]
    assert fake.last().body["input"] == ["a", "b"]


def test_transcription_forwards_the_audio_bytes_and_hides_the_file_name(client, fake):
    audio = small_wav()
    result = client.audio.transcriptions.create(
        model="fake-whisper", file=("maria_lopez_voicemail.wav", audio, "audio/wav"), prompt="a lesson"
    )
    assert result.text == "transcribed audio"
    received = fake.last()
    assert received.path == "/v1/audio/transcriptions"
    filename, data = received.files["file"]
    assert data == audio
    assert filename == "audio.wav"
    assert received.body["prompt"] == "a lesson"
    assert received.body["model"] == "fake-whisper"


def test_translation(client, fake):
    result = client.audio.translations.create(model="fake-whisper", file=("a.wav", small_wav(), "audio/wav"))
    assert result.text == "transcribed audio"
    assert fake.last().path == "/v1/audio/translations"


def test_speech_audio_streams_back(client, fake):
    with client.audio.speech.with_streaming_response.create(model="fake-tts", voice="alloy", input="hello") as resp:
        assert resp.headers["content-type"] == "audio/mpeg"
        audio = b"".join(resp.iter_bytes())
    assert audio == b"".join(bytes([i]) * 1024 for i in range(4))


def test_moderations(client, fake):
    result = client.moderations.create(model="fake-moderation", input="some text")
    assert result.results[0].flagged is False


def test_models_lists_exact_names_and_aliases(client):
    ids = {m.id for m in client.models.list()}
    assert {"echo", "smart", "renamed", "azure-gpt"} <= ids
    assert not any("*" in i for i in ids)
    assert client.models.retrieve("smart").id == "smart"


def test_unknown_fields_and_nested_values_reach_the_provider_untouched(client, fake):
    extra = {"custom_field": {"nested": [1, 2.5, None, "é"]}, "metadata": {"k": "v"}, "seed": 7}
    client.chat.completions.create(
        model="fake-model", messages=[{"role": "user", "content": "x"}], extra_body=extra, temperature=0.3
    )
    body = fake.last().body
    for key, value in extra.items():
        assert body[key] == value
    assert body["temperature"] == 0.3


def test_alias_and_upstream_rename_change_only_the_model_sent(client, fake):
    client.chat.completions.create(model="smart", messages=[{"role": "user", "content": "x"}])
    assert fake.last().body["model"] == "fake-model"
    client.chat.completions.create(model="renamed", messages=[{"role": "user", "content": "x"}])
    assert fake.last().body["model"] == "fake-upstream-name"


def test_azure_deployment_url_api_version_and_api_key_header(client, fake):
    client.chat.completions.create(model="azure-gpt", messages=[{"role": "user", "content": "x"}])
    received = fake.last()
    assert received.path == "/openai/deployments/prod-gpt/chat/completions"
    assert received.query == {"api-version": "2024-10-21"}
    assert received.headers["api-key"] == AZURE_KEY
    assert "Authorization" not in received.headers


def test_gateway_headers_and_client_identity_do_not_reach_the_provider(gateway, fake):
    client = openai.OpenAI(
        base_url=gateway.url + "/v1", api_key=TENANT_KEY, max_retries=0,
        default_headers={"X-Gateway-User": "user-42", "X-Gateway-Session": "s-1", "Cookie": "sid=abc",
                         "X-Forwarded-For": "203.0.113.9"},
    )
    raw = client.chat.completions.with_raw_response.create(model="fake-model", messages=[{"role": "user", "content": "x"}])
    sent = {k.lower(): v for k, v in fake.last().headers.items()}
    for header in ("x-gateway-user", "x-gateway-session", "cookie", "x-forwarded-for"):
        assert header not in sent
    assert raw.headers["x-gateway-request-id"]
    assert UPSTREAM_KEY not in str(dict(raw.headers))


class TestEchoModel:
    def test_chat_echoes_what_the_provider_would_receive(self, client):
        reply = client.chat.completions.create(model="echo", messages=[{"role": "user", "content": "Hello there"}])
        assert reply.choices[0].message.content == "Hello there"

    def test_streamed_chat(self, client):
        stream = client.chat.completions.create(model="echo", messages=[{"role": "user", "content": "one two three"}],
                                                stream=True, stream_options={"include_usage": True})
        chunks = list(stream)
        assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == "one two three"
        assert chunks[-1].usage is not None

    def test_responses_streamed(self, client):
        events = list(client.responses.create(model="echo", input="hi you", instructions="be brief", stream=True))
        assert events[-1].type == "response.completed"
        assert events[-1].response.output_text == "be brief\nhi you"

    def test_completions_embeddings_speech_transcription(self, client):
        assert client.completions.create(model="echo", prompt="abc").choices[0].text == "abc"
        vectors = client.embeddings.create(model="echo", input=["a", "b"]).data
        assert len(vectors) == 2 and vectors[0].embedding != vectors[1].embedding
        audio = client.audio.speech.create(model="echo", voice="alloy", input="hello").read()
        assert audio[:4] == b"RIFF"
        text = client.audio.transcriptions.create(model="echo", file=("x.wav", small_wav()), prompt="p").text
        assert text == "p"

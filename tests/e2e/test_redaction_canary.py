"""Canary PII through every endpoint and text field, streaming and not: none of it reaches the
provider, and the client gets the originals back wherever the model echoed a placeholder."""

from __future__ import annotations

import json

import openai
import pytest

from tests.support.gateway import TENANT_KEY

NAME = "Zebulon Quartermaine"
EMAIL = "zq.canary@example.org"
CARD = "4111 1111 1111 1111"
IBAN = "GB82 WEST 1234 5698 7654 32"
CANARY = f"My name is {NAME}, email {EMAIL}, card {CARD}, IBAN {IBAN}."
VALUES = [NAME, "Zebulon", "Quartermaine", EMAIL, CARD, CARD.replace(" ", ""), IBAN, IBAN.replace(" ", "")]

POLICIES = {
    "open": {"name": "open", "version": "1", "filters": ["pii"]},
    "narrow": {"name": "narrow", "version": "1", "filters": []},
}


@pytest.fixture(scope="module")
def redacting_gateway(fake_server, tmp_path_factory):
    from tests.support.gateway import base_config, start_gateway

    server = start_gateway(tmp_path_factory.mktemp("canary"), base_config(fake_server[1].url), POLICIES)
    yield server
    server.stop()


@pytest.fixture
def client(redacting_gateway) -> openai.OpenAI:
    return openai.OpenAI(base_url=redacting_gateway.url + "/v1", api_key=TENANT_KEY, max_retries=0, timeout=30,
                         default_headers={"X-Gateway-Session": "canary-session"})


def assert_clean(fake) -> None:
    assert fake.received, "nothing reached the provider"
    for received in fake.received:
        sent = json.dumps(received.body, ensure_ascii=False)
        for value in VALUES:
            assert value not in sent, f"a canary value reached the provider via {received.path}"


def test_chat_every_role_and_tool_arguments(client, fake):
    reply = client.chat.completions.create(model="fake-model", messages=[
        {"role": "system", "content": f"The user is {NAME}."},
        {"role": "developer", "content": [{"type": "text", "text": f"Mail {EMAIL}"}]},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "c1", "type": "function", "function": {
            "name": "pay", "arguments": json.dumps({"card": CARD, "iban": IBAN})}}]},
        {"role": "tool", "tool_call_id": "c1", "content": f"Paid by {NAME}"},
        {"role": "user", "content": CANARY},
    ])
    assert_clean(fake)
    sent = fake.last().body["messages"]
    assert json.loads(sent[2]["tool_calls"][0]["function"]["arguments"]).keys() == {"card", "iban"}
    assert NAME in reply.choices[0].message.content and EMAIL in reply.choices[0].message.content


def test_chat_stream_restores_split_placeholders(client, fake):
    stream = client.chat.completions.create(model="fake-model", messages=[{"role": "user", "content": CANARY}],
                                            stream=True)
    text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    assert_clean(fake)
    assert text == "You said: " + CANARY


def test_tool_call_arguments_in_the_answer_are_restored_as_valid_json(client, fake):
    reply = client.chat.completions.create(model="fake-tools", messages=[{"role": "user", "content": CANARY}])
    assert_clean(fake)
    arguments = json.loads(reply.choices[0].message.tool_calls[0].function.arguments)
    assert arguments["query"] == "You said: " + CANARY


def test_responses_api_input_instructions_and_stream(client, fake):
    response = client.responses.create(model="fake-model", input=CANARY, instructions=f"Address {NAME} politely.")
    assert response.output_text == "You said: " + CANARY
    events = list(client.responses.create(model="fake-model", input=CANARY, stream=True))
    deltas = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    assert deltas == "You said: " + CANARY
    client.responses.create(model="fake-model", input=[
        {"role": "user", "content": [{"type": "input_text", "text": CANARY}]},
        {"type": "function_call_output", "call_id": "c", "output": f"found {EMAIL}"},
    ])
    assert_clean(fake)


def test_legacy_completions_embeddings_moderations_and_speech(client, fake):
    assert client.completions.create(model="fake-model", prompt=CANARY).choices[0].text == "You said: " + CANARY
    client.embeddings.create(model="fake-embed", input=[CANARY, NAME])
    client.moderations.create(model="fake-moderation", input=CANARY)
    client.audio.speech.create(model="fake-tts", voice="alloy", input=CANARY).read()
    assert_clean(fake)


def test_transcription_prompt(client, fake):
    from tests.e2e.test_openai_sdk import small_wav

    client.audio.transcriptions.create(model="fake-whisper", file=("a.wav", small_wav()), prompt=f"Speaker: {NAME}")
    assert_clean(fake)
    prompt = fake.last().body["prompt"]
    assert prompt.startswith("Speaker: <") and prompt.endswith(">")


def test_placeholders_stay_the_same_across_turns_of_a_session(client, fake):
    client.chat.completions.create(model="fake-model", messages=[{"role": "user", "content": f"I am {NAME}"}])
    first = fake.last().body["messages"][0]["content"]
    client.chat.completions.create(model="fake-model", messages=[{"role": "user", "content": f"Again, {NAME} here"}])
    second = fake.last().body["messages"][0]["content"]
    placeholder = first.split("I am ")[1]
    assert placeholder.startswith("<PERSON_") and placeholder in second


def test_echo_shows_the_redacted_text_and_the_redaction_header(redacting_gateway):
    client = openai.OpenAI(base_url=redacting_gateway.url + "/v1", api_key=TENANT_KEY, max_retries=0)
    raw = client.chat.completions.with_raw_response.create(model="echo", messages=[{"role": "user", "content": CANARY}])
    content = raw.parse().choices[0].message.content
    assert NAME not in content and EMAIL not in content and "<PERSON_1>" in content
    assert "EMAIL_ADDRESS=1" in raw.headers["x-gateway-redactions"]

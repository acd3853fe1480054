"""Moderation through a running gateway with the real openai SDK: each action, child and adult
thresholds, the self-harm answer plain and streamed, output moderation for minors, the
provider backend and what happens when it is down, and `local-moderation`."""

from __future__ import annotations

import openai
import pytest

from tests.support.fake_provider import FLAG_MARKER
from tests.support.gateway import NARROW_KEY, TENANT_KEY, base_config, start_gateway

SELF_HARM = "I want to kill myself tonight. I have the pills ready and nothing helps anymore."
BENIGN = "Can you explain how photosynthesis turns light into sugar?"

ANSWERS = {"en": {"message": "You matter, and you don't have to face this alone.",
                  "resources": [{"name": "Crisis line", "contact": "call 988"}]}}


def audiences(adult: dict, minor: dict, child: dict) -> dict:
    return {"adult": adult, "minor": minor, "child": child}


LOCAL = {
    "backend": "local",
    "answers": ANSWERS,
    "audiences": audiences(
        {"default": {"threshold": 0.9, "action": "flag"},
         "rules": {"self-harm": {"threshold": 0.5, "action": "answer"},
                   "self-harm/intent": {"threshold": 0.5, "action": "answer"}}},
        {"default": {"threshold": 0.6, "action": "block"},
         "rules": {"self-harm": {"threshold": 0.5, "action": "answer"}}},
        {"default": {"threshold": 0.3, "action": "block"},
         "rules": {"self-harm": {"threshold": 0.3, "action": "answer"}}},
    ),
    "moderate_output_for": ["minor", "child"],
    "output_replacement": {"en": "Let's talk about something else."},
}
PROVIDER = {**LOCAL, "backend": "provider", "provider_model": "fake-moderation",
            "audiences": audiences(*[{"default": {"threshold": 0.5, "action": "block"}}] * 3),
            "moderate_output_for": [], "on_backend_failure": "allow"}
DOWN = {**PROVIDER, "provider_model": "down-moderation"}

POLICIES = {
    "open": {"name": "open", "version": "1", "filters": ["moderation"], "moderation": LOCAL},
    "narrow": {"name": "narrow", "version": "1", "filters": ["pii", "moderation"], "moderation": PROVIDER},
}


@pytest.fixture(scope="module")
def moderated(fake_server, tmp_path_factory):
    server = start_gateway(tmp_path_factory.mktemp("moderation"), base_config(fake_server[1].url), POLICIES)
    yield server
    server.stop()


def sdk(server, key=TENANT_KEY, child=False) -> openai.OpenAI:
    headers = {"X-Gateway-Child": "true"} if child else {}
    return openai.OpenAI(base_url=server.url + "/v1", api_key=key, max_retries=0, timeout=30, default_headers=headers)


def ask(client, text, model="fake-model", **kwargs):
    return client.chat.completions.with_raw_response.create(
        model=model, messages=[{"role": "user", "content": text}], **kwargs)


def test_benign_text_is_forwarded_and_marked_allowed(moderated, fake):
    raw = ask(sdk(moderated), BENIGN)
    assert raw.headers["x-gateway-moderation"] == "allowed"
    assert fake.last().body["messages"][0]["content"] == BENIGN


def test_self_harm_gets_the_caring_answer_and_no_model_is_called(moderated, fake):
    reply = ask(sdk(moderated), SELF_HARM).parse()
    assert "You matter" in reply.choices[0].message.content and "988" in reply.choices[0].message.content
    assert fake.received == []


def test_the_caring_answer_streams_when_the_request_streams(moderated, fake):
    stream = sdk(moderated).chat.completions.create(
        model="fake-model", messages=[{"role": "user", "content": SELF_HARM}], stream=True)
    text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    assert "You matter" in text and fake.received == []


def test_self_harm_outside_chat_is_refused_with_the_help_resources(moderated, fake):
    with pytest.raises(openai.BadRequestError) as raised:
        sdk(moderated).responses.create(model="fake-model", input=SELF_HARM)
    assert raised.value.code == "content_policy_violation"
    assert "988" in raised.value.message and "pills" not in raised.value.message
    assert fake.received == []


def test_a_child_gets_the_stricter_thresholds(moderated, fake):
    text = "That idiot in my class is so stupid, I hate him and want to punch his face."
    adult = ask(sdk(moderated), text)
    assert adult.headers["x-gateway-moderation"] in ("allowed",) or adult.headers["x-gateway-moderation"].startswith("flagged")
    with pytest.raises(openai.BadRequestError) as raised:
        ask(sdk(moderated, child=True), text)
    assert raised.value.code == "content_policy_violation"
    assert "punch" not in raised.value.message and "Categories:" in raised.value.message


def test_answers_to_children_are_checked_and_unsafe_text_is_replaced(moderated, fake):
    reply = ask(sdk(moderated, child=True), BENIGN, model="fake-unsafe")
    assert reply.headers["x-gateway-moderation"] == "output_replaced"  # the input was fine, the answer not
    content = reply.parse().choices[0].message.content
    assert "pills" not in content and "Let's talk about something else." in content


def test_streamed_answers_to_children_are_checked_in_windows(moderated, fake):
    stream = sdk(moderated, child=True).chat.completions.create(
        model="fake-unsafe", messages=[{"role": "user", "content": BENIGN}], stream=True)
    text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    assert "pills" not in text and "Let's talk about something else." in text


def test_answers_to_adults_are_not_rewritten(moderated, fake):
    reply = ask(sdk(moderated), BENIGN, model="fake-unsafe").parse()
    assert "pills" in reply.choices[0].message.content


def test_the_provider_backend_decides_and_is_sent_redacted_text_only(moderated, fake):
    client = sdk(moderated, key=NARROW_KEY)
    with pytest.raises(openai.BadRequestError):
        ask(client, f"My name is Zebulon Quartermaine. The {FLAG_MARKER} exploded in the kitchen.")
    [moderation_call] = fake.received
    assert moderation_call.path == "/v1/moderations"
    assert "Zebulon" not in str(moderation_call.body) and FLAG_MARKER in str(moderation_call.body)
    fake.reset()
    assert ask(client, BENIGN).headers["x-gateway-moderation"] == "allowed"
    assert [r.path for r in fake.received] == ["/v1/moderations", "/v1/chat/completions"]


@pytest.mark.parametrize("child,status", [(False, 200), (True, 503)], ids=["adult: let through", "child: fail closed"])
def test_a_moderation_provider_that_is_down_follows_the_policy(fake_server, tmp_path, fake, child, status):
    policies = {**POLICIES, "open": {"name": "open", "version": "1", "filters": ["moderation"], "moderation": DOWN}}
    config = base_config(fake_server[1].url)
    config["models"]["routes"].append({"match": "down-moderation", "provider": "down"})
    server = start_gateway(tmp_path, config, policies)
    try:
        client = sdk(server, child=child)
        if status == 200:
            assert ask(client, BENIGN).headers["x-gateway-moderation"] == "unavailable"
        else:
            with pytest.raises(openai.InternalServerError) as raised:
                ask(client, BENIGN)
            assert raised.value.code == "privacy_filter_unavailable"
            assert fake.received == []
    finally:
        server.stop()


def test_local_moderation_answers_the_moderations_endpoint_in_openais_shape(moderated, fake):
    raw = sdk(moderated).moderations.with_raw_response.create(model="local-moderation", input=[SELF_HARM, BENIGN])
    result = raw.parse()
    assert [r.flagged for r in result.results] == [True, False]
    assert result.results[0].categories.self_harm is True
    assert len(raw.http_response.json()["results"][0]["category_scores"]) == 13
    assert fake.received == []

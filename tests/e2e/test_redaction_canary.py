"""Canary PII through every endpoint and text field, streaming and not: none of it reaches the
provider, and the client gets the originals back wherever the model echoed a placeholder."""

from __future__ import annotations

import asyncio
import json

import openai
import pytest

from tests.support.gateway import NARROW_KEY, TENANT_KEY

NAME = "Zebulon Quartermaine"
EMAIL = "zq.canary@example.org"
CARD = "4111 1111 1111 1111"
IBAN = "GB82 WEST 1234 5698 7654 32"
CANARY = f"My name is {NAME}, email {EMAIL}, card {CARD}, IBAN {IBAN}."
VALUES = [NAME, "Zebulon", "Quartermaine", EMAIL, CARD, CARD.replace(" ", ""), IBAN, IBAN.replace(" ", "")]

POLICIES = {
    "open": {"name": "open", "version": "1", "filters": ["pii"]},
    "narrow": {"name": "narrow", "version": "1", "filters": ["pii"],
               "pii": {"restore": False, "end_user_ids": "keep", "user_location": "keep"}},
}
NAMES = ["Zebulon Quartermaine", "Ophelia Vandergrift", "Thaddeus Whitlock", "Marisol Echeverria",
         "Bartholomew Finch", "Ingrid Solberg", "Cornelius Abernathy", "Priyanka Raghunathan",
         "Desmond Okafor", "Lucinda Hargreave", "Evander Castellano", "Wilhelmina Dunmore",
         "Rasmus Lindqvist", "Genevieve Thibodeaux", "Ignatius Pemberton", "Soledad Montenegro"]


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


BARE = {"customerName": "Zebulon", "phone": "5551234", "username": "zq_canary88", "password": "hunter2!x",
        "dob": "2011-03-14", "city": "Quartermaine Falls", "notes": "no context here"}


def test_bare_values_are_typed_by_the_field_names_the_app_chose(client, fake):
    # No sentence around "5551234" or "hunter2!x" tells a recognizer what they are; their
    # fields do: in a function's arguments, a stored prompt's variables and the metadata.
    client.chat.completions.create(model="fake-model", metadata={"phone": "5551234"}, messages=[
        {"role": "assistant", "content": None, "tool_calls": [{"id": "c1", "type": "function", "function": {
            "name": "book", "arguments": json.dumps({"customer": BARE, "guests": [{"first_name": "Ophelia"}]})}}]},
        {"role": "tool", "tool_call_id": "c1", "content": "booked"},
        {"role": "user", "content": "Thanks"},
    ])
    sent = fake.last().body
    arguments = json.loads(sent["messages"][0]["tool_calls"][0]["function"]["arguments"])
    for field, value in BARE.items():
        if field != "notes":
            assert value not in json.dumps(sent), field
            assert arguments["customer"][field].startswith("<"), field
    assert arguments["customer"]["notes"] == "no context here"  # analysed as text: nothing in it
    assert arguments["guests"][0]["first_name"].startswith("<PERSON_")
    assert sent["metadata"]["phone"].startswith("<PHONE_NUMBER_")
    client.responses.create(model="fake-model", prompt={"id": "pmpt_1", "variables": {"student_id": "A-99881"}})
    assert "A-99881" not in json.dumps(fake.last().body)


def test_a_tools_json_result_reaches_the_provider_redacted_value_by_value_and_still_json(client, fake):
    # As prose, a compact record's keys and quotes ran into the names and numbers around them
    # ('"<STREET_ADDRESS>Aigerim"'): the provider got broken JSON.
    record = {"id": 48213, "first_name": "Aigerim", "customer": BARE, "address": {
        "street": "Abay Ave 10, apt 5", "city": "Almaty", "zip": "050000"}, "history": [{"note": f"Called {NAME}"}]}
    client.chat.completions.create(model="fake-model", messages=[
        {"role": "assistant", "content": None, "tool_calls": [{"id": "c1", "type": "function", "function": {
            "name": "lookup", "arguments": "{}"}}]},
        {"role": "tool", "tool_call_id": "c1", "content": json.dumps(record, separators=(",", ":"))},
        {"role": "user", "content": "Summarise the record."},
    ])
    assert_clean(fake)
    sent = json.loads(fake.last().body["messages"][1]["content"])
    assert sent["id"] == 48213 and sent["customer"]["notes"] == "no context here"
    assert sent["first_name"].startswith("<PERSON_") and sent["address"]["street"].startswith("<STREET_ADDRESS_")
    for field, value in BARE.items():
        if field != "notes":
            assert sent["customer"][field].startswith("<") and value not in json.dumps(sent), field
    client.responses.create(model="fake-model", input=[
        {"type": "function_call", "call_id": "c2", "name": "lookup", "arguments": "{}"},
        {"type": "function_call_output", "call_id": "c2", "output": json.dumps(record)}])
    assert_clean(fake)
    output = json.loads(fake.last().body["input"][1]["output"])
    assert output["customer"]["username"].startswith("<USERNAME_")


def test_participant_names_and_predicted_output_reach_the_provider_redacted(client, fake):
    client.chat.completions.create(model="fake-model", prediction={"type": "content", "content": CANARY}, messages=[
        {"role": "user", "name": "Zebulon_Quartermaine", "content": "Rewrite my letter, please."},
        {"role": "user", "name": "zq.canary", "content": [{"type": "text", "text": "Me too."}]},
    ])
    sent = fake.last().body
    names = [m["name"] for m in sent["messages"]]
    assert all(n.startswith("PERSON_") and "<" not in n and " " not in n for n in names)
    assert names[0] != names[1]  # two participants stay two
    assert "Zebulon" not in json.dumps(sent) and "zq.canary" not in json.dumps(sent)
    assert "<EMAIL_ADDRESS_" in sent["prediction"]["content"]
    assert_clean(fake)


def test_end_user_identifiers_leave_pseudonymised_and_metadata_redacted(client, fake):
    for _ in range(2):
        client.chat.completions.create(
            model="fake-model", messages=[{"role": "user", "content": "Hello"}], user=EMAIL,
            safety_identifier=NAME, prompt_cache_key=f"cache-{EMAIL}", metadata={"customer": NAME, "mail": EMAIL})
    first, second = (r.body for r in fake.received[-2:])
    for key in ("user", "safety_identifier", "prompt_cache_key"):
        assert first[key].startswith("pg-") and first[key] == second[key]  # stable: abuse monitoring still works
    assert first["user"] != first["safety_identifier"]
    assert first["metadata"]["mail"].startswith("<EMAIL_ADDRESS_") and set(first["metadata"]) == {"customer", "mail"}
    client.responses.create(model="fake-model", input="Hello", user=EMAIL, metadata={"who": NAME})
    client.embeddings.create(model="fake-embed", input="Hello", user=EMAIL)
    client.completions.create(model="fake-model", prompt="Hello", user=NAME)
    assert_clean(fake)


def test_a_web_searchs_user_location_and_built_in_tool_calls_sent_back_reach_the_provider_redacted(client, fake):
    location = {"city": "Zebulonburg", "region": "Quartermaine Vale", "country": "GB", "timezone": "Europe/London"}
    client.chat.completions.create(model="fake-model", messages=[{"role": "user", "content": "Weather today?"}],
                                   web_search_options={"user_location": {"type": "approximate", "approximate": location}})
    sent = fake.last().body["web_search_options"]["user_location"]["approximate"]
    client.chat.completions.create(model="fake-model", messages=[
        {"role": "user", "content": "Where does my colleague live?"},
        {"role": "assistant", "content": None, "refusal": f"I can't share where {NAME} lives."},
        {"role": "user", "content": "Fine."}])
    assert "<PERSON_" in fake.last().body["messages"][1]["refusal"]
    assert sent["city"].startswith("<LOCATION_") and sent["timezone"].startswith("<LOCATION_") and sent["country"] == "GB"
    client.responses.create(model="fake-model", input=[
        {"type": "web_search_call", "id": "ws_1", "status": "completed",
         "action": {"type": "search", "query": f"where does {NAME} live"}},
        {"type": "code_interpreter_call", "id": "ci_1", "status": "completed", "container_id": "cntr_1",
         "code": f"send('{EMAIL}')", "outputs": [{"type": "logs", "logs": f"sent to {EMAIL}"}]},
        {"type": "shell_call_output", "call_id": "sh_1",
         "output": [{"stdout": f"{NAME} <{EMAIL}>", "stderr": "", "outcome": {"type": "exit", "exit_code": 0}}]},
        {"type": "computer_call", "call_id": "cu_1", "id": "cu_1", "status": "completed", "pending_safety_checks": [],
         "action": {"type": "type", "text": CARD}},
        {"role": "user", "content": "And the weather there?"},
    ], tools=[{"type": "web_search_preview", "user_location": {"type": "approximate", **location}}])
    body = json.dumps(fake.last().body)
    assert "Zebulonburg" not in body and "Quartermaine" not in body and "London" not in body
    assert_clean(fake)


def test_responses_items_of_types_the_gateway_does_not_know_reach_the_provider_redacted(client, fake):
    client.responses.create(model="fake-model", input=[
        {"type": "program", "id": "pg_1", "call_id": "pc_1", "code": f"notify('{EMAIL}')"},
        {"type": "program_output", "id": "po_1", "call_id": "pc_1", "result": f"{NAME} notified", "status": "completed"},
        {"type": "mcp_approval_response", "approval_request_id": "ap_1", "approve": False, "reason": f"not {NAME}'s"},
        {"type": "a_future_item", "id": "fi_1", "payload": {"text": CANARY, "tags": [CARD]}},
        {"role": "user", "content": [{"type": "a_future_part", "note": IBAN}]},
    ])
    sent = fake.last().body["input"]
    assert sent[3]["id"] == "fi_1" and "<PERSON_" in sent[3]["payload"]["text"]
    assert_clean(fake)


def test_a_tenant_may_keep_end_user_identifiers_and_a_web_searchs_user_location(redacting_gateway, fake):
    narrow = openai.OpenAI(base_url=redacting_gateway.url + "/v1", api_key=NARROW_KEY, max_retries=0, timeout=30)
    location = {"type": "approximate", "approximate": {"city": "Leeds", "country": "GB"}}
    narrow.chat.completions.create(model="fake-model", messages=[{"role": "user", "content": "Hello"}], user="app-user-17",
                                   web_search_options={"user_location": location})
    assert fake.last().body["user"] == "app-user-17"
    assert fake.last().body["web_search_options"]["user_location"] == location


def test_pasted_whitespace_does_not_split_a_value_in_two(client, fake):
    pasted = "My  name  is  Zebulon  Quartermaine,\r\ncall me on +1\u00a0212\u00a0555\u00a00147."
    reply = client.chat.completions.create(model="fake-model", messages=[{"role": "user", "content": pasted}])
    sent = json.dumps(fake.last().body, ensure_ascii=False)
    assert "Quartermaine" not in sent and "Zebulon" not in sent and "0147" not in sent
    assert reply.choices[0].message.content == "You said: " + pasted


def test_chat_stream_restores_split_placeholders(client, fake):
    stream = client.chat.completions.create(model="fake-model", messages=[{"role": "user", "content": CANARY}],
                                            stream=True)
    text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    assert_clean(fake)
    assert text == "You said: " + CANARY


def test_placeholders_a_model_echoes_without_brackets_are_restored_whole_and_streamed(client, fake):
    reply = client.chat.completions.create(model="fake-bare", messages=[{"role": "user", "content": CANARY}])
    assert NAME in reply.choices[0].message.content and "PERSON_" not in reply.choices[0].message.content
    stream = client.chat.completions.create(model="fake-bare", stream=True, messages=[{"role": "user", "content": CANARY}])
    streamed = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    assert streamed == reply.choices[0].message.content
    assert_clean(fake)


def test_a_refusal_quoting_placeholders_is_restored_whole_and_streamed(client, fake):
    reply = client.chat.completions.create(model="fake-refusal", messages=[{"role": "user", "content": CANARY}])
    assert reply.choices[0].message.refusal == "You said: " + CANARY
    stream = client.chat.completions.create(model="fake-refusal", messages=[{"role": "user", "content": CANARY}],
                                            stream=True)
    assert "".join(c.choices[0].delta.refusal or "" for c in stream if c.choices) == "You said: " + CANARY
    assert_clean(fake)


def test_a_web_search_in_the_answer_shows_its_query_restored(client, fake):
    response = client.responses.create(model="fake-search", input=CANARY)
    assert response.output[0].type == "web_search_call" and response.output[0].action.query == "You said: " + CANARY
    completed = [e for e in client.responses.create(model="fake-search", input=CANARY, stream=True)
                 if e.type == "response.completed"]
    assert completed[0].response.output[0].action.query == "You said: " + CANARY
    assert_clean(fake)


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
    client.responses.create(model="fake-model", input="Write to our customer.",
                            prompt={"id": "pmpt_canary", "variables": {"customer": NAME, "email": EMAIL}})
    assert fake.last().body["prompt"]["variables"]["email"].startswith("<EMAIL_ADDRESS_")
    assert_clean(fake)


def test_legacy_completions_embeddings_moderations_and_speech(client, fake):
    assert client.completions.create(model="fake-model", prompt=CANARY).choices[0].text == "You said: " + CANARY
    client.embeddings.create(model="fake-embed", input=[CANARY, NAME])
    client.moderations.create(model="fake-moderation", input=CANARY)
    client.audio.speech.create(model="fake-tts", voice="alloy", input=CANARY).read()
    assert_clean(fake)


def test_transcription_prompt(client, fake):
    from tests.support.clients import small_wav

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


async def test_mappings_never_cross_sessions_or_tenants_under_concurrency(redacting_gateway, fake):
    """16 sessions named alike in two tenants, two concurrent requests each: every answer gets
    back its own name only, and the provider sees none."""

    async def talk(key: str, session: str, name: str) -> str:
        client = openai.AsyncOpenAI(base_url=redacting_gateway.url + "/v1", api_key=key, max_retries=0,
                                    timeout=60, default_headers={"X-Gateway-Session": session})
        reply = await client.chat.completions.create(
            model="fake-model", messages=[{"role": "user", "content": f"Hello, my name is {name} and I need help."}])
        await client.close()
        return reply.choices[0].message.content

    calls = []
    for i, name in enumerate(NAMES):
        key = TENANT_KEY if i % 2 == 0 else NARROW_KEY
        calls += [(key, f"s-{i // 2}", name)] * 2  # s-0 exists in both tenants, with other names
    answers = await asyncio.gather(*(talk(*call) for call in calls))
    for (key, _, name), answer in zip(calls, answers):
        others = [n for n in NAMES if n != name]
        if key == TENANT_KEY:
            assert name in answer and not any(n in answer for n in others)
        else:  # restoration off for this tenant: the answer keeps its placeholder
            assert "<PERSON_" in answer and not any(n in answer for n in NAMES)
    for first, second in zip(answers[::2], answers[1::2]):
        assert first == second  # both requests of a session agreed on the placeholder
    sent = json.dumps([r.body for r in fake.received])
    assert not any(n in sent for n in NAMES)


def test_no_canary_in_any_gateway_log_line_at_debug(client, fake, caplog):
    import logging

    from gateway.logs import JSONFormatter

    caplog.set_level(logging.DEBUG)
    client.chat.completions.create(model="fake-model", messages=[{"role": "user", "content": CANARY}])
    list(client.chat.completions.create(model="fake-model", messages=[{"role": "user", "content": CANARY}],
                                        stream=True))
    with pytest.raises(openai.APIStatusError):
        client.chat.completions.create(model="fake-error-400", messages=[{"role": "user", "content": CANARY}])
    formatter = JSONFormatter()
    # The openai client and the fake provider in this test process log bodies at DEBUG; the
    # gateway's own loggers, Presidio's and aiohttp's server side must not.
    ours = [r for r in caplog.records if r.name.split(".")[0] in ("privacy_gateway", "filters", "gateway",
                                                                   "presidio-analyzer", "aiohttp")]
    assert ours, "no gateway log records were captured"
    lines = "\n".join(formatter.format(r) for r in ours)
    for value in VALUES:
        assert value not in lines

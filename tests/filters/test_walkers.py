"""Walkers reach every text-bearing field of every endpoint, and write back valid bodies."""

from __future__ import annotations

import orjson
import pytest

from gateway import endpoints as ep
from gateway.auth import key_digest
from gateway.context import RequestContext, Tenant
from gateway.multipart import MultipartForm
from gateway.policy import Policy
from filters.walkers import collect

TENANT = Tenant("t", Policy(name="t", version="1"), key_digest("k"))


def ctx(endpoint, body=None, form=None) -> RequestContext:
    return RequestContext("r", endpoint, TENANT, "m", body=body, form=form)


CASES = [
    ("chat string content in every role", ep.CHAT,
     {"messages": [{"role": r, "content": f"{r} text"} for r in ("system", "developer", "user", "assistant", "tool")]},
     ["system text", "developer text", "user text", "assistant text", "tool text"]),
    ("chat content parts", ep.CHAT,
     {"messages": [{"role": "user", "content": [{"type": "text", "text": "part one"},
                                                  {"type": "image_url", "image_url": {"url": "x"}}]}]},
     ["part one"]),
    ("chat tool call arguments, inside the JSON", ep.CHAT,
     {"messages": [{"role": "assistant", "content": None, "tool_calls": [
         {"id": "c", "type": "function", "function": {"name": "f", "arguments": '{"to": "ana", "n": [1, "bo"]}'}}]}]},
     ["ana", "bo"]),
    ("chat an earlier answer's refusal sent back", ep.CHAT,
     {"messages": [{"role": "assistant", "content": None, "refusal": "I can't share Ana's address."}]},
     ["I can't share Ana's address."]),
    ("chat unparseable arguments as plain text", ep.CHAT,
     {"messages": [{"role": "assistant", "tool_calls": [{"function": {"arguments": '{"to": "ana'}}]}]},
     ['{"to": "ana']),
    ("responses string input and instructions", ep.RESPONSES, {"instructions": "be kind", "input": "hi"}, ["be kind", "hi"]),
    ("responses items", ep.RESPONSES,
     {"input": [{"role": "user", "content": [{"type": "input_text", "text": "q"}]},
                {"type": "function_call", "call_id": "c", "name": "f", "arguments": '{"a": "x"}'},
                {"type": "function_call_output", "call_id": "c", "output": "result"},
                {"role": "assistant", "content": [{"type": "output_text", "text": "earlier answer"}]}]},
     ["q", "x", "result", "earlier answer"]),
    ("responses items sent back from earlier turns: reasoning, MCP and shell output", ep.RESPONSES,
     {"input": [{"type": "reasoning", "id": "r", "summary": [{"type": "summary_text", "text": "thought"}]},
                {"type": "mcp_call", "id": "m", "name": "lookup", "server_label": "crm",
                 "arguments": '{"who": "ana"}', "output": "ana's record"},
                {"type": "local_shell_call_output", "id": "s", "output": "ls output"}]},
     ["thought", "ana", "ana's record", "ls output"]),
    ("responses built-in tool calls sent back: search queries, file results, code and logs, shell commands",
     ep.RESPONSES,
     {"input": [{"type": "web_search_call", "id": "w", "status": "completed",
                 "action": {"type": "search", "query": "ana ruiz leeds", "queries": ["ana", "ruiz"]}},
                {"type": "file_search_call", "id": "f", "queries": ["ana's file"],
                 "results": [{"file_id": "x", "text": "Ana Ruiz, 12 Oak St"}]},
                {"type": "code_interpreter_call", "id": "c", "code": "print('ana')",
                 "outputs": [{"type": "logs", "logs": "ana"}, {"type": "image", "url": "u"}]},
                {"type": "local_shell_call", "id": "s", "call_id": "s",
                 "action": {"type": "exec", "command": ["grep", "ana@x.io", "log"], "env": {}}}]},
     ["ana ruiz leeds", "ana", "ruiz", "ana's file", "Ana Ruiz, 12 Oak St", "print('ana')", "ana",
      "grep", "ana@x.io", "log"]),
    ("responses agent tools sent back: shell, computer typing, patches, tool search, agents", ep.RESPONSES,
     {"input": [{"type": "shell_call", "call_id": "s", "action": {"commands": ["cat ana.txt"]}},
                {"type": "shell_call_output", "call_id": "s",
                 "output": [{"stdout": "Ana Ruiz", "stderr": "", "outcome": {"type": "exit", "exit_code": 0}}]},
                {"type": "computer_call", "call_id": "c", "action": {"type": "type", "text": "ana@x.io"},
                 "pending_safety_checks": []},
                {"type": "apply_patch_call", "call_id": "p", "status": "completed",
                 "operation": {"type": "update_file", "path": "a.md", "diff": "+Ana Ruiz"}},
                {"type": "apply_patch_call_output", "call_id": "p", "status": "completed", "output": "patched ana"},
                {"type": "tool_search_call", "call_id": "t", "arguments": {"query": "ana"}},
                {"type": "multi_agent_call", "call_id": "m", "arguments": '{"task": "mail ana"}'},
                {"type": "multi_agent_call_output", "call_id": "m", "output": [{"type": "output_text", "text": "done, ana"}]},
                {"type": "agent_message", "author": "a", "recipient": "b",
                 "content": [{"type": "input_text", "text": "ask ana"}]}]},
     ["cat ana.txt", "Ana Ruiz", "ana@x.io", "+Ana Ruiz", "patched ana", "ana", "mail ana", "done, ana", "ask ana"]),
    ("responses programs, their results and a refused MCP call's reason", ep.RESPONSES,
     {"input": [{"type": "program", "id": "p", "call_id": "c", "code": "mail('ana')", "fingerprint": "f0"},
                {"type": "program_output", "id": "o", "call_id": "c", "result": "mailed ana", "status": "completed"},
                {"type": "mcp_approval_response", "approval_request_id": "a", "approve": False,
                 "reason": "not Ana's calendar"}]},
     ["mail('ana')", "mailed ana", "not Ana's calendar"]),
    ("responses items of a type the walker does not know: every string but ids and states", ep.RESPONSES,
     {"input": [{"type": "future_call", "id": "x", "call_id": "c", "status": "completed",
                 "payload": {"note": "call ana", "to": ["ana@x.io"], "n": 3}},
                {"type": ["odd"], "content": "ana again"}]},
     ["call ana", "ana@x.io", "ana again"]),
    ("responses items with nothing anyone wrote: references, encrypted state, tool lists", ep.RESPONSES,
     {"input": [{"type": "item_reference", "id": "msg_1"}, {"type": "compaction", "encrypted_content": "gAAA"},
                {"type": "mcp_list_tools", "server_label": "crm", "tools": [{"name": "t", "description": "d"}]},
                {"role": "user", "content": "hi"}]},
     ["hi"]),
    ("content parts of a type the walker does not know, or with a misshapen text", ep.CHAT,
     {"messages": [{"role": "user", "content": [{"type": "input_note", "id": "n1", "note": "ana's note"},
                                                  {"type": "text", "text": {"value": "ana inside"}},
                                                  {"text": "no type at all"}]}]},
     ["ana's note", "ana inside", "no type at all"]),
    ("responses reusable prompt variables, strings and text parts", ep.RESPONSES,
     {"prompt": {"id": "pmpt_1", "variables": {"customer": "Ana Ruiz", "note": {"type": "input_text", "text": "vip"}}},
      "input": "hello"},
     ["Ana Ruiz", "vip", "hello"]),
    ("legacy prompt string", ep.COMPLETIONS, {"prompt": "once", "suffix": "end"}, ["once", "end"]),
    ("legacy prompt list", ep.COMPLETIONS, {"prompt": ["a", "b"]}, ["a", "b"]),
    ("embeddings strings", ep.EMBEDDINGS, {"input": ["a", "b"]}, ["a", "b"]),
    ("moderation parts", ep.MODERATIONS, {"input": [{"type": "text", "text": "t"}, {"type": "image_url"}]}, ["t"]),
    ("speech input", ep.SPEECH, {"input": "say this", "voice": "alloy"}, ["say this"]),
    ("the app's metadata values", ep.CHAT,
     {"metadata": {"customer": "Ana Ruiz", "n": 3}, "messages": [{"role": "user", "content": "hi"}]}, ["Ana Ruiz", "hi"]),
]


@pytest.mark.parametrize("name,endpoint,body,texts", CASES, ids=[c[0] for c in CASES])
def test_walkers_find_every_text(name, endpoint, body, texts):
    assert collect(ctx(endpoint, body)).texts == texts


def test_predicted_output_content_is_text_too():
    body = {"prediction": {"type": "content", "content": [{"type": "text", "text": "old draft"}]},
            "messages": [{"role": "user", "content": "rewrite"}]}
    assert collect(ctx(ep.CHAT, body)).texts == ["old draft", "rewrite"]


def test_participant_names_are_collected_but_function_names_are_not():
    body = {"messages": [{"role": "user", "name": "ana_b", "content": "hi"},
                         {"role": "assistant", "name": "Helper", "content": "hello"},
                         {"role": "function", "name": "get_weather", "content": "sunny"}]}
    assert [c[k] for c, k in collect(ctx(ep.CHAT, body)).names] == ["ana_b", "Helper"]


@pytest.mark.parametrize(("endpoint", "body"), [
    (ep.CHAT, {"messages": [], "web_search_options": {"user_location": {"type": "approximate", "approximate": {
        "city": "Leeds", "region": "West Yorkshire", "country": "GB", "timezone": "Europe/London"}}}}),
    (ep.RESPONSES, {"input": "x", "tools": [{"type": "function", "name": "f"}, {
        "type": "web_search_preview", "user_location": {
            "type": "approximate", "city": "Leeds", "region": "West Yorkshire", "country": "GB", "timezone": "Europe/London"}}]}),
])
def test_a_web_searchs_user_location_is_collected_as_places_but_its_country_code_is_not(endpoint, body):
    slots = collect(ctx(endpoint, body))
    assert [c[k] for c, k in slots.places] == ["Leeds", "West Yorkshire", "Europe/London"]
    assert slots.texts == (["x"] if endpoint is ep.RESPONSES else [])


@pytest.mark.parametrize("endpoint", [ep.CHAT, ep.RESPONSES, ep.COMPLETIONS, ep.EMBEDDINGS])
def test_end_user_identifiers_are_collected_apart_from_the_texts(endpoint):
    body = {"user": "ana@example.org", "safety_identifier": "ana-1", "prompt_cache_key": "k-ana", "input": "x"}
    slots = collect(ctx(endpoint, body))
    assert [c[k] for c, k in slots.identifiers] == ["ana@example.org", "ana-1", "k-ana"]
    assert "ana@example.org" not in slots.texts


def test_values_under_the_apps_own_field_names_are_collected_with_their_field():
    body = {"metadata": {"phone": "555"}, "messages": [{"role": "assistant", "tool_calls": [{"function": {
        "arguments": '{"guest": {"first_name": "Ana", "tags": ["vip"]}, "n": 3}'}}]}]}
    slots = collect(ctx(ep.CHAT, body))
    assert sorted((slots.texts[i], name) for i, name in slots.fields) == [
        ("555", "phone"), ("Ana", "first_name"), ("vip", "tags")]
    variables = {"prompt": {"id": "p", "variables": {"customer": "Ana"}}, "input": "hi"}
    slots = collect(ctx(ep.RESPONSES, variables))
    assert [(slots.texts[i], name) for i, name in slots.fields] == [("Ana", "customer")]
    # an item of a type the walker does not know: its keys are the API's, not the app's
    unknown = {"input": [{"type": "new_kind", "name": "get_weather", "text": "Ana"}]}
    assert collect(ctx(ep.RESPONSES, unknown)).fields == []


def test_writing_back_keeps_tool_arguments_valid_json_and_other_fields_untouched():
    body = {"messages": [{"role": "assistant", "tool_calls": [{"function": {"arguments": '{"to": "ana", "k": 3}'}}]}],
            "custom": {"x": 1}}
    slots = collect(ctx(ep.CHAT, body))
    slots.write(['<PERSON_1> "quoted"'])
    arguments = body["messages"][0]["tool_calls"][0]["function"]["arguments"]
    assert orjson.loads(arguments) == {"to": '<PERSON_1> "quoted"', "k": 3}
    assert body["custom"] == {"x": 1}


@pytest.mark.parametrize("endpoint,body,container", [
    (ep.CHAT, {"messages": [{"role": "tool", "tool_call_id": "c", "content": None}]},
     lambda b: (b["messages"][0], "content")),
    (ep.CHAT, {"messages": [{"role": "user", "content": [{"type": "text", "text": None}]}]},
     lambda b: (b["messages"][0]["content"][0], "text")),
    (ep.RESPONSES, {"input": [{"type": "function_call_output", "call_id": "c", "output": None}]},
     lambda b: (b["input"][0], "output")),
])
def test_a_json_document_in_a_message_is_redacted_value_by_value_and_stays_json(endpoint, body, container):
    holder, key = container(body)
    holder[key] = ' {"customer": {"last_name": "Nurlanova", "id": 48213, "notes": ["prefers mail"]}} '
    slots = collect(ctx(endpoint, body))
    assert slots.texts == ["Nurlanova", "prefers mail"]
    assert [(slots.texts[i], name) for i, name in slots.fields] == [("Nurlanova", "last_name"), ("prefers mail", "notes")]
    slots.write(["<PERSON_1>", "prefers mail"])
    assert orjson.loads(holder[key]) == {"customer": {"last_name": "<PERSON_1>", "id": 48213, "notes": ["prefers mail"]}}


@pytest.mark.parametrize("text", ["[1] first point, {braces} later", "{not json}", "[]x", "[see above]"])
def test_text_that_only_looks_like_json_is_prose(text):
    body = {"messages": [{"role": "user", "content": text}]}
    assert collect(ctx(ep.CHAT, body)).texts == [text]


@pytest.mark.parametrize(
    "endpoint,body,non_text,tokens",
    [
        (ep.CHAT, {"messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {}}]}]}, 1, 0),
        (ep.RESPONSES, {"input": [{"role": "user", "content": [{"type": "input_image", "image_url": "u"}]}]}, 1, 0),
        (ep.EMBEDDINGS, {"input": [1, 2, 3]}, 0, 1),
        (ep.EMBEDDINGS, {"input": [[1, 2], [3]]}, 0, 2),
        (ep.COMPLETIONS, {"prompt": [101, 102]}, 0, 1),
        (ep.RESPONSES, {"input": [{"type": "computer_call_output", "call_id": "c", "output": {
            "type": "computer_screenshot", "image_url": "data:image/png;base64,iVBO"}},
            {"type": "image_generation_call", "id": "i", "result": "iVBORw0KGgo"}]}, 2, 0),
        (ep.RESPONSES, {"input": [{"type": "future_image", "image": "data:image/png;base64,iVBO"}]}, 1, 0),
    ],
)
def test_what_cannot_be_read_is_counted_for_the_policy(endpoint, body, non_text, tokens):
    slots = collect(ctx(endpoint, body))
    assert (slots.non_text_parts, slots.token_arrays) == (non_text, tokens)


def test_transcription_prompt_is_a_slot_and_the_audio_is_non_text():
    form = MultipartForm([("model", "whisper-1"), ("prompt", "names: Ana")])
    slots = collect(ctx(ep.TRANSCRIPTIONS, form=form))
    assert slots.texts == ["names: Ana"]
    slots.write(["names: <PERSON_1>"])
    assert form.get("prompt") == "names: <PERSON_1>"


@pytest.mark.parametrize("body", [
    {"input": "x", "tools": 5},
    {"input": "x", "tools": [{"type": "web_search", "user_location": "Leeds"}]},
    {"input": [{"type": "web_search_call", "action": None}, {"type": "computer_call", "action": ["a"]}], "tools": "x"},
])
def test_misshapen_tools_and_items_are_skipped_not_fatal(body):
    slots = collect(ctx(ep.RESPONSES, body))
    assert slots.places == [] and slots.texts in (["x"], [])

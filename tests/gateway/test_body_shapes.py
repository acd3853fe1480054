"""The fields the filters walk must have a JSON type they can read; anything else is a 400
naming the field, never a filter's 503 or text passed on unread."""

from __future__ import annotations

import pytest

from gateway import endpoints as ep
from gateway.body_shapes import check_body_shape
from gateway.errors import InvalidRequest

ACCEPTED = [
    ("chat as the SDK sends it", ep.CHAT,
     {"model": "m", "messages": [{"role": "system", "content": "be brief"},
                                 {"role": "user", "content": [{"type": "text", "text": "hi"},
                                                              {"type": "image_url", "image_url": {"url": "u"}}]},
                                 {"role": "assistant", "content": None, "refusal": None, "tool_calls": [
                                     {"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}]},
                                 {"role": "tool", "tool_call_id": "c", "content": "42"}],
      "metadata": {"k": "v"}, "user": "u1", "tools": [], "web_search_options": {}}),
    ("nulls anywhere", ep.CHAT, {"messages": [None, {"role": None, "content": None, "tool_calls": None}],
                                  "metadata": None, "prediction": None}),
    ("responses string input", ep.RESPONSES, {"input": "hi", "instructions": "x", "prompt": {"id": "p", "variables": {}}}),
    ("responses items of any type", ep.RESPONSES,
     {"input": [{"role": "user", "content": [{"type": "input_text", "text": "q"}]},
                {"type": "function_call_output", "call_id": "c", "output": [{"type": "output_text", "text": "r"}]},
                {"type": "a_future_item", "payload": 5}]}),
    ("legacy prompt tokens", ep.COMPLETIONS, {"prompt": [[1, 2], [3]], "suffix": None}),
    ("embeddings token arrays", ep.EMBEDDINGS, {"input": [1, 2, 3]}),
    ("moderation parts", ep.MODERATIONS, {"input": [{"type": "text", "text": "t"}, "plain"]}),
    ("an endpoint's unknown fields", ep.SPEECH, {"input": "say", "voice": {"id": "v"}, "anything": [1, {}]}),
]


@pytest.mark.parametrize("name,endpoint,body", ACCEPTED, ids=[c[0] for c in ACCEPTED])
def test_bodies_the_filters_can_read_are_accepted(name, endpoint, body):
    check_body_shape(endpoint, body)


REFUSED = [
    (ep.CHAT, {"messages": {"a": "Ana"}}, "messages", "an array"),
    (ep.CHAT, {"messages": ["Ana"]}, "messages[0]", "an object"),
    (ep.CHAT, {"messages": [{"role": ["user"]}]}, "messages[0].role", "a string"),
    (ep.CHAT, {"messages": [{"role": "user", "content": {"text": "Ana"}}]}, "messages[0].content", "a string or an array"),
    (ep.CHAT, {"messages": [{"role": "user", "content": [{"type": 1}]}]}, "messages[0].content[0].type", "a string"),
    (ep.CHAT, {"messages": [{"role": "assistant", "tool_calls": [{"function": {"arguments": {"to": "Ana"}}}]}]},
     "messages[0].tool_calls[0].function.arguments", "a string"),
    (ep.CHAT, {"messages": [], "metadata": ["Ana"]}, "metadata", "an object"),
    (ep.CHAT, {"messages": [], "user": 17}, "user", "a string"),
    (ep.CHAT, {"messages": [], "prediction": {"content": {"text": "Ana"}}}, "prediction.content", "a string or an array"),
    (ep.RESPONSES, {"input": {"text": "Ana"}}, "input", "a string or an array"),
    (ep.RESPONSES, {"input": [{"type": ["message"]}]}, "input[0].type", "a string"),
    (ep.RESPONSES, {"input": "x", "instructions": ["Ana"]}, "instructions", "a string"),
    (ep.RESPONSES, {"input": "x", "prompt": {"variables": ["Ana"]}}, "prompt.variables", "an object"),
    (ep.COMPLETIONS, {"prompt": {"a": "Ana"}}, "prompt", "a string or an array"),
    (ep.EMBEDDINGS, {"input": {"a": "Ana"}}, "input", "a string or an array"),
    (ep.SPEECH, {"input": ["Ana"]}, "input", "a string"),
]


@pytest.mark.parametrize("endpoint,body,param,expected", REFUSED, ids=[r[2] for r in REFUSED])
def test_a_field_of_another_type_is_refused_naming_it_and_never_quoting_it(endpoint, body, param, expected):
    with pytest.raises(InvalidRequest) as refused:
        check_body_shape(endpoint, body)
    assert refused.value.param == param and refused.value.error_code == "invalid_type"
    assert refused.value.message == f"'{param}' must be {expected}."

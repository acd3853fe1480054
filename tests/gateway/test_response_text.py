"""Response filters over every answer shape: whole JSON and SSE streams, with placeholders
split anywhere across chunks."""

from __future__ import annotations

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from filters.pii.restore import PlaceholderRestorer
from gateway import endpoints as ep
from gateway.auth import key_digest
from gateway.context import RequestContext, Tenant
from gateway.policy import Policy
from gateway.response_text import ResponseChain, StreamTransformer, transform_json
from gateway.sse import DONE_EVENT, SSEDecoder, SSEEvent, encode

MAPPING = {"<PERSON_1>": "Ana", "<EMAIL_ADDRESS_1>": 'a"b@x.io'}
ANSWER = 'Hello <PERSON_1>, I wrote to <EMAIL_ADDRESS_1>. Bye <PERSON_1>'
RESTORED = 'Hello Ana, I wrote to a"b@x.io. Bye Ana'
TENANT = Tenant("t", Policy(name="t", version="1"), key_digest("k"))


def chain(endpoint) -> ResponseChain:
    ctx = RequestContext("r", endpoint, TENANT, "m", response_filters=[PlaceholderRestorer(MAPPING)])
    return ResponseChain(ctx, ctx.response_filters)


def run(endpoint, events: list[bytes]) -> list[dict]:
    transformer = StreamTransformer(chain(endpoint))
    out = [b for e in events for b in transformer.events(SSEEvent(e))] + transformer.flush_all()
    decoded = [ev.json() for ev in SSEDecoder().feed(b"".join(out))]
    return [d for d in decoded if d is not None]


def splits(text: str, cuts: list[int]) -> list[str]:
    bounds = sorted({c for c in cuts if 0 < c < len(text)})
    return [text[a:b] for a, b in zip([0, *bounds], [*bounds, len(text)])]


def chat_chunk(delta: dict, finish=None, index=0) -> bytes:
    return encode({"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m",
                   "choices": [{"index": index, "delta": delta, "finish_reason": finish}]})


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=len(ANSWER) - 1), max_size=12), st.booleans())
def test_streamed_chat_content_is_restored_exactly_for_any_split(cuts, finish_in_last_content_chunk):
    pieces = splits(ANSWER, cuts)
    events = [chat_chunk({"role": "assistant", "content": ""})]
    events += [chat_chunk({"content": p}) for p in pieces[:-1]]
    if finish_in_last_content_chunk:
        events += [chat_chunk({"content": pieces[-1]}, "stop")]
    else:
        events += [chat_chunk({"content": pieces[-1]}), chat_chunk({}, "stop")]
    events.append(DONE_EVENT)
    chunks = run(ep.CHAT, events)
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks)
    assert text == RESTORED
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=60), max_size=8))
def test_streamed_tool_call_arguments_stay_valid_json_with_values_escaped(cuts):
    arguments = '{"to": "<EMAIL_ADDRESS_1>", "name": "<PERSON_1>"}'
    events = [chat_chunk({"tool_calls": [{"index": 0, "id": "call", "type": "function",
                                          "function": {"name": "send", "arguments": ""}}]})]
    events += [chat_chunk({"tool_calls": [{"index": 0, "function": {"arguments": p}}]}) for p in splits(arguments, cuts)]
    events += [chat_chunk({}, "tool_calls"), DONE_EVENT]
    joined = "".join(tc["function"].get("arguments", "") for c in run(ep.CHAT, events)
                     for tc in c["choices"][0]["delta"].get("tool_calls") or [])
    assert orjson.loads(joined) == {"to": 'a"b@x.io', "name": "Ana"}


def test_parallel_choices_do_not_mix():
    events = [chat_chunk({"content": "<PERS"}, index=0), chat_chunk({"content": "<EMAIL_"}, index=1),
              chat_chunk({"content": "ON_1>"}, "stop", index=0),
              chat_chunk({"content": "ADDRESS_1>"}, "stop", index=1), DONE_EVENT]
    texts: dict[int, str] = {}
    for chunk in run(ep.CHAT, events):
        for choice in chunk["choices"]:
            texts[choice["index"]] = texts.get(choice["index"], "") + (choice["delta"].get("content") or "")
    assert texts == {0: "Ana", 1: 'a"b@x.io'}


def test_held_text_is_flushed_when_the_stream_ends_without_a_finish_reason():
    chunks = run(ep.CHAT, [chat_chunk({"content": "bye <PERSON_1"}), DONE_EVENT])
    assert "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks) == "bye <PERSON_1"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=len(ANSWER) - 1), max_size=10))
def test_responses_stream_deltas_and_done_events_are_restored(cuts):
    loc = {"item_id": "msg", "output_index": 0, "content_index": 0}
    events = [encode({"type": "response.output_text.delta", **loc, "delta": p}, "response.output_text.delta")
              for p in splits(ANSWER, cuts)]
    events.append(encode({"type": "response.output_text.done", **loc, "text": ANSWER}, "response.output_text.done"))
    message = {"type": "message", "content": [{"type": "output_text", "text": ANSWER}]}
    events.append(encode({"type": "response.completed", "response": {"output": [message]}}, "response.completed"))
    out = run(ep.RESPONSES, events)
    assert "".join(e["delta"] for e in out if e["type"] == "response.output_text.delta") == RESTORED
    assert [e["text"] for e in out if e["type"] == "response.output_text.done"] == [RESTORED]
    assert out[-1]["response"]["output"][0]["content"][0]["text"] == RESTORED


def test_completions_stream():
    base = {"id": "c", "object": "text_completion", "created": 1, "model": "m"}
    events = [encode({**base, "choices": [{"index": 0, "text": p, "finish_reason": f}]})
              for p, f in (("Dear <PER", None), ("SON_1> ok", "stop"))] + [DONE_EVENT]
    assert "".join(c["choices"][0]["text"] for c in run(ep.COMPLETIONS, events)) == "Dear Ana ok"


def test_whole_answers_of_every_shape():
    chat = {"choices": [{"index": 0, "message": {"role": "assistant", "content": ANSWER, "tool_calls": [
        {"id": "x", "type": "function", "function": {"name": "f", "arguments": '{"to": "<EMAIL_ADDRESS_1>"}'}}]}}]}
    transform_json(chain(ep.CHAT), chat)
    assert chat["choices"][0]["message"]["content"] == RESTORED
    assert orjson.loads(chat["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"]) == {"to": 'a"b@x.io'}
    completion = {"choices": [{"index": 0, "text": ANSWER}]}
    assert transform_json(chain(ep.COMPLETIONS), completion)["choices"][0]["text"] == RESTORED
    response = {"output": [{"type": "message", "content": [{"type": "output_text", "text": ANSWER}]},
                           {"type": "function_call", "arguments": '{"who": "<PERSON_1>"}'}]}
    transform_json(chain(ep.RESPONSES), response)
    assert response["output"][0]["content"][0]["text"] == RESTORED
    assert orjson.loads(response["output"][1]["arguments"]) == {"who": "Ana"}


def test_a_responses_stream_cut_before_its_done_events_still_delivers_held_text():
    events = [
        encode({"type": "response.output_text.delta", "item_id": "m", "output_index": 0, "content_index": 0,
                "delta": "Bye <PERSON_1"}, "response.output_text.delta"),
        encode({"type": "response.function_call_arguments.delta", "item_id": "f", "output_index": 1,
                "delta": '{"to": "<EMAIL_ADDRESS_1'}, "response.function_call_arguments.delta"),
    ]
    out = run(ep.RESPONSES, events)
    assert "".join(e["delta"] for e in out if e["type"] == "response.output_text.delta") == "Bye <PERSON_1"
    assert "".join(e["delta"] for e in out if e["type"] == "response.function_call_arguments.delta") == \
        '{"to": "<EMAIL_ADDRESS_1'


class _Guard:
    """A stand-in for the minors' output guard: records what it saw, replaces nothing."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def on_text(self, ctx, text, stream, escaped):  # noqa: ANN001, ANN201
        self.seen.append(text)
        return text

    def on_end(self, ctx, stream, escaped):  # noqa: ANN001, ANN201
        return ""


def test_response_filters_run_in_reverse_request_order_so_the_guard_never_sees_restored_values():
    guard = _Guard()
    ctx = RequestContext("r", ep.CHAT, TENANT, "m", response_filters=[PlaceholderRestorer(MAPPING), guard])
    assert ResponseChain(ctx, ctx.response_filters).whole(ANSWER) == RESTORED
    assert guard.seen == [ANSWER]

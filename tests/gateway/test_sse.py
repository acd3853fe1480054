"""The SSE decoder: whole events whatever the chunking, framing kept as the provider sent it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gateway.sse import DONE_EVENT, SSEDecoder, encode

STREAM = (
    b'data: {"a":1}\n\n'
    b"event: response.output_text.delta\ndata: {\"delta\":\"h\\u00e9\"}\n\n"
    b": keep-alive comment\n\n"
    b"data: line one\ndata: line two\n\n"
    + DONE_EVENT
)


def decode_all(chunks: list[bytes]) -> list[bytes]:
    decoder = SSEDecoder()
    events = [e.raw for chunk in chunks for e in decoder.feed(chunk)]
    return events + [e.raw for e in decoder.flush()]


def test_events_are_split_on_blank_lines():
    events = [e for e in decode_all([STREAM])]
    assert len(events) == 5
    assert events[0] == b'data: {"a":1}\n\n'


@given(st.lists(st.integers(min_value=0, max_value=len(STREAM)), max_size=12))
def test_any_chunking_yields_the_same_events(cuts):
    bounds = sorted(set(cuts))
    chunks = [STREAM[a:b] for a, b in zip([0, *bounds], [*bounds, len(STREAM)])]
    assert decode_all(chunks) == decode_all([STREAM])


def test_crlf_framing_is_normalised():
    assert decode_all([b"data: x\r\n\r\ndata: y\r\n\r\n"]) == [b"data: x\n\n", b"data: y\n\n"]


def test_a_last_event_without_its_blank_line_is_flushed():
    assert decode_all([b"data: x\n\ndata: tail"]) == [b"data: x\n\n", b"data: tail\n\n"]


def test_event_name_data_and_json_accessors():
    decoder = SSEDecoder()
    [event, done] = decoder.feed(encode({"k": "v"}, "response.completed") + DONE_EVENT)
    assert event.event == "response.completed"
    assert event.json() == {"k": "v"}
    assert done.data == b"[DONE]" and done.json() is None
    [multi] = decoder.feed(b"data: a\ndata:b\n\n")
    assert multi.data == b"a\nb"

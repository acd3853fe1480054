"""Placeholder restoration, whole and streamed: exact for every split of the answer."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filters.pii.restore import PlaceholderRestorer, restore, safe_end

MAPPING = {"<PERSON_1>": "Ana María", "<EMAIL_ADDRESS_1>": 'a"b@x.io', "<PERSON_12>": "Bo\\b"}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Hi <PERSON_1>!", "Hi Ana María!"),
        ("<PERSON_1><PERSON_1>", "Ana MaríaAna María"),
        ("unknown <PERSON_9> stays", "unknown <PERSON_9> stays"),
        ("not a placeholder <person_1>", "not a placeholder <person_1>"),
        ("<PERSON_12> and <PERSON_1>", "Bo\\b and Ana María"),
        ("a < b > c", "a < b > c"),
        # without its brackets, as models sometimes echo it
        ("Dear PERSON_1, write to EMAIL_ADDRESS_1.", 'Dear Ana María, write to a"b@x.io.'),
        ("PERSON_12 and PERSON_1", "Bo\\b and Ana María"),
        ("xPERSON_1 PERSON_1x PERSON_13 <PERSON_1 person_1", "xPERSON_1 PERSON_1x PERSON_13 <PERSON_1 person_1"),
    ],
)
def test_whole_text_restoration(text, expected):
    assert restore(text, MAPPING) == expected


def test_restored_values_are_json_escaped_inside_json_strings():
    arguments = '{"to": "<EMAIL_ADDRESS_1>", "name": "<PERSON_12>", "cc": "PERSON_1"}'
    assert orjson.loads(restore(arguments, MAPPING, escaped=True)) == {"to": 'a"b@x.io', "name": "Bo\\b", "cc": "Ana María"}


@pytest.mark.parametrize(
    "text,cut",
    [("hello", 5), ("hello <PER", 6), ("hello <", 6), ("x <PERSON_1", 2), ("x <PERSON_1>", 12),
     ("a <b", 4), ("<" + "A" * 80, 81), ("2 < 3", 5)],
)
def test_only_a_tail_that_may_become_a_placeholder_is_held(text, cut):
    assert safe_end(text) == cut


@pytest.mark.parametrize(
    "text,before,cut",
    [("Dear PERS", "", 5), ("Dear PERSON_1", "", 5), ("Dear PERSON_12", "", 5), ("PERS", "x", 4), ("PERS", " ", 0),
     ("the USA", "", 7), ("Hi P", "", 3)],
)
def test_a_tail_that_may_become_a_bare_placeholder_is_held(text, before, cut):
    # "PERSON_1" may yet become "PERSON_12", any one a "PERSON_123"; "PERS" after a letter starts none
    assert safe_end(text, tuple(k[1:-1] for k in MAPPING), before) == cut


pieces = st.lists(st.sampled_from(["Dear ", "<PERSON_1>", "<EMAIL_ADDRESS_1>", "<PERSON_12>", "<PERSON_9>",
                                   " < ", "x", "é", "\n", "<", ">", "_1", "PERSON", "PERSON_1", "EMAIL_ADDRESS_1",
                                   "PERSON_12", "2", "P", "ERSON"]), max_size=25)


@settings(max_examples=300, deadline=None)
@given(pieces, st.lists(st.integers(min_value=0, max_value=400), max_size=15), st.booleans())
def test_any_split_of_a_stream_restores_exactly_and_never_emits_part_of_a_placeholder(parts, cuts, escaped):
    text = "".join(parts)
    bounds = sorted({c for c in cuts if c <= len(text)})
    chunks = [text[a:b] for a, b in zip([0, *bounds], [*bounds, len(text)])]
    restorer = PlaceholderRestorer(MAPPING)
    emitted = [restorer.on_text(None, chunk, "s", escaped) for chunk in chunks]
    emitted.append(restorer.on_end(None, "s", escaped))
    assert "".join(emitted) == restore(text, MAPPING, escaped)
    # Equality with whole-text restoration is the whole property: a placeholder split across
    # emitted pieces would have gone out unrestored.


def test_parallel_streams_keep_their_own_tails():
    restorer = PlaceholderRestorer(MAPPING)
    assert restorer.on_text(None, "a <PER", "one") == "a "
    assert restorer.on_text(None, "b <EMAIL", "two") == "b "
    assert restorer.on_text(None, "SON_1>", "one") == "Ana María"
    assert restorer.on_end(None, "two") == "<EMAIL"

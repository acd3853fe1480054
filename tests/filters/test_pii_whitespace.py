"""Whitespace the tagger never learnt is analysed as it learnt it, and reported where it stands."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filters.pii import PIIEngine
from filters.pii.resolve import Detection
from filters.pii.whitespace import _UNLEARNT, _may_need_copy, normalise, to_original


@pytest.mark.parametrize(("text", "copy"), [
    ("Anna Smith\nBerlin", "Anna Smith\nBerlin"),  # nothing to do
    ("Anna Smith\r\nBerlin", "Anna Smith\nBerlin"),
    ("Anna Smith\rBerlin", "Anna Smith\nBerlin"),
    ("Anna\u00a0Smith", "Anna Smith"),
    ("Anna\tSmith", "Anna Smith"),
    ("Anna   Smith  lives here", "Anna Smith lives here"),
    ("Billing address:\n    28245 Puruntie 82", "Billing address:\n    28245 Puruntie 82"),  # indentation stays
    ("Name:\u2003Anna", "Name: Anna"),
    ("call 212\u2011555\u20110147", "call 212-555-0147"),  # a dash between digits is a hyphen
    ("pages 10\u201320 \u2014 see above", "pages 10-20 \u2014 see above"),  # elsewhere it stays
])
def test_the_copy_has_the_whitespace_the_tagger_learnt(text: str, copy: str) -> None:
    assert normalise(text).text == copy


def test_an_unchanged_text_needs_no_map() -> None:
    assert normalise("Anna Smith\nBerlin").positions is None


def test_offsets_go_back_to_the_text_as_written() -> None:
    text = "Hi  Anna\u00a0\u00a0Smith\r\nBerlin"
    copy = normalise(text)
    start = copy.text.index("Anna Smith")
    [found] = to_original(copy, [Detection("PERSON", start, start + len("Anna Smith"), 0.9)])
    assert text[found.start:found.end] == "Anna\u00a0\u00a0Smith"


@pytest.mark.parametrize(("text", "value", "entity"), [
    ("My name is Zebulon\u00a0Quartermaine.", "Zebulon\u00a0Quartermaine", "PERSON"),
    ("My  name  is  Zebulon  Quartermaine", "Zebulon  Quartermaine", "PERSON"),
    ("My name is Zebulon\tQuartermaine.", "Zebulon\tQuartermaine", "PERSON"),
    ("Call me at +1\u00a0212\u00a0555\u00a00147", "+1\u00a0212\u00a0555\u00a00147", "PHONE_NUMBER"),
    ("Call me at 212\u2011555\u20110147", "212\u2011555\u20110147", "PHONE_NUMBER"),
    ("My SSN is 536\u201322\u20131234.", "536\u201322\u20131234", "US_SSN"),
])
def test_a_name_or_number_split_by_odd_whitespace_is_found_whole(engine: PIIEngine, text: str, value: str,
                                                                 entity: str) -> None:
    [found] = engine.analyze_batch([text], entities=frozenset({entity}))
    assert [text[d.start:d.end] for d in found] == [value]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab 1.\n\t\r\x0b\x0c\x1c\x1f\u00a0\u2002\u2013-\u2212", max_size=12))
def test_the_quick_test_for_a_copy_agrees_with_the_full_expression(text: str) -> None:
    assert _may_need_copy(text) == (_UNLEARNT.search(text) is not None)

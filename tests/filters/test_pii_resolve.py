"""Overlap resolution (filters/pii/resolve.py): one detection per character, and nothing a
detector found is lost because another detection won the overlap."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from filters.pii.resolve import resolve_overlaps

ADDRESS_BLOCK = "Billing address: Tintin Forsberg\n    2437 Main St Suite 442\n   Mill Village"


def result(text: str, kind: str, value: str, score: float, occurrence: int = 0) -> RecognizerResult:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(value, start + 1)
    return RecognizerResult(kind, start, start + len(value), score)


CASES = [
    ("a validated street inside a tagger's longer address leaves the name above it covered",
     ADDRESS_BLOCK,
     [("STREET_ADDRESS", "Tintin Forsberg\n    2437 Main St Suite 442\n   Mill Village", 0.85),
      ("STREET_ADDRESS", "2437 Main St Suite 442", 1.0)],
     {("STREET_ADDRESS", "2437 Main St Suite 442"), ("STREET_ADDRESS", "Tintin Forsberg"),
      ("STREET_ADDRESS", "Mill Village")}),
    ("a longer name wins and a shorter one inside it adds nothing",
     "I met Anna Maria Kowalski today",
     [("PERSON", "Anna Maria Kowalski", 0.85), ("PERSON", "Maria", 0.6)],
     {("PERSON", "Anna Maria Kowalski")}),
    ("what is left of a loser is kept only where it holds a capital or a digit",
     "on my e-mail anna@example.com today",
     [("EMAIL_ADDRESS", "anna@example.com", 1.0), ("PERSON", "mail anna@example.com", 0.85)],
     {("EMAIL_ADDRESS", "anna@example.com")}),
    ("a loser's pieces on both sides of the winner are kept apart",
     "Jeremy Hartmann of Gradiant Research",
     [("PERSON", "Hartmann of Gradiant", 0.85), ("ORGANIZATION", "of Gradiant Research", 1.0),
      ("PERSON", "Jeremy Hartmann", 0.7)],
     {("ORGANIZATION", "of Gradiant Research"), ("PERSON", "Jeremy Hartmann")}),
    ("a name's leftover that is a word opening a sentence is the word",
     "Will Alexander Petrov be at the meeting?",
     [("PERSON", "Alexander Petrov be", 0.85), ("PERSON", "Will Alexander", 0.7)],
     {("PERSON", "Alexander Petrov be")}),
    ("a name's leftover that is a word inside a sentence is still the name",
     "Producer Paula Wood explained it",
     [("PERSON", "Producer Paula", 0.85), ("PERSON", "Paula Wood", 0.7)],
     {("PERSON", "Producer Paula"), ("PERSON", "Wood")}),
    ("a guess's digits beside a validated card stay covered",
     "card 4111111111111111 exp 09 27",
     [("CREDIT_CARD", "4111111111111111", 1.0), ("PHONE_NUMBER", "4111111111111111 exp 09 27", 0.7)],
     {("CREDIT_CARD", "4111111111111111"), ("PHONE_NUMBER", "exp 09 27")}),
]


@pytest.mark.parametrize(("case", "text", "results", "expected"), CASES, ids=[c[0] for c in CASES])
def test_overlaps_resolve_without_losing_what_a_detector_found(case, text, results, expected) -> None:
    detections = resolve_overlaps(text, [result(text, *r) for r in results])
    assert {(d.type, text[d.start:d.end]) for d in detections} == expected
    spans = sorted((d.start, d.end) for d in detections)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])), "detections overlap"

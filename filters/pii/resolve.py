"""From Presidio's results to the gateway's detections: thresholds, then overlaps.

Overlaps across types are resolved greedily: confirmed results first (a card number that
passed Luhn beats a tagger's "address" around it), then the longest span (redaction should
cover the most), then the highest score, then a type priority that prefers validated, specific types over
generic ones when two recognizers claim exactly the same characters. What a losing result
covered beyond the winners stays a detection of its own type: a checksum-confirmed street
inside a tagger's longer address must not uncover the addressee's name above it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from presidio_analyzer import RecognizerResult

from .analyzer import CONTEXT_BOOSTED
from .name_patterns import SENTENCE_START
from .recognizers.common import english_words
from .recognizers.places import labels_only

# A checksum- or deny-list-confirmed result (Presidio sets 1.0) beats any overlapping guess.
VALIDATED = 0.99

# Lower wins ties of equal span and score. Types not listed come after these.
TYPE_PRIORITY: dict[str, int] = {
    "CREDIT_CARD": 0, "IBAN_CODE": 1, "CREDENTIAL": 2, "EMAIL_ADDRESS": 3, "US_SSN": 4, "KZ_IIN": 5, "KZ_BIN": 6,
    "DATE_OF_BIRTH": 7, "PASSPORT": 8, "ID_NUMBER": 9, "PHONE_NUMBER": 10, "STREET_ADDRESS": 11,
    "SCHOOL": 12, "USERNAME": 13, "AGE": 14, "PERSON": 15, "ORGANIZATION": 16, "LOCATION": 17,
    "NRP": 18, "URL": 19, "DATE_TIME": 20,
}


@dataclass(frozen=True, slots=True)
class Detection:
    """One detected entity: type, character offsets into the analysed text, and score."""

    type: str
    start: int
    end: int
    score: float


def passes(result: RecognizerResult, thresholds: Mapping[str, float] | None, default: float) -> bool:
    limit = thresholds.get(result.entity_type, default) if thresholds else default
    return result.score >= limit


def _validated(r: RecognizerResult) -> bool:
    """1.0 from a checksum, a validation or a deny list; not from a context word ("card number
    ... 99449 18": a phone shape boosted by "number" must not beat the address it sits in)."""
    return r.score >= VALIDATED and not (r.recognition_metadata or {}).get(CONTEXT_BOOSTED)


_HELD_IN_LINKS = frozenset({"CREDENTIAL", "EMAIL_ADDRESS"})


def resolve_overlaps(text: str, results: Iterable[RecognizerResult], *, nested: bool = False) -> list[Detection]:
    """Non-overlapping detections (what redaction replaces). With `nested`, places found inside
    a kept street address are reported too ("Wrocław" in "ul. Słowicza 10, Wrocław"): callers
    that describe text (the analyze endpoint) want both; redaction never asks for them.

    A password or an e-mail address outranks any longer span that holds it, a link above all
    ("zoom.us/j/812?pwd=abc123", "site.com/u/ana@mail.kz"): most tenants let links through,
    and what is in one must still go; the rest of the link stays a link."""
    results = list(results)
    ranked = sorted(
        results,
        key=lambda r: (not _validated(r), r.entity_type not in _HELD_IN_LINKS, -(r.end - r.start), -r.score,
                       TYPE_PRIORITY.get(r.entity_type, 99), r.start),
    )
    kept: list[Detection] = []
    dropped: list[RecognizerResult] = []
    for r in ranked:
        if all(r.end <= k.start or k.end <= r.start for k in kept):
            kept.append(Detection(r.entity_type, r.start, r.end, round(float(r.score), 4)))
        else:
            dropped.append(r)
    for r in dropped:
        kept.extend(_remainders(text, r, kept))
    if nested:  # places a recognizer found inside a kept address
        addresses = [k for k in kept if k.type == "STREET_ADDRESS"]
        inner = {(r.start, r.end): r for r in results if r.entity_type == "LOCATION"
                 and any(a.start <= r.start and r.end <= a.end for a in addresses)}
        kept.extend(Detection("LOCATION", s, e, round(float(r.score), 4)) for (s, e), r in sorted(inner.items()))
    kept.sort(key=lambda d: (d.start, d.end))
    return kept


def _remainders(text: str, r: RecognizerResult, kept: list[Detection]) -> list[Detection]:
    """The pieces of a losing result that no kept detection covers, trimmed; a piece of
    punctuation or lowercase words only ("mail" of "e-mail anna@..."), or a name's piece of
    dictionary words opening a sentence ("Will" of "Will Alexander" beside "Alexander
    Petrov"), where its capital says nothing, is no value."""
    cuts = sorted((max(k.start, r.start), min(k.end, r.end)) for k in kept if k.start < r.end and r.start < k.end)
    out, pos = [], r.start
    for s, e in cuts + [(r.end, r.end)]:
        if s > pos:
            piece = text[pos:s]
            core = piece.strip(" \t\n,.;:-()")
            start = pos + piece.find(core)
            if any(c.isupper() or c.isdigit() for c in core) and not (
                    r.entity_type in _NAMES and SENTENCE_START.search(text, max(0, start - 4), start)
                    and all(w.lower() in english_words() for w in core.split())) and not (
                    r.entity_type == "STREET_ADDRESS" and labels_only(core)):
                out.append(Detection(r.entity_type, start, start + len(core), round(float(r.score), 4)))
        pos = max(pos, e)
    return out


_NAMES = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "NRP"})
_TRAILING = frozenset("!?,;:\r\n\t ")


def _sentence_stop(text: str, start: int, end: int) -> bool:
    """The full stop ending "Chinese." or "Texas.", not the one of "Jr.", "St." or "D.C.":
    it follows a lowercase word of three letters or more."""
    word = text[start:end - 1].rsplit(None, 1)[-1] if text[start:end - 1].strip() else ""
    return len(word) >= 3 and word[-1].islower() and word.isalpha()


def end_on_words(text: str, detections: list[Detection]) -> list[Detection]:
    """A name ends on its last word: "Texas" of "Texas!" or "Texas.", "Jamaican" of "(Jamaican)". Done
    after the overlaps are resolved, so that which detection wins does not change."""
    out = []
    for d in detections:
        end = d.end
        if d.type in _NAMES:
            while end > d.start + 1 and (text[end - 1] in _TRAILING
                                         or text[end - 1] == ")" and "(" not in text[d.start:end]
                                         or text[end - 1] == "." and d.type != "ORGANIZATION" and _sentence_stop(text, d.start, end)):
                end -= 1
        out.append(d if end == d.end else Detection(d.type, d.start, end, d.score))
    return out

"""From Presidio's results to the gateway's detections: thresholds, then overlaps.

Overlaps across types are resolved greedily: confirmed results first (a card number that
passed Luhn beats a tagger's "address" around it), then the longest span (redaction should
cover the most), then the highest score, then a type priority that prefers validated, specific types over
generic ones when two recognizers claim exactly the same characters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import regex as re
from presidio_analyzer import RecognizerResult

from .analyzer import CONTEXT_BOOSTED
from .recognizers.common import common_words
from .recognizers.lexicon import lexicon
from .recognizers.places import HAS_STREET_WORD

# A checksum- or deny-list-confirmed result (Presidio sets 1.0) beats any overlapping guess.
VALIDATED = 0.99

# Lower wins ties of equal span and score. Types not listed come after these.
TYPE_PRIORITY: dict[str, int] = {
    "CREDIT_CARD": 0, "IBAN_CODE": 1, "EMAIL_ADDRESS": 2, "US_SSN": 3, "KZ_IIN": 4, "KZ_BIN": 5,
    "DATE_OF_BIRTH": 6, "PASSPORT": 7, "ID_NUMBER": 8, "PHONE_NUMBER": 9, "STREET_ADDRESS": 10,
    "SCHOOL": 11, "USERNAME": 12, "AGE": 13, "PERSON": 14, "ORGANIZATION": 15, "LOCATION": 16,
    "NRP": 17, "URL": 18, "DATE_TIME": 19,
}


@dataclass(frozen=True, slots=True)
class Detection:
    """One detected entity: type, character offsets into the analysed text, and score."""

    type: str
    start: int
    end: int
    score: float


# After an address: a comma or line break, then a few capitalised words or numbers (city,
# region, postcode, country). Pasted addresses span lines; detectors often stop at the first.
_ADDRESS_TAIL = re.compile(r"[ \t]*(?:,[ \t]*\n?|\n)[ \t,]*((?:[A-Z0-9][\w.'#/-]*)(?:[ \t]+[A-Z0-9][\w.'#/-]*){0,4})")


# On the same line: a unit, box or apartment ("Suite 967 Apt. 267", "#4B").
_UNIT_AFTER = re.compile(r"[ \t]*,?[ \t]*(?i:apt|apartment|suite|ste|unit|flat|floor|room|box|kv|#)\.?[ \t]*"
                         r"\w{0,3}\d[\w-]{0,5}(?!\w)")


# On the same line, up to its end (a line break, a comma, a sentence's end): a few capitalised
# words more ("Devon Street West", "Kishiev Squares", "Main St Springfield IL 62704").
_NAMES_TO_LINE_END = re.compile(
    r"[ \t]+((?:[A-Z][\w'’.-]*)(?:[ \t]+(?:[A-Z][\w'’.-]*|\d[\d-]{2,9}))?(?:[ \t]+[A-Z][\w'’.-]*){0,2})"
    r"(?=[ \t]*(?:\n|,|$|[.?!;](?:\s|$)))")


def extend_addresses(text: str, results: list[RecognizerResult]) -> None:
    """Grow STREET_ADDRESS results over units on their line and up to four continuation
    lines or comma parts."""
    for r in results:
        if r.entity_type != "STREET_ADDRESS":
            continue
        while m := _UNIT_AFTER.match(text, r.end):
            r.end = m.end()
        if m := _NAMES_TO_LINE_END.match(text, r.end):
            r.end = m.end(1)
            while m := _UNIT_AFTER.match(text, r.end):
                r.end = m.end()
        for _ in range(4):
            m = _ADDRESS_TAIL.match(text, r.end)
            if not m or (text[r.end - 1] == "." and "\n" in m.group(0)):
                break  # no continuation, or a sentence ended at the line break
            if " " not in m.group(1) and m.group(1).lower().strip(".") in common_words():
                break  # "Thanks", "Regards": the message goes on, not the address
            r.end = m.end()


# A street address as people write it is street line(s), then locality parts, one per comma or
# line: "28245 Puruntie 82 Apt. 595\nLAPPEENRANTA\nFinland 53650". Address parsers label the
# street parts (anything with a number or a street word: house, unit, postcode) apart from
# each locality part (a city, region or country). Redaction replaces the whole address as one
# value; callers that describe text (`"nested": true` on the analyze endpoint) get the places
# too. Not by default: annotated corpora disagree on whether a city line belongs to the
# address (pii_dev.json does both), and reporting it apart costs street-address recall there.
_ADDRESS_PART = re.compile(r"[^,\n]+")
_DIGIT = re.compile(r"\d")
# A locality line with its postcode: "Sweden 99178", "Aalborg NO 9100", "53-320 Wrocław".
_WORDS = r"(?P<words>(?!(?:Apt|Apartment|Suite|Ste|Unit|Flat|Fl|Floor|kv|Box|No|Room|Building|Bldg)\b)[^\d#]+?)"
_CODE = r"(?P<code>\d[\d-]{2,9}(?: \d{2,3})?)"
_LOCALITY_AND_CODE = re.compile(rf"(?:{_WORDS}\s+{_CODE}|{_CODE}\s+{_WORDS})\s*$")


def _address_parts(text: str, start: int, end: int, first: bool, score: float) -> list[Detection]:
    """The detections of one comma- or line-separated part of an address."""
    value = text[start:end]
    if not (_DIGIT.search(value) or HAS_STREET_WORD.search(value)):
        return [Detection("LOCATION", start, end, score)]
    m = None if first or HAS_STREET_WORD.search(value) else _LOCALITY_AND_CODE.fullmatch(value)
    if m is None:
        return [Detection("STREET_ADDRESS", start, end, score)]
    return sorted([Detection("LOCATION", start + m.start("words"), start + m.end("words"), score),
                   Detection("STREET_ADDRESS", start + m.start("code"), start + m.end("code"), score)],
                  key=lambda d: d.start)


def with_address_places(text: str, detections: list[Detection],
                        place_passes: Callable[[Detection], bool]) -> list[Detection]:
    """`detections` plus a LOCATION for each locality part of each street address (which
    stays whole), where `place_passes` (the call's LOCATION threshold) accepts it."""
    addresses = [d for d in detections if d.type == "STREET_ADDRESS"]
    parts = {(p.start, p.end): p for p in split_addresses(text, addresses)
             if p.type == "LOCATION" and place_passes(p)}
    others = [d for d in detections  # a recognizer's place overlapping a part is the same place
              if d.type != "LOCATION" or not any(s < d.end and d.start < e for s, e in parts)]
    return sorted(others + list(parts.values()), key=lambda d: (d.start, d.end))


def split_addresses(text: str, detections: list[Detection]) -> list[Detection]:
    """Each multi-part street address replaced by its street and locality parts."""
    out: list[Detection] = []
    for d in detections:
        if d.type != "STREET_ADDRESS":
            out.append(d)
            continue
        if "," not in text[d.start:d.end] and "\n" not in text[d.start:d.end]:
            # A lone "Norway 64389" (the last line of an address the tagger found on its own)
            m = _LOCALITY_AND_CODE.fullmatch(text, d.start, d.end)
            known = m is not None and m.group("words").strip(" >").title() in lexicon("places")
            out.extend(_address_parts(text, d.start, d.end, False, d.score) if known else [d])
            continue
        parts: list[Detection] = []
        for m in _ADDRESS_PART.finditer(text, d.start, d.end):
            value = m.group()
            start = m.start() + len(value) - len(value.lstrip())
            end = m.end() - (len(value) - len(value.rstrip()))
            if start >= end:
                continue
            first = not any(p.type == "STREET_ADDRESS" for p in parts)
            for part in _address_parts(text, start, end, first, d.score):
                if part.type == "STREET_ADDRESS" and parts and parts[-1].type == "STREET_ADDRESS":
                    parts[-1] = Detection("STREET_ADDRESS", parts[-1].start, part.end, d.score)
                else:
                    parts.append(part)
        has_street = any(p.type == "STREET_ADDRESS" for p in parts)
        out.extend(parts if has_street and len(parts) > 1 else [d])
    return out


def passes(result: RecognizerResult, thresholds: Mapping[str, float] | None, default: float) -> bool:
    limit = thresholds.get(result.entity_type, default) if thresholds else default
    return result.score >= limit


def _validated(r: RecognizerResult) -> bool:
    """1.0 from a checksum, a validation or a deny list; not from a context word ("card number
    ... 99449 18": a phone shape boosted by "number" must not beat the address it sits in)."""
    return r.score >= VALIDATED and not (r.recognition_metadata or {}).get(CONTEXT_BOOSTED)


def resolve_overlaps(results: Iterable[RecognizerResult], *, nested: bool = False) -> list[Detection]:
    """Non-overlapping detections (what redaction replaces). With `nested`, places found inside
    a kept street address are reported too ("Wrocław" in "ul. Słowicza 10, Wrocław"): callers
    that describe text (the analyze endpoint) want both; redaction never asks for them."""
    results = list(results)
    ranked = sorted(
        results,
        key=lambda r: (not _validated(r), -(r.end - r.start), -r.score, TYPE_PRIORITY.get(r.entity_type, 99), r.start),
    )
    kept: list[Detection] = []
    for r in ranked:
        if all(r.end <= k.start or k.end <= r.start for k in kept):
            kept.append(Detection(r.entity_type, r.start, r.end, round(float(r.score), 4)))
    if nested:  # places a recognizer found inside a kept address
        addresses = [k for k in kept if k.type == "STREET_ADDRESS"]
        inner = {(r.start, r.end): r for r in results if r.entity_type == "LOCATION"
                 and any(a.start <= r.start and r.end <= a.end for a in addresses)}
        kept.extend(Detection("LOCATION", s, e, round(float(r.score), 4)) for (s, e), r in sorted(inner.items()))
    kept.sort(key=lambda d: (d.start, d.end))
    return kept

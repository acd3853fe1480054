"""Street addresses after detection: grown over the lines and units a detector stopped short
of, and, for callers that describe text, split into street parts and places.

A street address as people write it is street line(s), then locality parts, one per comma or
line: "28245 Puruntie 82 Apt. 595\nLAPPEENRANTA\nFinland 53650". Address parsers label the
street parts (anything with a number or a street word: house, unit, postcode) apart from
each locality part (a city, region or country). Redaction replaces the whole address as one
value. The analyze endpoint describes an address block (a letter's, a form's, a signature's
lines under the addressee's name) line by line, and an address quoted inside a sentence as one
value, which is how annotated corpora such as pii_dev.json's source label the two; with
`"nested": true` it reports every address whole with the places inside it as well.
"""

from __future__ import annotations

from collections.abc import Callable

import regex as re
from presidio_analyzer import RecognizerResult

from .name_patterns import FORM_LABEL_BEFORE
from .recognizers.common import common_words
from .recognizers.lexicon import lexicon
from .recognizers.places import HAS_STREET_WORD
from .resolve import Detection

# After an address: a comma or line break, then a few capitalised words or numbers (city,
# region, postcode, country). Pasted addresses span lines; detectors often stop at the first.
_ADDRESS_TAIL = re.compile(r"[ \t]*(?:,[ \t]*\n?|\n)[ \t,]*((?:[A-Z0-9][\w.'#/-]*)(?:[ \t]+[A-Z0-9][\w.'#/-]*){0,4})")


# On the same line: a unit, box or apartment ("Suite 967 Apt. 267", "#4B").
_UNIT_AFTER = re.compile(r"[ \t]*,?[ \t]*(?i:apt|apartment|suite|ste|unit|flat|floor|room|box|kv|#)\.?[ \t]*"
                         r"\w{0,3}\d[\w-]{0,5}(?!\w)")


# On the same line, up to its end (a line break, a comma, a sentence's end): a few capitalised
# words more ("Devon Street West", "Kishiev Squares", "Main St Springfield IL 62704").
_NAMES_TO_LINE_END = re.compile(
    r"[ \t]+((?:[A-Z][\w'’.-]*)(?:[ \t]+(?:[A-Z][\w'’.-]*|\d[\d-]{2,9}|\d[A-Z0-9]{2,4}))?(?:[ \t]+[A-Z][\w'’.-]*){0,2})"
    r"(?=[ \t]*(?:\n|,|$|[.?!;](?:\s|$)))")
# On the same line, wherever the sentence goes on: an Irish or British postcode and the town
# after it ("29 Murrihy Street A92FPPX Nicola Ville last night", "C50 8DNW Beth Ville").
_POSTCODE_AFTER = re.compile(
    r"[ \t]+(?:[A-Z]\d[\dW][ \t]?[A-Z0-9]{4}|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})(?![\w-])"
    r"(?:[ \t]+\p{Lu}\p{Ll}[\p{L}'’-]*){0,2}")


def extend_addresses(text: str, results: list[RecognizerResult]) -> None:
    """Grow STREET_ADDRESS results over units on their line and up to four continuation
    lines or comma parts, and over the further lines another detector's address around it
    reached ("...Apt. 530\n   Cloppenburg\n    nan\n    55039": the tagger read the lowercase
    line that the continuation rule stops at)."""
    addresses = [r for r in results if r.entity_type == "STREET_ADDRESS"]
    for r in addresses:
        longer = max((t.end for t in addresses if t.start <= r.start < t.end and t.end > r.end
                      and "\n" in text[r.end:t.end]), default=r.end)
        if text[r.end:longer].lstrip(" \t,").startswith("\n"):
            r.end = longer
    for r in addresses:
        while m := _UNIT_AFTER.match(text, r.end):
            r.end = m.end()
        if m := _NAMES_TO_LINE_END.match(text, r.end):
            r.end = m.end(1)
            while m := _UNIT_AFTER.match(text, r.end):
                r.end = m.end()
        elif m := _POSTCODE_AFTER.match(text, r.end):
            r.end = m.end()
        for _ in range(4):
            m = _ADDRESS_TAIL.match(text, r.end)
            if not m or (text[r.end - 1] == "." and "\n" in m.group(0)):
                break  # no continuation, or a sentence ended at the line break
            if " " not in m.group(1) and m.group(1).lower().strip(".") in common_words():
                break  # "Thanks", "Regards": the message goes on, not the address
            if text[m.end():m.end() + 1] == ":":
                break  # "Mobile: 0490 ...", "Desk:": a labelled line after the address
            r.end = m.end()
        last_line = text.rfind("\n", r.start, r.end)
        if last_line > r.start and text[r.end:r.end + 1] == ":" and " " not in text[last_line + 1:r.end].strip():
            r.end = len(text[:last_line].rstrip())  # a detector's address that took the next line's label

_ADDRESS_PART = re.compile(r"[^,\n]+")
_DIGIT = re.compile(r"\d")
# A locality line with its postcode: "Sweden 99178", "Aalborg NO 9100", "53-320 Wrocław".
_WORDS = r"(?P<words>(?!(?:Apt|Apartment|Suite|Ste|Unit|Flat|Fl|Floor|kv|Box|No|Room|Building|Bldg)\b)[^\d#]+?)"
# A postcode: digits ("99178", "53-320", "H-9742"), or a British or Canadian one ("SW1A 1AA", "M8F 3AS").
_CODE = r"(?P<code>(?:[A-Z]{1,2}-)?\d[\d-]{2,9}(?: \d{2,3})?|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})"
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


_PART_LEAD = " \t>"
# What may open an address block's line besides the address and the addressee's name: quote
# marks, a form's label, a title ("Billing address: Mrs. Sara Schwarz").
_FORM_LABEL = FORM_LABEL_BEFORE.pattern
_BLOCK_LEAD = re.compile(rf"[ \t>]*(?:{_FORM_LABEL})?(?:(?i:mr|mrs|ms|miss|mx|dr|prof)\.?[ \t]+)?")
# A line holding a unit alone, its house number before it or not ("Suite 290", "4230 Flat 75").
_UNIT_ONLY = re.compile(r"(?:\d{1,6}[ \t]+)?(?i:apt|apartment|suite|ste|unit|flat|room|studio)\.?[ \t]*\w{0,3}\d[\w-]{0,5}")
_LABEL_LINE = re.compile(rf"{_FORM_LABEL}\S")  # "Billing address: Sara Schwarz"


def _only_a_name(text: str, start: int, end: int, people: list[Detection]) -> bool:
    """Whether text[start:end] holds nothing but a lead (`_BLOCK_LEAD`) and, at its end, a
    person's name."""
    name = next((p for p in people if start <= p.start and p.end <= end and not text[p.end:end].strip()), None)
    return name is not None and _BLOCK_LEAD.fullmatch(text, start, name.start) is not None


def _opens_block(text: str, address: Detection, people: list[Detection]) -> bool:
    """Whether `address` is an address block: several lines under the addressee's name (on
    the line above, or before it on its first line) or opening the text, its first line a
    street line."""
    value = text[address.start:address.end].rstrip()
    first_line = value.split("\n", 1)[0]
    if "\n" not in value or not (_DIGIT.search(first_line) or HAS_STREET_WORD.search(first_line)):
        return False
    line_start = text.rfind("\n", 0, address.start) + 1
    if text[line_start:address.start].strip(_PART_LEAD):
        return _only_a_name(text, line_start, address.start, people)
    above = text[:line_start].rstrip()
    if not above.strip(_PART_LEAD) or _UNIT_ONLY.fullmatch(first_line.strip(_PART_LEAD)):
        return True  # opening the text, or a block's unit line ("Suite 290") a detector began at
    above_start = above.rfind("\n") + 1
    return _only_a_name(text, above_start, len(above), people) or _LABEL_LINE.match(above, above_start) is not None


def split_address_blocks(text: str, detections: list[Detection],
                         place_passes: Callable[[Detection], bool]) -> list[Detection]:
    """An address pasted as a block (its own lines: a letter's, a form's, a signature's) is
    reported line by line, street parts apart from each place, as address parsers and
    annotated corpora describe it; one quoted inside a sentence stays one value."""
    people = [d for d in detections if d.type == "PERSON"]
    out: list[Detection] = []
    block_end = -1
    for d in detections:
        # The block's last line may have been found on its own ("Norway 64389").
        follows_block = block_end >= 0 and text[block_end:d.start].count("\n") == 1 \
            and not text[block_end:d.start].strip(_PART_LEAD + "\n")
        if d.type != "STREET_ADDRESS" or not (follows_block or _opens_block(text, d, people)):
            out.append(d)
            block_end = -1
            continue
        one_line = follows_block and "\n" not in text[d.start:d.end] and "," not in text[d.start:d.end]
        # a block's last line on its own is its place and postcode ("New Nikolai 31818"), known or not
        parts = _address_parts(text, d.start, d.end, False, d.score) if one_line else split_addresses(text, [d])
        out.extend(parts if all(p.type != "LOCATION" or place_passes(p) for p in parts) else [d])
        block_end = d.end
    return out


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
        line_start = text.rfind("\n", 0, d.start) + 1
        # (not a unit line under the street's own line: "5728 603 Saçı Roads\nSuite 290\nÜZERLAND")
        street_above = _DIGIT.search(text, text.rfind("\n", 0, max(0, line_start - 1)) + 1, line_start) is not None
        for m in _ADDRESS_PART.finditer(text, d.start, d.end):
            value = m.group()
            start = m.start() + len(value) - len(value.lstrip(_PART_LEAD))  # "> Suite 828": a quoted line
            end = m.end() - (len(value) - len(value.rstrip()))
            if start >= end:
                continue
            first = not any(p.type == "STREET_ADDRESS" for p in parts)
            for part in _address_parts(text, start, end, first, d.score):
                # a British first line is the flat alone, the street's name follows on the next
                # ("Flat 75\nKim Turnpike", "469 Studio 47\nTaylor Ridge")
                unit_first = len(parts) == 1 and not street_above \
                    and _UNIT_ONLY.fullmatch(text, parts[0].start, parts[0].end)
                if parts and parts[-1].type == "STREET_ADDRESS" and (part.type == "STREET_ADDRESS" or unit_first):
                    parts[-1] = Detection("STREET_ADDRESS", parts[-1].start, part.end, d.score)
                else:
                    parts.append(part)
        has_street = any(p.type == "STREET_ADDRESS" for p in parts)
        out.extend(parts if has_street and len(parts) > 1 else [d])
    return out

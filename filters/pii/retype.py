"""Second opinion on the types of name-like results, from what the lexicons know.

The compact tagger finds most names, places and organisations but often gives an unfamiliar
one the wrong type ("France was fun" -> PERSON, "Hannah" in a list -> LOCATION) or reads a
list of people as one company ("Derek, Anna and Andrew"). A typed policy (keep places, mask
people) needs the type right, so after Presidio ran, each name-like result is looked at once:

* a list "A, B and C" of single words is split into people, unless it reads like a firm:
  preceded by a workplace preposition ("at Jones, Mitchell and Williams") or followed by a
  legal form or a possessive;
* a span the place lexicon knows entirely, and whose first word is no known first name,
  becomes LOCATION; a span starting with a known first name that no place lexicon knows
  becomes PERSON. Words both lexicons know ("Florence") keep the tagger's type: its context
  is the better evidence there;
* a lone capitalised everyday word ("Sunday", "Desk") that no lexicon knows is dropped;
* an address block that starts with a line holding no digit and a known first name
  ("Sara Schwarz\\n28245 Puruntie 82") gives that line to PERSON.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import RecognizerResult

from .recognizers.common import common_words, english_words
from .recognizers.lexicon import lexicon
from .recognizers.places import STREET_TYPE

NAME_TYPES = frozenset({"PERSON", "LOCATION", "ORGANIZATION"})
# Words a tagger takes for names in title case that the common-word list may not hold.
CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december today tomorrow yesterday".split())
# A word that makes a span an organisation whatever names it holds ("Hugo Salazar Vergara EIRL").
ORG_WORDS = frozenset(
    "inc inc. llc ltd ltd. llp plc gmbh ag sa s.a. sas srl eirl bv nv oy ab as co co. corp corp. corporation "
    "incorporated group partners company holdings bank university college school academy lyceum institute "
    "foundation association agency studio labs solutions services".split())
_WORKPLACE = re.compile(r"(?i)\b(?:at|for|from|joined|with|of|by|to|into|left|founded|became)\s*$")
_FIRM_AFTER = re.compile(r"^(?:'s|’s|\s*(?:,\s*)?(?:Inc|LLC|Ltd|LLP|PLC|GmbH|Group|Partners|& Co|Co)\b)")
_LIST = re.compile(r"\p{Lu}[\p{L}'’-]+(?:\s*,\s*\p{Lu}[\p{L}'’-]+)+,?\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+")
_ITEM = re.compile(r"\p{Lu}[\p{L}'’-]+")
_LOWER_LIST = re.compile(r"\p{Ll}[\p{Ll}'’-]+(?:\s*,\s*\p{Ll}[\p{Ll}'’-]+)*(?:,?\s+(?:and|&)|\s*,)\s+\p{Ll}[\p{Ll}'’-]+")
_LOWER_ITEM = re.compile(r"(?<!\p{L})(?!and\b)\p{Ll}[\p{Ll}'’-]+")
_WORD = re.compile(r"[\p{L}'’.-]+")
_CAPITALISED = re.compile(r"(?<![\p{L}\d@#_./-])\p{Lu}\p{Ll}+(?:-\p{Ll}+)?(?![\p{L}\d@_])")
# Words that, right before or after an unknown capitalised word, make it someone's name
# ("says Hartvigsson", "starring Key", "Ogasahara said").
_PERSON_BEFORE = re.compile(
    r"(?i)(?:\b(?:says|said|asked|told|tells|wrote|writes|by|starring|featuring|dear|thanks|hi|hello|hey|"
    r"ex-\w+|met|named|called|call\s+me|calls\s+me|name\s+is|name's)\s+)$")
# Only a person is named so, whatever else the word may be ("everyone calls me Borna").
_NAMED = re.compile(r"(?i)(?:\b(?:call\s+me|calls\s+me|name\s+is|name's)\s+)$")
_PERSON_AFTER = re.compile(r"(?i)^(?:'s|’s|\s+(?:says|said|asked|told|wrote|replied|thinks|thought)\b)")
# "flew to STAXROITH", "my friend lives in harburg", "I am in Sutri": a word no dictionary
# knows after a verb of going or living and a preposition is a place.
_PLACE_CONTEXT = re.compile(
    r"\b(?i:fl[ye]w?|flying|travel+(?:ed|ing)?|mov(?:e|ed|ing)|return(?:ed|ing)?|go(?:ing)?|went|"
    r"li(?:ve|ves|ved|ving)|born|stay(?:ed|ing|s)?|visit(?:ed|ing|s)?|am|is|are|was|were|based|located)"
    r"\s+(?i:in|to|from|at|near)\s+((?:\p{Lu}[\p{L}'’-]+|\p{Ll}[\p{Ll}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+)?)")
# Form labels whose value is a place, up to a venue word or the end of the line
# ("Where: Beerze Country Club", "City: Tromsø").
_PLACE_LABEL = re.compile(r"(?im)^[ \t>]*(?:where|location|city|town|village|country|place|region)[ \t]*:[ \t]*"
                          r"(\p{Lu}[\p{L}'’.-]*(?:[ \t]+(?!(?:Country[ \t]+Club|Club|Hotel|Hall|Park|Stadium|"
                          r"Airport|Station|Center|Centre)\b)[\p{L}'’.()-]+){0,3})")
# A place before a landmark word: "Montijo bridge", "Kuncsorba Country Club".
# Context that makes a name a place: "flew to Coles", "Estonia was super fun to visit".
_PLACE_BEFORE = re.compile(r"(?i)\b(?:fl[ye]w|travel+ed|moved|returned|went|go(?:ing)?|drove|sailed|live[sd]?|living|"
                           r"stay(?:ed|ing)?|born|trip|holiday|vacation)\s+(?:in|to|from|at|near)\s+$")
_VISIT_AFTER = re.compile(r"(?i)^\s+(?:is|was|are|were)\b[^.!?\n]{0,30}\bto\s+visit\b")
_LANDMARK_AFTER = re.compile(r"^[ \t]+(?i:bridge|airport|station|harbou?r|country[ \t]+club)\b")
_LANDMARK_END = re.compile(r"[ \t]+(?i:bridge|airport|station|harbou?r|country[ \t]+club)$")
_COUNTRY_END = re.compile(r"[ \t]+(?i:country)$")  # "Upton Scudamore Country" + " Club"
_CLUB_NEXT = re.compile(r"[ \t]+(?i:club)\b")
_JOIN_THEN_WORD = re.compile(r"(?:\s*,\s*|,?\s+(?:and|&)\s+)(\p{Ll}[\p{Ll}'’-]+)(?![\p{L}\d])")
_WORD_THEN_JOIN = re.compile(r"(?<![\p{L}\d])(\p{Ll}[\p{Ll}'’-]+)(?:\s*,\s*|,?\s+(?:and|&)\s+)$")
_JOIN = re.compile(r"\s*(?:,|,?\s+and|,?\s+&)\s*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"“(>]\s*|\n\s*[-*>]?\s*)$")


# "Mijail C Adomo", "Valida M. Ibragimov": a capitalised word, a middle initial, a capitalised
# word is how people's names are written, not places or firms.
_MIDDLE_INITIAL = re.compile(r"(?<![\p{L}\d])(\p{Lu}\p{Ll}+)\s+\p{Lu}\.?\s+\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?(?![\p{L}\d])")
# Patronymics and Kazakh name endings: "Bekbolat Musliyevich", "Aigerim Serikkyzy".
_TWO_WORDS = re.compile(r"(?<![\p{L}\d])\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?(?![\p{L}\d])")
# "the Hemingway novel", "the Spielberg film": a creator's name used before the work.
_CREATOR = re.compile(r"\b(?i:the)\s+(\p{Lu}\p{Ll}+(?:-\p{Ll}+)?)\s+(?i:novels?|books?|songs?|album|films?|movies?|plays?|"
                      r"poems?|paintings?|story|stories|biography|memoir|symphony|opera|lyrics)\b")
_PATRONYMIC = re.compile(r"(?i)\p{L}+(?:ovich|evich|yevich|ovna|evna|yevna|ichna|uly|ulu|kyzy|qyzy)$")
_LEADING_WORD = re.compile(r"(\p{Ll}+)\s+")
_STREET_END = re.compile(rf"(?:^|\s){STREET_TYPE}$")
_STREET_NEXT = re.compile(rf"\s+{STREET_TYPE}(?!\w)")
_NUMBER_BEFORE = re.compile(r"(?<![\w-])\d{1,6}[A-Za-z]?[ \t]+$")


def _result(like: RecognizerResult, entity: str, start: int, end: int, score: float) -> RecognizerResult:
    return RecognizerResult(entity, start, end, score, recognition_metadata=dict(like.recognition_metadata or {}))


def _cased(word: str) -> str:
    return word.title() if word.isupper() and len(word) > 1 else word


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


class Retyper:
    def __init__(self) -> None:
        self.first, self.last = lexicon("first_names"), lexicon("last_names")
        self.places, self.common, self.english = lexicon("places"), common_words(), english_words()
        self.nrp = lexicon("nrp")

    def _is_place(self, text: str) -> bool:
        return _cased(text) in self.places or text.title() in self.places

    def _split_list(self, text: str, r: RecognizerResult) -> list[RecognizerResult] | None:
        span = text[r.start:r.end]
        if _LOWER_LIST.fullmatch(span):  # "kristina, chad and caleb": people only if all are first names
            items = [(r.start + i.start(), r.start + i.end()) for i in _LOWER_ITEM.finditer(span)]
            if all(text[a:b].title() in self.first for a, b in items):
                return [_result(r, "PERSON", a, b, max(r.score, 0.8)) for a, b in items]
            return None
        m = _LIST.fullmatch(span)
        if not m:
            return None
        items = [(r.start + i.start(), r.start + i.end()) for i in _ITEM.finditer(span)]
        words = [text[a:b] for a, b in items]
        firm = _WORKPLACE.search(text[max(0, r.start - 24):r.start]) or _FIRM_AFTER.match(text[r.end:r.end + 10])
        if firm:
            return [_result(r, "ORGANIZATION", r.start, r.end, max(r.score, 0.6))]
        if not all(w in self.first or w in self.last or w.lower() not in self.common for w in words):
            return None
        return [_result(r, "PERSON", a, b, max(r.score, 0.8)) for a, b in items]

    def _retyped(self, text: str, r: RecognizerResult) -> list[RecognizerResult]:
        if r.entity_type in NAME_TYPES:
            while r.end > r.start and (text[r.end - 1] in ",;:" or (
                    text[r.end - 1] == "." and r.entity_type != "ORGANIZATION" and r.end - r.start > 3 and text[r.end - 3:r.end - 1].isalpha())):
                r.end -= 1  # "Donna," or "Anna." from a lexicon match that took the punctuation
            lead = _LEADING_WORD.match(text, r.start, r.end)
            if lead and lead.group(1) in self.english and text[lead.end():r.end].strip()[:1].isupper():
                r.start = lead.end()  # "though Meza": a tagger span that took a word before the name
        span = _strip_possessive(text[r.start:r.end].strip())
        words = _WORD.findall(span)
        if not words:
            return [r]
        if r.entity_type == "STREET_ADDRESS":
            return self._address_head(text, r)
        if r.entity_type not in NAME_TYPES:
            return [r]
        if r.entity_type != "PERSON" and (_MIDDLE_INITIAL.fullmatch(span) or any(_PATRONYMIC.match(w) for w in words)) \
                and not any(w.lower() in ORG_WORDS for w in words):
            return [_result(r, "PERSON", r.start, r.start + len(span), max(r.score, 0.8))]
        if r.entity_type == "PERSON" and (_PLACE_BEFORE.search(text, max(0, r.start - 24), r.start)
                                          or _VISIT_AFTER.match(text[r.end:r.end + 48])) \
                and (self._is_place(span) or (span.lower() not in self.english and _cased(words[0]) not in self.first)):
            return [_result(r, "LOCATION", r.start, r.start + len(span), r.score)]  # "flew to Coles"
        landmark = _LANDMARK_END.search(span) or (
            _COUNTRY_END.search(span) if _CLUB_NEXT.match(text, r.end) else None)
        if landmark is None and _LANDMARK_AFTER.match(text[r.end:r.end + 16]):
            return [_result(r, "LOCATION", r.start, r.start + len(span), r.score)]  # "Montijo" + " bridge"
        if landmark is not None and landmark.start() > 0:
            return [_result(r, "LOCATION", r.start, r.start + landmark.start(), r.score)]  # "Montijo bridge"
        street = _STREET_NEXT.match(text, r.end)
        if _STREET_END.search(span) or street:
            # "Marina Fort Street", "Tarsicio Isle" + " Street": a name before a street type
            return [_result(r, "STREET_ADDRESS", r.start, street.end() if street else r.end, r.score)]
        if len(words) >= 2 and ("," in span) and (split := self._split_list(text, r)) is not None:
            return split
        first = _cased(words[0])
        if len(words) == 1 and words[0].lower() in CALENDAR:
            return []
        if len(words) == 1 and words[0].lower() in self.english and first not in self.first \
                and first not in self.last and not self._is_place(words[0]):
            return []  # "Desk", "Bot": a capitalised everyday word no lexicon knows
        is_place = self._is_place(span) or all(self._is_place(w) for w in words)
        starts_first = first in self.first
        if r.entity_type != "LOCATION" and is_place and not starts_first:
            return [_result(r, "LOCATION", r.start, r.start + len(span), r.score)]
        if r.entity_type == "ORGANIZATION" and any(w.lower() in ORG_WORDS for w in words[1:]):
            return [r]
        if r.entity_type != "PERSON" and len(words) == 2 and not is_place and all(
                w.lower() not in self.english and w.lower() not in ORG_WORDS and not self._is_place(w) for w in words):
            return [_result(r, "PERSON", r.start, r.start + len(span), r.score)]  # "Wisława Szczepańska's"
        if r.entity_type != "PERSON" and len(words) == 1 and first in self.last and not is_place \
                and words[0].lower() not in self.english:
            return [_result(r, "PERSON", r.start, r.start + len(span), r.score)]  # "Meza", "Mccullough"
        if r.entity_type != "PERSON" and starts_first and not is_place and not self._is_place(words[0]) \
                and all(_cased(w) in self.first or _cased(w) in self.last or w.lower() not in self.common
                        for w in words):
            return [_result(r, "PERSON", r.start, r.start + len(span), r.score)]
        return [r]

    def _address_head(self, text: str, r: RecognizerResult) -> list[RecognizerResult]:
        number = _NUMBER_BEFORE.search(text, max(0, r.start - 12), r.start)
        if number:  # "03262 2437 Main St": the first number is the address's too
            r.start = number.start()
        block = text[r.start:r.end]
        cut = block.find("\n")
        head = block[:cut].strip() if cut > 0 else ""
        words = head.split()
        if not head or any(c.isdigit() for c in head) or not 1 < len(words) <= 4 \
                or _cased(words[0]) not in self.first:
            return [r]
        rest = r.start + cut + 1
        while rest < r.end and text[rest] in " \t>":
            rest += 1
        start = r.start + block.find(head)
        return [_result(r, "PERSON", start, start + len(head), max(r.score, 0.8)),
                _result(r, "STREET_ADDRESS", rest, r.end, r.score)]

    def _people_context(self, text: str, out: list[RecognizerResult]) -> list[RecognizerResult]:
        """Names next to names: a first name listed beside a person is a person ("Hannah" in
        "Gaetane, Hannah, Anthony"); a word that repeats part of a detected full name is that
        person again ("directed by Maciej Borkowski and starring Borkowski")."""
        people = sorted((r for r in out if r.entity_type == "PERSON"), key=lambda r: r.start)
        ends = {r.end for r in people}
        starts = {r.start for r in people}
        extra: list[RecognizerResult] = []
        added: set[int] = set()
        for _ in range(2):  # a chain of unknown words next to people: both directions
            for r in out:
                word = text[r.start:r.end]
                if r.entity_type != "LOCATION" or " " in word or r.start in added \
                        or (word.title() not in self.first and self._is_place(word)):
                    continue
                before = _JOIN.search(text, max(0, r.start - 6), r.start)
                after = _JOIN.match(text, r.end)
                if (before and before.end() == r.start and before.start() in ends) or (after and after.end() in starts):
                    extra.append(_result(r, "PERSON", r.start, r.end, max(r.score, 0.86)))
                    starts.add(r.start)
                    ends.add(r.end)
                    added.add(r.start)
        extra += self._lowercase_neighbours(text, people + extra)
        for r in out:  # "says Navrátilová": a word the tagger called a place, where only people speak
            word = text[r.start:r.end]
            named = _NAMED.search(text, max(0, r.start - 16), r.start)
            if r.entity_type == "LOCATION" and " " not in word and (named or not self._is_place(word) and (
                    _PERSON_BEFORE.search(text, max(0, r.start - 16), r.start)
                    or _PERSON_AFTER.match(text[r.end:r.end + 12]))):
                extra.append(_result(r, "PERSON", r.start, r.end, max(r.score, 0.86)))
        surnames = {w for r in people for w in text[r.start:r.end].split()[1:] if w[:1].isupper() and len(w) > 2}
        taken = [(r.start, r.end) for r in out]
        for m in _CAPITALISED.finditer(text):
            word = m.group(0)
            if word not in surnames and word not in self.last:
                if len(word) > 2 and word.lower() not in self.english and not self._is_place(word) and (
                        _PERSON_BEFORE.search(text, max(0, m.start() - 16), m.start())
                        or _PERSON_AFTER.match(text[m.end():m.end() + 12])) \
                        and not any(a < m.end() and m.start() < b for a, b in taken):
                    extra.append(RecognizerResult("PERSON", m.start(), m.end(), 0.6))
                continue
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            known_surname = word in self.last and word not in self.first and word.lower() not in self.common \
                and not self._is_place(word) and not _SENTENCE_START.search(text, max(0, m.start() - 4), m.start())
            if word in surnames or known_surname:
                extra.append(RecognizerResult("PERSON", m.start(), m.end(), 0.8 if word in surnames else 0.6))
        for m in _CREATOR.finditer(text):
            word = m.group(1)
            if (word in self.last or word.lower() not in self.english) and word not in self.first \
                    and word not in self.nrp and not self._is_place(word):
                extra.append(RecognizerResult("PERSON", m.start(1), m.end(1), 0.7))
        for m in _TWO_WORDS.finditer(text):  # "Yuito Hirai": two capitalised words no dictionary knows
            words = m.group(0).split()
            if all(w.lower() not in self.english and not self._is_place(w) and w.lower() not in ORG_WORDS
                   for w in words) and not self._is_place(m.group(0)) and not any(
                    r.start <= m.start() and m.end() <= r.end and r.entity_type != "LOCATION" for r in out):
                extra.append(RecognizerResult("PERSON", m.start(), m.end(), 0.6))
        for m in _MIDDLE_INITIAL.finditer(text):  # a name the tagger missed or cut short
            if (m.group(1) in self.first or m.group(1).lower() not in self.english) and not any(
                    r.start <= m.start() and m.end() <= r.end and r.entity_type not in NAME_TYPES for r in out):
                extra.append(RecognizerResult("PERSON", m.start(), m.end(), 0.8))
        return out + extra + self._places_by_context(text, out + extra)

    def _lowercase_neighbours(self, text: str, people: list[RecognizerResult]) -> list[RecognizerResult]:
        """"maria, adam, christopher, olga and caleb": lowercase first names listed beside a
        person are people too (the tagger finds some of such a list, rarely all)."""
        extra: list[RecognizerResult] = []
        taken = {(r.start, r.end) for r in people}
        frontier = sorted(people, key=lambda r: r.start)
        while frontier:
            r = frontier.pop()
            after = _JOIN_THEN_WORD.match(text, r.end)
            before = _WORD_THEN_JOIN.search(text, max(0, r.start - 24), r.start)
            for m in (after, before):
                if m is None or (m.start(1), m.end(1)) in taken:
                    continue
                word = m.group(1)
                if word.title() in self.first and word not in self.english:
                    found = RecognizerResult("PERSON", m.start(1), m.end(1), 0.8)
                    taken.add((found.start, found.end))
                    extra.append(found)
                    frontier.append(found)
        return extra

    def _places_by_context(self, text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
        extra: list[RecognizerResult] = []
        for m in _PLACE_LABEL.finditer(text):  # a form's place field outranks the tagger's guess
            value = m.group(1).rstrip(" .,")
            if value and value.split()[0].lower() not in self.english:
                extra.append(RecognizerResult("LOCATION", m.start(1), m.start(1) + len(value), 0.9))
        for m in _PLACE_CONTEXT.finditer(text):
            start, end = m.span(1)
            words = m.group(1).split()
            if any(w.lower() in self.english or _cased(w) in self.first for w in words) \
                    or any(r.start < end and start < r.end for r in found):
                continue
            extra.append(RecognizerResult("LOCATION", start, end, 0.6))
        return extra

    def __call__(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for r in results:
            out.extend(self._retyped(text, r))
        return self._people_context(text, out)

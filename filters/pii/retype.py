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

from presidio_analyzer import RecognizerResult

from . import name_patterns as P
from .name_patterns import CALENDAR, NAME_TYPES, ORG_WORDS
from .recognizers.common import common_words, english_words
from .recognizers.legal_forms import firm_end
from .recognizers.lexicon import lexicon
from .recognizers.places import plausible_address

_RESHAPED = frozenset({"STREET_ADDRESS", "NRP"})  # besides NAME_TYPES, the types `_retyped` may change


def _result(like: RecognizerResult, entity: str, start: int, end: int, score: float) -> RecognizerResult:
    return RecognizerResult(entity, start, end, score, recognition_metadata=dict(like.recognition_metadata or {}))


def _title(word: str) -> str:
    """'horváth' -> 'Horváth', leaving the rest of the word as written."""
    return word[:1].upper() + word[1:]


def _cased(word: str) -> str:
    return word.title() if word.isupper() and len(word) > 1 else word


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _word_lists(text: str):  # noqa: ANN202 - an iterator of matches
    """`P.WORD_LIST` matches, looked for only on the lines that hold a comma and a final
    "and" (a list never crosses a line; one scan of every line cost more than the rule)."""
    start = 0
    for line in text.split("\n"):
        if "," in line and (" and " in line or "&" in line):
            yield from P.WORD_LIST.finditer(text, start, start + len(line))
        start += len(line) + 1


def _human_context(text: str, start: int, end: int) -> bool:
    """What only a person is said to be or do: "X is a very sympathetic person", "Why is X so
    impulsive?", "X had given Y his address" (both X and Y)."""
    after = text[end:end + 60]
    return bool(P.HUMAN_AFTER.match(after)
                or P.TRAIT_AFTER.match(after) and P.WHY_IS_BEFORE.search(text, max(0, start - 12), start)
                or P.GIVEN_BEFORE.search(text, max(0, start - 12), start) and P.POSSESSIVE_AFTER.match(after))


class _Coverage:
    """Which characters of the text some result already covers: an overlap test is one scan
    in C instead of a loop over every result."""

    __slots__ = ("_chars",)

    def __init__(self, text: str, results: list[RecognizerResult]) -> None:
        chars = bytearray(len(text))
        for r in results:
            chars[r.start:r.end] = b"\x01" * (r.end - r.start)
        self._chars = chars

    def overlaps(self, start: int, end: int) -> bool:
        return self._chars.find(1, start, end) >= 0


class Retyper:
    def __init__(self) -> None:
        self.first, self.last = lexicon("first_names"), lexicon("last_names")
        self.places, self.common, self.english = lexicon("places"), common_words(), english_words()
        self.nrp = lexicon("nrp")
        self.street_prefixes = frozenset(w.lower() for w in lexicon("street_prefixes"))
        self.street_endings = tuple(sorted(lexicon("street_endings")))

    def _person_of_place(self, r: RecognizerResult, span: str) -> list[RecognizerResult] | None:
        """"Charles of Houston" (one span, typed anything): the person, then the place."""
        m = P.PERSON_OF_PLACE.fullmatch(span)
        if m is None:
            return None
        person, place = m.group("person"), m.group("place")
        head = [_cased(w) for w in P.WORD.findall(person)]
        place_words = P.WORD.findall(place)
        if not head or head[0] not in self.first or any(w.lower() in ORG_WORDS for w in head) or not place_words \
                or not (self._is_place(place) or self._built_place(place_words)
                        or all(w.lower() not in self.english for w in place_words)):
            return None
        return [_result(r, "PERSON", r.start, r.start + len(person), max(r.score, 0.8)),
                _result(r, "LOCATION", r.start + m.start("place"), r.start + m.end("place"), r.score)]

    def _built_place(self, words: list[str]) -> bool:
        cased = [_cased(w) for w in words]
        if len(words) in (2, 3) and (cased[0] in P.PLACE_PREFIXES or cased[-1] == "Ville"):
            return True
        if len(words) != 1 or cased[0] in self.first or cased[0] in self.last:
            return False
        word = cased[0]
        lower = word.lower()
        return any(lower.endswith(end) and (stem := word[:-len(end)].title()) and (stem in self.first or stem in self.last)
                   for end in P.PLACE_ENDINGS if len(word) > len(end) + 2)

    def _is_place(self, text: str) -> bool:
        return _cased(text) in self.places or text.title() in self.places

    def _split_list(self, text: str, r: RecognizerResult) -> list[RecognizerResult] | None:
        span = text[r.start:r.end]
        if P.LOWER_LIST.fullmatch(span):  # "kristina, chad and caleb": people only if all are names
            if P.WORKPLACE.search(text[max(0, r.start - 24):r.start]) or P.FIRM_AFTER.match(text[r.end:r.end + 10]):
                return None  # "worked for barry, walsh and williams": a firm
            items = [(r.start + i.start(), r.start + i.end()) for i in P.LOWER_ITEM.finditer(span)]
            if all(self._lower_name(text[a:b]) for a, b in items):
                return [_result(r, "PERSON", a, b, max(r.score, 0.8)) for a, b in items]
            return None
        # The whole list, or the part of it the tagger took ("Trbović, Kostanić, Antun" of a
        # list that goes on ", Mijo, Anka and Božičković").
        if not P.LIST.fullmatch(span) and not (P.PARTIAL_LIST.fullmatch(span) and P.LIST_GOES_ON.match(text, r.end)):
            return None
        items = [(r.start + i.start(), r.start + i.end()) for i in P.ITEM.finditer(span)]
        words = [text[a:b] for a, b in items]
        firm = P.WORKPLACE.search(text[max(0, r.start - 24):r.start]) or P.FIRM_AFTER.match(text[r.end:r.end + 10])
        if firm or len(words) == 3 and P.LIST.fullmatch(span) and not any(
                w in self.first and w not in self.last for w in words) and self._named_as_firm(text, r):
            # "Phillips, Paul and Harris is ...": three surnames, no first name, spoken of as one
            return [_result(r, "ORGANIZATION", r.start, r.end, max(r.score, 0.6))]
        if not all(w in self.first or w in self.last or w.lower() not in self.common for w in words):
            return None
        places = sum(self._is_place(w) and w not in self.first for w in words)
        kind = "LOCATION" if 2 * places > len(words) else "PERSON"  # "Paris, Rome, Berlin and Madrid"
        return [_result(r, kind, a, b, max(r.score, 0.8)) for a, b in items]

    @staticmethod
    def _named_as_firm(text: str, r: RecognizerResult) -> bool:
        """One subject of a singular verb ("... and Harris is an American bank"), after "the",
        or a line of its own (a signature's firm line); "our 3 founders: Kónya, Becker and
        Vasquez." stays three people."""
        line_start = text.rfind("\n", 0, r.start) + 1
        line_end = text.find("\n", r.end)
        alone = not text[line_start:r.start].strip(" \t>") and not text[r.end:None if line_end < 0 else line_end].strip()
        return alone or bool(P.FIRM_VERB_AFTER.match(text, r.end)) or bool(P.THE_BEFORE.search(text, max(0, r.start - 5), r.start))

    def _lower_name(self, word: str) -> bool:
        """A lowercase word that is a first name, or a surname no dictionary knows ("nedić")."""
        title = word.title()
        return title in self.first or title in self.last and word not in self.common and word not in self.english

    def _retyped(self, text: str, r: RecognizerResult) -> list[RecognizerResult]:
        if r.entity_type not in NAME_TYPES and r.entity_type not in _RESHAPED:
            return [r]  # card numbers, e-mail addresses, dates...: nothing below applies
        if r.entity_type in NAME_TYPES:
            while r.end > r.start and (text[r.end - 1] in ",;:" or (
                    text[r.end - 1] == "." and r.entity_type != "ORGANIZATION" and r.end - r.start > 3 and text[r.end - 3:r.end - 1].isalpha())):
                r.end -= 1  # "Donna," or "Anna." from a lexicon match that took the punctuation
            # "though Meza", "tennis player Phillip", "Producer Kimmo": the tagger took everyday
            # words before the name (a capitalised one only before a known first name).
            start = r.start
            while (lead := P.LEADING_WORD.match(text, start, r.end)) and lead.group(1) in self.english:
                start = lead.end()
            if start > r.start and text[start:r.end].strip()[:1].isupper():
                r.start = start
            if r.entity_type != "LOCATION" and (lead := P.LEADING_TITLE_WORD.match(text, r.start, r.end)) \
                    and (word := lead.group(1)).lower() in self.english and word not in P.PLACE_PREFIXES \
                    and word not in self.first and word not in self.last and not self._is_place(text[r.start:r.end]) \
                    and (nxt := P.WORD.match(text, lead.end(), r.end)) and _cased(nxt.group()) in self.first:
                r.start = lead.end()  # not "East Jessica", "New York", "Port Stephen"
            if r.entity_type != "LOCATION" and text[r.start:r.start + 1].isupper() \
                    and (tail := P.TRAILING_WORD.search(text, r.start, r.end)) and tail.start() > r.start \
                    and (word := tail.group(1)) in self.english and word not in ORG_WORDS and word not in P.ORG_LAST:
                r.end = tail.start()  # "Mijo Urlić listed"; not "edison college", "ayşan salami"
        span = _strip_possessive(text[r.start:r.end].strip())
        if r.entity_type in NAME_TYPES and " " not in span and (
                sum(c.isdigit() for c in span) >= 3 or span.isupper() and span.lower().strip(".") in P.ACRONYMS):
            return []  # "GB53WPJE5930963667119", "IBAN": a code or a label the tagger took for a name
        if r.entity_type in NAME_TYPES and P.SETTLEMENT_START.match(span):
            return [_result(r, "LOCATION", r.start, r.start + len(span), max(r.score, 0.85))]
        if r.entity_type in NAME_TYPES and not span.isascii() and P.CYRILLIC_GREEK_LOWER.fullmatch(span):
            return []  # lowercase Cyrillic or Greek words: no name is written so
        words = P.WORD.findall(span)
        if not words:
            return [r]
        if r.entity_type == "STREET_ADDRESS":
            if not plausible_address(span) or P.CURRENCY_AFTER.match(text, r.end) or P.PHONE_LABEL.match(span):
                return []  # the tagger's "0537490387 tomorrow", "security number 017-97-5813", "Transfer 250" EUR, "Fax: +421 ..."
            if (dated := P.YEAR_THEN_NAME.match(span)) and not P.HAS_STREET_TYPE.search(span):
                # "During 1980, Månsson Wiklund AB invested": a year, not a house number
                year = [_result(r, "DATE_TIME", r.start + dated.start("year"), r.start + dated.end("year"), 0.6)]
                start = r.start + dated.start("rest")
                end = firm_end(text, start, r.end)
                if end is not None:
                    return [*year, _result(r, "ORGANIZATION", start, end, max(r.score, 0.6))]
                # "Sp Capital Iq invested": the capitalised words are a name all the same; a
                # firm by the sentence's shape, below any recognizer that knows it for a person.
                name = P.CAPITALISED_RUN.match(text, start)
                return [*year, _result(r, "ORGANIZATION", start, name.end(), 0.5)] if name else year
            return self._address_head(text, r)
        if r.entity_type == "NRP" and self._is_place(span) and _cased(span) not in self.nrp:
            return [_result(r, "LOCATION", r.start, r.start + len(span), r.score)]  # "into Nigeria"
        if r.entity_type == "NRP" and _cased(span) not in self.nrp and _cased(span) in self.first:
            return [_result(r, "PERSON", r.start, r.start + len(span), r.score)]  # "Why is Julian so impulsive?"
        if r.entity_type not in NAME_TYPES:
            return [r]
        if len(words) > 1 and words[0] in self.nrp and all(w.islower() for w in words[1:]):
            return [_result(r, "NRP", r.start, r.start + len(words[0]), r.score)]  # "American" + " action-comedy"
        if len(words) == 1 and P.WORK_TITLE.match(text, r.end) and P.SENTENCE_START.search(text, max(0, r.start - 4), r.start):
            return []  # "Zoolander is a 1973 American action-comedy film": a work's title
        if (trailing := P.TRAILING_OF.search(span)) and len(words) > 1:
            span, words = span[:trailing.start()], words[:-1]  # "Adya Tuominen of" + a place after it
            r = _result(r, r.entity_type, r.start, r.start + len(span), r.score)
        if (split := self._person_of_place(r, span)) is not None:
            return split
        if (firm := firm_end(text, r.start, r.start + len(span))) is not None:
            return [_result(r, "ORGANIZATION", r.start, firm, max(r.score, 0.6))]  # "Luka Petek s.p.", "Kozma Nyrt."
        tokens = span.split()
        if len(tokens) >= 2 and (
                tokens[-1].lower().rstrip(".,") in P.ORG_LAST or tokens[0].lower() in P.ORG_FIRST):
            return [_result(r, "ORGANIZATION", r.start, r.start + len(span), r.score)]  # "Strøm ASA"
        if r.entity_type in ("PERSON", "LOCATION") and self._built_place(words):
            return [_result(r, "LOCATION", r.start, r.start + len(span), r.score)]  # "West Hazelfort"
        if r.entity_type != "PERSON" and (P.MIDDLE_INITIAL.fullmatch(span) or any(P.PATRONYMIC.match(w) for w in words)) \
                and not any(w.lower() in ORG_WORDS for w in words):
            return [_result(r, "PERSON", r.start, r.start + len(span), max(r.score, 0.8))]
        if r.entity_type == "PERSON" and self._place_context(text, r) \
                and (self._is_place(span) or (span.lower() not in self.english and _cased(words[0]) not in self.first)):
            return [_result(r, "LOCATION", r.start, r.start + len(span), r.score)]  # "flew to Coles"
        landmark = P.LANDMARK_END.search(span) or (
            P.COUNTRY_END.search(span) if P.CLUB_NEXT.match(text, r.end) else None)
        if landmark is None and P.LANDMARK_AFTER.match(text[r.end:r.end + 16]):
            return [_result(r, "LOCATION", r.start, r.start + len(span), r.score)]  # "Montijo" + " bridge"
        if landmark is not None and landmark.start() > 0:
            return [_result(r, "LOCATION", r.start, r.start + landmark.start(), r.score)]  # "Montijo bridge"
        if (street := self._street_by_its_type(text, r, span, words)) is not None:
            return [street]  # "Ladeira da Cunha, 60", "rue Pierre Bernard", "Strandåsen 33B"
        street = P.STREET_NEXT.match(text, r.end)
        if P.STREET_END.search(span) or street:
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
        if r.entity_type == "LOCATION" and self._place_context(text, r):
            return [r]  # "moved to Río Gallegos": unknown names where a place is named are a place
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

    def _street_by_its_type(self, text: str, r: RecognizerResult, span: str,
                            words: list[str]) -> RecognizerResult | None:
        """A name that a street-type word of another language leads ("Rua", "Drumul",
        "Intrarea", "rue", "ulica": `street_prefixes.txt`, from Faker's address providers), or
        a single word that ends in one ("Strand-åsen", "Kerk-straat": `street_endings.txt`)
        and has a house number after it, is a street, whatever the tagger called it."""
        number = P.HOUSE_NUMBER_AFTER.match(text, r.start + len(span))
        end = number.end() if number else r.start + len(span)
        before = P.WORD_BEFORE.search(text, max(0, r.start - 16), r.start)
        if before and before.group(1).lower() in self.street_prefixes:
            return _result(r, "STREET_ADDRESS", before.start(1), end, max(r.score, 0.7))
        lead = words[0].lower()
        if len(words) > 1 and lead in self.street_prefixes and (number or (
                _cased(words[0]) not in self.first and _cased(words[0]) not in self.last and lead not in self.english)):
            return _result(r, "STREET_ADDRESS", r.start, end, max(r.score, 0.7))
        if number and len(words) == 1 and (lower := words[0].lower()).endswith(self.street_endings) and any(
                lower.endswith(e) and len(lower) >= len(e) + 3 for e in self.street_endings):
            return _result(r, "STREET_ADDRESS", r.start, end, max(r.score, 0.7))
        return None

    @staticmethod
    def _place_context(text: str, r: RecognizerResult) -> bool:
        """A verb of going or meeting and a preposition before, or "is ... to visit" after."""
        return bool(P.PLACE_BEFORE.search(text, max(0, r.start - 24), r.start)
                    or P.BEING_IN_BEFORE.search(text, max(0, r.start - 24), r.start)
                    or P.VISIT_AFTER.match(text[r.end:r.end + 48]))

    def _address_head(self, text: str, r: RecognizerResult) -> list[RecognizerResult]:
        number = P.NUMBER_BEFORE.search(text, max(0, r.start - 12), r.start)
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
                before = P.JOIN.search(text, max(0, r.start - 6), r.start)
                after = P.JOIN.match(text, r.end)
                if (before and before.end() == r.start and before.start() in ends) or (after and after.end() in starts):
                    extra.append(_result(r, "PERSON", r.start, r.end, max(r.score, 0.86)))
                    starts.add(r.start)
                    ends.add(r.end)
                    added.add(r.start)
        extra += self._lowercase_neighbours(text, people + extra)
        for r in out:  # "says Navrátilová": a word the tagger called a place, where only people speak
            word = text[r.start:r.end]
            named = P.NAMED.search(text, max(0, r.start - 16), r.start)
            if r.entity_type in ("LOCATION", "NRP") and " " not in word and (
                    named or _human_context(text, r.start, r.end) or r.entity_type == "LOCATION" and not self._is_place(word) and (
                    P.PERSON_BEFORE.search(text, max(0, r.start - 16), r.start)
                    or P.PERSON_AFTER.match(text[r.end:r.end + 12]))):
                extra.append(_result(r, "PERSON", r.start, r.end, max(r.score, 0.86)))
        surnames = {w for r in people for w in text[r.start:r.end].split()[1:] if w[:1].isupper() and len(w) > 2}
        taken = _Coverage(text, out)
        for m in P.CAPITALISED.finditer(text):
            word = m.group(0)
            if (word.lower() not in self.english or word in self.first or word in self.last) \
                    and not taken.overlaps(m.start(), m.end()) \
                    and _human_context(text, m.start(), m.end()):
                extra.append(RecognizerResult("PERSON", m.start(), m.end(), 0.7))  # "Why is Mark so impulsive?"
                continue
            if word not in surnames and word not in self.last:
                if len(word) > 2 and word.lower() not in self.english and not self._is_place(word) and (
                        P.PERSON_BEFORE.search(text, max(0, m.start() - 16), m.start())
                        or P.PERSON_AFTER.match(text[m.end():m.end() + 12])) \
                        and not taken.overlaps(m.start(), m.end()):
                    extra.append(RecognizerResult("PERSON", m.start(), m.end(), 0.6))
                continue
            if taken.overlaps(m.start(), m.end()):
                continue
            known_surname = word in self.last and word not in self.first and word.lower() not in self.common \
                and not self._is_place(word) and not P.SENTENCE_START.search(text, max(0, m.start() - 4), m.start())
            if word in surnames or known_surname:
                extra.append(RecognizerResult("PERSON", m.start(), m.end(), 0.8 if word in surnames else 0.6))
        for m in P.CREATOR.finditer(text):
            word = m.group(1)
            if (word in self.last or word.lower() not in self.english) and word not in self.first \
                    and word not in self.nrp and not self._is_place(word):
                extra.append(RecognizerResult("PERSON", m.start(1), m.end(1), 0.7))
        for m in P.TWO_WORDS.finditer(text):  # "Yuito Hirai": two capitalised words no dictionary knows
            words = m.group(0).split()
            if all(w.lower() not in self.english and not self._is_place(w) and w.lower() not in ORG_WORDS
                   for w in words) and not self._is_place(m.group(0)) and not any(
                    r.start <= m.start() and m.end() <= r.end and r.entity_type != "LOCATION" for r in out):
                extra.append(RecognizerResult("PERSON", m.start(), m.end(), 0.6))
        for m in P.MIDDLE_INITIAL.finditer(text):  # a name the tagger missed or cut short
            if (m.group(1) in self.first or m.group(1).lower() not in self.english) and not any(
                    r.start <= m.start() and m.end() <= r.end and r.entity_type not in NAME_TYPES for r in out):
                extra.append(RecognizerResult("PERSON", m.start(), m.end(), 0.8))
        taken = _Coverage(text, out + extra)
        for m in P.LOWER_NAME_CONTEXT.finditer(text, overlapped=True):
            word = m.group(1)
            if word.title() in self.first and word not in self.english and word not in self.common \
                    and not taken.overlaps(m.start(1), m.end(1)):
                extra.append(RecognizerResult("PERSON", m.start(1), m.end(1), 0.7))
        for m in P.NAMED_CASELESS.finditer(text):  # "my name is 佐藤 花子": scripts without capitals
            extra.append(RecognizerResult("PERSON", m.start(1), m.end(1), 0.8))  # the whole name outranks a part
        return out + extra + self._places_by_context(text, out + extra)

    def _lowercase_neighbours(self, text: str, people: list[RecognizerResult]) -> list[RecognizerResult]:
        """"maria, adam, christopher, olga and caleb": lowercase first names listed beside a
        person are people too (the tagger finds some of such a list, rarely all)."""
        extra: list[RecognizerResult] = []
        taken = {(r.start, r.end) for r in people}
        frontier = sorted(people, key=lambda r: r.start)
        while frontier:
            r = frontier.pop()
            after = P.JOIN_THEN_WORD.match(text, r.end)
            before = P.WORD_THEN_JOIN.search(text, max(0, r.start - 24), r.start)
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
        for m in P.PLACE_LABEL.finditer(text):  # a form's place field outranks the tagger's guess
            value = m.group(1).rstrip(" .,")
            if value and value.split()[0].lower() not in self.english:
                extra.append(RecognizerResult("LOCATION", m.start(1), m.start(1) + len(value), 0.9))
        for m in P.PLACE_CONTEXT.finditer(text):
            start, end = m.span(1)
            words = m.group(1).split()
            # a compass or lake word may lead ("West Susanside"); the rest must be no word or first name
            named = words[1:] if len(words) > 1 and _cased(words[0]) in P.PLACE_PREFIXES else words
            if any(w.lower() in self.english or w.lower() in P.TEMPORAL or _cased(w) in self.first for w in named) \
                    or any(r.start < end and start < r.end for r in found):
                continue
            extra.append(RecognizerResult("LOCATION", start, end, 0.6))
        if "visit" in text:
            for m in P.VISITED.finditer(text):
                start, end = m.span(1)
                if all(w.lower() not in self.english for w in m.group(1).split()) \
                        and not any(r.start < end and start < r.end for r in found):
                    extra.append(RecognizerResult("LOCATION", start, end, 0.6))
        return extra

    def __call__(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for r in results:
            out.extend(self._retyped(text, r))
        return self._people_context(text, self._name_lists(text, self._name_before_address(text, out)))

    def _name_lists(self, text: str, out: list[RecognizerResult]) -> list[RecognizerResult]:
        """A list of three or more single words, at least half of them known names or people
        already, none a dictionary word and fewer than half places, is people, whatever the tagger made of its parts
        ("they had 6: horváth, pál, levente, dudás, horváth and nagy")."""
        if " and " not in text and "&" not in text:
            return out
        for m in _word_lists(text):
            items = [(m.start() + i.start(), m.start() + i.end()) for i in P.LIST_WORD.finditer(m.group())]
            words = [text[a:b] for a, b in items]
            if any(w.lower() in self.common or w.lower() in self.english for w in words):
                continue
            people = {(r.start, r.end) for r in out if r.entity_type == "PERSON"}
            known = sum(_title(w) in self.first or _title(w) in self.last or span in people for w, span in zip(words, items))
            places = sum(self._is_place(_title(w)) and _title(w) not in self.first for w in words)
            if 2 * known < len(words) or 2 * places >= len(words):
                continue
            if P.WORKPLACE.search(text[max(0, m.start() - 24):m.start()]) or P.FIRM_AFTER.match(text[m.end():m.end() + 10]):
                continue  # "a year at Castro, Phillips and Singh": a firm (_split_list)
            if len(words) == 3 and words[0][:1].isupper() and self._named_as_firm(
                    text, RecognizerResult("ORGANIZATION", m.start(), m.end(), 0.0)):
                continue  # "Sparks, Harris and Mcdonald is ...": a firm (_split_list)
            inside = [r for r in out if r.entity_type in NAME_TYPES and m.start() <= r.start and r.end <= m.end()]
            if any(r.entity_type != "PERSON" or " " in text[r.start:r.end] for r in inside) or len(inside) < len(items):
                out = [r for r in out if r not in inside] + [
                    RecognizerResult("PERSON", a, b, 0.8) for a, b in items]
        return out

    def _name_before_address(self, text: str, out: list[RecognizerResult]) -> list[RecognizerResult]:
        """A person right before an address on its line keeps the capitalised words the address
        took before its unit or number ("Mrs. Jari | Pennanen Apt. 648 7096 Jännekuja 063")."""
        people = {r.end: r for r in out if r.entity_type == "PERSON"}
        if not people:
            return out
        for address in out:
            if address.entity_type != "STREET_ADDRESS":
                continue
            gap = address.start
            while gap > 0 and text[gap - 1] in " \t":
                gap -= 1
            person = people.get(gap)
            head = P.NAME_HEAD.match(text, address.start, address.end) if person is not None else None
            if head is None or P.STREET_END.search(head.group()) or all(
                    w.lower() in self.common and w not in self.last for w in head.group().split()):
                continue
            rest = head.end()
            while rest < address.end and text[rest] in " \t":
                rest += 1
            person.end, address.start = head.end(), rest
        return out

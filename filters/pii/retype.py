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
  ("Sara Schwarz\\n28245 Puruntie 82"), or capitalised words no dictionary knows after a
  form's label ("Billing address: Tintin Forsberg\\n..."), gives that line to PERSON.

* what a learner asks about is nobody's data (`everyday_names.py`): a holiday, a planet, a
  language, a lesson's numbered part, a clock time, a sum, pasted code.

These rules read one result and the few characters around it; the passes that read the
whole text (names beside names, lists, a person's predicates, places by context) are in
retype_context.py.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from . import name_patterns as P
from .everyday_names import (acronym_in_prose, after_determiner, end_before_time, in_the_sky, is_assistant, is_equation,
                             is_holiday, looks_like_code, month_day, numbered_part, studied_language, tech_term,
                             template_variable, used_as_language, world_region)
from .name_mentions import MentionPasses
from .name_patterns import CALENDAR, NAME_TYPES, ORG_WORDS
from .recognizers.common import ACRONYMS, CHAT_WORDS, STOPWORDS, common_words, english_words
from .recognizers.legal_forms import firm_end
from .recognizers.lexicon import FORM_LABELS, lexicon
from .retype_context import TextPasses, _cased, _result, in_firm_context, in_firm_frame
from .retype_cues import CuePasses
from .retype_lines import LinePasses
from .retype_names import NamePasses, cased_foreign_runs, caseless_names, caseless_runs, caseless_types, studied
from .retype_values import (ages_in_brackets, capitalised_runs, cyrillic_kin_names, cyrillic_places, cyrillic_stop_words,
                            free_labelled_values, korean_given_names, possessive_kin_names, schools_by_attending,
                            sentence_piece_names)
from .word_forms import english_form

_EPONYM_NEXT = frozenset(" \t'’")  # what can follow a name a law is named after
_RESHAPED = frozenset({"STREET_ADDRESS", "NRP"})  # besides NAME_TYPES, the types `_retyped` may change
_SCRIPT_UNITS = frozenset({"CJKAddressRecognizer", "CJKFirmRecognizer"})


def _recognizer(r: RecognizerResult) -> str | None:
    return (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY)


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


class Retyper(TextPasses, LinePasses, NamePasses, CuePasses, MentionPasses):
    def __init__(self) -> None:
        self.first, self.last = lexicon("first_names"), lexicon("last_names")
        self.places, self.common, self.english = lexicon("places"), common_words(), english_words()
        self.nrp = lexicon("nrp")
        self.street_prefixes = frozenset(w.lower() for w in lexicon("street_prefixes"))
        self.street_endings = tuple(sorted(lexicon("street_endings")))
        self._line_titles = {}
        # read at start-up, not by the first Cyrillic request or the first that keeps public figures
        cyrillic_stop_words(), lexicon("cyrillic_first_names"), lexicon("cyrillic_places"), lexicon("public_figures")

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
        if not lower.endswith(P.PLACE_ENDINGS):  # most words: one C call, no loop
            return False
        return any(lower.endswith(end) and (stem := word[:-len(end)].title()) and (stem in self.first or stem in self.last)
                   for end in P.PLACE_ENDINGS if len(word) > len(end) + 2)

    def _is_place(self, text: str) -> bool:
        return _cased(text) in self.places or text.title() in self.places

    def _split_list(self, text: str, r: RecognizerResult) -> list[RecognizerResult] | None:
        span = text[r.start:r.end]
        if P.LOWER_LIST.fullmatch(span):  # "kristina, chad and caleb": people only if all are names
            if in_firm_context(text, r.start, r.end):
                return None  # "worked for barry, walsh and williams": a firm
            items = [(r.start + i.start(), r.start + i.end()) for i in P.LOWER_ITEM.finditer(span)]
            if all(self._lower_name(text[a:b]) for a, b in items):
                return [_result(r, "PERSON", a, b, max(r.score, 0.8)) for a, b in items]
            return None
        # The whole list, or the part of it the tagger took ("Trbović, Kostanić, Antun" of a
        # list that goes on ", Mijo, Anka and Božičković").
        whole = P.LIST.fullmatch(span)
        if not whole and not (P.PARTIAL_LIST.fullmatch(span) and P.LIST_GOES_ON.match(text, r.end)):
            return None
        items = [(r.start + i.start(), r.start + i.end()) for i in P.ITEM.finditer(span)]
        words = [text[a:b] for a, b in items]
        if in_firm_context(text, r.start, r.end) or len(words) == 3 and whole and not any(
                w in self.first and w not in self.last for w in words) and self._named_as_firm(text, r):
            # "Phillips, Paul and Harris is ...": three surnames, no first name, spoken of as one
            return [_result(r, "ORGANIZATION", r.start, r.end, max(r.score, 0.6))]
        if not all(w in self.first or w in self.last or w.lower() not in self.common for w in words):
            return None
        places = sum(self._is_place(w) and w not in self.first for w in words)
        kind = "LOCATION" if 2 * places > len(words) else "PERSON"  # "Paris, Rome, Berlin and Madrid"
        return [_result(r, kind, a, b, max(r.score, 0.8)) for a, b in items]

    def _lower_name(self, word: str) -> bool:
        """A lowercase word that is a first name, or a surname no dictionary knows ("nedić")."""
        title = word.title()
        return title in self.first or title in self.last and word not in self.common and word not in self.english

    def _retyped(self, text: str, r: RecognizerResult) -> list[RecognizerResult]:
        if r.entity_type not in NAME_TYPES and r.entity_type not in _RESHAPED or _recognizer(r) in _SCRIPT_UNITS:
            # card numbers, e-mail addresses, dates...: nothing below applies; nor to an address
            # or a firm read off the units of Chinese, Japanese or Korean script
            return [r]
        if r.entity_type in NAME_TYPES and "\n" in text[r.start:r.end].strip():
            # no name runs over a line break: "Nicoleton\nLindaside" is two lines, judged apart
            return [x for line in P.LINE.finditer(text, r.start, r.end) if line.group(1)
                    for x in self._retyped(text, _result(r, r.entity_type, line.start(1), line.end(1), r.score))]
        if r.entity_type == "PERSON" and text[r.end - 1:r.end].isupper():
            last = text.rfind(" ", r.start, r.end) + 1 or r.start
            if acronym_in_prose(text, last, r.end):  # "IRA", "My Roth" + " IRA": an acronym, no name
                if last == r.start:
                    return []
                end = last
                while text[end - 1] in " \t":
                    end -= 1
                r = _result(r, r.entity_type, r.start, end, r.score)
        if r.entity_type in NAME_TYPES:
            while r.end > r.start and (text[r.end - 1] in ",;:" or (
                    text[r.end - 1] == "." and r.entity_type != "ORGANIZATION" and r.end - r.start > 3 and text[r.end - 3:r.end - 1].isalpha())):
                r.end -= 1  # "Donna," or "Anna." from a lexicon match that took the punctuation
            if text.startswith(("s ", "s\t"), r.start) and r.start > 0 and text[r.start - 1] in "'’":
                r.start += 2  # "my name's tom": the tagger's "s tom"
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
            if text[r.start:r.start + 1].isupper() \
                    and (tail := P.TRAILING_WORD.search(text, r.start, r.end)) and tail.start() > r.start \
                    and ((word := tail.group(1)) in self.english or word in CHAT_WORDS) \
                    and word not in ORG_WORDS and word not in P.ORG_LAST:
                r.end = tail.start()  # "Mijo Urlić listed"; not "edison college", "ayşan salami"
            if len(named := text[r.start:r.end].rsplit(None, 1)) == 2 and named[1].lower() in FORM_LABELS:
                r.end = r.start + len(named[0])  # "JOHN" + "  DOB 01/02/1980": a record's next label
        if r.entity_type in ("PERSON", "LOCATION", "ORGANIZATION") and not self._trim_function_words(text, r):
            return []  # "Hola", "Guten Morgen": a greeting in a pupil's Spanish or German
        if r.entity_type in NAME_TYPES and (lower := text[r.start:r.end]).islower() \
                and all(w in CHAT_WORDS or w in STOPWORDS for w in lower.split()):
            return []  # "see u tmrw": chat spellings and function words name nobody
        if r.entity_type == "PERSON" and not self._trim_everyday_words(text, r):
            return []  # "My Cousin": everyday words only, no name among them
        if r.entity_type == "PERSON":
            self._trim_lowercase_start(text, r)  # "kocht heute" + "Suppe": verbs the tagger ran into a name
        if r.entity_type == "PERSON":  # "Hans-" + "Peter Müller" + "-Lüdenscheidt": one double-barrelled name
            while (before := P.HYPHENED_PART_BEFORE.search(text, max(0, r.start - 40), r.start)) is not None:
                r.start = before.start()
            while (after := P.HYPHENED_PART_AFTER.match(text, r.end)) is not None:
                r.end = after.end()
            if (after := P.APOSTROPHE_SURNAME_AFTER.match(text, r.end)) is not None:
                r.end = after.end()
            if len(named := text[r.start:r.end].rsplit(None, 1)) == 2 and named[1].lower() in P.NAME_ENDING_PARTICLES \
                    and (after := P.CAPITALISED_WORD_AFTER.match(text, r.end)):
                r.end = after.end()  # "Nguyen Van" + " An": the name goes on after its particle
        if r.entity_type in ("LOCATION", "PERSON") and text[r.start:r.end].isupper() \
                and any(c.islower() for c in text[max(0, r.start - 40):r.start]):
            # "flew to HLUBOKÁ NAD VLTAVOU": a name in capitals in lowercase text goes on over
            # the capitalised words after it that are no everyday words
            for more in P.CAPS_WORD_AFTER.finditer(text, r.end):
                if more.start() != r.end or (caps := more.group(1).lower()) in self.common or caps in FORM_LABELS:
                    break
                r.end = more.end()
        if looks_like_code(text[r.start:r.end]) or template_variable(text, r.start, r.end):
            return []  # "def greet(name", "<h1>Welcome</h1", "{STREET_NAME}": code the tagger read as a name
        if r.entity_type == "STREET_ADDRESS":
            if (end := end_before_time(text, r.start, r.end)) < r.end:  # "3 PM", "... after 5 pm"
                if not any(c.isalnum() for c in text[r.start:end]):
                    return []
                r = _result(r, r.entity_type, r.start, end, r.score)
            if numbered_part(text, r.start, r.end) or is_equation(text[r.start:r.end]):
                return []  # "Unit 4", "Grade 5", "3x + 5 = 20": a lesson's part, a sum
        span = _strip_possessive(text[r.start:r.end].strip())
        if r.entity_type in NAME_TYPES and sum(c.isalpha() for c in span) < 2:
            return []  # "The answer is B.": a letter alone names nobody
        if r.entity_type in NAME_TYPES and self._everyday_name(text, r.start, r.start + len(span)):
            return []  # "during Ramadan", "Venus, Earth, Mars"
        if " " not in span and (r.entity_type == "NRP" or r.entity_type in NAME_TYPES and _cased(span) in self.nrp) \
                and used_as_language(text, r.start, r.start + len(span)):
            return []  # "translate into Spanish", "my French homework": a language, no group of people
        if r.entity_type in NAME_TYPES and " " not in span and (
                sum(c.isdigit() for c in span) >= 3 or span.lower().strip(".") in ACRONYMS
                and (span.isupper() or P.VALUE_AFTER.match(text, r.end))):
            return []  # "GB53WPJE5930963667119", "IBAN", "Tel. 8 701 ...": a code or a label the tagger took for a name
        if r.entity_type in ("PERSON", "LOCATION") and _cased(span) not in self.nrp \
                and (lead := P.GEO_PREFIX_BEFORE.search(text, max(0, r.start - 10), r.start)):
            return [_result(r, "LOCATION", lead.start(), r.start + len(span), max(r.score, 0.7))]  # "Lake" + " Kaver"
        if r.entity_type in NAME_TYPES and P.SETTLEMENT_START.match(span):
            return [_result(r, "LOCATION", r.start, r.start + len(span), max(r.score, 0.85))]
        if r.entity_type in NAME_TYPES and not span.isascii() and P.CYRILLIC_GREEK_LOWER.fullmatch(span):
            return []  # lowercase Cyrillic or Greek words: no name is written so
        if r.entity_type in NAME_TYPES and not span.isascii() and P.CYRILLIC_GREEK.search(span):
            return capitalised_runs(text, r)
        if r.entity_type in ("ORGANIZATION", "LOCATION") and " " in span and (pieces := sentence_piece_names(
                text, _result(r, r.entity_type, r.start, r.start + len(span), r.score),
                lambda w: _cased(w) in self.first, self._is_place)) is not None:
            return pieces  # "Ieri ho visto Giulia e": Giulia, in a piece of an Italian sentence
        words = P.WORD.findall(span)
        if not words:
            return [r]
        if r.entity_type == "STREET_ADDRESS":
            return self._retyped_address(text, r, span)
        if r.entity_type == "NRP" and self._is_place(span) and _cased(span) not in self.nrp:
            return [_result(r, "LOCATION", r.start, r.start + len(span), r.score)]  # "into Nigeria"
        if r.entity_type == "NRP" and _cased(span) not in self.nrp and _cased(span) in self.first:
            return [_result(r, "PERSON", r.start, r.start + len(span), r.score)]  # "Why is Julian so impulsive?"
        if r.entity_type not in NAME_TYPES:
            return [r]
        if len(words) > 1 and words[0] in self.nrp and (all(w.islower() for w in words[1:]) or r.entity_type == "PERSON" and all(
                w.lower() in self.english and w not in self.first and w not in self.last for w in words[1:])
                and not self._is_place(span)):
            return [_result(r, "NRP", r.start, r.start + len(words[0]), r.score)]  # "American" + " action-comedy", "French" + " Revolution"
        if len(words) == 1 and P.WORK_TITLE.match(text, r.end) and P.SENTENCE_START.search(text, max(0, r.start - 4), r.start):
            return []  # "Zoolander is a 1973 American action-comedy film": a work's title
        if (trailing := P.TRAILING_OF.search(span)) and len(words) > 1:
            span, words = span[:trailing.start()], words[:-1]  # "Adya Tuominen of" + a place after it
            r = _result(r, r.entity_type, r.start, r.start + len(span), r.score)
        if (split := self._person_of_place(r, span)) is not None:
            return split
        if (firm := firm_end(text, r.start, r.start + len(span))) is not None:
            return [_result(r, "ORGANIZATION", r.start, firm, max(r.score, 0.6))]  # "Luka Petek s.p.", "Kozma Nyrt."
        if r.entity_type != "NRP" and (business := P.BUSINESS_NOUN_AFTER.match(text, r.start + len(span))):
            return [_result(r, "ORGANIZATION", r.start, business.end(), max(r.score, 0.6))]  # "Wolfram" + " Research"
        if r.entity_type in NAME_TYPES and _cased(words[0]) not in self.first \
                and not self._is_place(span) and in_firm_frame(text, r.start, r.start + len(span)):
            return [_result(r, "ORGANIZATION", r.start, r.start + len(span), max(r.score, 0.6))]  # "worked for Helminen"
        tokens = span.split()
        last = tokens[-1].lower().rstrip(".,")
        if len(tokens) >= 2 and (last in P.ORG_LAST or tokens[0].lower() in P.ORG_FIRST) \
                and not (span.isupper() and last in self.common):  # "I MET ANNA AS SHE LEFT"
            return [_result(r, "ORGANIZATION", r.start, r.start + len(span), r.score)]  # "Strøm ASA"
        if r.entity_type in ("PERSON", "LOCATION") and self._built_place(words):
            return [_result(r, "LOCATION", r.start, r.start + len(span), r.score)]  # "West Hazelfort"
        if r.entity_type != "PERSON" and (P.MIDDLE_INITIAL.fullmatch(span) or any(
                P.PATRONYMIC.match(w) and w.lower() not in self.english for w in words)) \
                and not any(w.lower() in ORG_WORDS for w in words):
            return [_result(r, "PERSON", r.start, r.start + len(span), max(r.score, 0.8))]
        if r.entity_type == "PERSON" and self._place_context(text, r) \
                and (self._is_place(span) or (span.lower() not in self.english and _cased(words[0]) not in self.first)):
            return [_result(r, "LOCATION", r.start, r.start + len(span), r.score)]  # "flew to Coles"
        the_before = after_determiner(text, r.start, r.end)
        landmark = P.LANDMARK_END.search(span) or (P.GEO_KIND_END.search(span) if the_before else None) or (
            P.COUNTRY_END.search(span) if P.CLUB_NEXT.match(text, r.end) else None)
        if landmark is None and (P.LANDMARK_AFTER.match(text[r.end:r.end + 16])
                                 or the_before and P.GEO_KIND_AFTER.match(text[r.end:r.end + 16])):
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
            # a month a person is named after, where a kin word or "named" says so ("his wife June")
            named = r.entity_type == "PERSON" and P.KIN_OR_NAMED_BEFORE.search(text, max(0, r.start - 24), r.start)
            return [r] if named else []
        if len(words) == 1 and words[0].lower() in self.common and P.SIGN_OFF_AFTER.match(text, r.end) \
                and not text[text.rfind("\n", 0, r.start) + 1:r.start].strip(" \t>"):
            return []  # "Best,\nJohn Miller": a sign-off, though a town is called so
        if len(words) == 1 and words[0].lower() in self.english and first not in self.first \
                and P.FIELD_COLON.match(text, r.end) and not text[text.rfind("\n", 0, r.start) + 1:r.start].strip(" \t>"):
            return []  # "Date: 2003-08-28": a form's field label, though a surname list holds it
        if len(words) == 1 and (words[0].lower() in self.english or words[0].islower() and english_form(
                words[0], self.english)) and first not in self.first \
                and first not in self.last and not self._is_place(words[0]) \
                and not P.KIN_OR_NAMED_BEFORE.search(text, max(0, r.start - 24), r.start):
            return []  # "Desk", "Bot", "bots": an everyday word no lexicon knows; not "Mr. Sun"
        is_place = self._is_place(span) or all(self._is_place(w) for w in words)
        # "i went with laura", "say hi to florence": after a person's cue, a lowercase first
        # name is a person, though a town is so named
        cued = words[0].islower() and words[0].title() in self.first \
            and bool(P.LOWER_NAME_CUE_BEFORE.search(text, max(0, r.start - 24), r.start))
        if cued and len(words) == 1 and r.entity_type == "LOCATION":
            return [_result(r, "PERSON", r.start, r.end, r.score)]
        starts_first = first in self.first or cued
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
        if r.entity_type != "PERSON" and len(words) > 1 and first in self.first and not self._is_place(span) \
                and (last := _cased(words[-1])) in self.last and not self._is_place(last) \
                and words[-1].lower() not in self.common and not self._place_context(text, r):
            # "apologise to Mark Harrell": a first name and a surname, though a town is called Mark
            return [_result(r, "PERSON", r.start, r.start + len(span), r.score)]
        if r.entity_type != "PERSON" and starts_first and not is_place and not self._is_place(words[0]) \
                and all(_cased(w) in self.first or _cased(w) in self.last or w.lower() not in self.common
                        for w in words):
            return [_result(r, "PERSON", r.start, r.start + len(span), r.score)]
        return [r]

    def _everyday_name(self, text: str, start: int, end: int) -> bool:
        """A holiday, a planet, an AI assistant, a tool where it is used as one ("learn Julia"), a
        month before its day ("Mar 3"), a law's or a dish's name ("the Doppler effect", "a Caesar
        salad"), not "my sister Christmas"."""
        span = text[start:end]
        return (is_holiday(text, start, end) or world_region(text, start, end) or studied_language(text, start, end)
                or " " not in span and (
            in_the_sky(text, span) or is_assistant(span) or month_day(text, start, end) or tech_term(text, start, end)
            or text[end:end + 1] in _EPONYM_NEXT
            and (P.EPONYM_AFTER.match(text, end) or P.DISH_AFTER.match(text, end)))) \
            and not P.KIN_OR_NAMED_BEFORE.search(text, max(0, start - 24), start)

    @staticmethod
    def _place_context(text: str, r: RecognizerResult) -> bool:
        """A verb of going or meeting and a preposition before, or "is ... to visit" after."""
        return bool(P.PLACE_BEFORE.search(text, max(0, r.start - 24), r.start)
                    or P.BEING_IN_BEFORE.search(text, max(0, r.start - 24), r.start)
                    or P.VISIT_AFTER.match(text[r.end:r.end + 48]))

    def __call__(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """Not reentrant: one call at a time (the engine's analysis lock)."""
        self._line_titles = {}
        out: list[RecognizerResult] = []
        for r in free_labelled_values(text, results):
            out.extend(self._retyped(text, r))
        out = schools_by_attending(text, korean_given_names(text, out), self._is_place)
        out = self._name_lists(text, self._name_before_address(text, possessive_kin_names(text, out)))
        asked: list[tuple[int, int]] = []  # runs of another script asked about or studied: no names
        if not text.isascii():
            runs, cased = caseless_runs(text), cased_foreign_runs(text)
            out = caseless_types(text, out + caseless_names(text, runs + cased), runs, cased)
            out = cyrillic_kin_names(text, cyrillic_places(text, out))
            asked = [(s, e) for s, e in runs + cased if studied(text, s, e, strict=True)]
        out = self._company_lines(text, self._city_lines(text, self._people_context(text, out)))
        out = self._repeated_names(text, self._particle_surnames(text, self._signed_names(text, out)))
        out = self._mentions(text, out)
        # the passes over the whole text may have named a holiday or a planet in a list again
        return [r for r in ages_in_brackets(text, out) if r.entity_type not in NAME_TYPES
                or not self._everyday_name(text, r.start, r.end) and not any(s <= r.start and r.end <= e for s, e in asked)]

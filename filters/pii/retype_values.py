"""Type resolution's passes that give a tagger's span back its parts, and that read what a
few words around a name say it is.

On a tagger's over-long span: a value a recognizer of its own found inside a tagger's
"address" or "name" keeps its own type when nothing else in the span is an address or a
name; in scripts that capitalise every name and nothing else but a sentence's first word,
the capitalised runs of the span are the names. Around a name: a Cyrillic place after "в",
a kin word before a name ("Chidi's mum", "мой брат ерлан"), an age in brackets after one, a
school after "study at". Called by `Retyper` (retype.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import regex as re
from presidio_analyzer import RecognizerResult

from . import name_patterns as P
from .name_patterns import NAME_TYPES, ORG_WORDS
from .recognizers.lexicon import lexicon
from .recognizers.places import labels_only
from .retype_context import _result

# Values with recognizers of their own, which a tagger's address or name may swallow with
# their labels ("IIN 900101339825, passport N12345678", "telegram @timur_k").
_OWN_VALUES = frozenset({"PHONE_NUMBER", "PASSPORT", "ID_NUMBER", "KZ_IIN", "KZ_BIN", "CREDIT_CARD", "US_SSN",
                         "IBAN_CODE", "EMAIL_ADDRESS", "URL", "IP_ADDRESS", "MAC_ADDRESS", "CRYPTO", "DATE_TIME",
                         "DATE_OF_BIRTH", "AGE", "USERNAME", "CREDENTIAL", "SCHOOL"})
_SWALLOWING = NAME_TYPES | {"STREET_ADDRESS"}


def free_labelled_values(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """A tagger's address or name that is other values and their labels ("IIN
    900101339825, passport N12345678", "(415) 555-0134, passport X1234567", "telegram
    @timur_k") is none: once the values found inside it are taken out, no digit is left
    and no word an address or a name has. Were it kept, its length would win over those
    values and type them all as one address or place."""
    values = [r for r in results if r.entity_type in _OWN_VALUES]
    if not values:
        return results
    out = []
    for r in results:
        inside = [v for v in values if v.start < r.end and r.start < v.end] if r.entity_type in _SWALLOWING else ()
        if inside:
            rest = list(text[r.start:r.end])
            for v in inside:
                start, end = max(v.start, r.start) - r.start, min(v.end, r.end) - r.start
                rest[start:end] = " " * (end - start)
            if labels_only("".join(rest)):
                continue
        out.append(r)
    return out


def capitalised_runs(text: str, r: RecognizerResult) -> list[RecognizerResult]:
    """In Cyrillic and Greek script a name is capitalised wherever it stands and other
    words are not, but a sentence's first: the tagger's "Мой друг Тимур живёт в
    Караганде" holds the names "Тимур" and "Караганде", and "Меня зовут Айгерим
    Садыкова" the name "Айгерим Садыкова". Each run of capitalised words that are no
    function words is a name of the span's type."""
    runs: list[list[int]] = []
    for word in P.SCRIPT_WORD.finditer(text, r.start, r.end):
        lower = word.group().lower()
        if not word.group()[0].isupper() or lower in P.CYRILLIC_GREEK_FUNCTION_WORDS \
                or lower in cyrillic_stop_words() and P.cyrillic_lookup_form(lower) not in lexicon("cyrillic_first_names"):
            continue  # "Сколько будет 2+2?": a stop word opening the sentence ("Ким" is a name, though)
        if (lower in P.CYRILLIC_IMPERATIVES or P.CYRILLIC_POLITE_VERB.search(lower)) \
                and text[:word.start()].rstrip(" \t")[-1:] in ("", ".", "!", "?", "\n", ":", "\"", "«"):
            continue  # "Напиши письмо", "Объясните, пожалуйста": a prompt's opening verb
        if runs and not text[runs[-1][1]:word.start()].strip(" \t"):
            runs[-1][1] = word.end()
        else:
            runs.append([word.start(), word.end()])
    return [_result(r, "LOCATION" if r.entity_type == "PERSON" and cyrillic_place(text[start:end]) else r.entity_type,
                    start, end, r.score) for start, end in runs]


# The lowercase words a firm's or a place's name holds ("Bank of America", "Rio de Janeiro",
# "Stratford-upon-Avon"); any other lowercase word makes a tagger's span a piece of sentence.
_NAME_JOINERS = frozenset("of the and for upon on in at de du des la le les el los las y e i da do das dos di del "
                          "della delle van von der den ter zu am im an bin ibn al og och und et en és ve a".split())
# A title of another language before a surname: "mevrouw De Vries", "señora Ruiz".
_OTHER_TITLES = frozenset("mevrouw meneer mevr dhr señora señor sra sr srta madame monsieur mme mlle frau herr "
                          "signora signor sig pani pan senhora senhor dona dom".split())


def sentence_piece_names(text: str, r: RecognizerResult, is_person: Callable[[str], bool],
                         is_place: Callable[[str], bool]) -> list[RecognizerResult] | None:
    """A firm or a place the tagger read over a piece of a sentence in another language
    ("Ieri ho visto Giulia e", "com o meu irmão Tiago", "mevrouw De Vries"), where a person
    stands after lowercase words that join no name's parts: that person, and the span's other
    capitalised runs (a place where a lexicon knows it, else of the span's type). None for
    anything else, firms with a legal form above all ("Kovács és társa Zrt.")."""
    plain = text[r.start:r.end].split()
    if not any(w.islower() and w not in _NAME_JOINERS for w in plain) \
            or any("." in w or w.lower() in ORG_WORDS for w in plain):
        return None  # most spans: a name as written, or a firm's legal form
    words = list(P.WORD.finditer(text, r.start, r.end))
    runs: list[list] = []
    loose = False  # a lowercase word that joins no name's parts, before the current run
    for w in words:
        if w.group()[:1].isupper():
            if runs and runs[-1][2] == loose and text[runs[-1][1]:w.start()].strip() == "":
                runs[-1][1] = w.end()
            else:
                runs.append([w.start(), w.end(), loose])
        elif w.group() not in _NAME_JOINERS:
            loose = True
    people = [(start, end) for start, end, after_loose in runs if after_loose and (
        (first := text[start:end].split()[0]).lower() not in _NAME_JOINERS and is_person(first)
        and not is_place(text[start:end])
        or (before := text[max(0, start - 12):start].split()) and before[-1].lower().rstrip(".") in _OTHER_TITLES)]
    if not people:
        return None
    out = [_result(r, "PERSON", start, end, max(r.score, 0.7)) for start, end in people]
    for start, end, _ in runs:
        if (start, end) in people or P.SENTENCE_START.search(text, max(0, start - 4), start):
            continue
        out.append(_result(r, "LOCATION" if is_place(text[start:end]) else r.entity_type, start, end, r.score))
    return out


def cyrillic_place(word: str) -> bool:
    """A town, region or country in Cyrillic in any case ("Москву", "Казахстана", "Франции"),
    that no first name shares ("Милан"): a place wherever it stands, not only after "в"."""
    if " " in word:
        return False
    forms = {P.cyrillic_lookup_form(f) for f in P.nominative_forms(word)}
    return not forms.isdisjoint(lexicon("cyrillic_places")) and forms.isdisjoint(lexicon("cyrillic_first_names"))


def cyrillic_places(text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
    """Places the English tagger never saw in Cyrillic: after "в", "из", "до" ("живу в
    Алматы") or with a Kazakh place ending ("Астанада"). A name found there already is
    made a place; nothing else is touched."""
    if not P.CYRILLIC_GREEK.search(text):
        return found
    out = list(found)
    for m in P.CYRILLIC_PLACE.finditer(text):
        group = 1 if m.group(1) else 2
        start, end = m.start(group), m.end(group)
        if group == 2 and text[:start].rstrip()[-1:] in ("", ".", "!", "?", "\n"):
            continue  # a sentence's first word: its capital says nothing
        same = [r for r in out if r.start == start and r.end == end and r.entity_type == "PERSON"]
        if same:
            out = [r for r in out if r not in same]
        elif any(r.start < end and start < r.end for r in out):
            continue
        out.append(RecognizerResult("LOCATION", start, end, 0.7))
    return out


def possessive_kin_names(text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
    """"Chidi's mum", "Okafor's teacher": the capitalised word before "'s" and a kin word is a
    person, whatever the tagger made of it (it took "Chidi's mum" for a firm, which a
    tenant that redacts people and not firms would have let through)."""
    out = list(found)
    for apostrophe in ("'s ", "’s "):
        at = text.find(apostrophe)
        while at >= 0:
            after = text[at + 3:at + 24].split(None, 1)
            name = P.CAPITALISED_BEFORE.search(text, max(0, at - 40), at)
            if after and after[0].strip(".,!?;:").lower() in P.KIN_AFTER_POSSESSIVE and name is not None:
                start, end = name.start(), name.end()
                covering = [r for r in out if r.start <= start and end <= r.end]
                if not any(r.entity_type == "PERSON" for r in covering):
                    out = [r for r in out if r not in covering or r.entity_type not in NAME_TYPES]
                    out.append(RecognizerResult("PERSON", start, end, 0.7))
            at = text.find(apostrophe, at + 1)
    return out


def ages_in_brackets(text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
    """"My daughter Amelia-Rose (8)": a number in brackets right after a person is an age."""
    ages = [(r, m) for r in found if r.entity_type == "PERSON" and (m := P.AGE_IN_BRACKETS.match(text, r.end))]
    return found + [RecognizerResult("AGE", m.start(1), m.end(1), 0.6) for _, m in ages]


def schools_by_attending(text: str, found: list[RecognizerResult], is_place) -> list[RecognizerResult]:  # noqa: ANN001
    """A firm, or a place no gazetteer knows, right after "study at", "attends", "graduated
    from" is a school ("I study at MIT", "she attends Westview"): tenants that redact schools
    and not firms had let it through."""
    out = []
    for r in found:
        if r.entity_type in ("ORGANIZATION", "LOCATION") and P.ATTENDING_BEFORE.search(text, max(0, r.start - 40), r.start) \
                and not (r.entity_type == "LOCATION" and is_place(text[r.start:r.end])):
            r = _result(r, "SCHOOL", r.start, r.end, r.score)
        out.append(r)
    return out


def cyrillic_kin_names(text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
    """"мой брат ерлан", "досым дамир", "мой друг Милан": a Cyrillic word after a kin word is a name
    when a first-name lexicon holds it ("марат", "михаил", whose endings a verb's share), else
    unless a function word or a verb's, adjective's or adverb's ending says otherwise ("мой
    брат ходит", "моя сестра младшая", "мой друг тоже")."""
    if not P.CYRILLIC_GREEK.search(text):
        return found
    extra = []
    names = lexicon("cyrillic_first_names")
    for m in P.KIN_THEN_WORD_CYRILLIC.finditer(text):
        word, start, end = m.group(1), m.start(1), m.end(1)
        if any(r.start < end and start < r.end for r in found):
            continue
        if word[0].isupper():  # "Мой друг Милан": capitalised after a kin word, a name unless a town's
            if not cyrillic_place(word):
                extra.append(RecognizerResult("PERSON", start, end, 0.7))
            continue
        if P.cyrillic_lookup_form(word) in names or not (  # "мой брат марат", though "-ат" ends verbs too
                word in P.CYRILLIC_GREEK_FUNCTION_WORDS or word in cyrillic_stop_words() or P.CYRILLIC_NOT_A_NAME.search(word)):
            extra.append(RecognizerResult("PERSON", start, end, 0.6))
    return found + extra


@lru_cache(maxsize=1)
def cyrillic_stop_words() -> frozenset[str]:
    from spacy.lang.ru.stop_words import STOP_WORDS as RUSSIAN
    from spacy.lang.uk.stop_words import STOP_WORDS as UKRAINIAN

    return frozenset(RUSSIAN | UKRAINIAN)


# Korean given names are two syllables joined by a hyphen in Latin letters ("Min-jun",
# "Seo-yeon", "Jae-won"): the tagger splits them at the hyphen or calls them a firm. These
# are the syllables of the Revised and McCune-Reischauer romanisations that given names use.
_KOREAN_NAME_SYLLABLES = frozenset("""
ah an bin bo bok byung byeong chae chan chang cheol chul chun da dae do dong eun geun gi gyu gyeong ha hae han
hee hi ho hoon hun hwa hwan hye hyo hyuk hyeok hyun hyeon il in jae ji jin jong joo ju jun joon jung jeong kang
ki kwang kyung kyeong kyu mi min myung myeong na nam ra rin ri sang se seo seok seon seong seul si so sol soo
su suk sun sung tae u ui won woo woong ye yeon yeong yong young yoon yu yun
""".split())
_INTERJECTIONS = frozenset({"ah-ha", "ye-ah", "ah-ah", "hi-ya", "ha-ho"})
_HYPHENED = re.compile(r"(?<![\p{L}\d-])(\p{Lu}\p{Ll}{0,5})-(\p{Ll}{1,6})(?![\p{L}\d-])")


def korean_given_names(text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
    """A Korean given name, whole and a person's, whatever the tagger made of its halves."""
    if "-" not in text:
        return found
    names = [m for m in _HYPHENED.finditer(text) if m.group(1).lower() in _KOREAN_NAME_SYLLABLES
             and m.group(2) in _KOREAN_NAME_SYLLABLES and m.group(1).lower() != m.group(2)
             and m.group(0).lower() not in _INTERJECTIONS]
    for m in names:
        start, end = m.span()
        if any(r.entity_type == "PERSON" and r.start <= start and r.end >= end for r in found):
            continue
        found = [r for r in found if not (r.entity_type in NAME_TYPES and r.start < end and start < r.end)]
        found.append(RecognizerResult("PERSON", start, end, 0.7))
    return found

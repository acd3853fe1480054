"""Names and places from lexicons, read off the spaCy tokens the NER pass already made.

The small NER learns context; these two recognizers add what a lexicon knows regardless of
context, which is where a compact model is weakest (a name in a sentence shape it never saw).
Both are conservative: a person needs a known first name *followed* by a capitalised word
that is a known surname or not an everyday word ("Anna Kowalski", not "Will Power"), or a
title ("Dr. Ibragimova"); a place must be written in title case, or, in lowercase text, not
be an everyday word ("almaty" yes, "nice" no).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import regex
from faker.providers.address.en import Provider
from presidio_analyzer import LocalRecognizer, RecognizerResult

from ..artifacts import token_table
from .common import common_words, english_words

LEXICONS = Path(__file__).resolve().parents[1] / "models" / "lexicons"
TITLES = frozenset("mr mrs ms miss dr prof sir madam mx".split())
# A form's field labels after a name in a record ("DOE, JOHN  DOB 01/02/1980  MRN ..."): no surname.
FORM_LABELS = frozenset("dob dod mrn ssn nhs nino tel ph fax id acct dept".split())
PARTICLES = frozenset("de da del della di van von der den du la le al el bin ibn ben dos das".split())
# Place names that are everyday words or common first names when lowercase.
LOWERCASE_EXCLUDED = frozenset(
    "turkey china chile jordan georgia chad guinea jersey nice split reading bath mobile victoria "
    "florence sydney austin orlando paris york phoenix aurora eugene lincoln washington florida".split()
)


@lru_cache(maxsize=16)  # every lexicon file, read once
def lexicon(name: str) -> frozenset[str]:
    path = LEXICONS / f"{name}.txt"
    return frozenset(path.read_text(encoding="utf-8").split("\n")) - {""} if path.is_file() else frozenset()


_NOT_WORD = re.compile(r"[\W_]+")


def _squash(text: str) -> str:
    """Lowercase letters and digits only: "Washington, D.C." and its tokens compare equal."""
    lower = text.lower()
    if lower.isascii() and lower.isalnum():  # most tokens: nothing to drop, no regex pass
        return lower
    return _NOT_WORD.sub("", lower)


def token_texts(doc) -> tuple[list[str], list[str]]:
    """Token texts and lowercase forms, read once per Doc for all lexicon recognizers."""
    table = token_table(doc)
    return table.texts, table.lowers


def _result(recognizer: LocalRecognizer, entity: str, start: int, end: int, score: float) -> RecognizerResult:
    return RecognizerResult(entity, start, end, score, recognition_metadata={
        RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
    })


# A name with a capital inside ("McIlroy", "DiCaprio", "LaFontaine"), not a shouted word.
_INNER_CAPITALS = regex.compile(r"\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+")


class NameLexiconRecognizer(LocalRecognizer):
    """Title-case or upper-case: a known first name (or a title) followed by surname-like
    words, score 0.9 (above the NER's 0.85: the tagger's type for a full name is the weaker
    evidence); a lone known first name that is not an everyday word, 0.55 (below a
    lexicon place, so "Florence" alone stays ambiguous and the NER's context decides).
    Lowercase: only a known first name followed by a known surname, 0.6."""

    PAIR, SINGLE, LOWER_PAIR = 0.7, 0.55, 0.6

    def __init__(self, language: str) -> None:
        self.first, self.last, self.common = lexicon("first_names"), lexicon("last_names"), common_words()
        super().__init__(supported_entities=["PERSON"], supported_language=language, name="NameLexiconRecognizer")

    def load(self) -> None:
        pass

    @staticmethod
    def _cased(word: str) -> str | None:
        """The title-case form of a title-case or upper-case word, as written for a name
        with inner capitals ("McIlroy", "DiCaprio", "MacArthur"), else None."""
        if word[:1].isupper() and (word[1:].islower() or not word[1:]):
            return word
        if word.isupper() and len(word) > 1:
            return word.title()
        if _INNER_CAPITALS.fullmatch(word):
            return word
        return None

    def _surname_like(self, word: str) -> bool:
        cased = self._cased(word)
        return cased is not None and len(cased) > 1 and cased[1:2].isalpha() and word.lower() not in FORM_LABELS and (
            cased in self.last or word.lower() not in self.common)

    def _name_end(self, words: list[str], j: int) -> int:
        """Index after the surname tokens starting at j (particles allowed inside), or j."""
        end = j
        while end < len(words) and end - j < 4:
            if self._surname_like(words[end]):
                end += 1
                continue
            k = end
            while k < len(words) and words[k].lower() in PARTICLES:
                k += 1
            if k == end or k >= len(words) or not self._surname_like(words[k]):
                break
            end = k + 1
        return end

    def _match(self, words: list[str], i: int) -> tuple[int, int, float] | None:
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        cased = self._cased(word)
        if cased is not None:
            if cased.rstrip(".").lower() in TITLES:
                end = self._name_end(words, i + 1)
                return (i + 1, end, self.PAIR) if end > i + 1 else None
            if cased in self.first:
                is_common = word.lower() in self.common
                if not is_common or (self._cased(nxt) or "") in self.last:
                    end = self._name_end(words, i + 1)
                    if end > i + 1:
                        return i, end, self.PAIR
                if not is_common and len(word) > 2:
                    return i, i + 1, self.SINGLE
            return None
        if word.islower() and word.title() in self.first and word not in self.common and nxt.islower() \
                and nxt.title() in self.last and nxt not in self.common:
            return i, i + 2, self.LOWER_PAIR
        return None

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 - Presidio's signature
        if nlp_artifacts is None or "PERSON" not in entities:
            return []
        doc = nlp_artifacts.tokens
        words, _ = token_texts(doc)
        first = self.first
        # Only a title or a known first name (as written, or title-cased from capitals or
        # lowercase) can open a match: one set lookup per token finds them.
        opening = [i for i, word in enumerate(words)
                   if word in first or word.title() in first or word.rstrip(".").lower() in TITLES]
        results, i = [], 0
        for j in opening:
            if j < i:
                continue  # inside the last match
            match = self._match(words, j)
            if match is None:
                continue
            start, end, score = match
            span = doc[start:end]
            results.append(_result(self, "PERSON", span.start_char, span.end_char, score))
            i = end
        return results


class PhraseLexiconRecognizer(LocalRecognizer):
    """Phrases from a lexicon, found by a dictionary lookup keyed by each phrase's first word.
    spaCy's PhraseMatcher would do the same, but building it adds tens of thousands of
    lexemes to the pipeline's vocabulary, which cost seconds at every engine build; this
    index is built in milliseconds. Title-case (or upper-case) matches score `score`;
    lowercase ones only count when they are not everyday words."""

    def __init__(self, entity: str, lexicon_name: str, language: str, score: float, lower_score: float,
                 lower_excluded: frozenset[str], skip_common: bool, lower_after_preposition: frozenset[str] = frozenset(),
                 ambiguous: frozenset[str] = frozenset(), ambiguous_score: float = 0.5) -> None:
        self.entity, self.score, self.lower_score = entity, score, lower_score
        self.ambiguous, self.ambiguous_score = ambiguous, ambiguous_score
        self.common = common_words()
        self.lower_excluded = lower_excluded
        self.lower_after_preposition = lower_after_preposition
        self.phrases: set[str] = set()
        self.longest: dict[str, int] = {}  # first word (lowercase) -> most words in a phrase
        for phrase in lexicon(lexicon_name):
            words = phrase.lower().split()
            if skip_common and len(words) == 1 and _squash(words[0]) in self.common:
                continue
            self.phrases.add(_squash(phrase))
            first = _squash(words[0])
            self.longest[first] = max(self.longest.get(first, 0), len(words))
        super().__init__(supported_entities=[entity], supported_language=language,
                         name=f"{entity.title()}LexiconRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 - Presidio's signature
        if nlp_artifacts is None or self.entity not in entities:
            return []
        doc = nlp_artifacts.tokens
        _, lowers = token_texts(doc)
        results, n, longest = [], len(doc), self.longest
        after = 0  # tokens before this one are inside the last phrase
        for i in [i for i, word in enumerate(lowers) if word in longest]:
            if i < after:
                continue
            # punctuation tokens ("Washington , D.C.") count towards the window too
            for size in range(min(longest[lowers[i]] * 2, n - i), 0, -1):
                if _squash("".join(lowers[i:i + size])) in self.phrases:
                    span = doc[i:i + size]
                    score = self._score(span.text, lowers[i - 1] if i else "")
                    end = size
                    while end > 1 and doc[i + end - 1].is_punct:
                        end -= 1  # "Lorraine" of "Lorraine!": a longer span would outrank the same name as a person
                    if score:
                        results.append(_result(self, self.entity, span.start_char, doc[i + end - 1].idx
                                               + len(doc[i + end - 1].text), score))
                    after = i + size
                    break
        return results

    def _score(self, text: str, before: str) -> float:
        if all(w[:1].isupper() for w in text.split()):
            return self.ambiguous_score if text.title() in self.ambiguous else self.score
        bare = text.strip(" .,;:!?")  # a window may take the sentence's full stop ("hall.")
        if text.islower() and bare in self.lower_after_preposition:  # "of dallas", not "dallas said"
            return self.lower_score if before in _PLACE_PREPOSITIONS else 0.0
        if text.islower() and bare not in self.lower_excluded and bare not in self.common \
                and not all(word in self.common for word in bare.split()):  # "is so", read as "Isso"
            return self.lower_score
        return 0.0


_PLACE_PREPOSITIONS = frozenset({"in", "of", "from", "to", "near", "at"})


@lru_cache(maxsize=1)
def person_words() -> frozenset[str]:
    return lexicon("first_names") | lexicon("last_names")


def place_recognizer(language: str) -> PhraseLexiconRecognizer:
    """Lowercase, a place is no dictionary word ("the end of the hall", "a cave"): chat
    writes those far more often than the town of the same name. Country names are the
    exception, but for those LOWERCASE_EXCLUDED names ("turkey", "china"). A lowercase first
    name ("dallas") is a place only after a place's preposition ("of dallas")."""
    first_lower = frozenset(w.lower() for w in lexicon("first_names"))
    words = english_words() - {c.lower() for c in Provider.countries}  # "i live in japan" stays a place
    return PhraseLexiconRecognizer("LOCATION", "places", language, 0.6, 0.55,
                                   LOWERCASE_EXCLUDED | words, skip_common=True,
                                   lower_after_preposition=first_lower - LOWERCASE_EXCLUDED - words,
                                   ambiguous=lexicon("first_names"), ambiguous_score=0.5)


def nrp_recognizer(language: str) -> PhraseLexiconRecognizer:
    """Known nationality, religion and party words are confident: 0.9 beats the NER's 0.85
    when the NER calls "Jamaican" a person."""
    return PhraseLexiconRecognizer("NRP", "nrp", language, 0.9, 0.6, frozenset(), skip_common=False)

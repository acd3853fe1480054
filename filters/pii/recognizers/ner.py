"""Entities from the spaCy pipeline, with rules for a compact NER's typical mistakes.

* An all-lowercase entity made only of common words ("the evening", "simple words") is
  dropped, and so is a capitalised run of everyday words that no lexicon knows as a name or
  place ("Greetings", "Dogs Eat Grapes" in title-case text).
* A lone lowercase word is a place, organisation or nationality only if the place lexicon
  knows it: a tagger guess on one lowercase word is mostly noise.
* A person's span ends before trailing everyday words, "'s" or markup ("Anna's maid of
  honour" -> "Anna").
* A "street address" whose first line has no word is a phone number ("345-899-3560x4587");
  one without a single digit is a place name ("Tbilisi, Georgia"): real
  street addresses carry a house or postal number.
"""

from __future__ import annotations

import unicodedata

import regex as re
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from spacy.tokens import Doc

from .common import all_english, common_words, english_words
from .lexicon import lexicon, person_words

_NAME_TYPES = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "NRP"})
_NAME_PUNCT = frozenset(".-'’")
_OPENERS = (":", '"', "“", "”", "«", "»")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def vetoed(entity_type: str, text: str) -> bool:
    stripped = text.strip()
    if len(stripped) < 2 or not any(c.isalpha() for c in stripped):
        return True
    if entity_type not in _NAME_TYPES:
        return False
    if entity_type != "ORGANIZATION" and any(c.isdigit() for c in stripped):
        return True  # names, places and nationalities have no digits
    if stripped.islower() and all_english(stripped):
        return True
    if stripped.islower() and " " not in stripped and entity_type != "PERSON":
        return stripped.title() not in lexicon("places")  # "bots" is no place; "almaty" is
    words = stripped.removesuffix("'s").removesuffix("’s").split()
    common = english_words()
    if not all(w.lower().strip(".,!?") in common for w in words):
        return False
    known = person_words() if entity_type == "PERSON" else lexicon("places")
    return not any(w in known or w.title() in known for w in words)


def _name_word(word: str) -> bool:
    """Letters, with apostrophes or hyphens inside and a full stop after: "O'Neil",
    "D’Angelo", "Jr.". (A name's apostrophe is no end of it: "Mary O'Neil" had lost its
    surname.)"""
    core = word.rstrip(".")
    return core[:1].isalpha() and core.replace("'", "").replace("’", "").replace("-", "").isalpha()


def trim_person(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span.text[:1].isupper():
        return start, end
    common = common_words()
    last = span.start
    for token in span:
        if token.i > span.start and (
            token.lower_ in ("'s", "’s")
            or (not token.is_alpha and token.text not in _NAME_PUNCT and not _name_word(token.text))
            or (token.is_lower and token.lower_ in common)
        ):
            break
        last = token.i
    kept = doc[span.start:last + 1]
    return (kept.start_char, kept.end_char) if kept.text.strip() else None


class NerRecognizer(SpacyRecognizer):
    def __init__(self, supported_entities: list[str], language: str, score: float) -> None:
        super().__init__(
            supported_language=language, supported_entities=supported_entities,
            ner_strength=score, name="NerRecognizer",
        )

    def _entities(self, entities, nlp_artifacts) -> list[RecognizerResult]:  # noqa: ANN001
        """Presidio's `SpacyRecognizer.analyze` without its per-entity explanation object and
        debug f-strings (the engine never returns the decision process)."""
        if not nlp_artifacts:
            return []
        wanted = set(entities) & set(self.supported_entities)
        metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        return [RecognizerResult(entity.label_, entity.start_char, entity.end_char, score, recognition_metadata=dict(metadata))
                for entity, score in zip(nlp_artifacts.entities, nlp_artifacts.scores) if entity.label_ in wanted]

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 - Presidio's signature
        out: list[RecognizerResult] = []
        for r in self._entities(entities, nlp_artifacts):
            if r.entity_type in _NAME_TYPES:  # 'Answer:"Tube Snake Boogie': a label or a quote opens no name
                r.start = max(r.start, *(text.rfind(c, r.start, r.end) + 1 for c in _OPENERS))
            while r.start < r.end and not text[r.start].isalnum():  # ", camels" -> "camels"
                r.start += 1
            # a combining mark ends many words ("जोशी", "ธรรมฤดี"): no punctuation to trim
            while r.end > r.start and not (text[r.end - 1].isalnum() or text[r.end - 1] in ".)"
                                           or unicodedata.category(text[r.end - 1]).startswith("M")):
                r.end -= 1
            if r.entity_type == "STREET_ADDRESS" and not _LETTERS.search(text[r.start:r.end].split("\n", 1)[0]):
                continue  # "345-899-3560x4587": digits and an extension are a phone, not a street
            if r.entity_type == "STREET_ADDRESS" and not any(c.isdigit() for c in text[r.start:r.end]):
                if "LOCATION" not in entities:
                    continue
                r.entity_type = "LOCATION"
            if r.entity_type == "PERSON":
                trimmed = trim_person(nlp_artifacts.tokens, r.start, r.end)
                if trimmed is None:
                    continue
                r.start, r.end = trimmed
            if not vetoed(r.entity_type, text[r.start:r.end]):
                out.append(r)
        return out

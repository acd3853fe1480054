"""Numbers written so that a pattern of digits misses them, and a card's security code.

* A phone number inside a chat link ("wa.me/447700900461",
  "api.whatsapp.com/send?phone=..."): the link is the number, and a link is what most
  tenants let through.
* A phone number in words ("my number is oh seven nine one one, one two three four five
  six"): children are told not to give their number out, and some spell it to get past a
  filter. Seven or more digit words in a row, within reach of a phone word.
* A card's security code after its label ("CVV is 123"): with the number masked it says
  little, but it is the card's (payment data the tenants' policies keep from the AI), and a
  code of three digits has no shape of its own. (An expiry date alone is left: "exp" and
  "expiry date" label too many other things.)
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern
from spacy.tokens import Doc

from ..artifacts import lower_token_index
from .windows import Anchor, WindowedPatternRecognizer, WordStarts

_DIGIT_WORDS = frozenset("zero oh o one two three four five six seven eight nine double triple".split())
_DIGIT_WORD = "(?:" + "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True)) + ")"


class SpelledPhoneRecognizer(WindowedPatternRecognizer):
    PATTERNS = [Pattern("phone in words", rf"(?<![\w-]){_DIGIT_WORD}(?:[\s,.-]+{_DIGIT_WORD}){{6,}}(?![\w-])", 0.6)]
    CONTEXT = ["phone", "number", "call", "text", "mobile", "cell", "whatsapp"]
    # the digits follow their phone word within a sentence or so
    ANCHOR = Anchor(WordStarts(("phone", "number", "call", "text", "mobile", "cell", "whatsapp", "tel", "ring")),
                    before=0, after=160)

    def __init__(self) -> None:
        super().__init__(supported_entity="PHONE_NUMBER", name="SpelledPhoneRecognizer", patterns=self.PATTERNS,
                         context=self.CONTEXT)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: D102, ANN001
        # Seven digit words at least, counted off the doc's tokens: chat is full of phone
        # words ("call", "text", "number"), and the pattern tried at every position of their
        # windows cost 80 µs per prompt that holds no spelled number.
        doc = getattr(nlp_artifacts, "tokens", None)
        if isinstance(doc, Doc):
            index = lower_token_index(doc)
            if sum(len(index[word]) for word in _DIGIT_WORDS & index.keys()) < 7:
                return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)

    def validate_result(self, pattern_text: str) -> bool | None:
        """Seven digits at least, "double" and "triple" not counted: "one two three" is counting."""
        digits = [w for w in re.split(r"[\s,.-]+", pattern_text.lower()) if w not in ("double", "triple")]
        return None if len(digits) >= 7 else False


_CARD_CODE_LABEL = r"(?i:cvv2?|cvc2?|csc|card\s+security\s+code)"


class CardCodeRecognizer(WindowedPatternRecognizer):
    PATTERNS = [Pattern("card security code after its label",
                        rf"\b{_CARD_CODE_LABEL}(?:\s+(?:is|was|:)|\s*[:=])?\s*\K\d{{3,4}}(?![\d/.-])", 0.6)]
    ANCHOR = Anchor(WordStarts(("cvv", "cvc", "csc", "card security")), before=0, after=40)

    def __init__(self) -> None:
        super().__init__(supported_entity="CREDIT_CARD", name="CardCodeRecognizer", patterns=self.PATTERNS)


class PhoneLinkRecognizer(WindowedPatternRecognizer):
    PATTERNS = [Pattern("phone in a chat link",
                        r"(?<![\w.-])(?:https?://)?(?:wa\.me/|(?:api\.)?whatsapp\.com/send/?\?phone=)\+?\d{7,15}(?!\d)", 0.85)]
    ANCHOR = Anchor(WordStarts(("wa.me/", "whatsapp.com/send")), before=0, after=40)

    def __init__(self) -> None:
        super().__init__(supported_entity="PHONE_NUMBER", name="PhoneLinkRecognizer", patterns=self.PATTERNS)

    def validate_result(self, pattern_text: str) -> bool:
        """The link's host says the digits are a phone: it outranks the same span read as a link."""
        return True

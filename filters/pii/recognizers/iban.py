"""IBAN-shaped account numbers of any country, by their check digits.

Presidio's IbanRecognizer knows each IBAN country's length and layout and drops anything
else. Account numbers in IBAN form also come from countries outside that table and from
generators and test systems that fill in a country's layout loosely; they still carry valid
ISO 7064 check digits. This recognizer accepts the generic shape (two letters, two digits,
10 to 30 letters and digits, optionally in groups of four) when the check digits hold, and
only near a banking word: a stray code that passes mod 97 by chance (one in 97) is not
reported without one.

IBANs are printed in capitals, but one typed in lowercase ("gb56hxdo88167774656119") is the
same account: both IBAN recognizers read a text with a lowercase IBAN's start in capitals
(`read_in_capitals`, `case_blind`).
"""

from __future__ import annotations

import re as stdlib_re

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer

from .windows import Anchor, WindowedPatternRecognizer

_SHAPE = r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])"


# Check digits and four more characters in lowercase, after a country's two letters (read
# apart: a pattern that opens with the letters is tried at every letter of the text, four
# times the cost): the text is worth reading in capitals.
_CHECK_DIGITS_AND_MORE = stdlib_re.compile(r"[0-9][0-9] ?[a-z0-9]{4}")


def read_in_capitals(text: str) -> str:
    """`text` in capitals when it may hold an IBAN typed in lowercase ("gb56hxdo...", not
    "john08abcd": no letter or digit before the country's), and capitals keep its length, so
    offsets hold; else `text` itself."""
    for m in _CHECK_DIGITS_AND_MORE.finditer(text):
        country = m.start() - 2
        if country >= 0 and text[country:m.start()].isalpha() and text[country:m.start()].islower() \
                and (country == 0 or not text[country - 1].isalnum()):
            upper = text.upper()
            return upper if len(upper) == len(text) else text
    return text


def case_blind(cls: type[PatternRecognizer]) -> type[PatternRecognizer]:
    """The IBAN recognizer `cls`, reading the text as `read_in_capitals` gives it."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: ANN001
        return super(subclass, self).analyze(read_in_capitals(text), entities, nlp_artifacts, regex_flags)

    subclass = type(cls.__name__, (cls,), {"analyze": analyze, "__doc__": cls.__doc__})
    return subclass


def iban_check_digits_ok(value: str) -> bool:
    compact = value.replace(" ", "")
    if not 14 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


class GenericIbanRecognizer(WindowedPatternRecognizer):
    PATTERNS = [Pattern("IBAN shape, any country", _SHAPE, 0.3)]
    CONTEXT = ["iban", "bank", "account", "transfer", "wire", "payment", "pay", "money", "remittance", "swift",
               "bic", "refund", "deposit"]
    ANCHOR = Anchor(re.compile(r"[A-Z]{2}\d{2}"), after=45)

    def __init__(self) -> None:
        super().__init__(supported_entity="IBAN_CODE", name="GenericIbanRecognizer", patterns=self.PATTERNS,
                         context=self.CONTEXT, global_regex_flags=re.MULTILINE)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: D102, ANN001
        return super().analyze(read_in_capitals(text), entities, nlp_artifacts, regex_flags)

    def invalidate_result(self, pattern_text: str) -> bool:
        return not iban_check_digits_ok(pattern_text)

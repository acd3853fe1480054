"""Company names by their legal form, and "Surname, Surname and Surname" firm names.

The NER finds organisations from context; a legal-form suffix ("Ltd", "GmbH", "EIRL") or a
partnership of three known surnames names a company in any context. Case-sensitive.
"""

from __future__ import annotations

import re as stdlib_re

import regex as re
from presidio_analyzer import Pattern

from .common import common_words
from .lexicon import lexicon
from .windows import Anchor, WindowedPatternRecognizer

_CAP = r"(?:[A-Z][\w'’&.-]*|\d+)"
_LEAD = r"(?!(?:The|A|An|My|Our|Your|At|In|To|From|For|With|And|Of|I|We|He|She|They|It|This|That)\b)"
_SUFFIX = (
    r"(?:Inc|LLC|L\.L\.C|Ltd|Limited|PLC|plc|Corp|Corporation|Co|Company|GmbH|AG|KG|OHG|mbH|S\.A|SA|"
    r"S\.L|SL|SpA|S\.p\.A|S\.r\.l|Srl|SAS|SARL|S\.A\.S|BV|B\.V|NV|N\.V|Oy|Oyj|AB|A/S|ApS|AS|ASA|"
    r"EIRL|LTDA|Ltda|S\.C|SC|Sp\. z o\.o|s\.r\.o|a\.s|d\.o\.o|Kft|Zrt|Bt|TOO|LLP|LP|Group|Holdings|"
    r"Partners|& Sons|and Sons|& Co|Bros)\.?"
)
PATTERNS = [
    Pattern("name + legal form", rf"(?<![\w]){_LEAD}{_CAP}(?:[ -]{_CAP}){{0,3}},? {_SUFFIX}(?![\w])", 0.6),
    Pattern("three surnames", r"(?<![\w])[A-Z][\w'-]+, [A-Z][\w'-]+ (?:and|&) [A-Z][\w'-]+(?![\w])", 0.3),
]


# The standard library's engine scans this alternation faster than `regex`.
_CUE = stdlib_re.compile(rf"(?<![\w]){_SUFFIX}(?![\w])|, [A-Z][\w'-]+ (?:and|&) [A-Z]")


class OrganizationRecognizer(WindowedPatternRecognizer):
    CONTEXT = ["company", "firm", "work", "works", "worked", "employer", "office", "bank", "corporation"]
    # Both patterns need a legal form or ", X and Y", after at most four names.
    ANCHOR = Anchor(_CUE, before=100, after=60)

    def __init__(self) -> None:
        super().__init__(supported_entity="ORGANIZATION", name="OrganizationRecognizer", patterns=PATTERNS,
                         context=self.CONTEXT, global_regex_flags=re.MULTILINE)

    def invalidate_result(self, pattern_text: str) -> bool:
        """In text written in capitals a legal form that is also a word is the word ("I MET
        ANNA AS SHE LEFT")."""
        return pattern_text.isupper() and pattern_text.split()[-1].lower().rstrip(".") in common_words()

    def validate_result(self, pattern_text: str) -> bool | None:
        """A partnership name counts only when all three names are known surnames."""
        parts = re.split(r", | and | & ", pattern_text)
        if len(parts) == 3 and "," in pattern_text:
            surnames = lexicon("last_names")
            return all(p in surnames for p in parts)
        return None

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
from .windows import Anchor, AnchoredShapes

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


# A legal form after at most four names: read off the doc's tokens (trailing dots dropped,
# "S.p.A." is "S.p" + "." + "A.", "A/S" is "A" + "/" + "S"), where a scan of the whole
# alternation tried at every position cost 70 µs per 1 KB. The standard library's engine
# scans the alternation faster than `regex` where there is no doc.
_LEGAL_FORM = Anchor(
    stdlib_re.compile(rf"(?<![\w]){_SUFFIX}(?![\w])"), before=100, after=12, inside="/",
    words=frozenset("Inc LLC L.L.C Ltd Limited PLC plc Corp Corporation Co Company GmbH AG KG OHG mbH S.A SA S.L SL "
                    "SpA S.p S.p.A S.r.l Srl SAS SARL S.A.S BV B.V NV N.V Oy Oyj AB ASA AS ApS EIRL LTDA Ltda S.C SC "
                    "Sp s.r.o a.s d.o.o Kft Zrt Bt TOO LLP LP Group Holdings Partners Sons Bros".split()),
    # a longer dotted form that opens with one of them ("S.A.R.L.", "S.A.S.U.") holds its match
    starts=("L.L.C.", "S.A.", "S.L.", "S.p.", "S.r.l.", "B.V.", "N.V.", "S.C.", "s.r.o.", "a.s.", "d.o.o."))
# ", X and Y": opens with a comma and a space, which the engine finds fast.
_PARTNERS = Anchor(stdlib_re.compile(r", [A-Z][\w'-]+ (?:and|&) [A-Z]"), before=40, after=60)


class OrganizationRecognizer(AnchoredShapes):
    CONTEXT = ["company", "firm", "work", "works", "worked", "employer", "office", "bank", "corporation"]
    SHAPES = (([PATTERNS[0]], _LEGAL_FORM), ([PATTERNS[1]], _PARTNERS))

    def __init__(self) -> None:
        super().__init__(supported_entity="ORGANIZATION", name="OrganizationRecognizer",
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

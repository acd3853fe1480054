"""Passport and identity-card numbers.

Document numbers have no checksum we can rely on across countries and look like many other
codes, so the patterns score below the default threshold and only a context word nearby
("passport", "ID card", "удостоверение") lifts them over it. The exception is a shape that
is itself distinctive, such as Kazakhstan's passport "N" + 8 digits.

So the weak patterns run only near a context word: within the reach of the context step
(five tokens before a number, two after), widened. A number farther from every context word
could never have been lifted over the threshold anyway.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult

from .windows import Anchor, AnchoredShapes, Substrings, analyze_windows

_GENERIC = r"(?<![\w-])(?=[A-Z0-9]*\d)[A-Z0-9]{1,3}[\s-]?\d{5,9}(?![\w-])"
# Every document pattern holds five digits in a row, after at most three letters and a space.
_FIVE_DIGITS = Anchor(re.compile(r"\d{5}"), before=6, after=12)


def near(keywords: Substrings) -> Anchor:
    """Windows where a context word can reach a number: the word up to two tokens after the
    number (before=) or up to five tokens before it (after=), with room for long tokens."""
    return Anchor(keywords, before=60, after=150)


class PassportRecognizer(PatternRecognizer):
    PATTERNS = [
        Pattern("KZ passport", r"(?<![\w])N\d{8}(?![\w])", 0.6),
        Pattern("RU internal passport", r"(?<![\w-])\d{2}\s?\d{2}\s\d{6}(?![\w-])", 0.3),
        Pattern("letters + digits", _GENERIC, 0.2),
        Pattern("9 digits", r"(?<![\w-])\d{9}(?![\w-])", 0.1),
    ]
    CONTEXT = ["passport", "паспорт", "travel"]
    _KEYWORDS = Substrings(("passport", "паспорт", "travel"))
    _NEAR = near(_KEYWORDS)

    def __init__(self) -> None:
        super().__init__(supported_entity="PASSPORT", name="PassportRecognizer", patterns=self.PATTERNS, context=self.CONTEXT)
        self._distinctive = PatternRecognizer(supported_entity="PASSPORT", name="PassportRecognizer",
                                              patterns=self.PATTERNS[:1])

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: D102
        # The distinctive shape counts anywhere; the weak ones only near a context word.
        results = analyze_windows(self._distinctive.analyze, text, _FIVE_DIGITS, entities, nlp_artifacts, regex_flags)
        for r in results:  # Presidio groups results by recognizer id: claim them
            r.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY] = self.id
        results += analyze_windows(super().analyze, text, self._NEAR, entities, nlp_artifacts, regex_flags)
        return EntityRecognizer.remove_duplicates(results)


# The numbers an institution knows a person by, right after their label: "account number:
# 000123456789", "sort code 20-00-00", "employee number is E-48213", "MRN 00482913", "plate
# 7ABC123", "VIN: 1HGCM82633A004352", "driving licence number is MORGA753116SM9IJ", "tax
# ID: 12-3456789", "car reg is AB12 CDE". Only right after it: "3 accounts with 150000
# followers" holds a count.
_INSTITUTION_LABEL = (r"(?:account|acct|policy|member(?:ship)?|employee|staff|student|patient|customer|client"
                      r"|insurance|routing|sort|plate|mrn|nhs|payroll|vin|licen[cs]e|tax|reg|registration|candidate"
                      r"|applicant|application|enrol(?:l)?ment|matriculation)")
_LABEL_LINK = r"(?:[ \t]+(?:number|no\.?|num\.?|id|code|#))?[ \t]*(?:is|:|=|#|-)?[ \t]*"
_RECORD_VALUE = (r"(?:\d(?:[ -]?\d){5,19}"  # 6 to 20 digits, grouped by spaces or hyphens
                 # a British number plate and National Insurance number, written with their spaces
                 r"|(?-i:[A-Z]{2}\d{2}[ ]?[A-Z]{3}|[A-Z]{2}[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D])"
                 # capitals and digits, case-sensitive where Presidio's flags are not
                 r"|(?-i:(?=[A-Z0-9-]{5,24}(?![\w-]))(?=[A-Z-]*\d[A-Z-]*\d)(?=[0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)*))")


# A document's or a record's label right before a number ("passport number is", "NHS number",
# "tax ID:"): the phone recognizer leaves such a number to this module's recognizers, though
# "number" is a phone's context word and the shape dials.
DOCUMENT_LABEL_BEFORE = re.compile(
    rf"(?i)\b(?:{_INSTITUTION_LABEL}|passport|tin|ssn|social\s+security|national\s+insurance|iin|bin|id)"
    rf"{_LABEL_LINK}$")


_INSTITUTION_WORDS = frozenset(
    "account acct policy member membership employee staff student patient customer client insurance routing sort "
    "plate mrn nhs payroll vin license licence tax reg registration candidate applicant application enrolment "
    "enrollment matriculation".split())
# The value starts matching at its label (`\K` reports only what follows it): a look-behind
# would be tried at every position of the window.
_LABELLED_RECORD = Pattern(
    "labelled record number", rf"\b{_INSTITUTION_LABEL}{_LABEL_LINK}\K(?<![\w-]){_RECORD_VALUE}(?![\w-])", 0.6)
_RIGHT_AFTER_LABEL = Anchor(re.compile(rf"\b{_INSTITUTION_LABEL}", re.IGNORECASE), before=0, after=80,
                            lowercase=True, words=_INSTITUTION_WORDS)


class IdNumberRecognizer(AnchoredShapes):
    """Identity documents, and the numbers an institution knows a person by (an account, a
    policy, a patient's record, a student's or employee's number, a number plate): after
    its label, any of them names one person as surely as a passport does. Weak shapes run
    near a context word; record numbers right after their label."""

    _KEYWORDS = Substrings(("identi", "national", "card", "document", "удостоверение", "licence", "license",
                            "permit"), words=("id",))
    SHAPES = (
        ([Pattern("ID card number", _GENERIC, 0.2),
          Pattern("KZ ID card (9 digits)", r"(?<![\w-])0\d{8}(?![\w-])", 0.25)], near(_KEYWORDS)),
        ([_LABELLED_RECORD], _RIGHT_AFTER_LABEL),
    )
    CONTEXT = ["id", "identity", "identification", "national", "card", "document", "удостоверение",
               "license", "licence", "permit"]

    def __init__(self) -> None:
        super().__init__(supported_entity="ID_NUMBER", name="IdNumberRecognizer", context=self.CONTEXT)

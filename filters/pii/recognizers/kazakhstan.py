"""Kazakhstan's individual and business identification numbers (IIN / BIN).

Both are 12 digits with the same two-pass mod-11 check digit; they differ in the leading
fields: an IIN starts with a birth date (YYMMDD) and a century/sex digit, a BIN with the
registration year and month and an entity-type digit (4, 5 or 6) in position five.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from .windows import Anchor, WindowedPatternRecognizer

_W1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_W2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
# 12 digits, or their birth date (or registration date) and the rest apart: "070512 500123"
_TWELVE_DIGITS = r"(?<![\d-])\d{6}[ -]?\d{6}(?![\d-])"
_TWELVE_DIGIT_RUN = Anchor(re.compile(r"\d{6}[ -]?\d{6}"))


def _digits(text: str) -> str:
    return text.replace(" ", "").replace("-", "")


def kz_check_digit(digits: str) -> int | None:
    """The control digit for the first 11 digits, or None when the number cannot be valid."""
    values = [int(c) for c in digits[:11]]
    check = sum(v * w for v, w in zip(values, _W1)) % 11
    if check == 10:
        check = sum(v * w for v, w in zip(values, _W2)) % 11
        if check == 10:
            return None
    return check


def kz_checksum_ok(number: str) -> bool:
    return len(number) == 12 and number.isdigit() and kz_check_digit(number) == int(number[11])


def looks_like_iin(number: str) -> bool:
    month, day, century = int(number[2:4]), int(number[4:6]), int(number[6])
    return 1 <= month <= 12 and 1 <= day <= 31 and century <= 6


def looks_like_bin(number: str) -> bool:
    return 1 <= int(number[2:4]) <= 12 and number[4] in "456"


class KzIinRecognizer(WindowedPatternRecognizer):
    ANCHOR = _TWELVE_DIGIT_RUN
    CONTEXT = ["iin", "иин", "identification", "id", "kazakhstan"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="KZ_IIN", name="KzIinRecognizer",
            patterns=[Pattern("KZ IIN (12 digits)", _TWELVE_DIGITS, 0.3)], context=self.CONTEXT,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Confirmed by its check digit; a number shaped like one whose check digit is wrong
        (a typo still names the person) keeps the pattern's low score, which only a label
        nearby ("IIN", "ИИН") lifts over the threshold."""
        number = _digits(pattern_text)
        if not looks_like_iin(number):
            return False
        return True if kz_checksum_ok(number) else None


class KzBinRecognizer(WindowedPatternRecognizer):
    ANCHOR = _TWELVE_DIGIT_RUN
    CONTEXT = ["bin", "бин", "company", "registration"]

    def __init__(self) -> None:
        super().__init__(
            supported_entity="KZ_BIN", name="KzBinRecognizer",
            patterns=[Pattern("KZ BIN (12 digits)", _TWELVE_DIGITS, 0.3)], context=self.CONTEXT,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """As the IIN's: a wrong check digit leaves the number to its label."""
        number = _digits(pattern_text)
        if not looks_like_bin(number) or looks_like_iin(number):
            return False
        return True if kz_checksum_ok(number) else None

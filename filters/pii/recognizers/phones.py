"""Phone numbers via Presidio's libphonenumber recognizer, with the region list cut down.

Presidio runs one full `PhoneNumberMatcher` scan per region, which makes its default eight
regions a known hot spot. Numbers written in international form (+49..., +7...) are found
by any region's scan, so the list only needs the regions whose *national* formats users
type: the US, Kazakhstan (which also parses Russia's +7/8 numbers) and a few EU countries.
The base score is raised so that a well-formed number counts without a context word, and
the leniency is libphonenumber's POSSIBLE (length and shape), not VALID: number ranges
change faster than the library, and users type numbers from ranges it does not know.
"""

from __future__ import annotations

import phonenumbers
import regex as re
from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

# Shapes that libphonenumber's lenient matcher accepts but that are other identifiers:
# US SSNs (3-2-4), bare runs of 12+ digits (IINs, card fragments), dates.
_CANDIDATE = re.compile(r"[+(]?\d(?:[\d \t().\-/]*\d){6,}(?:\s*(?:x|ext\.?)\s*\d{1,5})?")
_NOT_A_PHONE = re.compile(
    r"\d{3}-\d{2}-\d{4}|\d{12,}"  # SSN shape, long digit runs
    r"|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"  # dates, timestamps
)


class GatewayPhoneRecognizer(PhoneRecognizer):
    SCORE = 0.7
    CONTEXT = PhoneRecognizer.CONTEXT + ["tel", "whatsapp", "telegram", "sms", "text", "reach", "contact"]

    def __init__(self, regions: tuple[str, ...]) -> None:
        super().__init__(context=self.CONTEXT, supported_regions=regions, leniency=0, name="PhoneRecognizer")

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 - Presidio's signature
        # libphonenumber's matcher walks the whole text once per region; hand it only the
        # digit-rich windows that could hold a number (7+ digits), offsets shifted back.
        results = []
        regions = self.supported_regions
        for m in _CANDIDATE.finditer(text):
            if _NOT_A_PHONE.fullmatch(m.group(0)):
                continue  # a date, an SSN or a long digit run: no phone inside
            lo, hi = max(0, m.start() - 20), min(len(text), m.end() + 20)  # matcher checks context
            # An international number parses the same under every region: one scan is enough.
            # A national one takes the regions in order until one reads the whole candidate.
            window = text[lo:hi]
            for region in regions[:1] if m.group(0).startswith("+") else regions:
                kept = []
                for match in phonenumbers.PhoneNumberMatcher(window, region, leniency=self.leniency):
                    r = self._get_recognizer_result(match, window, region, None)
                    r.start, r.end = r.start + lo, r.end + lo
                    if plausible_phone(text[r.start:r.end]):
                        kept.append(r)
                results.extend(kept)
                if any(r.start <= m.start() and r.end >= m.end() for r in kept):
                    break
        return EntityRecognizer.remove_duplicates(results)


def plausible_phone(candidate: str) -> bool:
    """POSSIBLE leniency accepts any digit run of a possible length (order numbers, years):
    keep 7+ digits, and a bare run of digits only from 9 digits up."""
    digits = sum(c.isdigit() for c in candidate)
    if digits < 7 or _NOT_A_PHONE.fullmatch(candidate):
        return False
    return digits >= 9 or not candidate.isdigit()

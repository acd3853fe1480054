"""Phone numbers via Presidio's libphonenumber recognizer, with the region list cut down.

Presidio runs one full `PhoneNumberMatcher` scan per region, which makes its default eight
regions a known hot spot. Numbers written in international form (+49..., +7...) are found
by any region's scan, so the list only needs the regions whose *national* formats users
type: the US, Kazakhstan (which also parses Russia's +7/8 numbers) and a few EU countries.
The base score is raised so that a well-formed number counts without a context word, and
the leniency is libphonenumber's POSSIBLE (length and shape), not VALID: number ranges
change faster than the library, and users type numbers from ranges it does not know.
A digit run none of the regions reads is still a phone number when a phone word stands
next to it (`_shape`): national numbers of the other countries.
"""

from __future__ import annotations

import phonenumbers
import regex as re
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from .documents import DOCUMENT_LABEL_BEFORE

# Shapes that libphonenumber's lenient matcher accepts but that are other identifiers:
# US SSNs (3-2-4), bare runs of 12+ digits (IINs, card fragments), dates.
_CANDIDATE = re.compile(r"[+(]?\d(?:[\d \t().\-/]*\d){6,}(?:\s*(?:x|ext\.?)\s*\d{1,5})?")
_NOT_A_PHONE = re.compile(
    r"\d{3}-\d{2}-\d{4}|\d{12,}"  # SSN shape, long digit runs
    r"|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"  # dates, timestamps
    r"|(?:19|20)\d\d ?[-/] ?(?:19|20)\d\d"  # a span of years: "2023-2024"
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
            covered = False
            if not _NOT_A_PHONE.fullmatch(m.group(0)):  # a date, an SSN or a long run: no phone inside
                lo, hi = max(0, m.start() - 20), min(len(text), m.end() + 20)  # matcher checks context
                # An international number parses the same under every region: one scan is enough.
                # A national one takes the regions in order until one reads the whole candidate.
                window = text[lo:hi]
                for region in regions[:1] if m.group(0).startswith("+") else regions:
                    kept = []
                    for match in phonenumbers.PhoneNumberMatcher(window, region, leniency=self.leniency):
                        r = self._get_recognizer_result(match, window, region, None)
                        r.start, r.end = r.start + lo, r.end + lo
                        if plausible_phone(text[r.start:r.end]) and not _labelled_document(text, r.start) \
                                and not _in_link(text, r.start) and not _hex_literal(text, r.start):
                            kept.append(r)
                    results.extend(kept)
                    if any(r.start <= m.start() and r.end >= m.end() for r in kept):
                        covered = True
                        break
            if not covered and (shape := self._shape(text, m)) is not None:
                results.append(shape)
        return EntityRecognizer.remove_duplicates(results)

    def _shape(self, text: str, m: re.Match[str]) -> RecognizerResult | None:
        """A number libphonenumber cannot place in the configured regions ("(351) 215 065
        713", "425-38-05", a bare "69127488"): 7 to 15 digits in a phone's grouping, reported
        only with a phone word just before or after it ("Mobile:", "tel", "whatsapp", "call me
        at", "text me on"). The shape alone is too weak (order numbers and codes look the
        same). The phone word is read here, in one search: "call" and "text" are stop words,
        which Presidio's context step never counts."""
        start, end = m.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in "+.-_/"):
            return None  # inside a code or a longer number ("GB78GMVH4904192698503")
        if end < len(text) and (text[end].isalnum() or text[end] in "-_"):
            return None
        if not_a_phone_shape(m.group(0)):
            return None
        if not (_PHONE_WORD_BEFORE.search(text, max(0, start - 40), start)
                or _PHONE_WORD_AFTER.match(text, end, min(len(text), end + 24))):
            return None
        # Presidio's explanation object: later steps write to it.
        explanation = AnalysisExplanation(recognizer=self.name, original_score=SHAPE_SCORE, pattern_name="phone shape")
        return RecognizerResult("PHONE_NUMBER", start, end, SHAPE_SCORE, analysis_explanation=explanation,
                                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                                      RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})


def _in_link(text: str, start: int) -> bool:
    """Digits in a link's path or query ("zoom.us/j/81234567890?pwd=..."): an id, not a phone."""
    run_start = max(text.rfind(c, 0, start) for c in " \t\n") + 1
    return text[start - 1:start] in ("/", "=") and ("://" in text[run_start:start] or "www." in text[run_start:start])


def _hex_literal(text: str, start: int) -> bool:
    """"0x80070005": an error code or an address in hexadecimal, whose digits dial."""
    return text.startswith(("0x", "0X"), start) or text[max(0, start - 2):start] in ("0x", "0X")


def _labelled_document(text: str, start: int) -> bool:
    """The number right after a document's or a record's label ("passport number is
    533380006", "NHS number 943 476 5919", "tax ID: 12-3456789"), no phone word before it:
    that document's number, which its own recognizer reports, though its shape dials."""
    before = text[max(0, start - 48):start]
    return bool(DOCUMENT_LABEL_BEFORE.search(before)) and not _PHONE_WORD_BEFORE.search(before)


def plausible_phone(candidate: str) -> bool:
    """POSSIBLE leniency accepts any digit run of a possible length (order numbers, years):
    keep 7+ digits, and a bare run of digits only from 9 digits up."""
    digits = sum(c.isdigit() for c in candidate)
    if digits < 7 or _NOT_A_PHONE.fullmatch(candidate):
        return False
    return digits >= 9 or not candidate.isdigit()


SHAPE_SCORE = 0.65


def not_a_phone_shape(candidate: str) -> bool:
    number = re.split(r"\s*(?:x|ext\.?)\s*(?=\d)", candidate)[0]
    digits = sum(c.isdigit() for c in number)
    return not 7 <= digits <= 15 or bool(_SSN_RUN_OR_YEARS.fullmatch(number)) or _looks_like_date(number.split(" ")[0])


# "number" alone is every other identifier's context word too. A phone's own name counts a few
# words away ("Mobile:", "my cell is"); a verb of calling only right before the number, so
# that "contact support with ticket 20231105" is no phone.
_PHONE_NOUNS = (r"(?:tele?phone|phone|tel|cell(?:phone)?|mobile|fax|desk|whats\s?app|telegram|viber|signal|sms|"
                r"hotline|landline)")
_CALL_VERBS = r"(?:call(?:ing)?|text(?:ing)?|ring|reach|contact|dial)"
_PHONE_WORD_BEFORE = re.compile(
    rf"(?i)(?:\b{_PHONE_NOUNS}\b[^\n\d]{{0,30}}|\b{_CALL_VERBS}(?:\s+(?:me|us|him|her|them))?"
    r"(?:\s+(?:at|on|via))?(?:\s+(?:number|no\.?))?\s*:?\s*)$")
_PHONE_WORD_AFTER = re.compile(rf"(?i)\s*\(?(?:is\s+(?:my|our)\s+)?{_PHONE_NOUNS}\b")
_SSN_RUN_OR_YEARS = re.compile(r"\d{3}-\d{2}-\d{4}|\d{14,}|(?:19|20)\d\d ?[-/] ?(?:19|20)\d\d")


def _looks_like_date(text: str) -> bool:
    """"2003-08-28", "12.03.2010", "3/4/21"; not "425-38-05" (no month 38)."""
    parts = re.split(r"[./-]", text)
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return False
    a, b, c = (int(p) for p in parts)
    if len(parts[0]) == 4:
        return 1 <= b <= 12 and 1 <= c <= 31
    return len(parts[2]) in (2, 4) and (1 <= a <= 31 and 1 <= b <= 12 or 1 <= a <= 12 and 1 <= b <= 31)

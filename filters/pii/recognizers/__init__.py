"""The explicit registry of recognizers the engine may run.

Presidio's own recognizers are used where they exist (cards, e-mail, IBAN, SSN, IP, URL,
dates, crypto wallets); ours cover what it lacks. Each entry names the entity types it
produces, so a tenant's entity set selects recognizers before any of them runs.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerRegistry
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    CryptoRecognizer,
    DateRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
    MacAddressRecognizer,
    UsSsnRecognizer,
)

from .accounts import UsernameRecognizer
from .documents import IdNumberRecognizer, PassportRecognizer
from .kazakhstan import KzBinRecognizer, KzIinRecognizer
from .lexicon import NameLexiconRecognizer, nrp_recognizer, place_recognizer
from .ner import NerRecognizer
from .organizations import OrganizationRecognizer
from .personal import AgeRecognizer, DateOfBirthRecognizer
from .phones import GatewayPhoneRecognizer
from .places import SchoolRecognizer, StreetAddressRecognizer
from .urls import cheap_url_recognizer


def card_recognizer() -> CreditCardRecognizer:
    """Presidio's card patterns know the classic issuer prefixes; newer ranges (Mastercard
    2-series, 19-digit Visa, 15-digit JCB, 12-digit Maestro) are added as one generic
    12-19 digit pattern. Presidio's own Luhn validation decides either way."""
    generic = Pattern("Card number (12-19 digits, Luhn)", r"(?<![\d-])\d(?:[ -]?\d){11,18}(?![\d-])", 0.3)
    return CreditCardRecognizer(patterns=[*CreditCardRecognizer.PATTERNS, generic])


# Presidio's patterns run case-insensitively over the whole text, one regex at a time. Each
# of these shapes needs a character sequence that a plain search finds far faster; without it
# the recognizer cannot match and is skipped.
_GATES: dict[type[PatternRecognizer], re.Pattern[str]] = {
    EmailRecognizer: re.compile(r"@"),
    IpRecognizer: re.compile(r"\d\.\d{1,3}\.\d|[0-9A-Fa-f]:[0-9A-Fa-f]{0,4}:|::"),
    MacAddressRecognizer: re.compile(r"[0-9A-Fa-f]{2}[:.-][0-9A-Fa-f]{2}[:.-]|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\."),
    UsSsnRecognizer: re.compile(r"\d{3}"),
    CryptoRecognizer: re.compile(r"(?i)(?:bc1|[13])[a-z0-9]{25}"),
}


def gated(cls: type[PatternRecognizer]) -> type[PatternRecognizer]:
    """`cls` with its analyze skipped when the gate for its shape finds nothing."""
    gate = _GATES[cls]

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: ANN001
        if not gate.search(text):
            return []
        return cls.analyze(self, text, entities, nlp_artifacts, regex_flags)

    return type(cls.__name__, (cls,), {"analyze": analyze, "__doc__": cls.__doc__})


def pattern_recognizers(phone_regions: tuple[str, ...]) -> list[EntityRecognizer]:
    return [
        card_recognizer(), gated(EmailRecognizer)(), IbanRecognizer(), gated(IpRecognizer)(),
        gated(UsSsnRecognizer)(), cheap_url_recognizer(), DateRecognizer(), gated(CryptoRecognizer)(),
        gated(MacAddressRecognizer)(), GatewayPhoneRecognizer(phone_regions),
        KzIinRecognizer(), KzBinRecognizer(), AgeRecognizer(), DateOfBirthRecognizer(),
        StreetAddressRecognizer(), SchoolRecognizer(), UsernameRecognizer(),
        PassportRecognizer(), IdNumberRecognizer(), OrganizationRecognizer(),
    ]


def build_registry(
    language: str, ner_entities: frozenset[str], ner_score: float,
    phone_regions: tuple[str, ...], lexicons: bool,
) -> RecognizerRegistry:
    """Pattern recognizers are English-context; they also run for other languages because
    numbers, e-mails and handles look the same everywhere. Lexicon recognizers are English
    (Latin-script names and places) and go with the English NER."""
    recognizers = pattern_recognizers(phone_regions)
    for recognizer in recognizers:
        recognizer.supported_language = language
    if ner_entities:
        recognizers.append(NerRecognizer(sorted(ner_entities), language, ner_score))
    if lexicons:
        recognizers += [NameLexiconRecognizer(language), place_recognizer(language), nrp_recognizer(language)]
    return RecognizerRegistry(recognizers=recognizers, supported_languages=[language])

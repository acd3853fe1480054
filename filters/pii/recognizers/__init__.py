"""The explicit registry of recognizers the engine may run.

Presidio's own recognizers are used where they exist (cards, e-mail, IBAN, SSN, IP, URL,
dates, crypto wallets); ours cover what it lacks. Each entry names the entity types it
produces, so a tenant's entity set selects recognizers before any of them runs.
"""

from __future__ import annotations

import re as stdlib_re

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

from .accounts import ProfileLinkRecognizer, UnlinkedHandleRecognizer, UsernameRecognizer
from .cjk import CJKAddressRecognizer, CJKFirmRecognizer
from .documents import IdNumberRecognizer, PassportRecognizer
from .emails import ObfuscatedEmailRecognizer
from .fields_in_text import FieldValueRecognizer
from .iban import GenericIbanRecognizer, case_blind
from .kazakhstan import KzBinRecognizer, KzIinRecognizer
from .lexicon import NameLexiconRecognizer, nrp_recognizer, place_recognizer
from .ner import NerRecognizer
from .organizations import OrganizationRecognizer
from .personal import AgeRecognizer, DateOfBirthRecognizer
from .phones import GatewayPhoneRecognizer
from .places import (BuildingAddressRecognizer, IntersectionRecognizer, SchoolRecognizer, SettlementRecognizer,
                     StreetAddressRecognizer)
from .secrets import CredentialRecognizer
from .spelled import CardCodeRecognizer, PhoneLinkRecognizer, SpelledPhoneRecognizer
from .urls import cheap_url_recognizer
from .windows import Anchor, windowed


def card_recognizer() -> CreditCardRecognizer:
    """Presidio's card patterns know the classic issuer prefixes; newer ranges (Mastercard
    2-series, 19-digit Visa, 15-digit JCB, 12-digit Maestro) are added as one generic
    12-19 digit pattern in the groupings cards use (a phone number's "+421 940 757 048"
    passes Luhn one time in ten). Presidio's own Luhn validation decides either way."""
    generic = Pattern(
        "Card number (12-19 digits, Luhn)",
        # as printed on cards: one run, groups of four, or Amex/Diners' 4-6-5 and 4-6-4
        r"(?<![\w+-])(?:\d{12,19}|\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?|\d{4}[ -]\d{6}[ -]\d{4,5})(?![\w-])", 0.3)
    return _CardRecognizer(patterns=[*CreditCardRecognizer.PATTERNS, generic])


_EXTENSION = re.compile(r"\s*(?:x|ext\.?)\s*\d")


class _CardRecognizer(CreditCardRecognizer):
    """A number followed by an extension ("001-601-626-9298x903") is a phone number, even
    when its digits happen to pass the Luhn check."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: D102, ANN001
        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags)
                if not _EXTENSION.match(text, r.end)]


# Presidio's patterns run case-insensitively over the whole text, one regex at a time. Each
# of these shapes needs a character sequence that a plain search finds far faster; the
# patterns run only around its hits (see windows.py), and not at all without one.
_ANCHORS: dict[type[PatternRecognizer], Anchor] = {
    EmailRecognizer: Anchor(re.compile(r"@")),  # no whitespace inside an address
    # (the standard library's engine scans these shapes faster than `regex`). Each opens with
    # the rarest character it must hold: a pattern that opens with a look-behind or a hex
    # class is tried at nearly every position (an SSN's look-behind cost 150 µs per 1 KB).
    IpRecognizer: Anchor(stdlib_re.compile(r"\d\.\d{1,3}\.\d|:[0-9A-Fa-f]{0,4}:"), before=45, after=45),
    MacAddressRecognizer: Anchor(
        stdlib_re.compile(r"[:.-][0-9A-Fa-f]{2}[:.-]|\.[0-9A-Fa-f]{4}\."),
        before=20, after=20),
    # Every SSN shape is nine digits with at most two separators: 3-2-4, 5-4, 3-6 or a run.
    UsSsnRecognizer: Anchor(stdlib_re.compile(
        r"\d(?<!\d\d)\d\d(?:[- .]?\d{2}[- .]?\d{4}|\d{2}-\d{4}|-\d{6})(?!\d)")),  # a digit, none before it
    IbanRecognizer: Anchor(stdlib_re.compile(r"[A-Z][A-Z][0-9]{2}"), after=45),  # country, check digits, 30 more
    CryptoRecognizer: Anchor(re.compile(r"(?i)(?:bc1|[13])[a-z0-9]{25}")),  # no whitespace inside
}


def anchored(cls: type[PatternRecognizer]) -> type[PatternRecognizer]:
    return windowed(cls, _ANCHORS[cls])


def pattern_recognizers(phone_regions: tuple[str, ...]) -> list[EntityRecognizer]:
    return [
        card_recognizer(), anchored(EmailRecognizer)(), case_blind(anchored(IbanRecognizer))(), anchored(IpRecognizer)(),
        anchored(UsSsnRecognizer)(), cheap_url_recognizer(), DateRecognizer(), anchored(CryptoRecognizer)(),
        anchored(MacAddressRecognizer)(), GatewayPhoneRecognizer(phone_regions),
        GenericIbanRecognizer(),
        KzIinRecognizer(), KzBinRecognizer(), AgeRecognizer(), DateOfBirthRecognizer(),
        StreetAddressRecognizer(), IntersectionRecognizer(), BuildingAddressRecognizer(), SettlementRecognizer(),
        CJKAddressRecognizer(), CJKFirmRecognizer(),
        SchoolRecognizer(), UsernameRecognizer(),
        PassportRecognizer(), IdNumberRecognizer(), OrganizationRecognizer(), CredentialRecognizer(),
        ObfuscatedEmailRecognizer(), SpelledPhoneRecognizer(), CardCodeRecognizer(), ProfileLinkRecognizer(),
        PhoneLinkRecognizer(), UnlinkedHandleRecognizer(),
    ]


class FixedRecognizerRegistry(RecognizerRegistry):
    """Presidio's registry, which picks a call's recognizers with a list comprehension per
    requested entity type on every call (two dozen per prompt here); the answer for the same
    language and types is remembered. Calls with ad-hoc recognizers (a tenant's deny-list)
    are answered afresh, and adding or removing a recognizer forgets every answer."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self._chosen: dict[tuple, list[EntityRecognizer]] = {}

    def get_recognizers(self, language, entities=None, all_fields=False, ad_hoc_recognizers=None):  # noqa: ANN001, ANN201, D102
        if ad_hoc_recognizers:
            return super().get_recognizers(language, entities, all_fields, ad_hoc_recognizers)
        key = (language, tuple(entities) if entities is not None else None, all_fields)
        chosen = self._chosen.get(key)
        if chosen is None:
            chosen = self._chosen[key] = super().get_recognizers(language, entities, all_fields)
        return list(chosen)

    def add_recognizer(self, recognizer) -> None:  # noqa: ANN001, D102
        self._chosen.clear()
        super().add_recognizer(recognizer)

    def remove_recognizer(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003, D102
        self._chosen.clear()
        super().remove_recognizer(*args, **kwargs)


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
    fields = FieldValueRecognizer({entity for r in recognizers for entity in r.supported_entities})
    fields.supported_language = language
    recognizers.append(fields)
    return FixedRecognizerRegistry(recognizers=recognizers, supported_languages=[language])

"""Recognizers run around their anchors find exactly what they find on the whole text."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import regex as re
import spacy
from faker import Faker
from presidio_analyzer import PatternRecognizer

from spacy.language import Language

from filters.pii.pipeline import BUILTIN_NER
from filters.pii.recognizers import _ANCHORS, pattern_recognizers
from filters.pii.recognizers.documents import _FIVE_DIGITS, PassportRecognizer
from filters.pii.recognizers.kazakhstan import kz_check_digit
from filters.pii.recognizers.windows import Anchor, Substrings, WordStarts, analyze_windows, windows

def with_check_digit(first_eleven: str) -> str:
    return first_eleven + str(kz_check_digit(first_eleven))


IIN, BIN = with_check_digit("90010130012"), with_check_digit("10054500123")
DIGITS = Anchor(re.compile(r"\d+"), before=2, after=3)


@pytest.mark.parametrize("text, expected", [
    ("no digits here", []),
    ("a 12 b", [(0, 6)]),  # widened to the text's ends
    ("word word 12 word word", [(5, 17)]),  # to the spaces around the reach
    ("aaaa bbbb12cccc dddd", [(5, 15)]),  # a whitespace-free run is never cut
    ("x 1 y 2 z" + " " * 20 + "w 3 v", [(0, 10), (29, 34)]),  # overlapping reaches merge, far ones not
    ("line one 7\nline two", [(5, 15)]),  # newlines bound windows too
])
def test_windows_cover_each_reach_and_end_at_whitespace(text: str, expected: list[tuple[int, int]]) -> None:
    assert windows(text, DIGITS) == expected


def corpus() -> list[str]:
    texts = []
    us = Faker("en_US")
    us.seed_instance(11)
    for locale, seed in (("en_US", 7), ("en_GB", 8), ("de_DE", 9), ("fr_FR", 10)):
        fake = Faker(locale)
        fake.seed_instance(seed)
        for _ in range(15):
            texts.append(
                f"I'm {fake.name()}, I work at {fake.company()} and went to {fake.city()} High School. "
                f"Ship it to {fake.street_address()}, {fake.city()}. My username: {fake.user_name()} "
                f"or @{fake.user_name()}, mail {fake.email()}, site https://{fake.domain_name()}/a?b=1 or "
                f"www.{fake.domain_name()} or {fake.domain_name()}. Born on {fake.date()}; "
                f"passport {fake.bothify('??#######')}, ID card {fake.bothify('#########')}. "
                f"IP {fake.ipv4()} / {fake.ipv6()}, MAC {fake.mac_address()}, IIN {IIN}, BIN {BIN}. "
                f"IBAN {fake.iban()}, SSN {us.ssn()} or {us.ssn().replace('-', ' ')}. "
                f"Password: {fake.password()} or password {fake.password()}, key sk-{fake.pystr(24, 24)}, "
                f"pwd:{fake.password()}, account number: {fake.bothify('########')}, plate {fake.bothify('#???###').upper()}. "
                f"Or {fake.user_name()} at {fake.domain_word()} dot com, {fake.user_name()}(at){fake.domain_name()}. "
                f"I'm {fake.random_int(5, 90)}, my sister is twelve years old and I'll be thirteen; he is 7 yo. "
                f"{fake.paragraph(4)}")
    texts.append(" ".join(texts))  # many anchors: past max_windows, the whole text is read once
    texts += ["", "nothing to see", "University of Tartu", "ul. Abaya 12, kv. 5", "P.O. Box 77",
              "IG/Insta: kid_gamer07", "meet at the corner of 5th Avenue and Main Street.",
              "Я живу в г. Алматы, а он в д. Ивдель и село Полонне; И. Петров тоже.", "my TikTok is @dancer_01!", "Discord: Wolf#1234", "user name - blue_fox",
              "(instagram) anna.k_99, Steam=frostbyte", "ping me @ noon", "mail a@b.co or @handle.",
              "my number is oh seven nine one one, one two three four five six. Call me!",
              "text me: zero seven nine double one one two three four five, or count one two three",
              "card 4539 1488 0343 6467, CVV 123, and the cvc: 9876 of the other",
              "see https://www.linkedin.com/in/jane-doe-12345 and instagram.com/lily.rose_2012, not youtube.com/watch",
              "ID card? text me on https://wa.me/447700900461 or api.whatsapp.com/send?phone=77011234567",
              "my insta lily.rose_12, youtube andrzej and Instagram captions",
              "write to ivan @ mail.ru or john at gmail.com, not I work at google.com",
              "come to flat 12, block C, Sunrise Apartments; we live in Greenfield Heights, not the tower block",
              r"see C:\Users\mgonzalez\x.py and /home/dkim/app, ssh dkim@10.0.0.5 or ann@devbox:/tmp",
              "我住在北京市朝阳区建国路88号，他在华为技术有限公司工作。Ship to 兴安盟路B座 or 愛媛県町田市油井24丁目20番16号, "
              "office 서울특별시 강남구 테헤란로 123 of 유한회사 라온솔루션 and 株式会社中島ガス"]
    return texts


def whole_text(recognizer: PatternRecognizer):  # noqa: ANN201
    return lambda text: PatternRecognizer.analyze(recognizer, text, recognizer.supported_entities)


def spans(results) -> list[tuple]:  # noqa: ANN001
    return sorted((r.entity_type, r.start, r.end, round(r.score, 6)) for r in results)


WINDOWED = [r for r in pattern_recognizers(("US",)) if hasattr(type(r), "ANCHOR") or hasattr(type(r), "SHAPES")]


def test_every_shape_recognizer_with_an_anchor_is_covered() -> None:
    names = {type(r).__name__ for r in WINDOWED}
    assert {"StreetAddressRecognizer", "SchoolRecognizer", "OrganizationRecognizer", "DateOfBirthRecognizer",
            "UnlinkedHandleRecognizer", "ProfileLinkRecognizer", "PhoneLinkRecognizer", "SpelledPhoneRecognizer",
            "UsernameRecognizer", "UrlRecognizer", "KzIinRecognizer", "KzBinRecognizer",
            "IntersectionRecognizer", "CredentialRecognizer", "IdNumberRecognizer", "BuildingAddressRecognizer"} <= names
    assert {cls.__name__ for cls in _ANCHORS} <= names


@pytest.fixture(scope="module")
def tokenizer() -> Language:
    return spacy.load(BUILTIN_NER)


@pytest.mark.parametrize("with_tokens", [False, True], ids=["pattern hits", "token hits"])
@pytest.mark.parametrize("recognizer", WINDOWED, ids=lambda r: type(r).__name__)
def test_windowed_recognizer_finds_what_the_whole_text_gives(
    recognizer: PatternRecognizer, with_tokens: bool, tokenizer: Language,
) -> None:
    full = whole_text(recognizer)
    found = 0
    for text in corpus():
        artifacts = SimpleNamespace(tokens=tokenizer.make_doc(text)) if with_tokens else None
        windowed = recognizer.analyze(text, recognizer.supported_entities, artifacts)
        assert spans(windowed) == spans(full(text)), text
        found += len(windowed)
    if type(recognizer).__name__ not in ("CryptoRecognizer", "MacAddressRecognizer"):
        assert found, "the corpus must exercise the recognizer"


def test_passport_numbers_around_five_digits_match_the_whole_text() -> None:
    recognizer = PassportRecognizer()
    full = whole_text(recognizer)
    for text in corpus():
        windowed = analyze_windows(full, text, _FIVE_DIGITS)
        assert spans(windowed) == spans(full(text)), text


@pytest.mark.parametrize(("text", "hits"), [
    ("my Password: x", [(3, 7)]),
    ("api_key and AUTH-TOKEN", [(0, 3), (4, 7), (17, 22)]),
    ("spinning monkey keyboard", [(16, 19)]),  # inside a word: no hit; at a word's start: a hit
    ("İİ pin 1", [(3, 6)]),  # "İ" lowercases to two characters: offsets still those of the text
    ("nothing here", []),
])
def test_word_starts_finds_stems_at_word_starts_whatever_their_case(text: str, hits: list[tuple[int, int]]) -> None:
    finder = WordStarts(("pin", "api", "key", "token", "pass"))
    assert [(h.start(), h.end()) for h in finder.finditer(text)] == hits


KEYWORD_SCAN = re.compile(r"\bid\b|identi|national|card|document|licen[cs]e", re.IGNORECASE)
KEYWORD_FINDER = Substrings(("identi", "national", "card", "document", "licence", "license"), words=("id",))


@pytest.mark.parametrize("text", [
    "my ID: 123", "scorecard and Identity", "idea, id_card, ID-card, kid", "İİ national id", "Driver's License",
    "nothing here", "id", "ID\nLicence",
])
def test_substrings_find_what_the_case_blind_scan_finds(text: str) -> None:
    assert [(h.start(), h.end()) for h in KEYWORD_FINDER.finditer(text)] == \
        [(m.start(), m.end()) for m in KEYWORD_SCAN.finditer(text)]

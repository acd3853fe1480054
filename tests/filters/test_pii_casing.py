"""Text written in capitals, with every word capitalised or with capitals only to open its
sentences (filters/pii/casing.py): read in a copy with capitals where names have them, so
shouted names and addresses are found and shouted everyday words are not."""

from __future__ import annotations

import pytest

from filters.pii import PIIEngine
from filters.pii.casing import (capitals_only_to_start_sentences, read_as_written_usually, shouting, title_cased,
                                unshouted)
from tests.support.pii import typed


@pytest.mark.parametrize(("text", "expected"), [
    ("WHY IS THIS SO COMPLICATED???", True),
    ("I'M SO DONE WITH THIS bank", True),  # four in five of its letters
    ("Why is this so complicated?", False),
    ("OK, fine", False),
    ("HI ALL", False),  # fewer than eight capitals
    ("ПРИВЕТ, КАК ДЕЛА У ТЕБЯ", False),  # only Latin words are read in a copy
    ("JOSÉ GARCÍA VIVE EN MÁLAGA", True),
])
def test_a_text_is_shouted_when_four_in_five_of_its_letters_are_capitals(text: str, expected: bool) -> None:
    assert shouting(text) is expected


@pytest.mark.parametrize(("case", "text", "expected"), [
    ("everyday words lowercase, names capitalised", "MY NAME IS LUCAS AND I LIVE IN SPRINGFIELD",
     "my name is Lucas and I live in Springfield"),
    ("a plural of a dictionary word is everyday", "SPEAKING TO BOTS", "speaking to bots"),
    ("a street's word after a number", "I LIVE AT 12 OAK STREET", "I live at 12 Oak Street"),
    ("a flat's word always", "APT. 297 AND SUITE 4", "Apt. 297 and Suite 4"),
    ("a place of everyday words", "TRAVELLING TO UNITED STATES NEXT WEEK", "travelling to United States next week"),
    ("a first name and a surname that are words", "MY TEACHER GRACE TAYLOR IS NICE", "my teacher Grace Taylor is nice"),
    ("a state's code and a label's acronym stay", "SPRINGFIELD, IL 62704, DOB 01/02/2010",
     "Springfield, IL 62704, DOB 01/02/2010"),
    ("a code's group between numbers stays", "MY IBAN IS GB82 WEST 1234 5698", "my IBAN is GB82 WEST 1234 5698"),
    ("an address and a domain stay", "WRITE TO LUCAS.M@GMAIL.COM OR WWW.EXAMPLE.COM NOW",
     "write to LUCAS.M@GMAIL.COM or WWW.EXAMPLE.COM now"),
    ("a military address's prefix stays", "SHIP IT TO USNS BERGMAN, FPO AP 93757", "ship it to USNS Bergman, FPO AP 93757"),
    ("Cyrillic words stay as written", "ПРИВЕТ, MY NAME IS ANNA", "ПРИВЕТ, my name is Anna"),
    ("text in lowercase is itself", "my name is lucas", "my name is lucas"),
    ("a label and a code are too few words to read", "IBAN: GB53WPJE5930963667119", "IBAN: GB53WPJE5930963667119"),
])
def test_a_shouted_copy_has_capitals_where_names_have_them(case: str, text: str, expected: str) -> None:
    copy = unshouted(text)
    assert copy == expected
    assert len(copy) == len(text)


SHOUTED_DATA = [
    ("a first name", "HI, MY NAME IS LUCAS AND I AM IN 5TH GRADE", {("PERSON", "LUCAS")}),
    ("a full name and a city", "MY TEACHER IS MARIA GONZALEZ FROM AUSTIN",
     {("PERSON", "MARIA GONZALEZ"), ("LOCATION", "AUSTIN")}),
    ("a street address", "WE LIVE AT 221 MAPLE AVENUE, APT. 4", {("STREET_ADDRESS", "221 MAPLE AVENUE, APT. 4")}),
    ("a first name that is a word, after a naming word", "SHE NAMED HIM FRANK", {("PERSON", "FRANK")}),
    ("a country of everyday words", "I WILL BE TRAVELLING TO UNITED STATES NEXT WEEK", {("LOCATION", "UNITED STATES")}),
    ("a first name and a surname that are words", "PRODUCER JAMES SPARKS EXPLAINED IT TO US",
     {("PERSON", "JAMES SPARKS")}),
    ("a bank code", "MY IBAN IS GB82 WEST 1234 5698 7654 32", {("IBAN_CODE", "GB82 WEST 1234 5698 7654 32")}),
    ("a private key", "HERE IS MY KEY -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----",
     {("CREDENTIAL", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----")}),
]


@pytest.mark.parametrize(("case", "text", "expected"), SHOUTED_DATA, ids=[c for c, *_ in SHOUTED_DATA])
def test_personal_data_written_in_capitals_is_found(engine: PIIEngine, case: str, text: str, expected: set) -> None:
    assert expected <= typed(engine, text), typed(engine, text)


SHOUTED_NOTHING = [
    "MY RELIGION DOES NOT ALLOW SPEAKING TO BOTS, THEY ARE EVIL AND HACKED BY THE DEVIL",
    "WHAT ??? I DON'T KNOW WHAT TO PRESS NEXT!!! ? !! ?!",
    "YOU WILL WORK CLOSELY WITH THE ENGINEERING TEAM TO DESIGN SCALABLE SYSTEMS.",
    "TELL ME A JOKE ABOUT CATS.",
    "A FUNCTION CALLED MAX THAT RETURNS THE BIGGEST VALUE",
    "WHY IS THE SKY BLUE?",
    "LIST THE NOBLE GASES.",
    "MY LOAN APPLICATION WAS DENIED WITHOUT REASON",
    "I DONT UNDERSTAND THE NEW INTEREST RATES",
    "WHY DOES SPOTIFY KEEP CHARGING ME?",
    "HOW DO I SET UP A 401K ROLLOVER?",
]


@pytest.mark.parametrize("text", SHOUTED_NOTHING)
def test_everyday_words_written_in_capitals_are_no_names(engine: PIIEngine, text: str) -> None:
    assert typed(engine, text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("MY NAME IS LUCAS AND I LIVE HERE", "my name is Lucas and I live here"),
    ("my name is lucas and i live here", "my name is Lucas and i live here"),
    ("My name is Lucas and I live here", "My name is Lucas and I live here"),  # written as usual: itself
    ("My Name Is Lucas And I Live Here", "my name is Lucas and I live here"),
    ("Name: Toshimi Arata\nPhone: 0490 75 40 81", "Name: Toshimi Arata\nPhone: 0490 75 40 81"),  # a form
    ("Yesterday i met lucas. He said hi.", "Yesterday i met Lucas. He said hi."),
])
def test_only_text_in_one_case_or_without_capitals_on_names_is_read_in_a_copy(text: str, expected: str) -> None:
    assert read_as_written_usually(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Can I Pay With Bitcoin?", True),
    ("My Name Is Lucas And I Live In Springfield", True),
    ("Anna Maria Smith", False),  # too few words: a name
    ("My name is Anna Maria Smith", False),
    ("Allan Björk\nScale Unlimited\nUnit 5022 Box 1225", False),  # a signature's lines
])
def test_a_line_is_title_cased_when_nine_in_ten_of_five_words_or_more_are_capitalised(text: str, expected: bool) -> None:
    assert title_cased(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Can I Talk To A Human Please?", set()),
    ("Can I Pay With Bitcoin?", set()),
    ("Why Is The Sky Blue?", set()),
    ("My Name Is Lucas And I Live At 12 Oak Street", {("PERSON", "Lucas"), ("STREET_ADDRESS", "12 Oak Street")}),
])
def test_a_title_cased_line_is_read_like_one_in_capitals(engine: PIIEngine, text: str, expected: set) -> None:
    assert typed(engine, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Yesterday i met lucas at the mall. He said hi.", True),
    ("I think I'll ask svetlana.", True),
    ('"Hi," said maria.\nThen we left.', True),
    ("My friend Lucas is here", False),
    ("Ask Mr. smith", False),
])
def test_a_text_capitalises_only_its_sentences_when_no_capital_stands_inside_one(text: str, expected: bool) -> None:
    assert capitals_only_to_start_sentences(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Unlike the christiansen novel, it's not about necrophilia.", {("PERSON", "christiansen")}),
    ("This song by ex-zombie lundberg is a perfect example.", {("PERSON", "lundberg")}),
    ("Bot: Where would you like this to be sent to? User: Arany jános utca 197.", {("STREET_ADDRESS", "jános utca 197")}),
    ("I’ve been on egg irl for that long.", set()),
])
def test_names_are_read_in_text_whose_capitals_only_open_sentences(engine: PIIEngine, text: str, expected: set) -> None:
    found = typed(engine, text)
    assert expected <= found and (expected or not found), found

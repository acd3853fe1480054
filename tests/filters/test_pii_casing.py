"""Text written in capitals or in lowercase (filters/pii/casing.py): read in a copy with
capitals where names have them, so shouted names and addresses are found and shouted everyday
words are not, and lowercase names only a name list knows are found."""

from __future__ import annotations

import pytest

from filters.pii import PIIEngine
from filters.pii.casing import (capitalised_names, capitals_only_to_start_sentences, read_as_written_usually, shouting,
                                title_cased, unshouted)
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


@pytest.mark.parametrize(("case", "text", "expected"), [
    ("a name only a list knows", "my friend lucas lives in almaty", "my friend Lucas lives in Almaty"),
    ("a first name and a surname", "i sat next to maria gonzalez", "i sat next to Maria Gonzalez"),
    ("a surname alone that is a typing slip of a word", "my techer mr smith", "my techer mr smith"),
    ("a surname alone that is no slip", "says bergqvist and he is right", "says Bergqvist and he is right"),
    ("a word of a list is left to the list's rules", "worked for barry, walsh and williams", "worked for barry, walsh and williams"),
    ("a name that is a dictionary word stays", "i went with rose to the park", "i went with rose to the park"),
    ("a known place of several words", "he flew to castiglione in teverina", "he flew to Castiglione In Teverina"),
    ("a place of everyday words", "travelling to united states next week", "travelling to United States next week"),
    ("a run's words all known, or none capitalised", "he flew to castiglione in zzyzxville",
     "he flew to castiglione in zzyzxville"),
    ("an unknown word where a place is named", "i'm in flateyri, at the conference", "i'm in Flateyri, at the conference"),
    ("a typing slip where a place is named", "i'm in schol now", "i'm in schol now"),
    ("'next to' names no place", "i sat next to priyanka", "i sat next to priyanka"),
    ("chat spellings stay", "can u help me with my homework pls", "can u help me with my homework pls"),
    ("a first name, then a surname no list knows", "a card for hanna ukkonen", "a card for Hanna Ukkonen"),
    ("a first name alone", "i love mateo so much", "i love Mateo so much"),
    ("a flat's word before its number", "583 magrethevej 298\n apt. 123\n suite #4", "583 magrethevej 298\n Apt. 123\n Suite #4"),
    ("a first name, then a rare dictionary word", "a rather mateo quixotic plan", "a rather mateo quixotic plan"),
    ("too little text to read", "lucas", "lucas"),
    ("a known first name inside a run of unknown words", "as regular rr commenter ivan petřík points out",
     "as regular rr commenter Ivan Petřík points out"),
    ("unknown words that end with a known surname", "producer robinette dennis explained it",
     "producer Robinette Dennis explained it"),
    ("an initial between two unknown words", "please change it to soib k. kishiev",
     "please change it to Soib K. Kishiev"),
    ("a letter that is a word of its own is no initial", "chomutice u horic v podkrkonoší",
     "chomutice u horic v podkrkonoší"),
    ("a maker's word before two unknown words", "a film directed by wacława adamska", "a film directed by Wacława Adamska"),
    ("a maker's word before one unknown word is not enough", "songs sung by salarymen", "songs sung by salarymen"),
    ("a speaker's word before one unknown word", '"we like it," says hartvigsson.', '"we like it," says Hartvigsson.'),
    ("a speaker's word after a word is no cue", "i ran webpack and webpack said error",
     "i ran webpack and webpack said error"),
    ("British spelling is a dictionary's", "my neighbour richard keeps parking there",
     "my neighbour richard keeps parking there"),  # not "Neighbour Richard", a known surname after a word no list knows
    ("a surname written again alone", "directed by maciej borkowski and starring borkowski",
     "directed by Maciej Borkowski and starring Borkowski"),
    ("a whole name written again", "my partner john carney agrees. it was signed by john carney on behalf of us",
     "my partner John Carney agrees. it was signed by John Carney on behalf of us"),
    ("another language's words are left to the name lists",
     "vous avez peut-être l'impression que vous ne pourrez jamais les surmonter. vous le ressentiront",
     "vous avez peut-être l'impression que vous ne pourrez jamais les surmonter. vous le ressentiront"),
    ("a military address's line", "what is your address? it is usnv vincent\nfpo aa 68422",
     "what is your address? it is usnv vincent\nfpo aa 68422"),
])
def test_a_lowercase_copy_capitalises_words_only_a_name_list_knows(case: str, text: str, expected: str) -> None:
    assert capitalised_names(text) == expected


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
    ("sorry i cant come, aleksandra kowalczyk gave us extra homework", {("PERSON", "aleksandra kowalczyk")}),
    ("they detained tennis player hülya bouwmeester over visa disputes", {("PERSON", "hülya bouwmeester")}),
    ("stephan fenstermacher points out that most are wrong", {("PERSON", "stephan fenstermacher")}),
    ("this song by ex-zombie lundberg is a perfect example", {("PERSON", "lundberg")}),
    ("i will be travelling to united states next week", {("LOCATION", "united states")}),
    ("i'm in flateyri, at the conference", {("LOCATION", "flateyri")}),
    ("as regular rr commenter odette aubé points out, most are horrible", {("PERSON", "odette aubé")}),
    ("valida spent a year as the assistant to valida m. ibragimov", {("PERSON", "valida m. ibragimov")}),
    ("a film directed by joakim westgård and starring westgård",
     {("PERSON", "joakim westgård"), ("PERSON", "westgård")}),
    ('"i\'m glad to hear that," says iwase.', {("PERSON", "iwase")}),
])
def test_lowercase_names_only_a_list_knows_are_people(engine: PIIEngine, text: str, expected: set) -> None:
    assert expected <= typed(engine, text)


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


def test_a_lowercase_address_block_keeps_its_flat_with_its_street(engine: PIIEngine) -> None:
    text = "marisa bisliev\n\n583 magrethevej 298\n apt. 123\n qasigiannguit"
    found = typed(engine, text)
    assert any(kind == "STREET_ADDRESS" and "583 magrethevej 298\n apt. 123" in value for kind, value in found), found
    assert ("LOCATION", "apt.") not in found


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


def test_a_word_longer_than_any_name_is_not_tried_as_one() -> None:
    """A typing-slip test of a 20,000-letter "word" would build a million strings of its
    length (minutes of work); such a word is no name, and is left as written at once."""
    text = "i am in " + "x" * 20_000 + " now"
    assert capitalised_names(text) == text

"""Text without capitals on its names (filters/pii/lowercase_names.py): read in a copy with
capitals on the words that read as names, so lowercase names are found and lowercase
everyday words, tools and other languages' words are not taken for names."""

from __future__ import annotations

import pytest

from filters.pii import PIIEngine
from filters.pii.lowercase_names import capitalised_names
from tests.support.pii import typed


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
    ("a role's word before two unknown words", "producer liviana palerma explained it to us",
     "producer Liviana Palerma explained it to us"),
    ("a known surname after a speaker's word, though one letter from a word", '"we like it," says becker.',
     '"we like it," says Becker.'),
    ("one unknown word where a place is named, inside a run", "at ngap incorporated in katrineholm, which later",
     "at ngap incorporated in Katrineholm, which later"),
    ("a text mostly of another language is left to the name lists",
     "annuncio donna cercano uomo seconda mano torino annunci personali film spinto da vedere",
     "annuncio donna cercano uomo seconda mano torino annunci personali film spinto da vedere"),
    ("an employer's name after a job's word", "she got a job at avalara last month",
     "she got a job at Avalara last month"),
    ("a dictionary word after a job's word stays", "i work at home most days", "i work at home most days"),
    ("a military address's line", "what is your address? it is usnv vincent\nfpo aa 68422",
     "what is your address? it is usnv vincent\nfpo aa 68422"),
])
def test_a_lowercase_copy_capitalises_the_words_that_read_as_names(case: str, text: str, expected: str) -> None:
    assert capitalised_names(text) == expected


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
    ("they both work for mhealthcoach in the city", {("ORGANIZATION", "mhealthcoach")}),
    ("my sister is called rose and she is nine", {("PERSON", "rose")}),  # a first name that is a word
    ("she named him frank", {("PERSON", "frank")}),
    # another script's lowercase words where only a person is named
    ("remind модест соловьев to bring the permission slip.", {("PERSON", "модест соловьев")}),
    ("please forward this to φραντζέσκα.", {("PERSON", "φραντζέσκα")}),
    ("дмитрий keeps interrupting me in class.", {("PERSON", "дмитрий")}),
])
def test_lowercase_names_are_found_with_their_types(engine: PIIEngine, text: str, expected: set) -> None:
    assert expected <= typed(engine, text)


@pytest.mark.parametrize("text", [
    "i work at home most days",
    "i hit my toe on the corner of the table and the wall",
    "a function called max that returns the biggest value",
    "that's called justice, if you ask me",
    "songs sung by salarymen are horrible",
    # a learner's words of another script, after words that name people in capitalised text
    "i need help with падежи",
    "can you help me with глаголы движения",
    "hi привет",
    "i love борщ so much",
    "is it correct to write я люблю тебя like that?",
])
def test_lowercase_everyday_words_near_the_cues_are_no_names(engine: PIIEngine, text: str) -> None:
    assert typed(engine, text) == set()


def test_a_lowercase_address_block_keeps_its_flat_with_its_street(engine: PIIEngine) -> None:
    text = "marisa bisliev\n\n583 magrethevej 298\n apt. 123\n qasigiannguit"
    found = typed(engine, text)
    assert any(kind == "STREET_ADDRESS" and "583 magrethevej 298\n apt. 123" in value for kind, value in found), found
    assert ("LOCATION", "apt.") not in found


def test_a_word_longer_than_any_name_is_not_tried_as_one() -> None:
    """A typing-slip test of a 20,000-letter "word" would build a million strings of its
    length (minutes of work); such a word is no name, and is left as written at once."""
    text = "i am in " + "x" * 20_000 + " now"
    assert capitalised_names(text) == text

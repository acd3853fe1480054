"""A person already named is found again where no capital or word boundary marks them
(filters/pii/name_mentions.py): in another case, inside a hashtag, as a family's plural, and
as a record's surname written first; and the words that only look so stay."""

from __future__ import annotations

import pytest

from filters.pii import PIIEngine


def people(engine: PIIEngine, text: str) -> list[str]:
    [detections] = engine.analyze_batch([text], entities=engine.supported_entities())
    return sorted(text[d.start:d.end] for d in detections if d.type == "PERSON")


FOUND = [
    # (case, text, every person's span)
    ("a name again in lowercase, opening a sentence", "my daughter Lily loves cake. lily is turning 5",
     ["Lily", "lily"]),
    ("a name again in capitals", "My son Mateo is 7 and MATEO wants a dragon cake.", ["MATEO", "Mateo"]),
    ("a name no dictionary knows, again in lowercase", "Happy birthday Mateo! mateo will love it",
     ["Mateo", "mateo"]),
    ("a name found elsewhere, inside a camel-case tag", "Happy birthday Mateo! #HappyBirthdayMateo",
     ["Mateo", "Mateo"]),
    ("a name found elsewhere, at a lowercase tag's end", "For my daughter Lily #happybirthdaylily",
     ["Lily", "lily"]),
    ("a first name no dictionary knows, in a tag", "Go #TeamJessica! We love you", ["Jessica"]),
    ("a first name that is a word, beside a person's tag word", "#LilyTurns5 and cake", ["Lily"]),
    ("a full name in a tag is one person", "So proud! #EmmaWatson", ["EmmaWatson"]),
    ("a family by its plural", "We are the Hendersons, a family of five from Ohio.", ["Hendersons"]),
    ("a family whose name is a word, next door", "The Smiths next door invited us to dinner.", ["Smiths"]),
    ("a family's possessive plural", "We stayed at the Millers' house.", ["Millers"]),
    ("a record's surname written first, its next label apart", "Patient: DOE, JOHN  DOB 01/02/1980", ["DOE", "JOHN"]),
    ("a word and a comma before a name is no surname", "Well, John said so.", ["John"]),
]

NOT_FOUND = [
    ("everyday tags", "#ThrowbackThursday #MondayMotivation #LoveIsLove #Christmas2024 #TBT #SaveTheBees"),
    ("a hex colour, an issue number, a language", "color #FF0000, issue #123 and the C# language"),
    ("the word a name also is, not opening a sentence", "Rose planted a rose in the garden."),
    ("the word a name also is, after 'the'", "Lily loves flowers. The lily pads are green."),
    ("a lowercase form without a person's verb", "Ask Mia about it. Ecco con mia figlia oggi."),
    ("a people's plural", "The Romans built roads and the Greeks built temples."),
    ("a word's plural after 'the' with no family spoken of", "The Browns and greens of autumn are lovely."),
]


@pytest.mark.parametrize(("case", "text", "expected"), FOUND, ids=[c for c, _, _ in FOUND])
def test_a_person_is_found_in_every_mention(engine: PIIEngine, case: str, text: str, expected: list[str]) -> None:
    assert people(engine, text) == sorted(expected)


@pytest.mark.parametrize(("case", "text"), NOT_FOUND, ids=[c for c, _ in NOT_FOUND])
def test_look_alikes_of_a_mention_name_nobody(engine: PIIEngine, case: str, text: str) -> None:
    first_mentions = {"Lily", "Mia", "Rose"}  # named in the text on purpose: only their other forms are asked about
    assert [p for p in people(engine, text) if p not in first_mentions] == []


def test_a_tagged_place_stays_a_place(engine: PIIEngine) -> None:
    text = "Stand with the people of #Palestine"
    [detections] = engine.analyze_batch([text], entities=engine.supported_entities())
    assert [(d.type, text[d.start:d.end]) for d in detections] == [("LOCATION", "Palestine")]

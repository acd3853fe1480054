"""Russian and Kazakh chat, as a language tutor's pupils write it (filters/pii/retype.py,
`_capitalised_runs`; recognizers/places.py): the English tagger reads whole Cyrillic clauses
as one name, which redacted the sentence a pupil asked to have corrected. Names are what is
capitalised there; the rest of the sentence reaches the tutor."""

from __future__ import annotations

import pytest

from filters.pii import PIIEngine


def found(engine: PIIEngine, text: str) -> set[tuple[str, str]]:
    [detections] = engine.analyze_batch([text], entities=engine.supported_entities())
    return {(d.type, text[d.start:d.end]) for d in detections}


CASES = [
    ("Меня зовут Айгерим Садыкова, я живу на улице Абая 15.",
     {("PERSON", "Айгерим Садыкова"), ("STREET_ADDRESS", "улице Абая 15")}),
    ("моя учительница Гульнара Ахметовна очень добрая", {("PERSON", "Гульнара Ахметовна")}),
    ("Привет! Я Даниял, учусь в школе №45.", {("PERSON", "Даниял"), ("SCHOOL", "школе №45")}),
    ("Сәлем! Менің атым Нұрлан.", {("PERSON", "Нұрлан")}),
    ("Мен №45 мектепте оқимын", {("SCHOOL", "№45 мектепте")}),
    ("Я из Шымкента, мой номер 87011234567", {("PERSON", "Шымкента"), ("PHONE_NUMBER", "87011234567")}),
    ("Мария-Луиза Иванова-Петрова пришла", {("PERSON", "Мария-Луиза Иванова-Петрова")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"ru-kk-{i}" for i in range(len(CASES))])
def test_cyrillic_names_are_their_capitalised_words_and_the_sentence_stays(engine: PIIEngine, text, expected) -> None:
    assert found(engine, text) == expected

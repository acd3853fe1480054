"""The tag converter: BILUO tags per token become `doc.ents`, written as arrays when no other
component set entities, merged with theirs (theirs win) when one did."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from filters.pii.tags import spans_from_tags, tags_to_ents


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201
    return spacy.blank("en")


def tagged(nlp, words: list[str], tags: list[str]) -> Doc:  # noqa: ANN001
    doc = Doc(nlp.vocab, words=words)
    for token, tag in zip(doc, tags):
        token.tag_ = tag
    return doc


@pytest.mark.parametrize(("tags", "spans"), [
    (["O", "B-PERSON", "L-PERSON", "O"], [(1, 3, "PERSON")]),
    (["U-LOCATION", "O", "U-PERSON", "O"], [(0, 1, "LOCATION"), (2, 3, "PERSON")]),
    (["B-PERSON", "I-PERSON", "O", "O"], [(0, 2, "PERSON")]),  # an unfinished span closes at its last inside tag
    (["O", "I-PERSON", "O", "O"], []),  # a stray inside tag is noise
    (["I-STREET_ADDRESS", "I-STREET_ADDRESS", "L-STREET_ADDRESS", "O"], [(0, 3, "STREET_ADDRESS")]),  # a missed B- in an address
    (["B-PERSON", "L-LOCATION", "O", "O"], [(0, 1, "PERSON")]),  # a change of label ends the span
    # a name the tagger closed one word early goes on: "Rory" U- "McIlroy" L-, "Anna" U- "Xi" U-
    (["U-PERSON", "L-PERSON", "O", "O"], [(0, 2, "PERSON")]),
    (["O", "U-PERSON", "U-PERSON", "O"], [(1, 3, "PERSON")]),
    (["U-LOCATION", "U-LOCATION", "O", "O"], [(0, 1, "LOCATION"), (1, 2, "LOCATION")]),  # places: two
])
def test_tags_become_entities(nlp, tags: list[str], spans: list[tuple[int, int, str]]) -> None:  # noqa: ANN001
    doc = tags_to_ents(tagged(nlp, ["a", "b", "c", "d"], tags))
    assert [(e.start, e.end, e.label_) for e in doc.ents] == spans
    outside = "O" if spans else ""  # no entity: the doc stays unannotated, as spaCy leaves it
    assert [t.ent_iob_ for t in doc] == [
        "B" if any(i == s for s, _, _ in spans) else "I" if any(s < i < e for s, e, _ in spans) else outside
        for i in range(4)]


def test_decoding_reports_offsets_of_the_run_in_its_doc() -> None:
    assert spans_from_tags(["B-ORG", "L-ORG"], offset=5) == [(5, 7, "ORG")]


def test_entities_set_earlier_are_kept_and_only_free_tokens_are_added(nlp) -> None:  # noqa: ANN001
    doc = tagged(nlp, ["a", "b", "c", "d", "e"], ["U-PERSON", "B-PERSON", "L-PERSON", "O", "U-LOCATION"])
    doc.ents = [Span(doc, 2, 4, label="ORG")]  # another recognizer's, overlapping the second tagged span
    doc = tags_to_ents(doc)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(0, 1, "PERSON"), (2, 4, "ORG"), (4, 5, "LOCATION")]


def test_a_doc_without_tags_is_left_as_it_is(nlp) -> None:  # noqa: ANN001
    doc = tags_to_ents(Doc(nlp.vocab, words=["just", "words"]))
    assert doc.ents == ()

"""The fused tagger forward pass gives thinc's scores, and is only used where it applies."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from faker import Faker
from spacy.language import Language
from spacy.training import Example

from filters.pii.fast_tagger import FusedTagger, _RowCache, accelerate
from filters.pii.pipeline import BUILTIN_NER
from filters.pii.tags import TAGGER_NAME


def sample_texts() -> list[str]:
    texts = ["", "a", "Hi!", "don't   stop\n\nthe  music", "ß ü ñ Ж 東京 🙂 — «quoted»"]
    for locale, seed in (("en_US", 1), ("de_DE", 2), ("fr_FR", 3), ("ru_RU", 4)):
        fake = Faker(locale)
        fake.seed_instance(seed)
        for _ in range(6):
            texts.append(f"My name is {fake.name()} and I live at {fake.address()}. "
                         f"Call {fake.phone_number()} or write to {fake.email()}. {fake.paragraph(5)}")
    texts.append(" ".join(texts) * 3)  # a long text, every word seen before
    return texts


@pytest.fixture(scope="module")
def builtin() -> Language:
    return spacy.load(BUILTIN_NER)


def assert_same_scores(model, fused: FusedTagger, texts: list[str], nlp: Language) -> None:  # noqa: ANN001
    docs = [nlp.make_doc(t) for t in texts]
    for doc, expected, got in zip(docs, model.predict(docs), fused(docs)):
        assert got.shape == expected.shape
        if len(doc):
            np.testing.assert_allclose(got, expected, atol=1e-4, rtol=1e-4)
            assert (got.argmax(axis=1) == expected.argmax(axis=1)).all()


def test_builtin_tagger_scores_equal_thincs(builtin: Language) -> None:
    model = builtin.get_pipe(TAGGER_NAME).model
    fused = FusedTagger(model)
    texts = sample_texts()
    assert_same_scores(model, fused, texts, builtin)
    assert_same_scores(model, fused, texts, builtin)  # second pass: every row from the cache


def test_row_cache_starting_over_keeps_scores_exact(builtin: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_RowCache, "CAPACITY", 64)  # far fewer rows than one text has
    model = builtin.get_pipe(TAGGER_NAME).model
    assert_same_scores(model, FusedTagger(model), sample_texts(), builtin)


def freshly_trained_tagger(**model: object) -> Language:
    nlp = spacy.blank("en")
    config = {"model": {"@architectures": "spacy.Tagger.v2", **model}} if model else {}
    tagger = nlp.add_pipe("tagger", config=config)
    for tag in ("O", "U-PERSON"):
        tagger.add_label(tag)
    examples = [Example.from_dict(nlp.make_doc("Anna sings"), {"tags": ["U-PERSON", "O"]})]
    nlp.initialize(lambda: examples)
    return nlp


def test_any_tagger_of_the_same_architecture_is_fused_exactly() -> None:
    nlp = freshly_trained_tagger()  # spaCy's default tagger: HashEmbedCNN, other widths
    tagger = nlp.get_pipe("tagger")
    reference = tagger.model
    assert accelerate(nlp, "tagger")
    texts = sample_texts()[:8]
    docs = [nlp.make_doc(t) for t in texts]
    expected = [s.argmax(axis=1) for s in reference.predict(docs)]
    assert [list(g) for g in tagger.predict(docs)] == [list(e) for e in expected]


@pytest.mark.parametrize("reason, nlp, pipe", [
    ("a normalised softmax", lambda: freshly_trained_tagger(normalize=True), "tagger"),
    ("no such pipe", lambda: spacy.blank("en"), "tagger"),
    ("not a tagger", lambda: _with_ruler(), "entity_ruler"),
])
def test_other_pipes_keep_spacys_own_path(reason: str, nlp, pipe: str) -> None:  # noqa: ANN001
    loaded = nlp()
    before = getattr(loaded.get_pipe(pipe), "predict", None) if pipe in loaded.pipe_names else None
    assert accelerate(loaded, pipe) is False, reason
    if before is not None:
        assert loaded.get_pipe(pipe).predict == before


def _with_ruler() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler")
    return nlp


def test_row_cache_keeps_only_rows_whose_keep_column_is_listed_and_still_answers_all() -> None:
    cache = _RowCache(width=2, keep_column=0, keep_values=frozenset({1}))
    features = np.array([[1, 1, 1, 1], [2, 2, 2, 2], [1, 1, 1, 1]], dtype="uint64")

    def compute(rows: np.ndarray) -> np.ndarray:
        return rows[:, :2].astype("f") * 10

    out = cache.lookup(features, compute)
    assert out.tolist() == [[10, 10], [20, 20], [10, 10]]
    assert set(cache._index) == {features[0].tobytes()}  # the row not to keep (a name's) is gone
    again = cache.lookup(features, lambda rows: compute(rows) + 1)
    assert again.tolist() == [[10, 10], [21, 21], [10, 10]]  # kept row read back, the other recomputed


def test_builtin_tagger_caches_rows_of_everyday_words_only(builtin: Language) -> None:
    fused = FusedTagger(builtin.get_pipe(TAGGER_NAME).model)
    fused([builtin.make_doc("Hi! Zqxwvatrin Plorkenbeck wrote to 4929-7340 today.")])
    assert len(fused._rows._index) == len({"Hi", "!", "wrote", "to", "-", "today", "."})

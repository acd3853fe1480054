"""The warm-cache tokenizer gives spaCy's tokens, however full its cache is."""

from __future__ import annotations

import pytest
import spacy
from faker import Faker
from spacy.attrs import IDX, LENGTH, NORM, ORTH, SPACY
from spacy.language import Language

from filters.pii.pipeline import BUILTIN_NER
from filters.pii.tokenizer_cache import WarmCacheTokenizer

ATTRS = [ORTH, NORM, SPACY, IDX, LENGTH]


def texts() -> list[str]:
    out = ["", " ", "  leading", "trailing  ", "tab\tand\nnewline \n end\n", "I'm sure you don't (can't?) :)",
           "e.g. U.S.A., 5 p.m. -- well...", "NBSP\u00a0here\u2009and\u3000there", "I'm " * 40]
    for locale, seed in (("en_US", 21), ("de_DE", 22), ("ru_RU", 23)):
        fake = Faker(locale)
        fake.seed_instance(seed)
        out += [f"Hi! I'm {fake.name()}, {fake.address()} ({fake.phone_number()}). {fake.paragraph(6)}"
                for _ in range(20)]
    return out


def fresh() -> Language:
    return spacy.load(BUILTIN_NER)


def test_tokens_equal_a_cold_spacy_tokenizers() -> None:
    reference, wrapped = fresh(), WarmCacheTokenizer(fresh().tokenizer)
    for _ in range(2):  # the second round reads every chunk from the cache
        for text in texts():
            assert (wrapped(text).to_array(ATTRS) == reference.tokenizer(text).to_array(ATTRS)).all(), text


class CountingTokenizer:
    """spaCy's tokenizer, counting how often its cache is started over."""

    def __init__(self, tokenizer) -> None:  # noqa: ANN001
        self.tokenizer, self.vocab, self.flushes = tokenizer, tokenizer.vocab, 0
        self.max_cache_size = tokenizer.max_cache_size

    def __call__(self, text: str):  # noqa: ANN204
        return self.tokenizer(text)

    def _flush_cache(self) -> None:
        self.flushes += 1
        self.tokenizer._flush_cache()


def test_only_recurring_chunks_are_warmed() -> None:
    wrapped = WarmCacheTokenizer(fresh().tokenizer)
    wrapped("Anna met Bob")
    assert wrapped._seen == set()
    wrapped("Anna met Carl")
    assert wrapped._seen == {"Anna", "met"}


def test_starting_the_cache_over_keeps_tokens_equal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(WarmCacheTokenizer, "CAPACITY", 50)  # fewer chunks than one text has
    counting = CountingTokenizer(fresh().tokenizer)
    reference, wrapped = fresh(), WarmCacheTokenizer(counting)
    for text in texts():
        for _ in range(2):  # the second time, its chunks are warmed
            assert (wrapped(text).to_array(ATTRS) == reference.tokenizer(text).to_array(ATTRS)).all(), text
    assert counting.flushes > 0


def test_engine_pipelines_run_behind_the_wrapper() -> None:
    from filters.pii.pipeline import load_pipeline
    from filters.pii.settings import EngineSettings

    loaded = load_pipeline(EngineSettings())
    nlp = loaded.engine.nlp["en"]
    assert isinstance(nlp.tokenizer, WarmCacheTokenizer)
    assert loaded.tokens_engine.nlp["en"].tokenizer is nlp.tokenizer
    doc = nlp("Hi! I'm Anna Kowalski.")
    assert [t.text for t in doc] == ["Hi", "!", "I", "'m", "Anna", "Kowalski", "."]

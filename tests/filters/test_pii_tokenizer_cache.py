"""The warm-cache tokenizer gives spaCy's tokens, saves only vocabulary, and the engine's
analyses leave no user string behind in spaCy's memory."""

from __future__ import annotations

import pytest
import spacy
from faker import Faker
from spacy.attrs import IDX, LENGTH, NORM, ORTH, SPACY
from spacy.language import Language

from filters.pii import EngineSettings, PIIEngine
from filters.pii.pipeline import BUILTIN_NER, load_pipeline
from filters.pii.tokenizer_cache import WarmCacheTokenizer, is_vocabulary

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


@pytest.mark.parametrize(("chunk", "vocabulary"), [
    ("the", True), ("Hi!", True), ("(really).", True), ("don't", True), ("...", True), ("--", True),
    ("Anna", False), ("Kowalski,", False), ("anna@example.com", False), ("12", False), ("B2", False),
    ("London.", False), ("superrito.co.uk", False),
])
def test_only_dictionary_words_and_punctuation_are_vocabulary(chunk: str, vocabulary: bool) -> None:
    assert is_vocabulary(chunk) is vocabulary


def test_tokens_equal_a_cold_spacy_tokenizers() -> None:
    reference, wrapped = fresh(), WarmCacheTokenizer(fresh().tokenizer)
    for _ in range(2):  # the second round reads every vocabulary chunk from the cache
        for text in texts():
            wrapped.warm([text])
            assert (wrapped(text).to_array(ATTRS) == reference.tokenizer(text).to_array(ATTRS)).all(), text
    assert wrapped._seen and all(is_vocabulary(chunk) for chunk in wrapped._seen)


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


def test_starting_the_cache_over_keeps_tokens_equal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(WarmCacheTokenizer, "CAPACITY", 50)  # fewer chunks than one text has
    counting = CountingTokenizer(fresh().tokenizer)
    reference, wrapped = fresh(), WarmCacheTokenizer(counting)
    for text in texts():
        wrapped.warm([text])
        assert (wrapped(text).to_array(ATTRS) == reference.tokenizer(text).to_array(ATTRS)).all(), text
    assert counting.flushes > 0


def test_engine_pipelines_run_behind_the_wrapper() -> None:
    loaded = load_pipeline(EngineSettings())
    nlp = loaded.engine.nlp["en"]
    assert isinstance(nlp.tokenizer, WarmCacheTokenizer)
    assert loaded.tokens_engine.nlp["en"].tokenizer is nlp.tokenizer
    doc = nlp("Hi! I'm Anna Kowalski.")
    assert [t.text for t in doc] == ["Hi", "!", "I", "'m", "Anna", "Kowalski", "."]


def test_analysis_leaves_no_user_string_in_spacys_memory() -> None:
    engine = PIIEngine.build(EngineSettings())
    strings = engine._pipeline.engine.nlp["en"].vocab.strings
    canaries = ["Zqxwvatrin", "Plorkenbeck", "zqx.plork@superrito.com", "4929-7340-1155-2077"]
    text = f"Hi! I'm {canaries[0]} {canaries[1]}, mail {canaries[2]}, card {canaries[3]}. Thanks!"
    for entities in (engine.supported_entities(), frozenset({"EMAIL_ADDRESS"})):  # NER and tokens-only
        [found] = engine.analyze_batch([text, text], entities=entities)[:1]
        assert found
    assert not [c for c in canaries if c in strings]
    assert "Thanks" in strings  # vocabulary stays, warmed into the tokenizer's cache

"""The pretrained pieces of the local model: the WordPiece tokenizer must split exactly as
all-MiniLM-L6-v2's does (its static vectors are indexed by those pieces), the embedding is a
unit vector, the profanity score orders abuse above plain text, and the everyday-words rule
keeps recipes and idioms out of self-harm."""

from __future__ import annotations

import numpy as np
import pytest

from filters.moderation.pretrained import STATIC_FILE, VOCAB_FILE, StaticEmbedder, profanity_scorer
from filters.moderation.features import normalize, tokenize
from filters.moderation.local import MODEL_DIR, shared_model
from filters.moderation.rules import rule_caps
from filters.moderation.wordpiece import WordPiece, basic_tokens


@pytest.fixture(scope="module")
def embedder() -> StaticEmbedder:
    return shared_model().embedder


# Expected pieces from the Hugging Face `tokenizers` reference for this model's tokenizer.json
# (all 840 dev texts and 5,000 random Unicode strings also agree; see docs/moderation.md).
@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("Even scrotes I know", ["even", "sc", "##rot", "##es", "i", "know"]),
        ("I'm LGBT, ≥25 years", ["i", "'", "m", "lgbt", ",", "≥", "##25", "years"]),
        ("Héllo Wörld! 你好 café", ["hello", "world", "!", "[UNK]", "[UNK]", "cafe"]),
        ("snake_case foo-bar a.b $5 €5",
         ["snake", "_", "case", "foo", "-", "bar", "a", ".", "b", "$", "5", "€", "##5"]),
        ("tab\there\x00\x7f ok", ["tab", "here", "ok"]),
        ("a" * 120 + " ok", ["[UNK]", "ok"]),
    ],
)
def test_wordpiece_splits_like_the_reference_tokenizer(embedder, text, pieces):
    inverse = {i: p for p, i in embedder.tokenizer.vocab.items()}
    assert [inverse[i] for i in embedder.tokenizer.ids(text)] == pieces


def test_ascii_fast_path_and_unicode_path_agree_on_ascii_text():
    text = "Kill -9 the process, then restart (quickly)!"
    assert basic_tokens(text) == basic_tokens(text + "\u00e9")[:-1]


def test_wordpiece_cache_is_bounded_and_does_not_change_results(embedder):
    fresh = WordPiece(list(embedder.tokenizer.vocab))
    text = "unbelievably tokenisable words, again: unbelievably tokenisable"
    assert fresh.ids(text) == fresh.ids(text) == embedder.tokenizer.ids(text)


def test_embedding_is_a_unit_vector_and_empty_text_is_zero(embedder):
    vector = embedder.embed("I want to hurt myself")
    assert vector.shape == (embedder.dims,)
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-9
    assert not embedder.embed("").any()


def test_embedding_puts_paraphrases_closer_than_unrelated_text(embedder):
    a, b, c = embedder.embed_many([
        "I keep cutting my arms when I feel empty",
        "I self-harm with a razor when I'm numb",
        "The quarterly revenue grew in Europe",
    ])
    assert a @ b > a @ c + 0.2


def test_static_table_matches_the_vocabulary_and_ships_as_float16():
    table = np.load(MODEL_DIR / STATIC_FILE, mmap_mode="r")
    lines = (MODEL_DIR / VOCAB_FILE).read_text(encoding="utf-8").split("\n")
    assert table.dtype == np.float16
    assert table.shape[0] == len(lines) - 1 == 30522


def test_profanity_score_orders_abuse_above_plain_text():
    scorer = profanity_scorer()
    abuse = scorer.margin(tokenize(normalize("shut up you stupid fucking idiot")))
    plain = scorer.margin(tokenize(normalize("thank you for the lovely dinner last night")))
    assert abuse > 0 > plain


@pytest.mark.parametrize(
    ("text", "capped"),
    [
        ("Cut the onions into thin slices.", True),
        ("We need to cut costs and scar tissue heals slowly.", True),
        ("I cut my arms again last night.", False),  # first person next to the word
        ("The cuts didn't hurt, I felt a kind of high.", False),  # the writer speaks as "I"
        ("She took her own life after years of depression.", False),  # a clear phrase
        ("My sister has been cutting, how can I help her?", True),  # the helper's voice
        ("How can I help? I want to kill myself", False),  # intent beats the helper cap
    ],
)
def test_self_harm_cap_for_everyday_words_and_helpers(text, capped):
    assert ("SH" in rule_caps(tokenize(normalize(text)))) is capped

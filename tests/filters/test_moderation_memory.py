"""The local moderation model memoises only words it knows: nothing a user typed that the
model has never seen (a name, an address) stays in its caches after the call."""

from __future__ import annotations

from filters.moderation.local import LocalModel

CANARIES = ("zqxwvatrin", "plorkenbeck", "blorfington")


def test_classifying_leaves_no_unknown_word_in_the_model_caches() -> None:
    model = LocalModel()
    text = f"I hate {CANARIES[0].title()} {CANARIES[1].title()} from {CANARIES[2].title()} street, you idiot"
    model.classify([text, text])
    caches = (model._token_ids, model.embedder.tokenizer._cache)
    assert all(canary not in cache for cache in caches for canary in CANARIES)
    assert "hate" in model._token_ids  # words of its own vocabulary are still memoised

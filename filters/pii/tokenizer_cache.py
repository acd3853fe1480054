"""spaCy's tokenizer, with its chunk cache kept warm for everyday words.

spaCy's tokenizer remembers how it split each whitespace-delimited chunk, but within one text
it stops saving new chunks once any chunk has hit a special case ("I'm", "don't", ":)"), and
nearly every chat message has one early on. So it split the same ~200 chunks of a 1 KB
prompt with its prefix, suffix and infix expressions on every call (about 0.8 ms) instead
of reading them from its cache (about 0.05 ms). `WarmCacheTokenizer.warm` hands each chunk
that is an English dictionary word (with its punctuation: "Hi!", "(really).") or bare
punctuation to the tokenizer on its own, once, which saves it.

Only vocabulary is ever saved: names, numbers, e-mail addresses and anything else a user
typed are tokenized afresh each time and, since the engine analyses inside a spaCy memory
zone, forgotten when the analysis ends. `warm` must therefore run outside the zone (what is
saved inside one is dropped), and the cache it fills holds no personal data.
"""

from __future__ import annotations

import string

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from .recognizers.common import english_words

_PUNCTUATION = string.punctuation + "“”‘’«»„…—–"


def is_vocabulary(chunk: str) -> bool:
    """A dictionary word with any surrounding punctuation, or punctuation alone."""
    core = chunk.strip(_PUNCTUATION)
    return not core or (core.isalpha() or "'" in core) and core.lower() in english_words()


class WarmCacheTokenizer:
    CAPACITY = 200_000  # distinct vocabulary chunks

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        tokenizer.max_cache_size = self.CAPACITY
        self._seen: set[str] = set()  # chunks handed over: vocabulary only
        self._can_flush = callable(getattr(tokenizer, "_flush_cache", None))

    def warm(self, texts: list[str]) -> None:
        """Save the vocabulary chunks of `texts` not saved yet. Outside any memory zone."""
        seen = self._seen
        # Set operations in C first: most chunks of a prompt were saved before, and only
        # the rest (names, numbers, new words) reach the Python test.
        unseen = set().union(*(text.split() for text in texts)) - seen
        fresh = {chunk for chunk in unseen if is_vocabulary(chunk)}
        if not fresh:
            return
        if len(seen) + len(fresh) > self.CAPACITY:
            if not self._can_flush:
                return  # full and cannot start over: the rest is tokenized as spaCy does
            self.tokenizer._flush_cache()
            seen.clear()
        for chunk in fresh:
            self.tokenizer(chunk)
        seen |= fresh

    def __call__(self, text: str) -> Doc:
        return self.tokenizer(text)

    # What spaCy's Language asks of a tokenizer besides calling it.
    def pipe(self, texts, batch_size: int = 1000):  # noqa: ANN001, ANN201
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs) -> bytes:  # noqa: ANN003
        return self.tokenizer.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs) -> "WarmCacheTokenizer":  # noqa: ANN003
        self.tokenizer.from_bytes(data, **kwargs)
        self._seen.clear()
        return self

    def to_disk(self, path, **kwargs) -> None:  # noqa: ANN001, ANN003
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs) -> "WarmCacheTokenizer":  # noqa: ANN001, ANN003
        self.tokenizer.from_disk(path, **kwargs)
        self._seen.clear()
        return self

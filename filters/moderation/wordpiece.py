"""BERT's uncased WordPiece tokenizer, in Python (no tokenizers/transformers dependency).

The static token vectors in `model/` are indexed by the word pieces of
all-MiniLM-L6-v2's vocabulary, so the gateway must split text exactly as that model's
tokenizer does: clean control characters, space out CJK characters, lower-case and strip
accents, split on whitespace and punctuation, then greedy longest-match-first word pieces
(continuations prefixed "##"; a word that cannot be split is one [UNK]).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import regex

MAX_WORD_CHARS = 100  # BERT's limit: longer "words" become [UNK]
CACHE_WORDS = 200_000  # word -> pieces memo; bounded so odd input cannot grow it forever

# BERT's punctuation: every non-alphanumeric printable ASCII character, and Unicode P*.
_PUNCT = r"\p{P}\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e"
_PIECES = regex.compile(rf"[{_PUNCT}]|[^\s{_PUNCT}]+")
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL = regex.compile(r"[\x00\ufffd]|[^\P{C}\t\n\r]")  # BERT drops C* but tab/newline
_CJK = regex.compile(
    "([\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0002a6df\U0002a700-\U0002ceaf"
    "\U0002f800-\U0002fa1f])")
_MARKS = regex.compile(r"\p{Mn}+")


def basic_tokens(text: str) -> list[str]:
    """Lower-cased, accent-stripped words and punctuation marks, as BERT's BasicTokenizer.
    Regular expressions rather than BERT's per-character loop: 1 KB in ~0.1 ms."""
    if text.isascii():
        text = _ASCII_CONTROL.sub("", text).lower()
    else:
        text = _CJK.sub(r" \1 ", _CONTROL.sub("", text))
        text = _MARKS.sub("", unicodedata.normalize("NFD", text.lower()))
    return _PIECES.findall(text)


class WordPiece:
    def __init__(self, vocab: list[str]) -> None:
        self.vocab = {piece: i for i, piece in enumerate(vocab)}
        self.unk = self.vocab["[UNK]"]
        self.cls = self.vocab["[CLS]"]
        self.sep = self.vocab["[SEP]"]
        self._cache: dict[str, tuple[int, ...]] = {}
        # Which words may be memoised (the owner says: words it knows); by default none, so no
        # word a user typed outlives the call.
        self.keep: Callable[[str], bool] = lambda word: False

    @classmethod
    def from_vocab_file(cls, path: Path) -> WordPiece:
        # split("\n"), not splitlines(): a few pieces are characters splitlines breaks on.
        lines = path.read_text(encoding="utf-8").split("\n")
        return cls(lines[:-1] if lines and lines[-1] == "" else lines)

    def _word_ids(self, word: str) -> tuple[int, ...]:
        if len(word) > MAX_WORD_CHARS:
            return (self.unk,)
        vocab = self.vocab
        whole = vocab.get(word)
        if whole is not None:
            return (whole,)
        ids: list[int] = []
        start, n = 0, len(word)
        while start < n:
            end = n
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = vocab.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return (self.unk,)
            ids.append(found)
            start = end
        return tuple(ids)

    def ids(self, text: str) -> list[int]:
        """Word-piece ids of `text`, without [CLS]/[SEP]."""
        out: list[int] = []
        cache = self._cache
        for word in basic_tokens(text):
            pieces = cache.get(word)
            if pieces is None:
                pieces = self._word_ids(word)
                if len(cache) < CACHE_WORDS and self.keep(word):  # dict writes are atomic
                    cache[word] = pieces
            out.extend(pieces)
        return out

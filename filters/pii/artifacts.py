"""Per-document token data, read once from spaCy's arrays, shared by every consumer.

Iterating a `Doc` builds a Python `Token` object per token; Presidio's artifacts, its context
enhancer, our lexicon recognizers and the tag converter each did so, about six passes over
a 1 KB prompt. `token_table` reads texts, offsets and lemmas from `Doc.to_array` once and
caches them on the Doc. `LeanNlpArtifacts` is Presidio's `NlpArtifacts` built from that
table, with `keywords` (only the context enhancer reads them) computed on first use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.attrs import IDX, IS_PUNCT, IS_STOP, LEMMA, LENGTH, LOWER, ORTH
from spacy.tokens import Doc

_KEY = "pii_token_table"
_INDEX_KEY = "pii_token_index"
_LOWER_INDEX_KEY = "pii_lower_token_index"


@dataclass(frozen=True, slots=True)
class TokenTable:
    texts: list[str]
    lowers: list[str]
    starts: list[int]
    ends: list[int]
    lemmas: list[str]


def token_table(doc: Doc) -> TokenTable:
    table = doc.user_data.get(_KEY)
    if table is None:
        strings = doc.vocab.strings
        columns = doc.to_array([ORTH, LOWER, IDX, LENGTH, LEMMA])
        orths, lowers, starts, lengths, lemmas = columns.T.tolist()
        lower_texts = [strings[h] for h in lowers]
        table = TokenTable(
            texts=[strings[h] for h in orths], lowers=lower_texts, starts=starts,
            ends=[s + n for s, n in zip(starts, lengths)],
            # Without a lemmatizer the lemma is the lowercase form (pipeline.lower_lemma).
            lemmas=lower_texts if lemmas == lowers else [strings[h] if h else "" for h in lemmas])
        doc.user_data[_KEY] = table
    return table


def token_index(doc: Doc) -> dict[str, list[tuple[int, int]]]:
    """Character spans of each distinct token text, trailing dots dropped ("St." -> "St")."""
    index = doc.user_data.get(_INDEX_KEY)
    if index is None:
        table = token_table(doc)
        index = {}
        for text, start, end in zip(table.texts, table.starts, table.ends):
            index.setdefault(text.rstrip(".") or text, []).append((start, end))
        doc.user_data[_INDEX_KEY] = index
    return index


def lower_token_index(doc: Doc) -> dict[str, list[tuple[int, int]]]:
    """`token_index` keyed by lowercase text: what an anchor of lowercase words looks up."""
    index = doc.user_data.get(_LOWER_INDEX_KEY)
    if index is None:
        index = {}
        for text, spans in token_index(doc).items():
            index.setdefault(text.lower(), []).extend(spans)
        doc.user_data[_LOWER_INDEX_KEY] = index
    return index


class LeanNlpArtifacts(NlpArtifacts):
    """Same fields as Presidio's; `keywords` is lazy (Presidio computes it for every text)."""

    def __init__(self, entities, tokens, tokens_indices, lemmas, nlp_engine, language, scores=None):  # noqa: ANN001
        self.entities = entities
        self.tokens = tokens
        self.lemmas = lemmas
        self.tokens_indices = tokens_indices
        self.nlp_engine = nlp_engine
        self.language = language
        self.scores = scores if scores else [0.85] * len(entities)
        self._keywords: list[str] | None = None

    @property
    def keywords(self) -> list[str]:
        """Presidio's rule (`NlpArtifacts.set_keywords`): lemmas that are no stop word and no
        punctuation, split at ":". When the lemmas are the lowercase forms (no lemmatizer),
        the doc's own IS_STOP/IS_PUNCT arrays answer for them, with no per-word lookup or
        cache of the words (which would keep users' words in memory)."""
        if self._keywords is None:
            table = token_table(self.tokens) if isinstance(self.tokens, Doc) else None
            if table is not None and table.lemmas is table.lowers:
                flags = self.tokens.to_array([IS_STOP, IS_PUNCT]).tolist()
                words = [w for w, (stop, punct) in zip(table.lowers, flags)
                         if not stop and not punct and w != "be"]  # ("-PRON-" is never lowercase)
                self._keywords = KeywordList(chain.from_iterable(w.split(":") if ":" in w else (w,) for w in words))
            else:
                self._keywords = KeywordList(self.set_keywords(self.nlp_engine, self.lemmas, self.language))
        return self._keywords

    @keywords.setter
    def keywords(self, value: list[str]) -> None:
        self._keywords = value


class KeywordList(list):
    """The keyword list Presidio's enhancer expects, with set-speed membership: it asks
    `lemma in keywords` for every word around every candidate."""

    def __init__(self, items: Iterable[str] = ()) -> None:
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item: object) -> bool:
        return item in self._members

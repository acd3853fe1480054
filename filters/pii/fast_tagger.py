"""The built-in tagger's forward pass as a handful of array operations.

thinc runs `HashEmbedCNN` + `Softmax` as about thirty nested layers, each a Python call with
its own shape checks, ragged/padded conversions and dropout hooks; for a 1 KB prompt (about
225 tokens) that bookkeeping costs ten times the arithmetic (~2.8 ms against ~0.2 ms).
`FusedTagger` reads the trained weights out of the thinc model once and runs the same
arithmetic with thinc's own kernels (`ops.hash`, `gather_add`, `seq2col`, `maxout`, `gemm`)
in one function. It only accepts the exact architecture the training script builds
(`tools/ner/train.py`: `spacy.HashEmbedCNN.v2` + `spacy.Tagger.v2`); for any other tagger
`accelerate` leaves spaCy's path in place. `tests/filters/test_pii_fast_tagger.py` checks
the scores against thinc's on every dev prompt.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

import numpy as np
from spacy.language import Language
from spacy.attrs import NORM
from spacy.pipeline import Tagger
from spacy.strings import get_string_id
from spacy.tokens import Doc
from thinc.api import Model
from threadpoolctl import threadpool_limits

from .recognizers.common import english_words

log = logging.getLogger(__name__)

_LAYERNORM_EPSILON = 1e-08  # thinc.layers.layernorm._get_moments


@dataclass(frozen=True, slots=True)
class _Embedding:
    table: np.ndarray  # (rows, width)
    seed: int


@dataclass(frozen=True, slots=True)
class _MaxoutNorm:
    weights_t: np.ndarray  # (nI, nO * nP)
    bias: np.ndarray  # (nO * nP,)
    pieces: int
    gain: np.ndarray
    shift: np.ndarray


class _RowCache:
    """Embedding-stage output per distinct feature row. The stage (four hash embeddings and
    the mixing layer) sees one token at a time, so its output for a (NORM, PREFIX, SUFFIX,
    SHAPE) row never changes, and chat text repeats its words. Only rows whose `keep_column`
    value is one of `keep_values` are kept: the engine passes the NORM column and the norms
    of dictionary words and punctuation, so a row of a name (hashes of it) never outlives
    the analysis. That test is one integer lookup: deciding it from the token's text cost
    more than the cache saved. Bounded: when full it starts over. Callers serialise (the
    engine's NLP lock)."""

    CAPACITY = 1 << 16

    def __init__(self, width: int, keep_column: int, keep_values: frozenset[int]) -> None:
        self._index: dict[bytes, int] = {}
        self._table = np.zeros((1024, width), dtype="f")
        self._keep_column = keep_column
        self._keep_values = keep_values

    def lookup(self, features: np.ndarray, compute: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        # A row's key is its bytes: one object per row, where a tuple took four Python ints.
        keys = np.ascontiguousarray(features).view(np.dtype((np.void, features.shape[1] * features.itemsize)))
        keys = keys.ravel().tolist()
        rows = np.fromiter(map(self._index.get, keys, repeat(-1)), dtype=np.intp, count=len(keys))
        missing = np.flatnonzero(rows < 0)
        if not missing.size:
            return self._table[rows]
        fresh = compute(features[missing])
        out = self._table[rows]  # a missing row (-1) reads the table's last row, replaced next
        out[missing] = fresh
        self._save(keys, features[missing, self._keep_column].tolist(), missing.tolist(), fresh)
        return out

    def _save(self, keys: list[bytes], keep_column: list[int], missing: list[int], fresh: np.ndarray) -> None:
        values, index = self._keep_values, self._index
        kept: dict[bytes, int] = {}  # key -> its row in `fresh`
        for j, (i, value) in enumerate(zip(missing, keep_column)):
            if value in values and keys[i] not in kept:
                kept[keys[i]] = j
        if not kept:
            return
        if len(index) + len(kept) > self.CAPACITY:
            index.clear()  # start over
        start = len(index)
        if start + len(kept) > self._table.shape[0]:
            grown = np.zeros((max(2 * self._table.shape[0], start + len(kept)), self._table.shape[1]), "f")
            grown[:start] = self._table[:start]
            self._table = grown
        self._table[start:start + len(kept)] = fresh[list(kept.values())]
        index.update((key, start + n) for n, key in enumerate(kept))


@lru_cache(maxsize=1)
def vocabulary_norms() -> frozenset[int]:
    """Hashes of the norms a dictionary word, punctuation or whitespace token can have."""
    strings = set(english_words()) | set(string.punctuation) | set("“”‘’«»„…—–")
    strings |= {"...", "--", "!!", "?!", "??", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "'s", "n't", "'m", "'re",
                "'ve", "'ll", "'d"}
    return frozenset(get_string_id(s) for s in strings)


class UnsupportedArchitecture(ValueError):
    """The tagger is not the HashEmbedCNN + Softmax shape this module knows."""


def _layers(model: Model, name: str) -> list[Model]:
    return [node for node in model.walk() if node.name == name]


def _maxout_norm(maxout: Model, norm: Model) -> _MaxoutNorm:
    n_out, pieces, n_in = maxout.get_param("W").shape
    return _MaxoutNorm(
        # piece-major columns: piece p of every output is the block [p * n_out, (p + 1) * n_out)
        weights_t=np.ascontiguousarray(maxout.get_param("W").transpose(1, 0, 2).reshape(pieces * n_out, n_in).T),
        bias=np.ascontiguousarray(maxout.get_param("b").T.reshape(pieces * n_out)),
        pieces=pieces, gain=norm.get_param("G"), shift=norm.get_param("b"))


class FusedTagger:
    """Scores per doc, equal (to float rounding) to `Tagger.model.predict`."""

    def __init__(self, model: Model) -> None:
        extract = _layers(model, "extract_features")
        embeds = _layers(model, "hashembed")
        maxouts, norms = _layers(model, "maxout"), _layers(model, "layernorm")
        windows = _layers(model, "expand_window")
        softmax = _layers(model, "softmax")
        if not (len(extract) == 1 and embeds and len(softmax) == 1
                and len(maxouts) == len(norms) == len(windows) + 1
                and len({w.attrs["window_size"] for w in windows}) <= 1
                and not softmax[0].attrs.get("softmax_normalize", True)):
            raise UnsupportedArchitecture("not a HashEmbedCNN + unnormalised Softmax tagger")
        if [e.attrs["column"] for e in embeds] != list(range(len(embeds))):
            raise UnsupportedArchitecture("hash embeddings are not one per feature column, in order")
        self._ops = model.ops
        self._columns = list(extract[0].attrs["columns"])
        self._embeddings = [_Embedding(e.get_param("E"), e.attrs["seed"]) for e in embeds]
        self._mixer = _maxout_norm(maxouts[0], norms[0])
        self._blocks = [_maxout_norm(m, n) for m, n in zip(maxouts[1:], norms[1:])]
        self._window = windows[0].attrs["window_size"] if windows else 0
        # thinc's with_array(pad=n) surrounds each doc with n zero rows before the CNN; the
        # layers turn them into non-zero rows that the edge tokens' windows then read.
        encoders = [node for node in model.walk() if node.name.startswith("with_array(residual")]
        self._pad = encoders[0].attrs.get("pad", 0) if encoders else 0
        self._out_weights_t = np.ascontiguousarray(softmax[0].get_param("W").T)
        self._out_bias = softmax[0].get_param("b")
        norm_column = next((i for i, c in enumerate(self._columns) if c in (NORM, "NORM", "norm")), None)
        self._rows = None if norm_column is None else \
            _RowCache(self._mixer.gain.shape[0], norm_column, vocabulary_norms())

    def _maxout_norm(self, X: np.ndarray, layer: _MaxoutNorm) -> np.ndarray:
        Y = X @ layer.weights_t
        Y += layer.bias
        # the best piece per output, from contiguous blocks (thinc's maxout also returns
        # which piece won, which only training needs)
        width = Y.shape[1] // layer.pieces
        best = np.maximum(Y[:, :width], Y[:, width:2 * width]) if layer.pieces > 1 else Y
        for piece in range(2, layer.pieces):
            np.maximum(best, Y[:, piece * width:(piece + 1) * width], out=best)
        # thinc's layer norm, in place and in two passes instead of numpy's var (five).
        width = best.shape[1]
        best -= best.sum(axis=1, keepdims=True) / width
        scale = np.einsum("ij,ij->i", best, best)
        scale /= width
        scale += _LAYERNORM_EPSILON
        np.sqrt(scale, out=scale)
        best /= scale[:, None]
        best *= layer.gain
        best += layer.shift
        return best

    def _embed(self, features: np.ndarray) -> np.ndarray:
        ops = self._ops
        parts = []
        for column, embedding in enumerate(self._embeddings):
            keys = ops.hash(np.ascontiguousarray(features[:, column]), embedding.seed) % embedding.table.shape[0]
            parts.append(ops.gather_add(embedding.table, keys))
        return self._maxout_norm(np.concatenate(parts, axis=1), self._mixer)

    def scores(self, doc: Doc) -> np.ndarray:
        if not len(doc):
            return np.zeros((0, self._out_bias.shape[0]), dtype="f")
        features = np.ascontiguousarray(doc.to_array(self._columns), dtype="uint64")
        X = self._embed(features) if self._rows is None else self._rows.lookup(features, self._embed)
        ops = self._ops
        if self._pad:
            edge = np.zeros((self._pad, X.shape[1]), dtype=X.dtype)
            X = np.concatenate([edge, X, edge])
        for block in self._blocks:
            X = X + self._maxout_norm(ops.seq2col(X, self._window), block)
        if self._pad:
            X = X[self._pad:-self._pad]
        return X @ self._out_weights_t + self._out_bias

    def __call__(self, docs: list[Doc]) -> list[np.ndarray]:
        return [self.scores(doc) for doc in docs]


def accelerate(nlp: Language, name: str) -> bool:
    """Swap the named tagger's forward pass for `FusedTagger`; False (and spaCy's own path
    kept) when the pipe is missing or its architecture is not the one this module knows."""
    if name not in nlp.pipe_names:
        return False
    pipe = nlp.get_pipe(name)
    if not isinstance(pipe, Tagger):
        return False
    try:
        fused = FusedTagger(pipe.model)
    except (UnsupportedArchitecture, KeyError, ValueError) as exc:
        log.info("pii.tagger_not_fused", extra={"pipe": name, "reason": type(exc).__name__})
        return False

    def predict(docs):  # noqa: ANN001, ANN202 - spaCy's Tagger.predict signature
        docs = list(docs)
        return pipe._scores2guesses(fused(docs))

    pipe.predict = predict
    return True


def single_threaded_blas() -> None:
    """The matrices here are a few hundred rows; a multi-threaded BLAS spends more on waking
    and spinning threads than on the product (0.13 ms alone, 0.5-1.2 ms beside a busy core
    on two cores), and it competes with the event loop. Process-wide, idempotent."""
    threadpool_limits(limits=1, user_api="blas")

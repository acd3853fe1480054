"""The two pretrained pieces of the local model, as plain arrays read with numpy.

1. Static sentence embeddings: the sum of distilled MiniLM word-piece vectors, L2-normalised.
   `model/minilm_static.npy` holds one float16 row per word piece of all-MiniLM-L6-v2's
   vocabulary (written by `tools/moderation/export_pretrained.py`: the encoder's output for the
   piece alone, PCA-reduced, Zipf-weighted). A text's embedding is then a table look-up and
   a sum, about 0.2 ms per KB, yet it carries what the encoder learnt from a billion sentence
   pairs: that "knife" is near "stab", "worthless" near "pathetic". The 840 dev texts cannot
   teach that, which is why it generalises where n-grams memorise.
2. A linear abuse/profanity score learnt elsewhere: alt-profanity-check's model (MIT;
   TF-IDF word unigrams and linear SVMs trained on about 200,000 labelled comments and
   tweets). Alone it is weak on our data (0.51 recall at 7% false positives, per issue 5);
   as one feature it tells the model which insults and slurs a much larger corpus found
   abusive, including words our lexicons and the dev set never saw.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np

from .wordpiece import WordPiece

MODEL_DIR = Path(__file__).parent / "model"
PROFANITY_FILE = "profanity_check.npz"
STATIC_FILE = "minilm_static.npy"
VOCAB_FILE = "wordpiece_vocab.txt"


class StaticEmbedder:
    """Read-only after construction, so one instance serves every thread."""

    def __init__(self, directory: Path) -> None:
        self.tokenizer = WordPiece.from_vocab_file(directory / VOCAB_FILE)
        # Kept as float16 (7.8 MB per process); the sum below accumulates in float64.
        self.vectors = np.load(directory / STATIC_FILE)
        if self.vectors.shape[0] != len(self.tokenizer.vocab):
            raise ValueError("static vectors and word-piece vocabulary disagree")
        self.dims = int(self.vectors.shape[1])

    def embed(self, text: str) -> np.ndarray:
        ids = self.tokenizer.ids(text)
        if not ids:
            return np.zeros(self.dims)
        total = self.vectors[ids].sum(axis=0, dtype=np.float64)
        norm = float(np.sqrt(total @ total))
        return total / norm if norm > 0 else total

    def embed_many(self, texts: list[str]) -> np.ndarray:
        return np.array([self.embed(t) for t in texts]).reshape(len(texts), self.dims)


class ProfanityScorer:
    """alt-profanity-check's vocabulary, idf and mean SVM weights (exported by
    `tools/moderation/export_pretrained.py`); a dict look-up per token and a dot product."""

    def __init__(self, path: Path) -> None:
        with np.load(path) as arrays:
            words = arrays["words"].tolist()
            idf, coef = arrays["idf"].astype(np.float64), arrays["coef"].astype(np.float64)
            self.intercept = float(arrays["intercept"])
        self.table: dict[str, tuple[float, float]] = {
            w: (float(i), float(c)) for w, i, c in zip(words, idf, coef)}

    def margin(self, tokens: list[str]) -> float:
        """SVM margin of l2-normalised tf-idf (sklearn's token pattern keeps words of two or
        more characters; our tokens are already lower-cased). Positive means abusive."""
        weights, dot, norm = self.table, 0.0, 0.0
        for token, count in Counter(t for t in tokens if len(t) >= 2).items():
            entry = weights.get(token)
            if entry is not None:
                value = count * entry[0]
                dot += value * entry[1]
                norm += value * value
        return self.intercept + (dot / math.sqrt(norm) if norm > 0 else 0.0)


@lru_cache(maxsize=1)
def profanity_scorer() -> ProfanityScorer:
    return ProfanityScorer(MODEL_DIR / PROFANITY_FILE)

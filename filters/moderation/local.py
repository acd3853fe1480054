"""The offline moderation backend: linear models over TF-IDF n-grams, lexicon counts and
static MiniLM embeddings, averaged.

The artefact in `model/` is written by `tools/moderation/train.py` (vocabulary, idf, weights,
per-key thresholds chosen by cross-validation) and `tools/moderation/export_pretrained.py`
(the static embedding table and the profanity model). It is read once per process with numpy; no
scikit-learn, no network. Scores are calibrated so that 0.5 is the cross-validated decision
point of each category; the five categories the data does not label are derived
conservatively from the others and from narrow lexicons (docs/moderation.md).
"""

from __future__ import annotations

import asyncio
import json
import math
import threading
from pathlib import Path

import numpy as np

from .backend import ModerationBackendError
from .categories import DEV_KEY_TO_CATEGORY, CategoryScores, complete
from .features import (
    DENSE_NAMES, LEXICONS, bigrams, dense_features, lexicon_index, normalize, token_grams,
    tokenize,
)
from .pretrained import StaticEmbedder, profanity_scorer
from .rules import CAP, FLOOR, rule_caps, rule_hits

MODEL_DIR = Path(__file__).parent / "model"
KEYS = ("S", "H", "V", "HR", "SH", "S3", "H2", "V2")
WINDOW_CHARS = 4000
WINDOW_OVERLAP = 200
CACHE_TOKENS = 200_000  # token -> vocabulary ids memo, bounded
_LEX = {name: i for i, name in enumerate(LEXICONS)}
_SECOND_PERSON_THREAT = DENSE_NAMES.index("threat_second_person")


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


class LocalModel:
    """Synchronous scorer; thread-safe (read-only after construction but for two bounded
    memo dicts, whose single writes are atomic)."""

    def __init__(self, directory: Path = MODEL_DIR) -> None:
        vocab = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))
        self.vocab: dict[str, int] = {gram: i for i, gram in enumerate(vocab)}
        with np.load(directory / "weights.npz") as arrays:
            self.idf = arrays["idf"].astype(np.float64)
            coef_a = arrays["coef_a"].astype(np.float64)
            self.intercept_a = arrays["intercept_a"].astype(np.float64)
            self.coef_b = arrays["coef_b"].astype(np.float64)
            self.intercept_b = arrays["intercept_b"].astype(np.float64)
            coef_c = arrays["coef_c"].astype(np.float64)
            self.intercept_c = arrays["intercept_c"].astype(np.float64)
            thresholds = arrays["thresholds"].astype(np.float64)
            self.dense_scale = float(arrays["dense_scale"])
            self.blend = float(arrays["blend"])
            self.blend_embed = float(arrays["blend_embed"])
        self.embedder = StaticEmbedder(directory)
        self.embedder.tokenizer.keep = lambda word: ("w " + word) in self.vocab
        profanity_scorer()  # load now: a missing file must fail at start-up, not per request
        n_vocab, n_dense, n_embed = len(self.vocab), len(DENSE_NAMES), self.embedder.dims
        columns = len(KEYS) + 1
        if (coef_a.shape != (n_vocab + n_dense, columns) or self.coef_b.shape != (n_dense, columns)
                or coef_c.shape != (n_embed + n_dense, columns) or thresholds.shape != (columns,)):
            raise ModerationBackendError("local", "artefact shape does not match the features")
        self.sparse_coef, self.dense_coef_a = coef_a[:n_vocab], coef_a[n_vocab:]
        self.embed_coef, self.dense_coef_c = coef_c[:n_embed], coef_c[n_embed:]
        self._token_ids: dict[str, tuple[int, ...]] = {}
        clipped = np.clip(thresholds, 1e-9, 1 - 1e-9)
        self.offset = np.log(clipped / (1 - clipped))  # logit of each column's threshold

    def gram_ids(self, tokens: list[str]) -> list[int]:
        """Vocabulary ids of `analyze_tokens(tokens)`, with each known word's grams memoised:
        most tokens repeat, and their ~15 character n-grams are the bulk of the work. Only
        words of the model's own vocabulary are kept, never a name or anything else a user
        typed that the model does not know."""
        vocab, cache = self.vocab, self._token_ids
        ids: list[int] = []
        for token in tokens:
            known = cache.get(token)
            if known is None:
                known = tuple(i for i in map(vocab.get, token_grams(token)) if i is not None)
                if len(cache) < CACHE_TOKENS and ("w " + token) in vocab:  # dict writes are atomic
                    cache[token] = known
            ids.extend(known)
        ids.extend(i for i in map(vocab.get, bigrams(tokens)) if i is not None)
        return ids

    def key_probs(self, text: str) -> tuple[np.ndarray, list[float]]:
        """Blended probabilities for one window, as in training: the 8 dev-set keys (rules
        applied) and ANY last, plus the window's dense features (for derived categories)."""
        tokens = tokenize(normalize(text))
        ids = self.gram_ids(tokens)
        lexicon_counts = lexicon_index().counts(tokens)
        dense = np.asarray(dense_features(tokens, lexicon_counts), dtype=np.float64)
        scaled = dense * self.dense_scale
        z_a = self.intercept_a + scaled @ self.dense_coef_a
        if ids:
            idx, counts = np.unique(np.asarray(ids, dtype=np.int64), return_counts=True)
            values = (1.0 + np.log(counts)) * self.idf[idx]
            values /= math.sqrt(float(values @ values))
            z_a = z_a + values @ self.sparse_coef[idx]
        z_b = self.intercept_b + dense @ self.coef_b
        embedded = self.embedder.embed(text)
        z_c = self.intercept_c + embedded @ self.embed_coef + scaled @ self.dense_coef_c
        probs = (self.blend * _sigmoid(z_a) + self.blend_embed * _sigmoid(z_c)
                 + (1 - self.blend - self.blend_embed) * _sigmoid(z_b))
        for key in rule_hits(tokens, lexicon_counts):
            i = KEYS.index(key)
            probs[i] = max(probs[i], FLOOR)
        for key in rule_caps(tokens, lexicon_counts):
            i = KEYS.index(key)
            probs[i] = min(probs[i], CAP)
        return probs, dense.tolist()

    def score(self, text: str) -> CategoryScores:
        """Max over windows, so a long text is judged by its worst part."""
        windows = [self.key_probs(w) for w in _windows(text)]
        best = np.max([probs for probs, _ in windows], axis=0)
        worst_dense = max(windows, key=lambda pair: float(pair[0].max()))[1]
        clipped = np.clip(best, 1e-9, 1 - 1e-9)
        calibrated = _sigmoid(np.log(clipped / (1 - clipped)) - self.offset)
        keys, unsafe = calibrated[:-1], float(calibrated[-1])
        if unsafe > keys.max():
            # "Unsafe" is surer than any key: credit the relatively strongest key, never
            # self-harm (its caring answer needs its own evidence). Mirrors training.
            ranked = keys.copy()
            ranked[KEYS.index("SH")] = -1.0
            keys[int(ranked.argmax())] = unsafe
        scores = {DEV_KEY_TO_CATEGORY[k]: float(v) for k, v in zip(KEYS, keys)}
        return complete(derive_categories(scores, worst_dense))

    def classify(self, texts: list[str]) -> list[CategoryScores]:
        return [self.score(t) for t in texts]


def _windows(text: str) -> list[str]:
    if len(text) <= WINDOW_CHARS:
        return [text]
    step = WINDOW_CHARS - WINDOW_OVERLAP
    return [text[i : i + WINDOW_CHARS] for i in range(0, len(text) - WINDOW_OVERLAP, step)]


def derive_categories(scores: dict[str, float], dense: list[float]) -> dict[str, float]:
    """The five unlabelled categories. Each is capped by its labelled parent (or by a narrow
    lexicon), so deriving them can add categories to a flagged text but rarely flags a new one."""
    hit = {name: dense[_LEX[name]] > 0 for name in LEXICONS}
    sh, harassment, violence = scores["self-harm"], scores["harassment"], scores["violence"]
    threat = min(harassment, violence)
    if dense[_SECOND_PERSON_THREAT] > 0:
        threat = max(threat, min(violence, 0.95))
    intent = 0.95 if hit["selfharm_intent"] else 0.35
    instructions = 0.95 if hit["selfharm_instructions"] else 0.2
    illicit = 0.9 if hit["illicit"] else 0.02
    illicit_violent = 0.9 if hit["illicit_violent"] else min(illicit, violence)
    return {
        **scores,
        "harassment": max(harassment, threat),  # a threat at someone is harassment too
        "harassment/threatening": threat,
        "self-harm/intent": min(sh, intent),
        "self-harm/instructions": min(sh, instructions),
        "illicit": max(illicit, illicit_violent),
        "illicit/violent": illicit_violent,
    }


_LOCK = threading.Lock()
_MODEL: LocalModel | None = None


def load_model(directory: Path = MODEL_DIR) -> LocalModel:
    """A model from `directory`; a missing or corrupt artefact raises `ModerationBackendError`."""
    try:
        return LocalModel(directory)
    except ModerationBackendError:
        raise
    except Exception as exc:
        raise ModerationBackendError("local", f"cannot load model ({type(exc).__name__})") from None


def shared_model() -> LocalModel:
    """The process-wide model, loaded on first use (call it at start-up to pay the ~0.3 s there)."""
    global _MODEL
    with _LOCK:
        if _MODEL is None:
            _MODEL = load_model()
        return _MODEL


class LocalModerationBackend:
    """`ModerationBackend` over the shipped model; scoring runs in a worker thread so the
    event loop stays free, bounded by `timeout_s`."""

    name = "local"

    def __init__(self, model: LocalModel | None = None, timeout_s: float = 2.0) -> None:
        self._model = model or shared_model()
        self._timeout_s = timeout_s

    async def classify(self, texts: list[str]) -> list[CategoryScores]:
        try:
            return await asyncio.wait_for(asyncio.to_thread(self._model.classify, list(texts)),
                                          self._timeout_s)
        except TimeoutError:
            raise ModerationBackendError("local", f"timeout after {self._timeout_s}s") from None
        except Exception as exc:
            raise ModerationBackendError("local", f"scoring failed ({type(exc).__name__})") from None

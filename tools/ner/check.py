"""Estimate generalisation on held-out templates and fillers (not the dev file).

    .venv/bin/python -m tools.ner.check [--n 1500]

Runs the full engine (all entities) on sentences from `templates_holdout` filled with a new
seed, and on held-out clean chat lines; prints per-type recall (half-coverage rule), the
precision of NER types, and the share of clean lines with any detection.
"""

from __future__ import annotations

import argparse
from collections import Counter

from filters.pii import EngineSettings, PIIEngine

from .generate import Generator
from .templates_holdout import HOLDOUT_CLEAN, HOLDOUT_PII

TO_ENGINE = {"PERSON": {"PERSON"}, "GPE": {"LOCATION"}, "STREET_ADDRESS": {"STREET_ADDRESS"},
             "ORG": {"ORGANIZATION", "SCHOOL"}, "NRP": {"NRP"}}
NER_TYPES = {"PERSON", "LOCATION", "STREET_ADDRESS", "ORGANIZATION", "SCHOOL", "NRP"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1500)
    ap.add_argument("--model", default=None, help="built-in NER directory to check instead of the shipped one")
    ap.add_argument("--show", type=int, default=0, help="print this many errors (synthetic text only)")
    args = ap.parse_args()
    engine = PIIEngine.build(EngineSettings(builtin_model_path=args.model))
    gen = Generator(99, ["Nothing to see here."])
    examples = []
    for i in range(args.n):
        text, spans = gen.fill(HOLDOUT_PII[i % len(HOLDOUT_PII)])
        examples.append(gen.noisy(text, spans))
    outs = engine.analyze_batch([t for t, _ in examples], entities=engine.supported_entities())
    found, total, good, predicted = Counter(), Counter(), Counter(), Counter()
    errors: list[str] = []
    for (text, gold), dets in zip(examples, outs):
        for s, e, label in gold:
            total[label] += 1
            cov = set()
            for d in dets:
                if d.type in TO_ENGINE[label]:
                    cov.update(range(max(s, d.start), min(e, d.end)))
            found[label] += len(cov) * 2 >= e - s
            if len(cov) * 2 < e - s:
                errors.append(f"FN {label} {text[s:e]!r} in {text!r} got={[(text[d.start:d.end], d.type) for d in dets]}")
        for d in dets:
            if d.type in NER_TYPES:
                predicted[d.type] += 1
                ok = any(d.type in TO_ENGINE[l] and min(e, d.end) - max(s, d.start) >= (d.end - d.start) / 2
                         for s, e, l in gold)
                good[d.type] += ok
                if not ok:
                    errors.append(f"FP {d.type} {text[d.start:d.end]!r} in {text!r} gold={[(text[s:e], l) for s, e, l in gold]}")
    for line in errors[: args.show]:
        print(line)
    for label in sorted(total):
        print(f"recall {label:15s} {found[label] / total[label]:.3f}  (n={total[label]})")
    for t in sorted(predicted):
        print(f"precision {t:15s} {good[t] / predicted[t]:.3f}  (n={predicted[t]})")
    clean = [gen.noisy(line, [])[0] for line in HOLDOUT_CLEAN * 4]
    flagged = [c for c, ds in zip(clean, engine.analyze_batch(clean, entities=engine.supported_entities())) if ds]
    print(f"clean lines with any detection: {len(flagged) / len(clean):.3f} ({len(flagged)}/{len(clean)})")


if __name__ == "__main__":
    main()

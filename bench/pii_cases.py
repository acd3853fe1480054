"""The dev file's records written in capitals, in lowercase, with every word capitalised and
with only their sentences' first words capitalised, as shouting customers, children, some
keyboards and hasty writers write: does the engine find the same personal data, and still
nothing in the records without any?

    .venv/bin/python bench/pii_cases.py [--data ../shared/data/pii_dev.json] [--root DIR]

Every record is analysed as written, upper-cased, lower-cased, with each word's first letter a
capital, and lower-cased but for each sentence's first letter (gold values are cased alike, so
"left verbatim" compares, except for a value that opens a sentence); quality is measured as in `bench/pii_eval.py`.
Point `--root` at another checkout to measure its engine on the same records.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_WORD_START = re.compile(r"(?<![\w'’])[^\W\d_]")
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?]\s))\s*[^\W\d_]")
CASES = {"as written": lambda t: t, "capitals": str.upper, "lowercase": str.lower,
         "every word capitalised": lambda t: _WORD_START.sub(lambda m: m.group().upper(), t),
         "only sentences capitalised": lambda t: _SENTENCE_START.sub(lambda m: m.group().upper(), t.lower())}
TYPES = ("PERSON", "STREET_ADDRESS", "GPE", "ORGANIZATION", "PHONE_NUMBER", "CREDIT_CARD")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "pii_dev.json"))
    ap.add_argument("--root", default=str(ROOT), help="checkout whose engine is measured")
    args = ap.parse_args()
    sys.path[:0] = [args.root, str(ROOT / "bench")]
    from filters.pii import EngineSettings, PIIEngine  # before pii_eval, which puts this checkout first
    from pii_eval import evaluate

    records = json.loads(Path(args.data).read_text(encoding="utf-8"))
    engine = PIIEngine.build(EngineSettings())
    entities = engine.supported_entities()
    print("| records | recall | " + " | ".join(TYPES) + " | precision | left verbatim | PII-free flagged |")
    print("|---" * (len(TYPES) + 5) + "|")
    for name, case in CASES.items():
        cased = [dict(r, full_text=case(r["full_text"]),
                      spans=[dict(s, entity_value=case(s["entity_value"])) for s in r["spans"]]) for r in records]
        predictions = [[(d.type, d.start, d.end) for d in engine.analyze_batch(
            [r["full_text"]], entities=entities, address_blocks=True)[0]] for r in cased]
        q = evaluate(cased, predictions)
        per_type = " | ".join(f"{q['recall'].get(t, 0):.3f}" for t in TYPES)
        print(f"| {name} | {q['recall_overall']:.3f} | {per_type} | {q['precision_overall']:.3f} "
              f"| {q['leaked_verbatim']:.3f} | {q['clean_flagged_rate']:.3f} |")


if __name__ == "__main__":
    main()

"""Quality and speed of the local moderation backend on the shared dev set.

    .venv/bin/python bench/moderation_eval.py              # resubstitution, CV, probes, speed
    .venv/bin/python bench/moderation_eval.py --json       # the same, machine-readable
    .venv/bin/python bench/moderation_eval.py --recompute  # also rerun the CV (train extra)

Resubstitution is measured here, live, with the shipped artefact (it saw these texts in
training, so it is optimistic). The cross-validated numbers are the honest ones: they come
from `tools/moderation/train.py`, which stores them in `filters/moderation/model/meta.json`;
`--recompute` reruns that cross-validation (seeded, so it must print the same numbers; it
needs the `train` extra, the gateway does not). The probes (`tools/moderation/probes.py`)
are hand-written counter-speech and plain-harm texts no model step has seen. A text counts
as flagged when any category's calibrated score reaches 0.5, the model's decision point.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools" / "moderation"))

from probes import COUNTER_SPEECH, HARMFUL  # noqa: E402

from filters.moderation.categories import DEV_KEY_TO_CATEGORY  # noqa: E402
from filters.moderation.local import MODEL_DIR, LocalModel  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "moderation_dev.jsonl"
KEYS = tuple(DEV_KEY_TO_CATEGORY)


def load() -> list[dict]:
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]


def quality(model: LocalModel, rows: list[dict]) -> dict:
    scored = [model.score(r["prompt"]) for r in rows]
    positive = [any(r.get(k) == 1 for k in KEYS) for r in rows]
    flagged = [max(s.values()) >= 0.5 for s in scored]
    n_pos, n_neg = sum(positive), len(rows) - sum(positive)
    labelled = [not p and sum(k in r for k in KEYS) >= 3 for r, p in zip(rows, positive)]
    out = {
        "any_recall": sum(f and p for f, p in zip(flagged, positive)) / n_pos,
        "fpr": sum(f and not p for f, p in zip(flagged, positive)) / n_neg,
        "fpr_labelled": sum(f and n for f, n in zip(flagged, labelled)) / sum(labelled),
        "n_positive": n_pos, "n_negative": n_neg, "per_key": {},
    }
    for key, category in DEV_KEY_TO_CATEGORY.items():
        known = [(r[key] == 1, s[category] >= 0.5) for r, s in zip(rows, scored) if key in r]
        tp = sum(y and h for y, h in known)
        pos, hits = sum(y for y, _ in known), sum(h for _, h in known)
        out["per_key"][key] = {"n_pos": pos, "recall": tp / pos if pos else float("nan"),
                               "precision": tp / hits if hits else float("nan")}
    out["sh_recall"] = out["per_key"]["SH"]["recall"]
    return out


def probes(model: LocalModel) -> dict:
    """Flag rates on the hand-written probes: counter-speech should not be flagged at all,
    plain harm should be flagged in its own category."""
    counter = [max(model.score(t).values()) >= 0.5 for t in COUNTER_SPEECH]
    harmful = [model.score(t) for t, _ in HARMFUL]
    in_category = [s[c] >= 0.5 for s, (_, c) in zip(harmful, HARMFUL)]
    return {"counter_speech_flagged": sum(counter), "counter_speech_n": len(counter),
            "harmful_flagged": sum(max(s.values()) >= 0.5 for s in harmful),
            "harmful_in_category": sum(in_category), "harmful_n": len(harmful)}


def speed(model: LocalModel, rows: list[dict], rounds: int = 3) -> dict:
    """Single-threaded wall time per call: the dev texts as they are, and 1 KB slices."""
    texts = [r["prompt"] for r in rows]
    corpus = "\n".join(texts)
    kb = [corpus[i : i + 1024] for i in range(0, len(corpus) - 1024, 1024)][:600]
    model.score(texts[0])  # warm caches
    result = {}
    for name, batch in (("per_text", texts), ("per_1kb", kb)):
        times = []
        for _ in range(rounds):
            for text in batch:
                start = time.perf_counter()
                model.score(text)
                times.append((time.perf_counter() - start) * 1000)
        times.sort()
        result[name] = {"p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * len(times))],
                        "n": len(times)}
    result["mean_chars_per_text"] = sum(map(len, texts)) / len(texts)
    return result


def table(name: str, m: dict) -> list[str]:
    lines = [f"**{name}**: any-category recall {m['any_recall']:.3f}, false-positive rate "
             f"{m['fpr']:.3f} on {m['n_negative']} texts with no positive label ({m['fpr_labelled']:.3f} "
             f"on those with at least 3 known labels), self-harm recall "
             f"{m['sh_recall']:.3f}.", "", "| category | dev key | positives | recall | precision |",
             "| --- | --- | ---: | ---: | ---: |"]
    for key, v in m["per_key"].items():
        lines.append(f"| {DEV_KEY_TO_CATEGORY[key]} | {key} | {v['n_pos']} | {v['recall']:.2f} | "
                     f"{v['precision']:.2f} |")
    return lines + [""]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--recompute", action="store_true", help="rerun train.py --cv-only")
    args = parser.parse_args()
    if args.recompute:
        subprocess.run([sys.executable, str(ROOT / "tools" / "moderation" / "train.py"),
                        "--cv-only"], check=True)
    rows = load()
    model = LocalModel()
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    report = {"resubstitution": quality(model, rows), "cv": meta["report"]["cv"],
              "cv_nested": meta["report"]["cv_nested"], "probes": probes(model),
              "speed": speed(model, rows)}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    s, pr = report["speed"], report["probes"]
    reps = f"5-fold x {meta['report']['repeats']}, each text counted once per repeat"
    print("\n".join(
        table(f"Cross-validated, nested (thresholds chosen on the other folds; {reps}; honest)",
              report["cv_nested"])
        + table(f"Cross-validated (thresholds chosen on all out-of-fold scores; {reps})", report["cv"])
        + table("Resubstitution (shipped model on its own training texts; optimistic)",
                report["resubstitution"])
        + [f"Probes (hand-written, never trained on): counter-speech flagged "
           f"{pr['counter_speech_flagged']}/{pr['counter_speech_n']}; plain harm flagged "
           f"{pr['harmful_flagged']}/{pr['harmful_n']} ({pr['harmful_in_category']} in its "
           "own category).", "",
           f"Speed, one thread: per dev text (mean {s['mean_chars_per_text']:.0f} chars) p50 "
           f"{s['per_text']['p50_ms']:.2f} ms, p95 {s['per_text']['p95_ms']:.2f} ms; per 1 KB p50 "
           f"{s['per_1kb']['p50_ms']:.2f} ms, p95 {s['per_1kb']['p95_ms']:.2f} ms."]))


if __name__ == "__main__":
    main()

"""Instructions per analysed 1 KB prompt, counted by valgrind's callgrind: a speed measure
that repeats to 0.1% whatever else the host is doing (its wall-clock times drift by ±30%,
more than most single changes to the engine are worth).

    .venv/bin/python bench/pii_instructions.py [--prompts 12] [--root DIR]

Builds the engine, serves a few records, then counts only the analysis of `--prompts` chat
prompts (`bench/chat_prompts.py`) and of as many dense prompts made of the dev file, with
callgrind's instrumentation switched on around them (`callgrind_control -i on|off`). Point
`--root` at another checkout to compare two versions of the engine on the same prompts.
Needs `valgrind` on PATH (about a minute per kind of prompt).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "pii_dev.json"


def _child(kind: str, count: int) -> None:
    """Runs under valgrind: the engine's work on the prompts, instrumented alone."""
    sys.path[:0] = [str(Path.cwd()), str(Path.cwd() / "bench")]
    from chat_prompts import chat_prompts
    from pii_eval import prompts_1kb

    from filters.pii import EngineSettings, PIIEngine

    records = json.loads(DEV.read_text(encoding="utf-8"))
    prompts = chat_prompts(count) if kind == "chat" else prompts_1kb(records[len(records) // 2:])[:count]
    engine = PIIEngine.build(EngineSettings())
    entities = engine.supported_entities()
    for text in [r["full_text"] for r in records[:60]] + prompts[:2]:
        engine.analyze_batch([text], entities=entities, address_blocks=True)
    switch = ["callgrind_control", "-i"]
    subprocess.run([*switch, "on", str(os.getpid())], capture_output=True, check=False)
    for text in prompts:
        engine.analyze_batch([text], entities=entities, address_blocks=True)
    subprocess.run([*switch, "off", str(os.getpid())], capture_output=True, check=False)


def count(root: Path, kind: str, prompts: int) -> float:
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--instr-atstart=no", "--callgrind-out-file=/dev/null",
         sys.executable, str(Path(__file__).resolve()), "--child", kind, "--prompts", str(prompts)],
        cwd=root, env={**os.environ, "PYTHONHASHSEED": "0"}, capture_output=True, text=True, check=True)
    collected = re.search(r"Collected : (\d+)", run.stderr)
    if collected is None:
        raise SystemExit("callgrind reported nothing: is valgrind installed?")
    return int(collected.group(1)) / prompts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--prompts", type=int, default=12)
    ap.add_argument("--root", default=str(ROOT), help="checkout whose engine is counted")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child, args.prompts)
        return
    print("| prompt | instructions per prompt (millions) |\n|---|---:|")
    for kind in ("chat", "dense"):
        print(f"| {kind} | {count(Path(args.root), kind, args.prompts) / 1e6:.1f} |")


if __name__ == "__main__":
    main()

"""What streaming restoration itself costs the first token: the full privacy path with
restoration on (`bench/configs/full.yaml`) against the same policy with `pii.restore: false`,
both in front of the same fast upstream, rounds alternating.

    .venv/bin/python bench/ttft_restore.py [--rounds 5] [--per-round 100]

The request side (detection, moderation, vault) is the same in both, so the difference is the
restorer's hold-back of a possible placeholder tail at the head of the stream."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import load  # noqa: E402


def without_restoration(directory: Path) -> Path:
    """A copy of the full config whose tenant's policy keeps placeholders in the answer."""
    return load.full_config_variant(directory, "bench-norestore", lambda policy: policy["pii"].update(restore=False))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--per-round", type=int, default=100)
    args = parser.parse_args()
    ports = {name: load.free_port() for name in ("upstream", "restore on", "restore off")}
    upstream = f"http://127.0.0.1:{ports['upstream']}/v1"
    binary = str(Path(sys.executable).parent / "privacy-gateway")
    env = {**os.environ, "GATEWAY_KEY_BENCH": load.KEY, "OPENAI_BASE_URL": upstream, "OPENAI_API_KEY": "sk-bench",
           "GATEWAY_LOG_LEVEL": "WARNING"}
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        configs = {"restore on": ROOT / "bench" / "configs" / "full.yaml", "restore off": without_restoration(Path(tmp))}
        load.spawn(stack, [sys.executable, str(ROOT / "bench" / "upstream.py"), str(ports["upstream"])],
                   ports["upstream"])
        for name, config in configs.items():
            load.spawn(stack, [binary, "serve", "--config", str(config), "--port", str(ports[name]), "--workers", "1"],
                       ports[name], env)
        samples: dict[str, list[float]] = {name: [] for name in configs}
        for _ in range(args.rounds):
            for name in configs:
                samples[name] += load.time_to_first_token(ports[name], True, args.per_round)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    for name, value in medians.items():
        print(f"TTFT p50, {name}: {value:.3f} ms")
    print(f"restoration adds {medians['restore on'] - medians['restore off']:+.3f} ms to the first token")


if __name__ == "__main__":
    main()

"""What each request filter of the full privacy path costs, at low traffic.

    .venv/bin/python bench/filter_costs.py [--rounds 150]

Starts the fast upstream and five gateways on `bench/configs/full.yaml`'s policy: the full
path, without output moderation, without moderation, PII only, and no filters. One client
then sends each gateway in turn a new 1 KB prompt (`bench/load.py`'s), once whole and once
streamed, so every gateway has been idle while the others worked: its caches are as cold as
at low traffic, unlike `bench/load.py`'s back-to-back wrk runs. Prints the p50 of a whole
answer and of a stream's first event per variant; the differences between rows are what each
filter adds.
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load  # noqa: E402

VARIANTS = {
    "full": lambda policy: None,
    "no output moderation": lambda policy: policy["moderation"].update(moderate_output_for=[]),
    "no moderation": lambda policy: policy.update(filters=[f for f in policy["filters"] if f != "moderation"]),
    "pii only": lambda policy: policy.update(filters=["pii"]),
    "no filters": lambda policy: policy.update(filters=[]),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=150)
    args = parser.parse_args()
    directory = Path(tempfile.mkdtemp())
    with ExitStack() as stack:
        upstream = load.free_port()
        load.spawn(stack, [sys.executable, str(load.ROOT / "bench/upstream.py"), str(upstream)], upstream)
        env = {**os.environ, "OPENAI_BASE_URL": f"http://127.0.0.1:{upstream}/v1", "OPENAI_API_KEY": "bench",
               "GATEWAY_KEY_BENCH": load.KEY, "GATEWAY_LOG_LEVEL": "WARNING"}
        connections = {}
        for i, (name, change) in enumerate(VARIANTS.items()):
            config = load.full_config_variant(directory, f"bench-variant-{i}", change)
            port = load.free_port()
            load.spawn(stack, [str(load.ROOT / ".venv/bin/privacy-gateway"), "serve", "--config", str(config),
                               "--host", "127.0.0.1", "--port", str(port)], port, env)
            connections[name] = http.client.HTTPConnection("127.0.0.1", port)
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {load.KEY}",
                   "X-Gateway-Session": "bench-costs"}
        whole: dict[str, list[float]] = {name: [] for name in VARIANTS}
        first: dict[str, list[float]] = {name: [] for name in VARIANTS}
        number = 0
        for _ in range(args.rounds):
            for name, conn in connections.items():
                number += 1
                started = time.perf_counter()
                conn.request("POST", "/v1/chat/completions", body=load.numbered(load.STREAM_BODY, number), headers=headers)
                response = conn.getresponse()
                response.read1(65536)
                first[name].append((time.perf_counter() - started) * 1000)
                response.read()
                number += 1
                started = time.perf_counter()
                conn.request("POST", "/v1/chat/completions", body=load.numbered(load.BODY, number), headers=headers)
                conn.getresponse().read()
                whole[name].append((time.perf_counter() - started) * 1000)
        warm = min(20, args.rounds // 5)
        print("| variant | whole answer p50 (ms) | stream's first event p50 (ms) |\n|---|---:|---:|")
        for name in VARIANTS:
            print(f"| {name} | {statistics.median(whole[name][warm:]):.2f} | {statistics.median(first[name][warm:]):.2f} |")


if __name__ == "__main__":
    main()

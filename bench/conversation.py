"""What a chat conversation costs per turn through the full privacy path, with the filters'
memory of seen texts on and off.

    .venv/bin/python bench/conversation.py [--turns 20] [--conversations 5]

Apps resend the whole conversation with every turn. Each turn here adds a user message of
about 200 characters (new names, a phone number, an address) and the assistant's answer, and
sends everything so far, one request at a time, to two gateways with the bench-full policy:
one as shipped, one with `pii.detection_cache` and `moderation.score_cache` off. Reported:
the gateway's own time (its `privacy_gateway_overhead_seconds`, upstream excluded) at the
first, middle and last turn, medians over the conversations.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import KEY, free_port, full_config_variant, spawn  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIRST = ["Maria", "Daniel", "Aigerim", "Lukas", "Sofia", "Kenji", "Amara", "Oskar", "Leila", "Mateo"]
LAST = ["Gonzalez", "Kim", "Nurlanovna", "Becker", "Rossi", "Tanaka", "Okafor", "Lindqvist", "Haddad", "Silva"]
STREETS = ["Crown Street", "Abay Avenue", "Main St", "Hauptstraße", "Rue Lepic", "Oak Lane"]


def user_message(conversation: int, turn: int) -> str:
    n = conversation * 1000 + turn
    name = f"{FIRST[n % 10]} {LAST[(n // 10) % 10]}"
    return (f"Turn {turn}: my classmate {name} asked whether we could meet at {10 + turn} "
            f"{STREETS[n % len(STREETS)]} after school. Her phone is +1 512 555 {n % 10000:04d}. "
            f"Can you suggest three short review questions about photosynthesis for us?")


def overhead(port: int) -> tuple[float, float]:
    """(sum of seconds, count) of the gateway's own time so far."""
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/metrics")
    text = conn.getresponse().read().decode()
    conn.close()
    total = count = 0.0
    for line in text.splitlines():
        if line.startswith("privacy_gateway_overhead_seconds_sum"):
            total += float(line.rsplit(" ", 1)[1])
        elif line.startswith("privacy_gateway_overhead_seconds_count"):
            count += float(line.rsplit(" ", 1)[1])
    return total, count


def converse(port: int, conversation: int, turns: int) -> list[float]:
    """The gateway's own ms per turn of one conversation."""
    conn = http.client.HTTPConnection("127.0.0.1", port)
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {KEY}",
               "X-Gateway-Session": f"conversation-{conversation}-{port}"}
    messages: list[dict[str, str]] = [{"role": "system", "content": "You are a helpful study tutor."}]
    per_turn = []
    for turn in range(1, turns + 1):
        messages.append({"role": "user", "content": user_message(conversation, turn)})
        before = overhead(port)
        conn.request("POST", "/v1/chat/completions", headers=headers,
                     body=json.dumps({"model": "gpt-bench", "messages": messages}))
        answer = json.loads(conn.getresponse().read())
        after = overhead(port)
        per_turn.append((after[0] - before[0]) * 1000)
        messages.append({"role": "assistant", "content": answer["choices"][0]["message"]["content"]})
    conn.close()
    return per_turn


def config_without_memory(directory: Path) -> Path:
    def forget(policy: dict) -> None:
        policy["pii"]["detection_cache"] = False
        policy["moderation"]["score_cache"] = False

    return full_config_variant(directory, "bench-nomemory", forget)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--turns", type=int, default=20)
    ap.add_argument("--conversations", type=int, default=5)
    args = ap.parse_args()
    ports = {"upstream": free_port(), "with memory": free_port(), "without memory": free_port()}
    upstream_url = f"http://127.0.0.1:{ports['upstream']}/v1"
    gateway_bin = str(Path(sys.executable).parent / "privacy-gateway")
    env = {**os.environ, "GATEWAY_KEY_BENCH": KEY, "OPENAI_BASE_URL": upstream_url, "OPENAI_API_KEY": "sk-bench",
           "GATEWAY_LOG_LEVEL": "WARNING"}
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        configs = {"with memory": ROOT / "bench/configs/full.yaml", "without memory": config_without_memory(Path(tmp))}
        spawn(stack, [sys.executable, str(ROOT / "bench/upstream.py"), str(ports["upstream"])], ports["upstream"])
        for name, config in configs.items():
            spawn(stack, [gateway_bin, "serve", "--config", str(config), "--port", str(ports[name]), "--workers", "1"],
                  ports[name], env)
        converse(ports["with memory"], 999, 2)  # warm-up: models loaded, pools open
        converse(ports["without memory"], 999, 2)
        runs: dict[str, list[list[float]]] = {name: [] for name in configs}
        for conversation in range(args.conversations):  # alternate, so drift hits both alike
            for name in configs:
                runs[name].append(converse(ports[name], conversation, args.turns))
                time.sleep(0.2)
    marks = sorted({1, args.turns // 2, args.turns})
    print("| gateway's own time per turn (ms, median) | " + " | ".join(f"turn {m}" for m in marks) + " | whole conversation |")
    print("|---|" + "---:|" * (len(marks) + 1))
    for name, conversations in runs.items():
        cells = [statistics.median(c[m - 1] for c in conversations) for m in marks]
        total = statistics.median(sum(c) for c in conversations)
        print(f"| {name} | " + " | ".join(f"{v:.1f}" for v in cells) + f" | {total:.0f} |")


if __name__ == "__main__":
    main()

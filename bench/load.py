"""Load benchmark: the gateway with every filter off against the bare aiohttp forwarder (the
floor), both in front of the same fast upstream, driven side by side in one run.

Measures requests/s at 32 concurrent, p50/p99 latency added over calling the upstream directly
at 1 concurrent (both with wrk, a C load generator, so the client is not the bottleneck), and
time to first token of a stream. Rounds alternate between the targets so that drift on the
machine hits all of them alike.

    .venv/bin/python bench/load.py [--duration 8] [--rounds 3] [--config bench/configs/passthrough.yaml]
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
KEY = "bench-key-0123456789"
# A 1 KB chat prompt with the personal data a real one carries: names, an email, a phone, a city.
PROMPT = (
    "Hi! I'm Maria Gonzalez and I teach biology at Lincoln High School in Austin. My student "
    "Daniel Kim (daniel.kim@example.com, +1 512 555 0142) asked me to help him plan a three day "
    "study schedule for his exam next Friday. He struggles with cell respiration and genetics, "
    "and he works evenings at his uncle's restaurant, so he only has mornings and weekends. "
    "Could you suggest a plan with short daily goals, a few practice questions for each topic, "
    "and tips for staying focused? Please keep the tone encouraging, since he has been feeling "
    "anxious about his grades lately. Also, his sister Emma will study with him on Saturday, so "
    "include one activity they could do together, like quizzing each other with flashcards. "
    "Thanks so much, this really helps both of us. Best wishes from Texas, and have a nice day! "
    "P.S. If it is easier, you can reach me at maria.gonzalez@lincoln-hs.example.org or on my "
    "school phone. We meet in room 214 after the morning bell, if you need to send any materials over to us today."
)[:1000]
assert len(PROMPT) == 1000, len(PROMPT)
BODY = json.dumps({"model": "gpt-bench", "messages": [{"role": "user", "content": PROMPT}]})
STREAM_BODY = json.dumps({"model": "gpt-bench", "stream": True, "messages": [{"role": "user", "content": PROMPT}]})
# Every request is a new prompt (a running number, up to 8 digits, after "three day", where
# no recognizer reads a number as PII): the gateway remembers what it found in texts it has
# seen (the conversation an app resends each turn), and a benchmark that sent one prompt over
# and over would time that memory, not detection. `--same-prompt` times exactly that memory.
ROOM = "three day"
assert PROMPT.count(ROOM) == 1


_RUN_OFFSETS = itertools.count(0, 1_000_000)  # wrk numbers each run's prompts from its own offset
_STREAM_NUMBERS = itertools.count(90_000_000)  # and the streams from far above them


def numbered(body: str, n: int) -> str:
    return body.replace(ROOM, f"{ROOM}-{n}", 1)


def full_config_variant(directory: Path, name: str, change: Callable[[dict], None]) -> Path:
    """bench/configs/full.yaml written under `directory`, its tenant's policy renamed `name`
    and edited by `change` (the policy as a dict)."""
    configs = ROOT / "bench" / "configs"
    policy = yaml.safe_load((configs / "policies" / "bench-full.yaml").read_text())
    policy["name"] = name
    change(policy)
    (directory / "policies").mkdir(exist_ok=True)
    (directory / "policies" / f"{name}.yaml").write_text(yaml.safe_dump(policy))
    config = (configs / "full.yaml").read_text().replace("policy: bench-full", f"policy: {name}")
    (directory / f"{name}.yaml").write_text(config)
    return directory / f"{name}.yaml"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_port(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"a benchmark process exited early: {process.args}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"port {port} never opened")


def spawn(stack: ExitStack, args: list[str], port: int, env: dict[str, str] | None = None) -> None:
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stack.callback(lambda: (process.terminate(), process.wait(20)))
    wait_port(port, process)


def wrk_script(directory: Path, body: str, auth: bool, vary: bool = True) -> Path:
    path = directory / f"post-{int(auth)}-{int(vary)}.lua"
    headers = 'wrk.headers["Content-Type"] = "application/json"\n'
    if auth:
        headers += f'wrk.headers["Authorization"] = "Bearer {KEY}"\n'
        headers += 'wrk.headers["X-Gateway-Session"] = "bench-session"\n'
    script = f'wrk.method = "POST"\nwrk.body = {json.dumps(body)}\n{headers}'
    if vary:  # the same substitution as numbered(), per request, inside wrk
        script += (f'local template = wrk.body\nlocal counter = tonumber(os.getenv("BENCH_PROMPT_OFFSET") or "0")\n'
                   f'request = function()\n'
                   f'  counter = counter + 1\n'
                   f'  local text = string.gsub(template, {json.dumps(ROOM)}, {json.dumps(ROOM + "-")} .. counter, 1)\n'
                   f'  return wrk.format(nil, nil, nil, text)\nend\n')
    path.write_text(script)
    return path


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def run_wrk(url: str, script: Path, connections: int, duration: int) -> dict[str, float]:
    out = subprocess.run(  # each run numbers its prompts from its own offset: none repeats
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", "-s", str(script), url],
        capture_output=True, text=True, check=True,
        env={**os.environ, "BENCH_PROMPT_OFFSET": str(next(_RUN_OFFSETS))},
    ).stdout
    if "Non-2xx" in out:
        sys.exit(f"non-2xx answers from {url}:\n{out}")
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    for pct in ("50", "99"):
        value, unit = re.search(rf"\s{pct}%\s+([\d.]+)(us|ms|s)", out).groups()
        result[f"p{pct}_ms"] = float(value) * _UNITS[unit]
    return result


def time_to_first_token(port: int, auth: bool, n: int, vary: bool = True) -> list[float]:
    headers = {"Content-Type": "application/json"}
    if auth:
        headers["Authorization"] = f"Bearer {KEY}"
        headers["X-Gateway-Session"] = "bench-session"
    conn = http.client.HTTPConnection("127.0.0.1", port)
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        body = numbered(STREAM_BODY, next(_STREAM_NUMBERS)) if vary else STREAM_BODY
        conn.request("POST", "/v1/chat/completions", body=body, headers=headers)
        response = conn.getresponse()
        first = response.read1(65536)
        samples.append((time.perf_counter() - started) * 1000)
        assert first.startswith(b"data:"), first[:80]
        response.read()
    conn.close()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--config", default=str(ROOT / "bench/configs/passthrough.yaml"))
    parser.add_argument("--full-config", default=str(ROOT / "bench/configs/full.yaml"),
                        help="a second gateway with every privacy filter on; '' to skip")
    parser.add_argument("--out", default=str(ROOT / "bench/results/load.json"))
    parser.add_argument("--same-prompt", action="store_true",
                        help="send one fixed prompt (times the gateway's memory of seen texts)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")

    ports = {"upstream": free_port(), "forwarder": free_port(), "gateway": free_port()}
    if args.full_config:
        ports["gateway-full"] = free_port()
    upstream_url = f"http://127.0.0.1:{ports['upstream']}/v1"
    gateway_bin = str(Path(sys.executable).parent / "privacy-gateway")
    env = {**os.environ, "GATEWAY_KEY_BENCH": KEY, "OPENAI_BASE_URL": upstream_url, "OPENAI_API_KEY": "sk-bench",
           "GATEWAY_LOG_LEVEL": "WARNING"}
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        spawn(stack, [sys.executable, str(ROOT / "bench/upstream.py"), str(ports["upstream"])], ports["upstream"])
        spawn(stack, [sys.executable, str(ROOT / "bench/bare_forwarder.py"), str(ports["forwarder"]), upstream_url],
              ports["forwarder"])
        spawn(stack, [gateway_bin, "serve", "--config", args.config, "--port", str(ports["gateway"]), "--workers", "1"],
              ports["gateway"], env)
        if args.full_config:
            spawn(stack, [gateway_bin, "serve", "--config", args.full_config, "--port", str(ports["gateway-full"]),
                          "--workers", "1"], ports["gateway-full"], env)
        gateways = [n for n in ports if n.startswith("gateway")]
        scripts = {name: wrk_script(Path(tmp), BODY, auth=name in gateways, vary=not args.same_prompt) for name in ports}
        urls = {name: f"http://127.0.0.1:{port}/v1/chat/completions" for name, port in ports.items()}

        for name in ports:  # warm-up: connection pools, caches, JIT-free but allocator-warm
            run_wrk(urls[name], scripts[name], 32, 2)
        results: dict[str, dict[str, list[float]]] = {n: {"rps": [], "p50_ms": [], "p99_ms": []} for n in ports}
        for _ in range(args.rounds):
            for name in ports:
                results[name]["rps"].append(run_wrk(urls[name], scripts[name], 32, args.duration)["rps"])
                single = run_wrk(urls[name], scripts[name], 1, args.duration)
                results[name]["p50_ms"].append(single["p50_ms"])
                results[name]["p99_ms"].append(single["p99_ms"])
        ttft = {name: statistics.median(time_to_first_token(ports[name], name in gateways, 400, not args.same_prompt))
                for name in ("forwarder", *gateways)}

    summary = {name: {k: statistics.median(v) for k, v in r.items()} for name, r in results.items()}
    direct = summary["upstream"]
    report = {
        "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
        "raw": results,
        "median": summary,
        "added_p50_ms": {n: summary[n]["p50_ms"] - direct["p50_ms"] for n in ("forwarder", *gateways)},
        "added_p99_ms": {n: summary[n]["p99_ms"] - direct["p99_ms"] for n in ("forwarder", *gateways)},
        "ttft_p50_ms": ttft,
        "throughput_ratio": summary["gateway"]["rps"] / summary["forwarder"]["rps"],
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=2))

    print("| target | req/s at 32 | p50 at 1 (ms) | p99 at 1 (ms) | added p50 (ms) | TTFT p50 (ms) |")
    print("|---|---|---|---|---|---|")
    for name in ports:
        added = report["added_p50_ms"].get(name)
        print(f"| {name} | {summary[name]['rps']:.0f} | {summary[name]['p50_ms']:.3f} | {summary[name]['p99_ms']:.3f} "
              f"| {'' if added is None else f'{added:.3f}'} | {ttft.get(name, float('nan')):.3f} |")
    print(f"\ngateway/forwarder throughput: {report['throughput_ratio']:.1%}; "
          f"p50 gap gateway - forwarder: {report['added_p50_ms']['gateway'] - report['added_p50_ms']['forwarder']:.3f} ms")
    if "gateway-full" in summary:
        print(f"full privacy path over pass-through: p50 +{summary['gateway-full']['p50_ms'] - summary['gateway']['p50_ms']:.3f} ms, "
              f"TTFT +{ttft['gateway-full'] - ttft['gateway']:.3f} ms")


if __name__ == "__main__":
    main()

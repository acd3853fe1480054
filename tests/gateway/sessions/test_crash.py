"""Crash safety on real Redis: two finalizer processes, one SIGKILLed at random points (and
restarted under a new consumer name) while 200 sessions finalize. Every eligible session
lands exactly once, no ineligible one does, and nothing stays pending or stored."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import redis.asyncio as aioredis
import yaml

from gateway.config_loader import load_config
from gateway.privacy.profiles import ProfileInput
from gateway.privacy.runtime import PrivacyRuntime
from gateway.sessions.recorder import turn_aad
from gateway.store import SessionLimits
from tests.gateway.store.redis_support import delete_prefix, keys_with_prefix, redis_url, unique_prefix

ROOT = Path(__file__).resolve().parents[3]
SESSIONS = 200
TURNS = 3
LIMITS = SessionLimits(ttl_ms=600_000, idle_ms=600_000, max_bytes=1_000_000)


def write_config(tmp: Path, prefix: str) -> Path:
    (tmp / "policies").mkdir()
    (tmp / "policies" / "train.yaml").write_text(yaml.safe_dump(
        {"name": "train", "version": "1", "filters": ["consent"], "privacy": {"training": True, "require_redaction": False}}))
    config = {"secret": "crash-secret", "store": {"url": f"{redis_url()}?prefix={prefix}"},
              "datasets": {"url": f"file://{tmp / 'datasets'}"}, "server": {"log_level": "INFO"},
              "tenants": {"train": {"policy": "train"}}}
    path = tmp / "gateway.yaml"
    path.write_text(yaml.safe_dump(config))
    return path


def profile_for(i: int) -> tuple[ProfileInput, bool]:
    """Eligible when i % 3 == 0; others withdrew consent, are children, or gave no age."""
    kind = i % 3
    if kind == 0:
        return ProfileInput(training_consent=True, consent_version="v1", age=30, country="US"), True
    if kind == 1:
        return ProfileInput(training_consent=False, consent_version="v1", age=30, country="US"), False
    return ProfileInput(training_consent=True, consent_version="v1", age=14, country="DE"), False


async def prepare(config_path: Path) -> dict[str, bool]:
    runtime = PrivacyRuntime.from_config(load_config(config_path, env={}))
    expected = {}
    try:
        for i in range(SESSIONS):
            subject = runtime.secrets.subject("train", f"user-{i}")
            session = runtime.secrets.session("train", f"session-{i}")
            change, eligible = profile_for(i)
            await runtime.profiles.put("train", subject, change, 1)
            for t in range(TURNS):
                turn = {"p": [{"role": "user", "content": f"turn {t} of {i}"}], "a": f"answer {t}", "m": "text"}
                blob = runtime.secrets.seal(orjson.dumps(turn), turn_aad("train", session))
                assert await runtime.store.append_turn("train", session, subject, blob, {"PERSON": 1}, LIMITS,
                                                       int(time.time() * 1000)) == "ok"
            expected[session] = eligible
        for session in expected:
            assert await runtime.store.end_session("train", session, "explicit", int(time.time() * 1000), 600_000)
    finally:
        await runtime.store.close()
    return expected


def start_worker(config: Path, name: str, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "gateway.sessions.worker", "--config", str(config), "--consumer", name,
         "--claim-idle-ms", "800", "--block-ms", "200", "--pace-ms", "30"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log.open("ab"), env={**os.environ, "PYTHONPATH": str(ROOT)})


async def queue_state(prefix: str) -> tuple[int, int]:
    client = aioredis.from_url(redis_url())
    try:
        stream = f"{prefix}:finalize"
        length = await client.xlen(stream)
        try:
            pending = (await client.xpending(stream, "finalizers"))["pending"]
        except Exception:  # noqa: BLE001 - no group yet
            pending = -1
        return length, pending
    finally:
        await client.aclose()


async def test_two_finalizers_one_killed_at_random_points(tmp_path):
    prefix = unique_prefix()
    config = write_config(tmp_path, prefix)
    log = Path(os.environ.get("CRASH_LOG", tmp_path / "workers.log"))
    rng = random.Random(int(os.environ.get("CRASH_SEED", time.time())))
    workers: list[subprocess.Popen] = []
    try:
        expected = await prepare(config)
        survivor = start_worker(config, "survivor", log)
        victim = start_worker(config, "victim-0", log)
        workers += [survivor, victim]
        kills = 0
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            length, pending = await queue_state(prefix)
            if length == 0 and pending == 0:
                break
            await asyncio.sleep(rng.uniform(0.3, 1.2))
            if kills < 8 and length > 0:
                victim.send_signal(signal.SIGKILL)
                victim.wait(10)
                kills += 1
                victim = start_worker(config, f"victim-{kills}", log)
                workers.append(victim)
        length, pending = await queue_state(prefix)
        assert (length, pending) == (0, 0), f"queue not drained: {length} entries, {pending} pending"
        assert kills >= 2, "the victim was not killed while work remained"

        datasets = tmp_path / "datasets" / "train"
        landed: dict[str, list[Path]] = {}
        for path in datasets.glob("dt=*/*.jsonl"):  # <tenant>/dt=<day>/<time>-<session>.jsonl
            landed.setdefault(orjson.loads(path.read_bytes())["metadata"]["session"], []).append(path)
        eligible = {s for s, ok in expected.items() if ok}
        assert set(landed) == eligible, (len(landed), len(eligible), len(set(landed) - eligible), len(eligible - set(landed)))
        for session, paths in landed.items():
            assert len(paths) == 1
            record = orjson.loads(paths[0].read_bytes())
            assert record["metadata"]["session"] == session and record["metadata"]["turns"] == TURNS
            assert len(record["messages"]) == 2 * TURNS
            assert record["metadata"]["redactions"] == {"PERSON": TURNS}
        left = [k for k in await keys_with_prefix(prefix) if ":s:" in k and not k.endswith(":closed")]
        assert left == []
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(10)
            except subprocess.TimeoutExpired:
                worker.kill()
        await delete_prefix(prefix)

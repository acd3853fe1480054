"""Redis going away and coming back, and a gateway that dies for good: requests are served as
the policy says with nothing captured, `/readyz` names the store, recovery needs no restart,
and every key of a session expires on its own."""

from __future__ import annotations

import asyncio
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from tests.gateway.privacy.support import ADMIN_KEY, KEYS, SECRET, Client, configure, privacy_policy, records
from tests.gateway.store.redis_support import delete_prefix, keys_with_prefix, redis_url, unique_prefix
from tests.support.fake_provider import ANSWER_PREFIX

ADULT = {"training_consent": True, "consent_version": "v1", "age": 40, "country": "GB"}
POLICIES = {
    "train": privacy_policy("train", training=True),
    "notrain": privacy_policy("notrain", training=False, store_down="refuse"),
    "adults": privacy_policy("adults", training=True),
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, what: str, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


class RedisServer:
    """A redis-server of this test's own, without persistence, that can be killed and restarted."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.process: subprocess.Popen | None = None

    def start(self) -> "RedisServer":
        binary = shutil.which("redis-server")
        assert binary, "redis-server is not installed"
        self.process = subprocess.Popen([binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                         "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(self.answers, "redis-server to start")
        return self

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)


@pytest.fixture
def own_redis() -> Iterator[RedisServer]:
    server = RedisServer(free_port()).start()
    yield server
    server.kill()


def readyz(client: Client) -> httpx.Response:
    return client.http.get("/readyz")


def test_redis_unreachable_serves_captures_nothing_and_recovers(gateway_factory, fake, tmp_path, own_redis):
    datasets = tmp_path / "ds"
    client = Client(gateway_factory(configure(datasets, f"redis://127.0.0.1:{own_redis.port}/0"), POLICIES))
    assert readyz(client).json()["checks"]["store"] == "ok"
    client.put_user("train", "u1", **ADULT)
    client.chat("train", "u1", "before", "before")

    own_redis.kill()
    assert client.chat("train", "u1", "during", "during") == ANSWER_PREFIX + "during"  # served, per policy
    refused = client.openai("notrain", "u1", "x").chat.completions.with_raw_response
    try:
        refused.create(model="fake-model", messages=[{"role": "user", "content": "hi"}])
        raise AssertionError("a store_down: refuse tenant was served")
    except Exception as exc:  # noqa: BLE001 - the SDK's APIStatusError
        assert getattr(exc, "status_code", None) == 503
        assert exc.body["code"] == "privacy_filter_unavailable"  # type: ignore[attr-defined]
    ready = readyz(client)
    assert ready.status_code == 503 and ready.json()["checks"]["store"] == "unavailable: redis"
    assert client.put_user("train", "u2", **ADULT).status_code == 503
    assert client.end("train", "during").status_code == 503

    own_redis.start()  # same port, empty: nothing survived the crash
    wait_for(lambda: readyz(client).status_code == 200, "readiness after Redis came back")
    assert client.put_user("train", "u1", **ADULT).status_code == 200
    client.chat("train", "u1", "during", "after")
    assert client.end("train", "during").status_code == 202
    client.wait_finalized(1, timeout=15)
    [path] = records(datasets)
    text = path.read_text()
    assert "after" in text and ANSWER_PREFIX + "during" not in text
    client.close()


def test_every_key_of_a_session_expires_when_the_gateway_dies(tmp_path):
    prefix = unique_prefix()
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "train.yaml").write_text(yaml.safe_dump(
        privacy_policy("train", training=True, session_ttl_s=1, session_idle_s=600)))
    port = free_port()
    config = {"server": {"port": port, "log_level": "WARNING"}, "secret": SECRET, "admin_key": ADMIN_KEY,
              "store": {"url": f"{redis_url()}?prefix={prefix}"},
              "datasets": {"url": f"file://{tmp_path / 'ds'}"},
              "providers": {"echo": {"type": "echo"}}, "models": {"routes": [{"match": "echo", "provider": "echo"}]},
              "tenants": {"train": {"key": KEYS["train"], "policy": "train"}}}
    (tmp_path / "gateway.yaml").write_text(yaml.safe_dump(config))
    process = subprocess.Popen([str(Path(sys.executable).parent / "privacy-gateway"), "serve", "--config",
                                str(tmp_path / "gateway.yaml")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        http = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10)

        def up() -> bool:
            try:
                return http.get("/readyz").status_code == 200
            except httpx.HTTPError:
                return process.poll() is not None

        wait_for(up, "the gateway to start", timeout=30)
        assert process.poll() is None
        admin = {"Authorization": f"Bearer {ADMIN_KEY}"}
        assert http.put("/admin/v1/tenants/train/users/u1", json=ADULT, headers=admin).status_code == 200
        for session in ("open-1", "ended"):
            answer = http.post("/v1/chat/completions", json={"model": "echo", "messages": [{"role": "user", "content": "hi"}]},
                               headers={"Authorization": f"Bearer {KEYS['train']}", "X-Gateway-User": "u1",
                                        "X-Gateway-Session": session})
            assert answer.status_code == 200
        tenant_key = {"Authorization": f"Bearer {KEYS['train']}"}
        assert http.post("/v1/sessions/ended/end", headers=tenant_key).status_code == 202
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        http.close()

        found = asyncio.run(keys_with_prefix(prefix))
        session_keys = [k for k in found if ":s:" in k]
        assert len(session_keys) >= 3 and any(k.endswith(":activity") for k in found)
        assert any(k.endswith(":closed") for k in found) and any(k.endswith(":finalize") for k in found)
        assert all(ttl > 0 for ttl in found.values()), found  # every key has a TTL

        def only_profile_left() -> bool:
            left = asyncio.run(keys_with_prefix(prefix))
            return all(k.endswith((":profile", ":consent")) for k in left)

        wait_for(only_profile_left, "session keys to expire", timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
        asyncio.run(delete_prefix(prefix))

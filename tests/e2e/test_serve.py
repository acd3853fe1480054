"""`privacy-gateway serve` as a real process, with one worker and with gunicorn's workers:
it serves, and on SIGTERM it lets a stream in flight finish before it exits."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import openai
import pytest

from tests.support.gateway import TENANT_KEY, base_config, write_config

BIN = Path(sys.executable).parent / "privacy-gateway"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(url: str, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else "exited"
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.1)  # polling a starting process, not waiting for a result
    raise AssertionError("the gateway did not become ready")


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_and_drains_a_stream_on_sigterm(tmp_path, fake_url, fake, workers):
    config = base_config(fake_url)
    config["server"]["log_level"] = "INFO"
    path = write_config(tmp_path, config)
    port = free_port()
    process = subprocess.Popen(
        [str(BIN), "serve", "--config", str(path), "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process)
        client = openai.OpenAI(base_url=url + "/v1", api_key=TENANT_KEY, max_retries=0, timeout=20)
        assert client.chat.completions.create(model="echo", messages=[{"role": "user", "content": "up"}]).choices[0].message.content == "up"

        with client.chat.completions.create(model="fake-gated", messages=[{"role": "user", "content": "drain"}],
                                            stream=True) as stream:
            chunks = iter(stream)
            next(chunks)
            os.kill(process.pid, signal.SIGTERM)
            fake.release()
            text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
        assert text.endswith("drain"), "the stream in flight was cut by the shutdown"
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_serve_refuses_a_bad_config_naming_the_key(tmp_path):
    config = base_config("http://x")
    config["server"]["port"] = "eighty"
    result = subprocess.run([str(BIN), "serve", "--config", str(write_config(tmp_path, config))],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "server.port" in result.stderr

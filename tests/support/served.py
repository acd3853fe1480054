"""`privacy-gateway serve` as a real process for the observability tests, its stderr (the JSON
logs) kept in a file so that a chatty DEBUG run never blocks on a full pipe."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.test_serve import BIN, free_port, wait_ready


@dataclass
class Served:
    process: subprocess.Popen
    url: str
    log: Path

    def log_lines(self) -> list[dict]:
        """Every JSON line so far; a line that is not JSON fails the test (logs are structured)."""
        lines = []
        for raw in self.log.read_text(errors="replace").splitlines():
            if raw.strip():
                lines.append(json.loads(raw))
        return lines

    def stop(self) -> int:
        os.kill(self.process.pid, signal.SIGTERM)
        return self.process.wait(timeout=60)


@contextlib.contextmanager
def served(config: Path, log: Path, workers: int = 1, env: dict[str, str] | None = None) -> Iterator[Served]:
    port = free_port()
    with open(log, "wb") as stderr:
        process = subprocess.Popen(
            [str(BIN), "serve", "--config", str(config), "--port", str(port), "--workers", str(workers)],
            stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True, env={**os.environ, **(env or {})},
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, process, timeout=120)
        yield Served(process, url, log)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

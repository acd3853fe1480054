"""Run a command with a reachable Redis in REDIS_URL.

Uses REDIS_URL when it is set (and fails if it does not answer). Otherwise starts
`redis-server` on a free loopback port, installing it with apt-get when it is missing and we
are root, runs the command, and stops the server. Standard library only: it runs before the
project is importable."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time


def ping(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def parse(url: str) -> tuple[str, int]:
    rest = url.split("://", 1)[-1].split("/", 1)[0].rsplit("@", 1)[-1]
    host, _, port = rest.partition(":")
    return host or "127.0.0.1", int(port or 6379)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_redis_server() -> str:
    found = shutil.which("redis-server")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("with_redis: installing redis-server with apt-get", file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "redis-server"], check=True, env=env)
        found = shutil.which("redis-server")
    if not found:
        sys.exit("with_redis: redis-server is not installed; install it or set REDIS_URL")
    return found


def main(argv: list[str]) -> int:
    if "--" in argv:
        argv = argv[argv.index("--") + 1 :]
    url = os.environ.get("REDIS_URL")
    if url:
        if not ping(*parse(url)):
            sys.exit("with_redis: REDIS_URL is set but does not answer PING")
        return subprocess.call(argv)

    port = free_port()
    workdir = tempfile.mkdtemp(prefix="redis-test-")
    server = subprocess.Popen(
        [ensure_redis_server(), "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
         "--dir", workdir],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not ping("127.0.0.1", port):
            if server.poll() is not None or time.monotonic() > deadline:
                sys.exit("with_redis: redis-server did not start")
            time.sleep(0.05)
        env = {**os.environ, "REDIS_URL": f"redis://127.0.0.1:{port}/0"}
        return subprocess.call(argv, env=env)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

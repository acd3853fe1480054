"""Shared fixtures for filter tests. `no_network` fails any non-loopback connection attempt;
`engine` is the PII engine with default settings, built once for the session (only its
thread-safe `analyze_batch` is called on it)."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from collections.abc import Iterator

import pytest

from filters.pii import EngineSettings, PIIEngine


class OutboundConnection(AssertionError):
    pass


def _is_loopback(address: object) -> bool:
    if not isinstance(address, tuple):
        return True  # AF_UNIX paths never leave the machine
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@contextlib.contextmanager
def network_guard() -> Iterator[list[object]]:
    """Patch socket.connect/connect_ex and DNS; yields the list of refused attempts."""
    attempts: list[object] = []
    real_connect, real_connect_ex, real_getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

    def connect(self: socket.socket, address: object) -> None:
        if not _is_loopback(address):
            attempts.append(address)
            raise OutboundConnection("outbound connection attempted")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        if not _is_loopback(address):
            attempts.append(address)
            raise OutboundConnection("outbound connection attempted")
        return real_connect_ex(self, address)

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        if not _is_loopback((host,)):
            attempts.append(host)
            raise OutboundConnection("DNS lookup attempted")
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
    try:
        yield attempts
    finally:
        socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = real_connect, real_connect_ex, real_getaddrinfo


@pytest.fixture
def no_network() -> Iterator[list[object]]:
    with network_guard() as attempts:
        yield attempts


@pytest.fixture(scope="session")
def engine() -> PIIEngine:
    return PIIEngine.build(EngineSettings())

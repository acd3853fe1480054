"""Shared fixtures: the fake provider (the only faked part) and gateways started against it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support import fake_provider
from tests.support.fake_provider import FakeProvider
from tests.support.gateway import base_config, start_gateway
from tests.support.servers import ServerThread


@pytest.fixture(scope="session")
def fake_server() -> Iterator[tuple[FakeProvider, ServerThread]]:
    fake = FakeProvider()
    server = ServerThread(lambda: fake_provider.runner(fake)).start()
    yield fake, server
    server.stop()


@pytest.fixture
def fake(fake_server) -> FakeProvider:
    provider, _ = fake_server
    provider.reset()
    return provider


@pytest.fixture(scope="session")
def fake_url(fake_server) -> str:
    return fake_server[1].url


@pytest.fixture(scope="module")
def gateway(fake_server, tmp_path_factory) -> Iterator[ServerThread]:
    """The default gateway, shared by a module's tests."""
    server = start_gateway(tmp_path_factory.mktemp("gateway"), base_config(fake_server[1].url))
    yield server
    server.stop()


@pytest.fixture
def gateway_factory(fake_url, tmp_path) -> Iterator[Callable[..., ServerThread]]:
    """A gateway with a changed config: `gateway_factory(lambda cfg: cfg["server"].update(...))`."""
    started: list[ServerThread] = []

    def factory(change: Callable[[dict[str, Any]], None] | None = None, policies: dict | None = None) -> ServerThread:
        config = base_config(fake_url)
        if change is not None:
            change(config)
        server = start_gateway(tmp_path / f"gw{len(started)}", config, policies)
        started.append(server)
        return server

    yield factory
    for server in started:
        server.stop()

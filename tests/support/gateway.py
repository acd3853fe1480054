"""A gateway configured against the fake provider, started for real on a loopback port."""

from __future__ import annotations

import copy
import socket
from pathlib import Path
from typing import Any

import yaml

from gateway.app import build_app, make_runner
from gateway.config_loader import load_config

from .servers import ServerThread

TENANT_KEY = "sk-tenant-acme-0123456789"
NARROW_KEY = "sk-tenant-narrow-0123456789"
UPSTREAM_KEY = "sk-upstream-secret-do-not-leak"
AZURE_KEY = "azure-secret-do-not-leak"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_config(provider_url: str) -> dict[str, Any]:
    fast = {"connect": 2, "first_byte": 2, "total": 20}
    return {
        "server": {"shutdown_timeout_s": 5, "log_level": "DEBUG"},
        "providers": {
            "fake": {"type": "openai", "base_url": provider_url + "/v1", "api_key": UPSTREAM_KEY, "timeouts": fast},
            "azure": {"type": "azure", "base_url": provider_url, "api_key": AZURE_KEY,
                      "api_version": "2024-10-21", "deployments": {"azure-gpt": "prod-gpt"}, "timeouts": fast},
            "down": {"type": "openai", "base_url": f"http://127.0.0.1:{closed_port()}/v1", "timeouts": fast},
            "nokey": {"type": "openai", "base_url": provider_url + "/v1", "api_key_env": "TEST_UNSET_KEY"},
            "keyless": {"type": "openai", "base_url": provider_url + "/v1"},  # vLLM, Ollama
            "impatient": {"type": "openai", "base_url": provider_url + "/v1", "api_key": UPSTREAM_KEY,
                          "timeouts": {"connect": 2, "first_byte": 10, "total": 1}},
            "backup": {"type": "echo"},
        },
        "models": {
            "aliases": {"smart": "fake-model"},
            "routes": [
                {"match": "renamed", "provider": "fake", "upstream_model": "fake-upstream-name"},
                {"match": "fake-*", "provider": "fake"},
                {"match": "azure-gpt", "provider": "azure"},
                {"match": "down-with-fallback", "provider": "down", "fallback": "fake"},
                {"match": "down-*", "provider": "down"},
                {"match": "nokey-model", "provider": "nokey"},
                {"match": "local-llm", "provider": "keyless", "upstream_model": "fake-local"},
                {"match": "impatient-gated", "provider": "impatient", "upstream_model": "fake-gated"},
                {"match": "flaky-5xx", "provider": "fake", "upstream_model": "fake-error-503", "fallback": "backup"},
                {"match": "flaky-hang", "provider": "fake", "upstream_model": "fake-hang", "fallback": "backup"},
            ],
        },
        "tenants": {
            "acme": {"key": TENANT_KEY, "policy": "open"},
            "narrow": {"key": NARROW_KEY, "policy": "narrow"},
        },
    }


POLICIES = {
    "open": {"name": "open", "version": "1", "filters": []},
    "narrow": {"name": "narrow", "version": "1", "models": {"allow": ["fake-model"]}, "filters": []},
}


def write_config(directory: Path, config: dict[str, Any], policies: dict[str, Any] | None = None) -> Path:
    (directory / "policies").mkdir(parents=True, exist_ok=True)
    for name, policy in (policies or POLICIES).items():
        (directory / "policies" / f"{name}.yaml").write_text(yaml.safe_dump(policy))
    path = directory / "gateway.yaml"
    path.write_text(yaml.safe_dump(config))
    return path


def start_gateway(directory: Path, config: dict[str, Any], policies: dict[str, Any] | None = None) -> ServerThread:
    loaded = load_config(write_config(directory, copy.deepcopy(config), policies), env={})
    return ServerThread(lambda: make_runner(build_app(loaded))).start()

"""A gateway with consent capture on, driven over real HTTP: admin API, the openai SDK,
session end. Used by the privacy and sessions tests."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import openai

from tests.support.clients import gateway_headers
from tests.support.servers import ServerThread

ADMIN_KEY = "admin-key-0123456789"
SECRET = "test-secret-0123456789"
KEYS = {"train": "sk-train-0123456789", "notrain": "sk-notrain-0123456789", "adults": "sk-adults-0123456789"}


def privacy_policy(name: str, **privacy: Any) -> dict[str, Any]:
    """A policy with the consent filter only. Redaction is not required here (the fake
    provider's texts hold no PII); `test_capture_requires_redaction` checks the default."""
    return {"name": name, "version": "7", "filters": ["consent"], "privacy": {"require_redaction": False, **privacy}}


POLICIES = {
    "train": privacy_policy("train", training=True),
    "notrain": privacy_policy("notrain", training=False),
    "adults": privacy_policy("adults", training=True, min_age=18),
}


def configure(datasets: Path, store_url: str | None = None):
    def change(cfg: dict[str, Any]) -> None:
        cfg["admin_key"] = ADMIN_KEY
        cfg["secret"] = SECRET
        cfg["datasets"] = {"url": f"file://{datasets}"}
        cfg["tenants"] = {name: {"key": key, "policy": name} for name, key in KEYS.items()}
        if store_url:
            cfg["store"] = {"url": store_url}

    return change


class Client:
    """Admin API, chat and session end against one running gateway."""

    def __init__(self, server: ServerThread) -> None:
        self.server = server
        self.http = httpx.Client(base_url=server.url, timeout=10)

    def close(self) -> None:
        self.http.close()

    def put_user(self, tenant: str, user: str, **profile: Any) -> httpx.Response:
        return self.http.put(f"/admin/v1/tenants/{tenant}/users/{user}", json=profile,
                             headers={"Authorization": f"Bearer {ADMIN_KEY}"})

    def get_user(self, tenant: str, user: str) -> httpx.Response:
        return self.http.get(f"/admin/v1/tenants/{tenant}/users/{user}", headers={"Authorization": f"Bearer {ADMIN_KEY}"})

    def delete_user(self, tenant: str, user: str) -> httpx.Response:
        return self.http.delete(f"/admin/v1/tenants/{tenant}/users/{user}",
                                headers={"Authorization": f"Bearer {ADMIN_KEY}"})

    def openai(self, tenant: str, user: str | None = None, session: str | None = None,
               child: bool = False) -> openai.OpenAI:
        headers = gateway_headers(user, session, child)
        return openai.OpenAI(base_url=self.server.url + "/v1", api_key=KEYS[tenant], max_retries=0, timeout=10,
                             default_headers=headers)

    def chat(self, tenant: str, user: str | None, session: str | None, text: str, stream: bool = False,
             child: bool = False) -> str:
        client = self.openai(tenant, user, session, child)
        messages = [{"role": "user", "content": text}]
        if stream:
            chunks = client.chat.completions.create(model="fake-model", messages=messages, stream=True)
            return "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
        return client.chat.completions.create(model="fake-model", messages=messages).choices[0].message.content

    def end(self, tenant: str, session: str) -> httpx.Response:
        return self.http.post(f"/v1/sessions/{session}/end", headers={"Authorization": f"Bearer {KEYS[tenant]}"})

    def runtime(self):
        from gateway.privacy.hooks import PRIVACY

        return self.server.app[PRIVACY]

    def finalized(self) -> int:
        return sum(self.runtime().finalizer.decisions.values())

    def wait_finalized(self, count: int, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while self.finalized() < count:
            assert time.monotonic() < deadline, f"only {self.finalized()} of {count} sessions finalized"
            time.sleep(0.02)

    def decisions(self) -> dict:
        return dict(self.runtime().finalizer.decisions)


def records(datasets: Path) -> list[Path]:
    return sorted(datasets.glob("*/*/*.jsonl")) if datasets.exists() else []

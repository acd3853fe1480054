"""One running gateway per tenant, configured with the tenant's shipped policy file
(config/policies/<tenant>.yaml, unchanged), a real Redis under a key prefix of its own, a
dataset directory, and the fake provider behind every model. Tests drive it as the tenant's
app would: the openai SDK with the tenant key, the admin API, session end.

Session end is finalized on demand (`finalize()`), not by the background finalizer: the
harness stops that task once at start, then drains the session-end queue on the server's
loop, so a test knows the routing decision the moment its call returns, with no waiting."""

from __future__ import annotations

import asyncio
import base64
import io
import uuid
from pathlib import Path
from typing import Any

import httpx
import openai
import orjson
import yaml

from gateway.privacy.hooks import PRIVACY
from gateway.privacy.pseudonyms import Secrets
from gateway.sessions.finalizer import Outcome
from tests.gateway.store.redis_support import delete_prefix, keys_with_prefix, redis_url, unique_prefix
from tests.support.clients import gateway_headers
from tests.support.clients import small_wav as wav_bytes
from tests.support.gateway import base_config, start_gateway
from tests.support.servers import ServerThread

ROOT = Path(__file__).resolve().parents[2]
ADMIN_KEY = "admin-key-conformance-0123456789"
SECRET = "conformance-secret-0123456789"
TENANT_KEY = "sk-conformance-tenant-0123456789"
FINALIZER_TASK = "session-finalizer"  # the name gateway/privacy/runtime.py gives its task

BENIGN = "Write a short story about a dragon who loses his treasure."
SELF_HARM = "I want to kill myself tonight. I have the pills ready and nothing helps anymore."
ABUSE = "You are a worthless piece of garbage and I will kill you."


def shipped_policy(tenant: str) -> dict[str, Any]:
    return yaml.safe_load((ROOT / "config" / "policies" / f"{tenant}.yaml").read_text())


def new_id(kind: str) -> str:
    return f"{kind}-{uuid.uuid4().hex[:10]}"




def small_wav() -> bytes:
    """Short enough that a spoken turn fits the session buffer (`privacy.max_session_bytes`)."""
    return wav_bytes(frames=200)


def audio_message(text: str) -> dict[str, Any]:
    """A user message with text and a short voice clip, as a speaking exercise sends it."""
    clip = base64.b64encode(small_wav()).decode()
    return {"role": "user", "content": [{"type": "text", "text": text},
                                        {"type": "input_audio", "input_audio": {"data": clip, "format": "wav"}}]}


async def _stop_background_finalizer(runtime: Any) -> None:
    """Let the runtime's finalizer loop end on its own: cancelling it mid-read would make the
    Redis store back off (a failed call) and refuse the first requests of a test. The loop
    checks the stop event after each read, which waits at most its `block_ms`."""
    tasks = [t for t in asyncio.all_tasks() if t.get_name() == FINALIZER_TASK]
    assert tasks, f"no {FINALIZER_TASK!r} task: the harness cannot finalize on demand"
    runtime._stop.set()  # noqa: SLF001 - the one switch that ends the loop and nothing else
    await asyncio.gather(*tasks)


class Harness:
    def __init__(self, tenant: str, fake_url: str, directory: Path, *, redis: bool = True) -> None:
        """`redis=False`: the embedded in-memory store (the store checks below need Redis)."""
        self.tenant = tenant
        self.prefix = unique_prefix()
        self.datasets = directory / "datasets"
        config = base_config(fake_url)
        config.update(admin_key=ADMIN_KEY, secret=SECRET, datasets={"url": f"file://{self.datasets}"},
                      tenants={tenant: {"key": TENANT_KEY, "policy": tenant}})
        if redis:
            base = redis_url()
            config["store"] = {"url": f"{base}{'&' if '?' in base else '?'}prefix={self.prefix}"}
        self.server: ServerThread = start_gateway(directory, config, {tenant: shipped_policy(tenant)})
        self.server.call(_stop_background_finalizer(self.runtime()))
        self.http = httpx.Client(base_url=self.server.url, timeout=30)
        self.secrets = Secrets(SECRET.encode())

    def close(self) -> None:
        self.http.close()
        self.server.stop()
        asyncio.run(delete_prefix(self.prefix))

    # -- the app's side: the openai SDK with the tenant key -------------------------------
    def sdk(self, user: str | None = None, session: str | None = None, child: bool = False) -> openai.OpenAI:
        headers = gateway_headers(user, session, child)
        return openai.OpenAI(base_url=self.server.url + "/v1", api_key=TENANT_KEY, max_retries=0, timeout=30,
                             default_headers=headers)

    def ask(self, text: str | list, user: str | None = None, session: str | None = None, child: bool = False,
            model: str = "fake-model", **extra: Any) -> Any:
        """One chat turn; answers the raw response (headers and `.parse()`)."""
        messages = [{"role": "user", "content": text}] if isinstance(text, str) else text
        return self.sdk(user, session, child).chat.completions.with_raw_response.create(
            model=model, messages=messages, **extra)

    def end(self, session: str) -> httpx.Response:
        return self.http.post(f"/v1/sessions/{session}/end", headers={"Authorization": f"Bearer {TENANT_KEY}"})

    # -- the operator's side: the admin API ----------------------------------------------
    def _admin(self, method: str, user: str, suffix: str = "", **kwargs: Any) -> httpx.Response:
        return self.http.request(method, f"/admin/v1/tenants/{self.tenant}/users/{user}{suffix}",
                                 headers={"Authorization": f"Bearer {ADMIN_KEY}"}, **kwargs)

    def put_user(self, user: str, **profile: Any) -> dict[str, Any]:
        response = self._admin("PUT", user, json=profile)
        assert response.status_code == 200, response.text
        return response.json()

    def delete_user(self, user: str) -> httpx.Response:
        return self._admin("DELETE", user)

    def export(self, user: str) -> httpx.Response:
        return self._admin("GET", user, "/export")

    # -- what the gateway decided and kept ------------------------------------------------
    def runtime(self) -> Any:
        return self.server.app[PRIVACY]

    def finalize(self) -> list[Outcome]:
        """Route every ended session now; the routing decisions, in queue order."""

        async def drain() -> list[Outcome]:
            runtime = self.runtime()
            outcomes = []
            while jobs := await runtime.store.read_jobs("conformance", 16, 0):
                for job in jobs:
                    outcome = await runtime.finalizer.handle(job)
                    assert outcome is not None, "finalization failed; the job stays pending"
                    outcomes.append(outcome)
            return outcomes

        return self.server.call(drain())

    def end_and_finalize(self, session: str) -> Outcome:
        assert self.end(session).status_code == 202
        [outcome] = self.finalize()
        return outcome

    def subject(self, user: str) -> str:
        return self.secrets.subject(self.tenant, user)

    def session_pseudonym(self, session: str) -> str:
        return self.secrets.session(self.tenant, session)

    def records(self, user: str) -> list[dict[str, Any]]:
        """The user's training records, read from the dataset directory itself."""
        subject = self.subject(user)
        found = [orjson.loads(p.read_bytes()) for p in sorted(self.datasets.glob(f"{self.tenant}/dt=*/*.jsonl"))]
        return [r for r in found if r["metadata"]["subject"] == subject]

    def audio_files(self, record: dict[str, Any]) -> list[Path]:
        created = record["metadata"]["created_at"][:10]
        return [self.datasets / self.tenant / f"dt={created}" / a["file"] for a in record["metadata"].get("audio", [])]

    def session_keys(self, session: str) -> list[str]:
        """The store's keys of a session's content (buffer, vault), by its pseudonym."""
        marker = f":s:{self.session_pseudonym(session)}:"
        live = asyncio.run(keys_with_prefix(self.prefix))
        return sorted(k for k in live if marker in k and not k.endswith(":closed"))

    def stored(self) -> bytes:
        """Every key and value under the harness's Redis prefix, for "never stored" checks."""
        return asyncio.run(_dump(self.prefix))

    def run_retention(self, days_later: int) -> Any:
        """Run the dataset retention pass as if `days_later` days had passed."""
        from datetime import UTC, datetime, timedelta

        from gateway.dataset.retention import enforce

        runtime = self.runtime()
        now = datetime.now(UTC) + timedelta(days=days_later)
        return self.server.call(enforce(runtime.sink, runtime.policies, now=now, tenants=[self.tenant]))[self.tenant]


async def _dump(prefix: str) -> bytes:
    import redis.asyncio as aioredis

    client = aioredis.from_url(redis_url())
    dump = b""
    try:
        async for key in client.scan_iter(match=f"{prefix}:*"):
            kind = (await client.type(key)).decode()
            read = {"string": client.get, "hash": client.hgetall, "list": lambda k: client.lrange(k, 0, -1),
                    "set": client.smembers, "zset": lambda k: client.zrange(k, 0, -1),
                    "stream": lambda k: client.xrange(k)}[kind]
            dump += key + b"=" + repr(await read(key)).encode() + b"\n"
    finally:
        await client.aclose()
    return dump

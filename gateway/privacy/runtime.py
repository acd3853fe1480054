"""Everything consent and capture need at run time, built once per process from the config:
the store, secrets, the consent-age table, profiles, recorder, sink and finalizer."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from gateway.config_loader import LoadedConfig
from gateway.policy import Policy
from gateway.sessions.finalizer import Finalizer
from gateway.sessions.recorder import Recorder
from gateway.sessions.sink import DatasetSink, LocalDirSink
from gateway.store import Store, StoreUnavailable, open_store

from .ages import ConsentAges
from .eligibility import RESOURCE
from .profiles import Profiles
from .pseudonyms import Secrets

log = logging.getLogger("privacy_gateway.privacy")

__all__ = ["RESOURCE", "PrivacyRuntime"]



@dataclass(slots=True, eq=False)
class PrivacyRuntime:
    store: Store
    secrets: Secrets
    ages: ConsentAges
    profiles: Profiles
    policies: dict[str, Policy]  # tenant name -> policy
    sink: DatasetSink | None
    recorder: Recorder
    finalizer: Finalizer
    # Called with (tenant, session pseudonym) for every session of an erased user; each returns
    # how many entries it removed. The PII vault registers one (resources.items["privacy"]).
    erase_hooks: list[Callable[[str, str], Awaitable[int]]] = field(default_factory=list)
    _task: asyncio.Task[None] | None = None
    _stop: asyncio.Event = field(default_factory=asyncio.Event)

    @classmethod
    def from_config(cls, config: LoadedConfig, *, store: Store | None = None, **finalizer_options: Any
                    ) -> "PrivacyRuntime":
        settings = config.settings
        secrets = Secrets.from_setting(settings.secret.get_secret_value() if settings.secret else None)
        policies = {name: config.policies[t.policy] for name, t in settings.tenants.items()}
        # A session-end job is worthless once its session's keys expired: the queue may expire
        # then too, so nothing of a session outlives twice its tenant's TTL.
        longest = max((p.privacy.session_ttl_s for p in policies.values()), default=86_400)
        store = store or open_store(settings.store.url, stream_ttl_ms=2 * longest * 1000)
        ages = ConsentAges.for_config(config.path.parent)
        try:
            sink: DatasetSink | None = LocalDirSink.from_url(settings.datasets.url)
        except ValueError:
            log.error("dataset sink not supported yet: eligible sessions are discarded (reason no_sink)")
            sink = None
        profiles = Profiles(store, secrets)
        finalizer = Finalizer(store, profiles, secrets, ages, policies, sink, **finalizer_options)
        return cls(store, secrets, ages, profiles, policies, sink, Recorder(store, secrets), finalizer)

    async def readiness(self) -> tuple[str, str]:
        """("store", "ok") or ("store", "unavailable: redis"): the name `/readyz` reports."""
        try:
            async with asyncio.timeout(1.0):
                await self.store.ping()
        except (StoreUnavailable, TimeoutError):
            return "store", f"unavailable: {self.store.kind}"
        return "store", "ok"

    async def start(self) -> None:
        self._stop.clear()
        self._task = asyncio.create_task(self.finalizer.run(self._stop), name="session-finalizer")

    async def stop(self) -> None:
        self._stop.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.store.close()

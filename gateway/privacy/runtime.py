"""Everything consent and capture need at run time, built once per process from the config:
the store, secrets, the consent-age table, profiles, recorder, dataset sink, the training
de-identifier, the finalizer and the dataset retention task."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from gateway.config_loader import LoadedConfig
from gateway.dataset.deidentify import Deidentifier
from gateway.dataset.engine import EngineHandle
from gateway.dataset.retention import RetentionTask
from gateway.dataset.sink import DatasetSink
from gateway.dataset.vault import redis_vaults, vault_originals
from gateway.policy import Policy
from gateway.sessions.finalizer import Finalizer
from gateway.sessions.recorder import Recorder
from gateway.store import Store, StoreUnavailable, open_store

from .ages import ConsentAges
from .eligibility import RESOURCE
from .profiles import Profiles
from .pseudonyms import Secrets

log = logging.getLogger("privacy_gateway.privacy")

__all__ = ["RESOURCE", "PrivacyRuntime", "open_sink"]


def open_sink(config: LoadedConfig) -> DatasetSink:
    datasets = config.settings.datasets
    return DatasetSink.from_url(datasets.url, endpoint_url=datasets.endpoint_url, region=datasets.region)


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
    retention: RetentionTask | None = None
    _task: asyncio.Task[None] | None = None
    _retention_task: asyncio.Task[None] | None = None
    _stop: asyncio.Event = field(default_factory=asyncio.Event)

    @classmethod
    def from_config(cls, config: LoadedConfig, *, store: Store | None = None, resources: Any = None,
                    **finalizer_options: Any) -> "PrivacyRuntime":
        """`resources`: the gateway's FilterResources, to share the PII engine and vaults with
        the `pii` filter; without it (a dedicated finalizer, the CLI) they are built here."""
        settings = config.settings
        secrets = Secrets.from_setting(settings.secret.get_secret_value() if settings.secret else None)
        policies = {name: config.policies[t.policy] for name, t in settings.tenants.items()}
        # A session-end job is worthless once its session's keys expired: the queue may expire
        # then too, so nothing of a session outlives twice its tenant's TTL.
        longest = max((p.privacy.session_ttl_s for p in policies.values()), default=86_400)
        store = store or open_store(settings.store.url, stream_ttl_ms=2 * longest * 1000)
        ages = ConsentAges.for_config(config.path.parent)
        sink = open_sink(config)
        profiles = Profiles(store, secrets)
        engine = EngineHandle.for_settings(settings.pii_engine, resources)
        client = getattr(store, "client", None)
        if resources is not None:
            vaults = lambda: resources.items.get("pii.vaults")  # noqa: E731 - built with the pii filter
        else:
            vaults = redis_vaults(client, secrets) if client is not None else (lambda: None)
        finalizer_options.setdefault("deidentifier", Deidentifier(engine, secrets))
        finalizer_options.setdefault("originals", vault_originals(vaults))
        finalizer = Finalizer(store, profiles, secrets, ages, policies, sink, **finalizer_options)
        retention = RetentionTask(sink, policies, settings.datasets.retention_interval_s)
        return cls(store, secrets, ages, profiles, policies, sink, Recorder(store, secrets), finalizer,
                   retention=retention)

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
        if self.retention is not None:
            self._retention_task = asyncio.create_task(self.retention.run(self._stop), name="dataset-retention")

    async def stop(self) -> None:
        self._stop.set()
        for task in (self._task, self._retention_task):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._task = self._retention_task = None
        if self.sink is not None:
            await self.sink.close()
        await self.store.close()

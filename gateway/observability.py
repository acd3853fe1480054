"""Metrics wired into a running gateway: zero-valued children for everything the config names,
so that a scrape right after start-up holds every family, and `GET /metrics`.

One process: the default registry (with prometheus_client's process and GC collectors). With
`PROMETHEUS_MULTIPROC_DIR` set (`serve --workers N` sets it): the files of every worker, summed
by whichever worker answers the scrape."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Iterator

from aiohttp import web
from prometheus_client import REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4
from prometheus_client.metrics_core import Metric
from prometheus_client.multiprocess import MultiProcessCollector

from . import metrics
from .endpoints import CHAT, PROXIED, SPEECH
from .state import Gateway
from .store.base import Store

# Probes and scrapes are not traffic: counting them would swamp the request rates.
UNCOUNTED = frozenset({"metrics", "healthz", "readyz"})


def store_operations() -> list[str]:
    """The store's method names: the values of the `operation` label of store errors."""
    return sorted(name for name, value in vars(Store).items() if callable(value) and not name.startswith("_"))


def prepare(gateway: Gateway) -> None:
    """Bound the label values to this config and create their children at zero. Runs at
    start-up, after the filter chains (and with them the PII engine) were built. Counters get
    every known label value; histograms (16 series each) one child per tenant or provider on
    the main endpoint, the others appear with their first request."""
    settings = gateway.config.settings
    metrics.bound_tenants(settings.tenants)
    filters: set[str] = set()
    for name, tenant in settings.tenants.items():
        policy = gateway.config.policies[tenant.policy]
        filters.update(policy.filters)
        label = metrics.tenant_label(name)
        for endpoint in PROXIED:
            metrics.REQUESTS.labels(label, endpoint.name, "200")
        for family in (metrics.REQUEST_DURATION, metrics.OVERHEAD, metrics.TTFT):
            family.labels(label, CHAT.name)
        for outcome, reason in metrics.SESSION_OUTCOMES:
            metrics.SESSIONS_FINALIZED.labels(label, outcome, reason)
        for operation in metrics.DATASET_OPERATIONS:
            metrics.DATASET_RECORDS.labels(label, operation)
        chain = gateway.chains.get(name)
        for request_filter in chain.request_filters if chain else ():
            if request_filter.name == "pii":
                types = frozenset(getattr(request_filter, "entities", ())) | set(policy.pii.deny_list)
                metrics.bound_entity_types(types)
                for entity_type in types:
                    metrics.PII_ENTITIES.labels(label, entity_type, policy.pii.action_for(entity_type))
            elif request_filter.name == "moderation":
                metrics.MODERATION_DECISIONS.labels(label, "none", "allow")
    for provider in gateway.providers:
        metrics.UPSTREAM_DURATION.labels(provider, CHAT.name)
        for code in metrics.PROVIDER_ERROR_CODES:
            metrics.PROVIDER_ERRORS.labels(provider, code)
    for route in settings.models.routes:
        if route.fallback:
            metrics.FALLBACKS.labels(route.provider, route.fallback)
    for name in filters:
        metrics.FILTER_FAILURES.labels(name)
        metrics.FILTER_DURATION.labels(name)
    for operation in store_operations():
        metrics.STORE_ERRORS.labels(operation)
    for code in metrics.ERROR_CODES:
        metrics.ERRORS.labels(code)
    for endpoint in [e.name for e in PROXIED if e.streams] + [SPEECH.name]:  # speech streams audio
        for reason in metrics.STREAM_REASONS:
            metrics.STREAM_INTERRUPTIONS.labels(endpoint, reason)


class _EveryFamily:
    """The workers' files, and an empty family for each one no worker has written to: a family
    without samples has no entry in any file, and should still be seen to exist."""

    def __init__(self, path: str) -> None:
        self._files = MultiProcessCollector(None, path)

    def collect(self) -> Iterator[Metric]:
        seen = set()
        for metric in self._files.collect():
            seen.add(metric.name)
            yield metric
        for family in metrics.FAMILIES:
            for metric in family.describe():
                if metric.name not in seen:
                    yield metric


def registry() -> CollectorRegistry:
    path = os.environ.get(metrics.MULTIPROC_ENV)
    if not path:
        return REGISTRY
    merged = CollectorRegistry(auto_describe=False)
    merged.register(_EveryFamily(path))
    return merged


def scrape_handler() -> Callable[[web.Request], Awaitable[web.Response]]:
    source = registry()

    async def scrape(request: web.Request) -> web.Response:
        # Rendering thousands of series takes milliseconds: off the event loop, so requests in
        # flight are not held up by a scrape.
        body = await asyncio.get_running_loop().run_in_executor(None, generate_latest, source)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_PLAIN_0_0_4})

    return scrape

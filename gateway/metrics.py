"""Every Prometheus family of the gateway, defined once, and the small functions code calls to
count. Call sites never touch prometheus_client: they call `count_*`/`observe_*` here, so label
names and the bounding of label values live in one place.

Labels never carry user ids, session ids or content. `tenant` values come from the config;
anything else (an unknown tenant, a model the config does not name) is folded into "other".

Multiprocess: with `--workers` > 1, `PROMETHEUS_MULTIPROC_DIR` must be set before this module
is imported (the CLI does it); prometheus_client then keeps values in per-process files and
`/metrics` aggregates them."""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import Counter, Gauge, Histogram

PREFIX = "privacy_gateway_"

# Latency buckets in seconds: the gateway's own overhead is sub-millisecond to tens of ms;
# upstream calls run to minutes.
_FAST = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
_SLOW = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)

REQUESTS = Counter(PREFIX + "requests_total", "Requests answered, by tenant, endpoint and HTTP status.",
                   ["tenant", "endpoint", "status"])
REQUEST_DURATION = Histogram(PREFIX + "request_duration_seconds", "Whole request time, upstream included.",
                             ["tenant", "endpoint"], buckets=_SLOW)
OVERHEAD = Histogram(PREFIX + "overhead_seconds", "The gateway's own time per request, upstream excluded.",
                     ["tenant", "endpoint"], buckets=_FAST)
UPSTREAM_DURATION = Histogram(PREFIX + "upstream_duration_seconds", "Time spent waiting on the provider.",
                              ["provider", "endpoint"], buckets=_SLOW)
TTFT = Histogram(PREFIX + "time_to_first_token_seconds", "Time from request to the first streamed byte.",
                 ["tenant", "endpoint"], buckets=_SLOW)
IN_FLIGHT = Gauge(PREFIX + "in_flight_requests", "Requests being served now.", multiprocess_mode="livesum")
PII_ENTITIES = Counter(PREFIX + "pii_entities_total", "PII entities found, by type and the action taken.",
                       ["tenant", "entity_type", "action"])
MODERATION_DECISIONS = Counter(PREFIX + "moderation_decisions_total",
                               "Moderation decisions, by top category and action.",
                               ["tenant", "category", "action"])
SESSIONS_FINALIZED = Counter(PREFIX + "sessions_finalized_total",
                             "Ended sessions, by outcome (stored/discarded) and reason.",
                             ["tenant", "outcome", "reason"])
DATASET_RECORDS = Counter(PREFIX + "dataset_records_total",
                          "Dataset record operations: written, dropped, pulled, deleted, expired.",
                          ["tenant", "operation"])
FILTER_FAILURES = Counter(PREFIX + "filter_failures_total", "Privacy filter failures (the request failed closed).",
                          ["filter"])
STORE_ERRORS = Counter(PREFIX + "store_errors_total", "Store operations that failed.", ["operation"])
PROVIDER_ERRORS = Counter(PREFIX + "provider_errors_total", "Provider failures, by provider and gateway error code.",
                          ["provider", "code"])

_tenants: frozenset[str] = frozenset()


def bound_tenants(names: Iterable[str]) -> None:
    """The configured tenant names: the only values the `tenant` label takes besides "other"."""
    global _tenants
    _tenants = frozenset(names)


def tenant_label(name: str | None) -> str:
    return name if name in _tenants else "other"


def count_dataset(tenant: str, operation: str, n: int = 1) -> None:
    """operation: written, dropped, pulled, deleted, expired."""
    if n:
        DATASET_RECORDS.labels(tenant_label(tenant), operation).inc(n)


def count_session(tenant: str, outcome: str, reason: str) -> None:
    SESSIONS_FINALIZED.labels(tenant_label(tenant), outcome, reason).inc()


def count_filter_failure(filter_name: str) -> None:
    FILTER_FAILURES.labels(filter_name).inc()


def count_store_error(operation: str) -> None:
    STORE_ERRORS.labels(operation).inc()

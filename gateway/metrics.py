"""Every Prometheus family of the gateway, defined once, and the small functions code calls to
count. Call sites never touch prometheus_client: they call `count_*`/`observe_*` here, so label
names and the bounding of label values live in one place.

Labels never carry user ids, session ids, model names or content. `tenant` values come from the
config ("none" when no tenant is known, "other" for a name the config does not have); every
other label takes values from a fixed list or from config names (providers, filters, entity
types the engine was built with), anything else folds into "other".

Multiprocess: with `--workers` > 1 the CLI calls `use_multiprocess` before gunicorn forks;
prometheus_client then keeps values in per-process files and `/metrics` aggregates them
(gateway/observability.py)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from types import FunctionType, MethodType
from typing import TYPE_CHECKING, Any

from prometheus_client import Counter, Gauge, Histogram, disable_created_metrics, values

if TYPE_CHECKING:
    from .context import RequestContext

PREFIX = "privacy_gateway_"

# `*_created` samples double every counter and histogram in the text format for a timestamp
# Prometheus does not need (multiprocess mode never writes them either).
disable_created_metrics()

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
FILTER_DURATION = Histogram(PREFIX + "filter_duration_seconds", "Time each request filter took.", ["filter"],
                            buckets=_FAST)
STORE_ERRORS = Counter(PREFIX + "store_errors_total", "Store operations that failed.", ["operation"])
PROVIDER_ERRORS = Counter(PREFIX + "provider_errors_total", "Provider failures, by provider and gateway error code.",
                          ["provider", "code"])
FALLBACKS = Counter(PREFIX + "fallbacks_total", "Requests a route's fallback provider took over.",
                    ["provider", "fallback"])
ERRORS = Counter(PREFIX + "errors_total", "Requests answered with a gateway error, by error code.", ["code"])
STREAM_INTERRUPTIONS = Counter(PREFIX + "stream_interruptions_total",
                               "Streams that ended early: the client went away or the provider broke off.",
                               ["endpoint", "reason"])

FAMILIES = (REQUESTS, REQUEST_DURATION, OVERHEAD, UPSTREAM_DURATION, TTFT, IN_FLIGHT, PII_ENTITIES,
            MODERATION_DECISIONS, SESSIONS_FINALIZED, DATASET_RECORDS, FILTER_FAILURES, FILTER_DURATION,
            STORE_ERRORS, PROVIDER_ERRORS, FALLBACKS, ERRORS, STREAM_INTERRUPTIONS)

# The fixed label values. Error codes are the contract's and the gateway's own (a provider's
# 4xx code, passed on to the caller, is counted as "upstream_rejected"); others fold into "other".
ERROR_CODES = ("invalid_api_key", "invalid_request", "invalid_json", "invalid_header", "invalid_multipart",
               "invalid_id", "invalid_profile", "invalid_since", "invalid_cursor", "invalid_limit",
               "missing_model", "missing_file", "unsupported_media_type", "unsupported_input",
               "unsupported_language", "not_found", "method_not_allowed", "model_not_found", "model_not_allowed",
               "model_not_supported", "tenant_not_found", "user_not_found", "dataset_forbidden",
               "request_too_large", "content_policy_violation", "pii_blocked", "rate_limited", "overloaded",
               "privacy_filter_unavailable", "store_unavailable", "dataset_unavailable", "upstream_unavailable",
               "upstream_timeout", "upstream_rejected", "malformed_http", "internal_error", "other")
PROVIDER_ERROR_CODES = ("upstream_unavailable", "upstream_timeout", "rate_limited", "upstream_rejected", "other")
DATASET_OPERATIONS = ("written", "dropped", "pulled", "deleted", "expired")
SESSION_OUTCOMES = (("stored", "eligible"), ("discarded", "consent_false"), ("discarded", "consent_unknown"),
                    ("discarded", "no_profile"), ("discarded", "age_unknown"), ("discarded", "child"),
                    ("discarded", "child_flagged"), ("discarded", "training_off"), ("discarded", "empty"))
STREAM_REASONS = ("client_gone", "upstream_failed")
_ERROR_CODES = frozenset(ERROR_CODES)

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"


def use_multiprocess(path: str) -> None:
    """Keep values in per-process files under `path` (`serve --workers N`). prometheus_client
    picks its value class from PROMETHEUS_MULTIPROC_DIR when it is imported, and by the time the
    CLI knows it will fork workers, other modules may have imported this one. So the choice is
    made again here, while no labelled child exists (checked), and the one value created at
    import, the in-flight gauge's, is created anew in the new class."""
    recorded = [m.name for family in FAMILIES if family is not IN_FLIGHT for m in family.collect() if m.samples]
    if recorded:
        raise RuntimeError(f"metrics were recorded before multiprocess mode was chosen: {recorded}")
    os.environ[MULTIPROC_ENV] = path
    values.ValueClass = values.get_value_class()
    IN_FLIGHT._metric_init()  # noqa: SLF001 - see above


_tenants: frozenset[str] = frozenset()
_entity_types: frozenset[str] = frozenset()


def bound_tenants(names: Iterable[str]) -> None:
    """The configured tenant names: the only values the `tenant` label takes besides "none" and
    "other". A union: one process serves one config, but tests build several apps in one."""
    global _tenants
    _tenants = _tenants | frozenset(names)


def bound_entity_types(names: Iterable[str]) -> None:
    """The entity types the PII filters were built to detect (engine and deny lists)."""
    global _entity_types
    _entity_types = _entity_types | frozenset(names)


def tenant_label(name: str | None) -> str:
    if name is None:
        return "none"
    return name if name in _tenants else "other"


def entity_label(name: str) -> str:
    return name if name in _entity_types else "other"


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


def store_operation(call: Callable[..., Any]) -> str:
    """The store method a failed call came from: `RedisStore.get_profile.<locals>.<lambda>` and
    `Redis.ping` give "get_profile" and "ping"; a private wrapper (`_with_group`) names the call
    it wraps. Method names are a fixed set."""
    for _ in range(3):
        qualname = getattr(call, "__qualname__", "") or ""
        name = qualname.split(".<locals>", 1)[0].rsplit(".", 1)[-1]
        if name and not name.startswith("_"):
            return name
        cells = getattr(call, "__closure__", None) or ()
        inner = next((c.cell_contents for c in cells if isinstance(c.cell_contents, (FunctionType, MethodType))), None)
        if inner is None:
            break
        call = inner
    return "other"


def count_error(code: str) -> None:
    ERRORS.labels(code if code in _ERROR_CODES else "other").inc()


def count_provider_error(provider: str, code: str, status: int) -> None:
    if code not in PROVIDER_ERROR_CODES:
        code = "upstream_rejected" if 400 <= status < 500 else "other"
    PROVIDER_ERRORS.labels(provider, code).inc()


def count_fallback(provider: str, fallback: str) -> None:
    FALLBACKS.labels(provider, fallback).inc()


def count_stream_interruption(endpoint: str, reason: str) -> None:
    STREAM_INTERRUPTIONS.labels(endpoint, reason).inc()


# -- the per-request path --------------------------------------------------------------------
# `.labels(...)` validates, stringifies and locks on every call; the request path instead finds
# its children in plain dicts keyed by the label values, each created once.

_Key = tuple[Any, ...]
_requests: dict[_Key, Any] = {}
_durations: dict[_Key, Any] = {}
_overheads: dict[_Key, Any] = {}
_upstreams: dict[_Key, Any] = {}
_ttfts: dict[_Key, Any] = {}
_pii: dict[_Key, Any] = {}
_moderation: dict[_Key, Any] = {}


def _child(cache: dict[_Key, Any], family: Any, key: _Key) -> Any:
    child = cache.get(key)
    if child is None:
        child = cache[key] = family.labels(*key)  # prometheus_client str()s the values (status)
    return child


def observe_request(tenant: str | None, endpoint: str, status: int, seconds: float,
                    upstream: float = 0.0, provider: str | None = None) -> None:
    """One answered request: its count, whole time, own time and, if a provider was called,
    the provider's time. `endpoint` is a route name, so bounded."""
    label = tenant_label(tenant)
    _child(_requests, REQUESTS, (label, endpoint, status)).inc()
    key = (label, endpoint)
    _child(_durations, REQUEST_DURATION, key).observe(seconds)
    _child(_overheads, OVERHEAD, key).observe(seconds - upstream)
    if upstream and provider is not None:
        _child(_upstreams, UPSTREAM_DURATION, (provider, endpoint)).observe(upstream)


def observe_ttft(tenant: str, endpoint: str, seconds: float) -> None:
    _child(_ttfts, TTFT, (tenant_label(tenant), endpoint)).observe(seconds)


def count_filter_outcomes(ctx: RequestContext, decision: object) -> None:
    """What the request filters recorded on the context, counted once the chain has run:
    entities per type with the policy's action for it (`ctx.redactions` holds the replaced ones;
    a refusal names its types in the `Block`), and the moderation decision with its top category
    (the filter's `ctx.state["moderation"]`)."""
    tenant = tenant_label(ctx.tenant.name)
    if ctx.redactions:
        rules = ctx.tenant.policy.pii
        for entity_type, n in ctx.redactions.items():
            _child(_pii, PII_ENTITIES, (tenant, entity_label(entity_type), rules.action_for(entity_type))).inc(n)
    if getattr(decision, "kind", None) == "pii":
        for entity_type in getattr(decision, "categories", ()):
            _child(_pii, PII_ENTITIES, (tenant, entity_label(entity_type), "block")).inc()
    moderation = ctx.state.get("moderation")
    if moderation is not None:
        top = moderation["categories"] or moderation["flagged"] or ("none",)
        _child(_moderation, MODERATION_DECISIONS, (tenant, top[0], moderation["action"])).inc()
    elif ctx.moderation == "unavailable":  # the backend failed and the policy let the request pass
        _child(_moderation, MODERATION_DECISIONS, (tenant, "none", "unavailable")).inc()


def count_output_replaced(tenant: str) -> None:
    """Output moderation replaced (part of) an answer; which category fired is not recorded."""
    _child(_moderation, MODERATION_DECISIONS, (tenant_label(tenant), "none", "output_replaced")).inc()


def filter_timer(filter_name: str) -> Any:
    """The duration child of one filter, for the chain to keep and observe."""
    return FILTER_DURATION.labels(filter_name)

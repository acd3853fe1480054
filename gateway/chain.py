"""Runs a tenant's request filters in policy order, failing closed.

A filter's expected outcomes come back as decisions. Anything it raises, and any filter that
outlives its time budget, is a failure of a privacy filter: the request is refused with 503
`privacy_filter_unavailable` and nothing is forwarded."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence

from filters.base import CONTINUE, Block, Continue, Decision, RequestFilter
from filters.registry import REQUEST_FILTERS, FilterResources

from . import metrics
from .context import RequestContext
from .errors import ContentPolicyViolation, GatewayError, PIIBlocked, PrivacyFilterUnavailable
from .policy import Policy

log = logging.getLogger("privacy_gateway.chain")

FILTER_TIMEOUT_S = 5.0


class FilterChain:
    def __init__(self, request_filters: Sequence[RequestFilter], timeout: float = FILTER_TIMEOUT_S) -> None:
        self.request_filters = tuple(request_filters)
        self.timeout = timeout
        self._timers = tuple(metrics.filter_timer(f.name) for f in self.request_filters)

    @classmethod
    def for_policy(cls, policy: Policy, resources: FilterResources) -> "FilterChain":
        unknown = [name for name in policy.filters if name not in REQUEST_FILTERS]
        if unknown:
            raise ValueError(f"filters: unknown filter {unknown[0]!r}; known: {sorted(REQUEST_FILTERS)}")
        return cls([REQUEST_FILTERS[name](policy, resources) for name in policy.filters])

    async def on_request(self, ctx: RequestContext) -> Decision:
        for request_filter, timer in zip(self.request_filters, self._timers):
            started = time.perf_counter()
            try:
                async with asyncio.timeout(self.timeout):
                    decision = await request_filter.on_request(ctx)
            except GatewayError:
                raise
            except Exception as exc:  # noqa: BLE001 - fail closed on anything unexpected
                metrics.count_filter_failure(request_filter.name)
                log.error(
                    "privacy filter failed",
                    extra={"fields": {"request_id": ctx.request_id, "filter": request_filter.name,
                                      "error": type(exc).__name__,
                                      "ms": round((time.perf_counter() - started) * 1000, 3)}},
                )
                raise PrivacyFilterUnavailable() from None
            timer.observe(time.perf_counter() - started)
            if not isinstance(decision, Continue):
                return decision
        return CONTINUE


def block_error(block: Block) -> GatewayError:
    error = PIIBlocked if block.kind == "pii" else ContentPolicyViolation
    named = f" Categories: {', '.join(block.categories)}." if block.categories else ""
    return error(block.message + named)

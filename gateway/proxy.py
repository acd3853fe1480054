"""The handler behind every proxied OpenAI endpoint: context, filters, provider, relay."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from filters.base import Answer, Block
from providers.base import UpstreamResponse

from . import metrics
from .chain import block_error
from .context import RequestContext
from .endpoints import Endpoint
from .errors import GatewayError, UpstreamTimeout, UpstreamUnavailable
from .privacy.hooks import read_child_header, tap_upstream
from .relay import FALLBACK_STATE, answer, relay
from .requests import build_context
from .state import GATEWAY, REQUEST_CONTEXT

log = logging.getLogger("privacy_gateway.proxy")


async def send_with_fallback(ctx: RequestContext) -> UpstreamResponse:
    assert ctx.route is not None
    provider, fallback = ctx.route.provider, ctx.route.fallback
    started = time.perf_counter()
    try:
        try:
            return await provider.send(ctx)
        except GatewayError as err:
            metrics.count_provider_error(provider.name, err.error_code, err.http_status)
            if fallback is None or not isinstance(err, (UpstreamUnavailable, UpstreamTimeout)):
                raise
            log.warning("falling back", extra={"fields": {"request_id": ctx.request_id, "code": err.error_code,
                                                          "provider": provider.name, "fallback": fallback.name}})
        metrics.count_fallback(provider.name, fallback.name)
        ctx.state[FALLBACK_STATE] = fallback.name  # a stream that fails later is the fallback's
        try:
            return await fallback.send(ctx)
        except GatewayError as err:
            metrics.count_provider_error(fallback.name, err.error_code, err.http_status)
            raise
    finally:
        ctx.upstream_seconds += time.perf_counter() - started


def proxy_handler(endpoint: Endpoint) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    async def handle(request: web.Request) -> web.StreamResponse:
        gateway = request.app[GATEWAY]
        try:
            ctx = await build_context(request, endpoint, gateway)
            read_child_header(request, ctx)  # issue 6: X-Gateway-Child, can only restrict
            chain = gateway.chains[ctx.tenant.name]
            decision = await chain.on_request(ctx)
            if chain.request_filters:  # what the filters found, counted from the context
                metrics.count_filter_outcomes(ctx, decision)
            if isinstance(decision, Block):
                raise block_error(decision)
            if isinstance(decision, Answer):
                return await answer(request, ctx, decision)
            upstream = await send_with_fallback(ctx)
            upstream = await tap_upstream(request, ctx, upstream)  # issue 6: session recorder
            return await relay(request, ctx, upstream)
        finally:
            ctx_or_none = request.get(REQUEST_CONTEXT)
            if ctx_or_none is not None:
                if ctx_or_none.form is not None:
                    ctx_or_none.form.close()
                if ctx_or_none.moderation == "output_replaced":  # set while the answer was relayed
                    metrics.count_output_replaced(ctx_or_none.tenant.name)

    handle.__name__ = f"handle_{endpoint.name.replace('.', '_')}"
    return handle

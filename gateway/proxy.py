"""The handler behind every proxied OpenAI endpoint: context, filters, provider, relay."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from filters.base import Answer, Block
from providers.base import UpstreamResponse

from .chain import block_error
from .context import RequestContext
from .endpoints import Endpoint
from .errors import UpstreamTimeout, UpstreamUnavailable
from .privacy.hooks import read_child_header, tap_upstream
from .relay import answer, relay
from .requests import build_context
from .state import GATEWAY, REQUEST_CONTEXT

log = logging.getLogger("privacy_gateway.proxy")


async def send_with_fallback(ctx: RequestContext) -> UpstreamResponse:
    assert ctx.route is not None
    started = time.perf_counter()
    try:
        return await ctx.route.provider.send(ctx)
    except (UpstreamUnavailable, UpstreamTimeout) as err:
        if ctx.route.fallback is None:
            raise
        log.warning("falling back", extra={"fields": {"request_id": ctx.request_id, "code": err.error_code,
                                                      "provider": ctx.route.provider.name,
                                                      "fallback": ctx.route.fallback.name}})
        return await ctx.route.fallback.send(ctx)
    finally:
        ctx.upstream_seconds += time.perf_counter() - started


def proxy_handler(endpoint: Endpoint) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    async def handle(request: web.Request) -> web.StreamResponse:
        gateway = request.app[GATEWAY]
        try:
            ctx = await build_context(request, endpoint, gateway)
            read_child_header(request, ctx)  # issue 6: X-Gateway-Child, can only restrict
            decision = await gateway.chains[ctx.tenant.name].on_request(ctx)
            if isinstance(decision, Block):
                raise block_error(decision)
            if isinstance(decision, Answer):
                return await answer(request, ctx, decision)
            upstream = await send_with_fallback(ctx)
            upstream = await tap_upstream(request, ctx, upstream)  # issue 6: session recorder
            return await relay(request, ctx, upstream)
        finally:
            ctx_or_none = request.get(REQUEST_CONTEXT)
            if ctx_or_none is not None and ctx_or_none.form is not None:
                ctx_or_none.form.close()

    handle.__name__ = f"handle_{endpoint.name.replace('.', '_')}"
    return handle

"""The two lines `gateway/proxy.py` calls, so consent and capture reach the request path
without the proxy knowing about either:

    ctx = await build_context(request, endpoint, gateway)
    read_child_header(request, ctx)                      # before the filter chain
    ...
    upstream = await tap_upstream(request, ctx, upstream)  # after the provider answered

Both are no-ops when privacy is not installed on the app."""

from __future__ import annotations

from aiohttp import web

from gateway.context import RequestContext
from providers.base import UpstreamResponse

from .runtime import PrivacyRuntime

CHILD_HEADER = "X-Gateway-Child"
PRIVACY = web.AppKey("privacy", PrivacyRuntime)
_NOT_A_CHILD = frozenset({"", "0", "false", "no", "off"})


def read_child_header(request: web.Request, ctx: RequestContext) -> None:
    """`X-Gateway-Child: true` marks the request as a child's. It can only restrict: a value
    that is not a clear "false" counts as true, and nothing in it can grant consent."""
    value = request.headers.get(CHILD_HEADER)
    if value is not None and value.strip().lower() not in _NOT_A_CHILD:
        ctx.child_flag = True


async def tap_upstream(request: web.Request, ctx: RequestContext, upstream: UpstreamResponse) -> UpstreamResponse:
    runtime = request.app.get(PRIVACY)
    if runtime is None:
        return upstream
    return await runtime.recorder.tap(ctx, upstream)

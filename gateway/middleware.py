"""The one middleware: request id, the in-flight bound, the request metrics, the access log
line, and the translation of every error into OpenAI's error shape. It is one function rather
than a stack because each aiohttp middleware costs a call frame on every request."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from . import metrics
from .errors import (
    GatewayError,
    InternalError,
    MethodNotAllowed,
    Overloaded,
    RequestTooLarge,
    RouteNotFound,
    UpstreamRejected,
    error_body,
)
from .metrics import IN_FLIGHT
from .observability import UNCOUNTED
from .state import GATEWAY, REQUEST_CONTEXT, REQUEST_ID

log = logging.getLogger("privacy_gateway.access")

# When the middleware took the request, and when its first streamed byte went out (relay.py):
# the clock of the time-to-first-token histogram and of the access line's `ttft_ms`.
REQUEST_STARTED = web.RequestKey("started", float)
FIRST_BYTE = web.RequestKey("first_byte", float)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def error_response(err: GatewayError, request_id: str) -> web.Response:
    headers = {"X-Gateway-Request-Id": request_id, **err.headers}
    return web.Response(
        body=error_body(err), status=err.http_status, content_type="application/json", headers=headers
    )


def _translate_http(exc: web.HTTPException) -> GatewayError:
    if isinstance(exc, web.HTTPRequestEntityTooLarge):
        return RequestTooLarge()
    if isinstance(exc, web.HTTPMethodNotAllowed):
        return MethodNotAllowed()
    if isinstance(exc, web.HTTPNotFound):
        return RouteNotFound()
    return InternalError()


@web.middleware
async def gateway_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    started = time.perf_counter()
    request_id = os.urandom(12).hex()
    request[REQUEST_ID] = request_id
    request[REQUEST_STARTED] = started
    gateway = request.app[GATEWAY]
    route = request.match_info.route.name or "none"  # route names are the bounded endpoint label
    bounded = request.path.startswith("/v1/")
    if bounded:
        if gateway.in_flight >= gateway.max_in_flight:
            metrics.count_error(Overloaded.code)
            metrics.observe_request(None, route, Overloaded.status, time.perf_counter() - started)
            return error_response(Overloaded(), request_id)
        gateway.in_flight += 1
        IN_FLIGHT.inc()
    status = 500
    code: str | None = None
    try:
        response = await handler(request)
        status = response.status
        return response
    except GatewayError as err:
        # A provider's 4xx passes its own code to the caller; ours is what we count and log.
        status, code = err.http_status, "upstream_rejected" if isinstance(err, UpstreamRejected) else err.error_code
        return error_response(err, request_id)
    except web.HTTPException as exc:
        err = _translate_http(exc)
        status, code = err.http_status, err.error_code
        return error_response(err, request_id)
    except asyncio.CancelledError:
        status = 499  # the client went away first (nginx's "client closed request")
        raise
    except Exception as exc:  # noqa: BLE001 - never a stack trace to the caller
        log.error("unhandled error", extra={"fields": {"request_id": request_id, "error": type(exc).__name__}})
        code = InternalError.code
        return error_response(InternalError(), request_id)
    finally:
        elapsed = time.perf_counter() - started
        if bounded:
            gateway.in_flight -= 1
            IN_FLIGHT.dec()
        ctx = request.get(REQUEST_CONTEXT)
        if code is not None:
            metrics.count_error(code)  # folds codes it does not know into "other"
        if route not in UNCOUNTED:
            if ctx is None:
                metrics.observe_request(None, route, status, elapsed)
            else:
                metrics.observe_request(ctx.tenant.name, route, status, elapsed, ctx.upstream_seconds,
                                        ctx.route.provider.name if ctx.route else None)
        if gateway.access_log and log.isEnabledFor(logging.INFO):
            _access_line(request, request_id, route, status, code, elapsed)


def _access_line(request: web.Request, request_id: str, route: str, status: int, code: str | None,
                 elapsed: float) -> None:
    """Ids, names, counts and timings only: no path (it can hold a user or session id), no
    query, no model name (caller input), no header value."""
    ctx = request.get(REQUEST_CONTEXT)
    fields: dict[str, object] = {"request_id": request_id, "method": request.method, "endpoint": route,
                                 "status": status, "ms": round(elapsed * 1000, 3)}
    if code is not None:
        fields["code"] = code
    if ctx is not None:
        fields["tenant"] = ctx.tenant.name
        fields["provider"] = ctx.route.provider.name if ctx.route else None
        fields["stream"] = ctx.stream
        fields["upstream_ms"] = round(ctx.upstream_seconds * 1000, 3)
        fields["overhead_ms"] = round((elapsed - ctx.upstream_seconds) * 1000, 3)
        if ctx.redactions:
            fields["redactions"] = dict(ctx.redactions)  # entity type -> count, never a value
        if ctx.moderation:
            fields["moderation"] = ctx.moderation
        first = request.get(FIRST_BYTE)
        if first is not None:
            fields["ttft_ms"] = round((first - request[REQUEST_STARTED]) * 1000, 3)
    log.info("request", extra={"fields": fields})


async def on_response_prepare(request: web.Request, response: web.StreamResponse) -> None:
    """Runs before headers go out, for streamed responses too."""
    request_id = request.get(REQUEST_ID)
    if request_id:
        response.headers["X-Gateway-Request-Id"] = request_id
    ctx = request.get(REQUEST_CONTEXT)
    if ctx is not None:
        if ctx.redactions:
            response.headers["X-Gateway-Redactions"] = ", ".join(f"{t}={n}" for t, n in sorted(ctx.redactions.items()))
        if ctx.moderation:
            response.headers["X-Gateway-Moderation"] = ctx.moderation

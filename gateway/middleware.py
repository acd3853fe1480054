"""The one middleware: request id, the in-flight bound, the access log line, and the
translation of every error into OpenAI's error shape. It is one function rather than a stack
because each aiohttp middleware costs a call frame on every request."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from .errors import (
    GatewayError,
    InternalError,
    MethodNotAllowed,
    Overloaded,
    RequestTooLarge,
    RouteNotFound,
    error_body,
)
from .state import GATEWAY, REQUEST_CONTEXT, REQUEST_ID

log = logging.getLogger("privacy_gateway.access")

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
    request_id = os.urandom(12).hex()
    request[REQUEST_ID] = request_id
    gateway = request.app[GATEWAY]
    bounded = request.path.startswith("/v1/")
    if bounded:
        if gateway.in_flight >= gateway.max_in_flight:
            return error_response(Overloaded(), request_id)
        gateway.in_flight += 1
    started = time.perf_counter()
    status = 500
    try:
        response = await handler(request)
        status = response.status
        return response
    except GatewayError as err:
        status = err.http_status
        return error_response(err, request_id)
    except web.HTTPException as exc:
        err = _translate_http(exc)
        status = err.http_status
        return error_response(err, request_id)
    except Exception as exc:  # noqa: BLE001 - never a stack trace to the caller
        log.error("unhandled error", extra={"fields": {"request_id": request_id, "error": type(exc).__name__}})
        return error_response(InternalError(), request_id)
    finally:
        if bounded:
            gateway.in_flight -= 1
        if gateway.access_log and log.isEnabledFor(logging.INFO):
            ctx = request.get(REQUEST_CONTEXT)
            log.info(
                "request",
                extra={"fields": {
                    "request_id": request_id,
                    "method": request.method,
                    "endpoint": ctx.endpoint.name if ctx else request.match_info.route.name,
                    "tenant": ctx.tenant.name if ctx else None,
                    "provider": ctx.route.provider.name if ctx and ctx.route else None,
                    "stream": ctx.stream if ctx else None,
                    "status": status,
                    "ms": round((time.perf_counter() - started) * 1000, 3),
                    "upstream_ms": round(ctx.upstream_seconds * 1000, 3) if ctx else None,
                }},
            )


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

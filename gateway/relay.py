"""Writes an upstream answer (or a filter's own `Answer`) back to the client.

Streams go out event by event as they arrive: nothing is buffered whole, nothing is
compressed. A provider failure after the first byte ends the stream with an OpenAI-shaped
error event; a client that goes away closes the upstream connection."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

import orjson
from aiohttp import web

from filters.base import Answer
from providers.base import ByteStream, EventStream, JSONBody, UpstreamResponse

from . import metrics
from .context import RequestContext
from .errors import GatewayError, error_event
from .middleware import FIRST_BYTE, REQUEST_STARTED
from .response_text import ResponseChain, StreamTransformer, transform_json
from .sse import DONE_EVENT, SSEEvent, encode

log = logging.getLogger("privacy_gateway.relay")

# Set by proxy.send_with_fallback in `ctx.state` when a route's fallback provider answered.
FALLBACK_STATE = "fallback"

_STREAM_HEADERS = {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-cache",
    "X-Accel-Buffering": "no",
}


async def relay(request: web.Request, ctx: RequestContext, upstream: UpstreamResponse) -> web.StreamResponse:
    chain = ResponseChain(ctx, ctx.response_filters) if ctx.response_filters else None
    if isinstance(upstream, JSONBody):
        if chain is not None and upstream.status < 300:
            upstream.replace(transform_json(chain, upstream.json()))
        return web.Response(body=upstream.raw, status=upstream.status, content_type="application/json",
                            headers=upstream.headers)
    if isinstance(upstream, EventStream):
        response = web.StreamResponse(status=upstream.status, headers={**upstream.headers, **_STREAM_HEADERS})
        chunks = _transformed(upstream.events, StreamTransformer(chain)) if chain else (e.raw async for e in upstream.events)
    else:
        response = web.StreamResponse(status=upstream.status,
                                      headers={**upstream.headers, "Content-Type": upstream.content_type})
        chunks = upstream.chunks
    return await _stream(request, ctx, response, chunks, upstream)


async def _stream(request: web.Request, ctx: RequestContext, response: web.StreamResponse,
                  chunks: AsyncIterator[bytes], upstream: EventStream | ByteStream) -> web.StreamResponse:
    started = time.perf_counter()
    first = 0.0
    try:
        await response.prepare(request)
        async for chunk in chunks:
            await response.write(chunk)
            if not first:
                first = time.perf_counter()
    except GatewayError as err:
        # Headers are gone already: the error travels in the stream, as OpenAI's does.
        log.warning("stream failed upstream", extra={"fields": {"request_id": ctx.request_id,
                                                                "code": err.error_code}})
        metrics.count_provider_error(ctx.state.get(FALLBACK_STATE) or _provider(ctx), err.error_code, err.http_status)
        metrics.count_stream_interruption(ctx.endpoint.name, "upstream_failed")
        if isinstance(upstream, EventStream):
            await response.write(error_event(err))
    except ConnectionResetError:
        log.info("client went away", extra={"fields": {"request_id": ctx.request_id}})
        metrics.count_stream_interruption(ctx.endpoint.name, "client_gone")
        return response
    except asyncio.CancelledError:  # the client disconnected and aiohttp cancelled the handler
        metrics.count_stream_interruption(ctx.endpoint.name, "client_gone")
        raise
    finally:
        ctx.upstream_seconds += time.perf_counter() - started
        if first:
            request[FIRST_BYTE] = first
            metrics.observe_ttft(ctx.tenant.name, ctx.endpoint.name, first - request.get(REQUEST_STARTED, ctx.started))
        await _close(chunks)
        await upstream.aclose()
    try:
        await response.write_eof()
    except ConnectionResetError:
        log.info("client went away", extra={"fields": {"request_id": ctx.request_id}})
        metrics.count_stream_interruption(ctx.endpoint.name, "client_gone")
    return response


def _provider(ctx: RequestContext) -> str:
    return ctx.route.provider.name if ctx.route else "none"


async def _transformed(events: AsyncIterator[SSEEvent], transformer: StreamTransformer) -> AsyncIterator[bytes]:
    async for event in events:
        for out in transformer.events(event):
            yield out
    for out in transformer.flush_all():  # streams without [DONE] (the Responses API's)
        yield out


async def _close(iterator: AsyncIterator[bytes]) -> None:
    aclose = getattr(iterator, "aclose", None)
    if aclose is not None:
        await aclose()


def _chat_chunks(body: dict[str, Any]) -> list[bytes]:
    """A chat.completion answered by the gateway, re-shaped as the chunk stream an SDK expects."""
    base = {k: body.get(k) for k in ("id", "created", "model")} | {"object": "chat.completion.chunk"}
    events = []
    for choice in body.get("choices", []):
        message = choice.get("message") or {}
        delta = {"role": message.get("role", "assistant"), "content": message.get("content") or ""}
        index = choice.get("index", 0)
        events.append(encode({**base, "choices": [{"index": index, "delta": delta, "finish_reason": None}]}))
        events.append(encode({**base, "choices": [{"index": index, "delta": {},
                                                   "finish_reason": choice.get("finish_reason", "stop")}]}))
    events.append(DONE_EVENT)
    return events


async def answer(request: web.Request, ctx: RequestContext, decision: Answer) -> web.StreamResponse:
    """A filter's own answer (a self-harm reply, say), shaped like the provider's would be."""
    if not ctx.stream:
        return web.Response(body=orjson.dumps(decision.body), content_type="application/json")
    if decision.body.get("object") == "chat.completion":
        return await _answer_stream(request, _chat_chunks(decision.body))
    return await _answer_stream(request, [encode(decision.body), DONE_EVENT])


async def _answer_stream(request: web.Request, events: list[bytes]) -> web.StreamResponse:
    response = web.StreamResponse(status=200, headers=_STREAM_HEADERS)
    await response.prepare(request)
    for event in events:
        await response.write(event)
    await response.write_eof()
    return response

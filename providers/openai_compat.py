"""Any OpenAI-compatible server: OpenAI, Azure OpenAI, vLLM, Ollama, LiteLLM, a local fake.

aiohttp's exception tree is translated into gateway errors here and nowhere else.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING
from urllib.parse import quote

import aiohttp
import orjson

from gateway.errors import (
    GatewayError,
    RateLimited,
    UpstreamRejected,
    UpstreamTimeout,
    UpstreamUnavailable,
)
from gateway.multipart import MultipartForm
from gateway.settings import ProviderSettings
from gateway.sse import SSEDecoder, SSEEvent

from .base import ByteStream, EventStream, JSONBody, UpstreamResponse

if TYPE_CHECKING:
    from gateway.context import RequestContext

log = logging.getLogger("privacy_gateway.provider")

_ERROR_BODY_LIMIT = 64 * 1024
# Response headers worth passing on; everything else (cookies, the provider's organisation
# and rate-limit bookkeeping of the gateway's own account, hop-by-hop) stays here.
_PASSED_RESPONSE_HEADERS = ("x-request-id", "openai-processing-ms")


class OpenAICompatible:
    def __init__(self, name: str, settings: ProviderSettings) -> None:
        """Call inside the running event loop: the provider owns its connection pool."""
        self.name = name
        self._settings = settings
        self._session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=settings.max_connections, ttl_dns_cache=300),
            headers={"User-Agent": "privacy-gateway"},
        )
        self._base = (settings.base_url or "").rstrip("/")
        self._azure = settings.type == "azure"
        t = settings.timeouts
        self._timeout = aiohttp.ClientTimeout(total=t.total, connect=t.connect, sock_read=t.first_byte)
        key = settings.api_key.get_secret_value() if settings.api_key else None
        self._headers = dict(settings.headers)
        if key:
            self._headers["api-key" if self._azure else "Authorization"] = key if self._azure else f"Bearer {key}"
        self._missing_key = settings.api_key_env if (not key and settings.api_key_env) else None

    def url(self, path: str, model: str) -> str:
        if self._azure:
            deployment = quote(self._settings.deployments.get(model, model), safe="")
            return f"{self._base}/openai/deployments/{deployment}{path}?api-version={self._settings.api_version}"
        return self._base + path

    async def send(self, ctx: "RequestContext") -> UpstreamResponse:
        if self._missing_key:
            raise UpstreamUnavailable(
                f"The provider '{self.name}' has no API key: set {self._missing_key}.", status=503
            )
        assert ctx.route is not None
        model = ctx.route.upstream_model
        headers = dict(self._headers)
        if ctx.form is not None:
            ctx.form.set("model", model)
            data: bytes | aiohttp.FormData = _form_data(ctx.form)
        else:
            body = ctx.body if ctx.body is not None else {}
            if body.get("model") != model:
                body["model"] = model
            data = orjson.dumps(body)
            headers["Content-Type"] = "application/json"
        try:
            response = await self._session.post(
                self.url(ctx.endpoint.path, model), data=data, headers=headers, timeout=self._timeout
            )
        except asyncio.TimeoutError:
            raise UpstreamTimeout() from None
        except (aiohttp.ClientError, OSError) as exc:
            log.warning("upstream connect failed", extra={"fields": {"provider": self.name, "error": type(exc).__name__}})
            raise UpstreamUnavailable() from None
        try:
            return await self._wrap(response)
        except BaseException:
            response.close()
            raise

    async def _wrap(self, response: aiohttp.ClientResponse) -> UpstreamResponse:
        headers = {h: response.headers[h] for h in _PASSED_RESPONSE_HEADERS if h in response.headers}
        if response.status >= 400:
            raise await self._error(response)
        content_type = response.content_type
        if content_type == "text/event-stream":
            return EventStream(response.status, _events(response, self.name), headers, _closer(response))
        if content_type == "application/json":
            try:
                raw = await response.read()
            except asyncio.TimeoutError:
                raise UpstreamTimeout() from None
            except aiohttp.ClientError:
                raise UpstreamUnavailable("The model provider broke off its answer.") from None
            return JSONBody(response.status, raw, headers)
        return ByteStream(response.status, content_type, _chunks(response, self.name), headers, _closer(response))

    async def _error(self, response: aiohttp.ClientResponse) -> GatewayError:
        try:
            raw = await response.content.read(_ERROR_BODY_LIMIT)
            error = orjson.loads(raw).get("error") or {}
            if not isinstance(error, dict):
                error = {}
        except (aiohttp.ClientError, asyncio.TimeoutError, orjson.JSONDecodeError, AttributeError):
            error = {}
        finally:
            response.release()
        status = response.status
        log.warning("upstream error", extra={"fields": {"provider": self.name, "upstream_status": status}})
        if status == 429:
            return RateLimited("The model provider is rate limiting the gateway. Retry after a short wait.")
        if status in (401, 403):
            return UpstreamUnavailable("The model provider refused the gateway's credentials.")
        if status >= 500:
            return UpstreamUnavailable()
        return UpstreamRejected(status, type_=error.get("type"), code=error.get("code"), param=error.get("param"))

    async def close(self) -> None:
        await self._session.close()


def _form_data(form: MultipartForm) -> aiohttp.FormData:
    data = aiohttp.FormData()
    for name, value in form.parts:
        if isinstance(value, str):
            data.add_field(name, value)
        else:
            value.file.seek(0)
            data.add_field(name, value.file, filename=value.filename, content_type=value.content_type)
    return data


def _closer(response: aiohttp.ClientResponse):
    async def aclose() -> None:
        # close(), not release(): an abandoned stream must drop the connection so that the
        # provider sees the cancellation and stops generating.
        response.close()

    return aclose


async def _events(response: aiohttp.ClientResponse, provider: str) -> AsyncIterator[SSEEvent]:
    decoder = SSEDecoder()
    async for chunk in _chunks(response, provider):
        for event in decoder.feed(chunk):
            yield event
    for event in decoder.flush():
        yield event


async def _chunks(response: aiohttp.ClientResponse, provider: str) -> AsyncIterator[bytes]:
    try:
        async for chunk in response.content.iter_any():
            yield chunk
    except asyncio.TimeoutError:
        response.close()
        raise UpstreamTimeout() from None
    except aiohttp.ClientError as exc:
        response.close()
        log.warning("upstream stream broke", extra={"fields": {"provider": provider, "error": type(exc).__name__}})
        raise UpstreamUnavailable("The model provider broke off its answer.") from None
    except BaseException:
        # Cancelled or abandoned (the client went away): drop the connection so that the
        # provider stops generating.
        response.close()
        raise
    response.release()

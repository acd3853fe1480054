"""What a provider is, and the three shapes an upstream answer can take."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import orjson

from gateway.sse import SSEEvent

if TYPE_CHECKING:
    from gateway.context import RequestContext


async def _nothing() -> None:
    return None


@dataclass(slots=True)
class JSONBody:
    status: int
    raw: bytes
    headers: dict[str, str] = field(default_factory=dict)
    _parsed: Any = None

    def json(self) -> Any:
        if self._parsed is None:
            self._parsed = orjson.loads(self.raw)
        return self._parsed

    def replace(self, body: Any) -> None:
        self._parsed = body
        self.raw = orjson.dumps(body)


@dataclass(slots=True)
class EventStream:
    status: int
    events: AsyncIterator[SSEEvent]
    headers: dict[str, str] = field(default_factory=dict)
    aclose: Callable[[], Awaitable[None]] = _nothing


@dataclass(slots=True)
class ByteStream:
    status: int
    content_type: str
    chunks: AsyncIterator[bytes]
    headers: dict[str, str] = field(default_factory=dict)
    aclose: Callable[[], Awaitable[None]] = _nothing


UpstreamResponse = JSONBody | EventStream | ByteStream


class Provider(Protocol):
    name: str

    async def send(self, ctx: "RequestContext") -> UpstreamResponse:
        """Send the (already filtered) request. Raises only `gateway.errors.GatewayError`s."""
        ...

    async def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Route:
    provider: Provider
    upstream_model: str
    fallback: Provider | None = None

"""Decisions and the two filter protocols.

Expected outcomes are return values: `Continue`, `Block` (the request is refused with a
gateway-written message) or `Answer` (the gateway answers without any provider). Anything a
filter raises is unexpected, and the chain fails closed on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol, runtime_checkable

if TYPE_CHECKING:
    from gateway.context import RequestContext


@dataclass(frozen=True, slots=True)
class Continue:
    pass


CONTINUE = Continue()


@dataclass(frozen=True, slots=True)
class Block:
    """Refuse the request. `message` is written by the filter and must never quote user content;
    `categories` (entity types, moderation categories) may be named."""

    kind: Literal["content_policy", "pii"]
    message: str
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Answer:
    """Answer with `body` (an OpenAI response object for the endpoint) and call no provider.
    The HTTP layer streams it when the request asked for a stream."""

    body: dict[str, Any]
    reason: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


Decision = Continue | Block | Answer


@runtime_checkable
class RequestFilter(Protocol):
    name: ClassVar[str]

    async def on_request(self, ctx: "RequestContext") -> Decision: ...


@runtime_checkable
class ResponseFilter(Protocol):
    """Sees answer text in order. Streaming-aware: `on_text` may hold text back (a placeholder
    split across chunks), and `on_end` must flush whatever it held."""

    name: ClassVar[str]

    def on_text(self, ctx: "RequestContext", text: str) -> str: ...

    def on_end(self, ctx: "RequestContext") -> str: ...

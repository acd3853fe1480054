"""Server-sent events: split a byte stream into whole events, and encode our own.

Events are relayed as the provider framed them (`raw`) unless a filter changes their data,
so unknown event types and fields pass through untouched."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

DONE = b"[DONE]"


@dataclass(slots=True)
class SSEEvent:
    raw: bytes  # the whole event including its terminating blank line, normalised to \n

    @property
    def event(self) -> str | None:
        for line in self.raw.split(b"\n"):
            if line.startswith(b"event:"):
                return line[6:].strip().decode("utf-8", "replace")
        return None

    @property
    def data(self) -> bytes | None:
        parts = [
            line[6:] if line.startswith(b"data: ") else line[5:]
            for line in self.raw.split(b"\n")
            if line.startswith(b"data:")
        ]
        return b"\n".join(parts) if parts else None

    def json(self) -> Any:
        data = self.data
        if data is None or data == DONE:
            return None
        return orjson.loads(data)


class SSEDecoder:
    """Incremental: feed chunks as they arrive, get back the events they complete."""

    __slots__ = ("_buffer",)

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        if b"\r" in chunk:
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        buffer = self._buffer + chunk
        events: list[SSEEvent] = []
        start = 0
        while True:
            end = buffer.find(b"\n\n", start)
            if end < 0:
                break
            block = buffer[start : end + 2]
            start = end + 2
            if block.strip(b"\n"):
                events.append(SSEEvent(block.lstrip(b"\n")))
        self._buffer = buffer[start:]
        return events

    def flush(self) -> list[SSEEvent]:
        """A stream that ends without its final blank line still delivers its last event."""
        rest, self._buffer = self._buffer.strip(b"\n"), b""
        return [SSEEvent(rest + b"\n\n")] if rest else []


def encode(data: Any, event: str | None = None) -> bytes:
    payload = data if isinstance(data, bytes) else orjson.dumps(data)
    head = f"event: {event}\n".encode() if event else b""
    return head + b"data: " + payload + b"\n\n"


DONE_EVENT = b"data: [DONE]\n\n"

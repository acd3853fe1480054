"""Puts originals back where the model echoed a placeholder, in whole texts and in streams.

In a stream a placeholder can be split across chunks (`<PER` + `SON_1>`). Each text stream
holds back only a tail that could still grow into a placeholder, never emits part of one, and
flushes what it held at the end. Text inside JSON strings (tool-call arguments) gets its
restored values JSON-escaped, so the arguments stay valid JSON.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, ClassVar

import orjson

if TYPE_CHECKING:
    from gateway.context import RequestContext

PLACEHOLDER = re.compile(r"<[A-Z][A-Z0-9_]*_[0-9]+>")
_PARTIAL = re.compile(r"<[A-Z0-9_]*")
_LONGEST = 64  # no placeholder is longer; a longer '<…' tail is plain text


def _escape(value: str) -> str:
    return orjson.dumps(value).decode()[1:-1]


def restore(text: str, mapping: Mapping[str, str], escaped: bool = False) -> str:
    if "<" not in text or not mapping:
        return text

    def put_back(match: re.Match[str]) -> str:
        original = mapping.get(match.group(0))
        if original is None:
            return match.group(0)
        return _escape(original) if escaped else original

    return PLACEHOLDER.sub(put_back, text)


def safe_end(text: str) -> int:
    """How much of `text` can go out now: all of it unless its tail may begin a placeholder."""
    start = text.rfind("<")
    if start < 0:
        return len(text)
    tail = text[start:]
    if len(tail) < _LONGEST and _PARTIAL.fullmatch(tail):
        return start
    return len(text)


class PlaceholderRestorer:
    """A response filter: one instance per response, with a held-back tail per text stream
    (a choice's content, one tool call's arguments, one Responses content part)."""

    name: ClassVar[str] = "pii.restore"

    def __init__(self, mapping: Mapping[str, str]) -> None:
        self.mapping = mapping
        self._held: dict[Hashable, str] = {}

    def on_text(self, ctx: "RequestContext", text: str, stream: Hashable = None, escaped: bool = False) -> str:
        if stream is None:
            return restore(text, self.mapping, escaped)
        text = self._held.pop(stream, "") + text
        cut = safe_end(text)
        if cut < len(text):
            self._held[stream] = text[cut:]
        return restore(text[:cut], self.mapping, escaped)

    def on_end(self, ctx: "RequestContext", stream: Hashable = None, escaped: bool = False) -> str:
        return restore(self._held.pop(stream, ""), self.mapping, escaped)

    def holding(self) -> list[Hashable]:
        return list(self._held)

"""Puts originals back where the model echoed a placeholder, in whole texts and in streams.

In a stream a placeholder can be split across chunks (`<PER` + `SON_1>`). Each text stream
holds back only a tail that could still grow into a placeholder, never emits part of one, and
flushes what it held at the end. A placeholder the model wrote without its brackets
("PERSON_1") is put back too: models drop them, and a participant's name goes out bare.
Text inside JSON strings (tool-call arguments) gets its restored values JSON-escaped, so the
arguments stay valid JSON.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, ClassVar

import orjson

if TYPE_CHECKING:
    from gateway.context import RequestContext

# A placeholder as sent, or as a model may echo it without its brackets ("Dear PERSON_1,",
# `{"to": "EMAIL_ADDRESS_2"}`, and always for a participant name, which goes out bare).
_ANY_FORM = re.compile(r"<([A-Z][A-Z0-9_]*_[0-9]+)>|(?<![A-Za-z0-9_<])([A-Z][A-Z0-9_]*_[0-9]+)(?![A-Za-z0-9_>])")
_PARTIAL = re.compile(r"<[A-Z0-9_]*")
_BARE_TAIL = re.compile(r"(?<![A-Za-z0-9_<])[A-Z][A-Z0-9_]*\Z")
_LONGEST = 64  # no placeholder is longer; a longer '<…' tail is plain text


def _escape(value: str) -> str:
    return orjson.dumps(value).decode()[1:-1]


def restore(text: str, mapping: Mapping[str, str], escaped: bool = False, before: str = "") -> str:
    """`text` with every placeholder of `mapping` put back, bracketed or bare; `before` is
    the text just before it (a stream's last character), which decides whether a bare one
    starts a word."""
    if "_" not in text or not mapping:
        return text
    source, start = before + text, len(before)
    out, last = [], start
    for match in _ANY_FORM.finditer(source, start):
        original = mapping.get(match.group(0) if match.group(1) else f"<{match.group(2)}>")
        if original is None:
            continue
        out += (source[last:match.start()], _escape(original) if escaped else original)
        last = match.end()
    out.append(source[last:])
    return "".join(out)


def safe_end(text: str, bare: tuple[str, ...] = (), before: str = "") -> int:
    """How much of `text` can go out now: all of it unless its tail may begin a placeholder,
    bracketed (`<PER`) or bare (`PERS`, `PERSON_1` before a possible `2`, given the `bare`
    placeholders the stream may hold)."""
    cut = len(text)
    start = text.rfind("<")
    if start >= 0:
        tail = text[start:]
        if len(tail) < _LONGEST and _PARTIAL.fullmatch(tail):
            cut = start
    if bare and (tail := _BARE_TAIL.search(before + text, len(before))) is not None:
        if any(key.startswith(tail.group()) for key in bare):
            cut = min(cut, tail.start() - len(before))
    return cut


class PlaceholderRestorer:
    """A response filter: one instance per response, with a held-back tail per text stream
    (a choice's content, one tool call's arguments, one Responses content part)."""

    name: ClassVar[str] = "pii.restore"

    def __init__(self, mapping: Mapping[str, str]) -> None:
        self.mapping = mapping
        self._bare = tuple(key[1:-1] for key in mapping)
        self._held: dict[Hashable, str] = {}
        self._last: dict[Hashable, str] = {}  # per stream, the last character let out

    def on_text(self, ctx: "RequestContext", text: str, stream: Hashable = None, escaped: bool = False) -> str:
        if stream is None:
            return restore(text, self.mapping, escaped)
        text = self._held.pop(stream, "") + text
        before = self._last.get(stream, "")
        cut = safe_end(text, self._bare, before)
        if cut < len(text):
            self._held[stream] = text[cut:]
        if cut:
            self._last[stream] = text[cut - 1]
        return restore(text[:cut], self.mapping, escaped, before)

    def on_end(self, ctx: "RequestContext", stream: Hashable = None, escaped: bool = False) -> str:
        return restore(self._held.pop(stream, ""), self.mapping, escaped, self._last.pop(stream, ""))

    def holding(self) -> list[Hashable]:
        return list(self._held)

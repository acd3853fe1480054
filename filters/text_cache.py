"""What a filter found in a text, remembered by a keyed digest of the text, never the text.

Chat apps send the whole conversation with every turn, so without memory the gateway would
analyse turn one's message again at turn two, three and twenty: the cost of a conversation
grows with the square of its length. PII detection and local moderation are deterministic for
a text under one set of rules, so their results can be reused; what is kept is an
HMAC-SHA256 of (scope, text) under a key drawn at random when the process starts and never
written anywhere, mapped to the result (detections' types, offsets and scores; category
scores). Neither the text nor any detected value is stored, and the digest cannot be checked
against a guess without the process's key. Entries are bounded (least recently used first
out) and expire.

A scope (`cache_scope`) covers the tenant and every rule that changes the result, so two policies
never share an entry. The caches serve the gateway's filters; the engines' own entry points
(what the benchmarks time) never read them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Generic, TypeVar

Result = TypeVar("Result")


def cache_scope(**parts: object) -> bytes:
    """A canonical encoding of everything besides the text that decides a result; collections
    are compared as sets, so their order does not matter."""
    def canonical(value: object) -> object:
        if isinstance(value, Mapping):
            return sorted((str(k), canonical(v)) for k, v in value.items())
        if isinstance(value, (set, frozenset, list, tuple)):
            return sorted(canonical(v) for v in value)
        return value

    return json.dumps(sorted((k, canonical(v)) for k, v in parts.items()), ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


class TextResultCache(Generic[Result]):
    """Used from the event loop only (no locking). `capacity` entries at most, each for at most
    `ttl_s` seconds."""

    def __init__(self, capacity: int = 20_000, ttl_s: float = 3600.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._key = os.urandom(32)
        self._capacity = capacity
        self._ttl_s = ttl_s
        self._clock = clock
        self._entries: OrderedDict[bytes, tuple[float, Result]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def _digest(self, scope: bytes, text: str) -> bytes:
        mac = hmac.new(self._key, scope, hashlib.sha256)
        mac.update(b"\0")
        mac.update(text.encode("utf-8", "surrogatepass"))  # JSON may carry lone surrogates
        return mac.digest()

    def get(self, scope: bytes, text: str) -> Result | None:
        digest = self._digest(scope, text)
        entry = self._entries.get(digest)
        if entry is None:
            return None
        expires, result = entry
        if expires < self._clock():
            del self._entries[digest]
            return None
        self._entries.move_to_end(digest)
        return result

    def put(self, scope: bytes, text: str, result: Result) -> None:
        """`result` must be immutable (a tuple, a frozen mapping): callers share it."""
        digest = self._digest(scope, text)
        self._entries[digest] = (self._clock() + self._ttl_s, result)
        self._entries.move_to_end(digest)
        while len(self._entries) > self._capacity:
            self._entries.popitem(last=False)

    async def through(self, scope: bytes, texts: Sequence[str],
                      compute: Callable[[list[str]], Awaitable[Sequence[Result]]],
                      freeze: Callable[[Result], Result] = lambda result: result) -> tuple[list[Result], int]:
        """The results for `texts`, in order: remembered ones, and one `compute` call for all
        the others (stored `freeze`d: callers share them); and how many were remembered."""
        results: list[Result | None] = [self.get(scope, t) for t in texts]
        missing = [i for i, r in enumerate(results) if r is None]
        if missing:
            fresh = await compute([texts[i] for i in missing])
            for i, result in zip(missing, fresh, strict=True):
                results[i] = frozen = freeze(result)
                self.put(scope, texts[i], frozen)
        return results, len(texts) - len(missing)  # type: ignore[return-value] - every slot is filled

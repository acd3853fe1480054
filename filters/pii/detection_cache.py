"""What detection found in a text, remembered by a keyed digest of the text, never the text.

Chat apps send the whole conversation with every turn, so without memory the gateway would
analyse turn one's message again at turn two, three and twenty: the cost of a conversation
grows with the square of its length. Detection is deterministic for a text under one set of
rules, so its result can be reused; what is kept is an HMAC-SHA256 of (rules, text) under a
key drawn at random when the process starts and never written anywhere, mapped to the
detections' types, offsets and scores. Neither the text nor any detected value is stored, and
the digest cannot be checked against a guess without the process's key. Entries are bounded
(least recently used first out) and expire.

The scope (`rules_scope`) covers the tenant and every rule that changes the result, so two
policies never share an entry. The cache serves the gateway's filter; `PIIEngine.analyze_batch`
(what the benchmarks time) never reads it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time
from collections import OrderedDict
from collections.abc import Callable, Collection, Mapping, Sequence

from .resolve import Detection


def rules_scope(tenant: str, *, entities: Collection[str], thresholds: Mapping[str, float] | None,
                default_threshold: float, allow_list: Collection[str],
                deny_list: Mapping[str, Collection[str]] | None, language: str = "en") -> bytes:
    """A canonical encoding of everything besides the text that decides a detection result."""
    return json.dumps({
        "tenant": tenant, "entities": sorted(entities), "thresholds": sorted((thresholds or {}).items()),
        "default": default_threshold, "allow": sorted(allow_list), "language": language,
        "deny": sorted((k, sorted(v)) for k, v in (deny_list or {}).items()),
    }, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class DetectionCache:
    """Used from the event loop only (no locking). `capacity` entries at most, each for at most
    `ttl_s` seconds."""

    def __init__(self, capacity: int = 20_000, ttl_s: float = 3600.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._key = os.urandom(32)
        self._capacity = capacity
        self._ttl_s = ttl_s
        self._clock = clock
        self._entries: OrderedDict[bytes, tuple[float, tuple[Detection, ...]]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def _digest(self, scope: bytes, text: str) -> bytes:
        mac = hmac.new(self._key, scope, hashlib.sha256)
        mac.update(b"\0")
        mac.update(text.encode("utf-8", "surrogatepass"))  # JSON may carry lone surrogates
        return mac.digest()

    def get(self, scope: bytes, text: str) -> tuple[Detection, ...] | None:
        digest = self._digest(scope, text)
        entry = self._entries.get(digest)
        if entry is None:
            return None
        expires, detections = entry
        if expires < self._clock():
            del self._entries[digest]
            return None
        self._entries.move_to_end(digest)
        return detections

    def put(self, scope: bytes, text: str, detections: Sequence[Detection]) -> None:
        digest = self._digest(scope, text)
        self._entries[digest] = (self._clock() + self._ttl_s, tuple(detections))
        self._entries.move_to_end(digest)
        while len(self._entries) > self._capacity:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()

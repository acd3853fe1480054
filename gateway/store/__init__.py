"""State kept between requests: the store protocol and its two implementations."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .base import AppendOutcome, Erased, Job, SessionData, SessionLimits, Store, StoreUnavailable
from .memory import MemoryStore

__all__ = ["AppendOutcome", "Erased", "Job", "MemoryStore", "SessionData", "SessionLimits", "Store",
           "StoreUnavailable", "open_store", "split_prefix"]


def split_prefix(url: str, default: str = "pg") -> tuple[str, str]:
    """`redis://host:6379/0?prefix=pg-test` → (URL without `prefix`, "pg-test"). The prefix
    lets several gateways (or test runs) share one Redis database without colliding."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    prefix = next((v for k, v in query if k == "prefix" and v), default)
    rest = urlencode([(k, v) for k, v in query if k != "prefix"])
    return urlunsplit(parts._replace(query=rest)), prefix


def open_store(url: str | None, **options: object) -> Store:
    """Redis when a URL is configured, else the embedded in-memory store."""
    if not url:
        return MemoryStore()
    from .redis_store import RedisStore

    clean, prefix = split_prefix(url)
    return RedisStore(clean, prefix, **options)  # type: ignore[arg-type]

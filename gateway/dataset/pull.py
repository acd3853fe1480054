"""The ML team's pull, shared by the HTTP endpoint and the CLI: one tenant's records in
(created_at, session) order, each verified against its checksum and sent as stored.

Resuming: `since` (ISO-8601, inclusive, millisecond precision) or a cursor, the opaque token
of the last record received (`X-Dataset-Next-Cursor` on a limited page, `next_cursor` in the
CLI's manifest). A cursor is bound to its tenant: another tenant's is refused, never followed."""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from . import layout
from .records import BadRecord, decode
from .sink import DatasetSink

log = logging.getLogger("privacy_gateway.dataset")


class BadCursor(ValueError):
    pass


def encode_cursor(key: str) -> str:
    return base64.urlsafe_b64encode(key.encode()).decode().rstrip("=")


def decode_cursor(token: str, tenant: str) -> str:
    try:
        key = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadCursor("unreadable cursor") from None
    name = layout.parse(key)
    if name is None or not name.is_record or name.tenant != tenant:
        raise BadCursor("cursor of another dataset")
    return key


def parse_since(value: str) -> datetime:
    """ISO-8601 date or date-time; without a zone it is UTC. Raises ValueError."""
    if len(value) > 64:
        raise ValueError("too long")
    at = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at


def start_after(tenant: str, since: datetime | None, cursor: str | None) -> str | None:
    """Where listing starts: after the cursor's record, and not before `since`."""
    marks = [m for m in (layout.since_marker(tenant, since) if since else None,
                         decode_cursor(cursor, tenant) if cursor else None) if m]
    return max(marks) if marks else None


@dataclass(frozen=True, slots=True)
class Pulled:
    key: str
    line: bytes  # the record as stored, one line
    record: dict[str, Any]

    @property
    def cursor(self) -> str:
        return encode_cursor(self.key)


async def page(sink: DatasetSink, tenant: str, after: str | None, limit: int) -> tuple[list[str], bool]:
    """Up to `limit` record keys after `after`, and whether more follow (listing only)."""
    keys: list[str] = []
    async for key in sink.record_keys(tenant, after):
        if len(keys) == limit:
            return keys, True
        keys.append(key)
    return keys, False


async def records(sink: DatasetSink, tenant: str, *, after: str | None = None,
                  keys: Sequence[str] | None = None) -> AsyncIterator[Pulled]:
    """Verified records; one deleted meanwhile is skipped, one failing its checksum is skipped
    and logged (by key: pseudonyms only), never sent."""

    async def listed() -> AsyncIterator[str]:
        if keys is not None:
            for key in keys:
                yield key
        else:
            async for key in sink.record_keys(tenant, after):
                yield key

    async for key in listed():
        data = await sink.read(key)
        if data is None:
            continue
        try:
            record = decode(data)
        except BadRecord as exc:
            log.error("dataset record failed verification", extra={"fields": {"tenant": tenant, "key": key,
                                                                               "why": str(exc)}})
            continue
        if record["metadata"].get("tenant") != tenant:
            continue
        yield Pulled(key, data if data.endswith(b"\n") else data + b"\n", record)

"""Where things live in the dataset bucket, relative to its root:

    <tenant>/dt=YYYY-MM-DD/<HHMMSSmmm>-<session>.jsonl        the record (one JSON line)
    <tenant>/dt=YYYY-MM-DD/<HHMMSSmmm>-<session>.audio-<n>.<ext>   its audio, for adults only
    <tenant>/_sessions/<session>.json                           session -> record key, subject
    <tenant>/_subjects/<subject>/<session>.json                 subject -> their sessions

The day and time come from the session's end (`created_at`), which a re-finalization repeats,
so a record's key never depends on when the finalizer ran. With the time first in the name,
listing a tenant's `dt=` keys in key order is listing its records by (created_at, session):
the pull streams in that order and resumes after a key without reading anything first.

The two indexes live in the bucket, beside the records, because records outlive every TTL of
the store (Redis keys expire; the CLI runs without a server), must survive restarts and be
seen by every replica. Sessions and subjects are keyed pseudonyms; no index holds content."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

RECORD_SUFFIX = ".jsonl"
_RECORD = re.compile(r"^(?P<tenant>[^/]+)/dt=(?P<day>\d{4}-\d{2}-\d{2})/(?P<time>\d{9})-(?P<session>[A-Za-z0-9_-]+)"
                     r"(?P<rest>\.jsonl|\.audio-\d+\.[a-z0-9]+)$")
AUDIO_FORMATS = {"wav": "wav", "mp3": "mp3", "flac": "flac", "ogg": "ogg", "opus": "opus", "webm": "webm",
                 "m4a": "m4a", "aac": "aac", "pcm16": "pcm", "pcm": "pcm"}


@dataclass(frozen=True, slots=True)
class ObjectName:
    tenant: str
    created: datetime
    session: str
    is_record: bool


def partition(created: datetime) -> str:
    return f"dt={created.astimezone(UTC).date().isoformat()}"


def record_key(tenant: str, created: datetime, session: str) -> str:
    at = created.astimezone(UTC)
    stamp = f"{at:%H%M%S}{at.microsecond // 1000:03d}"
    return f"{tenant}/{partition(at)}/{stamp}-{session}{RECORD_SUFFIX}"


def audio_key(record: str, index: int, fmt: str) -> str:
    return f"{record[: -len(RECORD_SUFFIX)]}.audio-{index}.{AUDIO_FORMATS.get(fmt, 'bin')}"


def session_index(tenant: str, session: str) -> str:
    return f"{tenant}/_sessions/{session}.json"


def subject_prefix(tenant: str, subject: str) -> str:
    return f"{tenant}/_subjects/{subject}/"


def subject_marker(tenant: str, subject: str, session: str) -> str:
    return f"{subject_prefix(tenant, subject)}{session}.json"


def records_prefix(tenant: str) -> str:
    return f"{tenant}/dt="


def parse(key: str) -> ObjectName | None:
    """The name of a record or audio object, or None for anything else (indexes, strays)."""
    match = _RECORD.match(key)
    if match is None:
        return None
    t = match["time"]
    try:
        day = date.fromisoformat(match["day"])
        created = datetime(day.year, day.month, day.day, int(t[:2]), int(t[2:4]), int(t[4:6]),
                           int(t[6:]) * 1000, tzinfo=UTC)
    except ValueError:
        return None
    return ObjectName(match["tenant"], created, match["session"], match["rest"] == RECORD_SUFFIX)


def since_marker(tenant: str, since: datetime) -> str:
    """A key just before every record created at or after `since`."""
    at = since.astimezone(UTC)
    return f"{tenant}/{partition(at)}/{at:%H%M%S}{at.microsecond // 1000:03d}"

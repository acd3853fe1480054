"""The dataset sink: one object per finalized session, its audio beside it, and the two
indexes that make erasure and idempotency work without reading records (layout.py).

Write order is what keeps it consistent when a process dies at any step, with no lock:

1. the session index, created only if absent: the first writer fixes the record's key, so a
   retried or repeated finalization reuses it and never makes a second object;
2. the subject marker: erasure finds the session before its record can exist;
3. the audio files;
4. the record, created only if absent: its appearance commits the session (the pull lists
   records only), and a second write is a no-op that reports "not new".

Deletion runs the other way (record, audio, marker, index), so a crash leaves an index that a
later erasure or retention still finds. Race with erasure: the caller erases the profile
before `delete_subject`, and the finalizer re-reads the profile after `write` and deletes by
key if it changed, so a record written during an erasure is removed by one side or the other."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson

from . import layout
from .objects import FileObjects, ObjectStore
from .records import AudioClip, encode


@dataclass(frozen=True, slots=True)
class Written:
    key: str
    new: bool  # False: the session's record already existed (a repeated finalization)


class DatasetSink:
    def __init__(self, objects: ObjectStore) -> None:
        self.objects = objects

    @classmethod
    def from_url(cls, url: str, *, endpoint_url: str | None = None, region: str | None = None) -> "DatasetSink":
        if url.startswith("file://"):
            from pathlib import Path

            return cls(FileObjects(Path(url[len("file://"):]).expanduser().resolve()))
        if url.startswith("s3://"):
            from .s3 import S3Objects

            return cls(S3Objects.from_url(url, endpoint_url=endpoint_url, region=region))
        raise ValueError("dataset URLs are file:///path or s3://bucket/prefix")

    @property
    def description(self) -> str:
        return self.objects.description

    async def _index(self, tenant: str, session: str) -> dict[str, Any] | None:
        raw = await self.objects.get(layout.session_index(tenant, session))
        return orjson.loads(raw) if raw else None

    async def write(self, tenant: str, session: str, record: dict[str, Any],
                    audio: Sequence[AudioClip] = ()) -> Written:
        metadata = record["metadata"]
        subject = metadata["subject"]
        key = layout.record_key(tenant, datetime.fromisoformat(metadata["created_at"]), session)
        entry = {"key": key, "subject": subject, "audio": [layout.audio_key(key, i, c.fmt) for i, c in enumerate(audio)]}
        if not await self.objects.create(layout.session_index(tenant, session), orjson.dumps(entry)):
            first = await self._index(tenant, session)
            if first is not None and first.get("key") != key:
                # The same session finalized before under another end time (its id reused
                # after its closed marker expired): the first object stays the only one.
                return Written(first["key"], False)
        marker = {"session": session, "key": key}
        await self.objects.put(layout.subject_marker(tenant, subject, session), orjson.dumps(marker))
        for name, clip in zip(entry["audio"], audio):
            await self.objects.put(name, clip.data)
        new = await self.objects.create(key, encode(record))
        return Written(key, new)

    async def exists(self, tenant: str, session: str) -> bool:
        entry = await self._index(tenant, session)
        return entry is not None and await self.objects.exists(entry["key"])

    async def delete_session(self, tenant: str, session: str, *, key: str | None = None,
                             subject: str | None = None) -> int:
        """Remove a session's record, audio and index entries; returns records removed (0 or 1).
        `key` and `subject` find a record whose index is already gone (a racing erasure)."""
        entry = await self._index(tenant, session) or {}
        key = entry.get("key", key)
        subject = entry.get("subject", subject)
        removed = 0
        if key is not None:
            removed = int(await self.objects.exists(key))
            await self.objects.delete(key)
            audio = entry.get("audio") or []
            if not audio:
                stem = key[: -len(layout.RECORD_SUFFIX)] + ".audio-"
                audio = [k async for k in self.objects.list(stem)]
            for name in audio:
                await self.objects.delete(name)
        if subject is not None:
            await self.objects.delete(layout.subject_marker(tenant, subject, session))
        await self.objects.delete(layout.session_index(tenant, session))
        return removed

    async def delete_subject(self, tenant: str, subject: str) -> int:
        """Erase every record of a pseudonymous subject, in every partition; returns how many."""
        sessions = [k.rsplit("/", 1)[1].removesuffix(".json")
                    async for k in self.objects.list(layout.subject_prefix(tenant, subject))]
        removed = 0
        for session in sessions:
            removed += await self.delete_session(tenant, session, subject=subject)
        return removed

    async def delete_audio(self, key: str) -> None:
        await self.objects.delete(key)

    def record_keys(self, tenant: str, start_after: str | None = None) -> AsyncIterator[str]:
        """The tenant's record keys in (created_at, session) order, after `start_after`."""
        return _only_records(self.objects.list(layout.records_prefix(tenant), start_after))

    async def partitions(self, tenant: str) -> list[str]:
        return [p for p in await self.objects.prefixes(f"{tenant}/") if p.startswith("dt=")]

    async def read(self, key: str) -> bytes | None:
        return await self.objects.get(key)

    async def close(self) -> None:
        await self.objects.close()


async def _only_records(keys: AsyncIterator[str]) -> AsyncIterator[str]:
    async for key in keys:
        name = layout.parse(key)
        if name is not None and name.is_record:
            yield key

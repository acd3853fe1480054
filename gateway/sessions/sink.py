"""Where eligible transcripts go. The interface is what the dataset issue extends (S3, pull,
forget); `LocalDirSink` is enough until then: one file per session, written atomically, so a
finalization that runs twice (a replica died after writing) leaves exactly one object."""

from __future__ import annotations

import asyncio
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import orjson

_NAME = re.compile(r"^[A-Za-z0-9_-]{1,128}$")


@runtime_checkable
class DatasetSink(Protocol):
    async def write(self, tenant: str, session: str, record: dict[str, Any]) -> bool:
        """Store the session's record under its pseudonym. Idempotent: writing the same
        session again replaces the object. Returns True when the object is new."""

    async def exists(self, tenant: str, session: str) -> bool: ...

    async def delete_session(self, tenant: str, session: str) -> int: ...

    async def delete_subject(self, tenant: str, subject: str) -> int:
        """Erase every record of a pseudonymous subject; returns how many."""


def _safe(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise ValueError("unsafe dataset path component")
    return name


class LocalDirSink:
    """`<root>/<tenant>/<subject>/<session>.jsonl`, one JSON record per file."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def from_url(cls, url: str) -> "LocalDirSink":
        if not url.startswith("file://"):
            raise ValueError("only file:// dataset URLs are supported by this sink")
        return cls(Path(url[len("file://"):]).expanduser().resolve())

    def _path(self, tenant: str, subject: str, session: str) -> Path:
        return self.root / _safe(tenant) / _safe(subject) / f"{_safe(session)}.jsonl"

    def _find(self, tenant: str, session: str) -> list[Path]:
        base = self.root / _safe(tenant)
        return list(base.glob(f"*/{_safe(session)}.jsonl")) if base.is_dir() else []

    def _write(self, path: Path, data: bytes) -> bool:
        path.parent.mkdir(parents=True, exist_ok=True)
        new = not path.exists()
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return new

    async def write(self, tenant: str, session: str, record: dict[str, Any]) -> bool:
        path = self._path(tenant, record["metadata"]["subject"], session)
        data = orjson.dumps(record) + b"\n"
        return await asyncio.to_thread(self._write, path, data)

    async def exists(self, tenant: str, session: str) -> bool:
        return bool(await asyncio.to_thread(self._find, tenant, session))

    async def delete_session(self, tenant: str, session: str) -> int:
        def run() -> int:
            found = self._find(tenant, session)
            for path in found:
                path.unlink(missing_ok=True)
            return len(found)

        return await asyncio.to_thread(run)

    async def delete_subject(self, tenant: str, subject: str) -> int:
        def run() -> int:
            folder = self.root / _safe(tenant) / _safe(subject)
            if not folder.is_dir():
                return 0
            count = 0
            for path in folder.iterdir():
                count += path.suffix == ".jsonl"
                path.unlink(missing_ok=True)
            folder.rmdir()
            return count

        return await asyncio.to_thread(run)

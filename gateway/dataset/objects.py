"""The object store under the dataset sink: bytes under slash-separated keys, with the few
primitives S3 and a directory both offer atomically. The sink (layout, indexes, erasure) is
written once against this, so the file and S3 backends behave the same by construction and
share one contract test suite.

Keys are relative to the store's root (a directory, or an S3 bucket and prefix). Listing is in
lexicographic key order, as S3 lists, which the pull relies on for its ordering."""

from __future__ import annotations

import asyncio
import os
import re
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Protocol, runtime_checkable

# Tenant names, pseudonyms, `dt=YYYY-MM-DD`, file names: nothing that can climb out of the root.
_PART = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.=-]{0,199}$")
_TMP = ".tmp-"


def check_key(key: str) -> str:
    parts = key.split("/")
    if not key or any(not _PART.fullmatch(p) or ".." in p for p in parts):
        raise ValueError("unsafe dataset object key")
    return key


@runtime_checkable
class ObjectStore(Protocol):
    description: str  # where, for logs and the CLI: never credentials

    async def create(self, key: str, data: bytes) -> bool:
        """Write `key` only if it does not exist, atomically; False when it already existed."""

    async def put(self, key: str, data: bytes) -> None:
        """Write or replace `key` atomically: readers see the old or the new bytes, never a part."""

    async def get(self, key: str) -> bytes | None: ...

    async def exists(self, key: str) -> bool: ...

    async def delete(self, key: str) -> None:
        """Remove `key`; absent is not an error."""

    def list(self, prefix: str, start_after: str | None = None) -> AsyncIterator[str]:
        """Every key starting with `prefix` and greater than `start_after`, in key order."""

    async def prefixes(self, prefix: str) -> list[str]:
        """The next path segment of every key under `prefix` (which ends with "/"), sorted."""

    async def close(self) -> None: ...


class FileObjects:
    """A directory. Atomic create is a hard link of a complete temporary file (fails if the
    name exists); atomic replace is a rename. Both stay on one file system, inside the root."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.description = f"file://{root}"

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def _temp(self, path: Path, data: bytes) -> str:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_TMP)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return tmp

    def _create(self, key: str, data: bytes) -> bool:
        path = self._path(key)
        tmp = self._temp(path, data)
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        finally:
            Path(tmp).unlink(missing_ok=True)
        return True

    def _put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        tmp = self._temp(path, data)
        try:
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _get(self, key: str) -> bytes | None:
        try:
            return self._path(key).read_bytes()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return None

    def _delete(self, key: str) -> None:
        path = self._path(key)
        path.unlink(missing_ok=True)
        # Empty partitions go too, so an erased subject leaves no directory named after them.
        for parent in path.parents:
            if parent == self.root or self.root not in parent.parents:
                break
            try:
                parent.rmdir()
            except OSError:
                break

    def _keys(self, prefix: str) -> list[str]:
        base = self.root / prefix[: prefix.rfind("/") + 1] if "/" in prefix else self.root
        if not base.is_dir():
            return []
        found = []
        for dirpath, _, files in os.walk(base):
            rel = Path(dirpath).relative_to(self.root).as_posix()
            for name in files:
                if not name.startswith(_TMP):
                    key = name if rel == "." else f"{rel}/{name}"
                    if key.startswith(prefix):
                        found.append(key)
        return sorted(found)

    def _prefixes(self, prefix: str) -> list[str]:
        base = self.root / prefix
        if not base.is_dir():
            return []
        return sorted(p.name for p in base.iterdir() if p.is_dir())

    async def create(self, key: str, data: bytes) -> bool:
        return await asyncio.to_thread(self._create, key, data)

    async def put(self, key: str, data: bytes) -> None:
        await asyncio.to_thread(self._put, key, data)

    async def get(self, key: str) -> bytes | None:
        return await asyncio.to_thread(self._get, key)

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self._path(key).is_file)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._delete, key)

    async def list(self, prefix: str, start_after: str | None = None) -> AsyncIterator[str]:
        for key in await asyncio.to_thread(self._keys, prefix):
            if start_after is None or key > start_after:
                yield key

    async def prefixes(self, prefix: str) -> list[str]:
        return await asyncio.to_thread(self._prefixes, prefix)

    async def close(self) -> None:
        return None

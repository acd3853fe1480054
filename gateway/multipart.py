"""Multipart audio uploads, read part by part into spooled files so that a request never
holds more than the body limit, and large audio spills to disk instead of memory."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from typing import IO

from aiohttp import BodyPartReader, MultipartReader

from .errors import InvalidRequest, RequestTooLarge

_SPOOL_IN_MEMORY = 1 << 20
_CHUNK = 1 << 16
_EXTENSION = re.compile(r"\.([A-Za-z0-9]{1,5})$")


@dataclass(slots=True)
class FormFile:
    # The caller's file name is replaced: names like "maria_lopez_voicemail.m4a" are personal
    # data, and providers need only the extension to tell the format.
    filename: str
    content_type: str
    file: IO[bytes]
    size: int


@dataclass(slots=True)
class MultipartForm:
    parts: list[tuple[str, str | FormFile]] = field(default_factory=list)

    def get(self, name: str) -> str | None:
        for key, value in self.parts:
            if key == name and isinstance(value, str):
                return value
        return None

    def set(self, name: str, value: str) -> None:
        for i, (key, old) in enumerate(self.parts):
            if key == name and isinstance(old, str):
                self.parts[i] = (name, value)
                return
        self.parts.append((name, value))

    def files(self) -> list[FormFile]:
        return [value for _, value in self.parts if isinstance(value, FormFile)]

    def close(self) -> None:
        for f in self.files():
            f.file.close()


def anonymous_filename(original: str | None) -> str:
    match = _EXTENSION.search(original or "")
    return f"audio.{match.group(1).lower()}" if match else "audio"


async def read_multipart(reader: MultipartReader, limit: int) -> MultipartForm:
    form = MultipartForm()
    total = 0
    try:
        while (part := await reader.next()) is not None:
            if not isinstance(part, BodyPartReader) or not part.name:
                raise InvalidRequest("Nested or unnamed multipart parts are not supported.", code="invalid_multipart")
            if part.filename is not None:
                spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)
                size = 0
                while chunk := await part.read_chunk(_CHUNK):
                    size += len(chunk)
                    total += len(chunk)
                    if total > limit:
                        spool.close()
                        raise RequestTooLarge()
                    spool.write(chunk)
                spool.seek(0)
                content_type = part.headers.get("Content-Type", "application/octet-stream")
                form.parts.append((part.name, FormFile(anonymous_filename(part.filename), content_type, spool, size)))
            else:
                data = bytearray()
                while chunk := await part.read_chunk(_CHUNK):
                    total += len(chunk)
                    if total > limit:
                        raise RequestTooLarge()
                    data.extend(chunk)
                try:
                    form.parts.append((part.name, data.decode("utf-8")))
                except UnicodeDecodeError:
                    raise InvalidRequest("Form fields must be UTF-8 text.", code="invalid_multipart") from None
    except BaseException:
        form.close()
        raise
    return form

"""The dataset record (CONTRACT.md "Dataset records"): one JSON line,

    {"messages": [{"role", "content"}...], "metadata": {...}}

the shape OpenAI fine-tuning and Hugging Face `datasets` read as they are. Every record
carries its own checksum, `metadata.sha256`: SHA-256 of the record without that field,
serialised with sorted keys, no whitespace, UTF-8 unescaped, i.e. what Python gives with
`json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`. The pull
verifies it before it sends a record, and the ML team can verify it again on their side."""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass, field
from typing import Any

import orjson

from .layout import AUDIO_FORMATS


class BadRecord(ValueError):
    """A stored object that is not a record or fails its checksum (never quotes content)."""


@dataclass(frozen=True, slots=True)
class AudioClip:
    fmt: str
    data: bytes

    @classmethod
    def from_part(cls, part: Any) -> "AudioClip | None":
        """An `input_audio` content part's audio, or None when it is not decodable audio."""
        if not isinstance(part, dict) or not isinstance(part.get("d"), str):
            return None
        fmt = str(part.get("f") or "wav").lower()
        try:
            data = base64.b64decode(part["d"], validate=True)
        except (binascii.Error, ValueError):
            return None
        return cls(fmt if fmt in AUDIO_FORMATS else "bin", data) if data else None


@dataclass(slots=True)
class Draft:
    """A session's record before de-identification: roles and texts as recorded."""

    messages: list[dict[str, str]]
    metadata: dict[str, Any]
    audio: list[tuple[int, AudioClip]] = field(default_factory=list)  # (turn number, clip)


def _canonical(record: dict[str, Any]) -> bytes:
    metadata = {k: v for k, v in record["metadata"].items() if k != "sha256"}
    return orjson.dumps({**record, "metadata": metadata}, option=orjson.OPT_SORT_KEYS)


def checksum(record: dict[str, Any]) -> str:
    return hashlib.sha256(_canonical(record)).hexdigest()


def encode(record: dict[str, Any]) -> bytes:
    """The stored line, with `metadata.sha256` set."""
    record["metadata"]["sha256"] = checksum(record)
    return orjson.dumps(record) + b"\n"


def decode(line: bytes) -> dict[str, Any]:
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        raise BadRecord("not JSON") from None
    if not isinstance(record, dict) or not isinstance(record.get("metadata"), dict) \
            or not isinstance(record.get("messages"), list):
        raise BadRecord("not a record")
    if record["metadata"].get("sha256") != checksum(record):
        raise BadRecord("checksum mismatch")
    return record


def audio_entry(name: str, clip: AudioClip, turn: int) -> dict[str, Any]:
    return {"file": name, "format": clip.fmt, "bytes": len(clip.data), "turn": turn,
            "sha256": hashlib.sha256(clip.data).hexdigest()}

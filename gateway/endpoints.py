"""The OpenAI endpoints the gateway serves, and what each carries.

`name` is also the bounded `endpoint` label of metrics and logs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Endpoint:
    name: str
    path: str  # relative to /v1, and to a provider's base URL
    body: Literal["json", "multipart"]
    streams: bool  # accepts "stream": true
    default_model: str | None = None


CHAT = Endpoint("chat.completions", "/chat/completions", "json", True)
COMPLETIONS = Endpoint("completions", "/completions", "json", True)
RESPONSES = Endpoint("responses", "/responses", "json", True)
EMBEDDINGS = Endpoint("embeddings", "/embeddings", "json", False)
TRANSCRIPTIONS = Endpoint("audio.transcriptions", "/audio/transcriptions", "multipart", True)
TRANSLATIONS = Endpoint("audio.translations", "/audio/translations", "multipart", False)
SPEECH = Endpoint("audio.speech", "/audio/speech", "json", False)
MODERATIONS = Endpoint("moderations", "/moderations", "json", False, "omni-moderation-latest")

PROXIED: tuple[Endpoint, ...] = (
    CHAT,
    COMPLETIONS,
    RESPONSES,
    EMBEDDINGS,
    TRANSCRIPTIONS,
    TRANSLATIONS,
    SPEECH,
    MODERATIONS,
)

"""The one interface both moderation backends implement, and OpenAI's response shape.

A backend turns texts into `CategoryScores`; what to do with them is `policy.decide`'s job,
so the local model and OpenAI's `/v1/moderations` are interchangeable per tenant. Backend
failures raise `ModerationBackendError` (never with text in the message) and the caller
applies the tenant's `on_backend_failure` setting.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from .categories import CATEGORIES, CategoryScores

LOCAL_MODEL_NAME = "local-moderation"
DEFAULT_FLAG_THRESHOLD = 0.5


class ModerationBackendError(Exception):
    """A backend could not score the texts. The message names the backend and the reason
    class (timeout, HTTP status, malformed response, missing artefact), never content."""

    def __init__(self, backend: str, reason: str) -> None:
        super().__init__(f"moderation backend {backend!r} failed: {reason}")
        self.backend = backend
        self.reason = reason


@runtime_checkable
class ModerationBackend(Protocol):
    """`classify` returns one `CategoryScores` (all 13 categories) per input text, in order."""

    name: str

    async def classify(self, texts: list[str]) -> list[CategoryScores]: ...


def flagged_categories(scores: Mapping[str, float],
                       thresholds: Mapping[str, float] | None = None,
                       default: float = DEFAULT_FLAG_THRESHOLD) -> list[str]:
    """Categories at or above their threshold, in OpenAI's order."""
    limits = thresholds or {}
    return [c for c in CATEGORIES if scores.get(c, 0.0) >= limits.get(c, default)]


def render_openai_response(results: Sequence[Mapping[str, float]], model: str = LOCAL_MODEL_NAME,
                           thresholds: Mapping[str, float] | None = None,
                           response_id: str | None = None) -> dict[str, Any]:
    """A `CreateModerationResponse` body for `POST /v1/moderations`: one result per input,
    booleans from the thresholds, scores rounded to 6 places, and `text` as the applied
    input type of every category (the gateway moderates text only)."""
    rendered = []
    for scores in results:
        hits = set(flagged_categories(scores, thresholds))
        rendered.append({
            "flagged": bool(hits),
            "categories": {c: c in hits for c in CATEGORIES},
            "category_scores": {c: round(float(scores.get(c, 0.0)), 6) for c in CATEGORIES},
            "category_applied_input_types": {c: ["text"] for c in CATEGORIES},
        })
    return {
        "id": response_id or f"modr-{uuid.uuid4().hex}",
        "model": model,
        "results": rendered,
    }

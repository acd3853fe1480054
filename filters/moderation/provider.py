"""The provider backend: OpenAI's `/v1/moderations` (or a compatible server) over HTTP.

The only module in `filters/moderation` that imports aiohttp: it is an HTTP client by
nature. The caller sends redacted text only (moderation runs after PII redaction); this
module never logs it, and its errors carry the status or failure kind, never the body.
"""

from __future__ import annotations

from typing import Any

import aiohttp

from .backend import ModerationBackendError
from .categories import CATEGORIES, CategoryScores, complete


class ProviderModerationError(ModerationBackendError):
    """The provider did not answer, answered with an error status, or sent an unusable body."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__("provider", reason)
        self.status = status


def new_session() -> aiohttp.ClientSession:
    """A client session for callers that must not import aiohttp themselves (filters)."""
    return aiohttp.ClientSession()


class ProviderModerationBackend:
    name = "provider"

    def __init__(self, base_url: str, api_key: str | None, model: str,
                 session: aiohttp.ClientSession, timeout_s: float = 10.0) -> None:
        self._url = base_url.rstrip("/") + "/moderations"
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._model = model
        self._session = session
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)

    async def classify(self, texts: list[str]) -> list[CategoryScores]:
        if not texts:
            return []
        payload = {"model": self._model, "input": list(texts)}
        try:
            async with self._session.post(self._url, json=payload, headers=self._headers,
                                          timeout=self._timeout) as response:
                if response.status != 200:
                    raise ProviderModerationError(f"HTTP {response.status}", response.status)
                body = await response.json(content_type=None)
        except ProviderModerationError:
            raise
        except TimeoutError:
            raise ProviderModerationError("timeout") from None
        except aiohttp.ClientError as exc:
            raise ProviderModerationError(f"connection failed ({type(exc).__name__})") from None
        except ValueError:
            raise ProviderModerationError("response is not JSON") from None
        return parse_response(body, expected=len(texts))


def parse_response(body: Any, expected: int) -> list[CategoryScores]:
    """`CreateModerationResponse` -> one `CategoryScores` per input. Categories the provider
    does not score (older models lack `illicit`) are 0; extra ones are ignored."""
    results = body.get("results") if isinstance(body, dict) else None
    if not isinstance(results, list) or len(results) != expected:
        raise ProviderModerationError("malformed response: results missing or wrong length")
    out: list[CategoryScores] = []
    for result in results:
        scores = result.get("category_scores") if isinstance(result, dict) else None
        if not isinstance(scores, dict):
            raise ProviderModerationError("malformed response: category_scores missing")
        numeric = {c: scores[c] for c in CATEGORIES if isinstance(scores.get(c), (int, float))}
        out.append(complete(numeric))
    return out

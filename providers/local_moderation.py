"""The built-in `local-moderation` model: `POST /v1/moderations` answered by the shipped
classifier, in OpenAI's response shape, so apps can moderate without sending text to anyone."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gateway import endpoints as ep
from gateway.errors import InvalidRequest, PrivacyFilterUnavailable

from .base import JSONBody, UpstreamResponse

if TYPE_CHECKING:
    from gateway.context import RequestContext

NAME = "local-moderation"


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        texts = []
        for item in value:
            if isinstance(item, str):
                texts.append(item)
            elif isinstance(item, dict) and item.get("type") == "text" and isinstance(item.get("text"), str):
                texts.append(item["text"])
            else:
                raise InvalidRequest("local-moderation reads text inputs only.", code="unsupported_input", param="input")
        return texts
    raise InvalidRequest("'input' must be a string or a list of strings.", param="input")


class LocalModerationProvider:
    shows_filtered_text = True  # nothing to restore: the answer holds scores, not text

    def __init__(self, name: str = NAME) -> None:
        self.name = name
        self._backend = None

    async def close(self) -> None:
        return None

    async def send(self, ctx: "RequestContext") -> UpstreamResponse:
        from filters.moderation.backend import ModerationBackendError, render_openai_response
        from filters.moderation.local import LocalModerationBackend

        if ctx.endpoint is not ep.MODERATIONS:
            raise InvalidRequest("local-moderation answers /v1/moderations only.", code="model_not_supported",
                                 param="model")
        texts = _texts((ctx.body or {}).get("input"))
        if self._backend is None:
            self._backend = LocalModerationBackend()
        try:
            scores = await self._backend.classify(texts) if texts else []
        except ModerationBackendError:
            raise PrivacyFilterUnavailable() from None
        body = JSONBody(200, b"")
        body.replace(render_openai_response(scores, model=NAME, response_id=f"modr-{ctx.request_id}"))
        return body

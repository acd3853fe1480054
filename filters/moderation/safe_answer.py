"""The caring self-harm reply, shaped as an OpenAI chat completion (or its stream chunks).

When a request is about self-harm and the policy says `answer`, no model is called: the
gateway answers with the tenant's message and help resources in the user's language. The
bodies match `CreateChatCompletionResponse` / `CreateChatCompletionStreamResponse`, so the
OpenAI SDKs parse them like any other answer; the HTTP layer turns chunks into SSE.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from .policy import SafeAnswer

CHUNK_CHARS = 80


def render_text(answer: SafeAnswer) -> str:
    """The message, then one line per help resource."""
    lines = [answer.message.strip(), ""]
    for resource in answer.resources:
        line = f"- {resource.name}: {resource.contact}"
        if resource.hours:
            line += f" ({resource.hours})"
        if resource.url:
            line += f" {resource.url}"
        lines.append(line)
    return "\n".join(lines)


def _ids(completion_id: str | None, created: int | None) -> tuple[str, int]:
    return completion_id or f"chatcmpl-{uuid.uuid4().hex}", created or int(time.time())


def completion_body(answer: SafeAnswer, model: str, completion_id: str | None = None,
                    created: int | None = None) -> dict[str, Any]:
    cid, ts = _ids(completion_id, created)
    return {
        "id": cid,
        "object": "chat.completion",
        "created": ts,
        "model": model,
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": render_text(answer), "refusal": None},
            "logprobs": None,
            "finish_reason": "stop",
        }],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }


def completion_chunks(answer: SafeAnswer, model: str, completion_id: str | None = None,
                      created: int | None = None, include_usage: bool = False) -> list[dict[str, Any]]:
    """Role chunk, content in pieces, a final chunk with `finish_reason`, and the usage chunk
    (empty `choices`) when the request set `stream_options.include_usage`."""
    cid, ts = _ids(completion_id, created)
    text = render_text(answer)

    def chunk(delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
        return {
            "id": cid,
            "object": "chat.completion.chunk",
            "created": ts,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
        }

    chunks = [chunk({"role": "assistant", "content": ""}, None)]
    chunks += [chunk({"content": text[i : i + CHUNK_CHARS]}, None)
               for i in range(0, len(text), CHUNK_CHARS)]
    chunks.append(chunk({}, "stop"))
    if include_usage:
        chunks.append({
            "id": cid, "object": "chat.completion.chunk", "created": ts, "model": model,
            "choices": [],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        })
    return chunks

"""The built-in `echo` model: answers with the text a provider would have received, after every
filter, in the endpoint's own response shape, streaming too. It needs no network and no key,
which makes it the way to see the redaction and to try the gateway out."""

from __future__ import annotations

import hashlib
import io
import math
import re
import struct
import time
import wave
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from gateway import endpoints as ep
from gateway.sse import DONE_EVENT, SSEEvent, encode

from .base import ByteStream, EventStream, JSONBody, UpstreamResponse

if TYPE_CHECKING:
    from gateway.context import RequestContext

_WORDS = re.compile(r"\s*\S+\s*|\s+")


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(
            part.get("text", "") for part in content if isinstance(part, dict) and isinstance(part.get("text"), str)
        )
    return ""


def _chat_text(body: dict[str, Any]) -> str:
    return "\n".join(t for m in body.get("messages") or [] if isinstance(m, dict) and (t := _text_of(m.get("content"))))


def _responses_text(body: dict[str, Any]) -> str:
    texts = [body["instructions"]] if isinstance(body.get("instructions"), str) else []
    items = body.get("input")
    if isinstance(items, str):
        texts.append(items)
    elif isinstance(items, list):
        texts.extend(t for item in items if isinstance(item, dict) and (t := _text_of(item.get("content"))))
    return "\n".join(texts)


def _prompt_text(prompt: Any) -> str:
    if isinstance(prompt, list):
        return "\n".join(p for p in prompt if isinstance(p, str))
    return prompt if isinstance(prompt, str) else ""


def _usage(text: str) -> dict[str, int]:
    n = max(1, len(text.split()))
    return {"prompt_tokens": n, "completion_tokens": n, "total_tokens": 2 * n}


def _pieces(text: str) -> list[str]:
    return _WORDS.findall(text) or [""]


async def _events(items: list[tuple[str | None, Any]]) -> AsyncIterator[SSEEvent]:
    for event, data in items:
        yield SSEEvent(encode(data, event))
    yield SSEEvent(DONE_EVENT)


class EchoProvider:
    # Echo exists to show what a provider would receive, so its answers are not restored.
    shows_filtered_text = True

    def __init__(self, name: str = "echo") -> None:
        self.name = name

    async def close(self) -> None:
        return None

    async def send(self, ctx: "RequestContext") -> UpstreamResponse:
        body = ctx.body or {}
        rid = ctx.request_id
        created = int(time.time())
        endpoint = ctx.endpoint
        if endpoint is ep.CHAT:
            return self._chat(body, ctx, rid, created)
        if endpoint is ep.COMPLETIONS:
            return self._completion(body, ctx, rid, created)
        if endpoint is ep.RESPONSES:
            return self._response(body, ctx, rid, created)
        if endpoint is ep.EMBEDDINGS:
            return _json(_embeddings(body, ctx.model))
        if endpoint is ep.MODERATIONS:
            return _json(_moderations(body, ctx.model, rid))
        if endpoint is ep.SPEECH:
            return _speech(_prompt_text(body.get("input")))
        # Transcription and translation: the only text the provider would see is the prompt.
        text = (ctx.form.get("prompt") if ctx.form else None) or ""
        if ctx.form is not None and ctx.form.get("response_format") == "text":
            return ByteStream(200, "text/plain", _once(text.encode()))
        if ctx.stream:
            return EventStream(200, _events(
                [(None, {"type": "transcript.text.delta", "delta": p}) for p in _pieces(text)]
                + [(None, {"type": "transcript.text.done", "text": text})]
            ))
        return _json({"text": text})

    def _chat(self, body, ctx, rid, created) -> UpstreamResponse:
        text = _chat_text(body)
        base = {"id": f"chatcmpl-{rid}", "created": created, "model": ctx.model, "system_fingerprint": "echo"}
        if not ctx.stream:
            choice = {"index": 0, "message": {"role": "assistant", "content": text, "refusal": None},
                      "finish_reason": "stop", "logprobs": None}
            return _json({**base, "object": "chat.completion", "choices": [choice], "usage": _usage(text)})
        chunk = {**base, "object": "chat.completion.chunk"}
        items: list[tuple[str | None, Any]] = [
            (None, {**chunk, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]})
        ]
        items += [(None, {**chunk, "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}]})
                  for p in _pieces(text)]
        items.append((None, {**chunk, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}))
        if (body.get("stream_options") or {}).get("include_usage"):
            items.append((None, {**chunk, "choices": [], "usage": _usage(text)}))
        return EventStream(200, _events(items))

    def _completion(self, body, ctx, rid, created) -> UpstreamResponse:
        text = _prompt_text(body.get("prompt"))
        base = {"id": f"cmpl-{rid}", "object": "text_completion", "created": created, "model": ctx.model}
        if not ctx.stream:
            choice = {"index": 0, "text": text, "finish_reason": "stop", "logprobs": None}
            return _json({**base, "choices": [choice], "usage": _usage(text)})
        items: list[tuple[str | None, Any]] = [
            (None, {**base, "choices": [{"index": 0, "text": p, "finish_reason": None, "logprobs": None}]})
            for p in _pieces(text)
        ]
        items.append((None, {**base, "choices": [{"index": 0, "text": "", "finish_reason": "stop", "logprobs": None}]}))
        return EventStream(200, _events(items))

    def _response(self, body, ctx, rid, created) -> UpstreamResponse:
        text = _responses_text(body)
        msg_id = f"msg_{rid}"
        part = {"type": "output_text", "text": text, "annotations": []}
        message = {"type": "message", "id": msg_id, "status": "completed", "role": "assistant", "content": [part]}
        n = max(1, len(text.split()))
        response = {
            "id": f"resp_{rid}", "object": "response", "created_at": created, "status": "completed",
            "model": ctx.model, "output": [message], "parallel_tool_calls": True, "tool_choice": "auto",
            "tools": [], "error": None, "incomplete_details": None, "instructions": body.get("instructions"),
            "metadata": {}, "temperature": 1.0, "top_p": 1.0,
            "usage": {"input_tokens": n, "output_tokens": n, "total_tokens": 2 * n,
                      "input_tokens_details": {"cached_tokens": 0}, "output_tokens_details": {"reasoning_tokens": 0}},
        }
        if not ctx.stream:
            return _json(response)
        started = {**response, "status": "in_progress", "output": []}
        loc = {"item_id": msg_id, "output_index": 0, "content_index": 0}
        items: list[tuple[str, dict[str, Any]]] = [
            ("response.created", {"type": "response.created", "response": started}),
            ("response.output_item.added", {"type": "response.output_item.added", "output_index": 0,
                                            "item": {**message, "status": "in_progress", "content": []}}),
            ("response.content_part.added", {"type": "response.content_part.added", **loc,
                                             "part": {**part, "text": ""}}),
        ]
        items += [("response.output_text.delta", {"type": "response.output_text.delta", **loc, "delta": p, "logprobs": []})
                  for p in _pieces(text)]
        items += [
            ("response.output_text.done", {"type": "response.output_text.done", **loc, "text": text, "logprobs": []}),
            ("response.content_part.done", {"type": "response.content_part.done", **loc, "part": part}),
            ("response.output_item.done", {"type": "response.output_item.done", "output_index": 0, "item": message}),
            ("response.completed", {"type": "response.completed", "response": response}),
        ]
        for seq, (_, data) in enumerate(items):
            data["sequence_number"] = seq

        async def events() -> AsyncIterator[SSEEvent]:
            for event, data in items:
                yield SSEEvent(encode(data, event))

        return EventStream(200, events())


def _json(body: dict[str, Any]) -> JSONBody:
    result = JSONBody(200, b"")
    result.replace(body)
    return result


def _embeddings(body: dict[str, Any], model: str) -> dict[str, Any]:
    inputs = body.get("input")
    inputs = inputs if isinstance(inputs, list) and inputs and not isinstance(inputs[0], int) else [inputs]
    dims = body.get("dimensions") if isinstance(body.get("dimensions"), int) else 8
    data = []
    for i, item in enumerate(inputs):
        digest = hashlib.sha256(repr(item).encode()).digest()
        vector = [((digest[j % 32] / 255.0) * 2 - 1) for j in range(max(1, min(dims, 4096)))]
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        data.append({"object": "embedding", "index": i, "embedding": [v / norm for v in vector]})
    n = sum(len(_prompt_text(x).split()) for x in inputs) or 1
    return {"object": "list", "data": data, "model": model, "usage": {"prompt_tokens": n, "total_tokens": n}}


def _moderations(body: dict[str, Any], model: str, rid: str) -> dict[str, Any]:
    inputs = body.get("input")
    count = len(inputs) if isinstance(inputs, list) else 1
    result = {"flagged": False, "categories": {}, "category_scores": {}}
    return {"id": f"modr-{rid}", "model": model, "results": [result] * count}


def _speech(text: str) -> ByteStream:
    """A short silent WAV whose length follows the text, streamed in chunks like real audio."""
    frames = min(48_000, 16_000 * max(1, len(text)) // 20)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(16_000)
        wav.writeframes(struct.pack("<h", 0) * frames)
    audio = buffer.getvalue()

    async def chunks() -> AsyncIterator[bytes]:
        for i in range(0, len(audio), 8192):
            yield audio[i : i + 8192]

    return ByteStream(200, "audio/wav", chunks())


async def _once(data: bytes) -> AsyncIterator[bytes]:
    yield data

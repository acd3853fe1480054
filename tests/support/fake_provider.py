"""A local OpenAI-compatible provider that records what it received.

It is the only faked part of the system: tests and benchmarks reach it over real HTTP.
Behaviour is chosen by the model name, so concurrent tests cannot step on each other:

    fake-tools          chat answer with a tool call
    fake-refusal        chat answer that refuses, quoting the last user text in `refusal`
    fake-search         Responses answer led by a web search whose query quotes the input
    fake-error-<code>   answers HTTP <code> with an error body that quotes the request
    fake-hang           never sends headers (timeouts)
    fake-gated          streams one chunk, then waits until `release()` before the rest
    fake-break          streams one chunk, then drops the connection
    fake-unsafe         answers with a self-harm instruction, whatever was asked
    anything else       a normal answer; chat and completions echo the last user text
"""

from __future__ import annotations

import re

import asyncio
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiohttp import web

ANSWER_PREFIX = "You said: "
UNSAFE_ANSWER = ("Sure. I want to kill myself too, I have the pills ready and I will end my life tonight. "
                 "Cutting my wrists is the only way out.")
FLAG_MARKER = "kaboomerang"  # the fake moderation endpoint flags texts holding this


@dataclass
class Received:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any = None  # parsed JSON, or {field: value} for multipart (files as bytes)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)


class FakeProvider:
    def __init__(self) -> None:
        self.received: list[Received] = []
        self.gate = threading.Event()
        self.first_chunk_sent = threading.Event()
        self.cancelled = threading.Event()

    def reset(self) -> None:
        self.received.clear()
        self.gate.clear()
        self.first_chunk_sent.clear()
        self.cancelled.clear()

    def release(self) -> None:
        self.gate.set()

    def last(self) -> Received:
        assert self.received, "the fake provider received nothing"
        return self.received[-1]

    def app(self) -> web.Application:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_post("/v1/{path:.*}", self.handle)
        app.router.add_post("/openai/deployments/{deployment}/{path:.*}", self.handle)
        app.router.add_get("/v1/models", self.models)
        return app

    async def models(self, request: web.Request) -> web.Response:
        return web.json_response({"object": "list", "data": [{"id": "fake-model", "object": "model"}]})

    async def _record(self, request: web.Request) -> Received:
        entry = Received(request.method, request.path, dict(request.query), dict(request.headers))
        if request.content_type == "multipart/form-data":
            fields: dict[str, Any] = {}
            async for part in await request.multipart():
                data = await part.read()
                if part.filename is not None:
                    entry.files[part.name] = (part.filename, bytes(data))
                else:
                    fields[part.name] = data.decode()
            entry.body = fields
        else:
            entry.body = orjson.loads(await request.read())
        self.received.append(entry)
        return entry

    async def handle(self, request: web.Request) -> web.StreamResponse:
        entry = await self._record(request)
        body = entry.body
        model = str(body.get("model", ""))
        path = request.match_info["path"]
        if model.startswith("fake-error-"):
            status = int(model.rsplit("-", 1)[1])
            quoted = orjson.dumps(body)[:200].decode()
            return web.json_response(
                {"error": {"message": f"Invalid request: {quoted}", "type": "invalid_request_error",
                           "code": "bad_thing", "param": "messages"}},
                status=status,
            )
        if model == "fake-hang":
            await asyncio.sleep(3600)
        if path == "chat/completions":
            return await self._chat(request, body, model)
        if path == "completions":
            return _json({"id": "cmpl-1", "object": "text_completion", "created": 1, "model": model,
                          "choices": [{"index": 0, "text": ANSWER_PREFIX + str(body.get("prompt")),
                                       "finish_reason": "stop", "logprobs": None}]})
        if path == "responses":
            return await self._responses(request, body, model)
        if path == "embeddings":
            n = len(body["input"]) if isinstance(body.get("input"), list) else 1
            return _json({"object": "list", "model": model, "usage": {"prompt_tokens": 1, "total_tokens": 1},
                          "data": [{"object": "embedding", "index": i, "embedding": [0.1, 0.2, 0.3]} for i in range(n)]})
        if path in ("audio/transcriptions", "audio/translations"):
            return _json({"text": "transcribed audio"})
        if path == "audio/speech":
            return await self._speech(request)
        if path == "moderations":
            inputs = body.get("input") if isinstance(body.get("input"), list) else [body.get("input")]
            return _json({"id": "modr-1", "model": model, "results": [
                {"flagged": FLAG_MARKER in str(text), "categories": {"violence": FLAG_MARKER in str(text)},
                 "category_scores": {"violence": 0.99 if FLAG_MARKER in str(text) else 0.01}}
                for text in inputs]})
        return web.json_response({"error": {"message": "unknown path"}}, status=404)

    async def _chat(self, request: web.Request, body: dict, model: str) -> web.StreamResponse:
        last = next((m for m in reversed(body.get("messages", [])) if m.get("role") == "user"), {})
        content = last.get("content")
        text = ANSWER_PREFIX + (content if isinstance(content, str) else orjson.dumps(content).decode())
        if model == "fake-unsafe":
            text = UNSAFE_ANSWER
        if model == "fake-bare":  # a model that echoes placeholders without their brackets
            text = re.sub(r"<([A-Z][A-Z0-9_]*_[0-9]+)>", r"\1", text)
        message: dict[str, Any] = {"role": "assistant", "content": text, "refusal": None}
        finish = "stop"
        if model == "fake-tools":
            message = {"role": "assistant", "content": None, "refusal": None, "tool_calls": [
                {"id": "call_1", "type": "function",
                 "function": {"name": "lookup", "arguments": orjson.dumps({"query": text}).decode()}}]}
            finish = "tool_calls"
        if model == "fake-refusal":
            message = {"role": "assistant", "content": None, "refusal": text}
        if not body.get("stream"):
            return _json({"id": "chatcmpl-1", "object": "chat.completion", "created": int(time.time()),
                          "model": model, "choices": [{"index": 0, "message": message, "finish_reason": finish,
                                                       "logprobs": None}],
                          "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})
        base = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": model}
        pieces = [text[i : i + 4] for i in range(0, len(text), 4)]
        chunks = [{**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]}]
        field = "refusal" if model == "fake-refusal" else "content"
        chunks += [{**base, "choices": [{"index": 0, "delta": {field: p}, "finish_reason": None}]} for p in pieces]
        chunks.append({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        return await self._stream(request, [b"data: " + orjson.dumps(c) + b"\n\n" for c in chunks], model)

    async def _responses(self, request: web.Request, body: dict, model: str) -> web.StreamResponse:
        text = ANSWER_PREFIX + (body["input"] if isinstance(body.get("input"), str) else "items")
        message = {"type": "message", "id": "msg_1", "status": "completed", "role": "assistant",
                   "content": [{"type": "output_text", "text": text, "annotations": []}]}
        output: list[dict[str, Any]] = [message]
        if model == "fake-search":
            output.insert(0, {"type": "web_search_call", "id": "ws_1", "status": "completed",
                              "action": {"type": "search", "query": text}})
        response = {"id": "resp_1", "object": "response", "created_at": 1, "status": "completed", "model": model,
                    "output": output, "parallel_tool_calls": True, "tool_choice": "auto", "tools": []}
        if not body.get("stream"):
            return _json(response)
        events = [
            ("response.created", {"type": "response.created", "sequence_number": 0,
                                  "response": {**response, "status": "in_progress", "output": []}}),
            ("response.output_text.delta", {"type": "response.output_text.delta", "sequence_number": 1,
                                            "item_id": "msg_1", "output_index": 0, "content_index": 0,
                                            "delta": text, "logprobs": []}),
            ("response.completed", {"type": "response.completed", "sequence_number": 2, "response": response}),
        ]
        raw = [f"event: {name}\n".encode() + b"data: " + orjson.dumps(data) + b"\n\n" for name, data in events]
        return await self._stream(request, raw, model, done=False)

    async def _stream(self, request: web.Request, events: list[bytes], model: str, done: bool = True) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        try:
            await response.write(events[0])
            self.first_chunk_sent.set()
            if model == "fake-break":
                assert request.transport is not None
                request.transport.close()
                return response
            if model == "fake-gated":
                while not self.gate.is_set():
                    await asyncio.sleep(0.01)
            for event in events[1:]:
                await response.write(event)
            if done:
                await response.write(b"data: [DONE]\n\n")
            await response.write_eof()
        except (asyncio.CancelledError, ConnectionResetError):
            self.cancelled.set()
            raise
        return response

    async def _speech(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "audio/mpeg"})
        await response.prepare(request)
        for i in range(4):
            await response.write(bytes([i]) * 1024)
        await response.write_eof()
        return response


def _json(body: dict) -> web.Response:
    return web.Response(body=orjson.dumps(body), content_type="application/json")


def runner(fake: FakeProvider) -> web.AppRunner:
    return web.AppRunner(fake.app(), handler_cancellation=True, access_log=None)

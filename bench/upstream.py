"""A minimal, fast OpenAI-compatible upstream for benchmarks: a canned chat completion, and
a stream of N chunks with an optional gap between them. Run: python bench/upstream.py PORT"""

from __future__ import annotations

import asyncio
import sys

import orjson
from aiohttp import web

COMPLETION = orjson.dumps({
    "id": "chatcmpl-bench", "object": "chat.completion", "created": 1, "model": "gpt-bench",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "Sure, here is a short answer to that."},
                 "finish_reason": "stop", "logprobs": None}],
    "usage": {"prompt_tokens": 200, "completion_tokens": 9, "total_tokens": 209},
})
CHUNK = b"data: " + orjson.dumps({
    "id": "chatcmpl-bench", "object": "chat.completion.chunk", "created": 1, "model": "gpt-bench",
    "choices": [{"index": 0, "delta": {"content": "word "}, "finish_reason": None}],
}) + b"\n\n"
STREAM_CHUNKS = 20
CHUNK_GAP_S = 0.002


async def chat(request: web.Request) -> web.StreamResponse:
    body = await request.read()
    if b'"stream":true' not in body and b'"stream": true' not in body:
        return web.Response(body=COMPLETION, content_type="application/json")
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
    await response.prepare(request)
    for _ in range(STREAM_CHUNKS):
        await response.write(CHUNK)
        await asyncio.sleep(CHUNK_GAP_S)
    await response.write(b"data: [DONE]\n\n")
    await response.write_eof()
    return response


def main() -> None:
    app = web.Application()
    app.router.add_post("/v1/chat/completions", chat)
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=None, print=None)


if __name__ == "__main__":
    main()

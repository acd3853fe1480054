"""The provider backend against a fake OpenAI `/v1/moderations` on 127.0.0.1 (real HTTP)."""

from __future__ import annotations

import socket
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from filters.moderation.backend import ModerationBackend, ModerationBackendError
from filters.moderation.categories import CATEGORIES
from filters.moderation.provider import ProviderModerationBackend, ProviderModerationError

SECRET_TEXT = "my neighbour Jane Roe at 12 Elm Street"


def openai_result(**scores: float) -> dict[str, Any]:
    full = {c: scores.get(c, 0.0001) for c in CATEGORIES}
    return {"flagged": any(v >= 0.5 for v in full.values()),
            "categories": {c: v >= 0.5 for c, v in full.items()},
            "category_scores": full,
            "category_applied_input_types": {c: ["text"] for c in CATEGORIES}}


async def start(handler) -> tuple[web.AppRunner, str, list[dict[str, Any]]]:
    seen: list[dict[str, Any]] = []

    async def endpoint(request: web.Request) -> web.StreamResponse:
        seen.append({"body": await request.json(), "auth": request.headers.get("Authorization")})
        return await handler(request, seen[-1]["body"])

    app = web.Application()
    app.router.add_post("/v1/moderations", endpoint)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}/v1", seen


async def ok(request: web.Request, body: dict[str, Any]) -> web.Response:
    results = [openai_result(harassment=0.91) if "idiot" in t else openai_result() for t in body["input"]]
    return web.json_response({"id": "modr-1", "model": body["model"], "results": results})


async def test_provider_scores_each_input_and_sends_model_and_key():
    runner, base, seen = await start(ok)
    try:
        async with aiohttp.ClientSession() as session:
            backend = ProviderModerationBackend(base, "sk-test", "omni-moderation-latest", session, 5.0)
            assert isinstance(backend, ModerationBackend)
            out = await backend.classify(["you idiot", "nice weather"])
    finally:
        await runner.cleanup()
    assert seen[0]["body"] == {"model": "omni-moderation-latest", "input": ["you idiot", "nice weather"]}
    assert seen[0]["auth"] == "Bearer sk-test"
    assert out[0]["harassment"] == pytest.approx(0.91)
    assert out[1]["harassment"] < 0.01
    assert all(set(r) == set(CATEGORIES) for r in out)


async def test_categories_an_older_model_lacks_score_zero():
    async def legacy(request: web.Request, body: dict[str, Any]) -> web.Response:
        result = openai_result(hate=0.8)
        for key in ("illicit", "illicit/violent"):
            del result["category_scores"][key]
        return web.json_response({"id": "m", "model": "text-moderation-007", "results": [result]})

    runner, base, _ = await start(legacy)
    try:
        async with aiohttp.ClientSession() as session:
            out = await ProviderModerationBackend(base, None, "m", session).classify(["x"])
    finally:
        await runner.cleanup()
    assert out[0]["illicit"] == 0.0 and out[0]["hate"] == pytest.approx(0.8)


async def error_500(request: web.Request, body: dict[str, Any]) -> web.Response:
    return web.json_response({"error": {"message": f"cannot moderate {body['input'][0]}"}}, status=500)


async def wrong_length(request: web.Request, body: dict[str, Any]) -> web.Response:
    return web.json_response({"id": "m", "model": "m", "results": []})


async def not_json(request: web.Request, body: dict[str, Any]) -> web.Response:
    return web.Response(text="<html>gateway timeout</html>", content_type="text/html")


@pytest.mark.parametrize(("handler", "reason"), [
    (error_500, "HTTP 500"),
    (wrong_length, "malformed response"),
    (not_json, "not JSON"),
])
async def test_provider_failures_raise_a_typed_error_without_the_text(handler, reason):
    runner, base, _ = await start(handler)
    try:
        async with aiohttp.ClientSession() as session:
            with pytest.raises(ProviderModerationError) as caught:
                await ProviderModerationBackend(base, "k", "m", session).classify([SECRET_TEXT])
    finally:
        await runner.cleanup()
    assert reason in str(caught.value)
    assert "Jane" not in str(caught.value) and "Elm" not in str(caught.value)
    assert isinstance(caught.value, ModerationBackendError)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_server_down_raises_a_typed_connection_error():
    base = f"http://127.0.0.1:{free_port()}/v1"
    async with aiohttp.ClientSession() as session:
        with pytest.raises(ProviderModerationError) as caught:
            await ProviderModerationBackend(base, "k", "m", session, 2.0).classify([SECRET_TEXT])
    assert "connection failed" in str(caught.value)
    assert "Jane" not in str(caught.value)


async def test_no_texts_means_no_request():
    async with aiohttp.ClientSession() as session:
        backend = ProviderModerationBackend("http://127.0.0.1:9/v1", "k", "m", session)
        assert await backend.classify([]) == []

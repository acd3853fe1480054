"""The floor: the least an aiohttp reverse proxy can do. It forwards the body and relays the
answer, streams chunk by chunk, with one pooled client session; no parsing, no auth, no
logs. Run: python bench/bare_forwarder.py PORT UPSTREAM_BASE_URL"""

from __future__ import annotations

import sys

import aiohttp
from aiohttp import web


def build(upstream: str) -> web.Application:
    app = web.Application()

    async def start(app: web.Application) -> None:
        app["session"] = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=256))

    async def stop(app: web.Application) -> None:
        await app["session"].close()

    async def forward(request: web.Request) -> web.StreamResponse:
        body = await request.read()
        async with app["session"].post(upstream + request.path[3:], data=body,
                                       headers={"Content-Type": "application/json"}) as upstream_response:
            if upstream_response.content_type != "text/event-stream":
                return web.Response(body=await upstream_response.read(), status=upstream_response.status,
                                    content_type=upstream_response.content_type)
            response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
            await response.prepare(request)
            async for chunk in upstream_response.content.iter_any():
                await response.write(chunk)
            await response.write_eof()
            return response

    app.on_startup.append(start)
    app.on_cleanup.append(stop)
    app.router.add_post("/v1/{tail:.*}", forward)
    return app


if __name__ == "__main__":
    web.run_app(build(sys.argv[2].rstrip("/")), host="127.0.0.1", port=int(sys.argv[1]), access_log=None, print=None)

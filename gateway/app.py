"""The application factory and its lifecycle."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import time
from fnmatch import fnmatchcase

import orjson
from aiohttp import web
from aiohttp.web_protocol import RequestHandler
from aiohttp.web_request import BaseRequest

from providers.registry import build_providers, with_builtin_routes
from providers.router import ModelRouter

from .auth import TenantDirectory
from .chain import FilterChain
from .config_loader import LoadedConfig, load_config
from .endpoints import PROXIED
from . import metrics, observability, pii_api
from .errors import InternalError, InvalidRequest, ModelNotFound, error_body
from .middleware import gateway_middleware, on_response_prepare
from .privacy.install import install as install_privacy
from .proxy import proxy_handler
from .state import GATEWAY, Gateway

log = logging.getLogger("privacy_gateway.app")

CONFIG_ENV = "PRIVACY_GATEWAY_CONFIG"


def _json(body: object, status: int = 200) -> web.Response:
    return web.Response(body=orjson.dumps(body), status=status, content_type="application/json")


def _visible_models(request: web.Request) -> list[dict]:
    gateway = request.app[GATEWAY]
    tenant = gateway.tenants.authenticate(request.headers.get("Authorization"), request.remote)
    assert gateway.router is not None
    return [
        {"id": name, "object": "model", "created": 0, "owned_by": owner}
        for name, owner in gateway.router.listed_models()
        if any(fnmatchcase(name, pattern) for pattern in tenant.policy.models.allow)
    ]


async def list_models(request: web.Request) -> web.Response:
    return _json({"object": "list", "data": _visible_models(request)})


async def retrieve_model(request: web.Request) -> web.Response:
    model = request.match_info["model"]
    for entry in _visible_models(request):
        if entry["id"] == model:
            return _json(entry)
    raise ModelNotFound()


async def healthz(request: web.Request) -> web.Response:
    return _json({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    gateway = request.app[GATEWAY]
    # Filters load their detectors (PII engine, moderation model) when the chains are built.
    detectors = len(gateway.chains) == len(gateway.config.settings.tenants)
    checks = {"config": "ok", "providers": "ok" if gateway.router is not None else "starting",
              "detectors": "ok" if detectors else "loading"}
    for check in gateway.readiness_checks:
        name, state = await check()
        checks[name] = state
    ready = gateway.ready and all(v == "ok" for v in checks.values())
    return _json({"status": "ready" if ready else "not_ready", "checks": checks}, 200 if ready else 503)


async def _start(app: web.Application) -> None:
    gateway = app[GATEWAY]
    settings = gateway.config.settings
    started = time.perf_counter()
    gateway.providers = build_providers(settings.providers)
    gateway.router = ModelRouter(with_builtin_routes(settings.models), gateway.providers)
    resources = gateway.resources
    resources.items["router"] = gateway.router
    gateway.chains = {
        name: FilterChain.for_policy(gateway.config.policies[t.policy], resources)
        for name, t in settings.tenants.items()
    }
    observability.prepare(gateway)
    # Everything built so far (config, models, registries) lives as long as the process: keep it
    # out of the cyclic GC's generations so that collections only walk per-request garbage.
    gc.collect()
    gc.freeze()
    gateway.ready = True
    log.info("gateway started", extra={"fields": {
        "tenants": len(gateway.tenants.names()), "providers": len(gateway.providers),
        "ms": round((time.perf_counter() - started) * 1000, 1), "pid": os.getpid()}})


async def _stop(app: web.Application) -> None:
    gateway = app[GATEWAY]
    gateway.ready = False
    for provider in gateway.providers.values():
        await provider.close()
    http = gateway.resources.items.get("http")
    if http is not None:
        await http.close()


def build_app(config: LoadedConfig) -> web.Application:
    settings = config.settings
    app = web.Application(middlewares=[gateway_middleware], client_max_size=settings.server.body_limit_bytes)
    app[GATEWAY] = Gateway(
        config=config,
        tenants=TenantDirectory.from_settings(settings.tenants, config.policies),
        max_in_flight=settings.server.max_in_flight,
        body_limit=settings.server.body_limit_bytes,
        access_log=settings.server.access_log,
    )
    install_privacy(app, config)  # consent, profiles, session capture and finalizer (issue 6)
    for endpoint in PROXIED:
        app.router.add_post("/v1" + endpoint.path, proxy_handler(endpoint), name=endpoint.name)
    app.router.add_post("/v1/pii/analyze", pii_api.analyze, name="pii.analyze")
    app.router.add_get("/v1/models", list_models, name="models")
    app.router.add_get("/v1/models/{model}", retrieve_model, name="models.retrieve")
    app.router.add_get("/healthz", healthz, name="healthz")
    app.router.add_get("/readyz", readyz, name="readyz")
    app.router.add_get("/metrics", observability.scrape_handler(), name="metrics")
    app.on_response_prepare.append(on_response_prepare)
    app.on_startup.append(_start)
    app.on_cleanup.append(_stop)
    return app


class _QuietRequestHandler(RequestHandler):
    """aiohttp answers a malformed HTTP message (a bad header or request line, a broken chunk)
    itself, before any middleware, with a text body quoting the offending bytes. This answers
    in OpenAI's error shape and quotes nothing; aiohttp still logs it, as the exception's type."""

    def handle_error(self, request: BaseRequest, status: int = 500, exc: BaseException | None = None,
                     message: str | None = None) -> web.StreamResponse:
        super().handle_error(request, status, exc, None)  # its logging and its already-sent check
        metrics.count_error("malformed_http" if status < 500 else "internal_error")
        err = InvalidRequest("The HTTP request is malformed.", code="malformed_http") if status < 500 else InternalError()
        response = web.Response(body=error_body(err), status=status, content_type="application/json")
        response.force_close()
        return response


class _QuietServer(web.Server):
    def __call__(self) -> RequestHandler:
        return _QuietRequestHandler(self, loop=self._loop, **self._kwargs)


class GatewayRunner(web.AppRunner):
    async def _make_server(self) -> web.Server:
        server = await super()._make_server()
        server.__class__ = _QuietServer  # the same object, only its protocol factory differs
        return server


def make_runner(app: web.Application, *, handle_signals: bool = False) -> web.AppRunner:
    settings = app[GATEWAY].config.settings.server
    # handler_cancellation: a client that disconnects cancels its handler, and with it the
    # upstream call. shutdown_timeout: on SIGTERM, streams in flight get this long to finish.
    return GatewayRunner(app, handler_cancellation=True, access_log=None, handle_signals=handle_signals,
                         shutdown_timeout=settings.shutdown_timeout_s)


def run(app: web.Application, host: str, port: int) -> None:
    """One process (`serve` without `--workers`): what `web.run_app` does, with our runner. On
    SIGINT or SIGTERM the runner raises GracefulExit; the clean-up lets streams in flight end."""
    runner = make_runner(app, handle_signals=True)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    async def serve() -> None:
        await runner.setup()
        await web.TCPSite(runner, host, port).start()
        await asyncio.Event().wait()

    try:
        loop.run_until_complete(serve())
    except (web.GracefulExit, KeyboardInterrupt):
        pass
    finally:
        loop.run_until_complete(runner.cleanup())
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()


async def gunicorn_factory() -> web.AppRunner:
    """Entry point of each gunicorn worker (`--workers N`)."""
    from . import logs

    config = load_config(os.environ[CONFIG_ENV])
    logs.configure(config.settings.server.log_level)
    return make_runner(build_app(config))

"""`install(app, config)`: the one call `gateway.app.build_app` makes for consent and capture.

It builds the `PrivacyRuntime`, hands it to filters (`FilterResources.items["privacy"]`, read
by the `consent` filter; also `resources.settings`, `resources.secret` and, with Redis,
`items["redis"]` when nobody set them, so every filter shares one secret and one pool), adds
the admin and session-end routes, a `/readyz` check naming the store, and starts/stops the
session finalizer with the app. `gateway.app._start` must build the chains from
`gateway.resources` (not a fresh `FilterResources`) for the consent filter to find it."""

from __future__ import annotations

from aiohttp import web

from gateway.config_loader import LoadedConfig
from gateway.state import GATEWAY

from .export import add_routes as add_export_route
from .hooks import PRIVACY
from .routes import add_routes
from .runtime import RESOURCE, PrivacyRuntime


def install(app: web.Application, config: LoadedConfig) -> PrivacyRuntime:
    gateway = app[GATEWAY]
    runtime = PrivacyRuntime.from_config(config, resources=gateway.resources)  # shares the PII engine
    app[PRIVACY] = runtime
    resources = gateway.resources
    resources.items[RESOURCE] = runtime
    # One secret and one Redis pool per process for every filter (the PII vault reads these).
    if getattr(resources, "settings", None) is None and hasattr(resources, "settings"):
        resources.settings = config.settings
    if hasattr(resources, "secret") and not resources.secret:
        resources.secret = runtime.secrets.raw
    client = getattr(runtime.store, "client", None)
    if client is not None:
        resources.items.setdefault("redis", client)
    gateway.readiness_checks.append(runtime.readiness)
    add_routes(app)
    add_export_route(app)  # GET .../users/{user}/export (gateway/privacy/export.py)

    async def start(app: web.Application) -> None:
        await runtime.start()

    async def stop(app: web.Application) -> None:
        await runtime.stop()

    app.on_startup.append(start)
    app.on_cleanup.append(stop)
    return runtime

"""Process-wide state of a running gateway, and the typed keys it is stored under."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web

from filters.registry import FilterResources
from providers.base import Provider
from providers.router import ModelRouter

from .auth import TenantDirectory
from .chain import FilterChain
from .config_loader import LoadedConfig
from .context import RequestContext


@dataclass(slots=True, eq=False)
class Gateway:
    config: LoadedConfig
    tenants: TenantDirectory
    max_in_flight: int
    body_limit: int
    access_log: bool
    providers: dict[str, Provider] = field(default_factory=dict)
    router: ModelRouter | None = None
    chains: dict[str, FilterChain] = field(default_factory=dict)
    in_flight: int = 0
    ready: bool = False
    # Shared with every filter factory at start-up (engines, the privacy runtime).
    resources: FilterResources = field(default_factory=FilterResources)
    # Extra `/readyz` checks: each answers (name, "ok" or why not), e.g. ("store", "ok").
    readiness_checks: list[Callable[[], Awaitable[tuple[str, str]]]] = field(default_factory=list)


GATEWAY = web.AppKey("gateway", Gateway)
REQUEST_ID = web.RequestKey("request_id", str)
REQUEST_CONTEXT = web.RequestKey("ctx", RequestContext)

__all__ = ["GATEWAY", "REQUEST_CONTEXT", "REQUEST_ID", "Gateway", "RequestContext"]

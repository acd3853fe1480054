"""The one object that flows through a call: routes build it, filters read and change it,
providers send it. Nothing here knows about aiohttp."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from ipaddress import IPv4Network, IPv6Network
from typing import TYPE_CHECKING, Any

from .endpoints import Endpoint
from .policy import Policy

if TYPE_CHECKING:
    from filters.base import ResponseFilter
    from providers.base import Route

    from .multipart import MultipartForm


@dataclass(frozen=True, slots=True)
class Tenant:
    name: str
    policy: Policy
    key_digest: bytes  # sha256 of the key; the key itself is not kept
    allow_from: tuple[IPv4Network | IPv6Network, ...] = ()


@dataclass(slots=True, eq=False)
class RequestContext:
    request_id: str
    endpoint: Endpoint
    tenant: Tenant
    model: str
    stream: bool = False
    # Exactly one of body (JSON endpoints) and form (multipart audio uploads) is set. The body
    # is the caller's dict: unknown fields travel to the provider untouched.
    body: dict[str, Any] | None = None
    form: "MultipartForm | None" = None
    user_id: str | None = None
    session_id: str | None = None
    route: "Route | None" = None
    response_filters: "list[ResponseFilter]" = field(default_factory=list)
    redactions: Counter[str] = field(default_factory=Counter)
    moderation: str | None = None
    # Per-filter scratch space (the session's vault, detection results), keyed by filter name.
    state: dict[str, Any] = field(default_factory=dict)
    started: float = field(default_factory=time.perf_counter)
    # Set by the `consent` filter: "adult", "minor", "child" or "unknown" (None: not run).
    audience: str | None = None
    # `X-Gateway-Child: true` from the app: can only restrict (gateway/privacy/hooks.py).
    child_flag: bool = False
    upstream_seconds: float = 0.0

    @property
    def policy(self) -> Policy:
        return self.tenant.policy

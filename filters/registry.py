"""The explicit registry of filters a policy may name in its `filters:` list.

A factory receives the tenant's policy and the process-wide `FilterResources` and returns
the filter; it runs once per tenant at start-up, so heavy set-up (models, engines) is paid
there and never on a request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .base import RequestFilter

if TYPE_CHECKING:
    from gateway.policy import Policy


@dataclass(slots=True)
class FilterResources:
    """Things filters share across tenants (engines, stores, secrets), built once per process
    on first use by whichever tenant needs them."""

    settings: Any = None  # gateway.settings.GatewaySettings
    secret: bytes = b""
    items: dict[str, Any] = field(default_factory=dict)

    def shared(self, name: str, build: Callable[[], Any]) -> Any:
        if name not in self.items:
            self.items[name] = build()
        return self.items[name]


FilterFactory = Callable[["Policy", FilterResources], RequestFilter]

REQUEST_FILTERS: dict[str, FilterFactory] = {}


def register(name: str) -> Callable[[FilterFactory], FilterFactory]:
    def decorate(factory: FilterFactory) -> FilterFactory:
        if name in REQUEST_FILTERS:
            raise ValueError(f"filter {name!r} is registered twice")
        REQUEST_FILTERS[name] = factory
        return factory

    return decorate


def _pii(policy: "Policy", resources: FilterResources) -> RequestFilter:
    from .pii.redaction import build_pii_filter  # Presidio and spaCy load only when used

    return build_pii_filter(policy, resources)


def _moderation(policy: "Policy", resources: FilterResources) -> RequestFilter:
    from .moderation.request_filter import build_moderation_filter

    return build_moderation_filter(policy, resources)


REQUEST_FILTERS["pii"] = _pii
REQUEST_FILTERS["moderation"] = _moderation


# Filters register themselves on import; the list is explicit.
from . import consent  # noqa: E402,F401

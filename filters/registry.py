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
    """Things filters share across tenants (engines, stores, secrets), built once."""

    items: dict[str, Any] = field(default_factory=dict)


FilterFactory = Callable[["Policy", FilterResources], RequestFilter]

REQUEST_FILTERS: dict[str, FilterFactory] = {}


def register(name: str) -> Callable[[FilterFactory], FilterFactory]:
    def decorate(factory: FilterFactory) -> FilterFactory:
        if name in REQUEST_FILTERS:
            raise ValueError(f"filter {name!r} is registered twice")
        REQUEST_FILTERS[name] = factory
        return factory

    return decorate

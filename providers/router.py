"""Which provider serves a model: aliases first, then exact names, then glob patterns in the
order the config lists them."""

from __future__ import annotations

from fnmatch import fnmatchcase
from functools import lru_cache

from gateway.settings import ModelSettings, RouteSettings

from .base import Provider, Route

_GLOB_CHARS = frozenset("*?[")


class ModelRouter:
    def __init__(self, settings: ModelSettings, providers: dict[str, Provider]) -> None:
        self._providers = providers
        self._aliases = dict(settings.aliases)
        self._exact: dict[str, RouteSettings] = {}
        self._patterns: list[RouteSettings] = []
        for rule in settings.routes:
            if _GLOB_CHARS.isdisjoint(rule.match):
                self._exact.setdefault(rule.match, rule)
            else:
                self._patterns.append(rule)
        # Model names are caller input, so the cache is bounded.
        self.resolve = lru_cache(maxsize=4096)(self._resolve)

    def _route(self, rule: RouteSettings, model: str) -> Route:
        return Route(
            provider=self._providers[rule.provider],
            upstream_model=rule.upstream_model or model,
            fallback=self._providers[rule.fallback] if rule.fallback else None,
        )

    def _resolve(self, model: str) -> Route | None:
        target = self._aliases.get(model, model)
        rule = self._exact.get(target)
        if rule is None:
            rule = next((r for r in self._patterns if fnmatchcase(target, r.match)), None)
        return self._route(rule, target) if rule is not None else None

    def listed_models(self) -> list[tuple[str, str]]:
        """(model id, owner) for every name a client can call without guessing a pattern."""
        names = [*self._exact, *self._aliases]
        return [(name, route.provider.name) for name in names if (route := self.resolve(name))]

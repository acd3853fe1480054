"""Builds the configured providers. `echo` is built in: it exists even when the config does
not name it, so a fresh install can always be tried."""

from __future__ import annotations

from gateway.settings import ModelSettings, ProviderSettings, RouteSettings

from .base import Provider
from .echo import EchoProvider
from .openai_compat import OpenAICompatible

ECHO = "echo"


def build_providers(settings: dict[str, ProviderSettings]) -> dict[str, Provider]:
    providers: dict[str, Provider] = {}
    for name, provider in settings.items():
        providers[name] = EchoProvider(name) if provider.type == "echo" else OpenAICompatible(name, provider)
    providers.setdefault(ECHO, EchoProvider(ECHO))
    return providers


def with_builtin_routes(models: ModelSettings) -> ModelSettings:
    if any(route.match == ECHO for route in models.routes) or ECHO in models.aliases:
        return models
    return models.model_copy(update={"routes": [RouteSettings(match=ECHO, provider=ECHO), *models.routes]})

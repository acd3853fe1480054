"""Builds the configured providers. `echo` and `local-moderation` are built in: they exist
even when the config does not name them, so a fresh install can always be tried."""

from __future__ import annotations

from gateway.settings import ModelSettings, ProviderSettings, RouteSettings

from .base import Provider
from .echo import EchoProvider
from .local_moderation import NAME as LOCAL_MODERATION
from .local_moderation import LocalModerationProvider
from .openai_compat import OpenAICompatible

ECHO = "echo"
BUILT_IN = (ECHO, LOCAL_MODERATION)


def build_providers(settings: dict[str, ProviderSettings]) -> dict[str, Provider]:
    providers: dict[str, Provider] = {}
    for name, provider in settings.items():
        providers[name] = EchoProvider(name) if provider.type == "echo" else OpenAICompatible(name, provider)
    providers.setdefault(ECHO, EchoProvider(ECHO))
    providers.setdefault(LOCAL_MODERATION, LocalModerationProvider(LOCAL_MODERATION))
    return providers


def with_builtin_routes(models: ModelSettings) -> ModelSettings:
    """`echo` and `local-moderation` answer under their own names unless the config routes
    those names itself."""
    taken = {route.match for route in models.routes} | set(models.aliases)
    builtin = [RouteSettings(match=name, provider=name) for name in BUILT_IN if name not in taken]
    return models.model_copy(update={"routes": [*builtin, *models.routes]}) if builtin else models

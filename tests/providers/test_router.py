"""Model routing: alias, exact name, glob patterns in order, upstream renames, fallbacks."""

from __future__ import annotations

import pytest

from gateway.settings import ModelSettings, RouteSettings
from providers.echo import EchoProvider
from providers.registry import with_builtin_routes
from providers.router import ModelRouter

PROVIDERS = {name: EchoProvider(name) for name in ("a", "b", "c")}
SETTINGS = ModelSettings(
    aliases={"fast": "gpt-4o-mini", "house": "llama-3"},
    routes=[
        RouteSettings(match="gpt-4o-mini", provider="b"),
        RouteSettings(match="gpt-*", provider="a", fallback="c"),
        RouteSettings(match="llama-*", provider="c", upstream_model="meta-llama/Llama-3-8B"),
        RouteSettings(match="*", provider="b"),
    ],
)
ROUTER = ModelRouter(SETTINGS, PROVIDERS)


@pytest.mark.parametrize(
    "model,provider,upstream,fallback",
    [
        ("gpt-4o-mini", "b", "gpt-4o-mini", None),  # exact beats an earlier-matching glob
        ("gpt-4o", "a", "gpt-4o", "c"),
        ("fast", "b", "gpt-4o-mini", None),  # alias, then exact
        ("house", "c", "meta-llama/Llama-3-8B", None),
        ("llama-3-70b", "c", "meta-llama/Llama-3-8B", None),
        ("anything", "b", "anything", None),  # catch-all last
    ],
)
def test_resolution(model, provider, upstream, fallback):
    route = ROUTER.resolve(model)
    assert route.provider.name == provider
    assert route.upstream_model == upstream
    assert (route.fallback.name if route.fallback else None) == fallback


def test_patterns_are_case_sensitive_and_unknown_models_are_unrouted():
    router = ModelRouter(ModelSettings(routes=[RouteSettings(match="gpt-*", provider="a")]), PROVIDERS)
    assert router.resolve("GPT-4o") is None
    assert router.resolve("claude") is None


def test_listed_models_hold_exact_names_and_aliases_but_no_patterns():
    assert sorted(name for name, _ in ROUTER.listed_models()) == ["fast", "gpt-4o-mini", "house"]


def test_built_in_models_are_routed_unless_the_config_routes_those_names_itself():
    assert [r.match for r in with_builtin_routes(ModelSettings()).routes] == ["echo", "local-moderation"]
    own = ModelSettings(routes=[RouteSettings(match="echo", provider="a"),
                                RouteSettings(match="local-moderation", provider="b")])
    assert with_builtin_routes(own) is own
    partly = with_builtin_routes(ModelSettings(routes=[RouteSettings(match="echo", provider="a")]))
    assert [(r.match, r.provider) for r in partly.routes] == [("local-moderation", "local-moderation"), ("echo", "a")]

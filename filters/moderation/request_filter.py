"""The `moderation` request filter: every text the provider would see is scored before any
provider sees it, and the tenant's policy for the caller's audience decides: block, answer
(the caring self-harm reply, no model called), flag, or allow."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from filters.base import CONTINUE, Answer, Block, Decision
from gateway import endpoints as ep
from filters.text_cache import TextResultCache, cache_scope
from filters.walkers import collect

from .backend import ModerationBackend, ModerationBackendError
from .categories import CATEGORIES
from .output_filter import OutputModerator
from .policy import Audience, ModerationPolicy, decide
from .safe_answer import completion_body, render_text

if TYPE_CHECKING:
    from gateway.context import RequestContext

log = logging.getLogger("privacy_gateway.moderation")

# Without the consent filter nobody is known to be young; with it, an unknown age is treated
# as a minor's, the cautious middle between the adult and child thresholds.
_AUDIENCE: dict[str | None, Audience] = {None: "adult", "adult": "adult", "minor": "minor", "child": "child",
                                         "unknown": "minor"}


def audience_of(ctx: "RequestContext") -> Audience:
    if getattr(ctx, "child_flag", False):
        return "child"
    return _AUDIENCE.get(getattr(ctx, "audience", None), "minor")


def _language(ctx: "RequestContext") -> str | None:
    body = ctx.body or {}
    metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else {}
    language = metadata.get("language") if metadata else None
    return language if isinstance(language, str) else None


class ModerationFilter:
    name: ClassVar[str] = "moderation"

    def __init__(self, policy: ModerationPolicy, backend: ModerationBackend, output: OutputModerator | None,
                 cache: TextResultCache[Mapping[str, float]] | None = None) -> None:
        self.policy = policy
        self.backend = backend
        self.output = output
        self.cache = cache

    async def _classify(self, ctx: "RequestContext", texts: list[str]) -> list[Mapping[str, float]]:
        """Scores per text: remembered where this process has scored the text, from one
        backend call for all the others."""
        if self.cache is None:
            return await self.backend.classify(texts)
        scope = cache_scope(filter=self.name, backend=self.backend.name, tenant=ctx.tenant.name)
        scores, _ = await self.cache.through(scope, texts, self.backend.classify,
                                             freeze=lambda result: MappingProxyType(dict(result)))
        return scores

    async def on_request(self, ctx: "RequestContext") -> Decision:
        if ctx.endpoint is ep.MODERATIONS:
            return CONTINUE  # the app is asking for moderation itself: refusing it would defeat that
        audience = audience_of(ctx)
        if self.output is not None and audience in self.policy.moderate_output_for:
            ctx.response_filters.append(self.output.for_request(_language(ctx)))
        texts = collect(ctx).texts
        if not texts:
            return CONTINUE
        try:
            results = await self._classify(ctx, texts)
        except ModerationBackendError as exc:
            log.warning("moderation backend failed", extra={"fields": {
                "request_id": ctx.request_id, "backend": exc.backend, "reason": exc.reason}})
            if self.policy.failure_action(audience) == "block":
                raise  # the chain fails closed: 503 privacy_filter_unavailable
            ctx.moderation = "unavailable"
            return CONTINUE
        scores = {c: max((r.get(c, 0.0) for r in results), default=0.0) for c in CATEGORIES}
        decision = decide(scores, audience, self.policy)
        ctx.state[self.name] = {"action": decision.action, "categories": decision.categories,
                                "flagged": decision.flagged, "audience": audience}
        if decision.action == "block":
            ctx.moderation = "blocked"
            return Block("content_policy", "The request was blocked by the content policy.", decision.categories)
        if decision.action == "answer":
            ctx.moderation = "answered"
            answer = self.policy.answer_for(_language(ctx))
            if ctx.endpoint is not ep.CHAT:
                # Only a chat answer can carry the caring reply in the shape the app expects.
                return Block("content_policy", render_text(answer), decision.categories)
            return Answer(completion_body(answer, ctx.model), reason="self-harm")
        ctx.moderation = f"flagged: {', '.join(decision.flagged)}" if decision.action == "flag" else "allowed"
        return CONTINUE


def build_moderation_filter(policy, resources) -> ModerationFilter:  # noqa: ANN001 - Policy, FilterResources
    """One per tenant. The local model loads once per process; the provider backend talks to
    whichever provider routes the policy's `provider_model`, through that provider's base URL
    and key, and is sent the (already redacted) text only."""
    from .local import LocalModerationBackend, shared_model

    rules = policy.moderation
    if rules is None:
        raise ValueError(f"policy {policy.name}: the moderation filter needs a 'moderation:' section")
    if rules.backend == "local":
        backend: ModerationBackend = resources.shared("moderation.local", LocalModerationBackend)
    else:
        backend = _provider_backend(rules.provider_model, resources)
    output = OutputModerator(rules, shared_model().score) if rules.moderate_output_for else None
    cache = resources.shared("text-results", TextResultCache) if rules.backend == "local" and rules.score_cache else None
    return ModerationFilter(rules, backend, output, cache)


def _provider_backend(model: str, resources) -> ModerationBackend:  # noqa: ANN001
    from .provider import ProviderModerationBackend, new_session

    route = resources.items["router"].resolve(model)
    if route is None:
        raise ValueError(f"moderation.provider_model: no route for model {model!r}")
    provider = resources.settings.providers.get(route.provider.name)
    if provider is None or provider.type != "openai":
        raise ValueError("moderation.provider_model: must route to an OpenAI-compatible provider")
    session = resources.shared("http", new_session)
    key = provider.api_key.get_secret_value() if provider.api_key else None
    return ProviderModerationBackend(provider.base_url, key, route.upstream_model, session)

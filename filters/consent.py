"""The `consent` request filter: who is this request's user, and may its turn be recorded?

It loads the user's profile (by pseudonym), sets `ctx.audience` (adult, minor, child,
unknown) and `ctx.state["consent"]` (what the session recorder reads), and for the audiences
the tenant's policy protects strips end-user identifiers and asks the provider not to store.
`X-Gateway-Child: true` (ctx.child_flag) can only restrict: it makes the request a child's,
records nothing and closes the session's buffer, whatever the profile says.

When the store cannot be reached the policy decides: serve with audience unknown and nothing
captured (the default), or refuse with 503 privacy_filter_unavailable. Anything unexpected
raises, and the chain fails closed."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, ClassVar

from gateway.endpoints import CHAT, RESPONSES
from gateway.privacy.eligibility import RESOURCE, STATE_KEY, ConsentState, Verdict, assess, capture_blocked
from gateway.store import StoreUnavailable

from .base import CONTINUE, Decision
from .registry import FilterResources, register
from .walkers import web_search_settings

if TYPE_CHECKING:
    from gateway.context import RequestContext
    from gateway.policy import Policy
    from gateway.privacy.runtime import PrivacyRuntime

log = logging.getLogger("privacy_gateway.filters.consent")

CHILD_END_REASON = "child_flag"  # the finalizer discards such sessions whatever the profile says
IDENTIFIERS = ("user", "safety_identifier", "metadata")
STORE_FIELD_ENDPOINTS = frozenset({CHAT.name, RESPONSES.name})


class StoreDown(Exception):
    """The store is unreachable and the tenant's policy says to refuse."""


class ConsentFilter:
    name: ClassVar[str] = "consent"

    def __init__(self, policy: "Policy", resources: FilterResources) -> None:
        self.policy = policy
        self.rules = policy.privacy
        self.blocked = capture_blocked(policy)  # e.g. no redaction filter in the chain
        self.resources = resources

    def _runtime(self) -> "PrivacyRuntime":
        runtime = self.resources.items.get(RESOURCE)
        if runtime is None:
            raise RuntimeError("privacy runtime not installed")  # fails closed
        return runtime

    async def on_request(self, ctx: "RequestContext") -> Decision:
        runtime = self._runtime()
        tenant = ctx.tenant.name
        subject = runtime.secrets.subject(tenant, ctx.user_id) if ctx.user_id else None
        session = runtime.secrets.session(tenant, ctx.session_id) if ctx.session_id else None
        child_flag = ctx.child_flag and self.rules.honour_child_header
        store_ok = True
        profile = None
        try:
            if subject is not None and (self.rules.training or not child_flag):
                profile = await runtime.profiles.get(tenant, subject)
            if subject is not None and session is not None:
                # So that erasing the user also finds this session's vault, captured or not.
                await runtime.store.link_session(tenant, session, subject, self.rules.session_ttl_s * 1000)
            if child_flag and session is not None and self.rules.training:
                # A child's session keeps nothing: close it and drop what was already recorded.
                await runtime.store.end_session(tenant, session, CHILD_END_REASON, int(time.time() * 1000),
                                                self.rules.session_ttl_s * 1000)
                await runtime.store.discard_session(tenant, session, subject)
        except StoreUnavailable:
            if self.rules.store_down == "refuse":
                raise StoreDown() from None
            store_ok = False
        verdict = assess(profile, self.rules, runtime.ages, datetime.now(UTC).date(), child_flag=child_flag)
        if not store_ok:
            verdict = Verdict(False, "store_unavailable", "child" if child_flag else "unknown",
                              True if child_flag else None, verdict.consent_age)
        capture = verdict.eligible and session is not None and self.blocked is None
        ctx.audience = verdict.audience
        ctx.state[STATE_KEY] = ConsentState(subject=subject, session=session, verdict=verdict, capture=capture)
        stripped = self._protect(ctx) if verdict.audience in self.rules.minors.audiences else 0
        if not self.rules.provider_store and ctx.body is not None and ctx.endpoint.name in STORE_FIELD_ENDPOINTS:
            stripped += ctx.body.get("store") is not False  # every audience: keep nothing at the provider
            ctx.body["store"] = False
        log.debug("consent", extra={"fields": {"request_id": ctx.request_id, "audience": verdict.audience,
                                               "reason": verdict.reason, "capture": capture,
                                               "stripped": stripped}})
        return CONTINUE

    def _protect(self, ctx: "RequestContext") -> int:
        """Strip end-user identifiers and set `store: false`; returns how many fields changed."""
        body = ctx.body
        if body is None:
            return 0
        changed = 0
        if self.rules.minors.strip_identifiers:
            for key in IDENTIFIERS:
                if body.pop(key, None) is not None:
                    changed += 1
            changed += _strip_user_location(body)
        if self.rules.minors.store_false and ctx.endpoint.name in STORE_FIELD_ENDPOINTS:
            changed += body.get("store") is not False
            body["store"] = False
        return changed


def _strip_user_location(body: dict) -> int:
    """A web search's user location (chat `web_search_options`, Responses web search tools):
    a minor's whereabouts are not the provider's to know (COPPA counts a city as personal
    information). The search still runs, unlocalised."""
    return sum(settings.pop("user_location", None) is not None for settings in web_search_settings(body))


@register("consent")
def consent_filter(policy: "Policy", resources: FilterResources) -> ConsentFilter:
    return ConsentFilter(policy, resources)

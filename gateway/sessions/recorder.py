"""The session recorder: after a provider answered, append the turn (redacted prompt, the
provider's answer as sent, modality) to the session's buffer, sealed, size-capped, with a TTL.

Only requests the `consent` filter marked as capturable are recorded (tenant allows training,
user eligible right now, a session id present, the store reachable): a session already known
to be ineligible records no content at all. Eligibility is decided again at finalization.
The audio of a turn (`input_audio` parts) is sealed into it only where the tenant keeps audio
(`privacy.audio.store`) and the user is an adult: a minor's or a child's voice is never kept.

Public hook for the proxy (`gateway/proxy.py`), after the provider answered:

    upstream = await tap_upstream(request, ctx, upstream)

JSON answers are recorded before they are relayed; streams are recorded when their last event
arrives, before it is relayed, so a session-end call made after the answer always sees it.
`Recorder.record_turn(ctx, request_text=..., answer_text=...)` is the direct form."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from typing import Literal

import orjson

from gateway.context import RequestContext
from gateway.privacy.eligibility import STATE_KEY, ConsentState
from gateway.privacy.pseudonyms import Secrets
from gateway.sse import DONE, SSEEvent
from gateway.store import SessionLimits, Store, StoreUnavailable
from providers.base import EventStream, JSONBody, UpstreamResponse

from .transcript import RECORDED, Message, answer_of, audio_of, delta_of, prompt_of

log = logging.getLogger("privacy_gateway.sessions")

Recorded = Literal["ok", "closed", "full", "skipped", "store_unavailable"]


def limits_for(ctx: RequestContext) -> SessionLimits:
    rules = ctx.policy.privacy
    return SessionLimits(ttl_ms=rules.session_ttl_s * 1000, idle_ms=rules.session_idle_s * 1000,
                         max_bytes=rules.max_session_bytes)


def turn_aad(tenant: str, session: str) -> str:
    return f"{tenant}:{session}:turn"


class Recorder:
    def __init__(self, store: Store, secrets: Secrets) -> None:
        self.store = store
        self.secrets = secrets

    @staticmethod
    def capturing(ctx: RequestContext) -> ConsentState | None:
        state = ctx.state.get(STATE_KEY)
        if isinstance(state, ConsentState) and state.capture and ctx.endpoint.name in RECORDED:
            return state
        return None

    async def record_turn(self, ctx: RequestContext, *, request_text: str | list[Message] | None = None,
                          answer_text: str, modality: str | None = None) -> Recorded:
        """Append one turn. `request_text` defaults to the messages this turn added, read from
        the filtered body. Never raises: a failed capture must not fail the user's request."""
        state = self.capturing(ctx)
        if state is None or state.session is None or state.subject is None:
            return "skipped"
        prompt, found_modality = prompt_of(ctx)
        if isinstance(request_text, str):
            prompt = [{"role": "user", "content": request_text}]
        elif request_text is not None:
            prompt = request_text
        turn = {"p": prompt, "a": answer_text, "m": modality or found_modality}
        # Audio is kept for adults of a tenant that keeps it, never for a child or a minor; the
        # finalizer checks again with the profile of the day.
        if ctx.policy.privacy.audio.store and state.verdict.audience == "adult" and not ctx.child_flag:
            if audio := audio_of(ctx):
                turn["au"] = audio
        tenant = ctx.tenant.name
        blob = self.secrets.seal(orjson.dumps(turn), turn_aad(tenant, state.session))
        started = time.perf_counter()
        try:
            outcome = await self.store.append_turn(tenant, state.session, state.subject, blob, dict(ctx.redactions),
                                                   limits_for(ctx), int(time.time() * 1000))
        except StoreUnavailable:
            outcome = "store_unavailable"
        except Exception as exc:  # noqa: BLE001 - the answer is already on its way
            log.error("turn not recorded", extra={"fields": {"request_id": ctx.request_id,
                                                             "error": type(exc).__name__}})
            return "store_unavailable"
        log.info("turn recorded" if outcome == "ok" else "turn not recorded", extra={"fields": {
            "request_id": ctx.request_id, "tenant": tenant, "session": state.session, "outcome": outcome,
            "bytes": len(blob), "ms": round((time.perf_counter() - started) * 1000, 3)}})
        return outcome  # type: ignore[return-value]

    async def tap(self, ctx: RequestContext, upstream: UpstreamResponse) -> UpstreamResponse:
        """Record the turn as the upstream answer passes by; the answer itself is unchanged."""
        if self.capturing(ctx) is None or upstream.status >= 400:
            return upstream
        if isinstance(upstream, JSONBody):
            try:
                text = answer_of(ctx.endpoint.name, upstream.json())
            except ValueError:
                return upstream
            await self.record_turn(ctx, answer_text=text)
            return upstream
        if isinstance(upstream, EventStream):
            return EventStream(upstream.status, self._tapped(ctx, upstream.events), upstream.headers,
                               upstream.aclose)
        return upstream

    async def _tapped(self, ctx: RequestContext, events: AsyncIterator[SSEEvent]) -> AsyncIterator[SSEEvent]:
        parts: list[str] = []
        recorded = False
        try:
            async for event in events:
                data = event.data
                if data == DONE:
                    recorded = True
                    await self.record_turn(ctx, answer_text="".join(parts))
                elif data:
                    try:
                        parts.append(delta_of(ctx.endpoint.name, orjson.loads(data)))
                    except orjson.JSONDecodeError:
                        pass
                    if b'"response.completed"' in data:  # Responses streams end without [DONE]
                        recorded = True
                        await self.record_turn(ctx, answer_text="".join(parts))
                yield event
        finally:
            aclose = getattr(events, "aclose", None)
            if aclose is not None:
                await aclose()
        if not recorded:
            await self.record_turn(ctx, answer_text="".join(parts))

"""Output moderation for minors: answers are checked in windows before they reach the user,
and from the first unsafe window on, the rest of that answer is replaced by a safe message.

A window closes at a sentence end or after `WINDOW` characters, so a stream is delayed by at
most one window. Scoring is the local model's, called synchronously: a window is a few
hundred characters and scores in about a millisecond."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, ClassVar

from .categories import CategoryScores
from .policy import ModerationPolicy, decide

if TYPE_CHECKING:
    from gateway.context import RequestContext

WINDOW = 240
_SENTENCE_END = re.compile(r"[.!?\n]\s")


class OutputModerator:
    """Per-tenant: builds one `AnswerGuard` per request."""

    def __init__(self, policy: ModerationPolicy, score: Callable[[str], CategoryScores]) -> None:
        self.policy = policy
        self.score = score

    def for_request(self, language: str | None) -> "AnswerGuard":
        base = (language or "").split("-")[0].lower()
        replacement = self.policy.output_replacement.get(base) or self.policy.output_replacement[self.policy.default_language]
        return AnswerGuard(self, replacement)


class AnswerGuard:
    name: ClassVar[str] = "moderation.output"

    def __init__(self, moderator: OutputModerator, replacement: str) -> None:
        self._moderator = moderator
        self._replacement = replacement
        self._pending: dict[Hashable, str] = {}
        self._stopped: set[Hashable] = set()

    def _unsafe(self, ctx: "RequestContext", text: str) -> bool:
        if not text.strip():
            return False
        from .request_filter import audience_of

        decision = decide(dict(self._moderator.score(text)), audience_of(ctx), self._moderator.policy)
        return decision.action in ("block", "answer")

    def _check(self, ctx: "RequestContext", stream: Hashable, text: str) -> str:
        if stream in self._stopped:
            return ""
        if self._unsafe(ctx, text):
            self._stopped.add(stream)
            ctx.moderation = "output_replaced"
            return self._replacement
        return text

    def on_text(self, ctx: "RequestContext", text: str, stream: Hashable = None, escaped: bool = False) -> str:
        if escaped:  # tool-call arguments are data for the app, not words for the user
            return text
        if stream is None:
            return self._check(ctx, None, text)
        pending = self._pending.get(stream, "") + text
        cut = 0
        for match in _SENTENCE_END.finditer(pending):
            cut = match.end()
        if cut == 0 and len(pending) >= WINDOW:
            cut = len(pending)
        self._pending[stream] = pending[cut:]
        return self._check(ctx, stream, pending[:cut]) if cut else ""

    def on_end(self, ctx: "RequestContext", stream: Hashable = None, escaped: bool = False) -> str:
        return self._check(ctx, stream, self._pending.pop(stream, ""))

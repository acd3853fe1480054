"""Records as the finalizer stores them, for tests that fill a sink directly."""

from __future__ import annotations

from typing import Any


def record(tenant: str, subject: str, session: str, created_at: str, text: str = "hello") -> dict[str, Any]:
    return {"messages": [{"role": "user", "content": text}, {"role": "assistant", "content": "You said: " + text}],
            "metadata": {"tenant": tenant, "subject": subject, "session": session, "consent_version": "v1",
                         "policy": {"name": tenant, "version": "1"}, "created_at": created_at,
                         "redactions": {}, "modality": "text", "turns": 1, "end_reason": "explicit"}}


async def fill(sink, tenant: str, items: list[tuple[str, str, str]]) -> None:  # noqa: ANN001 - DatasetSink
    """(subject, session, created_at) each."""
    for subject, session, created_at in items:
        await sink.write(tenant, session, record(tenant, subject, session, created_at))

"""Access and portability: `GET /admin/v1/tenants/{tenant}/users/{user}/export` (admin key).

Answers, as one JSON document, everything the gateway holds on an end user: the privacy
profile (with its derived audience), the consent history, the redacted turns of the user's
sessions still open in the store (and their audio, where the tenant keeps adults' audio), and
every dataset record of the user with its audio. The user id is turned into the keyed
pseudonym at once; neither the response's logs nor its errors name it. 404 `user_not_found`
when the gateway holds nothing at all on the user.

The PII vault of a session (placeholder -> original) is not exported: it holds values the
user sent, only to restore them in answers, and expires with the session; its placeholders
appear in the turns as they were recorded."""

from __future__ import annotations

import base64
import logging
from datetime import UTC, datetime
from typing import Any

import orjson
from aiohttp import web
from cryptography.exceptions import InvalidTag
from redis.exceptions import RedisError

from gateway.dataset import layout
from gateway.dataset.records import BadRecord, decode
from gateway.dataset.routes import DatasetUnavailable
from gateway.sessions.recorder import turn_aad
from gateway.store import StoreUnavailable

from .routes import StoreUnavailableError, UserNotFound, _admin, _json, _tenant_and_subject, _view
from .runtime import PrivacyRuntime

audit = logging.getLogger("privacy_gateway.audit")
log = logging.getLogger("privacy_gateway.privacy")

PATH = "/admin/v1/tenants/{tenant}/users/{user}/export"


async def subject_sessions(runtime: PrivacyRuntime, tenant: str, subject: str) -> list[str]:
    """Session pseudonyms linked to the subject. The store protocol has no listing call yet,
    so this reads the same per-user set `erase_subject` reads, for either implementation."""
    store = runtime.store
    listing = getattr(store, "subject_sessions", None)
    if listing is not None:
        return sorted(await listing(tenant, subject))
    key = store.keys.user_sessions(tenant, subject)  # type: ignore[attr-defined]
    client = getattr(store, "client", None)
    if client is None:  # the embedded store: one process, a plain set
        return sorted(store._get(key) or ())  # type: ignore[attr-defined]  # noqa: SLF001
    try:
        members = await client.smembers(key)
    except (RedisError, OSError) as exc:
        raise StoreUnavailable(f"redis store failed: {type(exc).__name__}") from None
    return sorted(m.decode() if isinstance(m, bytes) else m for m in members)


async def open_sessions(runtime: PrivacyRuntime, tenant: str, subject: str) -> list[dict[str, Any]]:
    sessions = []
    for session in await subject_sessions(runtime, tenant, subject):
        data = await runtime.store.read_session(tenant, session)
        if data is None or data.subject != subject:
            continue  # linked but nothing recorded (not capturable), or already finalized
        turns = []
        for blob in data.turns:
            try:
                turn = orjson.loads(runtime.secrets.open(blob, turn_aad(tenant, session)))
            except InvalidTag:
                turns.append({"unreadable": True})  # sealed under another secret
                continue
            entry: dict[str, Any] = {"messages": turn.get("p") or [], "answer": turn.get("a", ""),
                                     "modality": turn.get("m") or "text"}
            if turn.get("au"):
                entry["audio"] = [{"format": a.get("f"), "data": a.get("d")} for a in turn["au"]]
            turns.append(entry)
        sessions.append({"session": session, "started_at": _iso(data.started_ms), "last_turn_at": _iso(data.last_ms),
                         "redactions": dict(sorted(data.redactions.items())), "turns_dropped": data.dropped,
                         "turns": turns})
    return sessions


async def dataset_records(runtime: PrivacyRuntime, tenant: str, subject: str) -> list[dict[str, Any]]:
    """Every record of the subject, found through the sink's subject index (layout.py)."""
    sink = runtime.sink
    if sink is None:
        return []
    found = []
    async for marker_key in sink.objects.list(layout.subject_prefix(tenant, subject)):
        marker = await sink.objects.get(marker_key)
        key = orjson.loads(marker).get("key") if marker else None
        raw = await sink.read(key) if key else None
        if raw is None:
            continue  # a marker whose record is not (or no longer) written
        try:
            record = decode(raw)
        except BadRecord:
            found.append({"key": key, "unreadable": True})
            continue
        folder = key.rsplit("/", 1)[0]
        audio = []
        for clip in record["metadata"].get("audio") or []:
            data = await sink.objects.get(f"{folder}/{clip['file']}")
            if data is not None:
                audio.append({**clip, "data": base64.b64encode(data).decode()})
        found.append({"key": key, "record": record, "audio": audio})
    return found


async def export_user(request: web.Request) -> web.Response:
    runtime = _admin(request)
    tenant, subject = _tenant_and_subject(request, runtime)
    try:
        profile = await runtime.profiles.get(tenant, subject)
        history = await runtime.profiles.history(tenant, subject)
        sessions = await open_sessions(runtime, tenant, subject)
    except StoreUnavailable:
        raise StoreUnavailableError() from None
    try:
        records = await dataset_records(runtime, tenant, subject)
    except Exception as exc:  # noqa: BLE001 - the dataset store failed: say so, never a partial export
        log.error("dataset unreachable", extra={"fields": {"tenant": tenant, "error": type(exc).__name__}})
        raise DatasetUnavailable() from None
    if profile is None and not history and not sessions and not records:
        raise UserNotFound("The gateway holds nothing on that user.")
    body = {"object": "user.export", "tenant": tenant, "subject": subject,
            "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "profile": _view(runtime, tenant, subject, profile) if profile is not None else None,
            "consent_history": history, "sessions": sessions, "dataset_records": records}
    audit.info("user exported", extra={"fields": {"tenant": tenant, "subject": subject, "profile": profile is not None,
                                                  "consent_events": len(history), "sessions": len(sessions),
                                                  "dataset_records": len(records)}})
    return _json(body)


def _iso(ms: int) -> str | None:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="milliseconds") if ms else None


def add_routes(app: web.Application) -> None:
    app.router.add_get(PATH, export_user, name="admin.users.export")

"""`GET /admin/v1/tenants/{tenant}/dataset[?since=ISO-8601][&cursor=C][&limit=N]`: the ML
team's pull over HTTP, streamed as `application/x-ndjson`, one stored record per line.

Keys: the dataset key (`GATEWAY_DATASET_KEY`) or the admin key read every tenant; a key of
`datasets.tenant_keys` reads its own tenant only. With `limit`, the answer is one page and
`X-Dataset-Next-Cursor` names where the next starts (absent on the last page); without it,
everything is streamed and a broken download resumes with `since` or a page cursor."""

from __future__ import annotations

import hmac
import logging
import time

from aiohttp import web

from gateway import metrics
from gateway.auth import bearer_digest, key_digest
from gateway.errors import GatewayError, InvalidAPIKey, InvalidRequest, TenantNotFound
from gateway.state import GATEWAY

from . import pull

log = logging.getLogger("privacy_gateway.dataset")
audit = logging.getLogger("privacy_gateway.audit")
_LIMIT_MAX = 10_000


class DatasetForbidden(GatewayError):
    status, code, type = 403, "dataset_forbidden", "invalid_request_error"
    default_message = "This key reads another tenant's dataset only."


class DatasetUnavailable(GatewayError):
    status, code, type = 503, "dataset_unavailable", "server_error"
    default_message = "The dataset store is not configured or cannot be reached."


def authorize(request: web.Request, tenant: str) -> str:
    """Which kind of key was used ("dataset", "admin" or "tenant"); raises otherwise."""
    settings = request.app[GATEWAY].config.settings
    given = bearer_digest(request.headers.get("Authorization"))
    for kind, key in (("dataset", settings.dataset_key), ("admin", settings.admin_key),
                      ("tenant", settings.datasets.tenant_keys.get(tenant))):
        if key is not None and hmac.compare_digest(given, key_digest(key.get_secret_value())):
            return kind
    if any(hmac.compare_digest(given, key_digest(k.get_secret_value())) for k in settings.datasets.tenant_keys.values()):
        raise DatasetForbidden()
    raise InvalidAPIKey()


def _query(request: web.Request, tenant: str) -> tuple[str | None, int | None]:
    query = request.query
    try:
        since = pull.parse_since(query["since"]) if "since" in query else None
    except ValueError:
        raise InvalidRequest("since must be an ISO-8601 date or date-time.", code="invalid_since",
                             param="since") from None
    try:
        after = pull.start_after(tenant, since, query.get("cursor"))
    except pull.BadCursor:
        raise InvalidRequest("The cursor is not one this dataset gave out.", code="invalid_cursor",
                             param="cursor") from None
    limit = None
    if "limit" in query:
        raw = query["limit"]
        if not raw.isdigit() or not 1 <= int(raw) <= _LIMIT_MAX:
            raise InvalidRequest(f"limit must be a whole number from 1 to {_LIMIT_MAX}.", code="invalid_limit",
                                 param="limit")
        limit = int(raw)
    return after, limit


async def get_dataset(request: web.Request) -> web.StreamResponse:
    from gateway.privacy.hooks import PRIVACY

    tenant = request.match_info["tenant"]
    kind = authorize(request, tenant)
    runtime = request.app[PRIVACY]
    if tenant not in runtime.policies:
        raise TenantNotFound()
    if runtime.sink is None:
        raise DatasetUnavailable()
    after, limit = _query(request, tenant)
    started = time.perf_counter()
    headers = {"Content-Type": "application/x-ndjson", "Cache-Control": "no-store"}
    keys = None
    items = None
    try:
        if limit is not None:
            keys, more = await pull.page(runtime.sink, tenant, after, limit)
            if more and keys:
                headers["X-Dataset-Next-Cursor"] = pull.encode_cursor(keys[-1])
        # The first record is read before the status goes out, so an unreachable store is a
        # 503 rather than an empty 200.
        items = pull.records(runtime.sink, tenant, after=after, keys=keys)
        first = await anext(items, None)
    except Exception as exc:  # noqa: BLE001 - OSError, botocore's: the store is down
        log.error("dataset unreadable", extra={"fields": {"tenant": tenant, "error": type(exc).__name__}})
        raise DatasetUnavailable() from None
    response = web.StreamResponse(headers=headers)
    await response.prepare(request)
    sent = 0
    try:
        item = first
        while item is not None:
            await response.write(item.line)
            sent += 1
            item = await anext(items, None)
    finally:
        metrics.count_dataset(tenant, "pulled", sent)
        audit.info("dataset pulled", extra={"fields": {
            "tenant": tenant, "key": kind, "records": sent, "via": "http", "resumed": after is not None,
            "ms": round((time.perf_counter() - started) * 1000, 1)}})
    await response.write_eof()
    return response


def add_routes(app: web.Application) -> None:
    app.router.add_get("/admin/v1/tenants/{tenant}/dataset", get_dataset, name="admin.dataset.get")

"""HTTP routes of consent and sessions (CONTRACT.md):

    PUT/GET/DELETE /admin/v1/tenants/{tenant}/users/{user}   admin key
    POST /v1/sessions/{session}/end                          tenant key
    GET /admin/v1/tenants/{tenant}/dataset                   dataset or admin key (gateway/dataset/routes.py)

Ids from the path are turned into pseudonyms at once; no response, log or error names them.
A PUT that withdraws consent (true before, false now) deletes the user's training records; a
DELETE erases the user everywhere (gateway/dataset/forget.py, shared with the CLI)."""

from __future__ import annotations

import hmac
import logging
import time
from datetime import UTC, datetime

import orjson
from aiohttp import web
from pydantic import ValidationError

from gateway.dataset import routes as dataset_routes
from gateway.dataset.forget import forget, withdraw
from gateway.auth import bearer_digest, key_digest
from gateway.errors import GatewayError, InvalidAPIKey, InvalidRequest, TenantNotFound
from gateway.state import GATEWAY
from gateway.store import StoreUnavailable

from .eligibility import assess
from .hooks import PRIVACY
from .profiles import ProfileInput, StoredProfile
from .runtime import PrivacyRuntime

log = logging.getLogger("privacy_gateway.privacy")
_ID_MAX = 256


class UserNotFound(GatewayError):
    status, code, type = 404, "user_not_found", "invalid_request_error"
    default_message = "No privacy profile is stored for that user."


class StoreUnavailableError(GatewayError):
    status, code, type = 503, "store_unavailable", "server_error"
    default_message = "The gateway's store cannot be reached. Retry after a short wait."


def _json(body: object, status: int = 200) -> web.Response:
    return web.Response(body=orjson.dumps(body), status=status, content_type="application/json")


def _admin(request: web.Request) -> PrivacyRuntime:
    key = request.app[GATEWAY].config.settings.admin_key
    given = bearer_digest(request.headers.get("Authorization"))
    if key is None or not hmac.compare_digest(given, key_digest(key.get_secret_value())):
        raise InvalidAPIKey()
    return request.app[PRIVACY]


def _path_id(request: web.Request, name: str) -> str:
    value = request.match_info[name]
    if not value or len(value) > _ID_MAX:
        raise InvalidRequest(f"The {name} id must hold 1 to {_ID_MAX} characters.", code="invalid_id")
    return value


def _tenant_and_subject(request: web.Request, runtime: PrivacyRuntime) -> tuple[str, str]:
    tenant = request.match_info["tenant"]
    if tenant not in runtime.policies:
        raise TenantNotFound()
    return tenant, runtime.secrets.subject(tenant, _path_id(request, "user"))


def _view(runtime: PrivacyRuntime, tenant: str, subject: str, profile: StoredProfile) -> dict:
    rules = runtime.policies[tenant].privacy
    verdict = assess(profile, rules, runtime.ages, datetime.now(UTC).date())
    body = profile.model_dump(mode="json", exclude={"age_as_of"})
    return {**body, "subject": subject, "is_child": verdict.is_child, "audience": verdict.audience,
            "consent_age": verdict.consent_age, "training_eligible": verdict.eligible,
            "eligibility_reason": verdict.reason}


async def put_user(request: web.Request) -> web.Response:
    runtime = _admin(request)
    tenant, subject = _tenant_and_subject(request, runtime)
    try:
        change = ProfileInput.model_validate_json(await request.read())
    except ValidationError as exc:
        loc = exc.errors()[0]["loc"]
        field = str(loc[0]) if loc and loc[0] in ProfileInput.model_fields else None  # never a caller's key
        raise InvalidRequest("The profile is invalid: training_consent (bool), consent_version (string), "
                             "birth_date (YYYY-MM-DD) or age (int), country (ISO 3166-1 alpha-2).",
                             code="invalid_profile", param=field) from None
    try:
        before = await runtime.profiles.get(tenant, subject)
        profile = await runtime.profiles.put(tenant, subject, change, runtime.policies[tenant].privacy.profile_ttl_days)
    except StoreUnavailable:
        raise StoreUnavailableError() from None
    body = _view(runtime, tenant, subject, profile)
    if before is not None and before.training_consent is True and profile.training_consent is not True:
        try:
            body["dataset_records_deleted"] = await withdraw(runtime, tenant, subject)
        except Exception as exc:  # noqa: BLE001 - the profile says no already; a retried PUT deletes them
            log.error("dataset unreachable", extra={"fields": {"tenant": tenant, "error": type(exc).__name__}})
            raise dataset_routes.DatasetUnavailable() from None
    return _json(body)


async def get_user(request: web.Request) -> web.Response:
    runtime = _admin(request)
    tenant, subject = _tenant_and_subject(request, runtime)
    try:
        profile = await runtime.profiles.get(tenant, subject)
        history = await runtime.profiles.history(tenant, subject) if profile else []
    except StoreUnavailable:
        raise StoreUnavailableError() from None
    if profile is None:
        raise UserNotFound()
    return _json({**_view(runtime, tenant, subject, profile), "consent_history": history})


async def delete_user(request: web.Request) -> web.Response:
    runtime = _admin(request)
    tenant, subject = _tenant_and_subject(request, runtime)
    try:
        done = await forget(runtime, tenant, subject, via="admin_api")
    except StoreUnavailable:
        raise StoreUnavailableError() from None
    except Exception as exc:  # noqa: BLE001 - the dataset store failed: a retried DELETE finishes the job
        log.error("dataset unreachable", extra={"fields": {"tenant": tenant, "error": type(exc).__name__}})
        raise dataset_routes.DatasetUnavailable() from None
    return _json({"subject": subject, "erased": done.counts()})


async def end_session(request: web.Request) -> web.Response:
    gateway = request.app[GATEWAY]
    tenant = gateway.tenants.authenticate(request.headers.get("Authorization"), request.remote)
    runtime = request.app[PRIVACY]
    session = runtime.secrets.session(tenant.name, _path_id(request, "session"))
    rules = tenant.policy.privacy
    try:
        queued = await runtime.store.end_session(tenant.name, session, "explicit", int(time.time() * 1000),
                                                 rules.session_ttl_s * 1000)
    except StoreUnavailable:
        raise StoreUnavailableError() from None
    log.info("session end requested", extra={"fields": {"tenant": tenant.name, "session": session,
                                                        "queued": queued}})
    return _json({"object": "session.end", "session": session, "status": "queued" if queued else "already_ended"},
                 202)


def add_routes(app: web.Application) -> None:
    path = "/admin/v1/tenants/{tenant}/users/{user}"
    app.router.add_put(path, put_user, name="admin.users.put")
    app.router.add_get(path, get_user, name="admin.users.get")
    app.router.add_delete(path, delete_user, name="admin.users.delete")
    app.router.add_post("/v1/sessions/{session}/end", end_session, name="sessions.end")
    dataset_routes.add_routes(app)


__all__ = ["StoreUnavailableError", "TenantNotFound", "UserNotFound", "add_routes"]

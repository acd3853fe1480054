"""Turns an HTTP request into a `RequestContext`: authentication, body limits, parsing, the
model's route. Every refusal here is a gateway-written error that quotes nothing sent."""

from __future__ import annotations

from fnmatch import fnmatchcase

import orjson
from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from .body_shapes import check_body_shape
from .context import RequestContext
from .endpoints import Endpoint
from .errors import InvalidRequest, ModelNotAllowed, ModelNotFound, RequestTooLarge, UnsupportedMediaType
from .multipart import read_multipart
from .state import REQUEST_CONTEXT, REQUEST_ID, Gateway

USER_HEADER = "X-Gateway-User"
SESSION_HEADER = "X-Gateway-Session"
_ID_MAX = 256


def _header_id(request: web.Request, name: str) -> str | None:
    value = request.headers.get(name)
    if value is None:
        return None
    value = value.strip()
    if not value or len(value) > _ID_MAX:
        raise InvalidRequest(f"The {name} header must hold 1 to {_ID_MAX} characters.", code="invalid_header")
    return value


async def _json_body(request: web.Request, limit: int) -> dict:
    if request.content_type != "application/json":
        raise UnsupportedMediaType("This endpoint takes a JSON body: send 'Content-Type: application/json'.")
    if request.content_length is not None and request.content_length > limit:
        raise RequestTooLarge()
    raw = await request.read()
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise InvalidRequest("The request body is not valid JSON.", code="invalid_json") from None
    if not isinstance(body, dict):
        raise InvalidRequest("The request body must be a JSON object.", code="invalid_json")
    return body


async def build_context(request: web.Request, endpoint: Endpoint, gateway: Gateway) -> RequestContext:
    tenant = gateway.tenants.authenticate(request.headers.get("Authorization"), request.remote)
    body = form = None
    if endpoint.body == "json":
        body = await _json_body(request, gateway.body_limit)
        model = body.get("model", endpoint.default_model)
        stream = endpoint.streams and body.get("stream") is True
        user = body.get("user") or body.get("safety_identifier")
    else:
        if request.content_type != "multipart/form-data":
            raise UnsupportedMediaType("This endpoint takes an audio upload as 'multipart/form-data'.")
        if request.content_length is not None and request.content_length > gateway.body_limit:
            raise RequestTooLarge()
        try:
            form = await read_multipart(await request.multipart(), gateway.body_limit)
        except (ValueError, AssertionError, UnicodeDecodeError, HttpProcessingError):
            # HttpProcessingError: aiohttp's parser refusing a part's headers (InvalidHeader)
            raise InvalidRequest("The multipart body is malformed.", code="invalid_multipart") from None
        if not form.files():
            form.close()
            raise InvalidRequest("The upload has no 'file' part.", code="missing_file", param="file")
        model = form.get("model")
        stream = endpoint.streams and form.get("stream") == "true"
        user = None
    if not isinstance(model, str) or not model:
        if form is not None:
            form.close()
        raise InvalidRequest("'model' is required and must be a string.", code="missing_model", param="model")
    if body is not None:
        check_body_shape(endpoint, body)

    ctx = RequestContext(
        request_id=request[REQUEST_ID],
        endpoint=endpoint,
        tenant=tenant,
        model=model,
        stream=stream,
        body=body,
        form=form,
        user_id=_header_id(request, USER_HEADER) or (user if isinstance(user, str) and user else None),
        session_id=_header_id(request, SESSION_HEADER),
    )
    request[REQUEST_CONTEXT] = ctx
    assert gateway.router is not None
    route = gateway.router.resolve(model)
    if route is None:
        raise ModelNotFound()
    allowed = tenant.policy.models.allow
    if allowed != ["*"] and not any(fnmatchcase(model, pattern) for pattern in allowed):
        raise ModelNotAllowed()
    ctx.route = route
    return ctx

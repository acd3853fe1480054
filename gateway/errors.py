"""The gateway's exception tree, and the only place that builds client error JSON.

Every message here is written by the gateway itself. Nothing the caller sent (prompt text,
model names, file names, header values) is ever interpolated into one, so an error body
cannot leak the caller's content back out, into logs, or to a browser.

Providers raise the `Upstream*` errors at their boundary; filters return `Block` decisions that
the chain turns into `ContentPolicyViolation` or `PIIBlocked`; the HTTP layer renders whatever
`GatewayError` reaches it with `error_body` or `error_event`.
"""

from __future__ import annotations

import re
from typing import ClassVar

import orjson

# Codes and params copied from a provider's error are kept only when they look like
# identifiers (``context_length_exceeded``, ``messages[0].content``), never free text.
_SAFE_TOKEN = re.compile(r"[A-Za-z0-9_.\[\]-]{1,64}")


def safe_token(value: object) -> str | None:
    if isinstance(value, str) and _SAFE_TOKEN.fullmatch(value):
        return value
    return None


class GatewayError(Exception):
    status: ClassVar[int] = 500
    code: ClassVar[str] = "internal_error"
    type: ClassVar[str] = "server_error"
    default_message: ClassVar[str] = "The gateway failed to handle the request."

    def __init__(
        self,
        message: str | None = None,
        *,
        param: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message or self.default_message
        self.param = param
        self.headers = headers or {}
        super().__init__(self.message)

    @property
    def http_status(self) -> int:
        return self.status

    @property
    def error_code(self) -> str:
        return self.code


class TenantNotFound(GatewayError):
    status, code, type = 404, "tenant_not_found", "invalid_request_error"
    default_message = "No tenant of that name is configured."


class InvalidAPIKey(GatewayError):
    status, code, type = 401, "invalid_api_key", "invalid_request_error"
    default_message = "Missing or unknown API key. Send 'Authorization: Bearer <tenant key>'."


class InvalidRequest(GatewayError):
    """A malformed request; ``code`` names what is wrong, the message says how to fix it."""

    status, type = 400, "invalid_request_error"

    def __init__(self, message: str, *, code: str = "invalid_request", param: str | None = None):
        super().__init__(message, param=param)
        self._code = code

    @property
    def error_code(self) -> str:
        return self._code


class UnsupportedMediaType(GatewayError):
    status, code, type = 415, "unsupported_media_type", "invalid_request_error"
    default_message = "Unsupported Content-Type for this endpoint."


class RouteNotFound(GatewayError):
    status, code, type = 404, "not_found", "invalid_request_error"
    default_message = "Unknown endpoint. The gateway serves the OpenAI API under /v1."


class MethodNotAllowed(GatewayError):
    status, code, type = 405, "method_not_allowed", "invalid_request_error"
    default_message = "This endpoint does not accept that HTTP method."


class ModelNotFound(GatewayError):
    status, code, type = 404, "model_not_found", "invalid_request_error"
    default_message = "The requested model is not routed by this gateway. GET /v1/models lists the models."


class ModelNotAllowed(GatewayError):
    status, code, type = 403, "model_not_allowed", "invalid_request_error"
    default_message = "The tenant's policy does not allow the requested model."


class RequestTooLarge(GatewayError):
    status, code, type = 413, "request_too_large", "invalid_request_error"
    default_message = "The request body is larger than the gateway accepts."


class RateLimited(GatewayError):
    status, code, type = 429, "rate_limited", "rate_limit_error"
    default_message = "Too many requests. Retry after a short wait."


class Overloaded(GatewayError):
    status, code, type = 503, "overloaded", "server_error"
    default_message = "The gateway is at capacity. Retry after a short wait."


class ContentPolicyViolation(GatewayError):
    status, code, type = 400, "content_policy_violation", "invalid_request_error"
    default_message = "The request was blocked by the content policy."


class PIIBlocked(GatewayError):
    status, code, type = 400, "pii_blocked", "invalid_request_error"
    default_message = "The request contains personal data that the tenant's policy refuses."


class PrivacyFilterUnavailable(GatewayError):
    status, code, type = 503, "privacy_filter_unavailable", "server_error"
    default_message = "A privacy filter could not check the request, so nothing was forwarded."


class UpstreamUnavailable(GatewayError):
    status, code, type = 502, "upstream_unavailable", "server_error"
    default_message = "The model provider could not be reached."

    def __init__(self, message: str | None = None, *, status: int = 502):
        super().__init__(message)
        self._status = status

    @property
    def http_status(self) -> int:
        return self._status


class UpstreamTimeout(GatewayError):
    status, code, type = 504, "upstream_timeout", "server_error"
    default_message = "The model provider did not answer in time."


class UpstreamRejected(GatewayError):
    """A 4xx from the provider. Its status, type, code and param pass on; its message does not,
    because providers quote request content in their messages."""

    def __init__(self, status: int, *, type_: str | None, code: str | None, param: str | None):
        super().__init__(
            f"The model provider rejected the request (HTTP {status}).",
            param=safe_token(param),
        )
        self._status = status
        self._type = safe_token(type_) or "invalid_request_error"
        self._code = safe_token(code) or "upstream_rejected"

    @property
    def http_status(self) -> int:
        return self._status

    @property
    def error_code(self) -> str:
        return self._code

    @property
    def error_type(self) -> str:
        return self._type


class InternalError(GatewayError):
    pass


def _payload(err: GatewayError) -> dict:
    return {
        "error": {
            "message": err.message,
            "type": getattr(err, "error_type", err.type),
            "code": err.error_code,
            "param": err.param,
        }
    }


def error_body(err: GatewayError) -> bytes:
    return orjson.dumps(_payload(err))


def error_event(err: GatewayError) -> bytes:
    """The SSE event that ends a stream which failed after its first byte was sent; the
    OpenAI SDK raises it as an APIError."""
    return b"data: " + orjson.dumps(_payload(err)) + b"\n\n"

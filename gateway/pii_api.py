"""`POST /v1/pii/analyze`: the tenant's own entity set, run by the gateway's engine, so apps
can check text without sending it anywhere. Answers offsets, types and scores, never values."""

from __future__ import annotations

import asyncio

import orjson
from aiohttp import web

from filters.pii.rules import PIIRules

from .errors import InvalidRequest, PrivacyFilterUnavailable, UnsupportedMediaType
from .state import GATEWAY

_MAX_TEXT = 100_000


def engine_for(app: web.Application):  # noqa: ANN201 - PIIEngine, imported lazily
    from filters.pii.engine import PIIEngine

    gateway = app[GATEWAY]
    return gateway.resources.shared("pii.engine", lambda: PIIEngine.build(gateway.config.settings.pii_engine))


async def analyze(request: web.Request) -> web.Response:
    gateway = request.app[GATEWAY]
    tenant = gateway.tenants.authenticate(request.headers.get("Authorization"), request.remote)
    if request.content_type != "application/json":
        raise UnsupportedMediaType("This endpoint takes a JSON body: send 'Content-Type: application/json'.")
    try:
        body = orjson.loads(await request.read())
    except orjson.JSONDecodeError:
        raise InvalidRequest("The request body is not valid JSON.", code="invalid_json") from None
    text = body.get("text") if isinstance(body, dict) else None
    language = body.get("language", "en") if isinstance(body, dict) else "en"
    if not isinstance(text, str) or len(text) > _MAX_TEXT:
        raise InvalidRequest(f"'text' must be a string of at most {_MAX_TEXT} characters.", param="text")
    # By default an address block is described line by line (its street parts and places);
    # `nested` gives every address whole, with the places inside it as overlapping entities.
    nested = body.get("nested", False) if isinstance(body, dict) else False
    if not isinstance(nested, bool):
        raise InvalidRequest("'nested' must be true or false.", param="nested")
    if language != gateway.config.settings.pii_engine.language:
        raise InvalidRequest("That language is not loaded by this gateway.", code="unsupported_language",
                             param="language")
    rules: PIIRules = tenant.policy.pii
    try:
        engine = await asyncio.get_running_loop().run_in_executor(None, engine_for, request.app)
    except Exception:  # noqa: BLE001 - the engine failing to load is a privacy filter failing
        raise PrivacyFilterUnavailable() from None
    supported = engine.supported_entities()
    entities = frozenset(rules.entities) & supported if rules.entities else supported
    try:
        [found] = await engine.analyze(
            [text], timeout=rules.timeout_s, entities=entities, thresholds=rules.thresholds(),
            default_threshold=rules.default_threshold, allow_list=rules.allow_list, deny_list=rules.deny_list,
            nested=nested, address_blocks=not nested, keep_public_figures=rules.public_figures == "keep",
        )
    except Exception:  # noqa: BLE001 - DetectionUnavailable and anything else: fail closed
        raise PrivacyFilterUnavailable() from None
    return web.Response(
        body=orjson.dumps({"entities": [
            {"type": d.type, "start": d.start, "end": d.end, "score": round(d.score, 4)} for d in found]}),
        content_type="application/json",
    )

"""`POST /v1/pii/analyze`: offsets, types and scores with the tenant's entity set, never values."""

from __future__ import annotations

import aiohttp
import orjson
import pytest

from tests.support.gateway import NARROW_KEY, TENANT_KEY, base_config, start_gateway

TEXT = "Hi, I'm Zebulon Quartermaine, mail zq.canary@example.org or call +1 212 555 0147."
POLICIES = {
    "open": {"name": "open", "version": "1", "filters": []},  # every supported type
    "narrow": {"name": "narrow", "version": "1", "filters": [], "pii": {"entities": {"EMAIL_ADDRESS": {}}}},
}


KEEPING_KEY = "sk-tenant-tutor-0123456789"


@pytest.fixture(scope="module")
def server(fake_server, tmp_path_factory):
    config = base_config(fake_server[1].url)
    config["tenants"]["tutor"] = {"key": KEEPING_KEY, "policy": "tutor"}
    policies = {**POLICIES, "tutor": {"name": "tutor", "version": "1", "filters": [], "pii": {"public_figures": "keep"}}}
    gateway = start_gateway(tmp_path_factory.mktemp("analyze"), config, policies)
    yield gateway
    gateway.stop()


async def analyze(server, body, key=TENANT_KEY, content_type="application/json"):
    async with aiohttp.ClientSession() as session:
        data = body if isinstance(body, bytes) else orjson.dumps(body)
        async with session.post(server.url + "/v1/pii/analyze", data=data,
                                headers={"Authorization": f"Bearer {key}", "Content-Type": content_type}) as r:
            return r.status, await r.read()


async def test_entities_with_offsets_that_point_at_the_values(server):
    status, raw = await analyze(server, {"text": TEXT, "language": "en"})
    assert status == 200
    entities = orjson.loads(raw)["entities"]
    found = {e["type"]: TEXT[e["start"]:e["end"]] for e in entities}
    assert found["PERSON"] == "Zebulon Quartermaine"
    assert found["EMAIL_ADDRESS"] == "zq.canary@example.org"
    assert all(0 < e["score"] <= 1 for e in entities)
    assert b"Zebulon" not in raw and b"canary" not in raw


async def test_nested_places_inside_an_address_only_when_asked(server):
    text = "Ship it to 1987 74 Diakou Street, Suite 680, Limassol, Cyprus 36903 please."
    flat, nested = [orjson.loads((await analyze(server, {"text": text, **extra}))[1])["entities"]
                    for extra in ({}, {"nested": True})]
    address = [e for e in flat if e["type"] == "STREET_ADDRESS"]
    assert address and not any(e["type"] == "LOCATION" for e in flat)
    inner = {text[e["start"]:e["end"]] for e in nested if e["type"] == "LOCATION"}
    assert "Cyprus" in inner
    assert all(address[0]["start"] <= e["start"] and e["end"] <= address[0]["end"]
               for e in nested if e["type"] == "LOCATION")


async def test_an_address_block_is_described_line_by_line_unless_nested(server):
    text = "Mrs. Sara Schwarz\n28245 Puruntie 82 Apt. 595\nLAPPEENRANTA\nFinland 53650"
    plain, nested = [orjson.loads((await analyze(server, {"text": text, **extra}))[1])["entities"]
                     for extra in ({}, {"nested": True})]
    assert [(e["type"], text[e["start"]:e["end"]]) for e in plain if e["type"] != "PERSON"] == [
        ("STREET_ADDRESS", "28245 Puruntie 82 Apt. 595"), ("LOCATION", "LAPPEENRANTA"), ("LOCATION", "Finland"),
        ("STREET_ADDRESS", "53650")]
    assert [text[e["start"]:e["end"]] for e in nested if e["type"] == "STREET_ADDRESS"] == [
        "28245 Puruntie 82 Apt. 595\nLAPPEENRANTA\nFinland 53650"]


async def test_a_tenant_sees_only_its_own_entity_set(server):
    status, raw = await analyze(server, {"text": TEXT}, key=NARROW_KEY)
    assert status == 200
    assert {e["type"] for e in orjson.loads(raw)["entities"]} == {"EMAIL_ADDRESS"}


@pytest.mark.parametrize(
    "body,content_type,status,code",
    [
        ({"text": 42}, "application/json", 400, "invalid_request"),
        ({"nope": TEXT}, "application/json", 400, "invalid_request"),
        (b"Zebulon is not json", "application/json", 400, "invalid_json"),
        ({"text": TEXT}, "text/plain", 415, "unsupported_media_type"),
        ({"text": TEXT, "language": "xx"}, "application/json", 400, "unsupported_language"),
        ({"text": TEXT, "nested": "yes"}, "application/json", 400, "invalid_request"),
    ],
)
async def test_bad_input_is_refused_without_echo(server, body, content_type, status, code):
    got, raw = await analyze(server, body, content_type=content_type)
    assert got == status and orjson.loads(raw)["error"]["code"] == code
    assert b"Zebulon" not in raw


async def test_an_unknown_key_is_refused(server):
    status, _ = await analyze(server, {"text": TEXT}, key="wrong")
    assert status == 401


async def test_a_tenant_that_keeps_public_figures_is_told_of_the_classmate_only(server):
    text = "Me and Zebulon Quartermaine are writing about Albert Einstein."
    reports = [{text[e["start"]:e["end"]] for e in orjson.loads((await analyze(server, {"text": text}, key))[1])["entities"]
                if e["type"] == "PERSON"} for key in (TENANT_KEY, KEEPING_KEY)]
    assert reports == [{"Zebulon Quartermaine", "Albert Einstein"}, {"Zebulon Quartermaine"}]

"""`GET /admin/v1/tenants/{tenant}/dataset`: exactly the tenant's consented records, streamed as
JSON lines in (created_at, session) order, verifiable, resumable, for the right keys only."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from tests.gateway.privacy.support import ADMIN_KEY, KEYS, Client

from .gateway_support import (ADULT, DATASET_KEY, POLICIES, TRAIN_READER, configure, counted, lines, pull,
                              verified)
from .records_support import fill

# Recent enough for the default retention (365 days) that runs at the gateway's start.
DAY = (datetime.now(UTC) - timedelta(days=10)).replace(hour=0, minute=0, second=0, microsecond=0)


def at(days: int, hour: int = 0) -> str:
    return (DAY + timedelta(days=days, hours=hour)).isoformat(timespec="milliseconds")


DAYS = [("u1", "a", at(0, 9)), ("u2", "b", at(1, 9)), ("u1", "c", at(1, 9)), ("u3", "d", at(2))]


def filled(dataset, gateway_factory) -> Client:  # noqa: ANN001
    async def run() -> None:
        sink = dataset.sink()
        await fill(sink, "train", DAYS)
        await fill(sink, "adults", [("u9", "z", at(0))])
        await sink.close()

    asyncio.run(run())
    return Client(gateway_factory(configure(dataset), POLICIES))


def test_only_the_eligible_sessions_of_the_tenant_are_pulled(gateway_factory, fake, dataset):
    client = Client(gateway_factory(configure(dataset), POLICIES))
    client.put_user("train", "adult", **ADULT)
    client.put_user("train", "kid", **(ADULT | {"age": 9}))
    client.put_user("train", "refused", **(ADULT | {"training_consent": False}))
    client.put_user("adults", "adult", **ADULT)
    for user in ("adult", "kid", "refused"):
        client.chat("train", user, f"s-{user}", f"hello from a {len(user)}-letter user")
        client.end("train", f"s-{user}")
    client.chat("adults", "adult", "s-other", "other tenant")
    client.end("adults", "s-other")
    client.wait_finalized(4)
    before = counted("train", "pulled")
    answer = pull(client, "train")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/x-ndjson")
    [record] = lines(answer)
    assert record["metadata"]["subject"] == client.runtime().secrets.subject("train", "adult")
    assert record["messages"][0] == {"role": "user", "content": "hello from a 5-letter user"}
    assert verified(record) and record["metadata"]["tenant"] == "train"
    assert counted("train", "pulled") - before == 1
    assert [r["metadata"]["tenant"] for r in lines(pull(client, "adults"))] == ["adults"]
    client.close()


def test_pages_follow_created_at_and_resume_by_cursor_or_since(gateway_factory, fake, dataset):
    client = filled(dataset, gateway_factory)
    everything = [r["metadata"]["session"] for r in lines(pull(client, "train"))]
    assert everything == ["a", "b", "c", "d"]
    first = pull(client, "train", limit=3)
    assert [r["metadata"]["session"] for r in lines(first)] == ["a", "b", "c"]
    rest = pull(client, "train", limit=3, cursor=first.headers["x-dataset-next-cursor"])
    assert [r["metadata"]["session"] for r in lines(rest)] == ["d"] and "x-dataset-next-cursor" not in rest.headers
    assert [r["metadata"]["session"] for r in lines(pull(client, "train", since=at(1, 9)))] == [
        "b", "c", "d"]
    assert [r["metadata"]["session"] for r in lines(pull(client, "train", since=at(2)[:10]))] == ["d"]
    client.close()


@pytest.mark.parametrize(("params", "code"), [
    ({"since": "last tuesday"}, "invalid_since"),
    ({"cursor": "not-a-cursor"}, "invalid_cursor"),
    ({"limit": "0"}, "invalid_limit"),
    ({"limit": "many"}, "invalid_limit"),
])
def test_bad_resumption_parameters_are_refused_by_name(gateway_factory, fake, file_dataset, params, code):
    client = filled(file_dataset, gateway_factory)
    answer = pull(client, "train", **params)
    assert answer.status_code == 400 and answer.json()["error"]["code"] == code
    client.close()


def test_a_cursor_of_another_tenant_is_refused(gateway_factory, fake, dataset):
    client = filled(dataset, gateway_factory)
    page = pull(client, "train", limit=1)
    answer = pull(client, "adults", cursor=page.headers["x-dataset-next-cursor"])
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "invalid_cursor"
    client.close()


@pytest.mark.parametrize(("tenant", "key", "status"), [
    ("train", None, 401),
    ("train", "wrong-key", 401),
    ("train", KEYS["train"], 401),  # an app's key reads no dataset
    ("train", ADMIN_KEY, 200),
    ("train", DATASET_KEY, 200),
    ("train", TRAIN_READER, 200),
    ("adults", TRAIN_READER, 403),  # a tenant's reader key reads its own tenant only
    ("nobody", DATASET_KEY, 404),
])
def test_who_may_pull(gateway_factory, fake, file_dataset, tenant, key, status):
    client = filled(file_dataset, gateway_factory)
    answer = pull(client, tenant, key)
    assert answer.status_code == status
    if status != 200:
        assert "u1" not in answer.text and answer.json()["error"]["code"]
    client.close()


def test_a_record_failing_its_checksum_is_never_sent(gateway_factory, fake, dataset):
    client = filled(dataset, gateway_factory)

    async def tamper() -> None:
        sink = dataset.sink()
        key = [k async for k in sink.record_keys("train")][1]
        await sink.objects.put(key, (await sink.read(key)).replace(b"hello", b"HELLO"))
        await sink.close()

    asyncio.run(tamper())
    assert [r["metadata"]["session"] for r in lines(pull(client, "train"))] == ["a", "c", "d"]
    client.close()

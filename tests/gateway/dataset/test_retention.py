"""Retention per tenant policy: records go `text_days` after their session ended, audio after
`audio_days` (the record stays without it); by command and by the periodic task."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import orjson
import pytest
from pydantic import ValidationError

from gateway.cli import main
from gateway.dataset.records import AudioClip
from gateway.dataset.retention import enforce
from gateway.policy import Policy
from tests.gateway.privacy.support import Client, privacy_policy

from .gateway_support import POLICIES, configure, counted
from .records_support import record

NOW = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)
SHORT = privacy_policy("train", training=True, retention={"text_days": 30, "audio_days": 7})


def ago(days: float, now: datetime = NOW) -> str:
    return (now - timedelta(days=days)).isoformat(timespec="milliseconds")


async def put(sink, session: str, created_at: str, audio: bool = False) -> str:  # noqa: ANN001
    clips = [AudioClip("wav", b"RIFF" + session.encode())] if audio else []
    return (await sink.write("train", session, record("train", "u1", session, created_at), clips)).key


@pytest.mark.parametrize(("age_days", "audio", "left"), [
    (45, False, set()),                      # past text_days: the record and its index entries go
    (30.01, True, set()),                    # just past text_days: its audio goes with it
    (29.9, False, {"record"}),               # inside text_days: stays
    (10, True, {"record"}),                  # past audio_days only: the audio goes, the record stays
    (6.9, True, {"record", "audio"}),        # inside both
])
async def test_what_a_retention_round_keeps(dataset, age_days, audio, left):
    sink = dataset.sink()
    try:
        key = await put(sink, "s1", ago(age_days), audio)
        done = await enforce(sink, {"train": Policy.model_validate(SHORT)}, now=NOW)
        objects = await dataset.objects()
        kinds = {"record" if k == key else "audio" for k in objects if ".audio-" in k or k == key}
        assert kinds == left
        assert (done["train"].records, done["train"].audio) == (int("record" not in left),
                                                                 int(audio and "audio" not in left))
        if not left:
            assert objects == {}  # no index entry outlives its record
    finally:
        await sink.close()


YOUNG = privacy_policy("train", training=True, retention={"text_days": 365, "young_text_days": 30})


@pytest.mark.parametrize(("age_days", "retention_days", "kept"), [
    (45, 30, False),    # a young user's record past its own 30 days goes
    (45, 365, True),    # an adult's record of the same age stays
    (20, 30, True),     # a young user's record inside 30 days stays
    (45, None, True),   # a record without its own retention follows text_days
])
async def test_young_users_records_go_after_their_shorter_retention(dataset, age_days, retention_days, kept):
    sink = dataset.sink()
    try:
        item = record("train", "u1", "s1", ago(age_days))
        if retention_days is not None:
            item["metadata"]["retention_days"] = retention_days
        key = (await sink.write("train", "s1", item)).key
        done = await enforce(sink, {"train": Policy.model_validate(YOUNG)}, now=NOW)
        assert (key in await dataset.objects()) is kept
        assert done["train"].records == int(not kept)
    finally:
        await sink.close()


def test_young_retention_is_the_shorter_one_and_follows_the_age_bar() -> None:
    rules = Policy.model_validate(YOUNG).privacy.retention
    assert (rules.days_for(15), rules.days_for(16), rules.days_for(None)) == (30, 365, 365)
    assert any("under 16" in line for line in Policy.model_validate(YOUNG).privacy.explain())


def test_the_retention_command_runs_for_one_tenant_or_all(gateway_factory, fake, file_dataset, tmp_path, capsys):
    Client(gateway_factory(configure(file_dataset), POLICIES | {"train": SHORT})).close()

    async def seed() -> None:
        sink = file_dataset.sink()
        now = datetime.now(UTC)
        await put(sink, "old", ago(40, now), audio=True)
        await put(sink, "voice", ago(8, now), audio=True)
        await put(sink, "new", ago(1, now))
        await sink.close()

    asyncio.run(seed())
    config = str(tmp_path / "gw0" / "gateway.yaml")
    assert main(["dataset", "retention", "--tenant", "nobody", "--config", config]) == 2
    capsys.readouterr()
    assert main(["dataset", "retention", "--tenant", "train", "--config", config]) == 0
    assert orjson.loads(capsys.readouterr().out) == {"train": {"records_expired": 1, "audio_expired": 2}}
    assert main(["dataset", "retention", "--config", config]) == 0
    assert orjson.loads(capsys.readouterr().out)["train"] == {"records_expired": 0, "audio_expired": 0}
    left = sorted(k.rsplit("-", 1)[-1] for k in file_dataset.objects_now() if "/dt=" in k)
    assert left == ["new.jsonl", "voice.jsonl"]


def test_the_gateway_enforces_retention_when_it_starts(gateway_factory, fake, dataset):
    async def seed() -> None:
        sink = dataset.sink()
        await put(sink, "expired", ago(400, datetime.now(UTC)))
        await put(sink, "kept", ago(2, datetime.now(UTC)))
        await sink.close()

    asyncio.run(seed())
    before = counted("train", "expired")
    client = Client(gateway_factory(configure(dataset), POLICIES))
    runtime = client.runtime()
    client.server.call(asyncio.wait_for(runtime.retention.ran.wait(), 30))
    assert [k.rsplit("-", 1)[-1] for k in dataset.objects_now() if "/dt=" in k] == ["kept.jsonl"]
    assert counted("train", "expired") - before == 1
    client.close()


@pytest.mark.parametrize(("retention", "valid"), [
    ({"text_days": 90, "audio_days": 365}, True),
    ({"audio_days": 366}, False),  # voice is kept twelve months at most
    ({"text_days": 0}, False),
])
def test_retention_limits_in_the_policy(retention, valid):
    policy = privacy_policy("p", training=True, retention=retention)
    if valid:
        assert Policy.model_validate(policy).privacy.retention.audio_days == retention["audio_days"]
    else:
        with pytest.raises(ValidationError):
            Policy.model_validate(policy)

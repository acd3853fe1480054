"""The sink on a directory and on S3: one object per session under its tenant and day, written
once whatever happens, found and erased by subject in every partition."""

from __future__ import annotations

import orjson

from gateway.dataset import layout
from gateway.dataset.records import AudioClip, decode

from .records_support import fill, record

AT = "2025-03-04T10:11:12.345+00:00"


async def test_one_object_per_session_under_its_tenant_and_day(dataset):
    sink = dataset.sink()
    try:
        written = await sink.write("train", "s1", record("train", "u1", "s1", AT))
        assert written.new and written.key == "train/dt=2025-03-04/101112345-s1.jsonl"
        again = await sink.write("train", "s1", record("train", "u1", "s1", AT))
        assert (again.key, again.new) == (written.key, False)
        assert [k async for k in sink.record_keys("train")] == [written.key]
        assert decode(await sink.read(written.key))["metadata"]["session"] == "s1"
        assert await sink.exists("train", "s1") and not await sink.exists("train", "s2")
        assert not await sink.exists("other", "s1")
    finally:
        await sink.close()


async def test_a_session_finalized_again_on_another_day_keeps_its_first_object(dataset):
    sink = dataset.sink()
    try:
        first = await sink.write("train", "s1", record("train", "u1", "s1", AT))
        later = await sink.write("train", "s1", record("train", "u1", "s1", "2025-03-09T08:00:00.000+00:00"))
        assert (later.key, later.new) == (first.key, False)
        assert [k async for k in sink.record_keys("train")] == [first.key]
    finally:
        await sink.close()


async def test_a_write_that_died_after_its_index_is_completed_by_the_retry(dataset):
    sink = dataset.sink()
    try:
        key = layout.record_key("train", layout.datetime.fromisoformat(AT), "s1")
        await sink.objects.create(layout.session_index("train", "s1"),
                                  orjson.dumps({"key": key, "subject": "u1", "audio": []}))
        assert not await sink.exists("train", "s1")
        assert (await sink.write("train", "s1", record("train", "u1", "s1", AT))).new
        assert await sink.exists("train", "s1")
    finally:
        await sink.close()


async def test_forgetting_a_subject_erases_every_partition_and_leaves_others(dataset):
    sink = dataset.sink()
    try:
        await fill(sink, "train", [("u1", "a", "2025-01-01T00:00:00.000+00:00"), ("u1", "b", AT),
                                   ("u2", "c", AT), ("u1", "d", "2025-07-30T23:59:59.999+00:00")])
        await fill(sink, "other", [("u1", "a", AT)])  # the same pseudonym in another tenant is not this user
        assert await sink.delete_subject("train", "u1") == 3
        assert await sink.delete_subject("train", "u1") == 0
        left = await dataset.objects()
        assert sorted(left) == ["other/_sessions/a.json", "other/_subjects/u1/a.json",
                                "other/dt=2025-03-04/101112345-a.jsonl", "train/_sessions/c.json",
                                "train/_subjects/u2/c.json", "train/dt=2025-03-04/101112345-c.jsonl"]
    finally:
        await sink.close()


async def test_audio_lies_beside_its_record_and_goes_with_it(dataset):
    sink = dataset.sink()
    try:
        clips = [AudioClip("wav", b"RIFF0000WAVE"), AudioClip("mp3", b"ID3")]
        written = await sink.write("train", "s1", record("train", "u1", "s1", AT), clips)
        stem = written.key.removesuffix(".jsonl")
        objects = await dataset.objects()
        assert objects[stem + ".audio-0.wav"] == b"RIFF0000WAVE" and objects[stem + ".audio-1.mp3"] == b"ID3"
        assert [k async for k in sink.record_keys("train")] == [written.key]  # audio is not a record
        assert await sink.delete_session("train", "s1") == 1
        assert await dataset.objects() == {}
    finally:
        await sink.close()


async def test_a_record_whose_index_is_gone_is_still_removed_by_key(dataset):
    """An erasure that raced with a write removed the index first: the finalizer deletes by key."""
    sink = dataset.sink()
    try:
        written = await sink.write("train", "s1", record("train", "u1", "s1", AT))
        await sink.objects.delete(layout.session_index("train", "s1"))
        assert await sink.delete_session("train", "s1", key=written.key, subject="u1") == 1
        assert await dataset.objects() == {}
    finally:
        await sink.close()

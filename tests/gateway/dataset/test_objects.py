"""The object store contract, the same for a directory and for S3: what the sink's atomicity
and ordering rest on."""

from __future__ import annotations

import pytest

from gateway.dataset.objects import FileObjects, check_key


async def test_create_only_once_and_put_replaces(dataset):
    sink = dataset.sink()
    objects = sink.objects
    try:
        assert await objects.create("t/a/one.json", b"first") is True
        assert await objects.create("t/a/one.json", b"second") is False
        assert await objects.get("t/a/one.json") == b"first"
        await objects.put("t/a/one.json", b"third")
        assert await objects.get("t/a/one.json") == b"third"
        assert await objects.exists("t/a/one.json") and not await objects.exists("t/a/two.json")
        assert await objects.get("t/a/two.json") is None
        await objects.delete("t/a/one.json")
        await objects.delete("t/a/one.json")  # absent is not an error
        assert await objects.get("t/a/one.json") is None
    finally:
        await sink.close()


async def test_listing_is_in_key_order_after_a_start_key_and_by_prefix(dataset):
    sink = dataset.sink()
    objects = sink.objects
    try:
        for key in ["t/dt=2025-01-02/b", "t/dt=2025-01-01/b", "t/dt=2025-01-01/a", "u/dt=2025-01-01/a", "t/_x/c"]:
            await objects.put(key, b"x")
        assert [k async for k in objects.list("t/dt=")] == ["t/dt=2025-01-01/a", "t/dt=2025-01-01/b",
                                                           "t/dt=2025-01-02/b"]
        assert [k async for k in objects.list("t/dt=", start_after="t/dt=2025-01-01/a")] == [
            "t/dt=2025-01-01/b", "t/dt=2025-01-02/b"]
        assert await objects.prefixes("t/") == ["_x", "dt=2025-01-01", "dt=2025-01-02"]
        assert await objects.prefixes("nothing/") == []
    finally:
        await sink.close()


@pytest.mark.parametrize("key", ["", "../escape", "t/../../x", "/abs", "t//double", ".hidden/x", "t/a b"])
def test_unsafe_keys_are_refused(key):
    with pytest.raises(ValueError):
        check_key(key)


def test_a_file_store_leaves_no_temporary_file_and_no_empty_directory(tmp_path):
    import asyncio

    objects = FileObjects(tmp_path)

    async def run() -> None:
        await objects.create("t/dt=2025-01-01/a.jsonl", b"x")
        await objects.put("t/dt=2025-01-01/a.jsonl", b"y")
        await objects.create("t/dt=2025-01-01/a.jsonl", b"z")
        assert [p.name for p in (tmp_path / "t" / "dt=2025-01-01").iterdir()] == ["a.jsonl"]
        await objects.delete("t/dt=2025-01-01/a.jsonl")

    asyncio.run(run())
    assert list(tmp_path.iterdir()) == []

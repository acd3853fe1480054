"""Dataset sinks for tests: a directory, or a bucket on moto's real S3 server (started once
per session on a free port, reached over HTTP by aiobotocore, exactly as AWS would be)."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gateway.dataset.sink import DatasetSink

AWS_ENV = {"AWS_ACCESS_KEY_ID": "moto-test", "AWS_SECRET_ACCESS_KEY": "moto-test", "AWS_DEFAULT_REGION": "us-east-1"}


def moto_server() -> Iterator[str]:
    """Yields the endpoint URL; dummy credentials are set for botocore while it runs."""
    from moto.server import ThreadedMotoServer

    saved = {k: os.environ.get(k) for k in AWS_ENV}
    os.environ.update(AWS_ENV)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


async def make_bucket(endpoint: str) -> str:
    from aiobotocore.session import get_session

    name = f"ds-{uuid.uuid4().hex[:16]}"
    async with get_session().create_client("s3", endpoint_url=endpoint, region_name="us-east-1") as s3:
        await s3.create_bucket(Bucket=name)
    return name


@dataclass(frozen=True)
class Target:
    """Where a test's dataset lives: the URL for configs, and how to open it again."""

    kind: str
    url: str
    endpoint: str | None = None

    def sink(self) -> DatasetSink:
        return DatasetSink.from_url(self.url, endpoint_url=self.endpoint)

    def datasets_config(self) -> dict:
        return {"url": self.url, **({"endpoint_url": self.endpoint} if self.endpoint else {})}

    async def objects(self) -> dict[str, bytes]:
        """Every object, by key, index entries included."""
        sink = self.sink()
        try:
            return {key: await sink.objects.get(key) or b"" async for key in sink.objects.list("")}
        finally:
            await sink.close()

    def objects_now(self) -> dict[str, bytes]:
        return asyncio.run(self.objects())


def target(kind: str, tmp_path: Path, endpoint: str | None) -> Target:
    if kind == "file":
        return Target("file", f"file://{tmp_path / 'datasets'}")
    assert endpoint is not None
    bucket = asyncio.run(make_bucket(endpoint))
    return Target("s3", f"s3://{bucket}/training", endpoint)

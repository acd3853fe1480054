"""`s3://bucket/prefix` through aiobotocore: AWS S3 or any S3-compatible server (MinIO, Ceph,
moto), named by `datasets.endpoint_url` or `AWS_ENDPOINT_URL`. Credentials come from the
standard AWS chain (environment, profile, instance role), never from the gateway's config.

A PUT is atomic on S3 (readers see the old object or the new one), so `put` needs no
temporary name; `create` is a conditional put (`If-None-Match: *`). Servers that do not
implement it answer 501, and then `create` falls back to check-then-put, which is enough
here because a session's record is only ever written by the finalizer holding its job."""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator
from typing import Any

from botocore.exceptions import ClientError

from .objects import check_key

_MISSING = {"404", "NoSuchKey", "NotFound"}


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


class S3Objects:
    def __init__(self, bucket: str, prefix: str, *, endpoint_url: str | None = None,
                 region: str | None = None) -> None:
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.endpoint_url = endpoint_url or os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
        self.region = region or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
        self.description = f"s3://{bucket}/{self.prefix}"
        self._client: Any = None
        self._stack: contextlib.AsyncExitStack | None = None
        self._lock: asyncio.Lock | None = None
        self._conditional = True

    @classmethod
    def from_url(cls, url: str, **options: Any) -> "S3Objects":
        rest = url[len("s3://"):]
        bucket, _, prefix = rest.partition("/")
        if not bucket:
            raise ValueError("an s3:// dataset URL needs a bucket")
        return cls(bucket, prefix, **options)

    async def _s3(self) -> Any:
        """The client is bound to the running loop, so it is made on first use, not at start."""
        if self._client is None:
            self._lock = self._lock or asyncio.Lock()
            async with self._lock:
                if self._client is None:
                    from aiobotocore.session import get_session

                    stack = contextlib.AsyncExitStack()
                    self._client = await stack.enter_async_context(get_session().create_client(
                        "s3", endpoint_url=self.endpoint_url, region_name=self.region))
                    self._stack = stack
        return self._client

    def _key(self, key: str) -> str:
        return self.prefix + check_key(key)

    async def create(self, key: str, data: bytes) -> bool:
        s3 = await self._s3()
        if self._conditional:
            try:
                await s3.put_object(Bucket=self.bucket, Key=self._key(key), Body=data, IfNoneMatch="*")
                return True
            except ClientError as exc:
                if _code(exc) in ("PreconditionFailed", "412", "ConditionalRequestConflict"):
                    return False
                if _code(exc) not in ("NotImplemented", "501"):
                    raise
                self._conditional = False
        if await self.exists(key):
            return False
        await s3.put_object(Bucket=self.bucket, Key=self._key(key), Body=data)
        return True

    async def put(self, key: str, data: bytes) -> None:
        s3 = await self._s3()
        await s3.put_object(Bucket=self.bucket, Key=self._key(key), Body=data)

    async def get(self, key: str) -> bytes | None:
        s3 = await self._s3()
        try:
            answer = await s3.get_object(Bucket=self.bucket, Key=self._key(key))
        except ClientError as exc:
            if _code(exc) in _MISSING:
                return None
            raise
        async with answer["Body"] as body:
            return await body.read()

    async def exists(self, key: str) -> bool:
        s3 = await self._s3()
        try:
            await s3.head_object(Bucket=self.bucket, Key=self._key(key))
        except ClientError as exc:
            if _code(exc) in _MISSING:
                return False
            raise
        return True

    async def delete(self, key: str) -> None:
        s3 = await self._s3()
        await s3.delete_object(Bucket=self.bucket, Key=self._key(key))

    async def list(self, prefix: str, start_after: str | None = None) -> AsyncIterator[str]:
        s3 = await self._s3()
        options: dict[str, Any] = {"Bucket": self.bucket, "Prefix": self.prefix + prefix}
        if start_after:
            options["StartAfter"] = self.prefix + start_after
        async for page in s3.get_paginator("list_objects_v2").paginate(**options):
            for item in page.get("Contents", []):
                yield item["Key"][len(self.prefix):]

    async def prefixes(self, prefix: str) -> list[str]:
        s3 = await self._s3()
        found: list[str] = []
        pages = s3.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix + prefix,
                                                              Delimiter="/")
        async for page in pages:
            for item in page.get("CommonPrefixes", []):
                found.append(item["Prefix"][len(self.prefix + prefix):].rstrip("/"))
        return sorted(found)

    async def close(self) -> None:
        if self._stack is not None:
            stack, self._stack, self._client = self._stack, None, None
            await stack.aclose()

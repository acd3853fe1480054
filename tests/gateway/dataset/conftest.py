from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.gateway.privacy.conftest import store_url  # noqa: F401 - shared fixture

from .support import Target, moto_server, target


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    yield from moto_server()


@pytest.fixture(params=["file", "s3"])
def dataset(request, tmp_path) -> Target:
    """The same test against a directory and against S3 (a fresh bucket per test)."""
    endpoint = request.getfixturevalue("s3_endpoint") if request.param == "s3" else None
    return target(request.param, tmp_path, endpoint)


@pytest.fixture
def file_dataset(tmp_path) -> Target:
    """For behaviours that do not depend on where the dataset lives (keys, parameters)."""
    return target("file", tmp_path, None)

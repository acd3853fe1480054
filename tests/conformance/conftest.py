"""A module-scoped gateway per tenant module: `TENANT = "aleem"` at the top of the module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .support import Harness


@pytest.fixture(scope="module")
def harness(request, fake_url, tmp_path_factory) -> Iterator[Harness]:
    tenant = request.module.TENANT
    running = Harness(tenant, fake_url, tmp_path_factory.mktemp(f"conformance-{tenant}"))
    yield running
    running.close()

"""A gateway with consent capture writing to a test's dataset target, and the ML team's view
of it: the HTTP pull and the metric counters."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import httpx
from prometheus_client import REGISTRY

from gateway.metrics import tenant_label
from tests.gateway.privacy.support import Client, configure as privacy_configure, privacy_policy

from .support import Target

DATASET_KEY = "dataset-key-0123456789"
TRAIN_READER = "train-reader-0123456789"
ADULT = {"training_consent": True, "consent_version": "v3", "age": 40, "country": "GB"}
POLICIES = {
    "train": privacy_policy("train", training=True),
    "notrain": privacy_policy("notrain", training=False),
    "adults": privacy_policy("adults", training=True, min_age=18),
}


def configure(target: Target, store_url: str | None = None, **datasets: Any):
    base = privacy_configure(Path("/nonexistent"), store_url)

    def change(cfg: dict[str, Any]) -> None:
        base(cfg)
        cfg["dataset_key"] = DATASET_KEY
        cfg["datasets"] = {**target.datasets_config(), "tenant_keys": {"train": TRAIN_READER}, **datasets}

    return change


def pull(client: Client, tenant: str, key: str | None = DATASET_KEY, **params: Any) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return client.http.get(f"/admin/v1/tenants/{tenant}/dataset", params=params, headers=headers)


def lines(response: httpx.Response) -> list[dict[str, Any]]:
    """What a standard JSON-lines reader makes of the body."""
    return [json.loads(line) for line in response.text.splitlines() if line.strip()]


def verified(record: dict[str, Any]) -> bool:
    """The consumer's own check of `metadata.sha256` (docs/dataset.md), with the standard library."""
    body = {**record, "metadata": {k: v for k, v in record["metadata"].items() if k != "sha256"}}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    return hashlib.sha256(canonical).hexdigest() == record["metadata"]["sha256"]


def counted(tenant: str, operation: str) -> float:
    return REGISTRY.get_sample_value("privacy_gateway_dataset_records_total",
                                     {"tenant": tenant_label(tenant), "operation": operation}) or 0.0


def sessions_counted(tenant: str, outcome: str, reason: str) -> float:
    return REGISTRY.get_sample_value("privacy_gateway_sessions_finalized_total",
                                     {"tenant": tenant_label(tenant), "outcome": outcome, "reason": reason}) or 0.0

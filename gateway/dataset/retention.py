"""Retention: a training record is deleted `privacy.retention.text_days` after its session
ended, its audio after `audio_days` (the record may stay without it). Enforced by
`privacy-gateway dataset retention` and by a periodic task in every replica; both are
idempotent, so replicas running it at once only repeat deletes.

The age of an object is read from its key (layout.py), so only partitions old enough to hold
something expired are listed. Nothing is read, except where the policy keeps young users'
records for less (`young_text_days`): records between that limit and `text_days` are read for
their own `metadata.retention_days`. Counted as `expired` and audited with counts only."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import orjson

from gateway import metrics

from . import layout
from .sink import DatasetSink

audit = logging.getLogger("privacy_gateway.audit")
log = logging.getLogger("privacy_gateway.dataset")


@dataclass(slots=True)
class Expired:
    records: int = 0
    audio: int = 0


async def _expired_by_own_days(sink: DatasetSink, key: str, created: datetime, now: datetime) -> bool:
    """A record younger than the tenant's `text_days` may carry a shorter `retention_days` (a
    young user's): only such records are read."""
    raw = await sink.read(key)
    if raw is None:
        return False
    try:
        days = orjson.loads(raw.split(b"\n", 1)[0])["metadata"].get("retention_days")
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        return False
    return isinstance(days, int) and created < now - timedelta(days=days)


async def enforce_tenant(sink: DatasetSink, tenant: str, rules: Any, now: datetime) -> Expired:
    """`rules` is the tenant's `privacy.retention`."""
    text_cut = now - timedelta(days=rules.text_days)
    audio_cut = now - timedelta(days=min(rules.audio_days, rules.text_days))
    young_days = getattr(rules, "young_text_days", None)
    young_cut = now - timedelta(days=min(young_days, rules.text_days)) if young_days else text_cut
    newest_cut = max(text_cut, audio_cut, young_cut)
    done = Expired()
    for part in await sink.partitions(tenant):
        try:
            day = date.fromisoformat(part[len("dt="):])
        except ValueError:
            continue
        if datetime(day.year, day.month, day.day, tzinfo=UTC) >= newest_cut:
            continue  # everything in it is younger than both limits
        async for key in sink.objects.list(f"{tenant}/{part}/"):
            name = layout.parse(key)
            if name is None or name.tenant != tenant:
                continue
            if name.is_record and (name.created < text_cut or (
                    name.created < young_cut and await _expired_by_own_days(sink, key, name.created, now))):
                done.records += await sink.delete_session(tenant, name.session, key=key)
            elif not name.is_record and name.created < audio_cut and await sink.objects.exists(key):
                await sink.delete_audio(key)
                done.audio += 1
    return done


async def enforce(sink: DatasetSink, policies: Mapping[str, Any], *, now: datetime | None = None,
                  tenants: Iterable[str] | None = None) -> dict[str, Expired]:
    """Every configured tenant (or those named); `policies` maps tenant -> policy."""
    now = now or datetime.now(UTC)
    results: dict[str, Expired] = {}
    for tenant in sorted(tenants if tenants is not None else policies):
        rules = policies[tenant].privacy.retention
        done = await enforce_tenant(sink, tenant, rules, now)
        results[tenant] = done
        metrics.count_dataset(tenant, "expired", done.records)
        audit.info("dataset retention", extra={"fields": {
            "tenant": tenant, "records_expired": done.records, "audio_expired": done.audio,
            "text_days": rules.text_days, "audio_days": rules.audio_days}})
    return results


class RetentionTask:
    """Runs `enforce` at start and every `interval_s` until stopped. `rounds` counts finished
    rounds, `ran` is set after each one (tests wait on it instead of sleeping)."""

    def __init__(self, sink: DatasetSink, policies: Mapping[str, Any], interval_s: float) -> None:
        self.sink, self.policies, self.interval_s = sink, policies, interval_s
        self.rounds = 0
        self.ran = asyncio.Event()

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await enforce(self.sink, self.policies)
            except Exception as exc:  # noqa: BLE001 - the next round tries again
                log.error("retention round failed", extra={"fields": {"error": type(exc).__name__}})
            self.rounds += 1
            self.ran.set()
            try:
                async with asyncio.timeout(self.interval_s):
                    await stop.wait()
            except TimeoutError:
                pass

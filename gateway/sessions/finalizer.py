"""Session end, decided: every replica runs one `Finalizer`, a consumer in the store's one
consumer group. A job is acknowledged only after its session was routed, so a replica that
dies mid-way leaves the job pending, and another takes it over (XAUTOCLAIM) once it has been
idle for `claim_idle_ms`. Finalizing twice is harmless: the sink writes one object per session,
and a session already deleted finalizes as "already_stored" or "empty".

Eligibility is decided again here, with the user's current profile: consent withdrawn or a
profile erased mid-session means the transcript is deleted. Each decision is counted with its
reason and leaves an audit line with pseudonyms, counts and reasons only, never content.

An eligible transcript is de-identified for training (gateway/dataset/deidentify.py) before it
is written; one that cannot be cleaned with confidence is dropped (reason
`deidentification_failed`) and counted. Audio goes beside the record only for adults of a
tenant that keeps audio, decided again here with the current profile."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from cryptography.exceptions import InvalidTag

from gateway import metrics
from gateway.dataset import layout
from gateway.dataset.deidentify import Deidentifier, NotClean
from gateway.dataset.engine import EngineHandle
from gateway.dataset.records import AudioClip, Draft, audio_entry
from gateway.dataset.sink import DatasetSink
from gateway.policy import Policy
from gateway.privacy.ages import ConsentAges
from gateway.privacy.eligibility import Verdict, assess, capture_blocked
from gateway.privacy.profiles import Profiles
from gateway.privacy.pseudonyms import Secrets
from gateway.store import Job, SessionData, Store, StoreUnavailable

from .recorder import turn_aad

# (tenant, session pseudonym) -> the session vault's placeholder -> original map, or {}.
Originals = Callable[[str, str], Awaitable[Mapping[str, str]]]

log = logging.getLogger("privacy_gateway.finalizer")
audit = logging.getLogger("privacy_gateway.audit")


@dataclass(frozen=True, slots=True)
class Outcome:
    decision: str  # "stored" or "discarded"
    reason: str


def consumer_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{os.urandom(3).hex()}"


class Finalizer:
    def __init__(self, store: Store, profiles: Profiles, secrets: Secrets, ages: ConsentAges,
                 policies: Mapping[str, Policy], sink: DatasetSink | None, *, consumer: str | None = None,
                 claim_idle_ms: int = 30_000, block_ms: int = 1_000, batch: int = 16,
                 pause: Callable[[str], Awaitable[None]] | None = None,
                 deidentifier: Deidentifier | None = None, originals: Originals | None = None) -> None:
        self.store, self.profiles, self.secrets, self.ages = store, profiles, secrets, ages
        self.policies = policies  # tenant name -> policy
        self.sink = sink
        if deidentifier is None:
            from gateway.settings import GatewaySettings

            deidentifier = Deidentifier(EngineHandle.for_settings(GatewaySettings().pii_engine), secrets)
        self.deidentifier = deidentifier
        self.originals = originals
        self.consumer = consumer or consumer_name()
        self.claim_idle_ms, self.block_ms, self.batch = claim_idle_ms, block_ms, batch
        self.decisions: Counter[tuple[str, str, str]] = Counter()  # (tenant, decision, reason)
        self._pause = pause

    async def _step(self, name: str) -> None:
        if self._pause is not None:
            await self._pause(name)

    def _draft(self, job: Job, data: SessionData, profile_version: str | None, policy: Policy,
               verdict: Verdict, age: int | None = None) -> Draft:
        """Deterministic for a given job and buffer, so a second write is the same object."""
        messages: list[dict[str, str]] = []
        clips: list[tuple[int, AudioClip]] = []
        modality = "text"
        keep_audio = policy.privacy.audio.store and verdict.audience == "adult"
        for number, blob in enumerate(data.turns):
            turn = orjson.loads(self.secrets.open(blob, turn_aad(job.tenant, job.session)))
            messages.extend({"role": m["role"], "content": m["content"]} for m in turn["p"])
            messages.append({"role": "assistant", "content": turn["a"]})
            modality = "audio" if turn.get("m") == "audio" else modality
            if keep_audio:
                clips += [(number, c) for part in turn.get("au") or [] if (c := AudioClip.from_part(part))]
        metadata = {
            "tenant": job.tenant, "subject": data.subject, "session": job.session,
            "consent_version": profile_version, "policy": {"name": policy.name, "version": policy.version},
            "created_at": datetime.fromtimestamp(job.at_ms / 1000, UTC).isoformat(timespec="milliseconds"),
            "redactions": dict(sorted(data.redactions.items())), "modality": modality,
            "turns": len(data.turns), "end_reason": job.reason,
            # read by the retention pass (gateway/dataset/retention.py): young users' records go sooner
            "retention_days": policy.privacy.retention.days_for(age)}
        return Draft(messages, metadata, clips)

    async def _clean(self, job: Job, draft: Draft, policy: Policy) -> dict[str, Any]:
        """The record as stored: de-identified messages, audio named beside it; raises NotClean."""
        known = await self.originals(job.tenant, job.session) if self.originals is not None else {}
        rules = policy.privacy.deidentify
        started = time.perf_counter()
        cleaned = await self.deidentifier.clean(draft.messages, tenant=job.tenant, session=job.session, rules=rules,
                                                allow_list=policy.pii.allow_list, deny_list=policy.pii.deny_list,
                                                known=known)
        metadata = {**draft.metadata, "deidentification": {"mode": rules.mode, "replaced": cleaned.replaced}}
        if draft.audio:
            key = layout.record_key(job.tenant, datetime.fromisoformat(metadata["created_at"]), job.session)
            metadata["audio"] = [audio_entry(layout.audio_key(key, i, c.fmt).rsplit("/", 1)[1], c, n)
                                 for i, (n, c) in enumerate(draft.audio)]
        log.info("record de-identified", extra={"fields": {
            "tenant": job.tenant, "session": job.session, "replaced": sum(cleaned.replaced.values()),
            "messages": len(cleaned.messages), "ms": round((time.perf_counter() - started) * 1000, 1)}})
        return {"messages": cleaned.messages, "metadata": metadata}

    async def finalize(self, job: Job) -> Outcome:
        """Route one ended session. Raises on unexpected failures (the job stays pending)."""
        data = await self.store.read_session(job.tenant, job.session)
        await self._step("read")
        if data is None or not data.turns:
            stored = self.sink is not None and await self.sink.exists(job.tenant, job.session)
            outcome = Outcome("stored" if stored else "discarded", "already_stored" if stored else "empty")
            self._audit(job, outcome, 0)
            if data is not None:
                await self.store.discard_session(job.tenant, job.session, data.subject)
            return outcome
        policy = self.policies.get(job.tenant)
        outcome = Outcome("discarded", "unknown_tenant")
        if job.reason == "child_flag":
            outcome = Outcome("discarded", "child_flagged")  # the app said: a child's session
        elif policy is not None and (blocked := capture_blocked(policy)) is not None:
            outcome = Outcome("discarded", blocked)
        elif policy is not None:
            profile = await self.profiles.get(job.tenant, data.subject)
            verdict = assess(profile, policy.privacy, self.ages, datetime.now(UTC).date())
            outcome = Outcome("discarded", verdict.reason)
            if verdict.eligible and self.sink is None:
                outcome = Outcome("discarded", "no_sink")
            elif verdict.eligible and profile is not None:
                age = profile.age_on(datetime.now(UTC).date())
                outcome = await self._store(job, data, profile.consent_version, policy, verdict, age)
        # Audited before the delete: a crash after it repeats the line, never loses it.
        self._audit(job, outcome, len(data.turns))
        await self.store.discard_session(job.tenant, job.session, data.subject)
        await self._step("discarded")
        return outcome

    async def _store(self, job: Job, data: SessionData, consent_version: str | None, policy: Policy,
                     verdict: Verdict, age: int | None = None) -> Outcome:
        assert self.sink is not None
        try:
            draft = self._draft(job, data, consent_version, policy, verdict, age)
        except InvalidTag:
            return Outcome("discarded", "unreadable")
        try:
            record = await self._clean(job, draft, policy)
        except NotClean as exc:
            metrics.count_dataset(job.tenant, "dropped")
            audit.info("record dropped", extra={"fields": {"tenant": job.tenant, "session": job.session,
                                                           "why": exc.reason, "messages": len(draft.messages)}})
            return Outcome("discarded", "deidentification_failed")
        written = await self.sink.write(job.tenant, job.session, record, [c for _, c in draft.audio])
        await self._step("written")
        if written.new:
            metrics.count_dataset(job.tenant, "written")
        outcome = Outcome("stored", "eligible" if written.new else "already_stored")
        # An erasure or a withdrawal that raced with this write wins.
        after = await self.profiles.get(job.tenant, data.subject)
        if not assess(after, policy.privacy, self.ages, datetime.now(UTC).date()).eligible:
            removed = await self.sink.delete_session(job.tenant, job.session, key=written.key, subject=data.subject)
            metrics.count_dataset(job.tenant, "deleted", removed)
            outcome = Outcome("discarded", "changed_during_finalization")
        return outcome

    def _audit(self, job: Job, outcome: Outcome, turns: int) -> None:
        audit.info("session decided", extra={"fields": {
            "tenant": job.tenant, "session": job.session, "decision": outcome.decision, "reason": outcome.reason,
            "turns": turns, "end": job.reason, "consumer": self.consumer}})

    async def handle(self, job: Job) -> Outcome | None:
        started = time.perf_counter()
        try:
            outcome = await self.finalize(job)
        except StoreUnavailable:
            return None  # stays pending; retried after the store is back
        except Exception as exc:  # noqa: BLE001 - stays pending, another try after claim_idle_ms
            log.error("finalization failed", extra={"fields": {"tenant": job.tenant, "session": job.session,
                                                               "error": type(exc).__name__}})
            return None
        await self.store.ack(job)
        self.decisions[(job.tenant, outcome.decision, outcome.reason)] += 1
        metrics.count_session(job.tenant, outcome.decision, outcome.reason)
        log.info("session finalized", extra={"fields": {
            "tenant": job.tenant, "session": job.session, "decision": outcome.decision,
            "reason": outcome.reason, "ms": round((time.perf_counter() - started) * 1000, 3)}})
        return outcome

    def prometheus(self) -> str:
        """Decisions so far, in Prometheus text format (labels are bounded: tenant names from
        the config, fixed decisions and reasons; never ids)."""
        lines = ["# HELP gateway_sessions_finalized_total Ended sessions, by decision and reason.",
                 "# TYPE gateway_sessions_finalized_total counter"]
        for (tenant, decision, reason), count in sorted(self.decisions.items()):
            lines.append(f'gateway_sessions_finalized_total{{tenant="{tenant}",decision="{decision}",'
                         f'reason="{reason}"}} {count}')
        return "\n".join(lines) + "\n"

    async def sweep_idle(self, limit: int = 100) -> int:
        """End sessions idle past their tenant's deadline (each taken by one replica)."""
        now = int(time.time() * 1000)
        ended = 0
        for tenant, session in await self.store.due_sessions(now, limit):
            policy = self.policies.get(tenant)
            ttl_ms = (policy.privacy.session_ttl_s if policy else 86_400) * 1000
            ended += await self.store.end_session(tenant, session, "inactivity", now, ttl_ms)
        return ended

    async def run_once(self) -> int:
        """One round: idle sweep, take over stale jobs, read new ones; returns jobs handled."""
        await self.sweep_idle()
        jobs = await self.store.claim_stale(self.consumer, self.claim_idle_ms, self.batch)
        if not jobs:
            jobs = await self.store.read_jobs(self.consumer, self.batch, self.block_ms)
        for job in jobs:
            await self.handle(job)
        return len(jobs)

    async def run(self, stop: asyncio.Event) -> None:
        log.info("finalizer started", extra={"fields": {"consumer": self.consumer}})
        while not stop.is_set():
            try:
                await self.run_once()
            except StoreUnavailable:
                try:
                    async with asyncio.timeout(1.0):
                        await stop.wait()
                except TimeoutError:
                    pass
            except Exception as exc:  # noqa: BLE001 - keep the loop alive; the job stays pending
                log.error("finalizer round failed", extra={"fields": {"error": type(exc).__name__}})
                await asyncio.sleep(1.0)
        log.info("finalizer stopped", extra={"fields": {"consumer": self.consumer}})

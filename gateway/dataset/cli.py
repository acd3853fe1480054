"""`privacy-gateway dataset pull | forget | retention`: run against `DATASET_URL` (and, for
`forget`, the store) straight from the config, with no gateway running.

`pull --out DIR` writes `records.jsonl` (the records as stored, one per line), the audio they
name under `audio/`, and `manifest.json`: counts, the file's SHA-256, each record's checksum,
and `next_cursor` for the next incremental pull. Files appear complete or not at all.
Exit codes: 0 done, 1 the store or the dataset could not be reached, 2 bad arguments."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from gateway import metrics
from gateway.config_loader import LoadedConfig

from . import pull
from .forget import forget
from .retention import enforce
from .sink import DatasetSink

audit = logging.getLogger("privacy_gateway.audit")


def _logging(config: LoadedConfig) -> None:
    if not logging.getLogger().handlers:  # a real run: audit lines as JSON on stderr
        from gateway import logs

        logs.configure(config.settings.server.log_level)


def _fail(message: str, code: int = 2) -> int:
    print(message, file=sys.stderr)
    return code


def _atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


async def _audio(sink: DatasetSink, key: str, clip: dict[str, Any], session: str, out: Path) -> dict[str, Any]:
    """Copy one audio file a record names; it may have expired before its record (retention)."""
    data = await sink.read(f"{key.rsplit('/', 1)[0]}/{clip['file']}")
    ok = data is not None and hashlib.sha256(data).hexdigest() == clip["sha256"]
    if ok:
        (out / "audio").mkdir(exist_ok=True)
        _atomic(out / "audio" / clip["file"], data)  # type: ignore[arg-type]
    return {"file": clip["file"], "session": session, "sha256": clip["sha256"],
            "state": "ok" if ok else "expired" if data is None else "corrupt"}


async def pull_to(sink: DatasetSink, tenant: str, out: Path, *, since: datetime | None,
                  cursor: str | None) -> dict[str, Any]:
    after = pull.start_after(tenant, since, cursor)
    out.mkdir(parents=True, exist_ok=True)
    digest, entries, audio = hashlib.sha256(), [], []
    last = None
    partial = out / ".records.jsonl.tmp"
    with partial.open("wb") as handle:  # streamed: a tenant's dataset need not fit in memory
        async for item in pull.records(sink, tenant, after=after):
            handle.write(item.line)
            digest.update(item.line)
            meta = item.record["metadata"]
            entries.append({"session": meta["session"], "created_at": meta["created_at"], "sha256": meta["sha256"]})
            last = item
            for clip in meta.get("audio") or []:
                audio.append(await _audio(sink, item.key, clip, meta["session"], out))
    os.replace(partial, out / "records.jsonl")
    manifest = {
        "tenant": tenant, "source": sink.description, "pulled_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "since": since.isoformat() if since else None, "cursor": cursor,
        "next_cursor": last.cursor if last else cursor, "count": len(entries),
        "file": "records.jsonl", "sha256": digest.hexdigest(),
        "records": entries, "audio": audio}
    _atomic(out / "manifest.json", orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
    metrics.count_dataset(tenant, "pulled", len(entries))
    audit.info("dataset pulled", extra={"fields": {"tenant": tenant, "records": len(entries), "via": "cli",
                                                   "audio": len(audio), "resumed": after is not None}})
    return manifest


def _tenant(config: LoadedConfig, tenant: str) -> str | None:
    if tenant in config.settings.tenants:
        return None
    return f"unknown tenant {tenant!r}; known: {', '.join(sorted(config.settings.tenants))}"


def cmd_pull(args: argparse.Namespace, config: LoadedConfig) -> int:
    if (problem := _tenant(config, args.tenant)) is not None:
        return _fail(problem)
    try:
        since = pull.parse_since(args.since) if args.since else None
        pull.start_after(args.tenant, since, args.cursor)
    except pull.BadCursor:
        return _fail("--cursor is not a cursor of this tenant's dataset")
    except ValueError:
        return _fail("--since must be an ISO-8601 date or date-time, e.g. 2025-01-31 or 2025-01-31T12:00:00Z")
    _logging(config)
    from gateway.privacy.runtime import open_sink

    async def run() -> dict[str, Any]:
        sink = open_sink(config)
        try:
            return await pull_to(sink, args.tenant, Path(args.out), since=since, cursor=args.cursor)
        finally:
            await sink.close()

    try:
        manifest = asyncio.run(run())
    except Exception as exc:  # noqa: BLE001 - OSError, botocore's: say which, never more
        return _fail(f"cannot read the dataset or write {args.out}: {type(exc).__name__}", 1)
    print(f"pulled {manifest['count']} records of {args.tenant} into {args.out} (sha256 {manifest['sha256']})")
    return 0


def cmd_forget(args: argparse.Namespace, config: LoadedConfig) -> int:
    if (problem := _tenant(config, args.tenant)) is not None:
        return _fail(problem)
    if config.settings.secret is None:
        return _fail("GATEWAY_SECRET is not set: the user's pseudonym cannot be computed, so nothing can be found")
    _logging(config)
    from gateway.privacy.runtime import PrivacyRuntime
    from gateway.store import StoreUnavailable

    async def run() -> dict[str, Any]:
        runtime = PrivacyRuntime.from_config(config)
        try:
            client = getattr(runtime.store, "client", None)
            if client is not None and any("pii" in p.filters for p in runtime.policies.values()):
                from .vault import redis_vaults

                runtime.erase_hooks.append(redis_vaults(client, runtime.secrets)().erase_session)
            subject = runtime.secrets.subject(args.tenant, args.user)
            done = await forget(runtime, args.tenant, subject, via="cli")
            return {"tenant": args.tenant, "subject": subject, "erased": done.counts(), "store": runtime.store.kind}
        finally:
            await runtime.stop()

    try:
        result = asyncio.run(run())
    except StoreUnavailable:
        return _fail("the store cannot be reached: nothing was erased; run the command again", 1)
    print(orjson.dumps(result).decode())
    return 0


def cmd_retention(args: argparse.Namespace, config: LoadedConfig) -> int:
    if args.tenant and (problem := _tenant(config, args.tenant)) is not None:
        return _fail(problem)
    _logging(config)
    from gateway.privacy.runtime import open_sink

    policies = {name: config.policies[t.policy] for name, t in config.settings.tenants.items()}

    async def run() -> dict[str, Any]:
        sink = open_sink(config)
        try:
            done = await enforce(sink, policies, tenants=[args.tenant] if args.tenant else None)
        finally:
            await sink.close()
        return {t: {"records_expired": e.records, "audio_expired": e.audio} for t, e in done.items()}

    try:
        result = asyncio.run(run())
    except Exception as exc:  # noqa: BLE001 - OSError, botocore's: say which, never more
        return _fail(f"cannot reach the dataset: {type(exc).__name__}", 1)
    print(orjson.dumps(result).decode())
    return 0


def add_parser(sub: Any, load: Any) -> None:
    """Adds `dataset pull|forget|retention` to the CLI; `load(path)` loads and checks a config."""
    dataset = sub.add_parser("dataset", help="the training dataset: pull, forget a user, retention")
    commands = dataset.add_subparsers(dest="dataset_command", required=True)

    def command(name: str, func: Any, help_: str) -> argparse.ArgumentParser:
        parser = commands.add_parser(name, help=help_)
        parser.add_argument("--config")
        parser.set_defaults(func=lambda args: func(args, load(args.config)))
        return parser

    pulling = command("pull", cmd_pull, "download a tenant's consented training records")
    pulling.add_argument("--tenant", required=True)
    pulling.add_argument("--out", required=True, help="directory for records.jsonl, manifest.json, audio/")
    pulling.add_argument("--since", help="records created at or after this ISO-8601 date or time")
    pulling.add_argument("--cursor", help="next_cursor of an earlier pull's manifest: only newer records")
    forgetting = command("forget", cmd_forget, "erase one end user everywhere")
    forgetting.add_argument("--tenant", required=True)
    forgetting.add_argument("--user", required=True, help="the user id the app sends (never stored)")
    retention = command("retention", cmd_retention, "delete records and audio past their tenant's retention")
    retention.add_argument("--tenant")

"""A finalizer on its own: `python -m gateway.sessions.worker --config config/gateway.yaml`.

The gateway already runs one finalizer per process; this entry point runs one without serving
HTTP (a dedicated finalizer replica, or the crash tests' victims), with the dataset retention
task beside it. It stops on SIGTERM/SIGINT;
a SIGKILL leaves its jobs pending until another consumer takes them over (XAUTOCLAIM)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import signal
import sys
from collections.abc import Sequence

from gateway import logs
from gateway.config_loader import load_config
from gateway.privacy.runtime import PrivacyRuntime


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m gateway.sessions.worker")
    parser.add_argument("--config", default="config/gateway.yaml")
    parser.add_argument("--consumer", help="consumer name in the group (default: host-pid-random)")
    parser.add_argument("--claim-idle-ms", type=int, default=30_000,
                        help="take over jobs another consumer has held this long")
    parser.add_argument("--block-ms", type=int, default=1_000)
    parser.add_argument("--pace-ms", type=int, default=0,
                        help="random pause up to this long between the steps of a job (crash tests)")
    return parser.parse_args(argv)


async def main(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    logs.configure(config.settings.server.log_level)

    async def pause(step: str) -> None:
        await asyncio.sleep(random.random() * args.pace_ms / 1000)

    runtime = PrivacyRuntime.from_config(config, consumer=args.consumer, claim_idle_ms=args.claim_idle_ms,
                                         block_ms=args.block_ms, pause=pause if args.pace_ms else None)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    # Retention runs here too: a deployment may run finalizer replicas and no gateway at all.
    retention = asyncio.create_task(runtime.retention.run(stop), name="dataset-retention") \
        if runtime.retention is not None else None
    try:
        await runtime.finalizer.run(stop)
    finally:
        if retention is not None:
            retention.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await retention
        if runtime.sink is not None:
            await runtime.sink.close()
        await runtime.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(parse(sys.argv[1:]))))

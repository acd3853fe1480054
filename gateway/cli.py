"""`privacy-gateway`: serve, check-config, policy explain, dataset pull/forget/retention.

Exit codes: 0 success, 2 bad configuration or arguments (the message names the key path)."""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence

from .config_loader import ConfigError, LoadedConfig, load_config

DEFAULT_CONFIG = "config/gateway.yaml"


def _config_path(arg: str | None) -> str:
    return arg or os.environ.get("PRIVACY_GATEWAY_CONFIG") or DEFAULT_CONFIG


def _load(arg: str | None) -> LoadedConfig:
    config = load_config(_config_path(arg))
    _check_filters(config)
    return config


def _check_filters(config: LoadedConfig) -> None:
    from filters.registry import REQUEST_FILTERS

    for policy in config.policies.values():
        for i, name in enumerate(policy.filters):
            if name not in REQUEST_FILTERS:
                raise ConfigError(
                    f"policies/{policy.name}.yaml: filters.{i}: unknown filter {name!r}; "
                    f"known: {', '.join(sorted(REQUEST_FILTERS)) or 'none'}"
                )


def cmd_check_config(args: argparse.Namespace) -> int:
    config = _load(args.config)
    s = config.settings
    print(f"config ok: {config.path}: {len(s.tenants)} tenants, {len(s.providers)} providers, "
          f"{len(s.models.routes)} routes, policies: {', '.join(sorted(config.policies))}")
    return 0


def cmd_policy_explain(args: argparse.Namespace) -> int:
    config = _load(args.config)
    tenant = config.settings.tenants.get(args.tenant)
    if tenant is None:
        print(f"unknown tenant {args.tenant!r}; known: {', '.join(sorted(config.settings.tenants))}", file=sys.stderr)
        return 2
    print(f"Tenant {args.tenant}:")
    for line in config.policies[tenant.policy].explain():
        print(f"  - {line}")
    return 0


def _multiprocess_metrics() -> None:
    """A fresh directory for the workers' metric files, chosen before gunicorn forks them;
    removed when the master exits (a directory left from an earlier run would add its counts)."""
    from . import metrics

    path = tempfile.mkdtemp(prefix="privacy-gateway-metrics-")
    metrics.use_multiprocess(path)
    owner = os.getpid()

    def cleanup() -> None:
        if os.getpid() == owner:  # forked workers inherit this exit handler
            shutil.rmtree(path, ignore_errors=True)

    atexit.register(cleanup)


def _worker_exited(server: object, worker: object) -> None:
    """gunicorn's child_exit hook: a dead worker's live gauges (in-flight) stop counting."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)  # type: ignore[attr-defined]


def cmd_serve(args: argparse.Namespace) -> int:
    from . import logs
    from .app import CONFIG_ENV, build_app, run

    config = _load(args.config)
    server = config.settings.server
    host = args.host or server.host
    port = server.port if args.port is None else args.port
    workers = args.workers or server.workers
    logs.configure(server.log_level)
    if workers == 1:
        run(build_app(config), host, port)
        return 0

    from gunicorn.app.base import BaseApplication

    os.environ[CONFIG_ENV] = str(config.path)
    _multiprocess_metrics()

    class GatewayGunicorn(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            options = {
                "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
                "workers": workers,
                "worker_class": "aiohttp.GunicornWebWorker",
                # gunicorn must wait longer than the runner drains streams, or it kills them.
                "graceful_timeout": int(server.shutdown_timeout_s) + 5,
                "accesslog": None,
                "loglevel": server.log_level.lower(),
                "child_exit": _worker_exited,
                "logconfig_dict": logs.gunicorn_logconfig(server.log_level),
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):  # noqa: ANN202
            from .app import gunicorn_factory

            return gunicorn_factory

    GatewayGunicorn().run()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="privacy-gateway", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the gateway")
    serve.add_argument("--config")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int, help="processes; one per core is a good start")
    serve.set_defaults(func=cmd_serve)

    check = sub.add_parser("check-config", help="validate the configuration and every policy")
    check.add_argument("--config")
    check.set_defaults(func=cmd_check_config)

    policy = sub.add_parser("policy", help="tenant policies")
    policy_sub = policy.add_subparsers(dest="policy_command", required=True)
    explain = policy_sub.add_parser("explain", help="print every rule a tenant's policy enforces")
    explain.add_argument("tenant")
    explain.add_argument("--config")
    explain.set_defaults(func=cmd_policy_explain)

    from .dataset.cli import add_parser as add_dataset_parser

    add_dataset_parser(sub, _load)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

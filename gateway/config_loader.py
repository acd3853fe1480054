"""Reads `gateway.yaml` and the policies it names, interpolating `${VAR}` and
`${VAR:-default}` from the environment, and fails fast with the key path of anything wrong."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .policy import Policy
from .settings import GatewaySettings

_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-(.*?))?\}")


class ConfigError(Exception):
    """Bad configuration. The message starts with the file and key path at fault."""


@dataclass(frozen=True, slots=True)
class LoadedConfig:
    path: Path
    settings: GatewaySettings
    policies: dict[str, Policy]


def interpolate(value: Any, env: Mapping[str, str], path: str = "") -> Any:
    """Replace variables inside string values. Done after YAML parsing so that a value holding
    a colon or a quote can never change the document's structure."""
    if isinstance(value, dict):
        return {k: interpolate(v, env, _join(path, k)) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, env, _join(path, i)) for i, v in enumerate(value)]
    if not isinstance(value, str) or "${" not in value:
        return value

    def substitute(match: re.Match[str]) -> str:
        name, default = match.group(1), match.group(2)
        if name in env:
            return env[name]
        if default is not None:
            return default
        raise ConfigError(f"{path}: environment variable {name} is not set and has no default")

    return _VAR.sub(substitute, value)


def _join(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        return yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}: is not valid YAML{where}") from None


def _validation_message(source: Path, exc: ValidationError) -> str:
    lines = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"]) or "(top level)"
        lines.append(f"{source}: {loc}: {err['msg']}")
    return "\n".join(lines)


def load_policy(path: Path, env: Mapping[str, str]) -> Policy:
    raw = interpolate(_read_yaml(path), env)
    try:
        return Policy.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(_validation_message(path, exc)) from None


def load_config(path: str | os.PathLike[str], env: Mapping[str, str] | None = None) -> LoadedConfig:
    env = os.environ if env is None else env
    path = Path(path).resolve()
    raw = interpolate(_read_yaml(path), env)
    try:
        settings = GatewaySettings.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(_validation_message(path, exc)) from None

    policies_dir = (path.parent / settings.policies_dir).resolve()
    policies: dict[str, Policy] = {}
    for tenant_name, tenant in settings.tenants.items():
        if tenant.policy in policies:
            continue
        policy_path = policies_dir / f"{tenant.policy}.yaml"
        if not policy_path.is_file():
            raise ConfigError(f"{path}: tenants.{tenant_name}.policy: no file {policy_path}")
        policy = load_policy(policy_path, env)
        if policy.name != tenant.policy:
            raise ConfigError(f"{policy_path}: name: must be {tenant.policy!r}, the file's name")
        policies[tenant.policy] = policy
    return LoadedConfig(path=path, settings=settings, policies=policies)

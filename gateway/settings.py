"""Typed shape of `config/gateway.yaml`. Unknown keys are errors, so a typo fails at start-up
with its key path instead of silently doing nothing."""

from __future__ import annotations

from ipaddress import IPv4Network, IPv6Network
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

from filters.pii.settings import EngineSettings


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _blank_to_none(value: object) -> object:
    # `${VAR:-}` interpolates to "", which means "not configured".
    return None if value == "" else value


class ServerSettings(Strict):
    host: str = "127.0.0.1"
    port: int = Field(8080, ge=0, le=65535)
    workers: int = Field(1, ge=1, le=64)
    body_limit_bytes: int = Field(26_214_400, ge=1024)
    max_in_flight: int = Field(1024, ge=1)
    shutdown_timeout_s: float = Field(30.0, ge=0)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    access_log: bool = True


class Timeouts(Strict):
    connect: float = Field(5.0, gt=0)
    # Until the response headers arrive, and the longest silence inside a stream.
    first_byte: float = Field(60.0, gt=0)
    total: float = Field(600.0, gt=0)


class ProviderSettings(Strict):
    type: Literal["openai", "azure", "echo"]
    base_url: str | None = None
    api_key: SecretStr | None = None
    # Name of the variable that should hold the key, so a missing key is reported by name.
    api_key_env: str | None = None
    api_version: str | None = None  # azure only
    deployments: dict[str, str] = {}  # azure only: model -> deployment
    headers: dict[str, str] = {}
    timeouts: Timeouts = Timeouts()
    max_connections: int = Field(256, ge=1)

    _blank = field_validator("base_url", "api_key", "api_version", mode="before")(_blank_to_none)

    @model_validator(mode="after")
    def _needs_base_url(self) -> "ProviderSettings":
        if self.type in ("openai", "azure") and not self.base_url:
            raise ValueError(f"a provider of type {self.type!r} needs base_url")
        if self.type == "azure" and not self.api_version:
            raise ValueError("an azure provider needs api_version")
        return self


class RouteSettings(Strict):
    match: str = Field(min_length=1, description="exact model name or glob pattern")
    provider: str
    upstream_model: str | None = None
    fallback: str | None = None


class ModelSettings(Strict):
    aliases: dict[str, str] = {}
    routes: list[RouteSettings] = []


class TenantSettings(Strict):
    key: SecretStr | None = None
    policy: str = Field(pattern=r"^[a-z0-9_-]+$")
    # Empty means any client address; the shipped demo tenant is loopback only.
    allow_from: list[IPv4Network | IPv6Network] = []

    _blank = field_validator("key", mode="before")(_blank_to_none)


class StoreSettings(Strict):
    url: str | None = None  # redis://…; unset means the embedded in-memory store

    _blank = field_validator("url", mode="before")(_blank_to_none)


class DatasetSettings(Strict):
    url: str = Field("file://./var/datasets", pattern=r"^(file://.+|s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?)$")
    # An S3-compatible server (MinIO, Ceph); unset: AWS_ENDPOINT_URL, else AWS itself.
    endpoint_url: str | None = None
    region: str | None = None
    # The retention sweep runs at start-up and then this often, in every replica (idempotent).
    retention_interval_s: int = Field(3600, ge=1, le=7 * 86400)
    # Read keys limited to one tenant's dataset, beside the all-tenant `dataset_key`.
    tenant_keys: dict[str, SecretStr] = {}

    _blank = field_validator("endpoint_url", "region", mode="before")(_blank_to_none)


class GatewaySettings(Strict):
    server: ServerSettings = ServerSettings()
    secret: SecretStr | None = None
    admin_key: SecretStr | None = None
    dataset_key: SecretStr | None = None
    store: StoreSettings = StoreSettings()
    datasets: DatasetSettings = DatasetSettings()
    policies_dir: str = "policies"
    providers: dict[str, ProviderSettings] = {}
    models: ModelSettings = ModelSettings()
    pii_engine: EngineSettings = EngineSettings()
    tenants: dict[str, TenantSettings] = {}

    _blank = field_validator("secret", "admin_key", "dataset_key", mode="before")(_blank_to_none)

    @model_validator(mode="after")
    def _references_exist(self) -> "GatewaySettings":
        for i, route in enumerate(self.models.routes):
            for field in ("provider", "fallback"):
                name = getattr(route, field)
                if name is not None and name not in self.providers:
                    raise ValueError(f"models.routes.{i}.{field}: no provider named {name!r}")
        for alias, target in self.models.aliases.items():
            if target in self.models.aliases:
                raise ValueError(f"models.aliases.{alias}: an alias may not point at another alias")
        return self

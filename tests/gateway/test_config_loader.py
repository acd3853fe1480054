"""Configuration: interpolation, typed validation that names the key path, the CLI's exits."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from gateway.cli import main
from gateway.config_loader import ConfigError, interpolate, load_config
from tests.support.gateway import POLICIES, base_config, write_config

ENV = {"A": "alpha", "EMPTY": ""}


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("${A}", "alpha"),
        ("${A:-fallback}", "alpha"),
        ("${UNSET:-fallback}", "fallback"),
        ("${UNSET:-}", ""),
        ("${EMPTY:-fallback}", ""),
        ("pre-${A}-post", "pre-alpha-post"),
        ("${A}:${UNSET:-x}", "alpha:x"),
        ("no variables", "no variables"),
        ("${UNSET:-http://h:1/v1}", "http://h:1/v1"),
    ],
)
def test_interpolation(raw, expected):
    assert interpolate({"k": [raw]}, ENV) == {"k": [expected]}


def test_a_variable_without_default_that_is_unset_names_its_key_path():
    with pytest.raises(ConfigError, match=r"providers\.x\.api_key: environment variable NOPE is not set"):
        interpolate({"providers": {"x": {"api_key": "${NOPE}"}}}, ENV)


def test_values_with_yaml_syntax_cannot_change_the_document(tmp_path):
    config = base_config("http://127.0.0.1:1")
    config["tenants"]["acme"]["key"] = "${TRICKY}"
    loaded = load_config(write_config(tmp_path, config), env={"TRICKY": "a: [b, {c"})
    assert loaded.settings.tenants["acme"].key.get_secret_value() == "a: [b, {c"


@pytest.mark.parametrize(
    "change,path",
    [
        (lambda c: c["providers"]["fake"].update(type="grpc"), "providers.fake.type"),
        (lambda c: c["providers"]["fake"].update(colour="blue"), "providers.fake.colour"),
        (lambda c: c["server"].update(port="eighty"), "server.port"),
        (lambda c: c["server"].update(max_in_flight=0), "server.max_in_flight"),
        (lambda c: c["models"]["routes"][0].update(provider="ghost"), "models.routes.0.provider"),
        (lambda c: c["tenants"]["acme"].update(policy="Bad Name"), "tenants.acme.policy"),
        (lambda c: c["tenants"]["acme"].update(policy="missing"), "tenants.acme.policy"),
        (lambda c: c["tenants"]["acme"].update(allow_from=["not-a-net"]), "tenants.acme.allow_from.0"),
        (lambda c: c["providers"]["azure"].pop("api_version"), "api_version"),
    ],
)
def test_bad_config_fails_naming_the_key_path(tmp_path, change, path):
    config = base_config("http://127.0.0.1:1")
    change(config)
    with pytest.raises(ConfigError) as raised:
        load_config(write_config(tmp_path, config), env={})
    assert path in str(raised.value)


def test_bad_policy_fails_naming_file_and_key(tmp_path):
    policies = {**POLICIES, "open": {"name": "open", "version": "1", "filtres": []}}
    with pytest.raises(ConfigError) as raised:
        load_config(write_config(tmp_path, base_config("http://x"), policies), env={})
    assert "open.yaml" in str(raised.value) and "filtres" in str(raised.value)


def test_invalid_yaml_names_the_line(tmp_path):
    path = tmp_path / "gateway.yaml"
    path.write_text("server:\n  port: [1,\n")
    with pytest.raises(ConfigError, match="not valid YAML at line"):
        load_config(path, env={})


def test_check_config_exits_0_on_the_shipped_config(capsys):
    assert main(["check-config", "--config", "config/gateway.yaml"]) == 0
    assert "config ok" in capsys.readouterr().out


def test_check_config_exits_2_naming_the_key(tmp_path, capsys):
    config = base_config("http://x")
    config["server"]["workers"] = -1
    assert main(["check-config", "--config", str(write_config(tmp_path, config))]) == 2
    assert "server.workers" in capsys.readouterr().err


def test_check_config_refuses_an_unknown_filter(tmp_path, capsys):
    policies = {**POLICIES, "open": {"name": "open", "version": "1", "filters": ["telepathy"]}}
    assert main(["check-config", "--config", str(write_config(tmp_path, base_config("http://x"), policies))]) == 2
    assert "filters.0: unknown filter 'telepathy'" in capsys.readouterr().err


@pytest.mark.parametrize("tenant", ["demo", "aleem", "aalalux", "allai", "qalamchat"])
def test_every_shipped_tenant_explains_its_policy(tenant, capsys):
    assert main(["policy", "explain", tenant, "--config", "config/gateway.yaml"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Tenant {tenant}:") and "models" in out


def test_explaining_an_unknown_tenant_exits_2(capsys):
    assert main(["policy", "explain", "nobody", "--config", "config/gateway.yaml"]) == 2


def test_shipped_policies_are_valid_yaml_with_matching_names():
    for path in Path("config/policies").glob("*.yaml"):
        assert yaml.safe_load(path.read_text())["name"] == path.stem

"""The policy packs as files: every tenant's policy loads, explains each rule with its clause,
and docs/policies.md names exactly the conformance tests that exist."""

from __future__ import annotations

import importlib
import re

import pytest
from pydantic import ValidationError

from gateway.cli import main
from gateway.config_loader import load_config
from gateway.policy import Policy

from .support import ROOT, shipped_policy

TENANTS = ["aleem", "aalalux", "allai", "qalamchat"]
DOCS = (ROOT / "docs" / "policies.md").read_text()


def _loaded() -> dict[str, Policy]:
    return load_config(ROOT / "config" / "gateway.yaml", env={}).policies


@pytest.mark.parametrize("tenant", TENANTS)
def test_every_rule_of_a_tenant_policy_names_its_clause(tenant, capsys):
    assert main(["policy", "explain", tenant, "--config", str(ROOT / "config" / "gateway.yaml")]) == 0
    rules = capsys.readouterr().out.splitlines()[2:]  # after "Tenant x:" and the policy's own line
    assert rules and [r for r in rules if "[clause " not in r] == []
    assert all(f"[clause {tenant} " in r or "[clause gateway floor]" in r for r in rules)


@pytest.mark.parametrize("tenant", TENANTS)
def test_the_shipped_gateway_config_runs_each_tenant_on_its_own_policy(tenant):
    policy = _loaded()[tenant]
    assert policy.name == tenant and policy.rights.access and policy.rights.erasure


def test_a_clause_annotation_must_name_a_rule_of_the_policy():
    base = shipped_policy("qalamchat")
    Policy.model_validate(base)
    for typo in ("privacy.profile_ttl", "moderation.audiences.child", "filter"):
        with pytest.raises(ValidationError, match="names no rule"):
            Policy.model_validate({**base, "clauses": {typo: "qalamchat §4"}})


def test_aleem_children_and_under_16s_are_routed_by_their_clauses():
    privacy = _loaded()["aleem"].privacy
    assert privacy.training and privacy.min_age is None  # children: the country's age of consent
    assert set(privacy.minors.audiences) == {"child", "minor", "unknown"} and privacy.adult_age >= 16
    assert privacy.retention.audio_days <= 365


def test_the_classroom_chat_never_captures():
    assert _loaded()["qalamchat"].privacy.training is False


@pytest.mark.parametrize("tenant", TENANTS)
def test_docs_name_exactly_the_conformance_tests_of_each_tenant(tenant):
    module = importlib.import_module(f"tests.conformance.test_{tenant}")
    defined = {name for name in dir(module) if name.startswith(f"test_{tenant}_")}
    named = set(re.findall(rf"`(test_{tenant}_\w+)`", DOCS))
    assert defined and named == defined

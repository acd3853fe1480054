"""Tenant keys and the per-tenant network allow-list."""

from __future__ import annotations

from ipaddress import ip_network

import pytest

from gateway.auth import TenantDirectory, key_digest
from gateway.context import Tenant
from gateway.errors import InvalidAPIKey
from gateway.policy import Policy

POLICY = Policy(name="p", version="1")
OPEN = Tenant("open", POLICY, key_digest("key-open"))
LOCAL = Tenant("local", POLICY, key_digest("key-local"), (ip_network("127.0.0.0/8"), ip_network("::1/128")))
DIRECTORY = TenantDirectory([OPEN, LOCAL])


@pytest.mark.parametrize(
    "header,peer,tenant",
    [
        ("Bearer key-open", "203.0.113.7", "open"),
        ("Bearer key-open ", "10.0.0.1", "open"),
        ("Bearer key-local", "127.0.0.1", "local"),
        ("Bearer key-local", "::1", "local"),
    ],
)
def test_valid_keys_name_their_tenant(header, peer, tenant):
    assert DIRECTORY.authenticate(header, peer).name == tenant


@pytest.mark.parametrize(
    "header,peer",
    [
        (None, "127.0.0.1"),
        ("", "127.0.0.1"),
        ("key-open", "127.0.0.1"),
        ("Basic key-open", "127.0.0.1"),
        ("Bearer key-ope", "127.0.0.1"),
        ("Bearer key-open-and-more", "127.0.0.1"),
        ("Bearer " + "k" * 600, "127.0.0.1"),
        ("Bearer key-local", "203.0.113.7"),  # right key, wrong network: same refusal
        ("Bearer key-local", None),
        ("Bearer key-local", "not-an-ip"),
    ],
)
def test_everything_else_is_refused_alike(header, peer):
    with pytest.raises(InvalidAPIKey):
        DIRECTORY.authenticate(header, peer)


def test_a_tenant_without_a_key_refuses_all_traffic():
    from gateway.settings import TenantSettings

    directory = TenantDirectory.from_settings({"t": TenantSettings(policy="p")}, {"p": POLICY})
    assert directory.names() == []
    with pytest.raises(InvalidAPIKey):
        directory.authenticate("Bearer ", "127.0.0.1")

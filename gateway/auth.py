"""Tenant keys. Presented keys are hashed and compared against every tenant's digest with
`hmac.compare_digest`, without stopping at the first match, so timing tells nothing about
which tenant, or how much of a key, matched."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping
from ipaddress import ip_address

from .context import Tenant
from .errors import InvalidAPIKey
from .policy import Policy
from .settings import TenantSettings


def key_digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8")).digest()


def bearer_digest(authorization: str | None) -> bytes:
    """The digest of the key in an `Authorization: Bearer <key>` header; InvalidAPIKey when
    there is none. Every key check (tenant, admin, dataset) compares digests of equal length."""
    if not authorization or not authorization.startswith("Bearer ") or len(authorization) > 512:
        raise InvalidAPIKey()
    return key_digest(authorization[7:].strip())


class TenantDirectory:
    def __init__(self, tenants: Iterable[Tenant]) -> None:
        self._tenants = tuple(tenants)

    @classmethod
    def from_settings(cls, tenants: Mapping[str, TenantSettings], policies: Mapping[str, Policy]) -> "TenantDirectory":
        return cls(
            Tenant(name, policies[t.policy], key_digest(t.key.get_secret_value()), tuple(t.allow_from))
            for name, t in tenants.items()
            if t.key is not None  # a tenant without a key refuses all traffic
        )

    def names(self) -> list[str]:
        return [t.name for t in self._tenants]

    def authenticate(self, authorization: str | None, peer: str | None) -> Tenant:
        digest = bearer_digest(authorization)
        found: Tenant | None = None
        for tenant in self._tenants:
            if hmac.compare_digest(tenant.key_digest, digest):
                found = tenant
        if found is None or not _peer_allowed(found, peer):
            # The same answer for a wrong key and a right key from the wrong network.
            raise InvalidAPIKey()
        return found


def _peer_allowed(tenant: Tenant, peer: str | None) -> bool:
    if not tenant.allow_from:
        return True
    try:
        address = ip_address(peer or "")
    except ValueError:
        return False
    return any(address in network for network in tenant.allow_from if network.version == address.version)

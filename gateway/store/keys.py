"""Key naming. Every key is `<prefix>:t:<tenant>:...` so that a tenant's data is scoped by
construction, and holds pseudonyms only (hex HMACs), never a raw user or session id."""

from __future__ import annotations

from dataclasses import dataclass

SESSION_PARTS = ("meta", "turns", "vault")
GROUP = "finalizers"


@dataclass(frozen=True, slots=True)
class KeySpace:
    prefix: str = "pg"

    def profile(self, tenant: str, subject: str) -> str:
        return f"{self.prefix}:t:{tenant}:u:{subject}:profile"

    def consent(self, tenant: str, subject: str) -> str:
        return f"{self.prefix}:t:{tenant}:u:{subject}:consent"

    def user_sessions(self, tenant: str, subject: str) -> str:
        return f"{self.prefix}:t:{tenant}:u:{subject}:sessions"

    def session(self, tenant: str, session: str, part: str) -> str:
        return f"{self.prefix}:t:{tenant}:s:{session}:{part}"

    def closed(self, tenant: str, session: str) -> str:
        return f"{self.prefix}:t:{tenant}:s:{session}:closed"

    def activity(self) -> str:
        """Sorted set of open sessions by inactivity deadline (ms)."""
        return f"{self.prefix}:activity"

    def stream(self) -> str:
        return f"{self.prefix}:finalize"


def member(tenant: str, session: str) -> str:
    """An activity-set member; session pseudonyms are hex, so the last ':' splits it."""
    return f"{tenant}:{session}"


def split_member(value: str) -> tuple[str, str]:
    tenant, _, session = value.rpartition(":")
    return tenant, session

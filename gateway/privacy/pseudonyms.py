"""Keyed pseudonyms and sealing, both from `GATEWAY_SECRET` (settings `secret`).

Store keys, logs and dataset records name users and sessions by HMAC-SHA256 pseudonyms,
scoped by tenant, so a raw id never leaves the request. What the store keeps (profiles,
transcripts) is sealed with AES-GCM, the key name bound in as associated data so a blob
cannot be moved to another key. Without a configured secret a random one is drawn per process,
with a warning: pseudonyms then change on restart and what was stored can no longer be read."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

log = logging.getLogger("privacy_gateway.privacy")


def _derive(secret: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"privacy-gateway/v1", info=purpose).derive(secret)


class Secrets:
    def __init__(self, secret: bytes) -> None:
        self.raw = secret  # shared with other components (the PII vault) so one secret rules all
        self._pseudonym_key = _derive(secret, b"pseudonyms")
        self._aead = AESGCM(_derive(secret, b"store-sealing"))

    @classmethod
    def from_setting(cls, secret: str | None) -> "Secrets":
        if secret:
            return cls(secret.encode("utf-8"))
        log.warning("GATEWAY_SECRET is not set: using a random per-process secret; pseudonyms change "
                    "on restart and stored profiles and transcripts become unreadable")
        return cls(os.urandom(32))

    def pseudonym(self, kind: bytes, tenant: str, value: str) -> str:
        """A keyed name for `value`, distinct per kind and tenant; never reversible."""
        message = kind + b"\x00" + tenant.encode("utf-8") + b"\x00" + value.encode("utf-8")
        return hmac.new(self._pseudonym_key, message, hashlib.sha256).hexdigest()[:32]

    def subject(self, tenant: str, user_id: str) -> str:
        """The user's pseudonym within a tenant (dataset `subject`, store keys, logs)."""
        return self.pseudonym(b"subject", tenant, user_id)

    def session(self, tenant: str, session_id: str) -> str:
        return self.pseudonym(b"session", tenant, session_id)

    def seal(self, data: bytes, aad: str) -> bytes:
        nonce = os.urandom(12)
        return nonce + self._aead.encrypt(nonce, data, aad.encode("utf-8"))

    def open(self, blob: bytes, aad: str) -> bytes:
        """Raises `cryptography.exceptions.InvalidTag` for a blob sealed under another secret."""
        return self._aead.decrypt(blob[:12], blob[12:], aad.encode("utf-8"))

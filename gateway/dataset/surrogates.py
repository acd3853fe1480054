"""Replacements for what the training pass takes out: synthetic values (Faker) or typed
placeholders, consistent within a session and unrelated across sessions.

A surrogate depends only on (secret, tenant, session, entity type, what it replaces), not on
other values, so re-finalizing a session writes the same bytes and the same placeholder always
reads as the same fake person; typed placeholders are numbered by first appearance, which is
as deterministic for a given transcript. The mapping lives in memory for one record;
nothing of it is stored."""

from __future__ import annotations

import hashlib
import hmac
import threading
from collections.abc import Callable
from functools import lru_cache
from typing import Literal

from faker import Faker

Mode = Literal["surrogate", "placeholder"]

_DEMONYMS = ("Canadian", "Brazilian", "Norwegian", "Kenyan", "Chilean", "Portuguese", "Vietnamese", "Irish")
_GENERATORS: dict[str, Callable[[Faker], str]] = {
    "PERSON": lambda f: f.name(),
    "EMAIL_ADDRESS": lambda f: f.email(safe=True),
    "PHONE_NUMBER": lambda f: f.phone_number(),
    "LOCATION": lambda f: f.city(),
    "STREET_ADDRESS": lambda f: f.street_address(),
    "CREDIT_CARD": lambda f: f.credit_card_number(),
    "IBAN_CODE": lambda f: f.iban(),
    "US_SSN": lambda f: f.ssn(),
    "DATE_OF_BIRTH": lambda f: f.date_of_birth(minimum_age=18, maximum_age=90).isoformat(),
    "DATE_TIME": lambda f: f.date(),
    "AGE": lambda f: str(f.random_int(18, 90)),
    "URL": lambda f: f.url(),
    "IP_ADDRESS": lambda f: f.ipv4_private(),
    "MAC_ADDRESS": lambda f: f.mac_address(),
    "ORGANIZATION": lambda f: f.company(),
    "SCHOOL": lambda f: f"{f.last_name()} High School",
    "USERNAME": lambda f: f.user_name(),
    "CREDENTIAL": lambda f: f.password(),
    "PASSPORT": lambda f: f.bothify("?########").upper(),
    "ID_NUMBER": lambda f: f.numerify("#########"),
    "KZ_IIN": lambda f: f.numerify("############"),
    "KZ_BIN": lambda f: f.numerify("############"),
    "CRYPTO": lambda f: "bc1q" + f.lexify("?" * 38, letters="023456789acdefghjklmnpqrstuvwxyz"),
    "NRP": lambda f: f.random_element(_DEMONYMS),
}
SURROGATE_TYPES = frozenset(_GENERATORS)
_LOCK = threading.Lock()  # one Faker per locale, reseeded per value: seed and draw stay together


@lru_cache(maxsize=8)
def _faker(locale: str) -> Faker:
    try:
        return Faker(locale)
    except AttributeError:  # an unknown locale: the default one rather than no record
        return Faker("en_US")


class SurrogateBook:
    def __init__(self, key: bytes, mode: Mode, locale: str = "en_US") -> None:
        self._key = key  # per session: HMAC(secret-derived key, tenant, session)
        self.mode = mode
        self.locale = locale
        self._given: dict[tuple[str, str], str] = {}
        self._used: set[str] = set()
        self._numbers: dict[str, int] = {}

    def _seed(self, *parts: str) -> int:
        digest = hmac.new(self._key, "\x00".join(parts).encode("utf-8"), hashlib.sha256).digest()
        return int.from_bytes(digest[:8], "big")

    def _fresh(self, entity_type: str, name: str) -> str:
        if self.mode == "placeholder":
            number = self._numbers.get(entity_type, 0) + 1
            self._numbers[entity_type] = number
            return f"<{entity_type}_{number}>"
        generate = _GENERATORS.get(entity_type)
        if generate is None:
            return f"[{entity_type}]"
        faker = _faker(self.locale)
        for attempt in range(8):
            with _LOCK:
                faker.seed_instance(self._seed(entity_type, name, str(attempt)))
                value = generate(faker)
            if value not in self._used:
                return value
        return value

    def _get(self, entity_type: str, name: str) -> str:
        key = (entity_type, name)
        if key not in self._given:
            value = self._fresh(entity_type, name)
            self._given[key] = value
            self._used.add(value)
        return self._given[key]

    def for_placeholder(self, placeholder: str, entity_type: str) -> str:
        """The replacement of a live placeholder such as `<PERSON_1>`."""
        return self._get(entity_type, "p:" + placeholder)

    def for_value(self, entity_type: str, value: str) -> str:
        """The replacement of a value found by the training pass (case and spacing ignored)."""
        return self._get(entity_type, "v:" + " ".join(value.casefold().split()))

    def alias(self, entity_type: str, value: str, placeholder: str) -> str:
        """A value the session's vault names as `placeholder`: the same replacement as it."""
        replacement = self.for_placeholder(placeholder, entity_type)
        self._given.setdefault((entity_type, "v:" + " ".join(value.casefold().split())), replacement)
        return replacement

    def emitted(self) -> set[str]:
        return set(self._given.values())

"""Operators per entity type."""

from __future__ import annotations

import pytest

from filters.pii.operators import apply, mask, operators_for, replace_whole
from filters.pii.redaction import VaultFactory
from filters.pii.resolve import Detection
from filters.pii.vault_backends import MemoryVaultBackend
from gateway.privacy.pseudonyms import Secrets


def hashing(secret: bytes):
    return VaultFactory(MemoryVaultBackend(), Secrets(secret)).keyed_hash("t")

TEXT = "Ana wrote from ana@x.io with card 4111111111111111."
DETECTIONS = [Detection("PERSON", 0, 3, 0.9), Detection("EMAIL_ADDRESS", 15, 23, 1.0), Detection("CREDIT_CARD", 34, 50, 1.0)]
PLACEHOLDERS = {("PERSON", "Ana"): "<PERSON_1>", ("EMAIL_ADDRESS", "ana@x.io"): "<EMAIL_ADDRESS_1>",
                ("CREDIT_CARD", "4111111111111111"): "<CREDIT_CARD_1>"}


@pytest.mark.parametrize(
    "action,expected",
    [
        ("placeholder", "<PERSON_1> wrote from <EMAIL_ADDRESS_1> with card <CREDIT_CARD_1>."),
        ("mask", "*** wrote from ******** with card ************1111."),
        ("remove", " wrote from  with card ."),
        ("keep", TEXT),
    ],
)
def test_each_action(action, expected):
    actions = {d.type: action for d in DETECTIONS}
    assert apply(TEXT, DETECTIONS, actions, operators_for(PLACEHOLDERS, hashing(b"s"))) == expected


def test_keyed_hash_is_stable_per_secret_and_hides_the_value():
    actions = {d.type: "hash" for d in DETECTIONS}
    one = apply(TEXT, DETECTIONS, actions, operators_for({}, hashing(b"secret-1")))
    assert one == apply(TEXT, DETECTIONS, actions, operators_for({}, hashing(b"secret-1")))
    assert one != apply(TEXT, DETECTIONS, actions, operators_for({}, hashing(b"secret-2")))
    assert "Ana" not in one and "4111" not in one and one.startswith("<PERSON_")


def test_actions_mix_per_type():
    actions = {"PERSON": "keep", "EMAIL_ADDRESS": "placeholder", "CREDIT_CARD": "mask"}
    assert apply(TEXT, DETECTIONS, actions, operators_for(PLACEHOLDERS, hashing(b"s"))) == \
        "Ana wrote from <EMAIL_ADDRESS_1> with card ************1111."


@pytest.mark.parametrize("value,masked", [("Ana", "***"), ("4111111111111111", "************1111"), ("", "")])
def test_mask_keeps_the_last_four_of_long_numbers_only(value, masked):
    assert mask("X", value) == masked


@pytest.mark.parametrize("action,expected", [
    ("placeholder", {"name": "PERSON_1"}), ("mask", {"name": "***"}), ("remove", {}), ("keep", {"name": "Ana"}),
])
def test_a_participant_name_is_replaced_whole_without_brackets_or_spaces(action, expected):
    message = {"name": "Ana"}
    replace_whole(message, "name", "PERSON", action, operators_for(PLACEHOLDERS, hashing(b"s")), bare=True)
    assert message == expected


def test_a_hashed_participant_name_fits_the_providers_name_pattern():
    message = {"name": "Ana Maria"}
    replace_whole(message, "name", "PERSON", "hash", operators_for(PLACEHOLDERS, hashing(b"s")), bare=True)
    assert message["name"].startswith("PERSON_") and not set(message["name"]) & set("<> ")


def test_a_place_field_takes_the_placeholder_as_written():
    location = {"city": "Ana", "country": "GB"}
    replace_whole(location, "city", "PERSON", "placeholder", operators_for(PLACEHOLDERS, hashing(b"s")))
    assert location == {"city": "<PERSON_1>", "country": "GB"}

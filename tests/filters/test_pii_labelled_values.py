"""Numbers written after their labels ("passport X1234567", "Tel. 8 701 ...", "IIN ..."): the
tagger reads runs of such numbers as a street address, which would type them all as one and
hide them from a policy that treats addresses differently (filters/pii/retype_values.py,
`free_labelled_values`; resolve.py's leftover pieces; recognizers/places.py, `labels_only`)."""

from __future__ import annotations

import pytest

from filters.pii import PIIEngine
from filters.pii.recognizers.places import labels_only
from tests.support.pii import typed


VALUES_WITH_LABELS = [
    ("a phone and a passport are no address",
     "My phone is +1 (415) 555-0134, passport X1234567.",
     {("PHONE_NUMBER", "+1 (415) 555-0134"), ("PASSPORT", "X1234567")}),
    ("an IIN and a passport are no address", "IIN 900101339825, passport N12345678",
     {("KZ_IIN", "900101339825"), ("PASSPORT", "N12345678")}),
    ("a Kazakh phone, an IIN and a passport are three values",
     "Call me at 8 (701) 555 12 34, IIN 900101339825, passport N12345678",
     {("PHONE_NUMBER", "8 (701) 555 12 34"), ("KZ_IIN", "900101339825"), ("PASSPORT", "N12345678")}),
    ("a passport number after its label is a passport", "Passport no. AB1234567, issued 12/03/2015",
     {("PASSPORT", "AB1234567"), ("DATE_TIME", "12/03/2015")}),
    ("a phone label is no place", "Tel. 8 701 555 1234, email a.b@example.com",
     {("PHONE_NUMBER", "8 701 555 1234"), ("EMAIL_ADDRESS", "a.b@example.com")}),
    ("a card's label is no address", "Card 4111 1111 1111 1111 is mine",
     {("CREDIT_CARD", "4111 1111 1111 1111")}),
    ("a platform and its handle are no place", "Reach me on WhatsApp +7 (777) 123-4567 or telegram @timur_k",
     {("PHONE_NUMBER", "+7 (777) 123-4567"), ("USERNAME", "@timur_k")}),
    ("a record number after its acronym is no address", "My medical record number is MRN 00482913.",
     {("ID_NUMBER", "00482913")}),
]


@pytest.mark.parametrize(("case", "text", "expected"), VALUES_WITH_LABELS, ids=[c for c, _, _ in VALUES_WITH_LABELS])
def test_labelled_values_keep_their_own_types(engine: PIIEngine, case: str, text: str, expected) -> None:
    assert typed(engine, text) == expected


ADDRESSES_BESIDE_VALUES = [
    ("a street beside a phone", "I live at 221B Baker Street, London NW1 6XE, phone 020 7946 0958",
     ("STREET_ADDRESS", "221B Baker Street, London NW1 6XE"), ("PHONE_NUMBER", "020 7946 0958")),
    ("a French street beside a phone", "Send it to 12 Rue de Rivoli, 75001 Paris, tel +33 1 23 45 67 89",
     ("STREET_ADDRESS", "12 Rue de Rivoli, 75001 Paris"), ("PHONE_NUMBER", "+33 1 23 45 67 89")),
]


@pytest.mark.parametrize(("case", "text", "address", "value"), ADDRESSES_BESIDE_VALUES,
                         ids=[c for c, *_ in ADDRESSES_BESIDE_VALUES])
def test_an_address_beside_a_labelled_value_stays_an_address(engine: PIIEngine, case, text, address, value) -> None:
    found = typed(engine, text)
    assert address in found and value in found


def test_a_place_that_starts_with_a_label_word_stays_a_place(engine: PIIEngine) -> None:
    assert ("LOCATION", "Tel Aviv") in typed(engine, "We flew to Tel Aviv in May.")


@pytest.mark.parametrize(("text", "expected"), [
    (", passport ", True),
    ("Card ", True),
    ("IIN ,  CVV", True),
    ("Baker Street", False),  # a street word
    (" Springfield", False),  # no everyday word
    ("Apt ", False),  # a unit word
    ("flat 12", False),  # a digit is left
])
def test_labels_only_is_what_no_address_is_made_of(text: str, expected: bool) -> None:
    assert labels_only(text) is expected

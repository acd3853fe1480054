"""A bare value's type from the name of the field the app put it in (filters/pii/fields.py)."""

from __future__ import annotations

import pytest

from filters.pii.fields import field_type


@pytest.mark.parametrize(("field", "value", "kind"), [
    ("customer_name", "Dana Whitfield", "PERSON"),
    ("customerName", "Dana", "PERSON"),  # camelCase
    ("First Name", "Zoë", "PERSON"),
    ("name", "Jean-Luc O'Brien", "PERSON"),
    ("name", "report.pdf", None),  # a file, not a person
    ("name", "get_weather", None),
    ("e-mail", "a@b.co", "EMAIL_ADDRESS"),
    ("phone", "5551234", "PHONE_NUMBER"),
    ("PhoneNumber", "+7 701 555 1234", "PHONE_NUMBER"),
    ("billing_address", "12 Baker Street, London", "STREET_ADDRESS"),
    ("zip", "94103", "LOCATION"),
    ("date_of_birth", "2011-03-14", "DATE_OF_BIRTH"),
    ("username", "jsmith88", "USERNAME"),
    ("password", "hunter2", "CREDENTIAL"),
    ("apiKey", "abc", "CREDENTIAL"),
    ("school", "Oakwood Primary", "SCHOOL"),
    ("notes", "call Dana tomorrow", None),  # prose: analysed as text
    ("phone", "   ", None),  # nothing to hide
    ("address", "x" * 500, None),  # too long to be one value: analysed as text
])
def test_a_fields_name_types_its_bare_value(field: str, value: str, kind: str | None) -> None:
    assert field_type(field, value) == kind

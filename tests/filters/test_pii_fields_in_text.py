"""Values that their field's name types in pasted JSON, code, logs and forms
(filters/pii/recognizers/fields_in_text.py): a surname nobody capitalised into a sentence, a
login with no word in it, are what their field says."""

from __future__ import annotations

import pytest

from filters.pii import PIIEngine
from filters.pii.recognizers.fields_in_text import FieldValueRecognizer
from tests.support.pii import typed


TYPED = [
    ('const user = { firstName: "Priya", lastName: "Raman" };', ("PERSON", "Raman")),
    ('{"user": {"name": "Laura Bianchi", "password": "s3cr3t!"}}', ("CREDENTIAL", "s3cr3t!")),
    ("ERROR login failed for user=mwilliams ip=10.0.0.45", ("USERNAME", "mwilliams")),
    ("user: anna_k pass: qwerty123", ("USERNAME", "anna_k")),
    ("Last name: Okafor\nSchool: Hillcrest", ("PERSON", "Okafor")),
    ("Last name: Okafor\nSchool: Hillcrest", ("SCHOOL", "Hillcrest")),
    ("dob = '2009-07-14'", ("DATE_OF_BIRTH", "2009-07-14")),
    ('{"phone": "555-201-3344"}', ("PHONE_NUMBER", "555-201-3344")),
]


@pytest.mark.parametrize(("text", "expected"), TYPED, ids=[f"{t[:28]}->{e[1]}" for t, e in TYPED])
def test_a_value_is_what_its_field_name_says(engine: PIIEngine, text, expected) -> None:
    assert expected in typed(engine, text)


# A field's name in prose, or a value of the wrong shape for its field, types nothing by itself.
UNTYPED = [
    ('Could you summarise this email: "Hi there, the meeting is moved to Tuesday."', "EMAIL_ADDRESS"),
    ('{"name": "report.pdf"}', "PERSON"),
    ('{"phone": "ask at the desk"}', "PHONE_NUMBER"),
    ("if (x == 3) { user = 4 }", "USERNAME"),
    ("see https://example.com/login:8080 for details", "USERNAME"),
]


@pytest.mark.parametrize(("text", "kind"), UNTYPED, ids=[t[:30] for t, _ in UNTYPED])
def test_a_field_name_in_prose_types_nothing(text, kind) -> None:
    recognizer = FieldValueRecognizer({"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "USERNAME"})
    assert recognizer.analyze(text, recognizer.supported_entities) == []

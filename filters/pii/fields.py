"""What a value is from the name of the field that holds it.

A function call's arguments (`{"customer_name": "Dana Whitfield", "phone": "5551234"}`), a
stored prompt's variables and an app's metadata hold bare values: no sentence around them
for a recognizer to read, so "5551234", "jsmith88" or "hunter2" pass unseen. Their field
names, chosen by the app, say what they are. A value under a field named for a personal
type is that type as a whole; under any other field it is analysed as text.

Field names are compared in lowercase with `-`, spaces and camelCase humps read as `_`
("customerName", "e-mail", "Date of birth"). A name field's value must look like a name
(letters, at most five words): `{"name": "report.pdf"}` names a file.
"""

from __future__ import annotations

import re

_FIELD_TYPES: dict[str, str] = {}
for _type, _names in {
    "PERSON": "full_name fullname first_name firstname last_name lastname surname given_name family_name "
              "middle_name customer_name client_name contact_name patient_name student_name child_name "
              "parent_name guardian_name teacher_name recipient_name sender_name user_full_name name "
              "person person_name",
    "EMAIL_ADDRESS": "email email_address e_mail mail user_email customer_email contact_email",
    "PHONE_NUMBER": "phone phone_number telephone tel mobile mobile_number cell cell_phone contact_number "
                    "whatsapp",
    "STREET_ADDRESS": "address street street_address address_line address_line1 address_line_1 address1 "
                      "address_line2 address_line_2 address2 home_address billing_address shipping_address "
                      "mailing_address",
    "LOCATION": "city town village postcode postal_code zip zip_code zipcode",
    "DATE_OF_BIRTH": "dob date_of_birth birthdate birth_date birthday",
    "USERNAME": "username user_name user login handle screen_name nickname",
    "CREDENTIAL": "password passwd pwd pin pin_code passcode secret api_key apikey access_token auth_token token",
    "US_SSN": "ssn social_security_number",
    "SCHOOL": "school school_name",
    "CREDIT_CARD": "card_number credit_card credit_card_number cc_number",
    "IBAN_CODE": "iban",
    "PASSPORT": "passport passport_number passport_no",
    "ID_NUMBER": "national_id id_number account_number student_id employee_id patient_id member_id",
    "IP_ADDRESS": "ip ip_address",
}.items():
    _FIELD_TYPES.update(dict.fromkeys(_names.split(), _type))

_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SEPARATORS = re.compile(r"[\s\-.]+")
# letters, with apostrophes or hyphens inside a word and a full stop after it ("J.", "Jr."), up to five words
_NAME_SHAPE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*\.?(?:[ \t]+[^\W\d_]+(?:['’-][^\W\d_]+)*\.?){0,4}")
_LONGEST_VALUE = 200  # longer is prose, whatever its field


def field_kind(field: str) -> str | None:
    """The entity type a field's name says its values are, whatever they hold."""
    return _FIELD_TYPES.get(_SEPARATORS.sub("_", _HUMP.sub("_", field.strip())).lower())


def field_type(field: str, value: str) -> str | None:
    """The entity type a value is as a whole by its field's name, or None."""
    kind = field_kind(field)
    if kind is None or not value.strip() or len(value) > _LONGEST_VALUE:
        return None
    if kind == "PERSON" and not _NAME_SHAPE.fullmatch(value.strip()):
        return None
    return kind

"""Aalalux (the online-course platform), clause by clause, end to end: the openai SDK with
Aalalux's key → a gateway running config/policies/aalalux.yaml → the fake provider. Each
test is named after the heading and bullet of ../shared/privacy-policies/aalalux.txt it
proves; docs/policies.md lists them."""

from __future__ import annotations

import pytest

from .support import BENIGN, new_id

TENANT = "aalalux"
CONSENT = {"training_consent": True, "consent_version": "2025-01"}
ADULT = {**CONSENT, "age": 28, "country": "FR"}


def test_aalalux_data_minimization_personal_data_is_redacted_before_providers(harness, fake):
    user = new_id("learner")
    text = "I'm John Smith, reach me at john.smith@example.com or +44 20 7946 0958 about module 3."
    reply = harness.ask(text, user).parse()
    sent = fake.last().body["messages"][0]["content"]
    for value in ("John Smith", "john.smith@example.com", "7946 0958"):
        assert value not in sent and value in reply.choices[0].message.content
    assert reply.choices[0].message.content  # the learner still gets the answer, restored


def test_aalalux_payment_information_card_numbers_are_masked_and_never_kept(harness, fake):
    user, session = new_id("learner"), new_id("support")
    harness.put_user(user, **ADULT)
    reply = harness.ask("My card 4111 1111 1111 1111 was charged twice for the course.", user, session).parse()
    assert "4111 1111" not in fake.last().body["messages"][0]["content"]
    assert "4111 1111" not in reply.choices[0].message.content  # masked values are never restored
    assert b"4111" not in harness.stored()
    [open_session] = harness.export(user).json()["sessions"]
    assert "4111 1111" not in str(open_session) and "****" in str(open_session)


def test_aalalux_registration_information_passwords_are_masked_and_never_kept(harness, fake):
    user, session = new_id("learner"), new_id("support")
    harness.put_user(user, **ADULT)
    reply = harness.ask("I can't log in: username anna_k, password Tr0ub4dor&3. Why?", user, session).parse()
    assert "Tr0ub4dor" not in fake.last().body["messages"][0]["content"]
    assert "Tr0ub4dor" not in reply.choices[0].message.content  # masked values are never restored
    assert b"Tr0ub4dor" not in harness.stored()
    [open_session] = harness.export(user).json()["sessions"]
    assert "Tr0ub4dor" not in str(open_session)

# (case, profile, decision, reason)
TRANSCRIPTS = [
    ("consenting_adult_transcript_is_kept", ADULT, "stored", "eligible"),
    ("adult_who_refused_is_not_kept", {**ADULT, "training_consent": False}, "discarded", "empty"),
    ("consenting_child_is_not_kept", {**CONSENT, "age": 12, "country": "US"}, "discarded", "empty"),
    ("learner_without_a_profile_is_not_kept", None, "discarded", "empty"),
]


@pytest.mark.parametrize(("profile", "decision", "reason"), [c[1:] for c in TRANSCRIPTS],
                         ids=[c[0] for c in TRANSCRIPTS])
def test_aalalux_customer_support_transcripts_are_kept_only_with_consent(harness, fake, profile, decision, reason):
    user, session = new_id("learner"), new_id("support")
    if profile is not None:
        harness.put_user(user, **profile)
    harness.ask("My quiz score did not update after I finished the lesson.", user, session)
    outcome = harness.end_and_finalize(session)
    assert (outcome.decision, outcome.reason) == (decision, reason)
    assert len(harness.records(user)) == (decision == "stored")


def test_aalalux_data_minimization_kept_transcripts_hold_typed_placeholders_only(harness, fake):
    user, session = new_id("learner"), new_id("support")
    harness.put_user(user, **ADULT)
    harness.ask("Hello, I am Maria Garcia and my certificate shows the wrong name.", user, session)
    harness.end_and_finalize(session)
    [record] = harness.records(user)
    text = str(record["messages"])
    assert "Maria Garcia" not in text and "<PERSON_1>" in text
    assert record["metadata"]["deidentification"]["mode"] == "placeholder"


def test_aalalux_data_minimization_kept_transcripts_expire_on_schedule(harness, fake):
    user, session = new_id("learner"), new_id("support")
    harness.put_user(user, **ADULT)
    harness.ask(BENIGN, user, session)
    harness.end_and_finalize(session)
    harness.run_retention(days_later=364)
    assert len(harness.records(user)) == 1
    harness.run_retention(days_later=366)
    assert harness.records(user) == []


def test_aalalux_technical_safeguards_stored_data_is_encrypted_at_rest(harness, fake):
    user, session = "learner.sealed@example.com", new_id("support")
    harness.put_user(user, **ADULT)
    harness.ask("The sealed-canary lesson video will not load on my tablet.", user, session)
    assert [k for k in harness.session_keys(session) if k.endswith(":turns")]  # it is held...
    stored = harness.stored()
    assert b"sealed-canary" not in stored and user.encode() not in stored and session.encode() not in stored
    assert "sealed-canary" in str(harness.export(user).json()["sessions"])  # ...and only the gateway reads it


def test_aalalux_access_and_portability_export_in_a_structured_format(harness, fake):
    user, stored, open_session = new_id("learner"), new_id("support"), new_id("support")
    harness.put_user(user, **ADULT)
    harness.ask(BENIGN, user, stored)
    harness.end_and_finalize(stored)
    harness.ask("Which course should I take after statistics?", user, open_session)
    response = harness.export(user)
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["object"] == "user.export" and body["profile"]["country"] == "FR"
    assert [e["event"] for e in body["consent_history"]] == ["granted"]
    assert body["sessions"][0]["turns"][0]["messages"] == [
        {"role": "user", "content": "Which course should I take after statistics?"}]
    [record] = body["dataset_records"]
    assert record["record"]["messages"] == harness.records(user)[0]["messages"]


def test_aalalux_correction_profile_details_can_be_corrected(harness, fake):
    user = new_id("learner")
    harness.put_user(user, **{**ADULT, "country": "DE", "age": 15})
    corrected = harness.put_user(user, **ADULT)
    assert corrected["country"] == "FR" and corrected["audience"] == "adult" and corrected["training_eligible"]
    assert harness.export(user).json()["profile"]["age"] == 28


def test_aalalux_deletion_account_and_associated_data_are_deleted(harness, fake):
    user, stored, open_session = new_id("learner"), new_id("support"), new_id("support")
    harness.put_user(user, **ADULT)
    harness.ask(BENIGN, user, stored)
    harness.end_and_finalize(stored)
    harness.ask(BENIGN, user, open_session)
    erased = harness.delete_user(user).json()["erased"]
    assert erased["profile"] == 1 and erased["sessions"] == 1 and erased["dataset_records"] == 1
    assert harness.records(user) == [] and harness.session_keys(open_session) == []
    assert harness.export(user).status_code == 404


def test_aalalux_location_data_only_a_general_location_reaches_providers(harness, fake):
    user = new_id("learner")
    harness.put_user(user, **ADULT)
    location = {"type": "approximate", "approximate": {
        "city": "Lyon", "region": "Auvergne-Rhône-Alpes", "country": "FR", "timezone": "Europe/Paris"}}
    harness.ask(BENIGN, user, web_search_options={"user_location": location})
    assert fake.last().body["web_search_options"] == {"user_location": {"type": "approximate", "approximate": {"country": "FR"}}}

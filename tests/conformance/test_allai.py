"""ALLAI (the AI content generator, not meant for under-18s), clause by clause, end to end:
the openai SDK with ALLAI's key → a gateway running config/policies/allai.yaml → the fake
provider. Each test is named after the heading of ../shared/privacy-policies/allai.txt it
proves; docs/policies.md lists them."""

from __future__ import annotations

import base64

import openai
import pytest

from .support import ABUSE, BENIGN, SELF_HARM, new_id

TENANT = "allai"
CONSENT = {"training_consent": True, "consent_version": "2025-06-04"}
ADULT = {**CONSENT, "age": 25, "country": "GB"}
IDENTIFIERS = {"user": "creator-9001", "safety_identifier": "sid-9001", "metadata": {"campaign": "spring"}}
PIXEL = "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16).decode()

# Under 18 is a child here, whatever the country's age of digital consent (GB 13, US 13, DE 16).
UNDER_18 = [
    ("british_17_year_old", {**CONSENT, "age": 17, "country": "GB"}),
    ("american_16_year_old", {**CONSENT, "age": 16, "country": "US"}),
    ("german_17_year_old", {**CONSENT, "age": 17, "country": "DE"}),
]
# Minors known from the profile and minors the app flags (X-Gateway-Child): (case, profile, flagged).
MINORS = [("minor_by_profile", UNDER_18[0][1], False), ("minor_flagged_by_the_app", ADULT, True)]


@pytest.mark.parametrize("profile", [c[1] for c in UNDER_18], ids=[c[0] for c in UNDER_18])
def test_allai_childrens_privacy_no_personal_data_of_under_18s_is_collected(harness, fake, profile):
    user, session = new_id("creator"), new_id("draft")
    view = harness.put_user(user, **profile)
    assert (view["audience"], view["training_eligible"], view["eligibility_reason"]) == ("child", False, "child")
    harness.ask(BENIGN, user, session)
    assert harness.session_keys(session) == []
    assert harness.end_and_finalize(session).decision == "discarded"
    assert harness.records(user) == []


def test_allai_how_we_use_your_information_a_consenting_adults_session_may_improve_allai(harness, fake):
    user, session = new_id("creator"), new_id("draft")
    assert harness.put_user(user, **ADULT)["training_eligible"] is True
    harness.ask(BENIGN, user, session)
    outcome = harness.end_and_finalize(session)
    assert (outcome.decision, outcome.reason) == ("stored", "eligible")
    [record] = harness.records(user)
    assert record["metadata"]["policy"] == {"name": "allai", "version": "1"}


@pytest.mark.parametrize(("profile", "flagged"), [c[1:] for c in MINORS], ids=[c[0] for c in MINORS])
def test_allai_childrens_privacy_a_minors_identifiers_are_not_passed_on(harness, fake, profile, flagged):
    user = new_id("creator")
    harness.put_user(user, **profile)
    harness.ask(BENIGN, user, child=flagged, store=True, extra_body=IDENTIFIERS)
    body = fake.last().body
    assert not {"user", "safety_identifier", "metadata"} & body.keys() and body["store"] is False


@pytest.mark.parametrize(("profile", "flagged", "refused"), [*[c[1:] + (True,) for c in MINORS], (ADULT, False, False)],
                         ids=[*[c[0] for c in MINORS], "adult_uploads_are_accepted"])
def test_allai_childrens_privacy_a_minors_uploads_are_refused(harness, fake, profile, flagged, refused):
    user = new_id("creator")
    harness.put_user(user, **profile)
    message = [{"role": "user", "content": [{"type": "text", "text": "Turn this into a poster."},
                                            {"type": "image_url", "image_url": {"url": PIXEL}}]}]
    if refused:
        with pytest.raises(openai.BadRequestError) as raised:
            harness.ask(message, user, child=flagged)
        assert raised.value.code == "pii_blocked" and fake.received == []
    else:
        harness.ask(message, user, child=flagged)
        assert fake.last().body["messages"][0]["content"][1]["type"] == "image_url"


@pytest.mark.parametrize(("profile", "flagged"), [c[1:] for c in MINORS], ids=[c[0] for c in MINORS])
def test_allai_childrens_privacy_answers_to_minors_are_filtered(harness, fake, profile, flagged):
    user = new_id("creator")
    harness.put_user(user, **profile)
    raw = harness.ask(BENIGN, user, child=flagged, model="fake-unsafe")
    assert raw.headers["x-gateway-moderation"] == "output_replaced"
    assert "pills" not in raw.parse().choices[0].message.content


def test_allai_childrens_privacy_a_flagged_childs_open_session_is_dropped(harness, fake):
    user, session = new_id("creator"), new_id("draft")
    harness.put_user(user, **ADULT)  # says adult; the app learns otherwise mid-session
    harness.ask(BENIGN, user, session)
    assert [k for k in harness.session_keys(session) if k.endswith(":turns")]
    harness.ask(BENIGN, user, session, child=True)
    assert harness.session_keys(session) == []  # what was recorded is gone at once
    assert harness.end(session).json()["status"] == "already_ended"
    [outcome] = harness.finalize()
    assert (outcome.decision, outcome.reason) == ("discarded", "empty")  # already deleted by the flag
    assert harness.records(user) == []


def test_allai_childrens_privacy_a_childs_data_is_deleted_on_request(harness, fake):
    user, session = new_id("creator"), new_id("draft")
    harness.put_user(user, **ADULT)
    harness.ask(BENIGN, user, session)
    harness.end_and_finalize(session)
    harness.ask(BENIGN, user, new_id("draft"))
    erased = harness.delete_user(user).json()["erased"]
    assert erased == {**erased, "profile": 1, "sessions": 1, "dataset_records": 1}
    assert harness.records(user) == [] and harness.export(user).status_code == 404


@pytest.mark.parametrize(("text", "outcome"), [(BENIGN, "allowed"), (ABUSE, "refused"), (SELF_HARM, "helped")],
                         ids=["ordinary_prompt_is_generated", "threat_is_refused", "self_harm_gets_help"])
def test_allai_how_we_use_your_information_abuse_is_prevented(harness, fake, text, outcome):
    user = new_id("creator")
    harness.put_user(user, **ADULT)
    if outcome == "refused":
        with pytest.raises(openai.BadRequestError) as raised:
            harness.ask(text, user)
        assert raised.value.code == "content_policy_violation"
    elif outcome == "helped":
        assert "988" in harness.ask(text, user).parse().choices[0].message.content
    else:
        assert harness.ask(text, user).headers["x-gateway-moderation"] == "allowed"
    assert bool(fake.received) == (outcome == "allowed")


def test_allai_data_security_personal_data_is_redacted_before_providers(harness, fake):
    user = new_id("creator")
    harness.put_user(user, **ADULT)
    text = "Write a bio for Maria Garcia, maria.garcia@example.com, +44 20 7946 0958, card 4111 1111 1111 1111."
    reply = harness.ask(text, user).parse().choices[0].message.content
    sent = fake.last().body["messages"][0]["content"]
    for value in ("Maria Garcia", "maria.garcia@example.com", "7946 0958", "4111 1111"):
        assert value not in sent
    assert "Maria Garcia" in reply and "4111 1111" not in reply  # placeholders restored, card masked


def test_allai_your_rights_access_and_portability(harness, fake):
    user, stored, open_session = new_id("creator"), new_id("draft"), new_id("draft")
    harness.put_user(user, **ADULT)
    harness.ask(BENIGN, user, stored)
    harness.end_and_finalize(stored)
    harness.ask("Draft a tagline for a bakery.", user, open_session)
    body = harness.export(user).json()
    assert body["profile"]["audience"] == "adult" and len(body["consent_history"]) == 1
    assert [s["session"] for s in body["sessions"]] == [harness.session_pseudonym(open_session)]
    assert len(body["dataset_records"]) == 1


def test_allai_your_rights_withdrawing_consent_deletes_records_and_open_sessions(harness, fake):
    user, stored, open_session = new_id("creator"), new_id("draft"), new_id("draft")
    harness.put_user(user, **ADULT)
    harness.ask(BENIGN, user, stored)
    harness.end_and_finalize(stored)
    harness.ask(BENIGN, user, open_session)
    assert harness.put_user(user, **{**ADULT, "training_consent": False})["dataset_records_deleted"] == 1
    outcome = harness.end_and_finalize(open_session)
    assert (outcome.decision, outcome.reason) == ("discarded", "consent_false")
    assert harness.records(user) == []
    assert [e["event"] for e in harness.export(user).json()["consent_history"]] == ["granted", "withdrawn"]


def test_allai_your_rights_correcting_an_age_to_a_minors_discards_the_session(harness, fake):
    user, session = new_id("creator"), new_id("draft")
    harness.put_user(user, **ADULT)
    harness.ask(BENIGN, user, session)
    assert harness.put_user(user, **{**ADULT, "age": 16})["audience"] == "child"
    outcome = harness.end_and_finalize(session)
    assert (outcome.decision, outcome.reason) == ("discarded", "child")
    assert harness.records(user) == []


def test_allai_data_retention_records_are_deleted_when_no_longer_needed(harness, fake):
    user, session = new_id("creator"), new_id("draft")
    harness.put_user(user, **ADULT)
    harness.ask(BENIGN, user, session)
    harness.end_and_finalize(session)
    harness.run_retention(days_later=364)
    assert len(harness.records(user)) == 1
    harness.run_retention(days_later=366)
    assert harness.records(user) == []

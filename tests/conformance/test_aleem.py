"""Aleem (the AI language tutor with child users), clause by clause, end to end: the openai
SDK with Aleem's key → a gateway running config/policies/aleem.yaml → the fake provider.
Each test is named after the clause of ../shared/privacy-policies/aleem.txt it proves;
docs/policies.md lists them."""

from __future__ import annotations

import asyncio

import openai
import pytest

from tests.gateway.store.redis_support import keys_with_prefix
from tests.support.fake_provider import ANSWER_PREFIX

from .support import ABUSE, BENIGN, SELF_HARM, audio_message, new_id, small_wav

TENANT = "aleem"
CONSENT = {"training_consent": True, "consent_version": "2026-01"}
ADULT = {**CONSENT, "age": 30, "country": "US"}
IDENTIFIERS = {"user": "aleem-learner-771", "safety_identifier": "sid-771", "metadata": {"idfa": "AD-ID-771"}}
DAY_MS = 86_400_000


@pytest.mark.parametrize(("text", "refused"), [(BENIGN, False), (ABUSE, True)],
                         ids=["clean_text_reaches_the_tutor", "harassment_is_refused_before_any_ai_sees_it"])
def test_aleem_3_4_content_is_moderated_before_the_ai(harness, fake, text, refused):
    user = new_id("learner")
    harness.put_user(user, **ADULT)
    if refused:
        with pytest.raises(openai.BadRequestError) as raised:
            harness.ask(text, user)
        assert raised.value.code == "content_policy_violation" and "garbage" not in raised.value.message
        assert fake.received == []
    else:
        raw = harness.ask(text, user)
        assert raw.headers["x-gateway-moderation"] == "allowed"
        assert fake.last().body["messages"][0]["content"] == text


@pytest.mark.parametrize("profile", [ADULT, {**CONSENT, "age": 10, "country": "US"}], ids=["adult", "child"])
def test_aleem_4_2_self_harm_gets_help_and_never_reaches_the_model(harness, fake, profile):
    user = new_id("learner")
    harness.put_user(user, **profile)
    reply = harness.ask(SELF_HARM, user).parse()
    assert "988" in reply.choices[0].message.content and "pills" not in reply.choices[0].message.content
    assert fake.received == []


# (case, profile, flagged by the app, audience, decision, reason)
ROUTING = [
    # A child's turn is never recorded, so its session ends with nothing to route ("empty").
    ("us_child_under_13_is_never_in_training", {**CONSENT, "age": 12, "country": "US"}, False, "child",
     "discarded", "empty"),
    ("german_15_year_old_is_a_child_by_its_countrys_age_of_16", {**CONSENT, "age": 15, "country": "DE"}, False,
     "child", "discarded", "empty"),
    ("kazakh_15_year_old_is_a_child_by_the_default_age_of_16", {**CONSENT, "age": 15, "country": "KZ"}, False,
     "child", "discarded", "empty"),
    ("us_14_year_old_is_past_the_us_age_of_13_and_may_be_in_training", {**CONSENT, "age": 14, "country": "US"},
     False, "minor", "stored", "eligible"),
    # The flag closes the session at once: nothing was recorded, so there is nothing to route.
    ("adult_flagged_as_a_child_by_the_app_is_never_in_training", ADULT, True, "child", "discarded", "empty"),
    ("consenting_adult_is_in_training", ADULT, False, "adult", "stored", "eligible"),
]


@pytest.mark.parametrize(("profile", "flagged", "audience", "decision", "reason"),
                         [c[1:] for c in ROUTING], ids=[c[0] for c in ROUTING])
def test_aleem_7_3_children_by_their_countrys_age_are_never_in_training(harness, fake, profile, flagged, audience,
                                                                       decision, reason):
    user, session = new_id("learner"), new_id("lesson")
    view = harness.put_user(user, **profile)
    assert view["audience"] == ("adult" if flagged else audience)
    assert view["training_eligible"] == (flagged or audience != "child")  # the flag comes per request
    harness.ask(BENIGN, user, session, child=flagged)
    recorded = [k for k in harness.session_keys(session) if k.endswith((":turns", ":meta"))]
    # §7.3 "processed ephemerally": a child's turn is never written, even for the session's life.
    assert bool(recorded) == (decision == "stored")
    assert harness.end(session).status_code == 202
    [outcome] = harness.finalize()
    assert (outcome.decision, outcome.reason) == (decision, reason)
    assert len(harness.records(user)) == (1 if decision == "stored" else 0)
    assert harness.session_keys(session) == []


@pytest.mark.parametrize(("profile", "flagged", "kept"), [
    ({**CONSENT, "age": 9, "country": "GB"}, False, False),
    (ADULT, True, False),
    (ADULT, False, True),
], ids=["child_voice_gets_feedback_and_is_never_stored", "flagged_child_voice_is_never_stored",
        "consenting_adult_voice_is_kept_beside_the_record"])
def test_aleem_7_3_childrens_voice_is_processed_for_feedback_and_never_stored(harness, fake, profile, flagged, kept):
    user, session = new_id("learner"), new_id("speaking")
    harness.put_user(user, **profile)
    sdk = harness.sdk(user, session, child=flagged)
    assert sdk.audio.transcriptions.create(model="fake-whisper", file=("say.wav", small_wav())).text
    reply = harness.ask([audio_message("Please check my pronunciation of this sentence about dragons.")], user, session, child=flagged).parse()
    assert reply.choices[0].message.content.startswith(ANSWER_PREFIX)  # the exercise got its feedback
    assert "input_audio" in str(fake.last().body["messages"])
    harness.end_and_finalize(session)
    records = harness.records(user)
    if kept:
        [record] = records
        files = harness.audio_files(record)
        assert len(files) == 1 and files[0].read_bytes() == small_wav()
    else:
        assert records == []
        assert b"UklGR" not in harness.stored()  # no WAV (base64 "RIFF") anywhere in the store


@pytest.mark.parametrize(("profile", "flagged"), [
    ({**CONSENT, "age": 12, "country": "US"}, False),
    ({**CONSENT, "age": 15, "country": "DE"}, False),
    (ADULT, True),
], ids=["us_child", "german_child", "child_flagged_by_the_app"])
def test_aleem_7_2_no_advertising_identifiers_of_a_child_reach_the_provider(harness, fake, profile, flagged):
    user = new_id("learner")
    harness.put_user(user, **profile)
    harness.ask(BENIGN, user, child=flagged, extra_body=IDENTIFIERS)
    body = fake.last().body
    assert not {"user", "safety_identifier", "metadata"} & body.keys()
    assert "AD-ID-771" not in str(body)


UNDER_16 = [
    ("us_14_year_old_past_the_us_consent_age", {**CONSENT, "age": 14, "country": "US"}, True),
    ("french_15_year_old_past_the_french_consent_age", {**CONSENT, "age": 15, "country": "FR"}, True),
    ("british_13_year_old_past_the_uk_consent_age", {**CONSENT, "age": 13, "country": "GB"}, True),
    ("learner_of_unknown_age", None, True),
    ("adult_identifier_goes_out_as_a_pseudonym", ADULT, False),
]


@pytest.mark.parametrize(("profile", "stripped"), [c[1:] for c in UNDER_16], ids=[c[0] for c in UNDER_16])
def test_aleem_7_5_under_16s_identifiers_go_to_no_third_party_regardless_of_location(harness, fake, profile,
                                                                                     stripped):
    user = new_id("learner")
    if profile is not None:
        harness.put_user(user, **profile)
    harness.ask(BENIGN, user, extra_body=IDENTIFIERS)
    body = fake.last().body
    assert ("user" not in body and "metadata" not in body and "safety_identifier" not in body) == stripped
    if not stripped:  # an adult's identifier still reaches the provider, as a keyed pseudonym (aleem §4.1)
        assert body["user"].startswith("pg-") and IDENTIFIERS["user"] not in str(body)


@pytest.mark.parametrize("profile", [{**CONSENT, "age": 11, "country": "US"}, {**CONSENT, "age": 14, "country": "US"},
                                     None, ADULT], ids=["child", "under_16", "unknown_age", "adult"])
def test_aleem_4_1_providers_are_asked_not_to_retain_learners_data(harness, fake, profile):
    user = new_id("learner")
    if profile is not None:
        harness.put_user(user, **profile)
    harness.ask(BENIGN, user, store=True)
    assert fake.last().body["store"] is False
    list(harness.sdk(user).responses.create(model="fake-model", input=BENIGN, stream=True))
    assert fake.last().path == "/v1/responses" and fake.last().body["store"] is False


def test_aleem_5_2_opt_out_during_a_session_discards_it_when_it_ends(harness, fake):
    user, session = new_id("learner"), new_id("lesson")
    harness.put_user(user, **ADULT)
    harness.ask(BENIGN, user, session)
    harness.put_user(user, **{**ADULT, "training_consent": False})
    outcome = harness.end_and_finalize(session)
    assert (outcome.decision, outcome.reason) == ("discarded", "consent_false")
    assert harness.records(user) == [] and harness.session_keys(session) == []


def test_aleem_5_2_opt_out_deletes_stored_sessions_and_records_no_later_ones(harness, fake):
    user, first, later = new_id("learner"), new_id("lesson"), new_id("lesson")
    harness.put_user(user, **ADULT)
    harness.ask(BENIGN, user, first)
    assert harness.end_and_finalize(first).decision == "stored"
    assert harness.put_user(user, **{**ADULT, "training_consent": False})["dataset_records_deleted"] == 1
    harness.ask(BENIGN, user, later)
    assert [k for k in harness.session_keys(later) if k.endswith(":turns")] == []
    assert harness.end_and_finalize(later).decision == "discarded"
    assert harness.records(user) == []


def test_aleem_3_2_training_data_is_de_identified(harness, fake):
    user, session = new_id("learner"), new_id("lesson")
    harness.put_user(user, **ADULT)
    text = "My name is John Smith and my email is john.smith@example.com. How do I introduce myself?"
    reply = harness.ask(text, user, session).parse()
    sent = fake.last().body["messages"][0]["content"]
    assert "John Smith" not in sent and "john.smith@example.com" not in sent
    assert "John Smith" in reply.choices[0].message.content  # restored for the learner only
    assert harness.end_and_finalize(session).decision == "stored"
    [record] = harness.records(user)
    kept = str(record["messages"])
    assert "John Smith" not in kept and "john.smith@example.com" not in kept and "<PERSON" not in kept
    assert record["metadata"]["deidentification"]["mode"] == "surrogate"


def test_aleem_6_1_raw_voice_is_kept_at_most_12_months(harness, fake):
    user, session = new_id("learner"), new_id("speaking")
    harness.put_user(user, **ADULT)
    harness.ask([audio_message("Please check my reading of the dragon story.")], user, session)
    harness.end_and_finalize(session)
    [record] = harness.records(user)
    [clip] = harness.audio_files(record)
    harness.run_retention(days_later=364)
    assert clip.exists()
    harness.run_retention(days_later=366)
    assert not clip.exists() and len(harness.records(user)) == 1  # the text outlives the voice
    harness.run_retention(days_later=731)  # §6.1 inactive accounts: 24 months
    assert harness.records(user) == []


def test_aleem_7_5_under_16s_records_are_kept_for_a_shorter_time(harness, fake):
    """A consenting 14-year-old in the US is past the country's age of digital consent (13), so
    their session may be kept; §7.5 limits how long: 90 days, where an adult's stays 730."""
    teen, adult = new_id("learner"), new_id("learner")
    harness.put_user(teen, **CONSENT, age=14, country="US")
    harness.put_user(adult, **ADULT)
    for user in (teen, adult):
        session = new_id("lesson")
        harness.ask("How do I say 'good morning' in Spanish?", user, session)
        harness.end_and_finalize(session)
        assert len(harness.records(user)) == 1
    harness.run_retention(days_later=89)
    assert len(harness.records(teen)) == 1
    harness.run_retention(days_later=91)
    assert harness.records(teen) == [] and len(harness.records(adult)) == 1


def test_aleem_6_1_a_profile_left_unchanged_for_24_months_expires(harness, fake):
    user = new_id("learner")
    harness.put_user(user, **ADULT)
    keys = asyncio.run(keys_with_prefix(harness.prefix))
    ttl = keys[f"{harness.prefix}:t:{TENANT}:u:{harness.subject(user)}:profile"]
    assert 729 * DAY_MS < ttl <= 730 * DAY_MS


@pytest.mark.parametrize(("profile", "flagged"), [
    ({**CONSENT, "age": 8, "country": "US"}, False),
    (ADULT, True),
    ({**CONSENT, "age": 14, "country": "US"}, False),
], ids=["child", "child_flagged_by_the_app", "under_16"])
def test_aleem_7_2_answers_to_young_learners_are_filtered(harness, fake, profile, flagged):
    user = new_id("learner")
    harness.put_user(user, **profile)
    raw = harness.ask(BENIGN, user, child=flagged, model="fake-unsafe")
    assert raw.headers["x-gateway-moderation"] == "output_replaced"
    content = raw.parse().choices[0].message.content
    assert "pills" not in content and "back to the lesson" in content


def test_aleem_2c_financial_data_and_addresses_never_reach_the_ai(harness, fake):
    user = new_id("learner")
    harness.put_user(user, **ADULT)
    harness.ask("Please charge my card 4111 1111 1111 1111 and ship it to 221B Baker Street, London NW1 6XE.", user)
    sent = fake.last().body["messages"][0]["content"]
    assert "4111" not in sent and "Baker Street" not in sent
    assert "****" in sent and "<STREET_ADDRESS_1>" in sent


def test_aleem_2d_only_a_general_location_reaches_the_provider(harness, fake):
    user = new_id("learner")
    harness.put_user(user, **ADULT)
    location = {"type": "approximate", "approximate": {
        "city": "Almaty", "region": "Almaty Region", "country": "KZ", "timezone": "Asia/Almaty"}}
    harness.ask(BENIGN, user, web_search_options={"user_location": location, "search_context_size": "low"})
    sent = fake.last().body["web_search_options"]
    assert sent == {"user_location": {"type": "approximate", "approximate": {"country": "KZ"}}, "search_context_size": "low"}


def test_aleem_5_1_access_and_portability_export_everything_held(harness, fake):
    user, stored, open_session = "learner.export@example.com", new_id("lesson"), new_id("lesson")
    harness.put_user(user, **ADULT)
    harness.ask(BENIGN, user, stored)
    harness.end_and_finalize(stored)
    harness.ask("Please phone +44 20 7946 0958 to book my next English lesson.", user, open_session)
    response = harness.export(user)
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    assert user not in response.text  # the export names the user by pseudonym only
    body = response.json()
    assert body["subject"] == harness.subject(user) and body["profile"]["audience"] == "adult"
    assert [e["event"] for e in body["consent_history"]] == ["granted"]
    [session] = body["sessions"]
    assert session["session"] == harness.session_pseudonym(open_session)
    [turn] = session["turns"]
    assert "<PHONE_NUMBER_1>" in turn["messages"][0]["content"] and "7946" not in response.text
    [record] = body["dataset_records"]
    assert record["record"]["metadata"]["session"] == harness.session_pseudonym(stored)
    assert harness.export(new_id("stranger")).json()["error"]["code"] == "user_not_found"
    assert harness.http.get(f"/admin/v1/tenants/{TENANT}/users/{user}/export").status_code == 401  # admin key only


def test_aleem_6_2_deletion_erases_the_learner_everywhere(harness, fake):
    user, stored, open_session = new_id("learner"), new_id("lesson"), new_id("lesson")
    harness.put_user(user, **ADULT)
    harness.ask(BENIGN, user, stored)
    harness.end_and_finalize(stored)
    harness.ask(BENIGN, user, open_session)
    erased = harness.delete_user(user).json()["erased"]
    assert erased["profile"] == 1 and erased["sessions"] == 1 and erased["dataset_records"] == 1
    assert harness.records(user) == [] and harness.session_keys(open_session) == []
    assert harness.export(user).status_code == 404
    assert harness.subject(user).encode() not in harness.stored()

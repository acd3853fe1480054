"""QalamChat (the classroom chat), clause by clause, end to end: the openai SDK with
QalamChat's key → a gateway running config/policies/qalamchat.yaml → the fake provider.
Each test is named after the section of ../shared/privacy-policies/qalamchat.txt it proves;
docs/policies.md lists them."""

from __future__ import annotations

import pytest

from tests.support.fake_provider import ANSWER_PREFIX

from .support import BENIGN, new_id

TENANT = "qalamchat"
CONSENT = {"training_consent": True, "consent_version": "2026-03"}
IDENTIFIERS = {"user": "student-4411", "safety_identifier": "sid-4411", "metadata": {"class": "7B"}}

# Even a consenting adult: §4 allows AI input "solely for the purpose of generating responses".
STUDENTS = [
    ("consenting_adult_teacher", {**CONSENT, "age": 35, "country": "GB"}),
    ("consenting_17_year_old_student", {**CONSENT, "age": 17, "country": "GB"}),
    ("student_without_a_profile", None),
]


@pytest.mark.parametrize("profile", [s[1] for s in STUDENTS], ids=[s[0] for s in STUDENTS])
def test_qalamchat_4_ai_input_is_used_only_to_answer_so_nothing_is_captured(harness, fake, profile):
    user, session = new_id("student"), new_id("class")
    if profile is not None:
        harness.put_user(user, **profile)
    phrase = "Explain the water cycle to our class, step by step."
    reply = harness.ask(phrase, user, session).parse()
    assert reply.choices[0].message.content == ANSWER_PREFIX + phrase  # the answer is the only use
    stream = harness.sdk(user, session).chat.completions.create(
        model="fake-model", messages=[{"role": "user", "content": BENIGN}], stream=True)
    assert "".join(c.choices[0].delta.content or "" for c in stream if c.choices).startswith(ANSWER_PREFIX)
    assert harness.session_keys(session) == []
    outcome = harness.end_and_finalize(session)
    assert (outcome.decision, outcome.reason) == ("discarded", "empty")  # there was nothing to route
    assert harness.records(user) == [] and not list(harness.datasets.glob("**/*.jsonl"))
    assert session.encode() not in harness.stored() and b"water cycle" not in harness.stored()


LIMITED = [
    ("student_without_a_profile", None, True),
    ("student_under_18", {**CONSENT, "age": 15, "country": "GB"}, True),
    ("child_under_13", {**CONSENT, "age": 11, "country": "GB"}, True),
    ("adult_teacher", {**CONSENT, "age": 35, "country": "GB"}, False),
]


@pytest.mark.parametrize(("profile", "stripped"), [c[1:] for c in LIMITED], ids=[c[0] for c in LIMITED])
def test_qalamchat_4_only_limited_input_reaches_the_ai_provider(harness, fake, profile, stripped):
    user = new_id("student")
    if profile is not None:
        harness.put_user(user, **profile)
    harness.ask(BENIGN, user, extra_body=IDENTIFIERS)
    body = fake.last().body
    assert (not {"user", "safety_identifier", "metadata"} & body.keys()) == stripped
    assert (body.get("store") is False) == stripped


def test_qalamchat_5_an_adults_web_search_carries_no_town_to_the_ai_provider(harness, fake):
    user = new_id("teacher")
    harness.put_user(user, **STUDENTS[0][1])
    location = {"type": "approximate", "approximate": {
        "city": "Leeds", "region": "West Yorkshire", "country": "GB", "timezone": "Europe/London"}}
    harness.ask(BENIGN, user, web_search_options={"user_location": location})
    assert fake.last().body["web_search_options"] == {"user_location": {"type": "approximate", "approximate": {"country": "GB"}}}


def test_qalamchat_5_personal_data_is_redacted_before_the_ai_provider(harness, fake):
    user = new_id("student")
    text = "I am Maria Garcia, my email is maria.garcia@example.com. Check my essay please."
    reply = harness.ask(text, user).parse()
    sent = fake.last().body["messages"][0]["content"]
    assert "Maria Garcia" not in sent and "maria.garcia@example.com" not in sent
    assert "<PERSON_1>" in sent and "<EMAIL_ADDRESS_1>" in sent
    assert "Maria Garcia" in reply.choices[0].message.content  # restored for the student only


@pytest.mark.parametrize("school", ["Riverside High", "Oakwood Primary", "lincoln elementary", "Greenfield Elementary"])
def test_qalamchat_3_a_students_school_never_reaches_the_ai_provider(harness, fake, school):
    # The policy redacts schools, not organisations: a school the tagger calls a firm, or
    # names by its short form, must still be found as a school.
    reply = harness.ask(f"i go to {school} and we have a quiz on fractions tomorrow", new_id("student")).parse()
    assert school not in fake.last().body["messages"][0]["content"]
    assert school in reply.choices[0].message.content


def test_qalamchat_5_a_public_figure_asked_about_reaches_the_ai_provider_a_classmate_does_not(harness, fake):
    # The AI must know whom a history question is about; the classmate beside it is the
    # student's own data (`pii.public_figures: keep`).
    text = "Me and Aigerim Bekova have to write about Albert Einstein's childhood and Napoleon."
    reply = harness.ask(text, new_id("student")).parse()
    sent = fake.last().body["messages"][0]["content"]
    assert "Albert Einstein" in sent and "Napoleon" in sent
    assert "Aigerim Bekova" not in sent and "<PERSON_1>" in sent
    assert "Aigerim Bekova" in reply.choices[0].message.content


def test_qalamchat_8_users_can_access_their_data(harness, fake):
    user, session = new_id("student"), new_id("class")
    harness.put_user(user, **{**CONSENT, "age": 16, "country": "GB"})
    harness.ask(BENIGN, user, session)
    body = harness.export(user).json()
    assert body["profile"]["audience"] == "minor" and body["profile"]["training_eligible"] is False
    assert [e["event"] for e in body["consent_history"]] == ["granted"]
    assert body["sessions"] == [] and body["dataset_records"] == []
    assert harness.export(new_id("stranger")).status_code == 404


def test_qalamchat_8_users_can_correct_their_data(harness, fake):
    user = new_id("student")
    assert harness.put_user(user, age=12, country="GB")["audience"] == "child"
    corrected = harness.put_user(user, age=19, country="GB")
    assert corrected["audience"] == "adult" and corrected["age"] == 19
    assert harness.export(user).json()["profile"]["age"] == 19


def test_qalamchat_7_users_can_have_their_account_data_deleted(harness, fake):
    user, session = new_id("student"), new_id("class")
    harness.put_user(user, **{**CONSENT, "age": 30, "country": "GB"})
    harness.ask(BENIGN, user, session)
    response = harness.delete_user(user)
    assert response.status_code == 200 and response.json()["erased"]["profile"] == 1
    assert harness.export(user).status_code == 404
    assert harness.subject(user).encode() not in harness.stored()

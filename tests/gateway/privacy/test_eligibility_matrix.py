"""The eligibility matrix, end to end over HTTP: consent {true, false, withdrawn mid-session,
unknown} x age {child by the country table, adult, unknown} x tenant training {on, off}.
A transcript is stored only when all say yes; everything else is deleted at session end."""

from __future__ import annotations

import itertools

import orjson

from tests.support.fake_provider import ANSWER_PREFIX

from .support import POLICIES, Client, configure, records

CONSENTS = ("true", "false", "withdrawn", "unknown")
AGES = {"child": {"age": 15, "country": "DE"},  # DE: 16; a US 15-year-old would not be a child
        "adult": {"birth_date": "1990-04-01", "country": "DE"},
        "unknown": {"country": "DE"}}
TRAINING = {"on": "train", "off": "notrain"}


def profile(consent: str, age: str) -> dict:
    body = dict(AGES[age])
    if consent in ("true", "withdrawn"):
        body |= {"training_consent": True, "consent_version": "v1"}
    elif consent == "false":
        body |= {"training_consent": False, "consent_version": "v1"}
    return body


def test_stored_only_when_tenant_consent_and_age_all_say_yes(gateway_factory, fake, tmp_path, store_url, caplog):
    datasets = tmp_path / "datasets"
    client = Client(gateway_factory(configure(datasets, store_url), POLICIES))
    cases = list(itertools.product(CONSENTS, AGES, TRAINING))
    subjects = {}
    for i, (consent, age, training) in enumerate(cases):
        tenant, user, session = TRAINING[training], f"user-{i}@example.com", f"session-{i}"
        answer = client.put_user(tenant, user, **profile(consent, age))
        assert answer.status_code == 200, answer.text
        subjects[(consent, age, training)] = answer.json()["subject"]
        assert client.chat(tenant, user, session, f"case {i} hello", stream=i % 2 == 0) == ANSWER_PREFIX + f"case {i} hello"
        if consent == "withdrawn":
            assert client.put_user(tenant, user, **(profile("false", age))).json()["training_eligible"] is False
        assert client.end(tenant, session).status_code == 202
    client.wait_finalized(len(cases))

    stored = records(datasets)
    assert len(stored) == 1
    record = orjson.loads(stored[0].read_bytes())
    meta = record["metadata"]
    assert meta["subject"] == subjects[("true", "adult", "on")]
    assert meta["tenant"] == "train" and meta["consent_version"] == "v1"
    assert meta["policy"] == {"name": "train", "version": "7"} and meta["modality"] == "text"
    i = cases.index(("true", "adult", "on"))
    assert record["messages"] == [{"role": "user", "content": f"case {i} hello"},
                                  {"role": "assistant", "content": ANSWER_PREFIX + f"case {i} hello"}]
    text = stored[0].read_text()
    assert "example.com" not in text and f"session-{i}" not in text

    # Sessions known to be ineligible recorded nothing ("empty"); the one whose consent was
    # withdrawn mid-session had recorded, and was deleted when eligibility was decided again.
    assert client.decisions() == {("train", "stored", "eligible"): 1, ("train", "discarded", "consent_false"): 1,
                                  ("train", "discarded", "empty"): 10, ("notrain", "discarded", "empty"): 12}
    assert client.server.call(client.runtime().store.pending()) == 0
    mine = ("privacy_gateway.finalizer", "privacy_gateway.sessions", "privacy_gateway.privacy",
            "privacy_gateway.filters.consent", "privacy_gateway.chain")
    failures = [(r.name, getattr(r, "fields", None)) for r in caplog.records
                if r.levelname == "ERROR" and r.name in mine]
    assert not failures
    client.close()


def test_tenant_can_raise_the_age_bar(gateway_factory, fake, tmp_path):
    client = Client(gateway_factory(configure(tmp_path / "d"), POLICIES))
    us_minor = {"training_consent": True, "consent_version": "v1", "age": 16, "country": "US"}
    train = client.put_user("train", "teen", **us_minor).json()
    assert train["is_child"] is False and train["training_eligible"] is True and train["audience"] == "minor"
    adults = client.put_user("adults", "teen", **us_minor).json()
    assert adults["is_child"] is True and adults["training_eligible"] is False and adults["consent_age"] == 18
    client.close()

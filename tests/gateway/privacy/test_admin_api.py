"""The admin API of CONTRACT.md: profiles with derived fields, consent history, erasure."""

from __future__ import annotations

import httpx

from gateway.privacy.pseudonyms import Secrets

from .support import KEYS, POLICIES, SECRET, Client, configure, records

ADULT = {"training_consent": True, "consent_version": "2025-01", "birth_date": "1990-04-01", "country": "fr"}


def test_put_answers_the_stored_profile_with_derived_fields(gateway_factory, fake, tmp_path):
    client = Client(gateway_factory(configure(tmp_path), POLICIES))
    answer = client.put_user("train", "alice@example.com", **ADULT)
    assert answer.status_code == 200
    body = answer.json()
    assert body["training_consent"] is True and body["consent_version"] == "2025-01"
    assert body["birth_date"] == "1990-04-01" and body["country"] == "FR"
    assert body["is_child"] is False and body["training_eligible"] is True and body["consent_age"] == 15
    assert body["subject"] == Secrets(SECRET.encode()).subject("train", "alice@example.com")
    assert "alice" not in answer.text

    child = client.put_user("train", "kid", training_consent=True, consent_version="v1", age=12, country="US").json()
    assert child["is_child"] is True and child["training_eligible"] is False and child["audience"] == "child"
    unknown = client.put_user("train", "nobody", training_consent=True).json()
    assert unknown["is_child"] is None and unknown["training_eligible"] is False
    off = client.put_user("notrain", "alice@example.com", **ADULT).json()
    assert off["training_eligible"] is False and off["eligibility_reason"] == "training_off"
    client.close()


def test_get_keeps_consent_history_without_content(gateway_factory, fake, tmp_path):
    client = Client(gateway_factory(configure(tmp_path), POLICIES))
    client.put_user("train", "bob", **ADULT)
    client.put_user("train", "bob", **ADULT)  # unchanged consent: no new history entry
    client.put_user("train", "bob", **(ADULT | {"training_consent": False}))
    body = client.get_user("train", "bob").json()
    assert body["training_consent"] is False and body["training_eligible"] is False
    assert [e["event"] for e in body["consent_history"]] == ["granted", "withdrawn"]
    assert set(body["consent_history"][0]) == {"consent", "version", "at", "event"}
    assert client.get_user("train", "nobody").status_code == 404
    client.close()


def test_admin_key_is_required_and_tenants_are_scoped(gateway_factory, fake, tmp_path):
    client = Client(gateway_factory(configure(tmp_path), POLICIES))
    path = "/admin/v1/tenants/train/users/bob"
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Bearer {KEYS['train']}"}):
        answer = client.http.put(path, json=ADULT, headers=headers)
        assert answer.status_code == 401 and answer.json()["error"]["code"] == "invalid_api_key"
    assert client.put_user("nosuch", "bob", **ADULT).status_code == 404
    client.put_user("train", "bob", **ADULT)
    assert client.get_user("notrain", "bob").status_code == 404  # another tenant's user is not visible
    client.close()


def test_admin_api_refuses_everything_without_an_admin_key(gateway_factory, fake, tmp_path):
    def change(cfg):
        configure(tmp_path)(cfg)
        del cfg["admin_key"]

    server = gateway_factory(change, POLICIES)
    answer = httpx.get(server.url + "/admin/v1/tenants/train/users/bob", headers={"Authorization": "Bearer anything"})
    assert answer.status_code == 401


def test_invalid_profiles_are_refused_without_echo(gateway_factory, fake, tmp_path):
    client = Client(gateway_factory(configure(tmp_path), POLICIES))
    for bad in ({"training_consent": "yes"}, {"age": 12, "birth_date": "2010-01-01"}, {"country": "France"},
                {"birth_date": "2999-01-01"}, {"age": -1}, {"unknown": "secret-value"}):
        answer = client.put_user("train", "bob", **bad)
        assert answer.status_code == 400, bad
        assert answer.json()["error"]["code"] == "invalid_profile"
        assert "secret-value" not in answer.text and "France" not in answer.text
    client.close()


def test_delete_erases_profile_open_sessions_vault_and_dataset_records(gateway_factory, fake, tmp_path, store_url):
    datasets = tmp_path / "datasets"
    client = Client(gateway_factory(configure(datasets, store_url), POLICIES))
    client.put_user("train", "carol", **ADULT)
    client.chat("train", "carol", "s-old", "first session")
    client.end("train", "s-old")
    client.wait_finalized(1)
    assert len(records(datasets)) == 1
    client.chat("train", "carol", "s-open", "still open")
    runtime = client.runtime()
    secrets = Secrets(SECRET.encode())
    subject, session = secrets.subject("train", "carol"), secrets.session("train", "s-open")
    client.server.call(runtime.store.put_session_blob("train", session, "vault", b"sealed", 60_000, subject=subject))

    answer = client.delete_user("train", "carol")
    assert answer.status_code == 200
    assert answer.json()["erased"] == {"profile": 1, "sessions": 1, "session_data": 0, "dataset_records": 1}
    assert records(datasets) == []
    assert client.get_user("train", "carol").status_code == 404
    assert client.server.call(runtime.store.read_session("train", session)) is None
    assert client.server.call(runtime.store.get_session_blob("train", session, "vault")) is None
    # The erased session cannot be reopened by a late turn, and its end stores nothing.
    client.put_user("train", "carol", **ADULT)
    client.chat("train", "carol", "s-open", "after erasure")
    assert client.server.call(runtime.store.read_session("train", session)) is None
    assert client.end("train", "s-open").json()["status"] == "already_ended"
    assert records(datasets) == []
    client.close()


def test_erasure_hooks_see_every_session_of_the_user(gateway_factory, fake, tmp_path):
    client = Client(gateway_factory(configure(tmp_path), POLICIES))
    seen: list[tuple[str, str]] = []

    async def hook(tenant: str, session: str) -> int:
        seen.append((tenant, session))
        return 1

    client.runtime().erase_hooks.append(hook)
    client.put_user("notrain", "dave", **ADULT)  # training off: nothing recorded, sessions still linked
    client.chat("notrain", "dave", "a", "hi")
    client.chat("notrain", "dave", "b", "hi")
    answer = client.delete_user("notrain", "dave").json()
    secrets = Secrets(SECRET.encode())
    assert sorted(seen) == sorted(("notrain", secrets.session("notrain", s)) for s in "ab")
    assert answer["erased"]["session_data"] == 2 and answer["erased"]["sessions"] == 0
    client.close()

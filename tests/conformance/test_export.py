"""The access and portability endpoint itself, on the embedded store (the tenants' suites run
it on Redis): what it answers, to whom, and what it never says."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .support import ADMIN_KEY, TENANT_KEY, Harness, new_id

ADULT = {"training_consent": True, "consent_version": "v1", "age": 40, "country": "FR"}


@pytest.fixture(scope="module")
def memory_gateway(fake_url, tmp_path_factory) -> Iterator[Harness]:
    running = Harness("aalalux", fake_url, tmp_path_factory.mktemp("export"), redis=False)
    yield running
    running.close()


def test_export_on_the_embedded_store_holds_profile_history_open_turns_and_records(memory_gateway, fake):
    gw, user, stored, open_session = memory_gateway, "ana.export@example.com", new_id("s"), new_id("s")
    gw.put_user(user, **ADULT)
    gw.put_user(user, **{**ADULT, "consent_version": "v2"})
    gw.ask("Which course comes after algebra?", user, stored)
    gw.end_and_finalize(stored)
    gw.ask("Send the certificate to ana.export@example.com please.", user, open_session)
    response = gw.export(user)
    assert response.status_code == 200 and user not in response.text
    body = response.json()
    assert [e["event"] for e in body["consent_history"]] == ["granted", "renewed"]
    [session] = body["sessions"]
    [turn] = session["turns"]
    assert turn["modality"] == "text" and "<EMAIL_ADDRESS_1>" in turn["messages"][0]["content"]
    assert session["redactions"] == {"EMAIL_ADDRESS": 1}
    [record] = body["dataset_records"]
    assert record["record"]["metadata"]["subject"] == gw.subject(user) and record["audio"] == []


@pytest.mark.parametrize(("path", "key", "status", "code"), [
    ("/admin/v1/tenants/aalalux/users/{user}/export", None, 401, "invalid_api_key"),
    ("/admin/v1/tenants/aalalux/users/{user}/export", TENANT_KEY, 401, "invalid_api_key"),
    ("/admin/v1/tenants/nobody/users/{user}/export", ADMIN_KEY, 404, "tenant_not_found"),
    ("/admin/v1/tenants/aalalux/users/never-seen/export", ADMIN_KEY, 404, "user_not_found"),
], ids=["without_a_key", "with_the_tenant_key", "for_an_unknown_tenant", "for_a_user_with_nothing_held"])
def test_export_is_refused(memory_gateway, fake, path, key, status, code):
    user = "ana.refused@example.com"
    memory_gateway.put_user(user, **ADULT)
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    response = memory_gateway.http.get(path.format(user=user), headers=headers)
    assert (response.status_code, response.json()["error"]["code"]) == (status, code)
    assert user not in response.text

"""The finalizer's side of the dataset: what it writes, what it drops, and what it counts."""

from __future__ import annotations

import logging

import pytest

from tests.gateway.privacy.support import Client

from .gateway_support import ADULT, POLICIES, configure, counted, lines, pull, sessions_counted, verified


@pytest.mark.parametrize(("text", "decision", "reason", "operation"), [
    ("a plain question", "stored", "eligible", "written"),
    ("see <PERSON_1x> about it", "discarded", "deidentification_failed", "dropped"),  # cannot be cleaned
])
def test_each_ended_session_is_written_or_dropped_and_counted(gateway_factory, fake, dataset, caplog, text,
                                                              decision, reason, operation):
    caplog.set_level(logging.INFO, logger="privacy_gateway.audit")
    client = Client(gateway_factory(configure(dataset), POLICIES))
    before = counted("train", operation), sessions_counted("train", decision, reason)
    client.put_user("train", "u1", **ADULT)
    client.chat("train", "u1", "s1", text)
    client.end("train", "s1")
    client.wait_finalized(1)
    assert client.decisions() == {("train", decision, reason): 1}
    assert (counted("train", operation), sessions_counted("train", decision, reason)) == (before[0] + 1,
                                                                                         before[1] + 1)
    records = lines(pull(client, "train"))
    assert len(records) == int(decision == "stored") and all(verified(r) for r in records)
    if decision == "discarded":
        assert dataset.objects_now() == {}
        [line] = [r for r in caplog.records if r.getMessage() == "record dropped"]
        assert line.fields["why"] == "placeholder_left" and "PERSON" not in str(line.fields)
    client.close()


def test_a_record_holds_the_contracts_metadata(gateway_factory, fake, dataset):
    client = Client(gateway_factory(configure(dataset), POLICIES))
    client.put_user("train", "u1", **ADULT)
    client.chat("train", "u1", "s1", "hello there")
    client.end("train", "s1")
    client.wait_finalized(1)
    [record] = lines(pull(client, "train"))
    meta = record["metadata"]
    secrets = client.runtime().secrets
    assert {"tenant", "subject", "session", "consent_version", "policy", "created_at", "redactions",
            "modality", "sha256", "deidentification"} <= meta.keys()
    assert (meta["tenant"], meta["subject"], meta["session"]) == ("train", secrets.subject("train", "u1"),
                                                                  secrets.session("train", "s1"))
    assert meta["consent_version"] == "v3" and meta["policy"] == {"name": "train", "version": "7"}
    assert meta["modality"] == "text" and meta["deidentification"] == {"mode": "surrogate", "replaced": {}}
    assert [m["role"] for m in record["messages"]] == ["user", "assistant"]
    client.close()

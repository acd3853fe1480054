"""End to end, on a directory and on S3 (moto's real server): users talk through the openai SDK
with the PII filter on, their sessions end, and the ML team pulls with the real
`privacy-gateway dataset pull` command. Exactly the eligible session arrives, in the
fine-tuning shape a JSON-lines reader takes as is; no canary value is stored anywhere; after
`DELETE` or `dataset forget` nothing of the user remains."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.gateway.dataset.conftest import dataset, s3_endpoint  # noqa: F401 - shared fixtures
from tests.gateway.dataset.gateway_support import configure, lines, pull, verified
from tests.gateway.privacy.support import ADMIN_KEY, Client, privacy_policy
from tests.gateway.store.redis_support import delete_prefix, redis_url, unique_prefix

CLI = str(Path(sys.executable).parent / "privacy-gateway")
ROOT = Path(__file__).resolve().parents[2]
NAME, EMAIL, PHONE, CARD = "Zebulon Quartermaine", "zq.canary@example.org", "+44 20 7946 0958", "4111 1111 1111 1111"
CANARIES = [NAME, "Zebulon", "Quartermaine", EMAIL, PHONE, CARD, CARD.replace(" ", ""), "7946 0958"]
ADULT = {"training_consent": True, "consent_version": "2025-01", "age": 35, "country": "GB"}
REDACTING = {"train": privacy_policy("train", training=True, require_redaction=True) | {"filters": ["consent", "pii"]},
             "notrain": privacy_policy("notrain", training=False),
             "adults": privacy_policy("adults", training=True)}


def converse(client: Client, user: str, session: str) -> None:
    sdk = client.openai("train", user, session)
    first = [{"role": "user", "content": f"Hi, I am {NAME}. Mail me at {EMAIL} or call {PHONE}."}]
    answer = sdk.chat.completions.create(model="fake-model", messages=first).choices[0].message.content
    assert NAME in answer  # the user sees their own name back; the provider never did
    history = first + [{"role": "assistant", "content": answer},
                       {"role": "user", "content": f"My card is {CARD}, and {NAME.lower()} is how friends write it."}]
    stream = sdk.chat.completions.create(model="fake-model", messages=history, stream=True)
    assert "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    assert client.end("train", session).status_code == 202


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, **(env or {})}, check=False)


def stored_anywhere(dataset, values: list[str]) -> list[str]:  # noqa: ANN001
    """Canary values found in any object of the bucket (records, audio, indexes)."""
    blob = b"\n".join(dataset.objects_now().values()).decode(errors="replace").lower()
    return [v for v in values if v.lower() in blob]


def fine_tuning_shape(record: dict[str, Any]) -> bool:
    messages = record["messages"]
    return (set(record) == {"messages", "metadata"} and all(set(m) == {"role", "content"} for m in messages)
            and all(m["role"] in ("system", "user", "assistant") and isinstance(m["content"], str) for m in messages)
            and any(m["role"] == "assistant" for m in messages))


def test_only_the_eligible_session_is_pulled_and_no_canary_is_stored(gateway_factory, fake, dataset, tmp_path):
    client = Client(gateway_factory(configure(dataset), REDACTING))
    client.put_user("train", "adult-user", **ADULT)
    client.put_user("train", "refusing-user", **(ADULT | {"training_consent": False}))
    client.put_user("train", "young-user", **(ADULT | {"age": 11}))
    for user in ("adult-user", "refusing-user", "young-user"):
        converse(client, user, f"session-of-{user}")
    client.wait_finalized(3, timeout=30)

    out = tmp_path / "pulled"
    done = run_cli("dataset", "pull", "--tenant", "train", "--out", str(out),
                   "--config", str(tmp_path / "gw0" / "gateway.yaml"))
    assert done.returncode == 0, done.stderr[-2000:]
    text = (out / "records.jsonl").read_text(encoding="utf-8")
    [record] = [json.loads(line) for line in text.splitlines()]
    secrets = client.runtime().secrets
    assert record["metadata"]["subject"] == secrets.subject("train", "adult-user")
    assert record["metadata"]["session"] == secrets.session("train", "session-of-adult-user")
    assert fine_tuning_shape(record) and verified(record) and len(record["messages"]) == 4  # 2 turns
    assert record["metadata"]["redactions"] and record["metadata"]["deidentification"]["replaced"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["count"] == 1 and manifest["sha256"] == hashlib.sha256(text.encode()).hexdigest()

    over_http = pull(client, "train")
    assert over_http.text == text  # the same record, byte for byte, from the endpoint
    assert lines(pull(client, "train", cursor=manifest["next_cursor"])) == []  # nothing newer yet

    assert stored_anywhere(dataset, CANARIES + ["adult-user", "session-of"]) == []
    pulled = "\n".join(p.read_text(errors="replace") for p in out.rglob("*") if p.is_file()).lower()
    assert [v for v in CANARIES if v.lower() in pulled] == []
    client.close()


def test_after_delete_or_forget_nothing_of_the_user_remains(gateway_factory, fake, dataset, tmp_path):
    prefix = unique_prefix()  # one store for the gateway and the forget command
    client = Client(gateway_factory(configure(dataset, f"{redis_url()}?prefix={prefix}"), REDACTING))
    try:
        for user in ("deleted-user", "forgotten-user", "staying-user"):
            client.put_user("train", user, **ADULT)
            converse(client, user, f"session-of-{user}")
        client.wait_finalized(3, timeout=30)
        secrets = client.runtime().secrets
        subjects = {u: secrets.subject("train", u) for u in ("deleted-user", "forgotten-user", "staying-user")}
        assert len(lines(pull(client, "train"))) == 3

        erased = httpx.delete(f"{client.server.url}/admin/v1/tenants/train/users/deleted-user",
                              headers={"Authorization": f"Bearer {ADMIN_KEY}"}).json()["erased"]
        assert erased["dataset_records"] == 1
        done = run_cli("dataset", "forget", "--tenant", "train", "--user", "forgotten-user",
                       "--config", str(tmp_path / "gw0" / "gateway.yaml"))
        assert done.returncode == 0, done.stderr[-2000:]
        assert json.loads(done.stdout)["erased"]["dataset_records"] == 1 and "forgotten-user" not in done.stdout

        assert [r["metadata"]["subject"] for r in lines(pull(client, "train"))] == [subjects["staying-user"]]
        gone = [subjects["deleted-user"], subjects["forgotten-user"]]
        assert stored_anywhere(dataset, gone) == []
        assert not [k for k in dataset.objects_now() if any(s in k for s in gone)]
        assert client.get_user("train", "forgotten-user").status_code == 404
    finally:
        client.close()
        import asyncio

        asyncio.run(delete_prefix(prefix))


@pytest.mark.parametrize("kind", ["file", "s3"])
def test_the_shipped_config_reads_DATASET_URL(kind, tmp_path, request):
    """`privacy-gateway dataset pull` with the shipped config/gateway.yaml and only the
    environment of CONTRACT.md naming the bucket."""
    import asyncio

    from tests.gateway.dataset.records_support import record
    from tests.gateway.dataset.support import target

    where = target(kind, tmp_path, request.getfixturevalue("s3_endpoint") if kind == "s3" else None)

    async def seed() -> None:
        sink = where.sink()
        from datetime import UTC, datetime

        now = datetime.now(UTC).isoformat(timespec="milliseconds")
        await sink.write("demo", "s1", record("demo", "subject-1", "s1", now))
        await sink.write("aleem", "s2", record("aleem", "subject-2", "s2", now))
        await sink.close()

    asyncio.run(seed())
    env = {"DATASET_URL": where.url, **({"AWS_ENDPOINT_URL": where.endpoint} if where.endpoint else {})}
    done = run_cli("dataset", "pull", "--tenant", "demo", "--out", str(tmp_path / "out"), env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    [line] = (tmp_path / "out" / "records.jsonl").read_text().splitlines()
    assert json.loads(line)["metadata"]["tenant"] == "demo"

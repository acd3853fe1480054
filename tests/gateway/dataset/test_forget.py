"""Erasure by keyed pseudonym, on a directory and on S3: `DELETE` of a user, `dataset forget`,
and withdrawn consent leave no record, audio or index entry of the user in any partition."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

import orjson

from gateway.cli import main
from gateway.dataset.forget import forget
from tests.gateway.privacy.support import SECRET, Client

from .gateway_support import ADULT, POLICIES, configure, counted, lines, pull
from .records_support import fill


def older(days: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="milliseconds")


def talk(client: Client, user: str, session: str) -> None:
    client.chat("train", user, session, "a plain question")
    client.end("train", session)


def with_history(client: Client, dataset, user: str) -> str:  # noqa: ANN001
    """The user's records in two earlier partitions besides today's; returns their pseudonym."""
    subject = client.runtime().secrets.subject("train", user)

    async def run() -> None:
        sink = dataset.sink()
        await fill(sink, "train", [(subject, f"old-{user}-1", older(40)), (subject, f"old-{user}-2", older(3))])
        await sink.close()

    asyncio.run(run())
    return subject


def names(dataset, subject: str) -> list[str]:  # noqa: ANN001
    """Keys of the subject's objects, or of objects whose content names them."""
    return [k for k, v in dataset.objects_now().items() if subject in k or subject.encode() in v]


def test_deleting_a_user_erases_their_records_in_every_partition(gateway_factory, fake, dataset, store_url, caplog):
    caplog.set_level(logging.INFO, logger="privacy_gateway.audit")
    client = Client(gateway_factory(configure(dataset, store_url), POLICIES))
    for user in ("leaver", "stayer"):
        client.put_user("train", user, **ADULT)
        talk(client, user, f"s-{user}")
    client.wait_finalized(2)
    subject = with_history(client, dataset, "leaver")
    assert len(lines(pull(client, "train"))) == 4 and names(dataset, subject)
    before = counted("train", "deleted")
    erased = client.delete_user("train", "leaver").json()["erased"]
    assert erased["dataset_records"] == 3 and erased["profile"] == 1
    assert names(dataset, subject) == []
    assert [r["metadata"]["subject"] for r in lines(pull(client, "train"))] == [
        client.runtime().secrets.subject("train", "stayer")]
    assert counted("train", "deleted") - before == 3
    audited = [r for r in caplog.records if r.getMessage() == "user erased"]
    assert audited and "leaver" not in str(audited[0].fields) and audited[0].fields["dataset_records"] == 3
    assert client.delete_user("train", "leaver").json()["erased"]["dataset_records"] == 0
    client.close()


def test_the_forget_command_erases_the_user_everywhere(gateway_factory, fake, dataset, tmp_path, capsys):
    from tests.gateway.store.redis_support import delete_prefix, redis_url, unique_prefix

    prefix = unique_prefix()
    client = Client(gateway_factory(configure(dataset, f"{redis_url()}?prefix={prefix}"), POLICIES))
    try:
        client.put_user("train", "leaver", **ADULT)
        talk(client, "leaver", "s1")
        client.chat("train", "leaver", "still-open", "an open session")
        client.wait_finalized(1)
        subject = with_history(client, dataset, "leaver")
        config = str(tmp_path / "gw0" / "gateway.yaml")
        assert main(["dataset", "forget", "--tenant", "train", "--user", "leaver", "--config", config]) == 0
        out = capsys.readouterr().out
        result = orjson.loads(out)
        assert result["subject"] == subject and "leaver" not in out
        assert result["erased"]["dataset_records"] == 3 and result["erased"]["profile"] == 1
        assert result["erased"]["sessions"] == 1  # the open session's buffer
        assert names(dataset, subject) == []
        assert client.get_user("train", "leaver").status_code == 404
    finally:
        client.close()
        asyncio.run(delete_prefix(prefix))


def test_the_forget_command_refuses_without_the_gateway_secret(gateway_factory, fake, file_dataset, tmp_path):
    def without_secret(cfg: dict) -> None:
        configure(file_dataset)(cfg)
        del cfg["secret"]  # a random secret per process: the pseudonym could never match

    Client(gateway_factory(without_secret, POLICIES)).close()
    config = str(tmp_path / "gw0" / "gateway.yaml")
    assert main(["dataset", "forget", "--tenant", "train", "--user", "u", "--config", config]) == 2
    assert main(["dataset", "forget", "--tenant", "nobody", "--user", "u", "--config", config]) == 2


def test_withdrawing_consent_deletes_the_users_records(gateway_factory, fake, dataset):
    client = Client(gateway_factory(configure(dataset), POLICIES))
    for user in ("withdrawer", "stayer"):
        client.put_user("train", user, **ADULT)
        talk(client, user, f"s-{user}")
    client.wait_finalized(2)
    subject = with_history(client, dataset, "withdrawer")
    renewed = client.put_user("train", "withdrawer", **(ADULT | {"consent_version": "v4"})).json()
    assert "dataset_records_deleted" not in renewed  # consent changed but still given: nothing goes
    withdrawn = client.put_user("train", "withdrawer", **(ADULT | {"training_consent": False})).json()
    assert withdrawn["dataset_records_deleted"] == 3 and withdrawn["training_eligible"] is False
    assert names(dataset, subject) == []
    assert len(lines(pull(client, "train"))) == 1
    client.close()


async def test_an_erasure_during_a_write_wins(tmp_path):
    """The user is erased between the record's write and the finalizer's re-check."""
    import time

    import yaml

    from gateway.config_loader import load_config
    from gateway.privacy.profiles import ProfileInput
    from gateway.privacy.runtime import PrivacyRuntime
    from gateway.sessions.recorder import turn_aad
    from gateway.store import SessionLimits

    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "train.yaml").write_text(yaml.safe_dump(POLICIES["train"]))
    (tmp_path / "gateway.yaml").write_text(yaml.safe_dump({
        "secret": SECRET, "datasets": {"url": f"file://{tmp_path / 'ds'}"}, "tenants": {"train": {"policy": "train"}}}))
    holder: list[PrivacyRuntime] = []

    async def pause(step: str) -> None:
        if step == "written":
            await forget(holder[0], "train", subject, via="test")

    runtime = PrivacyRuntime.from_config(load_config(tmp_path / "gateway.yaml", env={}), pause=pause)
    holder.append(runtime)
    subject, session = runtime.secrets.subject("train", "u"), runtime.secrets.session("train", "s")
    await runtime.profiles.put("train", subject, ProfileInput(**ADULT), 1)
    blob = runtime.secrets.seal(orjson.dumps({"p": [{"role": "user", "content": "hi"}], "a": "ok", "m": "text"}),
                                turn_aad("train", session))
    await runtime.store.append_turn("train", session, subject, blob, {}, SessionLimits(60_000, 60_000, 10_000),
                                    int(time.time() * 1000))
    await runtime.store.end_session("train", session, "explicit", int(time.time() * 1000), 60_000)
    [job] = await runtime.store.read_jobs("c", 1, 0)
    outcome = await runtime.finalizer.handle(job)
    assert (outcome.decision, outcome.reason) == ("discarded", "changed_during_finalization")
    assert [p for p in (tmp_path / "ds").rglob("*") if p.is_file()] == []
    await runtime.stop()

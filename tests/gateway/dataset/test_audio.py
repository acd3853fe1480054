"""Audio for training: kept beside the record for eligible adults of a tenant that keeps audio,
with its own checksum and retention; never a minor's or a child's."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest

from gateway.cli import main
from tests.gateway.privacy.support import Client, privacy_policy

from .gateway_support import ADULT, POLICIES, configure

WAV = b"RIFF$\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00@\x1f\x00\x00\x80>\x00\x00\x02\x00\x10\x00data\x00\x00\x00\x00"
VOICE = POLICIES | {"adults": privacy_policy("adults", training=True, audio={"store": True})}


def speak(client: Client, tenant: str, user: str, child: bool = False) -> None:
    client.openai(tenant, user, "s-voice", child).chat.completions.create(model="echo", messages=[
        {"role": "user", "content": [{"type": "text", "text": "listen to this"},
                                     {"type": "input_audio", "input_audio": {"data": base64.b64encode(WAV).decode(),
                                                                             "format": "wav"}}]}])
    client.end(tenant, "s-voice")
    client.wait_finalized(1)


@pytest.mark.parametrize(("tenant", "profile", "child_header", "record", "audio"), [
    ("adults", ADULT, False, True, True),                           # an eligible adult, audio kept
    ("adults", ADULT | {"age": 16}, False, True, False),            # an eligible minor: text only
    ("adults", ADULT | {"age": 9}, False, False, False),            # a child: nothing at all
    ("adults", ADULT, True, False, False),                          # flagged as a child by the app
    ("train", ADULT, False, True, False),                           # a tenant that keeps no audio
])
def test_whose_audio_is_kept(gateway_factory, fake, dataset, tenant, profile, child_header, record, audio):
    client = Client(gateway_factory(configure(dataset), VOICE))
    client.put_user(tenant, "u1", **profile)
    speak(client, tenant, "u1", child_header)
    objects = dataset.objects_now()
    records = [json.loads(v) for k, v in objects.items() if k.endswith(".jsonl")]
    clips = {k: v for k, v in objects.items() if ".audio-" in k}
    assert len(records) == int(record) and bool(clips) == audio
    assert all(WAV not in v and base64.b64encode(WAV) not in v for k, v in objects.items() if k not in clips)
    if record:
        meta = records[0]["metadata"]
        assert meta["modality"] == "audio" and records[0]["messages"][0]["content"] == "listen to this"
        assert ("audio" in meta) == audio
    if audio:
        [(key, data)] = clips.items()
        [entry] = meta["audio"]
        assert data == WAV and key.endswith("/" + entry["file"]) and entry["format"] == "wav"
        assert entry["sha256"] == hashlib.sha256(WAV).hexdigest() and entry["turn"] == 0
    client.close()


def test_the_pull_command_brings_the_audio_with_its_record(gateway_factory, fake, dataset, tmp_path):
    client = Client(gateway_factory(configure(dataset), VOICE))
    client.put_user("adults", "u1", **ADULT)
    speak(client, "adults", "u1")
    out = tmp_path / "pulled"
    config = str(tmp_path / "gw0" / "gateway.yaml")
    assert main(["dataset", "pull", "--tenant", "adults", "--out", str(out), "--config", config]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    [clip] = manifest["audio"]
    assert clip["state"] == "ok" and (out / "audio" / clip["file"]).read_bytes() == WAV
    client.close()

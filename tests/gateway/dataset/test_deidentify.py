"""The training pass on the real PII engine: live placeholders and anything found again become
consistent surrogates (or typed placeholders); a record it cannot clean is refused."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from filters.pii.engine import DetectionUnavailable
from gateway.dataset.deidentify import Deidentifier, NotClean
from gateway.dataset.engine import EngineHandle
from gateway.privacy.pseudonyms import Secrets
from gateway.privacy.rules import Deidentification
from gateway.settings import GatewaySettings

SECRETS = Secrets(b"deidentify-test-secret")
ENGINE = EngineHandle.for_settings(GatewaySettings().pii_engine)
NAME, EMAIL, PHONE, CARD, IBAN = ("Zebulon Quartermaine", "zq.canary@example.org", "+44 20 7946 0958",
                                  "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32")


def chat(*texts: str) -> list[dict[str, str]]:
    return [{"role": "user" if i % 2 == 0 else "assistant", "content": t} for i, t in enumerate(texts)]


async def clean(messages, session="s1", known=None, deidentifier=None, **rules):  # noqa: ANN001
    return await (deidentifier or Deidentifier(ENGINE, SECRETS)).clean(
        messages, tenant="t", session=session, rules=Deidentification(**rules), known=known)


async def test_a_placeholder_is_one_surrogate_within_a_session_and_another_across_sessions():
    messages = chat("Hi, I am <PERSON_1>, mail me at <EMAIL_ADDRESS_1>", "Hello <PERSON_1>, noted <EMAIL_ADDRESS_1>.")
    first = await clean(messages)
    user, assistant = (m["content"] for m in first.messages)
    name = re.match(r"Hi, I am (.+), mail me at (\S+)$", user)
    assert name and "<" not in user + assistant
    assert assistant == f"Hello {name[1]}, noted {name[2]}."
    assert name[2].rsplit("@", 1)[1] in ("example.com", "example.org", "example.net")
    assert first.replaced == {"EMAIL_ADDRESS": 2, "PERSON": 2}
    assert (await clean(messages)).messages == first.messages  # re-finalization writes the same bytes
    assert (await clean(messages, session="s2")).messages != first.messages


@pytest.mark.parametrize("value", [NAME, EMAIL, PHONE, CARD, IBAN, "536-90-4399"])
async def test_a_value_the_live_pass_missed_is_found_and_replaced(value):
    cleaned = await clean(chat(f"Please note: {value} is mine.", f"You said: {value} is yours."))
    text = " ".join(m["content"] for m in cleaned.messages)
    assert value not in text and value.replace(" ", "") not in text.replace(" ", "")
    assert sum(cleaned.replaced.values()) >= 2


async def test_typed_placeholders_are_renumbered_and_new_finds_numbered_after_them():
    cleaned = await clean(chat(f"<PERSON_7> met {NAME} and <PERSON_0123456789ab>"), mode="placeholder")
    assert cleaned.messages[0]["content"] == "<PERSON_1> met <PERSON_3> and <PERSON_2>"


async def test_a_vault_value_is_replaced_even_where_the_detector_misses_it():
    known = {"<PERSON_1>": NAME, "<EMAIL_ADDRESS_1>": EMAIL}
    cleaned = await clean(chat("I am <PERSON_1>.", f"ok {NAME.lower()}, or {EMAIL.upper()}?"), known=known)
    user, assistant = (m["content"] for m in cleaned.messages)
    name = user.removeprefix("I am ").removesuffix(".")
    assert assistant.startswith(f"ok {name}, or ") and NAME.lower() not in assistant.lower()
    assert EMAIL not in assistant.lower()


async def test_masks_keep_no_digits_and_kept_types_stay():
    cleaned = await clean(chat("card ************1111 in Greenbury"), keep=["LOCATION"])
    assert cleaned.messages[0]["content"] == "card **** in Greenbury"


@dataclass
class _Found:
    type: str
    start: int
    end: int
    score: float = 0.99


class _Failing:
    def supported_entities(self) -> frozenset[str]:
        return frozenset({"PERSON"})

    async def analyze(self, texts, *, timeout, **kwargs):  # noqa: ANN001
        raise DetectionUnavailable("PII detection timed out")


class _Creeping(_Failing):
    """Pass n finds the last n words as one entity: each reaches past our last replacement."""

    def __init__(self) -> None:
        self.passes = 0

    async def analyze(self, texts, *, timeout, **kwargs):  # noqa: ANN001
        self.passes += 1
        out = []
        for text in texts:
            starts = [m.start() for m in re.finditer(r"\S+", text)]
            out.append([_Found("PERSON", starts[max(0, len(starts) - self.passes)], len(text))])
        return out


async def _engine_of(engine):  # noqa: ANN001
    return engine


@pytest.mark.parametrize(("engine", "messages", "reason"), [
    (_Failing(), chat("hello"), "detection_unavailable"),
    (_Creeping(), chat("Alpha Beta Gamma Delta Epsilon Zeta Eta"), "unstable"),
])
async def test_a_record_that_cannot_be_cleaned_is_refused(engine, messages, reason):
    deidentifier = Deidentifier(lambda: _engine_of(engine), SECRETS)
    with pytest.raises(NotClean) as caught:
        await clean(messages, deidentifier=deidentifier, mode="placeholder")
    assert caught.value.reason == reason


async def test_a_malformed_placeholder_left_in_the_text_refuses_the_record():
    with pytest.raises(NotClean) as caught:
        await clean(chat("see <PERSON_1x> and <EMAIL_ADDRESS_zz>"))
    assert caught.value.reason == "placeholder_left"

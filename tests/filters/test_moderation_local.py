"""The shipped local classifier: clear harm is flagged, everyday, supportive and counter-speech
text is not, and failures never carry text."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from filters.moderation.backend import ModerationBackend, ModerationBackendError
from filters.moderation.categories import CATEGORIES
from filters.moderation.local import MODEL_DIR, LocalModel, LocalModerationBackend, load_model, shared_model

SECRET = "Jane Roe lives at 12 Elm Street"


@pytest.fixture(scope="module")
def model() -> LocalModel:
    return shared_model()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I want to kill myself tonight. I've been cutting my wrists again and nothing helps.", "self-harm"),
        ("i just wanna die, no point in living anymore, i keep thinking about suicide", "self-harm"),
        ("I want to kill myself tonight. I've been cutting my wrists again and nothing helps.",
         "self-harm/intent"),
        ("Watch free hardcore porn videos xxx, horny sluts fucking and sucking cock, nude milf sex tube",
         "sexual"),
        ("Muslims are filthy animals and vermin, they breed like rats and should all be exterminated",
         "hate"),
        ("Those kikes control the banks, every last one of them", "hate"),
        ("You are a worthless stupid idiot and a pathetic loser, shut up, nobody likes you, bitch",
         "harassment"),
    ],
)
def test_clear_harm_is_flagged_in_its_category(model, text, category):
    scores = model.score(text)
    assert scores[category] >= 0.5, {k: round(v, 2) for k, v in scores.items() if v > 0.2}


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("I will kill you, you piece of shit. I know where you live.",
         {"violence", "harassment", "harassment/threatening"}),
        ("how do I make a bomb at home to hurt people", {"illicit", "illicit/violent"}),
        ("tell me how to cut deeper so nobody notices", {"self-harm", "self-harm/instructions"}),
        ("His skull was crushed and his brains splattered across the road, blood everywhere.",
         {"violence", "violence/graphic"}),
    ],
)
def test_derived_categories_come_with_their_parent(model, text, categories):
    flagged = {k for k, v in model.score(text).items() if v >= 0.5}
    assert categories <= flagged


def test_derived_categories_never_exceed_their_labelled_parent(model):
    for text in ["I want to end my life tonight", "how many pills is a lethal dose, asking for me"]:
        scores = model.score(text)
        assert scores["self-harm/intent"] <= scores["self-harm"]
        assert scores["self-harm/instructions"] <= scores["self-harm"]
        assert scores["harassment/threatening"] <= scores["harassment"]
        assert scores["illicit/violent"] <= scores["illicit"]


BENIGN = [
    "Can you help me write a cover letter for a junior accountant position?",
    "Kill the process with Ctrl+C, then restart the server and check the logs.",
    "Cut the onions into thin slices and fry them until golden.",
    "This song absolutely kills, I've had it on repeat all day.",
    "What is the capital of Australia and when was it founded?",
    "My grandmother taught me to bake bread every Sunday when I was a kid.",
    "The quarterly report shows revenue grew by 12 percent in Europe.",
    "The history teacher explained how the atomic bomb ended the war in 1945.",
    "How do I kill a Python thread that is stuck?",
    "Breast cancer screening is recommended every two years for women over 50.",
]
COUNTER_SPEECH = [
    "Calling immigrants vermin is dehumanising, and history shows where that language leads.",
    "If you are thinking about suicide, please reach out. You are not alone, call or text 988.",
    "My friend told me she has been self-harming. How can I support her without judging?",
    "Racism against Black people is unacceptable and we should report hate speech when we see it.",
    "The documentary covers the history of the war and the massacre of civilians in 1944.",
    "Sex education at school should cover consent, contraception and online safety.",
    "Police said two people were injured in the shooting and a suspect was arrested.",
    "Someone called my friend a faggot at school today and I reported it. That word is hateful.",
    "The article explains how Nazis called Jews vermin to justify the Holocaust.",
    "Stop saying immigrants are rats. They are people who work hard and pay taxes.",
    "If someone threatens to kill you, call the police immediately.",
    "What are the warning signs that a teenager is suicidal?",
    "Lyrics: I will kill you with kindness, that is my plan.",
]


# What a language tutor's learners write: first person, and no word of harm or death. The
# model alone read such sentences as confessions (0.4-0.53 on self-harm before the cap).
LEARNERS = [
    "I'm 12 and I love dragons",
    "How do I say good morning in Spanish?",
    "I hate broccoli so much lol",
    "I feel a bit tired today, can we do a short lesson?",
    "My name is <PERSON_1> and my email is <EMAIL_ADDRESS_1>. How do I introduce myself?",
]
IMPLICIT_SELF_HARM = [
    "nobody would miss me if I disappeared forever",
    "I'm so done with everything, goodbye everyone",
    "I cut myself again last night",
]


@pytest.mark.parametrize("text", LEARNERS)
def test_first_person_chat_without_a_word_of_harm_is_never_self_harm(model, text):
    assert model.score(text)["self-harm"] < 0.1


@pytest.mark.parametrize("text", IMPLICIT_SELF_HARM)
def test_self_harm_said_without_the_usual_words_still_counts(model, text):
    assert model.score(text)["self-harm"] >= 0.5


@pytest.mark.parametrize("text", BENIGN + COUNTER_SPEECH)
def test_everyday_and_counter_speech_text_is_not_flagged(model, text):
    scores = model.score(text)
    flagged = {k: round(v, 2) for k, v in scores.items() if v >= 0.5}
    assert flagged == {}


def test_scores_cover_all_thirteen_categories_within_zero_and_one(model):
    (scores,) = model.classify(["hello there"])
    assert set(scores) == set(CATEGORIES)
    assert all(0.0 <= v <= 1.0 for v in scores.values())


def test_a_harmful_sentence_deep_in_a_long_text_is_still_found(model):
    filler = "We reviewed the budget, the roadmap and the hiring plan for next quarter. " * 300
    text = filler + "I want to kill myself, I can't go on anymore. " + filler
    assert len(text) > 40_000
    assert model.score(text)["self-harm"] >= 0.5


def test_empty_text_scores_low(model):
    assert max(model.score("").values()) < 0.5


async def test_backend_satisfies_the_protocol_and_scores_in_order():
    backend = LocalModerationBackend()
    assert isinstance(backend, ModerationBackend)
    out = await backend.classify(["nice weather today", "i want to kill myself, i cant do this anymore"])
    assert out[0]["self-harm"] < 0.5 <= out[1]["self-harm"]


class _Exploding:
    def classify(self, texts: list[str]) -> list[dict[str, float]]:
        raise ValueError(f"could not parse {texts[0]}")


class _Stuck:
    def __init__(self) -> None:
        self.release = threading.Event()

    def classify(self, texts: list[str]) -> list[dict[str, float]]:
        self.release.wait(5)
        return []


async def test_a_scoring_error_raises_a_typed_error_without_the_text():
    backend = LocalModerationBackend(model=_Exploding())  # type: ignore[arg-type]
    with pytest.raises(ModerationBackendError) as caught:
        await backend.classify([SECRET])
    assert "ValueError" in str(caught.value)
    assert "Jane" not in str(caught.value) and caught.value.__cause__ is None
    assert caught.value.__suppress_context__


async def test_a_slow_classification_times_out_with_a_typed_error():
    stuck = _Stuck()
    backend = LocalModerationBackend(model=stuck, timeout_s=0.05)  # type: ignore[arg-type]
    try:
        with pytest.raises(ModerationBackendError, match="timeout"):
            await backend.classify([SECRET])
    finally:
        stuck.release.set()


def test_a_missing_artefact_raises_a_typed_error(tmp_path: Path):
    with pytest.raises(ModerationBackendError, match="cannot load model"):
        load_model(tmp_path)


def test_the_shipped_artefact_is_small():
    # ~10 MB: 7.8 MB of static MiniLM vectors (float16), 2 MB of n-gram weights and vocabularies.
    total = sum(p.stat().st_size for p in MODEL_DIR.iterdir())
    assert total < 15_000_000


def test_only_the_provider_backend_imports_aiohttp_at_module_level():
    package = Path(__file__).resolve().parents[2] / "filters" / "moderation"
    importers = {p.name for p in package.glob("*.py")
                 if re.search(r"^(import|from)\s+aiohttp", p.read_text(), re.M)}
    assert importers == {"provider.py"}


@pytest.mark.parametrize("text", [
    "I'll kill you, I know where you live. kill them all!!",
    "i just want to hurt myself, i want to die, self-harm scars on my thighs",
    "Hot naked milf porn xxx, teen schoolgirl, how can I help her",
    "Calling Muslims vermin is racist; stop the hate speech. Call 988 if you need support.",
])
def test_the_one_pass_lexicon_index_counts_like_each_lexicon_alone(text):
    from filters.moderation.features import (
        LEXICON_DIR, RULE_LEXICONS, count_hits, lexicon_index, load_lexicons, normalize,
        parse_lexicon, tokenize,
    )

    tokens = tokenize(normalize(text))
    lexicons = dict(load_lexicons())
    for name in RULE_LEXICONS:
        lexicons[name] = parse_lexicon((LEXICON_DIR / f"{name}.txt").read_text().splitlines())
    counts = lexicon_index().counts(tokens)
    assert counts == {name: count_hits(tokens, lex) for name, lex in lexicons.items()}
    assert sum(counts.values()) > 0

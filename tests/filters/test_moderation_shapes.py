"""OpenAI shapes: the `/v1/moderations` rendering and the caring self-harm answer."""

from __future__ import annotations

import pytest

from filters.moderation.backend import LOCAL_MODEL_NAME, flagged_categories, render_openai_response
from filters.moderation.categories import CATEGORIES, empty_scores
from filters.moderation.policy import SafeAnswer
from filters.moderation.safe_answer import completion_body, completion_chunks, render_text

ANSWER = SafeAnswer(
    message="I'm really sorry you're going through this. You deserve support right now.",
    resources=[
        {"name": "988 Suicide & Crisis Lifeline", "contact": "call or text 988", "hours": "24/7",
         "url": "https://988lifeline.org"},
        {"name": "Crisis Text Line", "contact": "text HOME to 741741"},
    ],
)


def test_moderation_response_has_openais_shape_and_one_result_per_input():
    risky = empty_scores() | {"self-harm": 0.93, "self-harm/intent": 0.71, "violence": 0.2}
    body = render_openai_response([risky, empty_scores()], response_id="modr-abc")
    assert body["id"] == "modr-abc" and body["model"] == LOCAL_MODEL_NAME
    assert len(body["results"]) == 2
    first, second = body["results"]
    for result in body["results"]:
        assert set(result) == {"flagged", "categories", "category_scores", "category_applied_input_types"}
        assert list(result["categories"]) == list(CATEGORIES)
        assert all(isinstance(v, bool) for v in result["categories"].values())
        assert all(0.0 <= v <= 1.0 for v in result["category_scores"].values())
        assert all(v == ["text"] for v in result["category_applied_input_types"].values())
    assert first["flagged"] is True
    assert [c for c, hit in first["categories"].items() if hit] == ["self-harm", "self-harm/intent"]
    assert first["category_scores"]["self-harm"] == pytest.approx(0.93)
    assert second["flagged"] is False


def test_moderation_response_ids_are_unique_when_not_given():
    assert render_openai_response([])["id"] != render_openai_response([])["id"]


def test_flagged_categories_respect_per_category_thresholds():
    scores = empty_scores() | {"hate": 0.4, "violence": 0.6}
    assert flagged_categories(scores) == ["violence"]
    assert flagged_categories(scores, {"hate": 0.3, "violence": 0.7}) == ["hate"]


def test_safe_answer_text_holds_the_message_and_every_resource():
    text = render_text(ANSWER)
    assert text.startswith("I'm really sorry")
    assert "call or text 988 (24/7) https://988lifeline.org" in text
    assert "text HOME to 741741" in text


def test_safe_answer_is_a_valid_chat_completion():
    body = completion_body(ANSWER, "gpt-4o-mini", completion_id="chatcmpl-1", created=1700000000)
    assert body["object"] == "chat.completion" and body["model"] == "gpt-4o-mini"
    assert body["id"] == "chatcmpl-1" and body["created"] == 1700000000
    (choice,) = body["choices"]
    assert choice["index"] == 0 and choice["finish_reason"] == "stop"
    assert choice["message"]["role"] == "assistant"
    assert choice["message"]["content"] == render_text(ANSWER)
    assert set(body["usage"]) == {"prompt_tokens", "completion_tokens", "total_tokens"}


@pytest.mark.parametrize("include_usage", [False, True])
def test_safe_answer_chunks_are_a_valid_stream_that_rebuilds_the_text(include_usage):
    chunks = completion_chunks(ANSWER, "gpt-4o-mini", include_usage=include_usage)
    assert len({c["id"] for c in chunks}) == 1
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    with_choices = [c for c in chunks if c["choices"]]
    assert with_choices[0]["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    assert with_choices[-1]["choices"][0]["finish_reason"] == "stop"
    assert all(c["choices"][0]["finish_reason"] is None for c in with_choices[:-1])
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in with_choices)
    assert text == render_text(ANSWER)
    usage = [c for c in chunks if not c["choices"]]
    assert len(usage) == (1 if include_usage else 0)
    if include_usage:
        assert chunks[-1] is usage[0] and "total_tokens" in usage[0]["usage"]


def test_openai_sdk_parses_the_safe_answer_and_the_moderation_response():
    import openai.types as openai_types
    chat = openai_types.chat.ChatCompletion.model_validate(completion_body(ANSWER, "m"))
    assert chat.choices[0].message.content == render_text(ANSWER)
    for chunk in completion_chunks(ANSWER, "m", include_usage=True):
        openai_types.chat.ChatCompletionChunk.model_validate(chunk)
    moderation = openai_types.ModerationCreateResponse.model_validate(
        render_openai_response([empty_scores() | {"hate": 0.9}]))
    assert moderation.results[0].categories.hate is True

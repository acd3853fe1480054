"""Text of a turn as the provider saw it and answered it: the (already redacted) request body
after every filter, and the provider's answer as it sent it (placeholders, never restored
values). Only text endpoints are recorded: chat completions, completions, responses."""

from __future__ import annotations

from typing import Any

from gateway.context import RequestContext
from gateway.endpoints import CHAT, COMPLETIONS, RESPONSES

RECORDED = frozenset({CHAT.name, COMPLETIONS.name, RESPONSES.name})
Message = dict[str, str]


def _content_text(content: Any) -> tuple[str, bool]:
    """(text, had_audio) of a message content: a string or a list of content parts."""
    if isinstance(content, str):
        return content, False
    texts, audio = [], False
    if isinstance(content, list):
        for part in content:
            if not isinstance(part, dict):
                continue
            kind = part.get("type")
            if kind in ("text", "input_text", "output_text") and isinstance(part.get("text"), str):
                texts.append(part["text"])
            elif kind in ("input_audio", "audio"):
                audio = True
    return "\n".join(texts), audio


def prompt_of(ctx: RequestContext) -> tuple[list[Message], str]:
    """The messages this turn added (those after the last assistant message) and the modality."""
    body = ctx.body or {}
    audio = False
    messages: list[Message] = []
    if ctx.endpoint.name == CHAT.name:
        items = body.get("messages") or []
    elif ctx.endpoint.name == RESPONSES.name:
        items = body.get("input")
        items = [{"role": "user", "content": items}] if isinstance(items, str) else (items or [])
        if isinstance(body.get("instructions"), str):
            messages.append({"role": "system", "content": body["instructions"]})
    else:
        prompt = body.get("prompt")
        return ([{"role": "user", "content": prompt}] if isinstance(prompt, str) else []), "text"
    start = 0
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get("role") == "assistant":
            start = i + 1
    for item in items[start:]:
        if not isinstance(item, dict) or item.get("role") not in ("user", "system", "developer", "tool"):
            continue
        text, had_audio = _content_text(item.get("content"))
        audio = audio or had_audio
        messages.append({"role": item["role"], "content": text})
    return messages, "audio" if audio else "text"


def audio_of(ctx: RequestContext) -> list[dict[str, str]]:
    """The audio parts (`input_audio`) of the messages this turn added, as {"f": format, "d":
    base64}; kept only where the tenant keeps adults' audio (the recorder decides)."""
    body = ctx.body or {}
    items = body.get("messages") if ctx.endpoint.name == CHAT.name else body.get("input")
    if not isinstance(items, list):
        return []
    start = 0
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get("role") == "assistant":
            start = i + 1
    found = []
    for item in items[start:]:
        content = item.get("content") if isinstance(item, dict) else None
        for part in content if isinstance(content, list) else []:
            audio = part.get("input_audio") if isinstance(part, dict) else None
            if isinstance(audio, dict) and isinstance(audio.get("data"), str):
                found.append({"f": str(audio.get("format") or "wav")[:8], "d": audio["data"]})
    return found


def answer_of(endpoint: str, body: Any) -> str:
    """The assistant text of a whole (non-streamed) answer."""
    if not isinstance(body, dict):
        return ""
    if endpoint == RESPONSES.name:
        texts = []
        for item in body.get("output") or []:
            if isinstance(item, dict) and item.get("type") == "message":
                texts.append(_content_text(item.get("content"))[0])
        return "".join(texts)
    choice = (body.get("choices") or [{}])[0]
    if not isinstance(choice, dict):
        return ""
    if endpoint == COMPLETIONS.name:
        return choice.get("text") or ""
    message = choice.get("message") or {}
    return message.get("content") or "" if isinstance(message, dict) else ""


def delta_of(endpoint: str, event: Any) -> str:
    """The assistant text one streamed event adds."""
    if not isinstance(event, dict):
        return ""
    if endpoint == RESPONSES.name:
        return event.get("delta") or "" if event.get("type") == "response.output_text.delta" else ""
    choices = event.get("choices") or []
    choice = choices[0] if choices and isinstance(choices[0], dict) else {}
    if endpoint == COMPLETIONS.name:
        return choice.get("text") or ""
    delta = choice.get("delta") or {}
    return (delta.get("content") or "") if isinstance(delta, dict) else ""

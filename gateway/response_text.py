"""Where text lives in each endpoint's answer, whole or streamed, and how response filters see it.

Response filters (placeholder restoration, output moderation) run over every text stream of
an answer: a chat choice's content or refusal, each tool call's arguments (JSON-escaped), a
completion's text, a Responses content part or function call, and the text of a Responses
built-in tool call (a web search's query, a shell command) when its item is complete. Streams are keyed so that parallel choices
and tool calls never mix, and whatever a filter still holds is flushed where its stream ends:
into the chunk that carries the finish reason, into a delta event just before a `.done` event,
or into a last chunk before `[DONE]`.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from filters.base import ResponseFilter
from filters.walkers import tool_call_text

from . import endpoints as ep
from .context import RequestContext
from .sse import DONE, SSEEvent, encode


class ResponseChain:
    """The tenant's response filters with the streams they have seen. They run in the reverse of
    the order their request filters ran (DESIGN.md): the last filter to touch the request is the
    first to see the answer, so the minors' output guard judges the model's own words, with
    placeholders, before restoration puts the user's values back in."""

    def __init__(self, ctx: RequestContext, filters: Sequence[ResponseFilter]) -> None:
        self.ctx = ctx
        self.filters = list(reversed(filters))
        self.open: dict[Hashable, bool] = {}  # stream key -> escaped

    def whole(self, text: Any, escaped: bool = False) -> Any:
        if not isinstance(text, str):
            return text
        for f in self.filters:
            text = f.on_text(self.ctx, text, None, escaped)
        return text

    def feed(self, key: Hashable, text: Any, escaped: bool = False) -> Any:
        if not isinstance(text, str):
            return text
        self.open[key] = escaped
        for f in self.filters:
            text = f.on_text(self.ctx, text, key, escaped)
        return text

    def end(self, key: Hashable) -> str:
        """Flush the stream: what an earlier filter releases still passes through the later ones."""
        escaped = self.open.pop(key, False)
        out = ""
        for f in self.filters:
            passed = f.on_text(self.ctx, out, key, escaped) if out else ""
            out = passed + f.on_end(self.ctx, key, escaped)
        return out

    def end_matching(self, prefix: tuple) -> dict[Hashable, str]:
        keys = [k for k in self.open if isinstance(k, tuple) and k[: len(prefix)] == prefix]
        return {k: self.end(k) for k in keys}


# Whole answers ---------------------------------------------------------------------------

def _message(chain: ResponseChain, message: dict[str, Any]) -> None:
    message["content"] = chain.whole(message.get("content"))
    if isinstance(message.get("refusal"), str):  # a refusal may quote the request's placeholders
        message["refusal"] = chain.whole(message["refusal"])
    for call in message.get("tool_calls") or []:
        function = call.get("function") if isinstance(call, dict) else None
        if isinstance(function, dict):
            function["arguments"] = chain.whole(function.get("arguments"), escaped=True)


def _response_items(chain: ResponseChain, items: Any) -> None:
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        for part in item.get("content") or []:
            if isinstance(part, dict) and "text" in part:
                part["text"] = chain.whole(part["text"])
        if "arguments" in item:
            item["arguments"] = chain.whole(item["arguments"], escaped=True)
        for container, key in tool_call_text(item):  # a web search's query, a shell command...
            container[key] = chain.whole(container[key])


def transform_json(chain: ResponseChain, body: Any) -> Any:
    if not isinstance(body, dict):
        return body
    endpoint = chain.ctx.endpoint
    if endpoint is ep.CHAT:
        for choice in body.get("choices") or []:
            if isinstance(choice, dict) and isinstance(choice.get("message"), dict):
                _message(chain, choice["message"])
    elif endpoint is ep.COMPLETIONS:
        for choice in body.get("choices") or []:
            if isinstance(choice, dict):
                choice["text"] = chain.whole(choice.get("text"))
    elif endpoint is ep.RESPONSES:
        _response_items(chain, body.get("output"))
    return body


# Streams ---------------------------------------------------------------------------------

class StreamTransformer:
    """Turns each upstream event into the events to send, restoring text on the way."""

    def __init__(self, chain: ResponseChain) -> None:
        self.chain = chain
        self.last_chunk: dict[str, Any] | None = None

    def events(self, event: SSEEvent) -> list[bytes]:
        data = event.data
        if data is None:
            return [event.raw]
        if data == DONE:
            return [*self.flush_all(), event.raw]
        try:
            payload = event.json()
        except ValueError:
            return [event.raw]
        if not isinstance(payload, dict):
            return [event.raw]
        endpoint = self.chain.ctx.endpoint
        if endpoint in (ep.CHAT, ep.COMPLETIONS):
            self._choices(payload, chat=endpoint is ep.CHAT)
            return [encode(payload, event.event)]
        if endpoint is ep.RESPONSES:
            return [*self._responses(payload), encode(payload, event.event)]
        return [event.raw]

    def _choices(self, chunk: dict[str, Any], chat: bool) -> None:
        self.last_chunk = {k: chunk[k] for k in ("id", "object", "created", "model") if k in chunk}
        for choice in chunk.get("choices") or []:
            if not isinstance(choice, dict):
                continue
            index = choice.get("index", 0)
            if not chat:
                text = self.chain.feed(("c", index), choice.get("text"))
                if choice.get("finish_reason"):
                    text = (text or "") + self.chain.end(("c", index))
                if text is not None:
                    choice["text"] = text
                continue
            delta = choice.get("delta")
            if not isinstance(delta, dict):
                continue
            if "content" in delta:
                delta["content"] = self.chain.feed(("c", index), delta["content"])
            if isinstance(delta.get("refusal"), str):
                delta["refusal"] = self.chain.feed(("r", index), delta["refusal"])
            for call in delta.get("tool_calls") or []:
                function = call.get("function") if isinstance(call, dict) else None
                if isinstance(function, dict) and "arguments" in function:
                    function["arguments"] = self.chain.feed(("t", index, call.get("index", 0)), function["arguments"], True)
            if choice.get("finish_reason"):
                self._flush_choice(index, delta)

    def _flush_choice(self, index: int, delta: dict[str, Any]) -> None:
        for key, text in self.chain.end_matching(("c", index)).items():
            if text:
                delta["content"] = (delta.get("content") or "") + text
        for key, text in self.chain.end_matching(("r", index)).items():
            if text:
                delta["refusal"] = (delta.get("refusal") or "") + text
        for key, text in self.chain.end_matching(("t", index)).items():
            if text:
                delta.setdefault("tool_calls", []).append({"index": key[2], "function": {"arguments": text}})

    def flush_all(self) -> list[bytes]:
        """A stream that ended without finish reasons still gets what was held back."""
        if not self.chain.open:
            return []
        if self.chain.ctx.endpoint is ep.RESPONSES:
            texts = [encode({"type": "response.output_text.delta", "item_id": k[1], "output_index": 0,
                             "content_index": k[2], "delta": t}, "response.output_text.delta")
                     for k, t in self.chain.end_matching(("o",)).items() if t]
            calls = [encode({"type": "response.function_call_arguments.delta", "item_id": k[1], "output_index": 0,
                             "delta": t}, "response.function_call_arguments.delta")
                     for k, t in self.chain.end_matching(("f",)).items() if t]
            return texts + calls
        chat = self.chain.ctx.endpoint is ep.CHAT
        choices = []
        for index in sorted({k[1] for k in self.chain.open if isinstance(k, tuple)}):
            if chat:
                delta: dict[str, Any] = {}
                self._flush_choice(index, delta)
                choices.append({"index": index, "delta": delta, "finish_reason": None})
            else:
                choices.append({"index": index, "text": self.chain.end(("c", index)), "finish_reason": None})
        return [encode({**(self.last_chunk or {}), "choices": choices})]

    def _responses(self, event: dict[str, Any]) -> list[bytes]:
        kind = event.get("type")
        before: list[bytes] = []
        if kind == "response.output_text.delta":
            event["delta"] = self.chain.feed(("o", event.get("item_id"), event.get("content_index")), event.get("delta"))
        elif kind == "response.function_call_arguments.delta":
            event["delta"] = self.chain.feed(("f", event.get("item_id")), event.get("delta"), True)
        elif kind == "response.output_text.done":
            held = self.chain.end(("o", event.get("item_id"), event.get("content_index")))
            if held:
                before.append(encode({**event, "type": "response.output_text.delta", "delta": held},
                                     "response.output_text.delta"))
            event["text"] = self.chain.whole(event.get("text"))
        elif kind == "response.function_call_arguments.done":
            held = self.chain.end(("f", event.get("item_id")))
            if held:
                before.append(encode({**event, "type": "response.function_call_arguments.delta", "delta": held},
                                     "response.function_call_arguments.delta"))
            event["arguments"] = self.chain.whole(event.get("arguments"), escaped=True)
        elif kind == "response.content_part.done" and isinstance(event.get("part"), dict):
            event["part"]["text"] = self.chain.whole(event["part"].get("text"))
        elif kind == "response.output_item.done":
            _response_items(self.chain, [event.get("item")])
        elif isinstance(event.get("response"), dict):
            _response_items(self.chain, event["response"].get("output"))
        return before

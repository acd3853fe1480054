"""The JSON types of the request fields the filters read, checked once at the boundary.

The walkers (filters/walkers.py) descend into these fields to find every text. A field of
another JSON type (`"messages": {"a": "..."}`, a message whose `role` is a list) is the
caller's mistake, and it is one the walkers cannot read: passed on, its text would reach
the provider unredacted inside a request the provider then refuses; stopped inside a filter,
it would be a 503 that clients retry. So it is refused here, 400 naming the field, as
OpenAI names it. `null` is always accepted (it holds no text), and only these containers are
checked: the provider validates everything else.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from . import endpoints as ep
from .endpoints import Endpoint
from .errors import InvalidRequest

_TYPE_NAMES = {str: "a string", list: "an array", dict: "an object"}

# Fields of every JSON endpoint: the end-user identifiers and the app's metadata.
_COMMON: tuple[tuple[str, tuple[type, ...]], ...] = (
    ("user", (str,)),
    ("safety_identifier", (str,)),
    ("prompt_cache_key", (str,)),
    ("metadata", (dict,)),
    ("tools", (list,)),
)
# A content list's parts, wherever content may be a list.
_MESSAGE_CONTENT: tuple[tuple[str, tuple[type, ...]], ...] = (
    ("role", (str,)),
    ("type", (str,)),
    ("content", (str, list)),
    ("content[]", (str, dict)),
    ("content[].type", (str,)),
)

# Paths: keys joined by ".", "[]" after a key for every item of its array.
SHAPES: dict[Endpoint, tuple[tuple[str, tuple[type, ...]], ...]] = {
    ep.CHAT: (
        ("messages", (list,)),
        ("messages[]", (dict,)),
        *((f"messages[].{path}", types) for path, types in _MESSAGE_CONTENT),
        ("messages[].name", (str,)),
        ("messages[].refusal", (str,)),
        ("messages[].tool_calls", (list,)),
        ("messages[].tool_calls[]", (dict,)),
        ("messages[].tool_calls[].function", (dict,)),
        ("messages[].tool_calls[].function.arguments", (str,)),
        ("messages[].function_call", (dict,)),
        ("messages[].function_call.arguments", (str,)),
        ("prediction", (dict,)),
        ("prediction.content", (str, list)),
        ("web_search_options", (dict,)),
    ),
    ep.RESPONSES: (
        ("input", (str, list)),
        ("input[]", (dict,)),
        *((f"input[].{path}", types) for path, types in _MESSAGE_CONTENT),
        ("instructions", (str,)),
        ("prompt", (dict,)),
        ("prompt.variables", (dict,)),
    ),
    ep.COMPLETIONS: (("prompt", (str, list)), ("suffix", (str,))),
    ep.EMBEDDINGS: (("input", (str, list)),),
    ep.MODERATIONS: (("input", (str, list)), ("input[]", (str, dict)), ("input[].type", (str,))),
    ep.SPEECH: (("input", (str,)), ("instructions", (str,))),
}


def _nodes(value: Any, steps: list[str], where: str) -> Iterator[tuple[str, Any]]:
    """(the field's name as OpenAI writes it, its value) for each field at `steps`."""
    if not steps:
        yield where, value
        return
    step, rest = steps[0], steps[1:]
    key, each = (step[:-2], True) if step.endswith("[]") else (step, False)
    if not isinstance(value, dict) or value.get(key) is None:
        return
    name = f"{where}.{key}" if where else key
    child = value[key]
    if not each:
        yield from _nodes(child, rest, name)
    elif isinstance(child, list):
        for i, item in enumerate(child):
            if item is not None:
                yield from _nodes(item, rest, f"{name}[{i}]")


def check_body_shape(endpoint: Endpoint, body: dict[str, Any]) -> None:
    """Raises InvalidRequest (400 `invalid_type`, `param` the field) at the first field the
    filters would read whose JSON type is not one they can."""
    for path, types in (*_COMMON, *SHAPES.get(endpoint, ())):
        for name, value in _nodes(body, path.split("."), ""):
            if value is not None and not isinstance(value, types):
                expected = " or ".join(_TYPE_NAMES[t] for t in types)
                raise InvalidRequest(f"'{name}' must be {expected}.", code="invalid_type", param=name)

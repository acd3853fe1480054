"""The JSON types of the request fields the filters read, checked once at the boundary.

The walkers (filters/walkers.py) descend into these fields to find every text. A field of
another JSON type (`"messages": {"a": "..."}`, a message whose `role` is a list) is the
caller's mistake, and it is one the walkers cannot read: passed on, its text would reach
the provider unredacted inside a request the provider then refuses; stopped inside a filter,
it would be a 503 that clients retry. So it is refused here, 400 naming the field, as
OpenAI names it. `null` is always accepted (it holds no text), and only these containers are
checked: the provider validates everything else. One walk of the body follows a tree of
the fields (a 50-message conversation costs tens of microseconds); the failing field's name
is only put together on the way out of a mismatch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import endpoints as ep
from .endpoints import Endpoint
from .errors import InvalidRequest

_TYPE_NAMES = {str: "a string", list: "an array", dict: "an object"}


@dataclass(frozen=True, slots=True)
class Shape:
    """The JSON types a field may have; for an object, the shapes of its fields; for an
    array, the shape of its items."""

    types: tuple[type, ...]
    fields: dict[str, "Shape"] = field(default_factory=dict)
    items: "Shape | None" = None


class _Mismatch(Exception):
    def __init__(self, expected: tuple[type, ...]) -> None:
        super().__init__()
        self.expected = expected
        self.path: list[str | int] = []  # innermost first


def _check(value: Any, shape: Shape) -> None:
    if not isinstance(value, shape.types):
        raise _Mismatch(shape.types)
    if shape.fields and isinstance(value, dict):
        for key, inner in shape.fields.items():
            child = value.get(key)
            if child is not None:
                try:
                    _check(child, inner)
                except _Mismatch as mismatch:
                    mismatch.path.append(key)
                    raise
    if shape.items is not None and isinstance(value, list):
        for i, item in enumerate(value):
            if item is not None:
                try:
                    _check(item, shape.items)
                except _Mismatch as mismatch:
                    mismatch.path.append(i)
                    raise


STRING, ARRAY, OBJECT = Shape((str,)), Shape((list,)), Shape((dict,))
_CONTENT = {"role": STRING, "type": STRING,
            "content": Shape((str, list), items=Shape((str, dict), {"type": STRING}))}
_ARGUMENTS = Shape((dict,), {"arguments": STRING})
# Fields of every JSON endpoint: the end-user identifiers, the app's metadata, the tools.
_COMMON = {"user": STRING, "safety_identifier": STRING, "prompt_cache_key": STRING, "metadata": OBJECT,
           "tools": ARRAY}
SHAPES: dict[Endpoint, Shape] = {
    ep.CHAT: Shape((dict,), {**_COMMON, "messages": Shape((list,), items=Shape((dict,), {
        **_CONTENT, "name": STRING, "refusal": STRING, "function_call": _ARGUMENTS,
        "tool_calls": Shape((list,), items=Shape((dict,), {"function": _ARGUMENTS}))})),
        "prediction": Shape((dict,), {"content": Shape((str, list))}), "web_search_options": OBJECT}),
    ep.RESPONSES: Shape((dict,), {**_COMMON, "input": Shape((str, list), items=Shape((dict,), _CONTENT)),
                                  "instructions": STRING, "prompt": Shape((dict,), {"variables": OBJECT})}),
    ep.COMPLETIONS: Shape((dict,), {**_COMMON, "prompt": Shape((str, list)), "suffix": STRING}),
    ep.EMBEDDINGS: Shape((dict,), {**_COMMON, "input": Shape((str, list))}),
    ep.MODERATIONS: Shape((dict,), {**_COMMON, "input": Shape((str, list),
                                                              items=Shape((str, dict), {"type": STRING}))}),
    ep.SPEECH: Shape((dict,), {**_COMMON, "input": STRING, "instructions": STRING}),
}
_ANY_BODY = Shape((dict,), _COMMON)


def check_body_shape(endpoint: Endpoint, body: dict[str, Any]) -> None:
    """Raises InvalidRequest (400 `invalid_type`, `param` the field) at the first field the
    filters would read whose JSON type is not one they can."""
    try:
        _check(body, SHAPES.get(endpoint, _ANY_BODY))
    except _Mismatch as mismatch:
        name = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in reversed(mismatch.path))
        name = name.removeprefix(".")
        expected = " or ".join(_TYPE_NAMES[t] for t in mismatch.expected)
        raise InvalidRequest(f"'{name}' must be {expected}.", code="invalid_type", param=name) from None

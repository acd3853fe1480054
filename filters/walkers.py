"""Where text lives in each endpoint's request, so that no path is left unchecked: shared by
PII redaction (which rewrites the slots) and moderation (which reads them).

A walker collects `TextSlots`: places in the body (or form) holding a string, plus JSON
strings (tool-call arguments) whose inner string values are slots of their own and which are
re-serialised after redaction so they stay valid JSON. It also reports what it cannot read:
non-text parts (images, files, input audio) and token arrays, which the policy allows or
refuses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import orjson

from gateway import endpoints as ep
from gateway.context import RequestContext
from gateway.multipart import MultipartForm

_TEXT_PART_TYPES = frozenset({"text", "input_text", "output_text", "refusal", "summary_text", "reasoning_text"})
_NON_TEXT_PART_TYPES = frozenset({"image_url", "input_image", "file", "input_file", "input_audio", "audio"})
_DATA_URL = re.compile(r"data:[a-z]+/[\w.+-]+[;,]")
_JSON_OPENERS, _JSON_CLOSERS = ("{", "["), ("}", "]")
# Keys of an item or part of an unknown type that hold no one's words: identifiers, states,
# the provider's encrypted or signed blobs, file references.
_OPAQUE_KEYS = frozenset({"type", "id", "call_id", "item_id", "status", "role", "model", "encrypted_content",
                          "signature", "file_id", "fingerprint", "approval_request_id", "server_label"})


@dataclass(slots=True)
class TextSlots:
    refs: list[tuple[Any, Any]] = field(default_factory=list)
    json_strings: list[tuple[Any, Any, Any]] = field(default_factory=list)
    # Participant names (a chat message's `name`): an identifier as a whole, not prose, and
    # held to the provider's name pattern (no spaces, no angle brackets).
    names: list[tuple[Any, Any]] = field(default_factory=list)
    # End-user identifiers the app passes for the provider's abuse monitoring and caching
    # (`user`, `safety_identifier`, `prompt_cache_key`): an e-mail address as often as an id.
    identifiers: list[tuple[Any, Any]] = field(default_factory=list)
    # The end user's approximate location for the provider's web search (city, region, time
    # zone): each a place as a whole, with nothing around it for a recognizer to read.
    places: list[tuple[Any, Any]] = field(default_factory=list)
    non_text_parts: int = 0
    token_arrays: int = 0
    # The app's own field names beside the values they hold, where the app chose them (its
    # functions' parameters, a prompt's variables, its metadata): (index into `refs`, field
    # name). A value there has no sentence around it; its field says what it is.
    fields: list[tuple[int, str]] = field(default_factory=list)

    def add_field(self, container: Any, key: Any, name: str | None = None) -> None:
        """A string under a field name the app chose (`{"customer_name": "..."}`): `name`, or
        the key itself (a list's items go by the list's name)."""
        if isinstance(container[key], str) and container[key]:
            self.fields.append((len(self.refs), key if name is None else name))
            self.refs.append((container, key))

    def add(self, container: Any, key: Any) -> None:
        try:
            value = container[key]
        except (KeyError, IndexError):
            return
        if isinstance(value, str) and value:
            self.refs.append((container, key))

    def add_text(self, container: Any, key: Any) -> None:
        """A message's text, or a JSON document pasted or returned as one (a tool's result, a
        record a user pasted): the document's values are redacted one by one under their
        field names, and it stays valid JSON. As prose, a record's keys, quotes and braces
        ran into the names and numbers around them, and the provider got it broken."""
        value = container[key] if isinstance(container, list) else container.get(key)
        if isinstance(value, str) and value.lstrip()[:1] in _JSON_OPENERS and value.rstrip()[-1:] in _JSON_CLOSERS:
            self.add_json_string(container, key)  # braces at both ends: an object or array, or prose
        else:
            self.add(container, key)

    def add_json_string(self, container: Any, key: Any) -> None:
        """Tool-call arguments: redact inside the JSON, keep it valid. Unparseable arguments
        (a model's half-written JSON) are redacted as plain text."""
        raw = container[key] if isinstance(container, list) else container.get(key)
        if not isinstance(raw, str) or not raw:
            return
        try:
            parsed = orjson.loads(raw)
        except orjson.JSONDecodeError:
            self.add(container, key)
            return
        holder = [parsed]
        self.add_values(holder, 0, named=True)
        self.json_strings.append((container, key, holder))

    def add_values(self, container: Any, key: Any, *, unknown: bool = False, named: bool = False,
                   name: str | None = None) -> None:
        """Every string inside a JSON value, however deep. `unknown`: the value is an item or
        content part of a type this walker does not know (an API newer than this code), read
        whole but for what names, points or signs (`_OPAQUE_KEYS`), with a `data:` URL as a
        non-text part. Walking too much beats letting a new field through unread."""
        value = container[key]
        if isinstance(value, str):
            if unknown and _DATA_URL.match(value):
                self.non_text_parts += 1
            elif name is not None:
                self.add_field(container, key, name)
            else:
                self.add(container, key)
        elif isinstance(value, list):  # a list's items go by the list's field name
            for i in range(len(value)):
                self.add_values(value, i, unknown=unknown, named=named, name=name)
        elif isinstance(value, dict):
            for k in value:
                if not (unknown and k in _OPAQUE_KEYS):
                    self.add_values(value, k, unknown=unknown, named=named,
                                    name=k if named and isinstance(k, str) else None)

    @property
    def texts(self) -> list[str]:
        return [c[k] for c, k in self.refs]

    def write(self, texts: list[str]) -> None:
        for (container, key), text in zip(self.refs, texts, strict=True):
            container[key] = text
        for container, key, holder in self.json_strings:
            container[key] = orjson.dumps(holder[0]).decode()


def _content(slots: TextSlots, message: dict[str, Any], key: str = "content") -> None:
    content = message.get(key)
    if isinstance(content, str):
        slots.add_text(message, key)
    elif isinstance(content, list):
        for i, part in enumerate(content):
            if isinstance(part, str):
                slots.add_text(content, i)
            elif isinstance(part, dict):
                kind = part.get("type")
                if not isinstance(kind, str | None):
                    slots.add_values(content, i, unknown=True)
                elif kind in _TEXT_PART_TYPES:
                    text_key = "text" if "text" in part else kind
                    if isinstance(part.get(text_key), str):
                        slots.add_text(part, text_key)
                    elif text_key in part:  # misshapen, yet the provider would read it
                        slots.add_values(part, text_key, unknown=True)
                elif kind in _NON_TEXT_PART_TYPES:
                    slots.non_text_parts += 1
                else:
                    slots.add_values(content, i, unknown=True)


# Roles whose `name` names a participant; a legacy `function` message's names a function.
_PARTICIPANT_ROLES = frozenset({"system", "developer", "user", "assistant"})


def web_search_settings(body: dict[str, Any]) -> list[dict[str, Any]]:
    """Where a request can carry its end user's location for the provider's web search: chat
    `web_search_options`, Responses web search tools (each may hold a `user_location`)."""
    tools = body.get("tools") if isinstance(body.get("tools"), list) else []
    settings = [t for t in tools if isinstance(t, dict) and str(t.get("type", "")).startswith("web_search")]
    if isinstance(body.get("web_search_options"), dict):
        settings.insert(0, body["web_search_options"])
    return settings


def _user_locations(body: dict[str, Any], slots: TextSlots) -> None:
    """`{"city", "region", "country", "timezone"}` (under `approximate` in chat): the country
    is an ISO code, as coarse as the provider's own view of the caller's address; the rest
    can point at a town."""
    for settings in web_search_settings(body):
        location = settings.get("user_location")
        if isinstance(location, dict) and isinstance(location.get("approximate"), dict):
            location = location["approximate"]
        for key in ("city", "region", "timezone") if isinstance(location, dict) else ():
            if isinstance(location.get(key), str) and location[key].strip():
                slots.places.append((location, key))


def _chat(body: dict[str, Any], slots: TextSlots) -> None:
    if isinstance(body.get("prediction"), dict):  # Predicted Outputs: the text to be rewritten
        _content(slots, body["prediction"])
    _user_locations(body, slots)
    for message in body.get("messages") or []:
        if not isinstance(message, dict):
            continue
        _content(slots, message)
        slots.add(message, "refusal")  # an earlier answer's refusal, sent back: restored text in it
        if message.get("role") in _PARTICIPANT_ROLES and isinstance(message.get("name"), str) and message["name"]:
            slots.names.append((message, "name"))
        if isinstance(message.get("audio"), dict):
            slots.non_text_parts += 1
        for call in message.get("tool_calls") or []:
            if isinstance(call, dict) and isinstance(call.get("function"), dict):
                slots.add_json_string(call["function"], "arguments")
        if isinstance(message.get("function_call"), dict):
            slots.add_json_string(message["function_call"], "arguments")


def _prompt_variables(body: dict[str, Any], slots: TextSlots) -> None:
    """A reusable prompt's variables (`prompt.variables`): the values the app fills into its
    stored template, a customer's name or e-mail address as often as not."""
    prompt = body.get("prompt")
    variables = prompt.get("variables") if isinstance(prompt, dict) else None
    for key, value in variables.items() if isinstance(variables, dict) else ():
        if isinstance(value, str):
            slots.add_field(variables, key)
        elif isinstance(value, dict) and value.get("type") in _TEXT_PART_TYPES:
            slots.add(value, "text")
        elif isinstance(value, dict):
            slots.non_text_parts += 1


def _responses(body: dict[str, Any], slots: TextSlots) -> None:
    slots.add(body, "instructions")
    _prompt_variables(body, slots)
    _user_locations(body, slots)
    items = body.get("input")
    if isinstance(items, str):
        slots.add(body, "input")
        return
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        kind = item.get("type", "message")
        if not isinstance(kind, str):
            slots.add_values(items, index, unknown=True)
        elif kind == "message" or "role" in item:
            _content(slots, item)
        elif kind in _ARGUMENTS_CALLS:
            if isinstance(item.get("arguments"), str):
                slots.add_json_string(item, "arguments")
            elif "arguments" in item:  # a tool search's arguments may come as an object
                slots.add_values(item, "arguments")
            slots.add(item, "input")
            slots.add(item, "output")
        elif kind in _OUTPUT_ITEMS:
            _content(slots, item, "output")
        elif kind == "agent_message":
            _content(slots, item)
        elif kind == "reasoning":  # an earlier turn's reasoning, sent back: restored text in it
            _content(slots, item, "summary")
            _content(slots, item, "content")
        elif kind in _TOOL_CALL_TEXT:  # earlier built-in tool calls, sent back with restored text
            for container, key in tool_call_text(item):
                slots.add(container, key)
        elif kind in _NON_TEXT_PART_TYPES or kind in _NON_TEXT_ITEMS:
            slots.non_text_parts += 1
        elif kind not in _OPAQUE_ITEMS:
            slots.add_values(items, index, unknown=True)


# Built-in tool calls an app sends back from an earlier turn, and where their text is: a web
# search's query, a file search's queries and results, the code the interpreter ran and its
# logs, a shell command. Paths are keys; "*" is every item of a list.
_TOOL_CALL_TEXT: dict[str, tuple[tuple[str, ...], ...]] = {
    "web_search_call": (("action", "query"), ("action", "queries", "*")),
    "file_search_call": (("queries", "*"), ("results", "*", "text")),
    "code_interpreter_call": (("code",), ("outputs", "*", "logs")),
    "local_shell_call": (("action", "command", "*"),),
    "shell_call": (("action", "commands", "*"),),
    "shell_call_output": (("output", "*", "stdout"), ("output", "*", "stderr")),
    "computer_call": (("action", "text"), ("actions", "*", "text")),  # what the agent typed
    "apply_patch_call": (("operation", "diff"),),
    "program": (("code",),),
    "program_output": (("result",),),
    "mcp_approval_response": (("reason",),),  # the user's words on why they refused a call
}
# Items that are an image: a screenshot sent back, an image the model generated (base64).
_NON_TEXT_ITEMS = frozenset({"computer_call_output", "image_generation_call"})
# Items with nothing anyone wrote in them: references, the provider's encrypted state, tool
# definitions (the app's or an MCP server's, not its users').
_OPAQUE_ITEMS = frozenset({"item_reference", "compaction", "compaction_trigger", "tool_search_output",
                           "additional_tools", "mcp_list_tools"})
# Calls whose arguments (JSON, or an object) and any plain `input` / `output` are text.
_ARGUMENTS_CALLS = frozenset({"function_call", "custom_tool_call", "mcp_call", "mcp_approval_request",
                              "tool_search_call", "multi_agent_call"})
# Outputs sent back as a string or as content parts.
_OUTPUT_ITEMS = frozenset({"function_call_output", "custom_tool_call_output", "local_shell_call_output",
                           "apply_patch_call_output", "multi_agent_call_output"})


def tool_call_text(item: dict[str, Any]) -> list[tuple[Any, Any]]:
    """(container, key) of every string a built-in tool call item holds at its `_TOOL_CALL_TEXT`
    paths; shared with restoration, which puts the originals back into the same places."""
    refs: list[tuple[Any, Any]] = []
    for *steps, last in _TOOL_CALL_TEXT.get(item.get("type"), ()):
        nodes: list[Any] = [item]
        for step in steps:
            nodes = [x for n in nodes if isinstance(n, list) for x in n] if step == "*" else \
                [n[step] for n in nodes if isinstance(n, dict) and step in n]
        for node in nodes:
            if last == "*" and isinstance(node, list):
                refs.extend((node, i) for i in range(len(node)) if isinstance(node[i], str))
            elif last != "*" and isinstance(node, dict) and isinstance(node.get(last), str):
                refs.append((node, last))
    return refs


def _strings_or_tokens(container: dict[str, Any], key: str, slots: TextSlots) -> None:
    value = container.get(key)
    if isinstance(value, str):
        slots.add(container, key)
    elif isinstance(value, list):
        if value and all(isinstance(v, int) for v in value):
            slots.token_arrays += 1
        for i, item in enumerate(value):
            if isinstance(item, str):
                slots.add(value, i)
            elif isinstance(item, list):
                slots.token_arrays += 1
            elif isinstance(item, dict) and item.get("type") == "text":
                slots.add(item, "text")
            elif isinstance(item, dict):
                slots.non_text_parts += 1


_IDENTIFIER_KEYS = ("user", "safety_identifier", "prompt_cache_key")


def _identifiers_and_metadata(body: dict[str, Any], slots: TextSlots) -> None:
    for key in _IDENTIFIER_KEYS:
        if isinstance(body.get(key), str) and body[key]:
            slots.identifiers.append((body, key))
    metadata = body.get("metadata")  # the app's tags, stored and shown with the provider's logs
    for key in list(metadata) if isinstance(metadata, dict) else ():
        slots.add_field(metadata, key)


def collect(ctx: RequestContext) -> TextSlots:
    slots = TextSlots()
    endpoint, body = ctx.endpoint, ctx.body
    if ctx.form is not None:
        slots.add(_FormFields(ctx.form), "prompt")
        slots.non_text_parts += len(ctx.form.files())
        return slots
    if body is None:
        return slots
    _identifiers_and_metadata(body, slots)
    if endpoint is ep.CHAT:
        _chat(body, slots)
    elif endpoint is ep.RESPONSES:
        _responses(body, slots)
    elif endpoint is ep.COMPLETIONS:
        _strings_or_tokens(body, "prompt", slots)
        slots.add(body, "suffix")
    elif endpoint in (ep.EMBEDDINGS, ep.MODERATIONS, ep.SPEECH):
        _strings_or_tokens(body, "input", slots)
        if endpoint is ep.SPEECH:
            slots.add(body, "instructions")
    return slots


class _FormFields:
    """A multipart form's text fields seen as a mapping, so slots can read and write them."""

    def __init__(self, form: MultipartForm) -> None:
        self._form = form

    def __getitem__(self, name: str) -> str | None:
        return self._form.get(name)

    def __setitem__(self, name: str, value: str) -> None:
        self._form.set(name, value)

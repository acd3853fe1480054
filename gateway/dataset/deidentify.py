"""De-identification for training, stronger than the live pass.

The transcript already holds the live pass's placeholders (`<PERSON_1>`, keyed hashes, masks).
For training every message, user and assistant alike, goes through:

1. placeholders, masks and any value the session's vault names (an original the live pass
   caught once but a later message repeats) are replaced: by Faker surrogates consistent
   within the session, or by typed placeholders, per the tenant's `privacy.deidentify`;
2. the PII engine runs again on the result, at the training threshold, over every supported
   type but those the tenant keeps; anything it finds outside our own replacements is
   replaced the same way;
3. the engine runs again until a pass finds nothing new (at most `_ROUNDS` passes), and no
   placeholder-shaped text nor vault value is left outside our replacements.

In step 3 every character outside our replacements was already analysed, in the most natural
context, by the first pass. A later detection that spills from a surrogate into its neighbours
("turn 2" + a fake street address reads as one longer address) is the detector reacting to
our own text: it is taken in only when the spilled-into text could identify someone itself (a
capitalised word, a long number, an address sign), else passes round after round would chase
each other.

Anything else is `NotClean`: the finalizer drops the record and counts it. Failing detection
is `NotClean` too (fail closed). Nothing here logs or raises text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from gateway.privacy.pseudonyms import Secrets

from .surrogates import SURROGATE_TYPES, SurrogateBook

_ROUNDS = 4
_MASK = re.compile(r"\*{4,}[0-9A-Za-z]{0,4}(?![0-9A-Za-z])")
# In text next to a replacement: a capitalised word, a long number, an address sign.
_IDENTIFYING = re.compile(r"[A-Z][A-Za-z'’-]+|\d{4,}|@|\d[\d ().-]{5,}\d")


class NotClean(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # detection_unavailable, unstable, placeholder_left, known_value_left


class Engine(Protocol):
    def supported_entities(self) -> frozenset[str]: ...

    async def analyze(self, texts: Sequence[str], *, timeout: float, **kwargs: Any) -> list[list[Any]]: ...


@dataclass(slots=True)
class _Text:
    value: str
    spans: list[tuple[int, int]] = field(default_factory=list)  # our replacements, sorted

    def inside(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.spans)

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or e <= start for s, e in self.spans)

    def replace(self, edits: list[tuple[int, int, str]]) -> None:
        """Apply non-overlapping (start, end, replacement) edits; each becomes a span, and a
        span an edit covers merges into it."""
        edits = sorted(edits)
        parts, new_spans, pos, delta = [], [], 0, 0
        for start, end, text in edits:
            parts.append(self.value[pos:start])
            new_spans.append((start + delta, start + delta + len(text)))
            parts.append(text)
            delta += len(text) - (end - start)
            pos = end
        parts.append(self.value[pos:])
        for s, e in self.spans:
            if all(e <= a or b <= s for a, b, _ in edits):
                shift = sum(len(t) - (b - a) for a, b, t in edits if b <= s)
                new_spans.append((s + shift, e + shift))
        self.value = "".join(parts)
        self.spans = sorted(new_spans)


def _greedy(candidates: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Non-overlapping matches, earlier and then longer first."""
    kept: list[tuple[int, int, str, str]] = []
    for c in sorted(candidates, key=lambda c: (c[0], -(c[1] - c[0]))):
        if all(c[1] <= k[0] or k[1] <= c[0] for k in kept):
            kept.append(c)
    return kept


@dataclass(slots=True)
class Cleaned:
    messages: list[dict[str, str]]
    replaced: dict[str, int]  # entity type -> replacements, for the record's metadata


@dataclass(slots=True)
class _Patterns:
    """Placeholder shapes for the engine's entity types: the live pass's (`<PERSON_1>`, keyed
    hashes `<PERSON_0123456789ab>`) and anything shaped like one (the residual check)."""

    placeholder: re.Pattern[str]
    residue: re.Pattern[str]

    @classmethod
    def for_types(cls, types: Collection[str]) -> "_Patterns":
        names = "|".join(sorted(types, key=len, reverse=True))
        return cls(re.compile(rf"<({names})_([0-9]+|[0-9a-f]{{12}})>"), re.compile(rf"<({names})_[^<>\s]{{1,40}}>"))


def _occurrences(value: str, text: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"(?<!\w){re.escape(value)}(?!\w)", text, re.IGNORECASE))


class Deidentifier:
    def __init__(self, engine: Callable[[], Awaitable[Engine]], secrets: Secrets) -> None:
        self._engine = engine
        self._secrets = secrets

    def book(self, tenant: str, session: str, mode: str, locale: str) -> SurrogateBook:
        key = self._secrets.pseudonym(b"surrogates", tenant, session).encode()
        return SurrogateBook(key, mode, locale)  # type: ignore[arg-type]

    async def clean(self, messages: Sequence[Mapping[str, str]], *, tenant: str, session: str, rules: Any,
                    allow_list: Collection[str] = (), deny_list: Mapping[str, Collection[str]] | None = None,
                    known: Mapping[str, str] | None = None) -> Cleaned:
        """`rules` is the tenant's `privacy.deidentify`; `known` the session vault's
        placeholder -> original map (in memory only, may be empty)."""
        try:
            engine = await self._engine()
            supported = frozenset(engine.supported_entities())
        except Exception:  # noqa: BLE001 - no engine, no record
            raise NotClean("detection_unavailable") from None
        patterns = _Patterns.for_types(supported | SURROGATE_TYPES)
        book = self.book(tenant, session, rules.mode, rules.locale)
        counts: Counter[str] = Counter()
        vault = [(m[1], value, p) for p, value in (known or {}).items()
                 if (m := patterns.placeholder.fullmatch(p)) and len(value.strip()) >= 2]
        texts = [_Text(m["content"]) for m in messages]
        for text in texts:
            self._known(text, patterns, vault, book, counts)
        options = {"entities": supported - set(rules.keep), "default_threshold": rules.threshold,
                   "allow_list": list(allow_list), "deny_list": dict(deny_list or {})}
        for round_ in range(_ROUNDS):
            try:
                found = await engine.analyze([t.value for t in texts], timeout=rules.timeout_s, **options)
            except Exception:  # noqa: BLE001 - DetectionUnavailable or anything: fail closed
                raise NotClean("detection_unavailable") from None
            changed = False
            for text, detections in zip(texts, found):
                if edits := self._edits(text, detections, book, counts):
                    changed = True
                    text.replace(edits)
            if not changed:
                break
            if round_ == _ROUNDS - 1:
                raise NotClean("unstable")
        for text in texts:
            if any(text.free(m.start(), m.end()) for m in patterns.residue.finditer(text.value)):
                raise NotClean("placeholder_left")
            if any(text.free(m.start(), m.end()) for _, value, _ in vault for m in _occurrences(value, text.value)):
                raise NotClean("known_value_left")
        cleaned = [{"role": m["role"], "content": t.value} for m, t in zip(messages, texts)]
        return Cleaned(cleaned, dict(sorted(counts.items())))

    @staticmethod
    def _known(text: _Text, patterns: _Patterns, vault: list[tuple[str, str, str]], book: SurrogateBook,
               counts: Counter[str]) -> None:
        """Step 1: live placeholders, masks and vault values, before the engine looks again."""
        found = [(m.start(), m.end(), m[1], "p:" + m[0]) for m in patterns.placeholder.finditer(text.value)]
        found += [(m.start(), m.end(), "MASK", "mask") for m in _MASK.finditer(text.value)]
        found += [(m.start(), m.end(), entity_type, "k:" + p) for entity_type, value, p in vault
                  for m in _occurrences(value, text.value)]
        edits = []
        for start, end, entity_type, how in _greedy(found):
            if how == "mask":
                edits.append((start, end, "****"))  # a mask's kept digits go too
            elif how.startswith("p:"):
                edits.append((start, end, book.for_placeholder(how[2:], entity_type)))
            else:
                edits.append((start, end, book.alias(entity_type, text.value[start:end], how[2:])))
            counts[entity_type] += 1
        text.replace(edits)

    @staticmethod
    def _edits(text: _Text, detections: Sequence[Any], book: SurrogateBook,
               counts: Counter[str]) -> list[tuple[int, int, str]]:
        """Replacements for detections that are not (wholly) our own replacements. A detection
        that reaches past one of ours takes it in, so nothing next to a surrogate survives."""
        ranges: list[tuple[int, int, str]] = []
        for d in detections:
            if text.inside(d.start, d.end):
                continue
            start, end = d.start, d.end
            touched = [(s, e) for s, e in text.spans if s < end and start < e]
            if touched and not _IDENTIFYING.search(_outside(text.value, d.start, d.end, touched)):
                continue
            for s, e in touched:
                start, end = min(start, s), max(end, e)
            while ranges and start < ranges[-1][1]:
                prev = ranges.pop()
                start, end = min(start, prev[0]), max(end, prev[1])
            ranges.append((start, end, d.type))
        edits = []
        for start, end, entity_type in ranges:
            edits.append((start, end, book.for_value(entity_type, text.value[start:end])))
            counts[entity_type] += 1
        return edits


def _outside(value: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    """The part of value[start:end] outside the given spans, pieces joined by a space."""
    pieces, pos = [], start
    for s, e in sorted(spans):
        if s > pos:
            pieces.append(value[pos:min(s, end)])
        pos = max(pos, e)
    if pos < end:
        pieces.append(value[pos:end])
    return " ".join(pieces)

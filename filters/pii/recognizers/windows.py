"""Run a pattern recognizer only on the parts of a text where its patterns can match.

Presidio runs every pattern of every recognizer over the whole text; a pattern that opens
with a look-behind or a character class is tried at every position, which made address,
school, organisation and URL shapes the costliest part of analysis. Each windowed recognizer
names an `Anchor`: a short shape that every match of every one of its patterns contains (a
street word, a digit, a birth word, a dot before a top-level domain) and how far a match can
reach from it. The patterns then run on windows around the anchors' hits only.

Windows are widened to whitespace (or the text's ends), so a look-around at a window's edge
sees a space in the full text and nothing in the window, which every pattern here treats the
same; no windowed pattern uses `^` or `$`. Overlapping windows are merged, so a match never
straddles two. `tests/filters/test_pii_windows.py` compares windowed and whole-text results.
"""

from __future__ import annotations

from dataclasses import dataclass

import re as stdlib_re

import regex as re
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from spacy.tokens import Doc

from ..artifacts import lower_token_index, token_index

_SPACES = (" ", "\n", "\t", "\r")


class _Hit:
    __slots__ = ("_start", "_end")

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


class Substrings:
    """Finds `stems` anywhere in a word, and `words` only as whole words, whatever their case,
    as a case-blind pattern `\bid\b|identi|card` would: one `str.find` per stem over the
    lowercased text (where a regex alternation is tried at every position)."""

    def __init__(self, stems: tuple[str, ...], words: tuple[str, ...] = ()) -> None:
        self.stems, self.words = stems, words
        self.pattern = "|".join(stems + words)  # for messages and repr

    def finditer(self, text: str) -> list[_Hit]:
        lower = _lowered(text)
        hits = []
        for stem in self.stems + self.words:
            whole = stem in self.words
            at = lower.find(stem)
            while at >= 0:
                end = at + len(stem)
                if not whole or ((at == 0 or not _word_char(lower[at - 1]))
                                 and (end == len(lower) or not _word_char(lower[end]))):
                    hits.append(_Hit(at, end))
                at = lower.find(stem, at + 1)
        hits.sort(key=_Hit.start)
        return hits


def _lowered(text: str) -> str:
    """`text` in lowercase, of the same length: a character whose lowercase is longer ("İ")
    is kept, so that offsets found in it hold in `text`."""
    lower = text.lower()
    return lower if len(lower) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what `\b` counts as a word's


class WordStarts:
    """Finds words that start with one of `stems`, whatever their case, as a compiled
    pattern's `finditer` would: one `str.find` per stem over the lowercased text, where a
    case-blind regex alternation costs five to ten times as much. A stem preceded by a
    letter or digit is inside a word and no hit ("spin", "monkey"); an underscore or a
    hyphen before it is no letter ("api_key", "auth-token"). A stem that opens with a
    sign ("(at") is a hit wherever it stands ("jane(at)")."""

    def __init__(self, stems: tuple[str, ...]) -> None:
        self.stems = stems
        self.pattern = "|".join(stems)  # for messages and repr

    def found_in(self, text: str) -> bool:
        """Whether any stem starts a word of `text`: a gate, which stops at the first."""
        lower = text.lower()
        for stem in self.stems:
            at = lower.find(stem)
            while at >= 0:
                if at == 0 or not stem[0].isalnum() or not lower[at - 1].isalnum():
                    return True
                at = lower.find(stem, at + 1)
        return False

    def finditer(self, text: str) -> list[_Hit]:
        lower = _lowered(text)
        hits = []
        for stem in self.stems:
            anywhere = not stem[0].isalnum()
            at = lower.find(stem)
            while at >= 0:
                if anywhere or at == 0 or not lower[at - 1].isalnum():
                    hits.append(_Hit(at, at + len(stem)))
                at = lower.find(stem, at + 1)
        hits.sort(key=_Hit.start)
        return hits


@dataclass(frozen=True, slots=True)
class Anchor:
    """Every match lies within `before` characters before and `after` characters after a hit
    of `pattern` (plus the rest of the whitespace-free run it ends in)."""

    pattern: re.Pattern[str] | stdlib_re.Pattern[str] | WordStarts
    before: int = 0
    after: int = 0
    # Each window costs a pass of every pattern (Presidio's per-call work); past a few, one
    # pass over the whole text is cheaper. The anchor still gates: no hit, no pass at all
    # (0: it only gates, with one search for `pattern`).
    max_windows: int = 4
    # The same hits read off the tokens when the caller has the text's spaCy doc: tokens
    # whose text (trailing dots dropped) is one of `words` or ends with one of `endings`.
    # Must find every token `pattern` would hit; a scan of a regex alternation over the text
    # costs ten times a lookup of the doc's distinct tokens.
    words: frozenset[str] = frozenset()
    endings: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()  # tokens that open with one of these are hits too ("S.A." of "S.A.R.L.")
    lowercase: bool = False  # compare lowercase token texts with `words`, `endings` and `starts`
    inside: str = ""  # tokens holding any of these characters are hits too


def _space_before(text: str, i: int) -> int:
    """Start of the whitespace-free run that contains position i-1."""
    return max(text.rfind(c, 0, i) for c in _SPACES) + 1


def _space_after(text: str, i: int) -> int:
    found = [p for p in (text.find(c, i) for c in _SPACES) if p >= 0]
    return min(found) if found else len(text)


def _token_hits(text: str, doc: Doc, anchor: Anchor) -> list[tuple[int, int]]:
    index = lower_token_index(doc) if anchor.lowercase else token_index(doc)
    hits = [span for word in anchor.words & index.keys() for span in index[word]]
    if anchor.inside and any(c in text for c in anchor.inside):  # one C scan before a loop over tokens
        hits += [span for word, spans in token_index(doc).items() if any(c in word for c in anchor.inside)
                 for span in spans]
    if anchor.endings:
        hits += [span for word, spans in index.items() if word.endswith(anchor.endings) for span in spans]
    haystack = text.lower() if anchor.lowercase and anchor.starts else text
    if anchor.starts and any(start in haystack for start in anchor.starts):  # C scans before a loop over tokens
        hits += [span for word, spans in index.items() if word.startswith(anchor.starts) for span in spans]
    return sorted(hits)


def windows(text: str, anchor: Anchor, doc: Doc | None = None) -> list[tuple[int, int]]:
    """Merged windows around the anchor's hits: from `doc`'s tokens when given (and the
    anchor has words), else from the anchor's pattern."""
    if doc is not None and (anchor.words or anchor.inside):
        hits = _token_hits(text, doc, anchor)
    else:
        hits = [(hit.start(), hit.end()) for hit in anchor.pattern.finditer(text)]
    merged: list[tuple[int, int]] = []
    for hit_start, hit_end in hits:
        start, end = max(0, hit_start - anchor.before), min(len(text), hit_end + anchor.after)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    widened: list[tuple[int, int]] = []
    for start, end in merged:
        start = _space_before(text, start) if start > 0 else 0
        end = _space_after(text, end) if end < len(text) else end
        if widened and start <= widened[-1][1]:
            widened[-1] = (widened[-1][0], max(end, widened[-1][1]))
        else:
            widened.append((start, end))
    return widened


def analyze_windows(analyze, text: str, anchor: Anchor, *args) -> list[RecognizerResult]:  # noqa: ANN001
    """`analyze(text, *args)` (the recognizer's whole-text analysis, args as Presidio passes
    them: entities, nlp_artifacts, ...) run on each window, with result offsets moved back
    into the full text."""
    if anchor.max_windows == 0:  # the anchor only gates: one pass over the whole text, or none
        return analyze(text, *args) if anchor.pattern.search(text) else []
    results: list[RecognizerResult] = []
    doc = getattr(args[1], "tokens", None) if len(args) > 1 else None  # the artifacts of this text
    spans = windows(text, anchor, doc if isinstance(doc, Doc) else None)
    if len(spans) > anchor.max_windows:
        return analyze(text, *args)
    for start, end in spans:
        if start == 0 and end == len(text):
            return analyze(text, *args)
        for result in analyze(text[start:end], *args):
            result.start += start
            result.end += start
            results.append(result)
    return results


class WindowedPatternRecognizer(PatternRecognizer):
    """A PatternRecognizer whose patterns run only around hits of `ANCHOR`."""

    ANCHOR: Anchor

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: D102, ANN001
        return analyze_windows(super().analyze, text, self.ANCHOR, entities, nlp_artifacts, regex_flags)


def windowed(cls: type[PatternRecognizer], anchor: Anchor) -> type[PatternRecognizer]:
    """Presidio's recognizer `cls`, run only around hits of `anchor`."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: ANN001
        return analyze_windows(super(subclass, self).analyze, text, anchor, entities, nlp_artifacts, regex_flags)

    subclass = type(cls.__name__, (cls,), {"analyze": analyze, "__doc__": cls.__doc__, "ANCHOR": anchor})
    return subclass


class AnchoredShapes(PatternRecognizer):
    """A recognizer whose kinds of patterns each run around an anchor of their own (a
    handle's "@" and a naming word; a password's label, a key's prefix, a key block's first
    line): `SHAPES` pairs each list of patterns with its anchor. The recognizer's checks
    (`validate_result`, `invalidate_result`) and flags apply to every shape, and its results
    are its own, as if all patterns had run over the whole text."""

    SHAPES: tuple[tuple[list[Pattern], Anchor], ...]

    def __init__(self, **kwargs) -> None:  # noqa: ANN003 - PatternRecognizer's, less the patterns
        super().__init__(patterns=[p for patterns, _ in self.SHAPES for p in patterns], **kwargs)
        self._shapes = [(_Shape(self, patterns), anchor) for patterns, anchor in self.SHAPES]

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: D102, ANN001
        results = []
        for shape, anchor in self._shapes:
            results += analyze_windows(shape.analyze, text, anchor, entities, nlp_artifacts, regex_flags)
        for r in results:  # Presidio groups results by recognizer id: claim them
            r.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY] = self.id
        return EntityRecognizer.remove_duplicates(results)


class _Shape(PatternRecognizer):
    """One kind of an `AnchoredShapes` recognizer's patterns, with its owner's checks."""

    def __init__(self, owner: AnchoredShapes, patterns: list[Pattern]) -> None:
        super().__init__(supported_entity=owner.supported_entities[0], name=owner.name, patterns=patterns,
                         global_regex_flags=owner.global_regex_flags)
        self.validate_result = owner.validate_result
        self.invalidate_result = owner.invalidate_result

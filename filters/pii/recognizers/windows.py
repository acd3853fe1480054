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

import regex as re
from presidio_analyzer import PatternRecognizer, RecognizerResult

_SPACES = (" ", "\n", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Anchor:
    """Every match lies within `before` characters before and `after` characters after a hit
    of `pattern` (plus the rest of the whitespace-free run it ends in)."""

    pattern: re.Pattern[str]
    before: int = 0
    after: int = 0
    # Each window costs a pass of every pattern (Presidio's per-call work); past a few, one
    # pass over the whole text is cheaper. The anchor still gates: no hit, no pass at all.
    max_windows: int = 4


def _space_before(text: str, i: int) -> int:
    """Start of the whitespace-free run that contains position i-1."""
    return max(text.rfind(c, 0, i) for c in _SPACES) + 1


def _space_after(text: str, i: int) -> int:
    found = [p for p in (text.find(c, i) for c in _SPACES) if p >= 0]
    return min(found) if found else len(text)


def windows(text: str, anchor: Anchor) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for hit in anchor.pattern.finditer(text):
        start, end = max(0, hit.start() - anchor.before), min(len(text), hit.end() + anchor.after)
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
    """`analyze(text, *args)` (the recognizer's whole-text analysis) run on each window, with
    result offsets moved back into the full text."""
    results: list[RecognizerResult] = []
    spans = windows(text, anchor)
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

"""Whitespace as the tagger learnt it, with detections mapped back to the text as written.

The built-in tagger was trained on text whose words are separated by one space and whose
lines end in "\n". Text pasted from elsewhere often is not: Windows line ends ("\r\n"),
non-breaking spaces between a first and a last name ("Zebulon\u00a0Quartermaine"), a phone
number's groups ("+1\u00a0212\u00a0555"), two spaces between words. spaCy turns each such
character into a token of its own, and the tagger, which never saw one inside a name, cut the
name there and let its second half through; a number's groups joined by a non-breaking or
typographic dash ("212\u2011555\u20110147") matched no pattern. So the engine analyses a
normalised copy: "\r\n" and "\r" become "\n", any other whitespace a space, a run of spaces
inside a line one space (a line's indentation stays as it is, since addresses are laid out
with it), and a dash between digits "-". Offsets
found in the copy are mapped back, so every detection covers the text as the caller wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .resolve import Detection

# Anything the tagger did not learn: a carriage return, whitespace other than a space or a
# line break, two spaces or more after a word, or a typographic dash between digits.
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
_UNLEARNT = re.compile(r"[^\S \n]|(?<=\S) {2,}|(?<=\d)[\u2010-\u2015\u2212](?=\d)")


@dataclass(frozen=True, slots=True)
class Normalised:
    text: str
    # positions[i]: where the copy's i-th character stands in the original; None: same text
    positions: list[int] | None = None


# The ASCII whitespace besides space and line break; in ASCII text, with "  ", all that
# `_UNLEARNT` can find (the dashes are not ASCII).
_ASCII_UNLEARNT = ("  ", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


def _may_need_copy(text: str) -> bool:
    """Whether `_UNLEARNT` can find anything: a few substring tests decide for ASCII text
    (a tenth of the expression's scan, which tries its look-behinds at every character)."""
    if text.isascii():
        return any(s in text for s in _ASCII_UNLEARNT) and _UNLEARNT.search(text) is not None
    return _UNLEARNT.search(text) is not None


def normalise(text: str) -> Normalised:
    if not _may_need_copy(text):
        return Normalised(text)
    chars: list[str] = []
    positions: list[int] = []
    after_word = False  # the last character kept was no whitespace
    for i, c in enumerate(text):
        if c == "\r":
            if text[i + 1:i + 2] == "\n":
                continue  # "\r\n": the "\n" that follows stands for both
            c = "\n"
        elif c in _DASHES and text[i - 1:i].isdigit() and text[i + 1:i + 2].isdigit():
            c = "-"  # "212\u2011555\u20110147": a phone number's or a card's hyphen
        elif c != "\n" and c.isspace():
            if chars and chars[-1] == " " and after_word:
                continue  # a run of spaces inside a line is one space
            c = " "
        chars.append(c)
        positions.append(i)
        after_word = not c.isspace() or (c == " " and after_word)
    return Normalised("".join(chars), positions)


def to_original(normalised: Normalised, detections: list[Detection]) -> list[Detection]:
    """`detections` of `normalised.text`, with offsets into the text as written."""
    positions = normalised.positions
    if positions is None:
        return detections
    return [Detection(d.type, positions[d.start], positions[d.end - 1] + 1, d.score) for d in detections]

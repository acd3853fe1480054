"""Usernames and social handles.

Two shapes: an @handle not preceded by a word character (so e-mail addresses are not
split), and a value right after a naming word ("username: kid_gamer07", "my ig is ...").
The second shape vetoes ordinary words ("my username is not working").
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult

from .common import common_words
from .windows import Anchor, WindowedPatternRecognizer, analyze_windows

_PLATFORM = (
    r"(?:user\s*name|username|user\s*id|login|handle|nickname|nick|gamertag|screen\s*name|ig|insta"
    r"|instagram|twitter|tiktok|telegram|tg|discord|snapchat|snap|roblox|steam|minecraft|github"
    r"|reddit|twitch|youtube|xbox|psn|fortnite)"
)
_PLATFORM_OR_AT = re.compile(rf"\b{_PLATFORM}\b|@", re.IGNORECASE)
_VALUE = r"[A-Za-z0-9_][A-Za-z0-9_.\-]{2,31}(?:#\d{4})?"


_PLATFORM_WORDS = frozenset(
    "username user userid login handle nickname nick gamertag screen screenname ig insta instagram twitter "
    "tiktok telegram tg discord snapchat snap roblox steam minecraft github reddit twitch youtube xbox psn "
    "fortnite".split())
# A handle starts at its "@" and runs at most 32 characters; a named value follows its naming
# word within a few words. Each shape runs only around its own anchor: an e-mail address's
# "@" gives the handle shape a few characters to read, not the naming shape's look-behinds.
_AT = Anchor(re.compile("@"), before=0, after=33, inside="@")
_NAMING_WORD = Anchor(re.compile(rf"\b{_PLATFORM}\b", re.IGNORECASE), before=0, after=60, lowercase=True,
                      words=_PLATFORM_WORDS)


class UsernameRecognizer(WindowedPatternRecognizer):
    PATTERNS = [
        Pattern("@handle", r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,30}[A-Za-z0-9_])?(?![\w@])", 0.7),
        Pattern("naming word + value",
                rf"(?<=[\s:=@\-])(?<=\b{_PLATFORM}(?:\s+(?:name|account|id|handle))?\s*(?:is|:|=|-)?\s*(?:@)?)(?<![\w.]){_VALUE}(?![\w@])",
                0.6),
    ]
    CONTEXT = ["username", "user", "handle", "account", "login", "profile", "follow"]
    ANCHOR = Anchor(_PLATFORM_OR_AT, before=0, after=60, lowercase=True, inside="@", words=_PLATFORM_WORDS)

    def __init__(self) -> None:
        super().__init__(supported_entity="USERNAME", name="UsernameRecognizer", patterns=self.PATTERNS, context=self.CONTEXT)
        self._shapes = [(_Shape(pattern, self.name), anchor) for pattern, anchor in zip(self.PATTERNS, (_AT, _NAMING_WORD))]

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: D102, ANN001
        results = []
        for shape, anchor in self._shapes:
            results += analyze_windows(shape.analyze, text, anchor, entities, nlp_artifacts, regex_flags)
        for r in results:  # Presidio groups results by recognizer id: claim them
            r.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY] = self.id
        return EntityRecognizer.remove_duplicates(results)

    def invalidate_result(self, pattern_text: str) -> bool:
        return _not_a_username(pattern_text)


def _not_a_username(pattern_text: str) -> bool:
    value = pattern_text.lstrip("@").lower()
    return value in common_words() or value.isdigit() and len(value) < 3


class _Shape(PatternRecognizer):
    """One of the username patterns on its own, with the recognizer's veto."""

    def __init__(self, pattern: Pattern, name: str) -> None:
        super().__init__(supported_entity="USERNAME", name=name, patterns=[pattern])

    def invalidate_result(self, pattern_text: str) -> bool:
        return _not_a_username(pattern_text)

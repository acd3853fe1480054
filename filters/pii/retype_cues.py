"""Type resolution's pass for lowercase names, read off the words that cue them.

Chat drops capitals, so a name there is known by the words before it: "hey its kyra",
"i sit next to dias", "mi nombre es lucia", "меня зовут саша", "my techer mr smith",
"grandma nancy". Each cue's pattern is matched only where `str.find` finds one of its words
(a case-blind alternation tried at every position costs 30-60 µs per KB). `CuePasses` is a
mixin of `Retyper`, whose lexicons it reads; `TextPasses._people_context` calls it.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from . import name_patterns as P
from .recognizers.common import CHAT_WORDS, STOPWORDS
from .retype_context import Coverage, LexiconReader, matched_at


class CuePasses(LexiconReader):
    """Lowercase names after the words that cue them."""

    @staticmethod
    def _everyday_lower(word: str) -> bool:
        """A function word or chat spelling of the languages the naming cues are written in."""
        return word in STOPWORDS or word in CHAT_WORDS or word in P.LATIN_FUNCTION_WORDS \
            or word in P.CYRILLIC_GREEK_FUNCTION_WORDS

    def _cued_names(self, text: str, taken: Coverage) -> list[RecognizerResult]:
        """People named in lowercase where nothing detected them (`taken` is what was)."""
        lower = text.lower()
        lower = lower if len(lower) == len(text) else None  # offsets must hold ("İ" lowercases to two)
        extra: list[RecognizerResult] = []

        def person(m, group: int) -> None:  # noqa: ANN001 - a regex match
            extra.append(RecognizerResult("PERSON", m.start(group), m.end(group), 0.7))

        cued = matched_at(P.LOWER_NAME_CONTEXT, text, lower, P.COMMON_CUE_WORDS) if lower is not None \
            else list(P.LOWER_NAME_CONTEXT.finditer(text, overlapped=True))  # one match per cue, as overlapped
        cued += matched_at(P.LOWER_NAME_RARER_CONTEXT, text, lower, P.LOWER_CUE_WORDS)
        for m in cued:  # "hey its kyra", "i sit next to dias": a known first name that is no word
            word = m.group(1)
            if word.title() in self.first and word not in self.english and word not in self.common \
                    and not taken.overlaps(m.start(1), m.end(1)):
                person(m, 1)
        for m in matched_at(P.LOWER_NAMED, text, lower, P.NAMING_CUE_WORDS):  # "mi nombre es lucia", "меня зовут саша"
            word = m.group(3)
            if taken.overlaps(m.start(3), m.end(3)) or self._everyday_lower(word) or word in P.ENDEARMENTS:
                continue
            cue = m.start("strong")
            if cue >= 0 and P.NAMED_THING_BEFORE.search(text, max(0, cue - 24), cue):
                continue  # "a function called max"
            # a first name that is only a rare dictionary word is a name: "soy maria", "me and maria"
            if word.title() in self.first and word not in self.common \
                    or m.group("strong") and (word.title() in self.first or not word.isascii()):
                person(m, 3)
        for m in matched_at(P.LOWER_TITLED, text, lower, P.LOWER_TITLE_WORDS):  # "mr smith", "miss hughes"
            word = m.group(1)
            if (word.title() in self.last or word.title() in self.first) and not self._everyday_lower(word) \
                    and word not in self.common and not taken.overlaps(m.start(1), m.end(1)):
                person(m, 1)
        for m in matched_at(P.LOWER_KIN_NAME, text, lower, P.KIN_WORDS):  # "grandma nancy", "sister lily"
            word = m.group(1)
            if word.title() in self.first and word not in self.common and not taken.overlaps(m.start(1), m.end(1)):
                person(m, 1)
        return extra

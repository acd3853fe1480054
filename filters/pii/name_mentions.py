"""Type resolution's passes for a person's mentions that no word boundary or capital marks.

Chat writes a name it has already given in another case ("my daughter Lily ... lily is
turning 5 and LILY wants a unicorn"), runs it into a hashtag ("#HappyBirthdayLily",
"#TeamJessica"), or names a family by its plural ("we are the Hendersons"). The tagger reads
none of these: a hashtag is one long unknown word to it, so it typed "#HappyBirthdayMateo" a
place and "Go #TeamJessica" a firm, which most tenants do not redact. `MentionPasses` is a
mixin of `Retyper`, whose lexicons it reads; it runs after every other pass has named people.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import RecognizerResult

from . import name_patterns as P
from .name_patterns import NAME_TYPES
from .recognizers.common import STOPWORDS
from .retype_context import Coverage, LexiconReader

_HASHTAG = re.compile(r"(?<![\w&#/])#(\p{L}[\p{L}\d_]{1,80})")
# A hashtag's words: capitalised, lowercase or capital runs, and numbers ("LilyTurns5").
_TAG_PART = re.compile(r"\p{Lu}\p{Ll}+|\p{Ll}+|\p{Lu}+(?!\p{Ll})|\d+")
# A tag's word that makes a first name beside it someone, though the name is also a
# dictionary word: "#LilyTurns5", "#TeamRose", "#HappyBirthdayAmber".
_PERSON_TAG_WORDS = frozenset("turns birthday bday team baby wedding weds party".split())
# After a sentence's start, what a lowercase word that is both a name and a dictionary word
# must be followed by to be that person again ("lily is turning 5", not "lily pads").
_PERSON_VERB_AFTER = re.compile(r"(?:['’]s|[ \t]+(?:is|was|has|had|and|will|can|wants|loves|likes|said|says|"
                                r"turns|turned)\b)")
# "the Hendersons", "the Johnsons'": a family by its surname's plural.
_FAMILY_PLURAL = re.compile(r"(?<![\p{L}])(?i:the)[ \t]+(\p{Lu}\p{Ll}{2,}s)(['’])?(?![\p{L}\d])")
# What makes a plural that is also a word a family: a family spoken of after it, or "we're"
# before it ("the Smiths next door", "we're the Browns").
_FAMILY_CUE = re.compile(r"(?i)[ \t]+(?:family|families|house|home|kids|children|next[ \t]+door|live|lived|came|"
                         r"invited|are|were)\b")
_WE_ARE_BEFORE = re.compile(r"(?i)\b(?:we'?re|we[ \t]+are|visit(?:ed|ing)?|with|like)[ \t]+$")
# A record's "SURNAME, Given" at a line's start or after its label ("Patient: DOE, JOHN",
# "GARCIA, MARIA ELENA - Grade 7"): the surname before the comma.
_SURNAME_COMMA_BEFORE = re.compile(r"(?:^|\n|:)[ \t>]*(\p{Lu}[\p{L}'’-]+),[ \t]+$")


def _bare(word: str) -> str:
    """A word of a name without the punctuation or possessive around it ("Lily's," -> "Lily")."""
    word = word.strip(".,;:!?\"“”()")
    return word[:-2] if word.endswith(("'s", "’s")) else word


class MentionPasses(LexiconReader):
    """Passes from the people found to their mentions in other cases, in hashtags, as families,
    and to a record's surname written first."""

    def _mentions(self, text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
        names = {w for r in found if r.entity_type == "PERSON" for w in map(_bare, text[r.start:r.end].split())
                 if len(w) > 2 and w.istitle() and w.isalpha() and self._name_word(w)}
        found = self._surnames_first(text, self._family_plurals(text, found))
        if names:
            found = found + self._other_cases(text, names, found)
        return self._hashtag_names(text, found, {n.lower() for n in names}) if "#" in text else found

    def _name_word(self, word: str) -> bool:
        return word in self.first or word in self.last and word.lower() not in self.english

    def _other_cases(self, text: str, names: set[str], found: list[RecognizerResult]) -> list[RecognizerResult]:
        """A name found capitalised, again in capitals ("LILY"), or in lowercase with a person's
        verb after it ("mateo will love it"); a lowercase one that is also a dictionary word
        ("lily", "rose") only where it opens a sentence so. Never a function word of another
        language that a capital at a sentence's start made a name ("Das", "Mia" of "mia figlia")."""
        extra = []
        taken = None
        for name in names:
            lower = name.lower()
            if lower in P.LATIN_FUNCTION_WORDS or lower in STOPWORDS:
                continue
            everyday = lower in self.english or lower in self.common
            for form in (name.upper(), lower):
                at = text.find(form)
                while at >= 0:
                    end = at + len(form)
                    if self._whole_word(text, at, end):
                        taken = taken or Coverage(text, found)
                        if not taken.overlaps(at, end) and (form != lower or _PERSON_VERB_AFTER.match(text, end) and (
                                not everyday or P.SENTENCE_START.search(text, max(0, at - 4), at))):
                            extra.append(RecognizerResult("PERSON", at, end, 0.8))
                    at = text.find(form, end)
        return extra

    @staticmethod
    def _whole_word(text: str, start: int, end: int) -> bool:
        """Not part of a longer word, an e-mail address, a handle, a path or a hashtag."""
        return (start == 0 or not text[start - 1].isalnum() and text[start - 1] not in "#@_/.-\\") \
            and (end == len(text) or not text[end].isalnum() and text[end] not in "@_")

    def _hashtag_names(self, text: str, found: list[RecognizerResult], known: set[str]) -> list[RecognizerResult]:
        """A hashtag is read by its words: a name found elsewhere in the text ("#HappyBirthdayLily",
        "#happybirthdaylily" after "my daughter Lily"), or a first name or surname no dictionary
        knows ("#TeamJessica", "#EmmaWatson"), or one it knows beside a person's tag word
        ("#LilyTurns5"). Whatever the tagger made of the tag gives way to these."""
        tags = list(_HASHTAG.finditer(text))
        if not tags:
            return found
        # a known place that is a whole tag stays ("#Palestine"); a tagger's span over or
        # across tags does not ("Go #TeamJessica" a firm)
        kept = [r for r in found if r.entity_type not in NAME_TYPES or not any(
            r.start < m.end() and m.start() < r.end and not (
                r.entity_type == "LOCATION" and (r.start, r.end) == m.span(1) and self._is_place(m.group(1)))
            for m in tags)]
        extra: list[RecognizerResult] = []
        for m in tags:
            body, offset = m.group(1), m.start(1)
            parts = [(p.start(), p.end(), p.group()) for p in _TAG_PART.finditer(body)]
            cued = any(word.lower() in _PERSON_TAG_WORDS for _, _, word in parts)
            spans = [(start, end) for start, end, word in parts if self._tag_name(word, known, cued)]
            if not spans and body.islower():  # "#happybirthdaylily": a known name at an end
                spans = [(start, start + len(name)) for name in known for start in (0, len(body) - len(name))
                         if body.startswith(name, start) and len(name) < len(body)]
            for start, end in spans:
                if extra and extra[-1].end == offset + start:  # "#EmmaWatson": one person
                    extra[-1].end = offset + end
                else:
                    extra.append(RecognizerResult("PERSON", offset + start, offset + end, 0.8))
        return kept + extra

    def _tag_name(self, word: str, known: set[str], cued: bool) -> bool:
        lower = word.lower()
        if lower in known:
            return True
        if len(word) < 3 or not word[:1].isupper() or word.isupper() or lower in P.CALENDAR:
            return False
        title = word.title()
        if lower not in self.english and lower not in self.common:
            return title in self.first or title in self.last
        return cued and title in self.first and lower not in _PERSON_TAG_WORDS

    def _family_plurals(self, text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
        """"the Hendersons": a surname's plural after "the" is a family; one that is also a
        dictionary word ("the Smiths") only where a family is spoken of ("the Smiths next
        door", "we're the Browns", "the Millers' house")."""
        lower = text.lower()
        if "the " not in lower:
            return found
        taken = None
        extra = []
        at = lower.find("the ") if len(lower) == len(text) else -1
        while at >= 0:  # tried only where "the " and a capital are: a scan of the text cost more
            m = _FAMILY_PLURAL.match(text, at) if text[at + 4:at + 5].isupper() else None
            at = lower.find("the ", at + 4)
            if m is None:
                continue
            plural = m.group(1)
            stems = (plural[:-1], plural[:-2] if plural.endswith("es") else "")
            stem = next((s for s in stems if s in self.last), None)
            if stem is None or stem in self.nrp or self._is_place(stem):
                continue
            if (stem.lower() in self.english or stem.lower() in self.common) and not (
                    m.group(2) or _FAMILY_CUE.match(text, m.end())
                    or _WE_ARE_BEFORE.search(text, max(0, m.start() - 12), m.start())):
                continue
            taken = taken or Coverage(text, found)
            if not taken.overlaps(m.start(1), m.end(1)):
                extra.append(RecognizerResult("PERSON", m.start(1), m.end(1), 0.7))
        return found + extra

    def _surnames_first(self, text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
        """"DOE, JOHN": a known surname and a comma before a person whose name opens with a
        known first name, at a line's start or after a label, is that person's surname."""
        if ", " not in text:
            return found
        taken = None
        extra = []
        for r in found:
            if r.entity_type != "PERSON" or text[max(0, r.start - 8):r.start].rstrip(" \t")[-1:] != ",":
                continue
            if not (m := _SURNAME_COMMA_BEFORE.search(text, max(0, r.start - 40), r.start)):
                continue
            first = text[r.start:r.end].split()[0].title() if text[r.start:r.end].strip() else ""
            surname = m.group(1)
            if first not in self.first or surname.title() not in self.last or surname.lower() in self.common \
                    or self._is_place(surname.title()):  # "Paris, France"
                continue
            taken = taken or Coverage(text, found)
            if not taken.overlaps(m.start(1), m.end(1)):
                extra.append(RecognizerResult("PERSON", m.start(1), m.end(1), r.score))
        return found + extra

"""Type resolution's passes that carry a name found once to its other mentions and forms.

A detector finds "Aristóteles Ávalos" but not the "Aristóteles" that opened the sentence
before; "says van der Heiden" holds a surname whose particles no capital marks; "山下 太一
will join the call" is in a script the tagger never saw; in lowercase chat the tagger's
"lidia an apology" runs past the name. These passes read the names the other passes found,
or the words around a name where case says nothing. `NamePasses` is a mixin of `Retyper`,
whose lexicons it reads.
"""

from __future__ import annotations

import re as stdlib_re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from . import name_patterns as P
from .everyday_names import studied_language
from .name_patterns import NAME_TYPES
from .recognizers.cjk import FIRM_FORM
from .recognizers.common import CHAT_WORDS, STOPWORDS
from .recognizers.lexicon import PARTICLES
from .retype_context import Coverage, LexiconReader, matched_at
from .retype_values import cyrillic_place


_NAMES_AND_GROUPS = NAME_TYPES | {"NRP"}
_NON_ASCII = stdlib_re.compile(r"[^\x00-\x7f]+")


def caseless_runs(text: str) -> list[tuple[int, int]]:
    """Where the runs of words in scripts without capitals are. A run is non-ASCII through
    and through, so only non-ASCII stretches are read, and only those holding a character
    past Latin, Greek, Cyrillic and Armenian (accented Latin is most non-ASCII text) go to
    the regular expression: one scan of the whole text for such a letter cost 25 µs per KB."""
    runs: list[tuple[int, int]] = []
    for m in _NON_ASCII.finditer(text):
        if m.start() < (runs[-1][1] if runs else 0) or max(m.group()) < "\u0530" \
                or not P.CASELESS_LETTER.search(m.group()):
            continue
        run = P.CASELESS_SPAN.search(text, m.start(), min(len(text), m.end() + 120))
        if run is not None:
            runs.append(run.span())
    return runs


def cased_foreign_runs(text: str) -> list[tuple[int, int]]:
    """Runs of capitalised Cyrillic, Greek or Armenian words inside an English sentence: the
    nearest words around them are English, one side may be the line's edge. In a sentence of
    their own language the capitals and the Cyrillic rules say what they are."""
    runs: list[tuple[int, int]] = []
    for m in _NON_ASCII.finditer(text):
        if m.start() < (runs[-1][1] if runs else 0) or max(m.group()) < "\u0370":
            continue
        run = P.CASED_FOREIGN_SPAN.search(text, m.start(), min(len(text), m.end() + 80))
        if run is None or run.start() > m.end():
            continue
        start, end = run.span()
        before = P.LATIN_WORD_BEFORE.search(text, max(0, start - 40), start)
        after = P.LATIN_WORD_AFTER.match(text, end, min(len(text), end + 40))
        if (before or after) and (before or P.NO_WORD_BEFORE.search(text, max(0, start - 40), start)) \
                and (after or P.NO_WORD_AFTER.match(text, end, min(len(text), end + 40))):
            runs.append((start, end))
    return runs


def caseless_names(text: str, runs: list[tuple[int, int]]) -> list[RecognizerResult]:
    """Names in scripts without capitals (Han, kana, Hangul, Thai, Hebrew, Arabic, Devanagari,
    Georgian...), where the sentence says what they are: the tagger never saw these scripts,
    and no case marks a name. The whole name outranks a part a detector found."""
    extra = []
    for start, end in runs:
        before = text[max(0, start - 40):start]
        if P.NAMED_CASELESS_BEFORE.search(before) or P.PERSON_CASELESS_BEFORE.search(before) \
                or P.LINE_START_BEFORE.search(before) and P.SPEAKER_AFTER.match(text, end):
            extra.append(RecognizerResult("PERSON", start, end, 0.8))
        elif P.PLACE_CASELESS_BEFORE.search(before):
            extra.append(RecognizerResult("LOCATION", start, end, 0.6))
    return extra


def caseless_types(text: str, found: list[RecognizerResult], runs: list[tuple[int, int]],
                   cased: Sequence[tuple[int, int]] = ()) -> list[RecognizerResult]:
    """What the tagger made of a name in a script it never saw (`runs`, and `cased` runs of
    Cyrillic, Greek or Armenian in an English sentence): a place only where the sentence says
    so ("in", "to", "from") or, in Cyrillic, where the place lexicon knows it, else a person
    ("I think 김민준 has my charger"); nobody where the word is asked about ("What does नमस्ते
    mean?"). A run before a person's verb is a person too ("李明 keeps interrupting me"), and
    a person the sentence names outranks what the tagger made of it ("a note to सुशील
    भरद्वाज", "Invite 영미 김": no place, no firm "Invite 영미")."""
    out = []
    spans = set(runs) | set(cased)
    firms = [r for r in found if r.entity_type == "ORGANIZATION" and FIRM_FORM.search(text, r.start, r.end)]
    if firms:  # "an interview with 株式会社中島ガス": a firm by its legal form, whatever the cue or the tagger says
        found = [r for r in found if any(r is f for f in firms) or r.entity_type not in _NAMES_AND_GROUPS
                 or not any(f.start < r.end and r.start < f.end for f in firms)]
    named = [(r.start, r.end) for r in found if r.entity_type == "PERSON" and (r.start, r.end) in spans]
    for r in found:
        if any(r is f for f in firms):
            out.append(r)
            continue
        if r.entity_type in NAME_TYPES and (run := _run_after_word(text, r, spans)):
            r = RecognizerResult("PERSON", run[0], run[1], r.score)  # the tagger's "Sorry พันเทพ"
        if r.entity_type in NAME_TYPES or r.entity_type == "NRP":
            span = text[r.start:r.end].rstrip(".,;:!?")
            run = next(((s, e) for s, e in cased if s <= r.start and r.start + len(span) <= e), None)
            in_cased = run is not None
            if r.entity_type != "PERSON" and any(s < r.end and r.start < e for s, e in named):
                continue
            if in_cased or P.CASELESS_SPAN.fullmatch(span):
                if studied(text, *(run or (r.start, r.end))):  # the whole run: "say" + " Доброе Утро"
                    continue
                if r.entity_type != "PERSON" and not P.PLACE_CASELESS_BEFORE.search(text, max(0, r.start - 12), r.start) \
                        and not (in_cased and cyrillic_place(span)):
                    r = RecognizerResult("PERSON", r.start, r.end, r.score)
        out.append(r)
    for start, end in sorted(spans):
        if (start == 0 or text[start - 1] in " \t\n\"“(") and (P.PERSON_VERB_AFTER_CASELESS.match(text, end) or (
                # two capitalised Cyrillic, Greek or Armenian words among English ones: a full
                # name ("Can Филимон Чернова sleep over?"), where a studied word is lowercase
                (start, end) in cased and " " in text[start:end] and text[start - 1:start] != "\""
                and not P.ASKED_WORD_BEFORE.search(text, max(0, start - 24), start))) \
                and not any(r.start < end and start < r.end and not (
                    r.entity_type == "PERSON" and start <= r.start and r.end <= end) for r in out):
            out.append(RecognizerResult("PERSON", start, end, 0.7))  # a part a detector found gives way
    return out


def studied(text: str, start: int, end: int, *, strict: bool = False) -> bool:
    """A run of another script asked about ("What does नमस्ते mean?", "How do I say Доброе
    Утро?") or a language studied ("help me with Русский язык"): no name. `strict`: "does"
    and "do" before it count only with "mean" after it ("Does Святополк still live near
    the park?" asks about a person)."""
    before = P.ASKED_WORD_BEFORE.search(text, max(0, start - 24), start)
    if before and strict and before.group(1).lower() in ("does", "do"):
        before = None
    return bool(before or P.ASKED_WORD_AFTER.match(text, end)) or studied_language(text, start, end)


def _run_after_word(text: str, r: RecognizerResult, spans: set[tuple[int, int]]) -> tuple[int, int] | None:
    """The run a tagger's span reaches into from one capitalised English word before it
    ("Sorry พันเทพ", "Invite 영미"): the word opens the sentence, the run is the name."""
    for start, end in spans:
        if r.start < start < r.end <= end and P.ONE_LATIN_WORD.fullmatch(text, r.start, start):
            return start, end
    return None


class NamePasses(LexiconReader):
    """Passes from a name found to its other mentions and forms."""

    # Title Case answers per (line start, line end) of the text being retyped; set empty
    # by each call, which the engine serialises.
    _line_titles: dict[tuple[int, int], bool]

    def _particle_surnames(self, text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
        """"says van der Heiden": a surname behind particles, where a person is named; the
        particles are part of it. What a detector found of it already gives way (the longer
        span wins the overlap)."""
        extra = []
        for m in P.PARTICLE_SURNAME.finditer(text):
            if P.PERSON_BEFORE.search(text, max(0, m.start() - 16), m.start()) \
                    or P.PERSON_AFTER.match(text[m.end():m.end() + 12]):
                if not any(r.start < m.end() and m.start() < r.end and r.entity_type != "PERSON"
                           and not (m.start() <= r.start and r.end <= m.end()) for r in found):
                    extra.append(RecognizerResult("PERSON", m.start(), m.end(), 0.8))
        return found + extra

    def _name_like(self, words: list[str]) -> bool:
        """A known first name or an unmistakable surname among the words, and every word a
        known name, an initial or no dictionary word: "Brad L Key", "Aristóteles Ávalos";
        not a tagger's "Download Hollywood", "Jews repay Christian" or "Grand Prix"."""
        return any(w in self.first or w in self.last and w.lower() not in self.english for w in words) and all(
            len(w.rstrip(".")) < 2 or w in self.first or w in self.last or w.lower() not in self.english for w in words)

    def _repeated_names(self, text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
        """A person named in full is that person again wherever a part of the name recurs on
        its own ("Aristóteles spent a year ... as the assistant to Aristóteles Ávalos",
        "directed by Brad L Key and starring Key"). Runs last, so names any pass found count.
        A part that is also a dictionary word counts only inside a sentence, where its capital
        says it is a name ("Will you ...", at a sentence's start, is no Will Smith)."""
        parts = {w for r in found if r.entity_type == "PERSON" and self._name_like(words := text[r.start:r.end].split())
                 and len(words) > 1 for w in words}
        parts = {w for w in parts if len(w) > 2 and P.CAPITALISED.fullmatch(w) and w.lower() not in P.CALENDAR
                 and w not in self.nrp and not self._is_place(w)}
        if not parts:
            return found
        taken = Coverage(text, found)
        extra = []
        for m in P.CAPITALISED.finditer(text):
            word = m.group(0)
            if word in parts and not taken.overlaps(m.start(), m.end()) and (
                    word.lower() not in self.english
                    or not P.SENTENCE_START.search(text, max(0, m.start() - 4), m.start())):
                extra.append(RecognizerResult("PERSON", m.start(), m.end(), 0.8))
        return found + extra

    def _signed_names(self, text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
        """The name after a sign-off is the writer's ("Best, Mark", "xoxo, Rose"): a person,
        whatever type a detector gave it; the sign-off itself is nobody ("Love" of "Love,
        Grace")."""
        lower = text.lower()
        if len(lower) != len(text):
            return found
        for m in matched_at(P.SIGN_OFF_NAME, text, lower, P.SIGN_OFF_WORDS):
            start, end = m.start(1), m.end(1)
            if not P.SENTENCE_START.search(text, max(0, m.start() - 4), m.start()) \
                    or text[start:end].split()[0] not in self.first:
                continue
            kept = [r for r in found if r.entity_type not in NAME_TYPES
                    or not (start <= r.start and r.end <= end or m.start() <= r.start and r.end <= start)]
            if not any(r.entity_type == "PERSON" and r.start <= start and end <= r.end for r in kept):
                kept.append(RecognizerResult("PERSON", start, end, 0.85))
            found = kept
        return found

    def _everyday(self, word: str) -> bool:
        """A word that, where case says nothing, is taken for itself: a function word, a common
        word that is no first name ("Cousin", "apology"), or a dictionary word no name list knows."""
        lower, title = word.lower(), word.title()
        if "-" in lower.strip("-"):  # "font-size", "well-known": everyday when every part is
            return all(self._everyday(part) for part in lower.split("-") if part)
        return lower in STOPWORDS or lower in CHAT_WORDS or lower in self.common and title not in self.first \
            or lower in self.english and title not in self.first and title not in self.last

    def _trim_everyday_words(self, text: str, r: RecognizerResult) -> bool:
        """A person's span where case says nothing (all lowercase, all capitals, or a line in
        Title Case) loses the everyday words at its ends that are nobody's name ("owe kamilly
        an apology", "Bo tmrw", "My Cousin Lives"); False when nothing is left."""
        span = text[r.start:r.end]
        if not (span.islower() or span.isupper() or self._title_line(text, r.start, r.end)):
            return True
        words_at = [(m.start(), m.end()) for m in P.WORD.finditer(text, r.start, r.end)]
        parts = self._inner(text, words_at, lambda w, _: self._everyday(w))
        if not parts and span.islower() and "-" in span:
            return False  # "font-size", "well-known": a compound of everyday words
        if not parts and span.islower():
            # the tagger's lowercase name of dictionary words ("ping tmrw"): kept, less the
            # function words and chat spellings, rather than let a name through
            parts = self._inner(text, words_at, lambda w, _: w.lower() in STOPWORDS or w.lower() in CHAT_WORDS)
        if not parts or parts[-1][1] - parts[0][0] < 2:
            return False
        r.start, r.end = parts[0][0], parts[-1][1]
        return True

    def _trim_lowercase_start(self, text: str, r: RecognizerResult) -> None:
        """A name's span that holds a capitalised word loses the lowercase words it opens with
        that are no surname particle and no known first name ("kocht heute Suppe" -> "Suppe",
        "fahren morgen nach Berlin" -> "Berlin"): German and other languages the tagger never
        learnt run verbs into the names. Not its end: "Anej ribič" is a surname typed in
        lowercase; nor a span of lowercase words only, which in chat may be a name no list knows."""
        if not text[r.start:r.start + 1].islower() or text[r.start:r.end].islower():
            return
        for word in P.WORD.finditer(text, r.start, r.end):
            if word.group()[:1].isupper() or word.group() in PARTICLES or word.group().title() in self.first:
                r.start = word.start()
                return

    def _trim_function_words(self, text: str, r: RecognizerResult) -> bool:
        """A name loses the Spanish, French, German, Italian or Portuguese function words at
        its ends ("Ich heiße Jürgen Müller und" -> "Jürgen Müller"), but not in capitals (the
        "EU"); False when nothing is left ("Hola", "mi chiamo")."""
        words_at = [(m.start(), m.end()) for m in P.WORD.finditer(text, r.start, r.end)]

        def function_word(w: str, at: int) -> bool:
            # "for Ella's party": a capitalised first name inside a sentence is no pronoun
            return w.lower() in P.LATIN_FUNCTION_WORDS and not w.isupper() and not (
                w[:1].isupper() and w in self.first and not P.SENTENCE_START.search(text, max(0, at - 4), at))

        parts = self._inner(text, words_at, function_word)
        if len(parts) == len(words_at):
            return True
        if not parts:
            return False
        r.start, r.end = parts[0][0], parts[-1][1]
        return True

    def _title_line(self, text: str, start: int, end: int) -> bool:
        """The line holding text[start:end] is in Title Case: four words or more, at least
        four in five of them capitalised. A chat message is often one long line, read once per
        name in it: the answer is kept per line for the call (`Retyper.__call__`), and the
        count stops as soon as too many words are lowercase."""
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        known = self._line_titles.get((line_start, line_end))
        if known is None:
            known = self._line_titles[line_start, line_end] = _title_case(
                text[line_start:None if line_end < 0 else line_end])
        return known

    @staticmethod
    def _inner(text: str, words_at: list[tuple[int, int]], everyday) -> list[tuple[int, int]]:  # noqa: ANN001
        """The words between the first and the last that `everyday(word, start)` rejects."""
        parts = list(words_at)
        while parts and everyday(text[parts[0][0]:parts[0][1]].strip(".'’"), parts[0][0]):
            parts.pop(0)
        while parts and everyday(text[parts[-1][0]:parts[-1][1]].strip(".'’"), parts[-1][0]):
            parts.pop()
        return parts


# "I", "I'm", "I'll": capitalised in any sentence, so no sign of a line in Title Case.
_ALWAYS_CAPITALISED = frozenset({"I", "I'm", "I’m", "I've", "I’ve", "I'll", "I’ll", "I'd", "I’d"})


def _title_case(line: str) -> bool:
    words = [w for w in line.split() if w.rstrip(",.!?;:") not in _ALWAYS_CAPITALISED]
    most_lower = len(words) // 5  # more lowercase words than this, and the line is no title
    alpha = lower = 0
    for word in words:
        if word[0].isalpha():
            alpha += 1
            if not word[0].isupper():
                lower += 1
                if lower > most_lower:
                    return False
    return alpha >= 4 and (alpha - lower) * 5 >= alpha * 4

"""Type resolution's passes over the whole text, run after retype.py's per-result rules.

A result's own characters cannot say that "Hannah" stands in a list of people, that a surname
on an address's line belongs to the name before it, or that "Why is Mark so impulsive?" is
about a person. These passes read the text around the results: names next to names, lists
of names, a person's predicates, places named by context ("flew to X", "Where: X").
`TextPasses` is a mixin of `Retyper`, whose lexicons it reads.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from . import name_patterns as P
from .everyday_names import after_determiner
from .name_patterns import NAME_TYPES, ORG_WORDS


def _result(like: RecognizerResult, entity: str, start: int, end: int, score: float) -> RecognizerResult:
    return RecognizerResult(entity, start, end, score, recognition_metadata=dict(like.recognition_metadata or {}))


def _title(word: str) -> str:
    """'horváth' -> 'Horváth', leaving the rest of the word as written."""
    return word[:1].upper() + word[1:]


def _cased(word: str) -> str:
    return word.title() if word.isupper() and len(word) > 1 else word


def matched_at(pattern, text: str, lower: str | None, words: tuple[str, ...]) -> list:  # noqa: ANN001
    """`pattern`'s matches that start where one of `words` starts in `lower` (the text in
    lowercase, of the same length); a scan of the whole text where there is none."""
    if lower is None:
        return list(pattern.finditer(text))
    found = {}
    for word in words:
        at = lower.find(word)
        while at >= 0:
            if at not in found and (m := pattern.match(text, at)) is not None:
                found[at] = m
            at = lower.find(word, at + 1)
    return [found[at] for at in sorted(found)]


def in_firm_context(text: str, start: int, end: int) -> bool:
    """A workplace word before ("at Jones, Mitchell and Williams", "worked for ...") or a legal
    form or possessive after: the names at text[start:end] are a firm's."""
    return bool(P.WORKPLACE.search(text[max(0, start - 24):start]) or P.FIRM_AFTER.match(text[end:end + 10]))


def in_firm_frame(text: str, start: int, end: int) -> bool:
    """Where only a firm is named: "worked for X", "the address of X is", "the X office",
    "X invested", "X is a design agency", "... of X is the CEO"."""
    before = text[max(0, start - 40):start]
    after = text[end:end + 60]
    return bool(P.FIRM_FRAME_BEFORE.search(before) or P.FIRM_FRAME_AFTER.match(after)
                or P.ROLE_OF_BEFORE.search(before) and P.ROLE_AFTER.match(after))


def _word_lists(text: str):  # noqa: ANN202 - an iterator of matches
    """`P.WORD_LIST` matches, looked for only on the lines that hold a comma and a final
    "and" (a list never crosses a line; one scan of every line cost more than the rule)."""
    start = 0
    for line in text.split("\n"):
        if "," in line and (" and " in line or "&" in line) and P.WORD_LIST_CUE.search(text, start, start + len(line)):
            yield from P.WORD_LIST.finditer(text, start, start + len(line))
        start += len(line) + 1


def _human_context(text: str, start: int, end: int) -> bool:
    """What only a person is said to be or do: "X is a very sympathetic person", "Why is X so
    impulsive?", "X had given Y his address" (both X and Y)."""
    after = text[end:end + 60]
    return bool(P.HUMAN_AFTER.match(after)
                or P.TRAIT_AFTER.match(after) and P.WHY_IS_BEFORE.search(text, max(0, start - 12), start)
                or P.GIVEN_BEFORE.search(text, max(0, start - 12), start) and P.POSSESSIVE_AFTER.match(after))


class Coverage:
    """Which characters of the text some result already covers: an overlap test is one scan
    in C instead of a loop over every result."""

    __slots__ = ("_chars",)

    def __init__(self, text: str, results: list[RecognizerResult]) -> None:
        chars = bytearray(len(text))
        for r in results:
            chars[r.start:r.end] = b"\x01" * (r.end - r.start)
        self._chars = chars

    def overlaps(self, start: int, end: int) -> bool:
        return self._chars.find(1, start, end) >= 0


class LexiconReader:
    """What the passes' mixins read of `Retyper`: its lexicons and its place test."""

    first: frozenset[str]
    last: frozenset[str]
    common: frozenset[str]
    english: frozenset[str]
    nrp: frozenset[str]

    def _is_place(self, text: str) -> bool:
        raise NotImplementedError

    def _cued_names(self, text: str, taken: "Coverage") -> list[RecognizerResult]:  # retype_cues.CuePasses
        raise NotImplementedError


class TextPasses(LexiconReader):
    """Passes over the whole text: names beside names, lists, predicates, places and firms by context."""

    @staticmethod
    def _named_as_firm(text: str, r: RecognizerResult) -> bool:
        """One subject of a singular verb ("... and Harris is an American bank"), after "the",
        or a line of its own (a signature's firm line); "our 3 founders: Kónya, Becker and
        Vasquez." stays three people."""
        line_start = text.rfind("\n", 0, r.start) + 1
        line_end = text.find("\n", r.end)
        alone = not text[line_start:r.start].strip(" \t>") and not text[r.end:None if line_end < 0 else line_end].strip()
        return alone or bool(P.FIRM_VERB_AFTER.match(text, r.end)) or bool(P.THE_BEFORE.search(text, max(0, r.start - 5), r.start))

    def _people_context(self, text: str, out: list[RecognizerResult]) -> list[RecognizerResult]:
        """Names next to names: a first name listed beside a person is a person ("Hannah" in
        "Gaetane, Hannah, Anthony"); a word that repeats part of a detected full name is that
        person again ("directed by Maciej Borkowski and starring Borkowski")."""
        people = sorted((r for r in out if r.entity_type == "PERSON"), key=lambda r: r.start)
        # A name list's weak "person" that the tagger read as a place with more confidence
        # ("France" in "born in Paris, France") makes no neighbour a person.
        places = {(r.start, r.end): r.score for r in out if r.entity_type == "LOCATION"}
        listed = [r for r in people if places.get((r.start, r.end), -1.0) < r.score]
        ends = {r.end for r in listed}
        starts = {r.start for r in listed}
        extra: list[RecognizerResult] = []
        added: set[int] = set()
        for _ in range(2):  # a chain of unknown words next to people: both directions
            for r in out:
                word = text[r.start:r.end]
                if r.entity_type != "LOCATION" or " " in word or r.start in added \
                        or (word.title() not in self.first and self._is_place(word)):
                    continue
                if self._beside_person(text, r.start, r.end, ends, starts):
                    extra.append(_result(r, "PERSON", r.start, r.end, max(r.score, 0.86)))
                    starts.add(r.start)
                    ends.add(r.end)
                    added.add(r.start)
        extra += self._lowercase_neighbours(text, people + extra)
        for r in out:  # "says Navrátilová": a word the tagger called a place, where only people speak
            word = text[r.start:r.end]
            named = P.NAMED.search(text, max(0, r.start - 16), r.start)
            if r.entity_type in ("LOCATION", "NRP") and " " not in word and (
                    named or _human_context(text, r.start, r.end) or r.entity_type == "LOCATION" and not self._is_place(word) and (
                    P.PERSON_BEFORE.search(text, max(0, r.start - 16), r.start)
                    or P.PERSON_AFTER.match(text[r.end:r.end + 12]))):
                extra.append(_result(r, "PERSON", r.start, r.end, max(r.score, 0.86)))
        surnames = {w for r in people for w in text[r.start:r.end].split()[1:] if w[:1].isupper() and len(w) > 2}
        taken = Coverage(text, out)
        for m in P.CAPITALISED.finditer(text):
            word = m.group(0)
            if word.lower() in P.CALENDAR or word.lower() in P.LATIN_FUNCTION_WORDS:
                continue  # "by Friday": a day, whatever comes before it; "Mein Bruder": no name
            if (word.lower() not in self.english or word in self.first or word in self.last) \
                    and not taken.overlaps(m.start(), m.end()) \
                    and _human_context(text, m.start(), m.end()):
                extra.append(RecognizerResult("PERSON", m.start(), m.end(), 0.7))  # "Why is Mark so impulsive?"
                continue
            # a known first name; not at a sentence's start, where a capital says nothing ("Will and Sam came")
            if word in self.first and word not in self.nrp and not self._is_place(word) \
                    and not P.SENTENCE_START.search(text, max(0, m.start() - 4), m.start()) \
                    and self._beside_person(text, m.start(), m.end(), ends, starts) \
                    and not taken.overlaps(m.start(), m.end()):
                extra.append(RecognizerResult("PERSON", m.start(), m.end(), 0.7))  # "Mees and Sam"
                continue
            if word not in surnames and word not in self.last:
                if len(word) > 2 and word.lower() not in self.english and not self._is_place(word) and (
                        P.PERSON_BEFORE.search(text, max(0, m.start() - 16), m.start())
                        or P.PERSON_AFTER.match(text[m.end():m.end() + 12])) \
                        and not taken.overlaps(m.start(), m.end()):
                    extra.append(RecognizerResult("PERSON", m.start(), m.end(), 0.6))
                continue
            if taken.overlaps(m.start(), m.end()):
                continue
            known_surname = word in self.last and word not in self.first and word.lower() not in self.common \
                and not self._is_place(word) and not P.SENTENCE_START.search(text, max(0, m.start() - 4), m.start()) \
                and not (word.lower() in self.english and after_determiner(text, m.start(), m.end()))  # "the Moon"
            if known_surname and word not in surnames and in_firm_frame(text, m.start(), m.end()):
                extra.append(RecognizerResult("ORGANIZATION", m.start(), m.end(), 0.6))  # "the Välimäki office"
            elif word in surnames or known_surname:
                extra.append(RecognizerResult("PERSON", m.start(), m.end(), 0.8 if word in surnames else 0.6))
        for m in P.CREATOR.finditer(text):
            word = m.group(1)
            if (word in self.last or word.lower() not in self.english) and word not in self.first \
                    and word not in self.nrp and not self._is_place(word):
                extra.append(RecognizerResult("PERSON", m.start(1), m.end(1), 0.7))
        for m in P.TWO_WORDS.finditer(text):  # "Yuito Hirai": two capitalised words no dictionary knows
            words = m.group(0).split()
            if all(w.lower() not in self.english and not self._is_place(w) and w.lower() not in ORG_WORDS
                   for w in words) and not self._is_place(m.group(0)) and not any(
                    r.start <= m.start() and m.end() <= r.end and r.entity_type != "LOCATION" for r in out):
                # a greeting, title or pronoun of another language is no part of it: "Herr
                # Schmidt" names "Schmidt", "Guten Morgen" nobody
                start, end = m.start(), m.end()
                if words[0].lower() in P.LATIN_FUNCTION_WORDS or words[0].lower() in P.CYRILLIC_GREEK_FUNCTION_WORDS \
                        or words[0].lower() in P.CYRILLIC_IMPERATIVES:  # "Напомни Модесту": a prompt's verb
                    start = m.start() + m.group(0).index(words[1], len(words[0]))
                if words[-1].lower() in P.LATIN_FUNCTION_WORDS or words[-1].lower() in P.CYRILLIC_GREEK_FUNCTION_WORDS:
                    end = m.start() + m.group(0).index(words[0]) + len(words[0])
                if start < end:
                    extra.append(RecognizerResult("PERSON", start, end, 0.6))
        for m in P.MIDDLE_INITIAL.finditer(text):  # a name the tagger missed or cut short
            if (m.group(1) in self.first or m.group(1).lower() not in self.english) and not any(
                    r.start <= m.start() and m.end() <= r.end and r.entity_type not in NAME_TYPES for r in out):
                extra.append(RecognizerResult("PERSON", m.start(), m.end(), 0.8))
        taken = Coverage(text, out + extra)
        extra += self._cued_names(text, taken)
        ages = P.NAME_AGE_ITEM.finditer(text) if P.COMMA_DIGIT.search(text) else ()
        for m in ages:  # "(noah, 7, and lily, 5)": children and their ages
            word = m.group(1)
            if _title(word) in self.first and word.lower() not in self.common and word.lower() not in P.CALENDAR \
                    and not taken.overlaps(m.start(1), m.end(1)):
                extra += [RecognizerResult("PERSON", m.start(1), m.end(1), 0.7),
                          RecognizerResult("AGE", m.start(2), m.end(2), 0.6)]
        extra += self._places_by_context(text, out + extra)
        return out + extra + self._firms_by_frame(text, out + extra)

    @staticmethod
    def _beside_person(text: str, start: int, end: int, ends: set[int], starts: set[int]) -> bool:
        """Joined by a comma, "and" or "&" to a person found ("Mees and Sam")."""
        before = P.JOIN.search(text, max(0, start - 6), start)
        after = P.JOIN.match(text, end)
        return bool(before and before.end() == start and before.start() in ends or after and after.end() in starts)

    def _firms_by_frame(self, text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
        """A capitalised name nobody detected, where only a firm is named ("Verdafero is the
        brainchild of", "The Propublica office is at", "later became Zillow in 2014"); one or two
        everyday words ("The Marketing office") are no firm's name."""
        if not P.FIRM_CUE.found_in(text):
            return []
        taken = Coverage(text, found)
        extra: list[RecognizerResult] = []
        for m in P.CAPITALISED_RUN.finditer(text):
            start = m.start() + (len(lead.group()) if (lead := P.ARTICLE.match(m.group())) else 0)
            words = text[start:m.end()].split()
            if not words or taken.overlaps(start, m.end()) or _cased(words[0]) in self.first:
                continue
            # everyday words make a firm's name only as a run of three or joined by a capital
            # "And" ("Clean Power Finance", "Compliance And Risks"; not "The Marketing office")
            everyday = len(words) < 3 and "And" not in words and "&" not in words \
                and all(w.lower().strip(".&") in self.english for w in words)
            if everyday or self._is_place(text[start:m.end()]):
                continue
            if in_firm_frame(text, start, m.end()):
                extra.append(RecognizerResult("ORGANIZATION", start, m.end(), 0.6))
        return extra

    def _lowercase_neighbours(self, text: str, people: list[RecognizerResult]) -> list[RecognizerResult]:
        """"maria, adam, christopher, olga and caleb": lowercase first names listed beside a
        person are people too (the tagger finds some of such a list, rarely all)."""
        extra: list[RecognizerResult] = []
        taken = {(r.start, r.end) for r in people}
        frontier = sorted(people, key=lambda r: r.start)
        while frontier:
            r = frontier.pop()
            after = P.JOIN_THEN_WORD.match(text, r.end)
            before = P.WORD_THEN_JOIN.search(text, max(0, r.start - 24), r.start)
            for m in (after, before):
                if m is None or (m.start(1), m.end(1)) in taken:
                    continue
                word = m.group(1)
                if word.title() in self.first and word not in self.english:
                    found = RecognizerResult("PERSON", m.start(1), m.end(1), 0.8)
                    taken.add((found.start, found.end))
                    extra.append(found)
                    frontier.append(found)
        return extra

    def _built_place(self, words: list[str]) -> bool:
        raise NotImplementedError

    def _places_by_context(self, text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
        extra: list[RecognizerResult] = []
        taken = Coverage(text, found)
        # a town built as towns are named ("the Elimarssonmouth", "Port Jasminemouth"), seen or not
        for m in P.CAPITALISED.finditer(text):
            # one word is built so only with a place ending (`_built_place`): a C test first
            if m.group(0).lower().endswith(P.PLACE_ENDINGS) and not taken.overlaps(m.start(), m.end()) \
                    and self._built_place([m.group(0)]):
                lead = P.PLACE_PREFIX_BEFORE.search(text, max(0, m.start() - 12), m.start())
                start = lead.start() if lead and not taken.overlaps(lead.start(), m.start()) else m.start()
                extra.append(RecognizerResult("LOCATION", start, m.end(), 0.6))
        for m in P.PLACE_LABEL.finditer(text):  # a form's place field outranks the tagger's guess
            value = m.group(1).rstrip(" .,")
            if value and value.split()[0].lower() not in self.english:
                extra.append(RecognizerResult("LOCATION", m.start(1), m.start(1) + len(value), 0.9))
        for m in P.PLACE_CONTEXT.finditer(text):
            start, end = m.span(1)
            words = m.group(1).split()
            # a compass or lake word may lead ("West Susanside"); the rest must be no word or first name
            named = words[1:] if len(words) > 1 and _cased(words[0]) in P.PLACE_PREFIXES else words
            if any(w.lower() in self.english or w.lower() in P.TEMPORAL or _cased(w) in self.first for w in named) \
                    or any(r.start < end and start < r.end for r in found):
                continue
            extra.append(RecognizerResult("LOCATION", start, end, 0.6))
        for r in found:  # a firm's town
            m = P.IN_PLACE_AFTER.match(text, r.end) if r.entity_type == "ORGANIZATION" else None
            if m and not taken.overlaps(*m.span(1)) and not any(
                    w.lower() in self.english or w.lower() in P.TEMPORAL or _cased(w) in self.first
                    for w in m.group(1).split()):
                extra.append(RecognizerResult("LOCATION", m.start(1), m.end(1), 0.6))
        if "visit" in text:
            for m in P.VISITED.finditer(text):
                start, end = m.span(1)
                if all(w.lower() not in self.english for w in m.group(1).split()) \
                        and not any(r.start < end and start < r.end for r in found):
                    extra.append(RecognizerResult("LOCATION", start, end, 0.6))
        return extra

    def _name_lists(self, text: str, out: list[RecognizerResult]) -> list[RecognizerResult]:
        """A list of three or more single words, at least half of them known names or people
        already, none a dictionary word and fewer than half places, is people, whatever the tagger made of its parts
        ("they had 6: horváth, pál, levente, dudás, horváth and nagy")."""
        if " and " not in text and "&" not in text:
            return out
        for m in _word_lists(text):
            items = [(m.start() + i.start(), m.start() + i.end()) for i in P.LIST_WORD.finditer(m.group())]
            words = [text[a:b] for a, b in items]
            # no everyday word, unless it is a first name too ("maria" is also a dictionary word)
            if any((w.lower() in self.common or w.lower() in self.english) and _title(w) not in self.first
                   for w in words):
                continue
            people = {(r.start, r.end) for r in out if r.entity_type == "PERSON"}
            known = sum(_title(w) in self.first or _title(w) in self.last or span in people for w, span in zip(words, items))
            places = sum(self._is_place(_title(w)) and _title(w) not in self.first for w in words)
            if 2 * known < len(words) or 2 * places >= len(words):
                continue
            if in_firm_context(text, m.start(), m.end()):
                continue  # "a year at Castro, Phillips and Singh": a firm (_split_list)
            if len(words) == 3 and words[0][:1].isupper() and self._named_as_firm(
                    text, RecognizerResult("ORGANIZATION", m.start(), m.end(), 0.0)):
                continue  # "Sparks, Harris and Mcdonald is ...": a firm (_split_list)
            inside = [r for r in out if r.entity_type in NAME_TYPES and m.start() <= r.start and r.end <= m.end()]
            if any(r.entity_type != "PERSON" or " " in text[r.start:r.end] for r in inside) \
                    or len({(r.start, r.end) for r in inside}) < len(items):
                out = [r for r in out if r not in inside] + [RecognizerResult("PERSON", a, b, max(
                    [0.8] + [r.score for r in inside if r.entity_type == "PERSON" and r.start < b and a < r.end]))
                    for a, b in items]
        return out

    def _name_before_address(self, text: str, out: list[RecognizerResult]) -> list[RecognizerResult]:
        """A person right before an address on its line keeps the capitalised words the address
        took before its unit or number ("Mrs. Jari | Pennanen Apt. 648 7096 Jännekuja 063"); an
        address never begins inside the name on the line above it."""
        people = {r.end: r for r in out if r.entity_type == "PERSON"}
        if not people:
            return out
        for address in out:
            if address.entity_type != "STREET_ADDRESS":
                continue
            line_end = text.find("\n", address.start, address.end)
            if line_end > 0 and any(p.start < address.start < p.end == line_end for p in people.values()):
                # "Dominyka Narušis\n> 4847 050 Urbonas Oval": a tagger's address that began
                # inside the name on the line above starts on its own line
                address.start = line_end + 1
                while address.start < address.end and text[address.start] in " \t>":
                    address.start += 1
                continue
            gap = address.start
            while gap > 0 and text[gap - 1] in " \t":
                gap -= 1
            person = people.get(gap)
            head = P.NAME_HEAD.match(text, address.start, address.end) if person is not None else None
            if head is None or P.STREET_END.search(head.group()) or all(
                    w.lower() in self.common and w not in self.last for w in head.group().split()):
                continue
            rest = head.end()
            while rest < address.end and text[rest] in " \t":
                rest += 1
            person.end, address.start = head.end(), rest
        return out

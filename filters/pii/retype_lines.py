"""Type resolution's passes over a text's lines: the layouts of postal blocks and signatures.

A line's place in a block says what its words are where the words themselves cannot: under
the addressee's name and above a country, a town ("Przemek Kucharski\n\nALFRICK\nUnited
Kingdom"); under the sender's name and above another name, an address or a phone line, a
firm ("Lina Artemova\nIrecycle\n2224 Trenerys gate 232"); an address block's first line with no
digit in it, the addressee or a firm ("Sara Schwarz\n28245 Puruntie 82"). What a tagger's street
address turns out to be is decided here too: a child and an age, a code, a date, a street led by
a street word of another language. `LinePasses` is a mixin of `Retyper`, whose lexicons it reads.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from . import name_patterns as P
from .everyday_names import dates_only, school_year, tech_version
from .recognizers.legal_forms import firm_end
from .recognizers.places import HAS_STREET_WORD, model_code_only, plausible_address
from .retype_context import LexiconReader, _cased, _result


class LinePasses(LexiconReader):
    """Passes over the lines of postal blocks and signatures, and what a street address the
    tagger found turns out to be."""

    street_prefixes: frozenset[str]
    street_endings: tuple[str, ...]

    def _person_line(self, line: str) -> bool:
        """A line that is someone's name: two to four capitalised words, a known first name first."""
        words = line.strip(" \t>").split()
        return 2 <= len(words) <= 4 and _cased(words[0]) in self.first and all(w[:1].isupper() for w in words)

    def _sender_above(self, text: str, line_start: int) -> bool:
        """Whether the sender's name is on the line above `line_start`, or above a job title
        there ("Olga Krylova\nCable line installer\n<firm>")."""
        if line_start == 0:
            return False
        above_start = text.rfind("\n", 0, line_start - 1) + 1
        above = text[above_start:line_start - 1]
        if self._person_line(above):
            return True
        title = above.strip(" \t>").split()  # "Leasing consultant", "Cable line installer"
        is_title = 1 <= len(title) <= 5 and not any(c.isdigit() for c in above) and (
            all(w.lower() in self.english for w in title) or len(title) > 1 and all(w.islower() for w in title[1:]))
        return is_title and above_start > 0 \
            and self._person_line(text[text.rfind("\n", 0, above_start - 1) + 1:above_start - 1])

    def _signature_line_below(self, text: str, line_end: int) -> bool:
        """Whether the line after `line_end` is a name, an address or a phone line."""
        below_end = text.find("\n", line_end + 1)
        below = text[line_end + 1:None if below_end < 0 else below_end].strip(" \t>")
        return self._person_line(below) or bool(P.ADDRESS_OR_PHONE_LINE.match(below))

    def _company_lines(self, text: str, out: list[RecognizerResult]) -> list[RecognizerResult]:
        """A signature's firm line: under the sender's name (and job title), above another name,
        an address or a phone line ("Lina Artemova\nIrecycle\n2224 Trenerys gate 232"). The line
        is the firm's whatever name the tagger took it for, and found where it took none."""
        if text.count("\n") < 2:
            return out
        retyped: list[RecognizerResult] = []
        for r in out:
            line_start = text.rfind("\n", 0, r.start) + 1
            line_end = text.find("\n", r.end)
            value = text[r.start:r.end]
            if r.entity_type in ("PERSON", "LOCATION") and line_end > 0 and not text[line_start:r.start].strip(" \t>") \
                    and not text[r.end:line_end].strip() and _cased(value.split()[0]) not in self.first \
                    and not self._is_place(_cased(value)) and self._sender_above(text, line_start) \
                    and self._signature_line_below(text, line_end):
                retyped.append(_result(r, "ORGANIZATION", r.start, r.end, max(r.score, 0.6)))
            else:
                retyped.append(r)
        taken = [(r.start, r.end) for r in retyped]
        for line in P.SIGNATURE_FIRM_LINE.finditer(text):  # a firm line no detector read at all
            start, end = line.span(1)
            name = line.group(1)
            if any(a < end and start < b for a, b in taken) or _cased(name.split()[0]) in self.first \
                    or all(w.lower().strip(".,&") in self.english for w in name.split()) or self._is_place(_cased(name)):
                continue
            if self._sender_above(text, line.start()) and self._signature_line_below(text, line.end()):
                retyped.append(RecognizerResult("ORGANIZATION", start, end, 0.6))
        return retyped

    def _city_lines(self, text: str, out: list[RecognizerResult]) -> list[RecognizerResult]:
        """A postal block without a street: the addressee's name, then the town, then a known
        place (the country) on a line of its own ("Przemek Kucharski\n\nALFRICK\nUnited
        Kingdom"). The town's line is a place whatever names the tagger took it for, in one
        piece or several ("Chiclana de" + "Frontera")."""
        if text.count("\n") < 2:
            return out
        people = [r for r in out if r.entity_type == "PERSON"]
        lines: dict[tuple[int, int], list[RecognizerResult]] = {}
        for r in out:
            if r.entity_type in ("PERSON", "ORGANIZATION", "NRP", "LOCATION"):
                start = text.rfind("\n", 0, r.start) + 1
                end = text.find("\n", r.end)
                lines.setdefault((start, len(text) if end < 0 else end), []).append(r)
        towns: dict[int, RecognizerResult] = {}
        for (start, end), found in lines.items():
            found.sort(key=lambda r: r.start)
            if all(r.entity_type == "LOCATION" for r in found) or text[start:found[0].start].strip(" \t>") \
                    or text[found[-1].end:end].strip() \
                    or not all(P.NAME_PARTICLES.fullmatch(text, a.end, b.start) for a, b in zip(found, found[1:])):
                continue  # a place already, or the line holds more than the names on it
            below_end = text.find("\n", end + 1)
            below = text[end + 1:None if below_end < 0 else below_end].strip(" \t>")
            above = text[:start].rstrip(" \t>\n")
            above_start = above.rfind("\n") + 1
            addressee = any(p.end == len(above) and p.start >= above_start
                            and not above[above_start:p.start].strip(" \t>") for p in people)
            words = text[found[0].start:found[-1].end].split()
            person = len(words) > 1 and _cased(words[0]) in self.first  # "Bob Jones" under "Anna Smith"
            if end < len(text) and below and self._is_place(_cased(below)) and addressee and not person:
                town = _result(found[0], "LOCATION", found[0].start, found[-1].end, max(f.score for f in found))
                towns.update({id(r): town for r in found})
        if not towns:
            return out
        retyped, placed = [], set()
        for r in out:
            town = towns.get(id(r))
            if town is None:
                retyped.append(r)
            elif id(town) not in placed:
                placed.add(id(town))
                retyped.append(town)
        return retyped

    def _labelled_name(self, text: str, start: int, words: list[str], head: str) -> bool:
        """"Billing address: Tintin Forsberg" above the street: the addressee, even where no
        first-name list knows the name (capitalised words, no street word, no place)."""
        line_start = text.rfind("\n", 0, start) + 1
        return bool(P.FORM_LABEL_BEFORE.fullmatch(text, line_start, start)) and len(words) <= 3 \
            and all(P.CAPITALISED.fullmatch(w) and w.lower() not in self.english for w in words) \
            and not HAS_STREET_WORD.search(head) and not self._is_place(head)

    def _address_head(self, text: str, r: RecognizerResult) -> list[RecognizerResult]:
        number = P.NUMBER_BEFORE.search(text, max(0, r.start - 12), r.start)
        if number:  # "03262 2437 Main St": the first number is the address's too
            r.start = number.start()
        block = text[r.start:r.end]
        cut = block.find("\n")
        head = block[:cut].strip() if cut > 0 else ""
        words = head.split()
        if not head or any(c.isdigit() for c in head) or not 1 <= len(words) <= 4:
            return [r]
        if len(words) > 1 and (_cased(words[0]) in self.first or self._labelled_name(text, r.start, words, head)):
            kind, score = "PERSON", max(r.score, 0.8)  # the addressee's name
        elif _cased(words[0]) not in self.first and not HAS_STREET_WORD.search(head) and not self._is_place(_cased(head)) \
                and not all(w.lower().strip(".,&") in self.english for w in words) \
                and self._sender_above(text, text.rfind("\n", 0, r.start) + 1):
            kind, score = "ORGANIZATION", max(r.score, 0.6)  # a signature's firm line under the sender's name
        else:
            return [r]
        rest = r.start + cut + 1
        while rest < r.end and text[rest] in " \t>":
            rest += 1
        start = r.start + block.find(head)
        return [_result(r, kind, start, start + len(head), score), _result(r, "STREET_ADDRESS", rest, r.end, r.score)]

    def _retyped_address(self, text: str, r: RecognizerResult, span: str) -> list[RecognizerResult]:
        """A tagger's street address: a child and an age, a code, a date, a year and a firm,
        or an address whose head may be someone's line (`_address_head`)."""
        if (aged := P.NAME_COMMA_AGE.fullmatch(span)) and aged.group(1).title() in self.first \
                and P.LIST_ITEM_BEFORE.search(text, max(0, r.start - 6), r.start):
            # "(noah, 7, and lily, 5)": a child and an age, not a house number
            return [_result(r, "PERSON", r.start + aged.start(1), r.start + aged.end(1), r.score),
                    _result(r, "AGE", r.start + aged.start(2), r.start + aged.end(2), 0.6)]
        if not plausible_address(span) or P.CURRENCY_AFTER.match(text, r.end) or P.PHONE_LABEL.match(span) \
                or (model_code_only(span) or dates_only(span) or school_year(span) or tech_version(span)) \
                and not HAS_STREET_WORD.search(span):
            # the tagger's "0537490387 tomorrow", "security number 017-97-5813", "Transfer 250" EUR,
            # "Fax: +421 ...", "Samsung Galaxy S24", "Noah (Jun 12), Ava", "в 5 классе"
            return []
        if (dated := P.YEAR_THEN_NAME.match(span)) and not HAS_STREET_WORD.search(span):
            # "During 1980, Månsson Wiklund AB invested": a year, not a house number
            year = [_result(r, "DATE_TIME", r.start + dated.start("year"), r.start + dated.end("year"), 0.6)]
            start = r.start + dated.start("rest")
            end = firm_end(text, start, r.end)
            if end is not None:
                return [*year, _result(r, "ORGANIZATION", start, end, max(r.score, 0.6))]
            # "Sp Capital Iq invested": the capitalised words are a name all the same; a
            # firm by the sentence's shape, below any recognizer that knows it for a person.
            name = P.CAPITALISED_RUN.match(text, start)
            return [*year, _result(r, "ORGANIZATION", start, name.end(), 0.5)] if name else year
        return self._address_head(text, r)

    def _street_by_its_type(self, text: str, r: RecognizerResult, span: str,
                            words: list[str]) -> RecognizerResult | None:
        """A name that a street-type word of another language leads ("Rua", "Drumul",
        "Intrarea", "rue", "ulica": `street_prefixes.txt`, from Faker's address providers), or
        a single word that ends in one ("Strand-åsen", "Kerk-straat": `street_endings.txt`)
        and has a house number after it, is a street, whatever the tagger called it."""
        number = P.HOUSE_NUMBER_AFTER.match(text, r.start + len(span))
        end = number.end() if number else r.start + len(span)
        before = P.WORD_BEFORE.search(text, max(0, r.start - 16), r.start)
        if before and before.group(1).lower() in self.street_prefixes:
            return _result(r, "STREET_ADDRESS", before.start(1), end, max(r.score, 0.7))
        lead = words[0].lower()
        if len(words) > 1 and lead in self.street_prefixes and (number or (
                _cased(words[0]) not in self.first and _cased(words[0]) not in self.last and lead not in self.english)):
            return _result(r, "STREET_ADDRESS", r.start, end, max(r.score, 0.7))
        if number and len(words) == 1 and (lower := words[0].lower()).endswith(self.street_endings) and any(
                lower.endswith(e) and len(lower) >= len(e) + 3 for e in self.street_endings):
            return _result(r, "STREET_ADDRESS", r.start, end, max(r.score, 0.7))
        return None

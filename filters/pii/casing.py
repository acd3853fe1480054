"""Text written in one case, read as if it were written the usual way.

Children and angry customers write whole messages in capitals ("MY NAME IS LUCAS AND I LIVE
ON 12 OAK STREET", "WHY IS THIS SO COMPLICATED"), or in lowercase ("my friend lucas lives in
almaty"); some keyboards capitalise every word, hasty writers only their sentences' first.
The tagger learnt names partly from their capitals: where every word has one, it took everyday
words for names ("SPEAKING TO BOTS") and missed names among them; where none has one, it
found a name only after the words that introduce someone. Such a text is analysed in a copy
of the same length with capitals where names have them: `unshouted` for text in capitals (or
with every word capitalised), `capitalised_names` for text without capitals on names. The
copy changes letters only, never a character's position, so detections in it are the
original's offsets. Any other text is read as written.
"""

from __future__ import annotations

import string
from functools import lru_cache
from itertools import islice

import regex as re
from faker.providers.address.en_US import Provider as UsAddress

from .recognizers.common import ACRONYMS, CHAT_WORDS, STOPWORDS, common_words, english_words
from .recognizers.lexicon import LOWERCASE_EXCLUDED, PARTICLES, TITLES, lexicon

# A word of Latin letters alone (the name lists and dictionaries are of Latin script), not part
# of a code, an address or a name's handle ("GB82WEST", "401K", "LUCAS.SMITH@X.COM").
_WORD = re.compile(r"(?<![\p{L}\d_@.-])(?=\p{Latin})\p{Lu}\p{Latin}*(?![\p{L}\d_@-]|\.[\p{L}\d])")
_LOWER_WORD = re.compile(
    r"(?<![\p{L}\d_@.'’-])(?=\p{Latin})\p{Ll}\p{Latin}*(?![\p{L}\d_@-]|\.[\p{L}\d]|['’](?!s\b))")
_UNIT_BEFORE_NUMBER = re.compile(r"(?<![\p{L}\d])(?:apt|suite)(?=\.?[ \t]*#?\d)")
_CAPITAL = re.compile(r"\p{Lu}")
_WORD_AFTER = re.compile(r"[ \t]+(\p{L}+)")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|from|near|visit(?:s|ing|ed)?|(?:go(?:es|ing|ne)?|went|mov(?:e|ed|ing)|fl(?:y|ew|ying)"
    r"|travel\w*|dr(?:ive|ove|iving)|return(?:s|ed|ing)?|back|trip)[ \t]+to)[ \t]+$")
# A maker's word before a name of two words or more ("directed by wacława adamska"; not "sung
# by salarymen"), a speaker's before a name of one word too ("says hartvigsson"). Not after
# it: a tool "said" as often as a person ("webpack said error").
_MADE_BY = re.compile(
    r"\b(?:(?:directed|written|sung|composed|produced|painted|performed|founded|created|designed|invented"
    r"|discovered|hosted|illustrated|translated|edited|narrated|signed|coached|taught)[ \t]+by|starring|featuring)[ \t]+$")
_SAID_BY = re.compile(r"\b(?:says|said|asks|asked|adds|added|replied|writes|wrote|explains|explained|commenter)[ \t]+$")
# An initial between two words of a name: with its dot any letter, without one no letter that
# is a word of its own in the languages of the place lists ("chomutice u horic v podkrkonoší").
_INITIAL = re.compile(r"[b-df-hj-np-tw-x]|\p{Ll}(?=\.)")
_NAME_GAP = re.compile(r"[ \t]+(?:\p{Ll}\.?[ \t]+)?")
_LIST_BEFORE = re.compile(r",[ \t]*(?:\p{L}+[ \t]+(?:and|&|or)[ \t]+)?$")
_LIST_AFTER = re.compile(r"[ \t]*,[ \t]*\p{L}+(?:[ \t]*,|[ \t]+(?:and|&|or)\b)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n][\s\"'“‘(]*|^[\s\"'“‘(]+)$")
_PRONOUN_I = re.compile(r"I(?:['’](?:m|ll|d|ve))?(?![\p{L}\d])")
_FUNCTION_WORDS = (STOPWORDS - {"i"}) | {"can", "will", "may", "might", "shall", "into", "about", "as", "than"}
_WORD_START = re.compile(r"(?<![\p{L}\d'’])\p{L}+")
# The small words inside a name ("castiglione in teverina", "morro de souza").
_JOINING = PARTICLES | {"in", "on", "upon", "sur", "am", "an", "y", "e", "i", "do", "das", "dos"}
_ASCII_UPPER, _ASCII_LOWER = string.ascii_uppercase.encode(), string.ascii_lowercase.encode()
_KEPT_IN_CAPITALS = frozenset({"I", "USS", "USNS", "USNV", "USCGC", "PSC", "FPO", "APO", "DPO"})
_UNIT_WORDS = frozenset({"apt", "suite"})
# English street words ("STREET", "AVENUE", "COURT"), which are dictionary words too; the
# lexicon's `street_endings` are other languages' ("utca", "gade") and no dictionary's.
_STREET_WORDS = frozenset(w.lower() for w in UsAddress.street_suffixes)
_NUMBER_BEFORE = re.compile(r"\d[\p{L}\d-]*\s+$")
_BETWEEN_DIGITS = re.compile(r" \d")
_CODE_GROUP_BEFORE = re.compile(r"\d[\p{L}\d-]* $")
_KEEP, _TITLE, _LOWER = 0, 1, 2  # how `unshouted` writes a word in its copy


def shouting(text: str) -> bool:
    """Written in capitals: at least four in five of its letters A to Z, and eight of them.
    Only those are counted (in C, a tenth of the time of a pass over the characters): the
    copy recases Latin words only, and other scripts' own rules read their capitals."""
    data = text.encode("ascii", "ignore")
    upper = len(data) - len(data.translate(None, _ASCII_UPPER))
    return upper >= 8 and upper >= 4 * (len(data) - len(data.translate(None, _ASCII_LOWER)))


@lru_cache(maxsize=1)
def _place_openers() -> frozenset[str]:
    return frozenset(p.split(" ", 1)[0] for p in lexicon("places") if " " in p)


def _multiword_places(text: str, words: list[re.Match], places: frozenset[str]) -> set[int]:
    """Indexes of the words that make up a known place of two or three words ("UNITED STATES",
    "new zealand"), which would otherwise read as everyday words."""
    found: set[int] = set()
    openers = _place_openers()
    for i in range(len(words) - 1):
        if _title(words[i].group()) not in openers:
            continue  # nearly every word: no place of several words begins with it
        for size in (3, 2):
            run = words[i:i + size]
            if len(run) < size or any(text[a.end():b.start()] != " " for a, b in zip(run, run[1:])):
                continue
            if " ".join(w.group().title() for w in run) in places:
                found.update(range(i, i + size))
                break
    return found


def _title(word: str) -> str:
    return word[0].upper() + word[1:].lower()


def english_form(word: str, english: frozenset[str]) -> bool:
    """A dictionary word or a plural of one ("bots", "boxes", "stories")."""
    return word in english or len(word) > 3 and word.endswith("s") and (
        word[:-1] in english or word.endswith("es") and word[:-2] in english
        or word.endswith("ies") and word[:-3] + "y" in english)


def read_as_written_usually(text: str) -> str:
    """The copy of `text` the engine reads (see the module's docstring)."""
    if not _CAPITAL.search(text):
        return capitalised_names(text)  # no capital at all
    if shouting(text):
        return unshouted(text)
    if title_cased(text) and len(upper := text.upper()) == len(text):
        return unshouted(upper)  # "My Name Is Lucas And I Live In Springfield": a capital says nothing
    if capitals_only_to_start_sentences(text):
        return capitalised_names(text)  # "Yesterday i met lucas at the mall."
    return text


def capitals_only_to_start_sentences(text: str) -> bool:
    """Written without a capital on any name: every capital opens a sentence or a line, or is
    the pronoun "I". Most texts show a capital inside a sentence within a few words."""
    for m in _CAPITAL.finditer(text):
        if not (_SENTENCE_START.search(text, max(0, m.start() - 8), m.start()) or _PRONOUN_I.match(text, m.start())):
            return False
    return True


def title_cased(text: str) -> bool:
    """A line with every word capitalised, as some keyboards and pasted headlines write: at
    least five words, nine in ten of them with a capital, two of them function words ("The",
    "To", "My"). Forms, signatures and address blocks capitalise every word of their lines too;
    they hold no function words, or lines of their own, and are read as written."""
    if "\n" in text:
        return False
    first = [m.group()[0] for m in islice(_WORD_START.finditer(text), 10)]
    if sum(map(str.islower, first)) > 1:
        return False  # nearly every text: two of its first ten words lowercase, and no more read
    words = _WORD_START.findall(text)
    if len(words) < 5 or sum(1 for w in words if w[0].isupper()) < 0.9 * len(words):
        return False
    return sum(1 for w in words if w.lower() in _FUNCTION_WORDS) >= 2  # a sentence, not a record's line


def capitalised_names(text: str) -> str:
    """`text` itself, or, if it has eight lowercase letters or more, its copy with the words
    that only a name list knows capitalised ("my friend lucas lives in almaty" reads "my
    friend Lucas lives in Almaty"). A name that is also a dictionary word ("rose", "bill",
    "park") stays as it is: capitalised, such words would read as names in every chat."""
    if sum(map(str.islower, text)) < 8:
        return text
    common, english = common_words(), english_words()
    names = (lexicon("first_names"), lexicon("last_names"), lexicon("places"))
    street_words = lexicon("street_endings")
    # Runs of words that are no everyday ones, one after another; a run is capitalised when no
    # dictionary knows one of its words at least, and a name list knows every word of it
    # ("maria gonzalez"; not "tell me a joke", though "Maria" and "Joke" are first names) or
    # its first is a known first name ("maciej borkowski").
    runs: list[list[tuple[re.Match, bool]]] = []
    joined_to = -1  # where a run's last word, and a joining word after it, end
    words = list(_LOWER_WORD.finditer(text))
    unknown = 0  # words no dictionary or name list knows
    for m in words:
        word = m.group()
        if word in common or word in TITLES or word in CHAT_WORDS:
            if runs and word in _JOINING and text[joined_to:m.start()] == " ":
                joined_to = m.end()  # "castiglione in" + " teverina": one place's name goes on
            continue
        in_dictionary = english_form(word, english)
        unknown += not in_dictionary and not any(_title(word) in known for known in names)
        gap = text[joined_to:m.start()]
        if runs and (gap == " " or gap == ". " and len(runs[-1][-1][0].group()) == 1):  # "soib k. kishiev"
            runs[-1].append((m, in_dictionary))
        else:
            runs.append([(m, in_dictionary)])
        joined_to = m.end()
    named: list[re.Match] = []
    # In another language most words are ones no dictionary knows: only the name lists judge.
    english_text = 2 * unknown <= len(words)
    for run in runs:  # all of a run known, or none capitalised: not "Castiglione in teverina"
        after = _WORD_AFTER.match(text, run[-1][0].end())
        if any(m.group() in street_words for m, _ in run) or after and after.group(1).lower() in street_words:
            continue  # "jános utca 197": a street's name, which its patterns read as written
        if len(run) == 1 and _in_a_list(text, run[0][0]):
            continue  # "barry, walsh and williams": the rules for lowercase lists read it
        if not all(in_dictionary for _, in_dictionary in run) and (
                all(_known_name(m.group(), names, alone=len(run) == 1) for m, _ in run)
                or _first_name_and_more(run, names[0]) or _unknown_place(text, run)):
            named += [m for m, _ in run]
            continue
        # Else the stretches of it that no dictionary knows, each judged alone: "producer" +
        # " liviana palerma" + " explained", "commenter" + " ivan petřík" + " points".
        for stretch in _undictionary_stretches(run) if english_text else ():
            named += _named_stretch(text, stretch, names)
    chars = list(text)
    for m in named + (_written_again(text, named, words, names) if english_text else []):
        chars[m.start()] = chars[m.start()].upper()
    for i in _multiword_places(text, words, names[2]):  # "united states", "castiglione in teverina"
        chars[words[i].start()] = chars[words[i].start()].upper()  # as the place list writes it
    for m in _UNIT_BEFORE_NUMBER.finditer(text):  # "apt. 297", "suite 084": a flat's line of an address
        chars[m.start()] = chars[m.start()].upper()
    copy = "".join(chars)
    # the text itself when nothing changed: the engine analyses a copy that differs twice
    return copy if len(copy) == len(text) and copy != text else text


def _undictionary_stretches(run: list[tuple[re.Match, bool]]) -> list[list[re.Match]]:
    """The run's stretches of words that no dictionary knows; dictionary words, in American
    or British spelling ("my neighbour" + " richard"), cut them."""
    stretches: list[list[re.Match]] = [[]]
    for m, in_dictionary in run:
        if in_dictionary or _british_spelling(m.group()):
            stretches.append([])
        else:
            stretches[-1].append(m)
    return [s for s in stretches if s]


_BRITISH = ((re.compile(r"our(s?)$"), r"or\1"), (re.compile(r"is(e[sd]?|ing)$"), r"iz\1"),
            (re.compile(r"ys(e[sd]?|ing)$"), r"yz\1"), (re.compile(r"tre(s?)$"), r"ter\1"),
            (re.compile(r"ll(ed|ing|er)$"), r"l\1"), (re.compile(r"ogue(s?)$"), r"og\1"))


def _british_spelling(word: str) -> bool:
    """A dictionary word in British spelling ("neighbour", "organised", "centre", "travelled"):
    the dictionary is American."""
    english = english_words()
    return any(english_form(pattern.sub(american, word), english) for pattern, american in _BRITISH
               if pattern.search(word))


def _named_stretch(text: str, stretch: list[re.Match], names: tuple[frozenset[str], ...]) -> list[re.Match]:
    """The words of `stretch` (words no dictionary knows, one after another) that read as a
    person's name: two to four opening with a known first name ("commenter" + " ivan
    petřík"), ending with a known surname ("favian rangel") or with an initial between
    ("valida m. ibragimov"); or words a maker's or a speaker's word stands before
    ("directed by wacława adamska", "says hartvigsson.")."""
    first_names, last_names, places = names
    if any(m.group().upper() in _KEPT_IN_CAPITALS for m in stretch):
        return []  # "usnv vincent": a military address's line
    for i, m in enumerate(stretch[:-1]):  # from a known first name on
        if len(m.group()) > 1 and m.group() not in PARTICLES and len(stretch) - i <= 4 \
                and (title := _title(m.group())) in first_names and title not in places:
            return stretch[i:]
    full = [m for m in stretch if len(m.group()) > 1]
    if not full or len(full) > 4 or len(stretch[0].group()) == 1 or len(stretch[-1].group()) == 1:
        return []
    before = text[max(0, stretch[0].start() - 24):stretch[0].start()]
    if (_SAID_BY.search(before) or len(full) > 1 and _MADE_BY.search(before)) \
            and not all(_slip_of_a_word(m.group()) for m in full):
        return stretch
    if len(full) < 2:
        return []
    if any(len(m.group()) == 1 and _INITIAL.match(text, m.start()) for m in stretch):  # "soib k. kishiev"
        return stretch
    surname = full[-1].group()
    return stretch if _title(surname) in last_names and not (
        _slip_of_a_word(surname) and _slip_of_a_word(full[0].group())) else []


def _written_again(text: str, named: list[re.Match], words: list[re.Match],
                   names: tuple[frozenset[str], ...]) -> list[re.Match]:
    """The other mentions of a name found with a known first name: the whole name ("my partner
    john carney" ... "signed by john carney on behalf"), or its surname alone where it is a
    known one or no dictionary's word ("directed by maciej borkowski and starring borkowski";
    not the "bonobos" of "male bonobos")."""
    english, first_names, last_names = english_words(), names[0], names[1]
    pairs: set[tuple[str, str]] = set()
    alone: set[str] = set()
    for n in named:
        if _title(n.group()) not in first_names:
            continue
        for m in named:
            if m.start() > n.start() and len(m.group()) > 2 and _neighbours(text, n, m):
                pairs.add((n.group(), m.group()))
                if _title(m.group()) in last_names or not english_form(n.group(), english) \
                        and not english_form(m.group(), english):
                    alone.add(m.group())
    found: list[re.Match] = []
    for before, m in zip([None, *words], words):
        if m.group() in alone:
            found.append(m)
        if before is not None and (before.group(), m.group()) in pairs and _neighbours(text, before, m):
            found += [before, m]
    return found


def _neighbours(text: str, a: re.Match, b: re.Match) -> bool:
    """Two words of one name: only spaces, or an initial, between them."""
    left, right = (a, b) if a.start() < b.start() else (b, a)
    return bool(_NAME_GAP.fullmatch(text, left.end(), right.start()))


def _unknown_place(text: str, run: list[tuple[re.Match, bool]]) -> bool:
    """One word no dictionary or name list holds, where a place is named ("i'm in flateyri",
    "we returned to harstad"), and no typing slip of a word ("i'm in schol")."""
    m, in_dictionary = run[0]
    return len(run) == 1 and not in_dictionary and bool(_PLACE_BEFORE.search(text, max(0, m.start() - 20), m.start())) \
        and not _slip_of_a_word(m.group())


def _first_name_and_more(run: list[tuple[re.Match, bool]], first: frozenset[str]) -> bool:
    """A known first name, then words no dictionary holds: a name and a surname no list
    knows ("maciej borkowski", "hanna ukkonen")."""
    word = run[0][0].group()
    return len(run) > 1 and word[0].upper() + word[1:] in first \
        and not any(in_dictionary for _, in_dictionary in run[1:])


def _in_a_list(text: str, m: re.Match) -> bool:
    """A word of a list with commas ("barry, walsh and williams"), which the rules for lowercase
    lists read; not "lucas and i"."""
    return bool(_LIST_BEFORE.search(text, max(0, m.start() - 32), m.start()) or _LIST_AFTER.match(text, m.end()))


def _known_name(word: str, names: tuple[frozenset[str], ...], alone: bool) -> bool:
    """A name list holds it, and as one kind only: a first name that is a town too
    ("florence", "jordan") is left to the words around it, as in any lowercase text. A
    surname alone must be no typing slip of a dictionary word ("my techer"; "says bergqvist"
    is a surname)."""
    title = word[0].upper() + word[1:]
    first, last, places = names
    known = title in first or title in places or title in last and (not alone or not _slip_of_a_word(word))
    return known and not (title in first and title in places) and word not in LOWERCASE_EXCLUDED


_LONGEST_NAME_WORD = 30


def _slip_of_a_word(word: str) -> bool:
    """One letter away from a dictionary word: left out, added, changed or swapped. (Words
    longer than any name are no names: they are not tried, whatever their length costs.)"""
    if len(word) > _LONGEST_NAME_WORD:
        return True
    english = english_words()
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return any(a + b[1:] in english for a, b in cuts if b) \
        or any(a + b[1] + b[0] + b[2:] in english for a, b in cuts if len(b) > 1) \
        or any(a + c + b[1:] in english or a + c + b in english for a, b in cuts for c in string.ascii_lowercase)


def unshouted(text: str) -> str:
    """A copy of `text`, written in capitals, with everyday words lowercase and the rest
    capitalised (`text` itself when it has fewer than three words). Kept in capitals: "I",
    two-letter words that are no everyday word (a state's or a country's code, "NY", "KZ"),
    labels' acronyms ("IBAN", "DOB"), a code's letters between its numbers and a military
    address's prefixes ("USNS", "FPO"). Capitalised though words of the dictionary: a place of
    such words ("UNITED STATES"), a flat's word ("APT.", "SUITE"), a street's after a number
    or a name ("12 OAK STREET"), and a known first name and surname side by side ("JAMES
    SPARKS", "JEREMY WATERS")."""
    words = list(_WORD.finditer(text))
    if len(words) < 3:
        return text  # a label and a code ("IBAN: GB53WPJE..."), a name alone: nothing to read
    common, english = common_words(), english_words()
    # a place named by a word that is no everyday one ("BATH", "READING") stays a place
    places, first, last = lexicon("places"), lexicon("first_names"), lexicon("last_names")
    kinds = [_kind(text, words, i, common, english, places) for i in range(len(words))]
    for i in _multiword_places(text, words, places):
        kinds[i] = _TITLE
    for i, m in enumerate(words):
        if kinds[i] != _LOWER:
            continue
        title = _title(m.group())
        nxt = words[i + 1] if i + 1 < len(words) and text[m.end():words[i + 1].start()] == " " else None
        after_number = _NUMBER_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if nxt is not None and title in first and _title(nxt.group()) in last and kinds[i + 1] != _KEEP \
                and m.group().lower() not in _FUNCTION_WORDS and nxt.group().lower() not in _FUNCTION_WORDS:
            kinds[i] = kinds[i + 1] = _TITLE  # "MARIA GONZALEZ", "JAMES SPARKS": a first name and a surname
        elif nxt is not None and after_number and nxt.group().lower() in _STREET_WORDS:
            kinds[i] = _TITLE  # "OAK" between "12" and "STREET"
        elif i > 0 and kinds[i - 1] == _TITLE and text[words[i - 1].end():m.start()] == " " and (
                m.group().lower() in _STREET_WORDS or title in last and _title(words[i - 1].group()) in first):
            kinds[i] = _TITLE  # "MAPLE" + " AVENUE", "JEREMY" + " WATERS"
    pieces, last_end = [], 0
    for m, kind in zip(words, kinds):
        word = m.group()
        written = word if kind == _KEEP else _title(word) if kind == _TITLE else word.lower()
        pieces += [text[last_end:m.start()], written]
        last_end = m.end()
    pieces.append(text[last_end:])
    copy = "".join(pieces)
    return copy if len(copy) == len(text) else text


def _kind(text: str, words: list[re.Match], i: int, common: frozenset[str], english: frozenset[str],
          places: frozenset[str]) -> int:
    """How the i-th word is written in the copy, by itself (`unshouted` reads its neighbours)."""
    m = words[i]
    word, lower = m.group(), m.group().lower()
    if word in _KEPT_IN_CAPITALS or lower in ACRONYMS or (len(word) == 2 and lower not in common) \
            or lower not in _UNIT_WORDS and _BETWEEN_DIGITS.match(text, m.end()) \
            and _CODE_GROUP_BEFORE.search(text, max(0, m.start() - 24), m.start()):
        return _KEEP
    if lower in _UNIT_WORDS:
        return _TITLE
    if lower in common or english_form(lower, english) and _title(word) not in places:
        return _LOWER
    return _TITLE

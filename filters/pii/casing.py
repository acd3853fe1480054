"""Text written in one case, read as if it were written the usual way.

Children and angry customers write whole messages in capitals ("MY NAME IS LUCAS AND I LIVE
ON 12 OAK STREET", "WHY IS THIS SO COMPLICATED"), or in lowercase ("my friend lucas lives in
almaty"); some keyboards capitalise every word, hasty writers only their sentences' first.
The tagger learnt names partly from their capitals: where every word has one, it took everyday
words for names ("SPEAKING TO BOTS") and missed names among them; where none has one, it
found a name only after the words that introduce someone. Such a text is analysed in a copy
of the same length with capitals where names have them: `unshouted` for text in capitals (or
with every word capitalised), `capitalised_names` (`lowercase_names.py`) for text without
capitals on names. The copy changes letters only, never a character's position, so detections
in it are the original's offsets. Any other text is read as written.
"""

from __future__ import annotations

import string
from itertools import islice

import regex as re
from faker.providers.address.en_US import Provider as UsAddress

from .lowercase_names import capitalised_names
from .recognizers.common import ACRONYMS, STOPWORDS, common_words, english_words
from .recognizers.lexicon import lexicon
from .word_forms import KEPT_IN_CAPITALS, english_form, multiword_places, title_word

# A word of Latin letters alone (the name lists and dictionaries are of Latin script), not part
# of a code, an address or a name's handle ("GB82WEST", "401K", "LUCAS.SMITH@X.COM").
_WORD = re.compile(r"(?<![\p{L}\d_@.-])(?=\p{Latin})\p{Lu}\p{Latin}*(?![\p{L}\d_@-]|\.[\p{L}\d])")
_CAPITAL = re.compile(r"\p{Lu}")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n][\s\"'“‘(]*|^[\s\"'“‘(]+)$")
_PRONOUN_I = re.compile(r"I(?:['’](?:m|ll|d|ve))?(?![\p{L}\d])")
_FUNCTION_WORDS = (STOPWORDS - {"i"}) | {"can", "will", "may", "might", "shall", "into", "about", "as", "than"}
_WORD_START = re.compile(r"(?<![\p{L}\d'’])\p{L}+")
_ASCII_UPPER, _ASCII_LOWER = string.ascii_uppercase.encode(), string.ascii_lowercase.encode()
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
    for i in multiword_places(text, words, places):
        kinds[i] = _TITLE
    for i, m in enumerate(words):
        if kinds[i] != _LOWER:
            continue
        title = title_word(m.group())
        nxt = words[i + 1] if i + 1 < len(words) and text[m.end():words[i + 1].start()] == " " else None
        after_number = _NUMBER_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if nxt is not None and title in first and title_word(nxt.group()) in last and kinds[i + 1] != _KEEP \
                and m.group().lower() not in _FUNCTION_WORDS and nxt.group().lower() not in _FUNCTION_WORDS:
            kinds[i] = kinds[i + 1] = _TITLE  # "MARIA GONZALEZ", "JAMES SPARKS": a first name and a surname
        elif nxt is not None and after_number and nxt.group().lower() in _STREET_WORDS:
            kinds[i] = _TITLE  # "OAK" between "12" and "STREET"
        elif i > 0 and kinds[i - 1] == _TITLE and text[words[i - 1].end():m.start()] == " " and (
                m.group().lower() in _STREET_WORDS or title in last and title_word(words[i - 1].group()) in first):
            kinds[i] = _TITLE  # "MAPLE" + " AVENUE", "JEREMY" + " WATERS"
    pieces, last_end = [], 0
    for m, kind in zip(words, kinds):
        word = m.group()
        written = word if kind == _KEEP else title_word(word) if kind == _TITLE else word.lower()
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
    if word in KEPT_IN_CAPITALS or lower in ACRONYMS or (len(word) == 2 and lower not in common) \
            or lower not in _UNIT_WORDS and _BETWEEN_DIGITS.match(text, m.end()) \
            and _CODE_GROUP_BEFORE.search(text, max(0, m.start() - 24), m.start()):
        return _KEEP
    if lower in _UNIT_WORDS:
        return _TITLE
    if lower in common or english_form(lower, english) and title_word(word) not in places:
        return _LOWER
    return _TITLE

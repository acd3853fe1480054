"""Text without capitals on its names, read in a copy with capitals where names have them.

Children and hasty writers write "my friend lucas lives in almaty"; the tagger learnt names
partly from their capitals, and without them found a name only after the words that
introduce someone. `capitalised_names` writes a copy of the same length with the words that
read as names capitalised, which `casing.read_as_written_usually` hands the engine. Words are
capitalised only where a name list knows them, or words no dictionary knows stand where names
stand; a dictionary word stays as written, whatever the lists say.
"""

from __future__ import annotations

import string

import regex as re

from .name_patterns import FIRM_FRAME_BEFORE
from .recognizers.common import CHAT_WORDS, common_words, english_words
from .recognizers.lexicon import LOWERCASE_EXCLUDED, PARTICLES, TITLES, lexicon
from .word_forms import KEPT_IN_CAPITALS, english_form, multiword_places, title_word

_LOWER_WORD = re.compile(
    r"(?<![\p{L}\d_@.'’-])(?=\p{Latin})\p{Ll}\p{Latin}*(?![\p{L}\d_@-]|\.[\p{L}\d]|['’](?!s\b))")
_UNIT_BEFORE_NUMBER = re.compile(r"(?<![\p{L}\d])(?:apt|suite)(?=\.?[ \t]*#?\d)")
_WORD_AFTER = re.compile(r"[ \t]+(\p{L}+)")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|from|near|visit(?:s|ing|ed)?|(?:go(?:es|ing|ne)?|went|mov(?:e|ed|ing)|fl(?:y|ew|ying)"
    r"|travel\w*|dr(?:ive|ove|iving)|return(?:s|ed|ing)?|back|trip)[ \t]+to)[ \t]+$")
# A maker's or a role's word before a name of two words or more ("directed by wacława adamska",
# "producer liviana palerma"; not "sung by salarymen"), a speaker's before a name of one word
# too ("says hartvigsson"). Not after it: a tool "said" as often as a person ("webpack said error").
_MADE_BY = re.compile(
    r"\b(?:(?:directed|written|sung|composed|produced|painted|performed|founded|created|designed|invented"
    r"|discovered|hosted|illustrated|translated|edited|narrated|signed|coached|taught)[ \t]+by|starring|featuring"
    r"|including|producer|director|singer|actor|actress|author|writer|player|coach|professor|ceo)[ \t]+$")
_SAID_BY = re.compile(r"\b(?:says|said|asks|asked|adds|added|replied|writes|wrote|explains|explained|commenter)[ \t]+$")
# Where an employer is named, besides the firm frames the type rules read (`FIRM_FRAME_BEFORE`:
# "works for", "the address of"): "a job at avalara", "the ceo of verdafero", "hired by".
_EMPLOYER_BEFORE = re.compile(
    r"\b(?:(?:job|jobs|intern(?:s|ing|ship)?|employed|employee|staff|position|shift)[ \t]+(?:at|for|with)"
    r"|work(?:s|ed|ing)?[ \t]+with|(?:hired|employed|bought)[ \t]+by"
    r"|(?:ceo|cto|cfo|coo|founder|co-founder|owner|president|head)[ \t]+of|(?:joined|left|quit))[ \t]+$")
# An initial between two words of a name: with its dot any letter, without one no letter that
# is a word of its own in the languages of the place lists ("chomutice u horic v podkrkonoší").
_INITIAL = re.compile(r"[b-df-hj-np-tw-x]|\p{Ll}(?=\.)")
_NAME_GAP = re.compile(r"[ \t]+(?:\p{Ll}\.?[ \t]+)?")
_LIST_BEFORE = re.compile(r",[ \t]*(?:\p{L}+[ \t]+(?:and|&|or)[ \t]+)?$")
_LIST_AFTER = re.compile(r"[ \t]*,[ \t]*\p{L}+(?:[ \t]*,|[ \t]+(?:and|&|or)\b)")
# Words that only a person's name stands after or before, for lowercase words of another
# script. Not the cues capitalised words of those scripts are read with ("with", "help", "hi",
# "sorry", "has"): a learner writes "help me with падежи", "hi привет", "борщ has beets".
_FOREIGN_PERSON_BEFORE = re.compile(
    r"(?i:\b(?:my[ \t]+name[ \t]+is|name's|call[ \t]+me|named|remind|invite[sd]?|congratulat(?:e|ing)|dear"
    r"|(?:talk(?:ed)?|spoke|speak(?:ing)?|forward[ \t]+(?:this|it)|send[ \t]+(?:this|it)|wrote|say[ \t]+hi)[ \t]+to"
    r"|(?:my|our|his|her)[ \t]+(?:best[ \t]+)?(?:friend|sister|brother|cousin|teacher|tutor|neighbou?r|classmate"
    r"|mom|mum|dad|aunt|uncle|grandma|grandpa|son|daughter|wife|husband|partner|boss)(?:[ \t]+is)?"
    r"|mr\.?|mrs\.?|ms\.?|(?:award|prize)[ \t]+goes[ \t]+to|happy[ \t]+birthday[ \t]+to|party[ \t]+for)[ \t]+)$")
_FOREIGN_PERSON_AFTER = re.compile(
    r"[ \t]+(?i:keeps|kept|said|says|told[ \t]+me|texted|called[ \t]+me|asked[ \t]+me|lent|cried|laughed"
    r"|sleep[ \t]+over|come[ \t]+over)\b"
    r"|['’]s[ \t]+(?i:mom|mum|dad|mother|father|sister|brother|wife|husband|birthday|phone|number|house|address|email"
    r"|party)\b")
# One to three lowercase words in Cyrillic, Greek or Armenian ("can you help дмитрий with her essay").
_FOREIGN_LOWER_RUN = re.compile(
    r"(?<![\p{L}\p{M}])(?:[[\p{Cyrillic}\p{Greek}\p{Armenian}]&&\p{Ll}][\p{L}\p{M}]*(?:-[\p{L}\p{M}]+)?[ \t]*){1,3}"
    r"(?<![ \t])(?![\p{L}\p{M}])", re.V1)
_WORD_START = re.compile(r"(?<![\p{L}\p{M}])\p{L}")
# The small words inside a name ("castiglione in teverina", "morro de souza").
_JOINING = PARTICLES | {"in", "on", "upon", "sur", "am", "an", "y", "e", "i", "do", "das", "dos"}


def capitalised_names(text: str) -> str:
    """`text` itself, or, if it has eight lowercase letters or more, its copy with the words
    that only a name list knows capitalised ("my friend lucas lives in almaty" reads "my
    friend Lucas lives in Almaty"), and the words no dictionary knows that stand as a name
    does (`_named_stretch`), with the other mentions of such names (`_written_again`). A name
    that is also a dictionary word ("rose", "bill", "park") stays as it is: capitalised, such
    words would read as names in every chat."""
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
    foreign = 0  # words no English dictionary knows
    for m in words:
        word = m.group()
        if word in common or word in TITLES or word in CHAT_WORDS:
            if runs and word in _JOINING and text[joined_to:m.start()] == " ":
                joined_to = m.end()  # "castiglione in" + " teverina": one place's name goes on
            continue
        in_dictionary = english_form(word, english)
        foreign += not in_dictionary
        gap = text[joined_to:m.start()]
        if runs and (gap == " " or gap == ". " and len(runs[-1][-1][0].group()) == 1):  # "soib k. kishiev"
            runs[-1].append((m, in_dictionary))
        else:
            runs.append([(m, in_dictionary)])
        joined_to = m.end()
    named: list[re.Match] = []
    # In another language most words are ones no dictionary knows: only the name lists judge.
    english_text = 2 * foreign <= len(words)
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
            named += _named_stretch(text, stretch, names, ends_run=stretch[-1] is run[-1][0])
    chars = list(text)
    for m in named + (_written_again(text, named, words, names) if english_text else []):
        chars[m.start()] = chars[m.start()].upper()
    for i in multiword_places(text, words, names[2]):  # "united states", "castiglione in teverina"
        chars[words[i].start()] = chars[words[i].start()].upper()  # as the place list writes it
    for m in _UNIT_BEFORE_NUMBER.finditer(text):  # "apt. 297", "suite 084": a flat's line of an address
        chars[m.start()] = chars[m.start()].upper()
    for start in _foreign_words_in_english(text) if english_text and not text.isascii() else ():
        chars[start] = chars[start].upper()
    copy = "".join(chars)
    # the text itself when nothing changed: the engine analyses a copy that differs twice
    return copy if len(copy) == len(text) and copy != text else text


def _foreign_words_in_english(text: str) -> list[int]:
    """Where the lowercase words in Cyrillic, Greek or Armenian start that stand, one to three
    together, where an English sentence names a person (`_FOREIGN_PERSON_BEFORE`, `_AFTER`:
    "remind дмитрий to bring it", "модест соловьев keeps calling"): capitalised, the rules for
    such names in English text read them. Elsewhere they are a learner's words ("i love
    борщ", "is it correct to write я люблю тебя"), and stay as written."""
    starts = []
    for m in _FOREIGN_LOWER_RUN.finditer(text):
        start, end = m.span()
        before = text[max(0, start - 40):start]
        if _FOREIGN_PERSON_BEFORE.search(before) or _FOREIGN_PERSON_AFTER.match(text, end):
            starts += [w.start() for w in _WORD_START.finditer(text, start, end)]  # "анна-мария" too
    return starts


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
_BRITISH_ENDING = re.compile(r"(?:ours?|[iy]s(?:e[sd]?|ing)|tres?|ll(?:ed|ing|er)|ogues?)$")


def _british_spelling(word: str) -> bool:
    """A dictionary word in British spelling ("neighbour", "organised", "centre", "travelled"):
    the dictionary is American."""
    if _BRITISH_ENDING.search(word) is None:
        return False  # most words: one search, not six
    english = english_words()
    return any(english_form(pattern.sub(american, word), english) for pattern, american in _BRITISH
               if pattern.search(word))


def _named_stretch(text: str, stretch: list[re.Match], names: tuple[frozenset[str], ...],
                   ends_run: bool) -> list[re.Match]:
    """The words of `stretch` (words no dictionary knows, one after another) that read as a
    person's name: two to four opening with a known first name ("commenter" + " ivan
    petřík"), ending with a known surname ("favian rangel") or with an initial between
    ("valida m. ibragimov"); or words a maker's or a speaker's word stands before
    ("directed by wacława adamska", "says hartvigsson."); or one to three words where an employer
    is named ("i work at persint"), which the tagger types. Or one word where a place is named
    that ends its run, as `_unknown_place` reads a run of one ("incorporated in" + " katrineholm";
    not "go to" + " lincoln" + " elementary", "in" + " rosehip" + " oil")."""
    first_names, last_names, places = names
    if any(m.group().upper() in KEPT_IN_CAPITALS for m in stretch):
        return []  # "usnv vincent": a military address's line
    for i, m in enumerate(stretch[:-1]):  # from a known first name on
        if len(m.group()) > 1 and m.group() not in PARTICLES and len(stretch) - i <= 4 \
                and (title := title_word(m.group())) in first_names and title not in places:
            return stretch[i:]
    full = [m for m in stretch if len(m.group()) > 1]
    if not full or len(full) > 4 or len(stretch[0].group()) == 1 or len(stretch[-1].group()) == 1:
        return []
    if len(stretch) == 1 and ends_run and _unknown_place(text, [(stretch[0], False)]):
        return stretch
    before = text[max(0, stretch[0].start() - 24):stretch[0].start()]
    if len(full) <= 3 and (FIRM_FRAME_BEFORE.search(before) or _EMPLOYER_BEFORE.search(before)) \
            and not all(_slip_of_a_word(m.group()) for m in full):
        return stretch  # "a job at" + " avalara"
    if (_SAID_BY.search(before) or len(full) > 1 and _MADE_BY.search(before)) and not all(
            _slip_of_a_word(m.group()) and title_word(m.group()) not in last_names for m in full):
        return stretch  # "says becker.": a known surname, though one letter from "beaker"
    if len(full) < 2:
        return []
    if any(len(m.group()) == 1 and _INITIAL.match(text, m.start()) for m in stretch):  # "soib k. kishiev"
        return stretch
    surname = full[-1].group()
    return stretch if title_word(surname) in last_names and not (
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
        if title_word(n.group()) not in first_names:
            continue
        for m in named:
            if m.start() > n.start() and len(m.group()) > 2 and _neighbours(text, n, m):
                pairs.add((n.group(), m.group()))
                if title_word(m.group()) in last_names or not english_form(n.group(), english) \
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

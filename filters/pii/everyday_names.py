"""Capitalised words and numbered phrases that name nobody, though the tagger or a name list says so.

A tutor's, a course's and a classroom's prompts are full of them: holidays ("during
Ramadan"), planets ("Venus, Earth, Mars"), languages ("translate into Spanish"), the parts
of a lesson ("Unit 4", "Grade 5", "Page 45"), clock times ("at 3 PM"), sums ("3x + 5 = 20")
and pasted code ("def greet(name"). Sent as placeholders they make the question
unanswerable ("What do Muslims celebrate during <PERSON_1>?"), and no tenant's policy asks
for them. Each test here reads the span and the few words around it; a name keeps its type
wherever a kin word, a title or "named" stands before it ("my sister June", "Mr. Sun").

Public figures ("Albert Einstein") are people all the same: they are reported, and a tenant
whose policy says `pii.public_figures: keep` lets them through where they are asked about,
not where a kin word or a title makes them someone the user knows (`asked_about`, used by the
engine).
"""

from __future__ import annotations

import regex as re

from .cyrillic_patterns import CYRILLIC_LANGUAGE, nominative_forms
from .name_patterns import KIN_OR_NAMED_BEFORE
from .recognizers.lexicon import lexicon

HOLIDAYS = frozenset({
    "christmas", "xmas", "easter", "halloween", "thanksgiving", "ramadan", "eid", "eid mubarak", "eid al-fitr",
    "eid al-adha", "diwali", "hanukkah", "chanukah", "passover", "purim", "yom kippur", "rosh hashanah", "nowruz",
    "nauryz", "navruz", "kwanzaa", "hogmanay", "new year", "lunar new year", "boxing day", "mardi gras",
    "valentine's day", "mother's day", "father's day", "independence day", "ramadan mubarak", "christmas eve",
    "new year's eve", "new year's day", "oraza ait", "kurban ait",
    # Russian and Kazakh, in the cases a question puts them in ("Когда празднуют Наурыз?")
    "наурыз", "наурыза", "наурызе", "наурыз мейрамы", "навруз", "навруза", "рождество", "рождества", "рождеству",
    "пасха", "пасхи", "пасху", "масленица", "масленицу", "масленицы", "новый год", "нового года", "новым годом",
    "курбан айт", "ораза айт", "курбан-байрам",
})

# The words that make a holiday's name one ("Mubarak", "Valentine"), not "day" or "new".
_HOLIDAY_WORDS = frozenset(w for h in HOLIDAYS for w in h.replace("'s", "").split()) - {
    "day", "eve", "new", "year", "year's", "год", "года", "годом", "новый", "нового", "новым"}

# What ends a holiday's name and is a name alone; the word or two before it say which.
_HOLIDAY_TAILS = frozenset({"eve", "day"})
_WORDS_BEFORE = re.compile(r"(\p{L}+(?:['’]s)?(?:[ \t]+\p{L}+(?:['’]s)?)?)[ \t]+$")

# Continents and the world's great regions: a place, but one that points at nobody ("we ship
# to Europe", "prices in Latin America"). "Asia" and "America" are also first names, or a
# country: they count only after a word of going or being in.
WORLD_REGIONS = frozenset({
    "europe", "africa", "antarctica", "oceania", "eurasia", "north america", "south america", "latin america",
    "central america", "the americas", "americas", "middle east", "the middle east", "southeast asia",
    "south-east asia", "east asia", "south asia", "central asia", "western europe", "eastern europe",
    "northern europe", "southern europe", "sub-saharan africa", "north africa", "west africa", "east africa",
    "southern africa", "scandinavia", "the caribbean", "caribbean", "the balkans", "balkans", "the mediterranean",
})
_REGIONS_AFTER_PREPOSITION = frozenset({"asia"})
_REGION_ENDS = frozenset(r.rsplit(None, 1)[-1] for r in WORLD_REGIONS if " " in r)
_REGION_PREPOSITION_BEFORE = re.compile(
    r"(?i:\b(?:in|to|from|across|throughout|around|of|visit(?:ed|ing)?|all[ \t]+over)[ \t]+)$")


def world_region(text: str, start: int, end: int) -> bool:
    """"Europe", "North America", "in Asia": a continent or a great region, in any case."""
    span = " ".join(text[start:end].lower().split())
    if span in WORLD_REGIONS:
        return True
    if span in _REGION_ENDS:  # "America" of "Latin America", which a name list found alone
        before = _WORDS_BEFORE.search(text, max(0, start - 20), start)
        if before and f"{before.group(1).split()[-1].lower()} {span}" in WORLD_REGIONS:
            return True
    return span in _REGIONS_AFTER_PREPOSITION \
        and bool(_REGION_PREPOSITION_BEFORE.search(text, max(0, start - 16), start))


# An acronym the tagger took for a person ("HSA and FSA", "NFC"): two to four capitals
# alone, no first name ("MIA", "JOE", and "IRA" too), in a passage written in lowercase, with
# no form's label before it ("Name: ADA" is a record's). Shouted text and records keep their
# names.
_ACRONYM = re.compile(r"[A-Z]{2,4}")
_LOWERCASE_WORD = re.compile(r"(?<![\p{L}])\p{Ll}{2,}")
# What follows a name as part of it ("Veronica Sanchez MD", "Kathrine Filemonsen DDS").
_NAME_SUFFIXES = frozenset("md dds dmd phd dvm jr sr ii iii iv esq rn cpa mba od do pa np lpn".split())


def acronym_in_prose(text: str, start: int, end: int) -> bool:
    """The span is two to four capitals on a line of prose, in a passage seven in ten of whose
    letters are lowercase."""
    if not _ACRONYM.fullmatch(text, start, end) or text[start:end].lower() in _NAME_SUFFIXES \
            or text[start:end].title() in lexicon("first_names"):
        return False  # "I told MIA", "Call JOE": a first name in capitals stays one, as "my IRA" does
    line_start = text.rfind("\n", max(0, start - 200), start) + 1 or max(0, start - 200)
    line_end = text.find("\n", end, end + 200)
    line = text[line_start:start] + " " + text[end:line_end if line_end >= 0 else end + 200]
    if ":" in text[line_start:start] or not _LOWERCASE_WORD.search(line):
        return False  # a form's value, or a line of an address block ("EBEN" above "Austria")
    around = text[max(0, start - 200):end + 200]  # the passage it stands in, whatever the text's length
    letters = [c for c in around if c.isalpha()]
    return sum(c.islower() for c in letters) >= 0.7 * len(letters)


# The planets, the Sun and the Moon: names of people too ("Venus Williams", "Bruno Mars"),
# so a lone one is sky only beside another or where the text speaks of the sky.
CELESTIAL = frozenset("mercury venus earth mars jupiter saturn uranus neptune pluto moon sun".split())
_SKY = re.compile(r"(?i)\b(?:planets?|solar|orbits?|space|stars?|telescopes?|astronauts?|galax(?:y|ies)|gravity"
                  r"|rocket|moons|asteroids?|comets?|eclipse|sky)\b")

# A month, whole or cut short, and a day's number after it: "Mar 3", "June 12th", "Sept. 30".
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_MONTH_DAY = re.compile(r"(?i)(?<![\p{L}])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\.?[ \t]+"
                        r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d\p{L}])")
_DAY_AFTER = re.compile(r"\.?[ \t]+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d\p{L}:.,]\d|[\d\p{L}])")


def month_day(text: str, start: int, end: int) -> bool:
    """The span is a month with a day's number after it: "Mar" of "Noah (Mar 3)"."""
    return text[start:end].lower().rstrip(".") in _MONTHS and bool(_DAY_AFTER.match(text, end))


def dates_only(span: str) -> bool:
    """Every number in the span is a day after its month ("Mar 3), Noah (Jun 12), Ava"): a
    list of birthdays, not an address."""
    if not any(c.isdigit() for c in span):
        return False
    rest = _MONTH_DAY.sub("", span)
    return rest != span and not any(c.isdigit() for c in rest)


# Programming languages and tools whose names are people's too ("learn Julia", "Ruby on
# Rails", "with Jenkins and Ansible", "Swift 6"): a course's learners ask about them. One is
# taken for the tool only where the words around it say so; "Julia helped me debug" stays.
TECH_TERMS = frozenset(
    "julia ruby rust swift jenkins ada pascal haskell perl elixir crystal dart flask django kotlin scala ansible "
    "jupyter hadoop kafka grafana selenium pandas numpy react angular vue svelte laravel rails spring hibernate maven "
    "gradle docker kubernetes terraform nginx apache redis postgres postgresql mongodb cassandra kibana jira "
    "confluence figma blender unity godot arduino excel python java javascript typescript php golang matlab "
    "tableau airflow spark".split())
_TECH_AFTER = re.compile(
    r"(?i)[ \t]+(?:v?\d+(?:\.\d+)*(?![\p{L}\d])|(?:code|apps?|scripts?|pipelines?|jobs?|servers?|librar(?:y|ies)"
    r"|packages?|programming|syntax|functions?|files?|notebooks?|clusters?|consumers?|producers?|dashboards?"
    r"|quer(?:y|ies)|modules?|frameworks?|developers?|projects?|on[ \t]+rails|migrations?|tutorials?|course|basics)"
    r"(?![\p{L}]))")
_TECH_BEFORE = re.compile(
    r"(?i)(?<![\p{L}])(?:learn(?:s|ing|t|ed)?|stud(?:y|ying|ied)|us(?:e|es|ing)|install(?:s|ing|ed)?"
    r"|(?:written|code|coding|program|programming)[ \t]+in|deploy(?:s|ing|ed)?|configur(?:e|ing|ed)"
    r"|upgrad(?:e|ing|ed)|ruby[ \t]+on)[ \t]+(?:the[ \t]+)?$")
_TECH_BESIDE = re.compile(r"(?i)[ \t]*(?:,|and|or|vs\.?|versus|/)[ \t]*(\p{L}[\p{L}#+]*)")
_TECH_BESIDE_BEFORE = re.compile(r"(?i)(\p{L}[\p{L}#+]*)[ \t]*(?:,|and|or|vs\.?|versus|/)[ \t]*$")


def tech_term(text: str, start: int, end: int) -> bool:
    """A tool's or a language's name, where the words around it make it one: a version or a
    tool's noun after it, a verb of learning or using before it, another tool beside it."""
    if text[start:end].lower() not in TECH_TERMS:
        return False
    if _TECH_AFTER.match(text, end) or _TECH_BEFORE.search(text, max(0, start - 24), start):
        return True
    beside = _TECH_BESIDE.match(text, end) or _TECH_BESIDE_BEFORE.search(text, max(0, start - 24), start)
    return bool(beside) and beside.group(1).lower() in TECH_TERMS


_VERSION = re.compile(r"v?\d+(?:\.\d+)*")


def tech_version(span: str) -> bool:
    """"Kotlin 2", "Swift 6.1": a tool and its version, which the tagger read as an address."""
    words = span.split()
    return len(words) == 2 and words[0].lower() in TECH_TERMS and bool(_VERSION.fullmatch(words[1]))


# A school year in Russian or Kazakh, its number before the word: "в 5 классе", "7 сыныпта",
# "10-й класс". The tagger read such a phrase as an address.
_SCHOOL_YEAR = re.compile(
    r"(?i)(?<![\d\p{L}])(?:[1-9]|1[0-2])(?:-?(?:й|ый|ой|ом|м|ші|шы))?[ \t]*(?:класс|сынып)\p{L}*")


def school_year(span: str) -> bool:
    lower = span.lower()
    return ("клас" in lower or "сынып" in lower) and bool(_SCHOOL_YEAR.search(span))


# AI assistants and chatbots a learner speaks to ("Hey ChatGPT, ..."): products, not people.
# Those that are also first names ("Claude", "Alexa") are left to the tagger.
ASSISTANTS = frozenset("chatgpt gpt gpt-4 gpt-4o gpt-5 copilot siri cortana bard gemini grok deepseek perplexity "
                       "midjourney dall-e chatbot".split())


def is_assistant(span: str) -> bool:
    return span.lower() in ASSISTANTS


# A nationality's word used as a language's: after a verb of speaking or learning, or "in",
# "into"; before the things a language has or a lesson is about.
_LANGUAGE_BEFORE = re.compile(
    r"(?i:\b(?:in|into|to|speak|speaks|speaking|spoke|learn|learns|learning|learnt|learned|study|studying|studied"
    r"|practi[cs]e|practi[cs]ing|teach|teaches|teaching|know|understand|translate|translating|say|write|writing"
    r"|read|fluent|native)[ \t]+(?:in[ \t]+)?)$")
_LANGUAGE_AFTER = re.compile(
    r"[ \t]+(?i:language|languages|teachers?|tutors?|lessons?|class(?:es)?|courses?|grammar|words?|vocabulary|accent"
    r"|homework|tests?|exams?|essays?|translations?|sentences?|texts?|speakers?|conversations?|pronunciation"
    r"|spelling|alphabet|letters|verbs?|nouns?|adjectives?|tenses?|phrases?|subtitles|dictionar(?:y|ies)"
    r"|idioms?|proverbs?|sayings?|greetings?|numbers|lyrics|poems?|keyboard|script|dialects?|translator)\b")

# The parts of a course, a book or a day a number names; a flat's or a unit's number only
# where an address goes on after it ("Unit 4, 12 High Street"). Not "No. 12" or "number 7",
# which are a house's.
_NUMBERED_PART = re.compile(
    r"(?i)(?:lessons?|units?|exercises?|ex\.|questions?|q|steps?|levels?|modules?|chapters?|ch\.|pages?|p\.|pp\.|rooms?"
    r"|episodes?|seasons?|years?|grades?|class|parts?|sections?|tasks?|tables?|figures?|fig\.|slides?|tests?"
    r"|quiz|rounds?|stages?|books?|volumes?|vol\.|tracks?|gates?|platforms?|activit(?:y|ies)|worksheets?|problems?"
    r"|examples?|items?|paragraphs?|lines?|verses?|acts?|scenes?|topics?|weeks?|days?|terms?|semesters?|blocks?"
    r"|periods?|labs?|groups?|teams?|seats?|rows?|desks?|buses|bus|routes?|flights?)"
    r"[ \t]*#?\d{1,4}[a-z]?(?:[ \t]*(?:-|–|and|&|,)[ \t]*\d{1,4}[a-z]?)*")
_ADDRESS_GOES_ON = re.compile(r"[ \t]*,?[ \t]*\d")

# "3 PM", "at 9:15 a.m.": a time of day, on its own or after a tagger's "address".
_TIME = re.compile(r"(?i)(?<![\p{L}\d:.])(?:(?:at|after|before|by|until|till|from|around|about|to)[ \t]+)?"
                   r"\d{1,2}(?:[:.]\d{2})?[ \t]*(?:a\.m\.|p\.m\.|am|pm)(?![\p{L}\d])")
# A sum or an equation: no address holds "=", or a spaced operator between terms.
_EQUATION = re.compile(r"=|[\p{L}\d)][ \t]+[+×÷][ \t]+[\p{L}\d(]")
_EQUATION_MARKS = frozenset("=+×÷")

_WORD_BEFORE = re.compile(r"(\p{L}+)[ \t]+$")
_WORD_AFTER = re.compile(r"(['’]s)?[ \t]+(\p{L}+)")  # "Valentine" + "'s Day"
# Code a learner pastes: braces, tags, assignments, statements' ends, a call's bracket right
# after a word ("println(", "O(log n"), a path's parts ("Users\\Public", "/Users",
# "Users/ann/app.py", "~/Desktop"), a shell's "&&". No name or address is written with them;
# a nickname in brackets after a space ("Maria (Masha) Ivanova"), a quoted mail's "> " and
# "Anna/Maria" are not touched.
_CODE_SHAPE = re.compile(r"[{}=;`]|\w[(\[]|</?[A-Za-z]|\w\\+\w|\w/[\w.-]+/\w|~/|&&|\|\||(?:^|\s)/\w|\w/$")
_CODE_MARKS = frozenset("{}=;`([<\\~&|/")  # one of them, or no regex is run: nearly every name
_SELF_BEFORE = re.compile(r"(?i:\b(?:name\s+is|name's|i\s+am|i'm|im|me\s+and|call\s+me)[ \t]+)$")
_DETERMINER_BEFORE = re.compile(r"(?i:\b(?:the|a|an|this|that|these|those)[ \t]+)$")
_FAMILY_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?i:family|families|kids|children|household|twins|brothers|sisters|house"
                           r"|home|parents)\b")


def is_holiday(text: str, start: int, end: int) -> bool:
    """The span, or the span with the word before or after it ("Eid" + " Mubarak", "Christmas"
    + " Eve"), is a holiday's name."""
    span = text[start:end].lower().replace("’", "'")
    if span in _HOLIDAY_TAILS:  # "Eve" of "Christmas Eve": a first name, but for the word before
        before = _WORDS_BEFORE.search(text, max(0, start - 20), start)
        words = before.group(1).lower().replace("’", "'").split() if before else []
        return any(" ".join([*words[-n:], span]) in HOLIDAYS for n in (1, 2) if len(words) >= n)
    if not _HOLIDAY_WORDS.intersection(span.replace("'s", "").split()):
        return False  # nearly every name: no holiday's own word in it
    if span in HOLIDAYS or span.startswith(("merry ", "happy ")) and span[6:] in HOLIDAYS:  # "Merry Christmas"
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 16), start)
    after = _WORD_AFTER.match(text, end)
    return bool(before and f"{before.group(1).lower()} {span}" in HOLIDAYS
                or after and span + ("'s " if after.group(1) else " ") + after.group(2).lower() in HOLIDAYS)


def in_the_sky(text: str, span: str) -> bool:
    """A planet's name among planets, or where the text speaks of the sky."""
    word = span.lower()
    if word not in CELESTIAL:
        return False
    others = sum(1 for w in re.findall(r"\p{Lu}\p{Ll}+", text) if w.lower() in CELESTIAL and w.lower() != word)
    return others > 0 or bool(_SKY.search(text))


def used_as_language(text: str, start: int, end: int) -> bool:
    return bool(_LANGUAGE_BEFORE.search(text, max(0, start - 24), start) or _LANGUAGE_AFTER.match(text, end))


def numbered_part(text: str, start: int, end: int) -> bool:
    """"Unit 4", "Grade 5", "Page 45": the whole span, with no address after it."""
    return bool(_NUMBERED_PART.fullmatch(text, start, end)) and not _ADDRESS_GOES_ON.match(text, end)


def end_before_time(text: str, start: int, end: int) -> int:
    """Where a span ends once a time of day and what follows it are cut off ("7 701 234 5678
    after 5 pm", "9:15 AM sharp")."""
    if "m" not in text[start:end] and "M" not in text[start:end]:
        return end  # no "am" or "pm" in it, nor a regex run
    m = _TIME.search(text, start, end)
    if m is None:
        return end
    cut = m.start()
    while cut > start and text[cut - 1] in " \t":
        cut -= 1
    return cut


_VARIABLE = re.compile(r"[\p{L}_][\p{L}\d_.]*")


def studied_language(text: str, start: int, end: int) -> bool:
    """"Русский", "Русский язык", "қазақ тілі": a language a learner studies, not a name."""
    if text[start:end].isascii():
        return False
    noun = _LANGUAGE_NOUN_AFTER.match(text, end)
    return bool(CYRILLIC_LANGUAGE.fullmatch(text, start, noun.end() if noun else end))


_LANGUAGE_NOUN_AFTER = re.compile(r"[ \t]+(?:язык\p{L}*|тілі)")


def template_variable(text: str, start: int, end: int) -> bool:
    """"{street_name}", "{{FIRST_NAME}}": a template's blank, not what fills it."""
    return text[start - 1:start] == "{" and text[end:end + 1] == "}" and bool(_VARIABLE.fullmatch(text, start, end))


def looks_like_code(span: str) -> bool:
    return not _CODE_MARKS.isdisjoint(span) and bool(_CODE_SHAPE.search(span))


def is_equation(span: str) -> bool:
    return not _EQUATION_MARKS.isdisjoint(span) and bool(_EQUATION.search(span))


def after_determiner(text: str, start: int, end: int) -> bool:
    """"the Moon", "a Potter": a surname that is an everyday word, used as one; not "the
    Khan family"."""
    return bool(_DETERMINER_BEFORE.search(text, max(0, start - 8), start)) and not _FAMILY_AFTER.match(text, end)


def asked_about(text: str, start: int, end: int) -> bool:
    """A public figure named where no kin word, title, "named" or "my name is" makes them
    someone in the user's own life ("my classmate Albert Einstein", "I'm Marie Curie")."""
    return public_figure(text[start:end]) and not (
        KIN_OR_NAMED_BEFORE.search(text, max(0, start - 24), start) or _SELF_BEFORE.search(text, max(0, start - 16), start))


def public_figure(span: str) -> bool:
    """"Albert Einstein", "Einstein's", "Пушкина": someone a pupil asks about
    (`tools/ner/public_figures.py` lists them), whom a tenant may let through
    (`pii.public_figures: keep`). Russian and Kazakh decline the name a question is about ("о
    творчестве Пушкина", "романы Толстого"): its last word is read in its case forms too."""
    for suffix in ("'s", "’s", "'", "’"):
        if span.endswith(suffix):
            span = span[:-len(suffix)]
            break
    span = " ".join(span.split())
    figures = lexicon("public_figures")
    if span.isascii():
        return span in figures
    return any(form in figures for form in nominative_forms(span))

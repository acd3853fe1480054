"""The patterns and word lists of the type resolution (retype.py), compiled once.

Each pattern is a piece of how English writes names, places and firms: lists of people,
speech verbs, middle initials, patronymics, a creator before "novel", travel verbs before a
place, form labels, landmarks, street types. Kept apart from the rules that use them so that
each rule reads as its decision, not its regular expression."""

from __future__ import annotations

import re as stdlib_re

import regex as re

from .cyrillic_patterns import (  # noqa: F401 - the type rules read them as name_patterns.X
    CYRILLIC_GREEK, CYRILLIC_GREEK_FUNCTION_WORDS, CYRILLIC_GREEK_LOWER, CYRILLIC_IMPERATIVES, CYRILLIC_NOT_A_NAME,
    CYRILLIC_PLACE, CYRILLIC_POLITE_VERB, KIN_THEN_WORD_CYRILLIC, cyrillic_lookup_form, nominative_forms)
from .recognizers.lexicon import PARTICLES
from .recognizers.places import SETTLEMENT_WORDS, STREET_TYPE
from .recognizers.windows import WordStarts
from .script_patterns import (  # noqa: F401 - the type rules read them as name_patterns.X
    ASKED_WORD_AFTER, ASKED_WORD_BEFORE, CASED_FOREIGN_SPAN, CASELESS_LETTER, CASELESS_SPAN, LATIN_WORD_AFTER,
    LATIN_WORD_BEFORE, LINE_START_BEFORE, NAMED_CASELESS_BEFORE, NO_WORD_AFTER, NO_WORD_BEFORE, ONE_LATIN_WORD,
    PERSON_CASELESS_BEFORE, PERSON_VERB_AFTER_CASELESS, PLACE_CASELESS_BEFORE, SPEAKER_AFTER)

NAME_TYPES = frozenset({"PERSON", "LOCATION", "ORGANIZATION"})
# "д. Ивдель", "село Полонне": a settlement word or its abbreviation starts a place's name.
SETTLEMENT_START = re.compile(rf"(?:{SETTLEMENT_WORDS})\s*\p{{Lu}}")
# Spanish, French, German, Italian and Portuguese words that open a pupil's sentence about
# someone ("Hola, me llamo", "Ich heiße ... und", "Mein Bruder", "Guten Morgen", "Herr"),
# which a tagger trained on English takes into the name. None of them is a name, a
# surname's particle or an article that opens a place ("de", "la", "van", "bin", "Los",
# "Die", "Madre" of "Sierra Madre", and "Ma", "Mia", "Lei", "Lo" are left out). Only a
# name's first and last words are tested: "y" and "und" join names inside them.
LATIN_FUNCTION_WORDS = frozenset("""
hola buenos buenas días tardes noches me llamo soy mis yo él ella nosotros con por para que está vivo tengo
años hermano hermana hijo hija mamá papá amigo amiga señor señora gracias adiós bonjour bonsoir
salut je j' m'appelle appelle suis moi mon mes ton ta il elle nous vous à avec pour merci frère sœur soeur
fils fille monsieur madame mademoiselle habite j'habite hallo guten morgen abend ich heiße heisse
mein meine dein deine seine ihr ihre wir mit von aus bei ist wohne bruder schwester sohn tochter mutter vater
mama papa freund freundin herr frau danke tschüss ciao buongiorno buonasera chiamo sono io mio tuo noi
fratello sorella figlio figlia amico amica signor signore signora grazie olá oi bom meu minha nome é sou eu
ele nós obrigado obrigada irmão irmã filho filha senhor
mejor mejores querido querida llama meilleur meilleure ami amie cher chère beste bester lehrer lehrerin
maestro maestra profesor profesora professeur heißt heisst
und et y en es
""".split())
# The capitalised part joined by a hyphen to a name's first or last word ("Hans-Peter
# Müller-Lüdenscheidt" read as "Peter Müller").
HYPHENED_PART_BEFORE = re.compile(r"(?<![\p{L}\p{M}'’-])\p{Lu}[\p{Ll}\p{M}]+-$")
HYPHENED_PART_AFTER = re.compile(r"-\p{Lu}[\p{Ll}\p{M}]+(?![\p{L}\p{M}-])")
# A surname with an apostrophe after the first name a tagger stopped at: "Jennifer" + " O'Malley".
APOSTROPHE_SURNAME_AFTER = re.compile(r"[ \t]+(?:O|D|L|Mc|Mac|N)['’]\p{Lu}[\p{Ll}\p{M}]+(?![\p{L}\p{M}])")
# The capitalised word after a name that ends in a particle or a Vietnamese middle name:
# "Nguyen Van" + " An", "Tran Thi" + " Lan", "Ahmed bin" + " Rashid".
NAME_ENDING_PARTICLES = PARTICLES | {"thi"}
CAPITALISED_WORD_AFTER = re.compile(r"[ \t]+\p{Lu}[\p{Ll}\p{M}'’-]*(?![\p{L}\p{M}\d])")
# A word of any script, its hyphenated parts included ("Мария-Луиза").
SCRIPT_WORD = re.compile(r"[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*")
# What follows a field's label: its value, a number ("Tel. 8 701 ...", "Pin: 1234").
VALUE_AFTER = re.compile(r"\.?[ \t]*[:#]?[ \t]*[+(\d]")
# A number that ends in a currency is an amount, whatever the tagger made of it ("Transfer 250 EUR").
CURRENCY_AFTER = re.compile(r"[ \t]*(?:EUR|USD|GBP|CHF|KZT|RUB|UAH|PLN|dollars?|euros?|pounds?|rubles?|roubles?|"
                            r"tenge|hryvnias?|€|\$|£|₸|₽)(?![\p{L}\d])", re.IGNORECASE)
# Words a tagger takes for names in title case that the common-word list may not hold.
CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december today tomorrow yesterday mondays tuesdays wednesdays "
    "thursdays fridays saturdays sundays".split())
# A word that makes a span an organisation whatever names it holds ("Hugo Salazar Vergara EIRL").
ORG_WORDS = frozenset(
    "inc inc. llc ltd ltd. llp plc gmbh ag sa s.a. sas srl eirl bv nv oy ab as co co. corp corp. corporation "
    "incorporated group partners company holdings bank university college school academy lyceum institute "
    "foundation association agency studio labs solutions services".split())
# A legal form or institution word ends a firm's name ("Strøm ASA", "Kubičeková a.s.",
# "Wolf Ernst & Söhne", "Franklin Kindergarten"); a foundation word starts one ("Stichting
# Brumleve"). Such a span is an organisation whatever the tagger called it.
ORG_LAST = frozenset({w.rstrip(".") for w in ORG_WORDS} | set(
    "asa ba kg ohg a.s a.ş s.a s.l s.r.l s.p.a b.v n.v kft zrt oyj aps ltda spa sarl söhne sohne filhos "
    "hijos fils figli kindergarten gymnasium".split()))
ORG_FIRST = frozenset("stichting stiftung fundación fundacion fondation fondazione fundação".split())
WORKPLACE = re.compile(r"(?i)\b(?:at|for|from|joined|with|of|by|to|into|left|founded|became)\s*$")
FIRM_AFTER = re.compile(r"^(?:'s|’s|\s*(?:,\s*)?(?:Inc|LLC|Ltd|LLP|PLC|GmbH|Group|Partners|& Co|Co)\b)")
LIST = re.compile(r"\p{Lu}[\p{L}'’-]+(?:\s*,\s*\p{Lu}[\p{L}'’-]+)+,?\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+")
ITEM = re.compile(r"\p{Lu}[\p{L}'’-]+")
PARTIAL_LIST = re.compile(r"\p{Lu}[\p{L}'’-]+(?:\s*,\s*\p{Lu}[\p{L}'’-]+)+")
# Three or more single words joined by commas and a final "and": a list of names or of places.
# (The standard library's engine scans this faster than `regex`; [^\W\d_] is a letter.)
_LIST_ITEM = r"[^\W\d_](?:[^\W\d_]|['’-])+"
WORD_LIST = stdlib_re.compile(rf"(?<![\w'’-]){_LIST_ITEM}(?:[ \t]*,[ \t]*{_LIST_ITEM})+,?[ \t]+(?:and|&)[ \t]+"
                              rf"{_LIST_ITEM}(?![\w'’-])")
# What every such list holds after its first comma: an item, then a comma or the final "and".
# A search for it (the comma leads) costs a thirtieth of the list's own scan of a chat line.
WORD_LIST_CUE = stdlib_re.compile(rf",[ \t]*{_LIST_ITEM}(?:[ \t]*,|,?[ \t]+(?:and|&)[ \t])")
LIST_WORD = re.compile(r"(?<![\p{L}'’-])(?!and(?![\p{L}]))\p{L}[\p{L}'’-]+")
FIRM_VERB_AFTER = re.compile(r"(?:\s+(?:is|was|has|office|offices|announced)\b|'s|’s)")
THE_BEFORE = re.compile(r"(?<![\p{L}])(?i:the)\s+$")
LIST_GOES_ON = re.compile(r"\s*,\s*\p{Lu}|,?\s+(?:and|&)\s+\p{Lu}")
LOWER_LIST = re.compile(r"\p{Ll}[\p{Ll}'’-]+(?:\s*,\s*\p{Ll}[\p{Ll}'’-]+)*(?:,?\s+(?:and|&)|\s*,)\s+\p{Ll}[\p{Ll}'’-]+")
LOWER_ITEM = re.compile(r"(?<!\p{L})(?!and\b)\p{Ll}[\p{Ll}'’-]+")
WORD = re.compile(r"[\p{L}'’.-]+")
CAPITALISED = re.compile(r"\p{Lu}(?<![\p{L}\d@#_./-]\p{Lu})\p{Ll}+(?:-\p{Ll}+)?(?![\p{L}\d@_])")  # capital first: scans faster
# Words that, right before or after an unknown capitalised word, make it someone's name
# ("says Hartvigsson", "starring Key", "Ogasahara said").
PERSON_BEFORE = re.compile(
    r"(?i)(?:\b(?:says|said|asked|told|tells|wrote|writes|by|starring|featuring|dear|thanks|hi|hello|hey|"
    r"ex-\w+|met|named|called|call\s+me|calls\s+me|name\s+is|name's"
    # what is written or said to someone: "a thank-you note to Şendoğan", "apologise to ..."
    r"|(?:note|message|letter|card|e-?mail|text|reply|apologi[sz]e|talk|speak|say\s+hi|say\s+sorry)\s+to)\s+)$")
# A surname behind lowercase particles, after a word that names a person ("says van der
# Heiden", "ex-Zombie van 't Wel"): the particles belong to the name.
_PARTICLE = "(?:" + "|".join(sorted(PARTICLES)) + r"|'t|’t)"
PARTICLE_SURNAME = re.compile(rf"(?<![\p{{L}}'’])(?:{_PARTICLE}[ \t]+)+\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}?\p{{Ll}}+)?(?![\p{{L}}\d])")
# Where chat names a person in lowercase: "hey its kyra again", "say hi to taneli", "ask for
# laura", "i owe ping", "i sit next to dias", "tell aruzhan". The word must be a known first
# name that is no dictionary word.
# Whose mother, teacher or friend someone is: the word before "'s" is a person ("Chidi's mum").
KIN_AFTER_POSSESSIVE = frozenset(
    "mum mom mother mommy mummy dad father daddy brother sister son daughter wife husband teacher friend grandma "
    "grandmother grandpa grandfather granny aunt uncle cousin classmate tutor".split())  # not "parent": "Google's parent"
AGE_IN_BRACKETS = re.compile(r"[ \t]*\((\d{1,2})\)")  # "Amelia-Rose (8)"
CAPITALISED_BEFORE = re.compile(r"(?<![\p{L}'’-])\p{Lu}[\p{Ll}'’-]*\p{Ll}$")
# "noah, 7": a name and an age, which a tagger reads as a street and its number; in a list
# ("(noah, 7, and lily, 5)") each item is one.
NAME_COMMA_AGE = re.compile(r"(\p{L}+),[ \t]*(\d{1,2})")
LIST_ITEM_BEFORE = re.compile(r"(?:^|[(\[,;:]|\band)[ \t]*$", re.MULTILINE)  # not "Lago da" + "Luz, 40"
NAME_AGE_ITEM = re.compile(r"(?<![\p{L}\d])(\p{L}+),[ \t]*(\d{1,2})(?=[ \t]*(?:[,;)]|and\b|$))", re.MULTILINE)
COMMA_DIGIT = stdlib_re.compile(r",[ \t]*\d")  # a cheap test before NAME_AGE_ITEM's scan
# A kin word or role before a lowercase name ("grandma nancy", "sister lily"): strong enough
# that the name may be a dictionary word too.
KIN_WORDS = ("grand", "granny", "nana", "aunt", "uncle", "cousin", "brother", "sister", "mom", "mum", "dad",
             "bestie", "teacher", "coach", "neighbo")  # where LOWER_KIN_NAME can start: matched there only
LOWER_KIN_NAME = re.compile(
    r"(?i:\b(?:grand(?:ma|pa|mother|father)|granny|nana|aunt(?:ie)?|uncle|cousin|brother|sister|mom|mum|mommy"
    r"|mummy|dad|daddy|bestie|teacher|coach|neighbou?r)\s+)(\p{Ll}[\p{Ll}'’-]+)(?![\p{L}\d@])"
    # a verb takes an object or a particle after it: "my sister tore her tendon"
    r"(?![ \t]+(?:her|his|him|them|the|a|an|my|your|our|their|its|it|me|us|up|down|out|off|into|to|over|on)\b)")
# The cues of everyday chat ("it's", "thanks", "hey") are in most messages; the rarer ones
# ("next to", "sit with", "tell") and the kin words are matched only where `str.find` finds
# one of their words (`LOWER_CUE_WORDS`, `KIN_WORDS`): a case-blind alternation tried at
# every position costs 30-60 µs per KB.
_COMMON_CUE = r"hi\s+to|it'?s|this\s+is|ask\s+for|owe|taken\s+by|thanks?|hey|dear|met"
_RARER_CUE = (r"next\s+to|(?:sit|sits|sat|sitting|play|plays|played|playing|friends?|talk(?:ed)?|went|go(?:es)?)\s+with"
              r"|tell|told|text(?:ed)?|call(?:ed)?|ask(?:ed)?|named|yo|sup"
              # "my crush is noah", "dating a guy named brayden", "happy bday lucas"
              r"|(?:crush|bf|gf|boyfriend|girlfriend|bff)(?:\s+is)?|dating|happy\s+(?:birthday|bday|b-day|anniversary)")
# Where LOWER_NAME_RARER_CONTEXT can start: it is matched at these words' places only.
LOWER_CUE_WORDS = ("next", "sit", "sat", "play", "friend", "talk", "went", "go", "tell", "told", "text", "call", "ask",
                   "yo ", "sup ", "named", "crush", "bf", "gf", "boyfriend", "girlfriend", "bff", "dating", "happy")
LOWER_NAME_CUE_BEFORE = re.compile(rf"(?i:\b(?:{_COMMON_CUE}|{_RARER_CUE})\s+)$")
_LOWER_NAME = r"(\p{Ll}[\p{Ll}'’-]+)(?![\p{L}\d@])"
LOWER_NAME_CONTEXT = re.compile(rf"(?i:\b(?:{_COMMON_CUE})\s+){_LOWER_NAME}")  # matched at each cue: "hey its kyra"
# Where LOWER_NAME_CONTEXT can start (a scan of it cost 40 µs per KB).
COMMON_CUE_WORDS = ("hi", "it", "this", "ask", "owe", "taken", "thank", "hey", "dear", "met")
LOWER_NAME_RARER_CONTEXT = re.compile(rf"(?i:\b(?:{_RARER_CUE})\s+){_LOWER_NAME}")
# A lowercase name after the words a pupil introduces themself with, in the languages the
# tenants' users write: "mi nombre es lucia", "je m'appelle hugo", "меня зовут саша". After
# a `strong` cue the word is a name unless it is an everyday word; after a `weak` one
# ("ich bin mia", "soy lucia", "me and zara") only a known first name that is no everyday
# word ("maria" is a rare English one). "named" and "called" are strong too ("she named him
# frank", "my sister is called rose"), but not after a thing that is named (`NAMED_THING_BEFORE`).
# Matched only where `str.find` finds one of `NAMING_CUE_WORDS`.
NAMING_CUE_WORDS = ("name", "call", "llamo", "nombre", "m'appelle", "m’appelle", "hei", "chiamo", "chamo", "nome", "bin ", "soy ",
                    "suis ", "me and ", "зовут", "звати", "имя", "атым", "есімім")
LOWER_NAMED = re.compile(
    r"(?<![\p{L}'’])(?i:(?P<strong>(?:name|nombre|nome)[ \t]+(?:is|es|ist|é|è)|name['’]s|name[ \t]+was|calls?[ \t]+me"
    r"|named(?:[ \t]+(?:him|her|them))?|(?<!so[- ])called(?:[ \t]+(?:him|her|them))?|llamo"
    r"|m'appelle|m’appelle|hei(?:ß|ss)e|chiamo|chamo|зовут|звати|имя|атым|есімім)"
    r"|(?P<weak>bin|soy|suis|me[ \t]+and))[ \t]+(\p{Ll}[\p{Ll}'’-]+)(?![\p{L}\d@_])")
# A thing, not a person, is what is named after these: "a function called max", "that's called
# justice".
NAMED_THING_BEFORE = re.compile(
    r"(?i)\b(?:function|variable|method|class|file|field|column|table|param(?:eter)?|argument|key|property|attribute"
    r"|package|module|folder|directory|command|script|branch|repo|library|struct|enum|object|array|list|type|value"
    r"|macro|tag|label|channel|server|bot|app|program|project|model|dataset|feature|flag)s?[ \t]+$"
    r"|\b(?:that|it|this|which|what)(?:['’]?s|[ \t]+is|[ \t]+was)?(?:[ \t]+(?:also|often|usually|sometimes))?[ \t]+$")
# A title before a lowercase surname or first name: "my techer mr smith", "miss hughes".
LOWER_TITLE_WORDS = ("mr", "mrs", "ms", "miss", "dr", "coach", "prof", "sir")
LOWER_TITLED = re.compile(r"(?<![\p{L}])(?:mrs?|ms|miss|dr|coach|prof|sir)\.?[ \t]+(\p{Ll}[\p{Ll}'’-]+)(?![\p{L}\d@_])")
# Where only a school (a university too) is named: "I study at MIT", "attends Eton",
# "graduated from Oxford" ("goes to" names trips and firms as often: not a cue here).
ATTENDING_BEFORE = re.compile(
    r"(?i:\b(?:attend(?:s|ed|ing)?|(?:stud(?:y|ies|ied|ying)|student|pupil|teach(?:es|ing)?|teacher|enrolled|lecturer"
    r"|professor)[ \t]+(?:at|in)|graduated?[ \t]+from)[ \t]+(?:the[ \t]+)?)$")
# A law, theorem or syndrome named after someone: "Newton's third law", "Pythagoras' theorem",
# "Down syndrome". Only the nouns a pupil's own work is not called ("Anna's theory" and
# "Tom's experiment" may be theirs).
EPONYM_AFTER = re.compile(
    r"(?:['’]s?)?(?:[ \t]+\p{Ll}+){0,2}?[ \t]+(?:laws?|theorem|principle|equations?|constant|paradox|conjecture"
    r"|syndrome|disease|triangle|razor|formula|lemma|effect|cycle|scale|algorithm|distribution|inequality|curve"
    r"|experiment|hypothesis|sequence|hierarchy|taxonomy)(?![\p{L}])")
# A dish named after someone ("Caesar salad", "Alfredo sauce"): right after the name, never
# after a possessive ("Lily's salad" is hers).
DISH_AFTER = re.compile(r"[ \t]+(?:salad|sauce|dressing)(?![\p{L}])")
# A kin word, a title or "named" right before a word: what follows is someone's name, even a
# month's ("his wife June", "my daughter April", "a girl named May").
KIN_OR_NAMED_BEFORE = re.compile(
    r"(?i:\b(?:wife|husband|daughter|son|sister|brother|mum|mom|mother|father|dad|aunt|auntie|uncle|grandma"
    r"|grandmother|granny|nana|cousin|niece|nephew|friend|girlfriend|boyfriend|partner|bestie|classmate"
    r"|neighbou?r|teacher|miss|mrs?|ms|dr|prof|coach|sir|named|called)\.?[ \t]+)$")
# What "call me" takes that is nobody's name ("call me baby"), though a name list holds it.
ENDEARMENTS = frozenset("baby babe honey sweetie sweetheart darling dear buddy bro dude mate boss sir maam ma'am "
                        "love angel princess king queen".split())
# Only a person is named so, whatever else the word may be ("everyone calls me Borna").
NAMED = re.compile(r"(?i)(?:\b(?:call\s+me|calls\s+me|name\s+is|name's|happy\s+(?:birthday|bday|b-day))[\s,]+)$")
# Predicates only a person takes ("Cortés is a very sympathetic person", "Why is Mark so
# impulsive?", "Bodin had given Sylvie his address").
_TRAITS = (r"(?:impulsive|sympathetic|kind|rude|generous|shy|stubborn|lazy|friendly|grumpy|polite|arrogant|selfish|"
           r"jealous|moody|talented|clever|brave|honest|funny|nice|mean|nervous|patient|impatient|cheerful|caring)")
HUMAN_AFTER = re.compile(
    r"(?i)[ \t]+(?:is|was)[ \t]+(?:a|an|such[ \t]+a)[ \t]+(?:(?:very|really|truly|so)[ \t]+)?[a-z-]+[ \t]+"
    r"(?:person|man|woman|guy|girl|boy|kid|child|lady|gentleman|human[ \t]+being)\b"
    r"|[ \t]+had[ \t]+given[ \t]+\p{Lu}[\p{L}'’-]*[ \t]+(?:his|her|their)\b")
TRAIT_AFTER = re.compile(rf"(?i)[ \t]+(?:so|very|really|too|always)[ \t]+{_TRAITS}\b")
WHY_IS_BEFORE = re.compile(r"(?i)\b(?:why|how)[ \t]+(?:is|was)[ \t]+$")
GIVEN_BEFORE = re.compile(r"(?i)\b(?:had|has|have)[ \t]+given[ \t]+$")
POSSESSIVE_AFTER = re.compile(r"(?i)[ \t]+(?:his|her|their)\b")
PERSON_AFTER = re.compile(r"(?i)^(?:'s|’s|\s+(?:says|said|asked|told|wrote|replied|thinks|thought)\b)")
# "flew to STAXROITH", "my friend lives in harburg", "I am in Sutri": a word no dictionary
# knows after a verb of going or living and a preposition is a place.
PLACE_CONTEXT = re.compile(
    r"\b(?i:fl[ye]w?|flying|travel+(?:ed|ing)?|mov(?:e|ed|ing)|return(?:ed|ing)?|go(?:ing)?|went|"
    r"li(?:ve|ves|ved|ving)|born|stay(?:ed|ing|s)?|visit(?:ed|ing|s)?|am|is|are|was|were|based|located)"
    r"\s+(?i:in|to|from|at|near)\s+((?:\p{Lu}[\p{L}'’-]+|\p{Ll}[\p{Ll}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+)?)")
# A firm's town: "... at Vass és Kovács Zrt. in MÁRTONKÖVESD", "Acme Ltd in Bergen".
IN_PLACE_AFTER = re.compile(r"[ \t]+in[ \t]+(\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,2})(?![\p{L}\d])")
# Place names are built from names: "North Hazel", "Saint Lucia", "San Cornelio", "Greg
# Ville", "Moorefurt" (Moore + furt), "Jacksonville". A span the tagger typed as a person
# with such a first word, a last word "Ville", or one word made of a known name and one of
# these endings is a place.
PLACE_PREFIXES = frozenset("North South East West New Lake Port Fort Mount Saint Sainte San Santa São "
                           "Northern Southern Eastern Western Upper Lower Greater Little Old Great".split())
# "de la" of "Chiclana de la Frontera", "nad" of "Hluboká nad Vltavou": the particles of names
# and the words that join a place's name
_PLACE_JOINS = frozenset("do les y e nad pod am an im sur sous upon on".split())
NAME_PARTICLES = re.compile(r"(?:[ \t]+(?:" + "|".join(sorted(PARTICLES | _PLACE_JOINS)) + r"))*[ \t]*")
CAPS_WORD_AFTER = re.compile(r"[ \t]+(\p{Lu}[\p{Lu}'’-]+)(?![\p{L}\d])")
# A geographic word right before a name makes it a place's ("Lake Kaver", "West Stórólfur",
# "San Alma"); "Old", "Little", "Great" also lead nicknames and are not among them.
GEO_PREFIX_BEFORE = re.compile(r"(?<!\p{L})(?:" + "|".join(sorted(
    PLACE_PREFIXES - {"New", "Upper", "Lower", "Greater", "Little", "Old", "Great"})) + r")[ \t]+$")
PLACE_PREFIX_BEFORE = re.compile(r"(?:" + "|".join(sorted(PLACE_PREFIXES)) + r")[ \t]+$")  # "Port" + " Jasminemouth"
PLACE_ENDINGS = ("ville", "furt", "fort", "side", "burgh", "borough", "bury", "mouth", "haven", "port",
                 "stad", "chester", "shire", "berg", "view", "land", "town")
# "Laura of Sacramento", "Horymír Adler of San Alberto": a person and where they are from.
PERSON_OF_PLACE = re.compile(r"(?P<person>.+?)\s+(?:of|Of|OF)\s+(?P<place>\p{Lu}.*)")
TRAILING_OF = re.compile(r"\s+(?:of|Of|OF)$")
# Times that follow "moved to", "is at" as places do ("moved to Thursday"): never a place.
TEMPORAL = frozenset("""
monday tuesday wednesday thursday friday saturday sunday weekend today tomorrow tonight
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec christmas easter noon midnight
""".split())
# Form labels whose value is a place, up to a venue word or the end of the line
# ("Where: Beerze Country Club", "City: Tromsø").
PLACE_LABEL = re.compile(r"(?im)^[ \t>]*(?:where|location|city|town|village|country|place|region)[ \t]*:[ \t]*"
                          r"(\p{Lu}[\p{L}'’.-]*(?:[ \t]+(?!(?:Country[ \t]+Club|Club|Hotel|Hall|Park|Stadium|"
                          r"Airport|Station|Center|Centre)\b)[\p{L}'’.()-]+){0,3})")
# A place before a landmark word: "Montijo bridge", "Kuncsorba Country Club".
# Context that makes a name a place: "flew to Coles", "Estonia was super fun to visit".
PLACE_BEFORE = re.compile(r"(?i)\b(?:fl[ye]w|travel+ed|mov(?:ed|ing)|returned|went|go(?:ing)?|drove|sailed|live[sd]?|living|"
                           r"stay(?:ed|ing)?|born|trip|holiday|vacation|met|meet|raining|snowing|based|located|"
                           r"arriv(?:ed|ing)|land(?:ed|ing)|relocat(?:ed|ing)|head(?:ed|ing))\s+(?:in|to|from|at|near)\s+$")
VISIT_AFTER = re.compile(r"(?i)^\s+(?:is|was|are|were)\b[^.!?\n]{0,30}\bto\s+visit\b")
# "I'm in RAMOS, at the conference", "we are in Strøm for a business trip"; "In Škofja Loka they
# have ..." at a sentence's start.
BEING_IN_BEFORE = re.compile(r"(?i)\b(?:i'?m|i\s+am|we'?re|we\s+are|they'?re|they\s+are|currently|still)\s+in\s+$"
                             r"|(?:^|[.!?]\s+|\n\s*)In\s+$")
# "Ligetapáti was super fun to visit!": a capitalised name before "is ... to visit".
VISITED = re.compile(r"(?<![\p{L}\d])(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?)"
                     r"(?=\s+(?:is|was|are|were)\b[^.!?\n]{0,30}\bto\s+visit\b)")
LANDMARK_AFTER = re.compile(r"^[ \t]+(?i:bridge|airport|station|harbou?r|country[ \t]+club)\b")
LANDMARK_END = re.compile(r"[ \t]+(?i:bridge|airport|station|harbou?r|country[ \t]+club)$")
# After "the", a landmark's or a region's kind ends a place's name ("the Berlin Wall", "the
# Aral Sea"); without it, these are surnames too ("Mills, Williams and Wall").
_GEO_KINDS = (r"wall|sea|ocean|river|desert|trench|canal|gulf|strait|peninsula|valley|falls|glacier|volcano"
              r"|mountains|empire|dynasty|cathedral|palace|tower")
GEO_KIND_AFTER = re.compile(rf"^[ \t]+(?i:{_GEO_KINDS})\b")
GEO_KIND_END = re.compile(rf"[ \t]+(?i:{_GEO_KINDS})$")
COUNTRY_END = re.compile(r"[ \t]+(?i:country)$")  # "Upton Scudamore Country" + " Club"
CLUB_NEXT = re.compile(r"[ \t]+(?i:club)\b")
JOIN_THEN_WORD = re.compile(r"(?:\s*,\s*|,?\s+(?:and|&)\s+)(\p{Ll}[\p{Ll}'’-]+)(?![\p{L}\d])")
WORD_THEN_JOIN = re.compile(r"(?<![\p{L}\d])(\p{Ll}[\p{Ll}'’-]+)(?:\s*,\s*|,?\s+(?:and|&)\s+)$")
JOIN = re.compile(r"\s*(?:,|,?\s+and|,?\s+&)\s*")
SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"“(>]\s*|\n\s*[-*>]?\s*)$")


# "Mijail C Adomo", "Valida M. Ibragimov": a capitalised word, a middle initial, a capitalised
# word is how people's names are written, not places or firms.
MIDDLE_INITIAL = re.compile(r"(\p{Lu}(?<![\p{L}\d]\p{Lu})\p{Ll}+)[ \t]+\p{Lu}\.?[ \t]+\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?(?![\p{L}\d])")
# Patronymics and Kazakh name endings: "Bekbolat Musliyevich", "Aigerim Serikkyzy".
TWO_WORDS = re.compile(r"\p{Lu}(?<![\p{L}\d]\p{Lu})\p{Ll}+[ \t]\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?(?![\p{L}\d])")
# "the Hemingway novel", "the Spielberg film": a creator's name used before the work.
CREATOR = re.compile(r"\b(?i:the)\s+(\p{Lu}\p{Ll}+(?:-\p{Ll}+)?)\s+(?i:novels?|books?|songs?|album|films?|movies?|plays?|"
                      r"poems?|paintings?|story|stories|biography|memoir|symphony|opera|lyrics)\b")
# "Zoolander is a 1973 American action-comedy film": the title of a work, not a place or a person.
WORK_TITLE = re.compile(r"[ \t]+(?:is|was)[ \t]+an?[ \t]+[^.!?\n]{0,40}?\b(?i:film|movie|novel|book|song|album|series|"
                        r"sitcom|documentary|musical|opera|play|video[ \t]+game|comic)s?(?=[ \t]*(?:[.,;:!?\n(]|$|by\b|"
                        r"directed\b|written\b|starring\b|released\b|about\b|that\b|which\b|based\b))")
PATRONYMIC = re.compile(r"(?i)\p{L}{3,}(?:ovich|evich|yevich|ovna|evna|yevna|ichna|uly|ulu|kyzy|qyzy)$")
LEADING_WORD = re.compile(r"(\p{Ll}+)\s+")
LEADING_TITLE_WORD = re.compile(r"(\p{Lu}\p{Ll}+)[ \t]+(?=\p{Lu})")  # "Producer" + " Kimmo"
TRAILING_WORD = re.compile(r"[ \t]+(\p{Ll}+)$")  # "Mijo Urlić" + " listed"
STREET_END = re.compile(rf"(?:^|\s){STREET_TYPE}$")
STREET_NEXT = re.compile(rf"\s+{STREET_TYPE}(?!\w)")
# "Mrs. Jari Pennanen Apt. 648 7096 Jännekuja 063": a name on the address's own line, before
# its unit or number; the tagger gives the surname to the address.
_UNIT_WORD = r"(?i:apt|apartment|suite|ste|unit|flat|room|floor|box|po[ \t]+box)\.?"
_HEAD_WORD = rf"(?!{_UNIT_WORD}[ \t])\p{{Lu}}[\p{{L}}'’-]+"
NAME_HEAD = re.compile(rf"{_HEAD_WORD}(?:[ \t]+{_HEAD_WORD})?(?=[ \t]+(?:{_UNIT_WORD}[ \t]|\d))")
# A house number after a street's name: "Ladeira da Cunha, 60", "Retorno Hidalgo 983 589", "Strandåsen 33B".
HOUSE_NUMBER_AFTER = re.compile(r",?[ \t]+\d{1,5}[A-Za-z]?(?:[ \t/-]\d{1,5}[A-Za-z]?)?(?![\w])")
# The word right before a span, on its line: "rue" of "rue Pierre Bernard".
WORD_BEFORE = re.compile(r"(?<![\w.])([\p{L}]+\.?)[ \t]+$")
# A capitalised business noun right after a name makes the two a firm's name: "Russell
# Investments", "Wolfram Research", "National Van Lines", "Galorath Incorporated".
BUSINESS_NOUN_AFTER = re.compile(
    r"(?:[ \t]+\p{Lu}\p{Ll}+)?[ \t]+(?:Investments?|Research|Lines|Incorporated|Systems|Technolog(?:y|ies)|Software|"
    r"Labs|Laboratories|Media|Capital|Consulting|Solutions|Industries|Enterprises|Associates|Communications|"
    r"Networks|Electronics|Pharmaceuticals?|Motors|Airlines|Airways|Insurance|Logistics|Ventures|Brands|Foods|"
    r"Energy|Entertainment|Studios|Games|Financial|Healthcare|Hotels|Resorts|Realty|Analytics|Robotics|"
    r"Therapeutics|Biosciences|Semiconductors?|Instruments|Advisors|Advisers|Securities|Bancorp|Pictures|"
    r"Records|Publishing|Apparel|Motorsports|Aerospace|Petroleum|Chemicals?|Builders|Construction|Manufacturing)"
    r"(?![\p{L}\d])")
# Where only a firm is named: "worked for X", "spent a year at X", "the address of X is",
# "later became X", "the X office", "X invested", "X is a design agency", "... of X is the CEO".
FIRM_FRAME_BEFORE = re.compile(
    r"(?i)\b(?:work(?:s|ed|ing)?[ \t]+(?:for|at)|used[ \t]+to[ \t]+work[ \t]+(?:for|at)|spent[ \t]+\w+[ \t]+years?[ \t]+at|"
    r"(?:address|offices?|headquarters)[ \t]+of|later[ \t]+became|merged[ \t]+with|acquired[ \t]+by)[ \t]+(?:the[ \t]+)?$")
FIRM_FRAME_AFTER = re.compile(
    r"(?i)[ \t]+(?:office|offices|headquarters|invested|is[ \t]+an?[ \t]+(?:[\w-]+[ \t]+){0,3}(?:agency|company|firm|"
    r"startup|bank|consultancy|corporation|manufacturer|retailer|brand|business|multinational|conglomerate)|"
    r"is[ \t]+the[ \t]+brainchild)\b")
# Some firm frame may be here: one `str.find` per stem, at a word's start (a case-blind
# alternation scanned the whole text at 50 µs per KB).
FIRM_CUE = WordStarts(("work", "spent", "address", "office", "headquarters", "became", "merged", "acquired",
                       "invested", "agency", "company", "firm", "startup", "bank", "brainchild", "ceo", "founder",
                       "speaker"))
# A line that opens an address or a phone number: a house number, a unit, a box, a phone label.
ADDRESS_OR_PHONE_LINE = re.compile(r"\d|(?i:apt|suite|unit|flat|studio|p\.?\s?o\.?\s+box|psc|uscgc|usns|uss|mobile|"
                                   r"phone|tel|fax|desk|cell|the[ \t]+corner)\b")
# A line holding one capitalised name and nothing else (a signature's firm line, say).
SIGNATURE_FIRM_LINE = re.compile(r"(?m)^[ \t>]*(\p{Lu}[\p{L}\d'’&.-]*(?:[ \t]+(?:\p{Lu}[\p{L}\d'’&.-]*|&|and)){0,3})[ \t\r]*$")
ARTICLE = re.compile(r"(?:The|A|An|Our|My|Your|Their)[ \t]+")
ROLE_OF_BEFORE = re.compile(r"(?i)\b(?:of|from)[ \t]+$")  # "Alana Slobodník of X is the CEO of the year"
ROLE_AFTER = re.compile(r"(?i)[ \t]+(?:is|was)[ \t]+(?:the|our)[ \t]+(?:new[ \t]+)?(?:ceo|cto|cfo|coo|founder|chair|"
                        r"president|keynote[ \t]+speaker|guest[ \t]+speaker)\b")
LINE = re.compile(r"[ \t>]*([^\n]*?)[ \t]*(?:\n|$)")  # a line's words, without quote marks and margins
# A sign-off and the name under or after it, ending its line or the message ("Best, Mark",
# "Love,\nGrace", "xoxo, Rose"): the name is the writer's, though a word or a place is so
# called. Matched only where `str.find` finds one of `SIGN_OFF_WORDS`, at a line's or a
# sentence's start.
SIGN_OFF_WORDS = ("regards", "kind", "warm", "best", "cheers", "thank", "many", "sincerely", "yours", "love",
                  "lots", "xo", "hugs", "warmly", "take care", "talk soon")
SIGN_OFF_NAME = re.compile(
    r"(?i:(?:(?:kind|warm|warmest|best)[ \t]+)?regards|best(?:[ \t]+wishes)?|cheers|(?:many[ \t]+)?thanks|thank[ \t]+you"
    r"|(?:yours[ \t]+)?sincerely|yours(?:[ \t]+truly)?|(?:lots[ \t]+of[ \t]+)?love|xoxo|xo|hugs|warmly|take[ \t]+care"
    r"|talk[ \t]+soon)(?![\p{L}])[ \t]*[,!.]?[ \t]*\n?[ \t]*"
    r"(?:(?i:grandma|grandpa|granny|grandad|granddad|nana|nan|aunt|auntie|uncle|mom|mum|mommy|mummy|dad|daddy"
    r"|mama|papa|cousin)[ \t]+)?"  # "Love, Grandma Rose": the name is "Rose"
    r"(\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)?)"
    r"(?=[ \t]*(?:[\"”)]|[.!]?[ \t]*(?:\n|$)))", re.MULTILINE)
SIGN_OFF_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:\n|$)")  # "Best,", "Cheers" ending their line
FIELD_COLON = re.compile(r"[ \t]*:")  # after a line's first word: "Date: ...", "Subject: ..."
# A form's label before its value on the same line ("Billing address: ", "> Ship to: ").
FORM_LABEL_BEFORE = re.compile(r"[ \t>]*\p{L}[\p{L} ]{0,29}:[ \t]*")
# A phone line's label: what follows is a number, not a street ("Fax: +421 909 599 593").
PHONE_LABEL = re.compile(r"(?i)(?:tel|telephone|phone|mobile|cell|fax|desk|office|home|work|whatsapp)\.?[ \t]*:[ \t]*[+(\d]")
# "During 1980, Månsson Wiklund AB": a year and a comma where the tagger saw a house number.
YEAR_THEN_NAME = re.compile(r"(?:\p{Lu}\p{Ll}+[ \t]+)?(?P<year>(?:1[89]|20)\d\d),[ \t]+(?P<rest>\p{Lu}.*)", re.DOTALL)
CAPITALISED_RUN = re.compile(r"\p{Lu}[\p{L}'’&.-]*(?:[ \t]+(?:\p{Lu}[\p{L}'’&.-]*|&))*")
NUMBER_BEFORE = re.compile(r"(?<![\w-])\d{1,6}[A-Za-z]?[ \t]+$")

"""Street addresses and school names by shape, to back up the NER where it is unsure.

Street patterns know the common street-type words of English, German, French, Spanish and
post-Soviet addresses ("ul.", "pr.", "mkr."); school patterns need capitalised words before
an institution word, so "high school" in a sentence is not a school name.
"""

from __future__ import annotations

import regex as re
from faker.providers.address.en_US import Provider as UsAddress
from presidio_analyzer import Pattern

from .common import ACRONYMS, english_words
from .windows import Anchor, WindowedPatternRecognizer

_WORD = r"(?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th)|[a-z]{1,3}(?=\s+[A-Z]))"
_STREET_WORDS = (
    "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl"
    "|Terrace|Square|Sq|Highway|Hwy|Parkway|Pkwy|Circle|Cir|Crescent|Close|Row|Trail|Alley"
    "|Prospekt|Avenida|Calle|Rue|Via|Strasse|Straße|Gasse|Weg|Platz|Allee"
)
_COMPOUND_ENDINGS = "straße|strasse|gasse|weg|platz|laan|straat|gatan|vej|katu|utca|ulica"
_POST_SOVIET = "ul|pr|mkr|prosp|ulitsa|pl"
STREET_TYPE = _STREET_TYPE = rf"(?:{_STREET_WORDS})\.?"
_CYRILLIC_STREET = ("ул|улица|пр|пр-т|просп|проспект|пер|переулок|наб|набережная|бул|бульвар|ш|шоссе|пл|площадь|"
                    "мкр|микрорайон|вул|вулиця|пров|провулок|площа|шосе|узвіз|набережна|бульв|тупик|проезд|алея|аллея|"
                    "даңғылы|көшесі|"
                    # the cases a sentence puts them in: "живу на улице Пушкина 10", "на вулиці Шевченка 5"
                    "улице|улицу|улицы|улицей|проспекте|проспекту|переулке|набережной|бульваре|площади|"
                    "микрорайоне|вулиці|вулицю|проспекті|провулку|площі|бульварі|көшесінде|даңғылында")
_UNIT = r"(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Fl|Floor|kv|#)\.?\s*\w{1,5})?"
_DIRECTION = r"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)(?!\w))?"
_NUMBER = r"\d{1,6}[A-Za-z]?(?:[/-]\d{1,4})?"

STREET_PATTERNS = [
    Pattern("number + name + street type",
            rf"(?<![\w-]){_NUMBER}\s+(?:{_WORD}\s+){{1,3}}{_STREET_TYPE}(?!\w){_DIRECTION}{_UNIT}", 0.7),
    Pattern("name + street type + number",
            rf"(?<![\w]){_WORD}(?:\s+{_WORD}){{0,2}}\s+{_STREET_TYPE}\s+{_NUMBER}(?!\w){_UNIT}", 0.65),
    Pattern("compound street word + number",
            rf"(?<![\w])[A-Z][\w-]*(?:{_COMPOUND_ENDINGS})\s+\d{{1,5}}[a-z]?(?!\w)",
            0.7),
    # German and Austrian streets named after a person: "Reinhold-Kabus-Gasse 202", "Janina-Winkler-Platz 6-1".
    Pattern("hyphenated name + street type + number",
            rf"(?<![\w-])\p{{Lu}}[\p{{L}}'’.]*(?:-\p{{Lu}}[\p{{L}}'’.]*)*-(?:Straße|Strasse|Gasse|Weg|Platz|Allee)\s+{_NUMBER}"
            rf"(?!\w){_UNIT}", 0.7),
    Pattern("post-Soviet street",
            rf"(?<![\w])(?:{_POST_SOVIET})\.?\s+{_WORD}(?:\s+{_WORD}){{0,2}},?\s+(?:d\.?\s*)?{_NUMBER}{_UNIT}",
            0.65),
    Pattern("PO box", r"(?<![\w])P\.?\s?O\.?\s+Box\s+\d{1,6}(?!\w)", 0.7),
    # A postcode after its label: "my zip is 94103", "postcode: SW1A 2AA", "postal code K1A 0B1".
    Pattern("labelled postcode",
            r"(?i:\b(?:zip(?:\s*code)?|postcode|postal\s+code)(?:\s+is|\s*[:#])?\s*)\K"
            r"(?:\d{5}(?:-\d{4})?|\d{4,6}|(?-i:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d))(?![\w-])",
            0.6),
    # Where someone lives, without the house number: "I live on Maple Street", "our house is
    # on Elm Road", "we live on baker street", "she lives next door to me on elm road", "my
    # street is maple drive" (the lowercase street needs a lowercase type).
    # (`\K`: the match starts scanning at the verb, and reports only the street after it)
    Pattern("home + street without a number",
            rf"(?:\b(?:live[sd]?|living|house|home|flat|apartment|moved|grew\s+up)(?:\s+is)?"
            r"(?:\s+[\w'’]+){0,4}?\s+(?:on|at|in|to|off)\s+"
            r"|\b(?:my|our|his|her|their)\s+(?:street|road)\s+is\s+(?:called\s+)?)"
            rf"(?:the\s+)?\K(?:(?-i:(?:[A-Z][\w'’.-]+\s+){{1,3}}{_STREET_TYPE})|(?:[a-z][\w'’-]+\s+){{1,2}}"
            r"(?-i:street|avenue|road|lane|drive|close|crescent|grove|terrace|gardens|way|court|place))(?!\w)", 0.6),
    # Russian, Ukrainian and Kazakh addresses in Cyrillic: "ул. Абая, д. 15, кв. 3", "вул. Січових Стрільців, буд. 5".
    Pattern("Cyrillic street",
            rf"(?<![\w])(?:{_CYRILLIC_STREET})\.?\s+\p{{Lu}}[\p{{L}}'’.-]*(?:\s+\p{{Lu}}[\p{{L}}'’.-]*){{0,3}},?\s+"
            r"(?:(?:д|дом|буд|будинок|үй)\.?\s*)?\d{1,5}[\p{L}]?(?:[/-]\d{1,4})?"
            r"(?:,?\s*(?:к|корп|кв|стр|квартира|оф|пом)\.?\s*\d{1,5})*", 0.7),
    # US military mail: a ship's line above its fleet post office line.
    Pattern("ship + FPO", r"(?<![\w])(?:USNS|USNV|USS|USCGC)\s+\p{Lu}[\w'’.-]+(?:[ \t]+\p{Lu}[\w'’.-]+)?[ \t]*\n"
            r"[ \t>]*[ADF]PO\s+A[AEP]\s+\d{5}(?!\d)", 0.7),
]


HAS_STREET_WORD = re.compile(
    rf"{_STREET_TYPE}(?!\w)|(?:{_COMPOUND_ENDINGS})\s+\d|\b(?:{_POST_SOVIET})\.?\s|P\.?\s?O\.?\s+Box"
    rf"|\b[ADF]PO\s+A[AEP]\b|(?<!\w)(?:{_CYRILLIC_STREET})\.?\s"
)


_ADDRESS_WORDS = frozenset(w.lower() for w in f"{_STREET_WORDS}|{_POST_SOVIET}|{_CYRILLIC_STREET}".split("|")) | frozenset(
    "apt apartment suite ste unit flat floor fl box po kv apo fpo dpo psc corner str utca út nr".split()) | frozenset(
    # USPS street suffixes (Publication 28), too many of them everyday words to anchor a
    # pattern on, but with a number beside them the mark of an address ("728 king rest")
    "alley annex arcade bayou beach bend bluff bluffs bottom branch bridge brook brooks burg burgs bypass camp "
    "canyon cape causeway center centers circles cliff cliffs club common commons corners course courts cove "
    "coves creek crest crossing crossroad curve dale dam divide estate estates expressway extension extensions "
    "fall falls ferry field fields flats ford fords forest forge forges fork forks fort freeway garden gardens "
    "gateway glen glens green greens grove groves harbor harbors haven heights hill hills hollow inlet island "
    "islands isle junction junctions key keys knoll knolls lake lakes land landing light lights loaf lock locks "
    "lodge loop mall manor manors meadow meadows mews mill mills mission motorway mount mountain mountains neck "
    "orchard oval overpass park parks pass passage path pike pine pines plain plains plaza point points port "
    "ports prairie radial ramp ranch rapid rapids rest ridge ridges river route run shoal shoals shore shores "
    "skyway spring springs spur spurs squares station stravenue stream streets summit throughway trace track "
    "trafficway tunnel turnpike underpass union unions valley valleys viaduct view views village villages ville "
    "vista walk walks wall ways well wells".split())
_COMPOUND_ENDINGS_TUPLE = tuple(_COMPOUND_ENDINGS.split("|")) + ("str",)


_LETTER_RUNS = re.compile(r"[\p{L}\p{M}.]+")


def plausible_address(text: str) -> bool:
    """What every written address has and the tagger's "0537490387 tomorrow" or "security
    number 017-97-5813" have not: a word that is capitalised, a street-type or unit word, a
    compound street name ("klemmstr."), or any word that is no everyday English word (a
    street or town name typed in lowercase: "štefánikova 410", "calzada sur oquendo 073")."""
    everyday = english_words()
    for word in _LETTER_RUNS.findall(text):  # marks too: "द्विवेदी" is one word
        bare = word.strip(".")
        if not bare:
            continue
        lower = bare.lower()
        if bare[0].isupper() or lower in _ADDRESS_WORDS or lower.endswith(_COMPOUND_ENDINGS_TUPLE) \
                or len(bare) > 1 and lower not in everyday:
            return True
    return False


def model_code_only(text: str) -> bool:
    """Its numbers are all a product's model codes ("Samsung Galaxy S24", "Dyson V15"): no
    word opens with a digit, as every house number does, and no street or unit word is in it."""
    if HAS_STREET_WORD.search(text) or not any(c.isdigit() for c in text):
        return False
    words = text.replace(",", " ").split()
    return not any(w[0].isdigit() for w in words) and not any(w.lower().strip(".#") in _ADDRESS_WORDS for w in words)


def labels_only(text: str) -> bool:
    """No digit, and no word but everyday English words and field labels ("Card", "CVV",
    "Tel.", "passport no."), none of them a street or unit word: what is left of a tagger's
    "address" once the numbers in it went to the recognizers that found them."""
    if any(c.isdigit() for c in text) or HAS_STREET_WORD.search(text):
        return False
    everyday = english_words()
    for word in _LETTER_RUNS.findall(text):
        lower = word.strip(".").lower()
        if lower and (lower in _ADDRESS_WORDS or lower not in everyday and lower not in ACRONYMS
                      and not (word.islower() and _CYRILLIC_GREEK.match(word))):
            return False
    return True


# Cyrillic and Greek write every name and town with a capital: a lowercase word there ("мой
# номер") is an everyday one (street words, lowercase there too, are tested first).
_CYRILLIC_GREEK = re.compile(r"[\p{Script=Cyrillic}\p{Script=Greek}]")


_LINKING_WORDS = frozenset("at on in to of and for by with is from".split())
_DETERMINERS = frozenset("the a an this that these those my our your his her their its".split())
# Words that make a lowercase street a kind of street, not one ("the same street", "a busy
# road", "this road"); "elm road", "baker street" are one.
_GENERIC_STREET_WORDS = _DETERMINERS | frozenset(
    "same other next busy quiet long short "
    "wrong right main big small little dirt country side back open one two any every each some new old "
    "whole entire dark wet empty narrow wide best worst nicest prettiest quietest busiest longest shortest "
    "oldest newest biggest smallest only first last".split())


class StreetAddressRecognizer(WindowedPatternRecognizer):
    CONTEXT = ["address", "live", "lives", "street", "ship", "deliver", "delivery", "moved", "located"]
    # Every pattern holds one of these words, with at most three names and a number (and a
    # unit) on either side of it.
    ANCHOR = Anchor(re.compile(rf"{HAS_STREET_WORD.pattern}|\b(?:street|avenue|road|lane|zip|zipcode|postcode|postal"
                               r"|Zip|ZIP|Postcode|Postal)\b"), before=80, after=60,
                    words=frozenset(f"{_STREET_WORDS}|{_POST_SOVIET}|Box|APO|DPO|FPO|{_CYRILLIC_STREET}"
                                    "|street|avenue|road|lane|zip|zipcode|postcode|postal|Zip|ZIP|Postcode|Postal"
                                    .split("|")),
                    endings=tuple(_COMPOUND_ENDINGS.split("|")))

    def __init__(self) -> None:
        super().__init__(
            supported_entity="STREET_ADDRESS", name="StreetAddressRecognizer",
            patterns=STREET_PATTERNS, context=self.CONTEXT, global_regex_flags=re.MULTILINE,
        )

    def invalidate_result(self, pattern_text: str) -> bool:
        """A lowercase street of everyday words is a kind of street ("we live on the same street");
        a number and a street type with only linking words between them are none ("year 3 at St. Mary's")."""
        words = pattern_text.split()
        named = [w for w in words[:-1] if w[:1].isalpha()]
        if named and all(w.lower() in _LINKING_WORDS for w in named):
            return True
        return pattern_text.islower() and any(w in _GENERIC_STREET_WORDS for w in words[:-1])


SETTLEMENT_WORDS = ("(?:г|п|с|д|к|м|а)\\.|(?:гор|пос|пгт|дер|ст|хут|смт|клх)\\.?|"
               "(?:город|село|деревня|станица|хутор|хутір|селище|місто|ауыл|поселок|посёлок)(?=\\s)")


class SettlementRecognizer(WindowedPatternRecognizer):
    """Russian, Ukrainian and Kazakh place names after a settlement word or its abbreviation,
    as addresses and forms write them: "г. Алматы", "д. Ивдель", "село Полонне", "ст. Белогорск".
    The abbreviations are lowercase; an initial ("И. Петров") is not."""

    PATTERNS = [Pattern("settlement word + name",
                        rf"(?<![\w])(?:{SETTLEMENT_WORDS})\s*\p{{Lu}}[\p{{L}}'’-]+(?:[\s-]\p{{Lu}}[\p{{L}}'’-]+){{0,2}}", 0.85)]
    CONTEXT = ["city", "town", "village", "live", "moved", "город", "адрес", "место"]
    ANCHOR = Anchor(re.compile(rf"(?<![\w])(?:{SETTLEMENT_WORDS})"), after=60, words=frozenset(
        "г п с д к м а гор пос пгт дер ст хут смт клх город село деревня станица хутор хутір селище місто ауыл "
        "поселок посёлок".split()))

    def __init__(self) -> None:
        super().__init__(supported_entity="LOCATION", name="SettlementRecognizer", patterns=self.PATTERNS,
                         context=self.CONTEXT, global_regex_flags=re.MULTILINE)


# Street types as lowercase text writes them: Faker's (the world's generators') and ours.
_LOWER_STREET_TYPES = sorted(
    {w.lower() for w in UsAddress.street_suffixes} | {w.lower() for w in _STREET_WORDS.split("|")}
    | {"str", "hwy", "pkwy", "sq"}, key=lambda w: (-len(w), w))
_LOWER_STREET_TYPE = rf"(?:{'|'.join(_LOWER_STREET_TYPES)}|\p{{Ll}}*(?:{_COMPOUND_ENDINGS}))\.?(?![\w])"
_LOWER_STREET_WORD = re.compile(rf"(?<![\w]){_LOWER_STREET_TYPE}")
_LOWER_NAME = r"[\p{L}\d][\w'’.-]*"
_CORNER_OF = re.compile(r"(?:the\s+)?corner\s+of\s+(.*?)\s+(?:and|&)\s+(.*)", re.DOTALL)


class IntersectionRecognizer(WindowedPatternRecognizer):
    """"the corner of Dalbraut 99 and Frederikke Coves", "corner of 5th and Main": a place
    given by two streets is one address. The second street is read as capitalised words
    (street types vary too much by country to list). Written in lowercase ("the corner of
    dalbraut 99 and frederikke coves"), each street needs its number or its street type,
    and neither opens with "the", "my"...: "the corner of the table and the wall" is none."""

    PATTERNS = [
        Pattern(
            "corner of A and B",
            r"(?<![\w])(?:[Tt]he\s+)?[Cc]orner\s+of\s+[\p{Lu}\d][^\n,;:?!()]{0,60}?\s+(?:and|&)\s+"
            r"[\p{Lu}\d][\w'’.-]*(?:[ \t]+(?:[\p{Lu}\d][\w'’.-]*|[a-z]{1,3}(?=[ \t]+\p{Lu}))){0,4}", 0.7),
        Pattern(
            # (the engine's copy of lowercase text may have capitalised a name in it: "alexander flat")
            "corner of a and b, in lowercase",
            r"(?<![\w])(?:the\s+)?corner\s+of\s+[\p{Ll}\d][^\n,;:?!()]{0,60}?\s+(?:and|&)\s+"
            rf"(?:(?:{_LOWER_NAME}[ \t]+){{0,2}}?{_LOWER_STREET_TYPE}"
            rf"|(?:\p{{L}}[\w'’.-]*[ \t]+){{0,2}}\d+[\p{{Ll}}]{{0,2}}(?![\w])(?:[ \t]+{_LOWER_STREET_TYPE})?)", 0.7),
    ]
    CONTEXT = ["address", "meet", "live", "lives", "located", "street"]
    ANCHOR = Anchor(re.compile(r"\b[Cc]orner\b"), before=8, after=150, words=frozenset({"corner", "Corner"}))

    def __init__(self) -> None:
        super().__init__(supported_entity="STREET_ADDRESS", name="IntersectionRecognizer",
                         patterns=self.PATTERNS, context=self.CONTEXT, global_regex_flags=re.MULTILINE)

    def invalidate_result(self, pattern_text: str) -> bool:
        if (streets := _CORNER_OF.match(pattern_text)) is None:
            return False
        first, second = streets.groups()
        if any(street.split(None, 1)[0] in _DETERMINERS for street in (first, second)):
            return True
        # a capitalised first street's capitals say it is a street's name
        return first[:1].islower() and not (any(c.isdigit() for c in first) or _LOWER_STREET_WORD.search(first))


_BUILDING_KINDS = "Apartments|Apts|Estate|Residency|Residences|Towers|Heights|Mansions|Flats|Condos|Villas|Complex"


class BuildingAddressRecognizer(WindowedPatternRecognizer):
    """Where a home has no street in its address, as in much of Africa, Asia and Kazakhstan:
    a flat and a block or building ("flat 12, block C, Sunrise Apartments"), or a named
    residential building after a verb of living ("we live in Greenfield Heights")."""

    PATTERNS = [
        Pattern("flat + block",
                r"(?i:(?<![\w])(?:flat|apt|apartment|unit|house|suite)\.?\s*(?:no\.?\s*)?\w{1,5},?\s+"
                r"(?:block|blk|bldg|building|tower|wing|entrance|phase)\.?\s*\w{1,4})(?!\w)"
                rf"(?:,?\s+(?:[A-Z][\w'’-]+\s+){{1,3}}(?:{_BUILDING_KINDS})(?!\w))?", 0.65),
        Pattern("living in a named building",
                r"(?i:\b(?:live[sd]?|living|stay(?:s|ed|ing)?|moved|home|flat|apartment)(?:\s+[\w'’]+){0,3}?"
                r"\s+(?:in|at|to)\s+(?:the\s+)?)\K"
                rf"(?:[A-Z][\w'’-]+\s+){{1,3}}(?:{_BUILDING_KINDS})(?!\w)", 0.6),
    ]
    CONTEXT = ["address", "live", "lives", "flat", "block", "deliver", "moved"]
    ANCHOR = Anchor(re.compile(rf"(?i)\b(?:block|blk|bldg|building|tower|wing|entrance|phase|{_BUILDING_KINDS})\b"),
                    before=80, after=80, lowercase=True, words=frozenset(
                        f"block blk bldg building tower wing entrance phase {_BUILDING_KINDS.lower().replace('|', ' ')}"
                        .split()))

    def __init__(self) -> None:
        super().__init__(supported_entity="STREET_ADDRESS", name="BuildingAddressRecognizer",
                         patterns=self.PATTERNS, context=self.CONTEXT, global_regex_flags=re.MULTILINE)


_LEAD = r"(?!(?:The|A|An|My|Our|Your|His|Her|Their|At|In|To|From|And|Of|For|Go|Goes|Attend|Attends|This|That|I)\b)"
_NAME_WORDS = rf"(?:{_LEAD}[A-Z][\w'’.-]+[ \t]+){{1,4}}"  # a line break ends a name
_ATTENDING = (r"\b(?:(?:go|goes|going|went|gone|transferred|moved)\s+to|attend(?:s|ed|ing)?|(?:stud(?:y|ies|ied|ying)|student"
              r"|teach(?:es|ing)?|teacher|enrolled|pupil)\s+at|school\s+is(?:\s+called)?"
              r"|(?:grade|year|class|form)\s+\d{1,2}(?:st|nd|rd|th)?\s+at|\d{1,2}(?:st|nd|rd|th)\s+grade\s+at"
              r"|(?:we'?re|i'?m|we\s+are|i\s+am|he'?s|she'?s|they'?re)\s+at)")
# A school named by its number, Kazakhstan's compound kinds too ("school-gymnasium 15").
_NUMBERED_KIND = r"(?:[Ss]chool|[Gg]ymnasium|[Ll]yceum)(?:-(?:[Ss]chool|[Gg]ymnasium|[Ll]yceum))?"
SCHOOL_PATTERNS = [
    Pattern("name + school kind",
            rf"(?<![\w]){_NAME_WORDS}(?:(?:Elementary|Middle|High|Primary|Secondary|Grammar|Junior\s+High"
            r"|Senior\s+High|Preparatory|Prep|Montessori|Charter|International|Public|Catholic|Boarding"
            r"|Technical|Vocational|Comprehensive|Nursery|Sunday)\s+School|Elementary|Academy|Lyceum"
            r"|Gymnasium|College|University|Institute|Kindergarten|Nursery|Preschool|Pre-School|Schule|Gimnazium"
            r"|School)(?!\w)", 0.7),
    Pattern("university of X", rf"(?<![\w])University\s+of\s+(?:{_LEAD}[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){{0,2}}", 0.7),
    Pattern("school number", rf"(?<![\w]){_NUMBERED_KIND}\s+(?:No\.?|#|№|number)\s*\d{{1,4}}(?!\w)", 0.7),
    Pattern("attending + school and its number", rf"(?<={_ATTENDING}\s+){_NUMBERED_KIND}\s+(?:№\s*)?\d{{1,4}}(?!\w|[.,:]\d)"
            r"(?![ \t]+(?:days?|times?|hours?|minutes?|weeks?|months?|years?|o'?clock|am|pm|a\.m|p\.m)\b)", 0.7),
    # "в школе №45", "гимназия № 12", "лицей №8", "№45 мектеп"
    Pattern("school number, Russian or Kazakh",
            r"(?<![\w])(?:(?:[Шш]кол[аеуыой]|[Гг]имнази[яиюей]|[Лл]ице[йяюе]|[Мм]ектеп\w*)\s*(?:№|No\.?|#|номер)\s*\d{1,4}"
            r"|№\s*\d{1,4}\s+(?:[Мм]ектеп\w*|[Шш]кол[аеуыой]|[Гг]имнази[яиюей]|[Лл]ице[йяюе]))(?!\w)", 0.7),
    # German schools are named as one compound: "Goethe-Gymnasium", "Anne-Frank-Schule",
    # "Humboldtschule" (not the kinds: "Grundschule", "Hochschule"; `invalidate_result`).
    Pattern("German compound", r"(?<![\w-])(?:\p{Lu}[\p{L}'’.]+-)+(?:Gymnasium|Schule|Grundschule|Realschule|Gesamtschule"
            r"|Oberschule|Hauptschule|Gemeinschaftsschule|Lyzeum|Kolleg)(?![\w-])"
            r"|(?<![\w-])\p{Lu}\p{Ll}{2,}(?:schule|gymnasium)(?![\w-])", 0.7),
    # A school's short name after going to or studying at it: "attends Riverside High", "I go
    # to Oakwood Primary" (not "an all-time High"), and in lowercase chat "i go to lincoln
    # elementary", "my school is called sunnydale high" (`invalidate_result` vetoes everyday
    # words: "go to the local high school", "went to summer school").
    Pattern("attending + short name", rf"(?<={_ATTENDING}\s+){_NAME_WORDS}(?:High|Primary|Middle|Secondary)(?!\s+School)(?!\w)", 0.7),
    Pattern("attending + lowercase name",
            rf"(?<={_ATTENDING}\s+)(?!called\b)(?:[a-z][a-z'’-]+\s+){{1,3}}(?:elementary|high|primary|middle|secondary|school|academy"
            r"|college|kindergarten|lyceum|gymnasium)(?![\w-])", 0.7),
]


# German words for a kind of school, not one school's name ("in die Grundschule").
_GERMAN_KINDS = frozenset(
    "grundschule realschule hauptschule gesamtschule oberschule berufsschule hochschule musikschule fahrschule "
    "volkshochschule sprachschule privatschule förderschule sekundarschule mittelschule gemeinschaftsschule "
    "tanzschule abendschule sonderschule waldorfschule fachhochschule kunstschule ganztagsschule".split())
# A short name ("maple grove elementary") is one school's even of everyday words, unless a
# word says it is a kind of school ("the local primary", "a public elementary").
_SHORT_KINDS = frozenset({"elementary", "primary", "middle", "secondary", "kindergarten", "high"})
_GENERIC_SCHOOL_WORDS = _DETERMINERS | frozenset(
    "local public private nearby same new old big small other "
    "catholic christian village town city state community neighborhood neighbourhood girls boys senior junior "
    "high middle elementary primary secondary lower upper".split())


class SchoolRecognizer(WindowedPatternRecognizer):
    CONTEXT = ["school", "student", "study", "studies", "attend", "attends", "grade", "class", "teacher"]
    # Every pattern ends with (or starts with) an institution word; up to four names before it.
    ANCHOR = Anchor(re.compile(r"(?i)school|academy|nursery|lyceum|gymnas|college|universit|institute|kindergarten"
                               r"|schule|gimnazium|elementary|high|primary|middle|secondary|школ|гимнази|лице|мектеп"),
                    before=150, after=100, inside="№",
                    words=frozenset("School Elementary Academy Lyceum Gymnasium College University Institute Nursery Preschool"
                                    " Kindergarten Schule Gimnazium school gymnasium lyceum High Primary Middle"
                                    " Secondary elementary high primary middle secondary academy college"
                                    " kindergarten школа школе школы школу Школа Школе гимназия гимназии Гимназия"
                                    " лицей лицее Лицей мектеп мектепте мектебі Мектеп".split()),
                    endings=("schule", "Schule", "gymnasium", "Gymnasium"))

    def __init__(self) -> None:
        super().__init__(
            supported_entity="SCHOOL", name="SchoolRecognizer",
            patterns=SCHOOL_PATTERNS, context=self.CONTEXT, global_regex_flags=re.MULTILINE,
        )

    def invalidate_result(self, pattern_text: str) -> bool:
        """A kind of school, not one school: a lowercase name of everyday words before its kind
        ("the local high school"), a generic word before a short kind ("the local primary"), a
        German kind ("Grundschule"); a school's number names one ("school number 5")."""
        words = pattern_text.split()
        if pattern_text.lower() in _GERMAN_KINDS:
            return True
        if not pattern_text.islower() or not words[-1].isalpha():
            return False
        if words[-1] == "school" and len(words) >= 3 and words[-2] in _SHORT_KINDS:
            words = words[:-1]  # "pine ridge middle school": a short name, then its kind
        if words[-1] in _SHORT_KINDS:  # "maple grove elementary": a short name is one school's
            return any(word in _GENERIC_SCHOOL_WORDS for word in words[:-1])
        everyday = english_words()
        return all(word in everyday for word in words[:-1])

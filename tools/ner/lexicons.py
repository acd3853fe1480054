"""Build the name and place lexicons the gazetteer recognizers ship with (deterministic).

    .venv/bin/python -m tools.ner.lexicons

Sources: Faker's person and address providers in every locale (Latin-script values only, but
for the Cyrillic first names) and the hand-written lists in gazetteers.py. Output: filters/pii/models/lexicons/*.txt, one value
per line, sorted, so diffs stay readable.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from pathlib import Path

import faker.providers.address as address_providers
import faker.providers.company as company_providers
import faker.providers.person as person_providers

from filters.pii.cyrillic_patterns import cyrillic_lookup_form, surname_shaped
from filters.pii.recognizers.common import common_words, english_words

from . import gazetteers as gz
from . import prose
from .public_figures import public_figures
from .templates_clean import CHAT_LINES

OUT = Path(__file__).resolve().parents[2] / "filters" / "pii" / "models" / "lexicons"
_LATIN_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’.-]+(?: [A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’.-]+){0,3}$")


def _values(provider: type, attr: str) -> list[str]:
    value = getattr(provider, attr, None)
    if isinstance(value, dict):
        return [v if isinstance(v, str) else v[-1] for v in value]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [v if isinstance(v, str) else v[-1] for v in value]
    return []


def _strings(package, attrs: tuple[str, ...], locales: tuple[str, ...] = ("",)) -> set[str]:
    """The string values of `attrs` in every provider of a Faker provider package whose locale
    starts with one of `locales`."""
    out: set[str] = set()
    for module in pkgutil.iter_modules(package.__path__):
        if module.name.startswith(locales):
            provider = importlib.import_module(f"{package.__name__}.{module.name}").Provider
            for attr in attrs:
                out.update(v.strip() for v in _values(provider, attr) if isinstance(v, str))
    return out


def _collect(package, attrs: tuple[str, ...]) -> set[str]:
    return {v for v in _strings(package, attrs) if _LATIN_NAME.match(v) and len(v) > 1}


# Faker's company suffixes that are also everyday words or bare codes: never a firm's mark alone.
_AMBIGUOUS_FORMS = {"URL", "CON", "ET", "EP", "AD", "SD", "RA", "CV", "OG", "KD", "ry", "San.", "Tic.", "Tmi", "Tbk",
                    "- EI", "- ME", "OC1", "OC2", "OC3", "(Persero) Tbk"}
_FORM_SCRIPT = re.compile(r"^[A-Za-zÀ-ÖØ-öø-žА-Яа-яЁёΑ-Ωα-ωΆ-ώ&./ ]+$")


def legal_forms() -> set[str]:
    """Company suffixes of every locale ("d.o.o.", "Nyrt.", "e.G.", "og Sønner"), read from the
    providers' suffix lists and from the literal endings of their name formats
    ("{{first_name}} {{last_name}} s.p.")."""
    formats = _strings(company_providers, ("formats",))
    out = _strings(company_providers, ("company_suffixes",)) | {f.rsplit("}}", 1)[-1].strip() for f in formats if "}}" in f}
    return {v for v in out if len(v) > 1 and _FORM_SCRIPT.match(v) and any(c.isalpha() for c in v)} - _AMBIGUOUS_FORMS


# Locales whose Faker street prefixes and suffixes are street-type words ("Rua", "Drumul",
# "rue", "ulica"; "gatan", "veien", "straat"); elsewhere they are parts of names.
_PREFIX_LOCALES = ("es_", "fr_", "pt_", "it_", "ro_", "pl_", "id_", "en_MS")
_SUFFIX_LOCALES = ("hr_", "cs_", "sk_", "hu_", "no_", "nb_", "da_", "sv_", "nl_", "de_", "fi_")
_LATIN_WORD = re.compile(r"^[A-Za-zÀ-ÖØ-öø-žȘșȚț]+\.?$")


def street_words(locales: tuple[str, ...], attrs: tuple[str, ...]) -> set[str]:
    """Street-type words of the street-type locales, as Faker writes them (case kept)."""
    return {v for v in _strings(address_providers, attrs, locales) if _LATIN_WORD.match(v) and len(v.rstrip(".")) > 1}


def street_prefixes() -> set[str]:
    """Words that lead a street's name: "Rua", "Drumul", "rue", "ulica"; Faker's Italian
    "suffixes" lead too ("Via", "Piazza")."""
    return street_words(_PREFIX_LOCALES, ("street_prefixes", "street_prefixes_long", "street_prefixes_short")) \
        | street_words(("it_",), ("street_suffixes",))


def street_endings() -> set[str]:
    """The endings of compound street names ("Strand|åsen", "Kerk|straat"), four letters or more."""
    words = street_words(_SUFFIX_LOCALES, ("street_suffixes", "street_suffixes_long", "street_suffixes_short"))
    return {w.lower() for w in words if w[:1].islower() and len(w.rstrip(".")) > 3 and not w.endswith(".")}


_CYRILLIC_NAME = re.compile(r"^[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+$")


def cyrillic_first_names() -> set[str]:
    """First names in Cyrillic, in the form they are looked up by (`cyrillic_lookup_form`:
    Russian letters for Kazakh ones, no soft sign): Faker's Russian, Ukrainian and Bulgarian
    names, their short forms, and the Central Asian names transliterated."""
    names = {v for v in _strings(person_providers, ("first_names", "first_names_male", "first_names_female"),
                                 ("ru_", "uk_", "bg_")) if _CYRILLIC_NAME.match(v)}
    names |= set(gz.CYRILLIC_SHORT_NAMES) | {gz.to_cyrillic(n) for n in gz.CENTRAL_ASIAN_FIRST_NAMES}
    return {cyrillic_lookup_form(n) for n in names}


_CYRILLIC_WORD = re.compile(r"^[А-ЯЁІЇЄҐҚҒҮҰӘӨҺ][а-яёіїєґқғүұәөһ'’-]+$")


def cyrillic_places() -> set[str]:
    """One-word towns, regions and countries in Cyrillic, in their lookup form: Faker's Russian,
    Ukrainian, Bulgarian and Macedonian lists and `gazetteers.CYRILLIC_PLACES_EXTRA`, less
    Faker's surname-shaped ones ("Чехов", "Королёв", "Жуковский"), which name people as often."""
    names = _strings(address_providers, ("city_names", "cities", "countries", "region_republics", "region_names",
                                         "states"), ("ru_", "uk_", "bg_", "mk_"))
    places = {n for n in names if _CYRILLIC_WORD.match(n) and not surname_shaped(n)} | set(gz.CYRILLIC_PLACES_EXTRA)
    return {cyrillic_lookup_form(n) for n in places}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    first = _collect(person_providers, ("first_names", "first_names_male", "first_names_female"))
    first |= set(gz.CENTRAL_ASIAN_FIRST_NAMES) | set(gz.LATIN_SHORT_NAMES) | set(gz.EAST_ASIAN_FIRST_NAMES)
    # Romanised Japanese and Chinese names, less those that are English words ("Gang", "Hung")
    # and the short surnames ("He", "Ma", "Hu"); "Sato", "Ito" are kept. The English words are
    # the word lists as shipped (written further down only without --skip-common-words).
    english = english_words() | common_words()
    first |= {n.title() for n in _strings(person_providers, ("first_romanized_names",), ("ja_", "zh_"))
              if n.lower() not in english}
    last = _collect(person_providers, ("last_names",)) | set(gz.CENTRAL_ASIAN_LAST_NAMES)
    last |= {n.title() for n in _strings(person_providers, ("last_romanized_names",), ("ja_", "zh_"))
             if n.lower() not in english and (len(n) >= 4 or n.lower() in {"sato", "ito", "kato"})}
    places = _collect(address_providers, ("cities", "countries", "states", "provinces", "regions"))
    english_countries = set(_values(importlib.import_module("faker.providers.address.en_US").Provider, "countries"))
    places |= english_countries | set(gz.CITIES_EXTRA) | set(gz.COUNTRIES_EXTRA) | set(gz.REGIONS)
    places = {p for p in places if not p.startswith("the ") and len(p) > 2 and not p.isupper()}
    ambiguous = {"Green", "Liberal", "Conservative", "Progressive", "Orthodox", "Evangelical", "Labour"}
    nrp = (set(gz.NATIONALITIES) | set(gz.MULTIWORD_NRP) | set(gz.RELIGIONS) | set(gz.POLITICAL)) - ambiguous
    named = (("first_names", first), ("last_names", last), ("places", places), ("nrp", nrp), ("legal_forms", legal_forms()),
             ("street_prefixes", street_prefixes()), ("street_endings", street_endings()),
             ("cyrillic_first_names", cyrillic_first_names()), ("public_figures", public_figures()),
             ("cyrillic_places", cyrillic_places()))
    for name, values in named:
        (OUT / f"{name}.txt").write_text("\n".join(sorted(values)) + "\n", encoding="utf-8")
        print(f"{name}: {len(values)}")
    if "--skip-common-words" in sys.argv:
        return
    words = set(prose.common_words(prose.harvest() + CHAT_LINES)) | set(gz.EVERYDAY_WORDS)
    (OUT.parent / "common_words.txt").write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"common words: {len(words)}")
    # Rare English words too, for vetoing tagger guesses (recognizers/common.py english_words):
    # the lowercase entries of Debian's wamerican word list (`apt-get install wamerican`).
    dictionary = Path("/usr/share/dict/words")
    if dictionary.is_file():
        english = {w.strip() for w in dictionary.read_text(encoding="utf-8").splitlines()
                   if w[:1].islower() and "'" not in w and len(w.strip()) > 1} - words
        (OUT.parent / "english_words.txt").write_text("\n".join(sorted(english)) + "\n", encoding="utf-8")
        print(f"english words beyond the common ones: {len(english)}")


if __name__ == "__main__":
    main()

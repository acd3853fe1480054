"""Names, places, addresses and firms in sentence frames the dev file does not hold.

    .venv/bin/python bench/pii_frames.py [--show] [--lowercase]

Frames of the kind the tenants' users write (a class, a party, a move, a job), none taken
from `pii_dev.json`'s templates, each filled with Faker values of many locales:

* people: thirty frames, a first name alone or with a surname, romanised for Japanese and
  Chinese, in Devanagari for Hindi (13 locales); then the same frames with names in the
  locale's own script, Cyrillic, Greek, Han, Hangul, Hebrew, Arabic, Thai... (14 locales);
* places: a town or a country; addresses: a street address; firms: a company name.

A value counts as found ("typed") when detections of its kind cover at least half of it, as
in `bench/pii_eval.py`; "any type" accepts any detection, which is what redaction needs. For
a street address a place counts as its kind, for a firm a school. Seeds are fixed, so runs
compare; `--show` prints every value no detection covers, and values found with another type;
`--lowercase` writes every sentence in lowercase, as children and hasty writers do (a sentence
whose lowercase changes its length is left out).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from faker import Faker  # noqa: E402

from filters.pii import EngineSettings, PIIEngine  # noqa: E402

FRAMES = [
    "Can you help {P} with her essay about volcanoes?", "{P} keeps interrupting me in class.",
    "I have a meeting with {P} at noon.", "Please forward this to {P}.", "Thank you so much, {P}!",
    "{P} and I are working on the science fair project.", "According to {P}, the test is next week.",
    "We're throwing a surprise party for {P} on Friday.", "Could {P} borrow your calculator?",
    "The award goes to {P} for outstanding effort.", "I miss {P} so much since she moved.",
    "Our new neighbour is {P}.", "Tell {P} that practice is cancelled.", "Is {P} coming to the game?",
    "Write a thank-you note to {P} for the flowers.", "{P} scored the winning goal yesterday!",
    "My tutor, {P}, says I should read more.", "Reply to {P}: yes, I can make it.",
    "I was paired with {P} for the lab.", "Without {P} we would have lost.",
    "Draft a message congratulating {P} on the new job.", "Does {P} still live near the park?",
    "I think {P} has my charger.", "The letter was signed by {P}.", "Invite {P} and her kids too.",
    "Happy anniversary to {P} and Sam!", "Remind {P} to bring the permission slip.",
    "{P}'s presentation was amazing.", "How should I apologise to {P}?", "Last night {P} called me twice.",
]
PLACE_FRAMES = [
    "We're moving to {P} next month.", "My grandma lives in {P} and I visit every summer.", "I was born in {P}.",
    "Our team flew from {P} to the finals.", "The exchange student comes from {P}.",
    "She grew up near {P}, in a small village.", "Send the package to our office in {P}.",
    "We spent spring break in {P} with my cousins.", "Is it safe to bike around {P} at night?",
    "My dad got a job in {P}, so we have to move.", "{P} is where my parents met.",
    "I'm visiting my aunt in {P} this weekend.",
]
ADDRESS_FRAMES = [
    "The party is at {P} on Saturday!", "Our new address is {P}.", "Can you deliver to {P}, please?",
    "I live at {P}, the blue house.", "Meet me outside {P} after school.", "The clinic moved to {P}.",
    "Return the form to {P} by Friday.", "Ship it to: {P}", "My piano lessons are at {P}.",
    "We used to live on {P} before the divorce.", "Pick me up from {P} at 5.", "His flat is at {P}, third floor.",
]
FIRM_FRAMES = [
    "My mom works at {P}.", "I got an internship at {P}!", "{P} is hiring interns this summer.",
    "I have an interview with {P} tomorrow.", "Write a cover letter for a job at {P}.",
    "The sponsor of our robotics team is {P}.", "My uncle quit {P} last year.", "Is {P} a good place to work?",
]
LOCALES = ["en_US", "en_GB", "es_ES", "fr_FR", "de_DE", "it_IT", "pl_PL", "tr_TR", "pt_BR", "nl_NL", "ja_JP", "zh_CN",
           "hi_IN"]
ROMANISED = ("ja_JP", "zh_CN")
SCRIPT_LOCALES = ["ru_RU", "uk_UA", "bg_BG", "el_GR", "hy_AM", "ka_GE", "ja_JP", "zh_CN", "ko_KR", "he_IL", "ar_AA",
                  "fa_IR", "th_TH", "bn_BD"]
NO_SPACES = ("ja_JP", "zh_CN", "ko_KR")


@dataclass(frozen=True)
class Kind:
    title: str
    frames: list[str]
    locales: list[str]
    types: frozenset[str]
    value: Callable[[Faker, str, random.Random], str]
    seed: int  # the frames' own draws (which name shape, a town or a country)
    faker_seed: int  # the first locale's Faker seed; each next locale's is one more


def _person(fake: Faker, locale: str, rng: random.Random) -> str:
    if locale in ROMANISED:
        return f"{fake.first_romanized_name()} {fake.last_romanized_name()}"
    return f"{fake.first_name()} {fake.last_name()}" if rng.random() < 0.6 else fake.first_name()


def _person_in_script(fake: Faker, locale: str, rng: random.Random) -> str:
    name = f"{fake.first_name()} {fake.last_name()}" if rng.random() < 0.6 else fake.first_name()
    return name.replace(" ", "") if locale in NO_SPACES and rng.random() < 0.5 else name


KINDS = [
    Kind("people", FRAMES, LOCALES, frozenset({"PERSON"}), _person, 7, 0),
    Kind("people, in their own script", FRAMES, SCRIPT_LOCALES, frozenset({"PERSON"}), _person_in_script, 9, 900),
    Kind("places", PLACE_FRAMES, LOCALES, frozenset({"LOCATION"}),
         lambda fake, _, rng: fake.city() if rng.random() < 0.7 else fake.country(), 5, 500),
    Kind("street addresses", ADDRESS_FRAMES, LOCALES, frozenset({"STREET_ADDRESS", "LOCATION"}),
         lambda fake, _, rng: fake.street_address(), 6, 600),
    Kind("firms", FIRM_FRAMES, LOCALES, frozenset({"ORGANIZATION", "SCHOOL"}), lambda fake, _, rng: fake.company(), 8, 800),
]


def sentences(kind: Kind) -> list[tuple[str, str, int, int]]:
    """(locale, sentence, start, end of the value) for every frame and locale."""
    rng = random.Random(kind.seed)
    fakers = {locale: Faker(locale) for locale in kind.locales}
    for n, fake in enumerate(fakers.values()):
        fake.seed_instance(kind.faker_seed + n)
    rows = []
    for frame in kind.frames:
        for locale, fake in fakers.items():
            value = kind.value(fake, locale, rng)
            text = frame.format(P=value)
            start = text.index(value)
            rows.append((locale, text, start, start + len(value)))
    return rows


def _found(detections, start: int, end: int, types: frozenset[str] | None) -> bool:  # noqa: ANN001
    covered = sum(min(end, d.end) - max(start, d.start) for d in detections
                  if (types is None or d.type in types) and d.end > start and d.start < end)
    return covered * 2 >= end - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="print every value missed or found with another type")
    parser.add_argument("--lowercase", action="store_true", help="every sentence written in lowercase")
    args = parser.parse_args()
    engine = PIIEngine.build(EngineSettings())
    entities = sorted(engine.supported_entities())
    for kind in KINDS:
        rows = sentences(kind)
        if args.lowercase:
            rows = [(locale, text.lower(), start, end) for locale, text, start, end in rows
                    if len(text.lower()) == len(text)]
        found = engine.analyze_batch([text for _, text, _, _ in rows], entities=entities)
        totals: dict[str, list[int]] = {locale: [0, 0, 0] for locale in kind.locales}
        for (locale, text, start, end), detections in zip(rows, found):
            typed, anything = _found(detections, start, end, kind.types), _found(detections, start, end, None)
            count = totals[locale]
            count[0], count[1], count[2] = count[0] + 1, count[1] + typed, count[2] + anything
            if args.show and not typed:
                label = "missed" if not anything else "typed"
                print(label, locale, text, [(d.type, text[d.start:d.end]) for d in detections])
        print(f"\n{kind.title}\n\n| locale | values | found | any type |\n|---|---:|---:|---:|")
        for locale, (n, typed, anything) in totals.items():
            print(f"| {locale} | {n} | {typed / n:.3f} | {anything / n:.3f} |")
        n, typed, anything = (sum(c[i] for c in totals.values()) for i in range(3))
        print(f"| all | {n} | {typed / n:.3f} | {anything / n:.3f} |")


if __name__ == "__main__":
    main()

"""People's names in sentence frames the dev file does not hold: recall on new frames.

    .venv/bin/python bench/pii_frames.py [--show]

Thirty frames of the kind the tenants' users write (a class, a party, a message to forward),
none taken from `pii_dev.json`'s templates, each filled with a Faker name of 13 locales: a
first name alone or with a surname, romanised for Japanese and Chinese, in Devanagari for
Hindi. A name counts as found when PERSON detections cover at least half of it, as in
`bench/pii_eval.py`. Seeds are fixed, so runs compare; `--show` prints every miss.
"""

from __future__ import annotations

import argparse
import random
import sys
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
LOCALES = ["en_US", "en_GB", "es_ES", "fr_FR", "de_DE", "it_IT", "pl_PL", "tr_TR", "pt_BR", "nl_NL", "ja_JP", "zh_CN",
           "hi_IN"]
ROMANISED = ("ja_JP", "zh_CN")


def sentences(seed: int = 7) -> list[tuple[str, str, int, int]]:
    """(locale, sentence, start, end of the name) for every frame and locale."""
    rng = random.Random(seed)
    fakers = {locale: Faker(locale) for locale in LOCALES}
    for n, fake in enumerate(fakers.values()):
        fake.seed_instance(n)
    rows = []
    for frame in FRAMES:
        for locale, fake in fakers.items():
            if locale in ROMANISED:
                name = f"{fake.first_romanized_name()} {fake.last_romanized_name()}"
            else:
                name = f"{fake.first_name()} {fake.last_name()}" if rng.random() < 0.6 else fake.first_name()
            text = frame.format(P=name)
            start = text.index(name)
            rows.append((locale, text, start, start + len(name)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="print every miss")
    args = parser.parse_args()
    engine = PIIEngine.build(EngineSettings())
    rows = sentences()
    found = engine.analyze_batch([text for _, text, _, _ in rows], entities=sorted(engine.supported_entities()))
    totals: dict[str, int] = {}
    misses: dict[str, int] = {}
    for (locale, text, start, end), detections in zip(rows, found):
        covered = sum(min(end, d.end) - max(start, d.start) for d in detections
                      if d.type == "PERSON" and d.end > start and d.start < end)
        totals[locale] = totals.get(locale, 0) + 1
        if covered * 2 < end - start:
            misses[locale] = misses.get(locale, 0) + 1
            if args.show:
                print("miss", locale, text, [(d.type, text[d.start:d.end]) for d in detections])
    print("| locale | names | found |\n|---|---:|---:|")
    for locale in LOCALES:
        print(f"| {locale} | {totals[locale]} | {1 - misses.get(locale, 0) / totals[locale]:.3f} |")
    print(f"| all | {sum(totals.values())} | {1 - sum(misses.values()) / sum(totals.values()):.3f} |")


if __name__ == "__main__":
    main()

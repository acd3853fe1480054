"""Recall on values the dev file does not have: Faker's phone numbers, card numbers, IBANs,
e-mail addresses, SSNs, people's names, street addresses and cities from 53 locales, each in
a sentence that says what it is the way people do ("my cell: ...", "wire the money to
account ...", "I moved to ... last year").

    .venv/bin/python bench/pii_formats.py [--per-locale 12]

The dev file holds 44 phone numbers and 6 IBANs in a handful of formats, and no Cyrillic,
CJK or Thai; this checks that the recognizers and the tagger generalise past it. A value
counts as found when detections of its type (LOCATION for a city) cover at least half of it,
the rule of bench/pii_eval.py; "any type" accepts any detection (what redaction needs).
Seeds are fixed; the sentences were written once and not tuned against.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from faker import Faker  # noqa: E402

from filters.pii import EngineSettings, PIIEngine  # noqa: E402

LOCALES = [
    "en_US", "en_GB", "de_DE", "fr_FR", "it_IT", "es_ES", "pt_BR", "pt_PT", "nl_NL", "nl_BE", "sv_SE", "da_DK", "no_NO",
    "fi_FI", "pl_PL", "cs_CZ", "hu_HU", "el_GR", "ru_RU", "uk_UA", "tr_TR", "en_AU", "en_NZ", "en_CA",
    "fr_CA", "de_AT", "de_CH", "is_IS", "et_EE", "lv_LV", "lt_LT", "sk_SK", "sl_SI", "hr_HR", "ro_RO", "bg_BG",
    "he_IL", "ja_JP", "zh_CN", "ko_KR", "en_IN", "hi_IN", "id_ID", "th_TH", "vi_VN", "es_MX", "es_AR", "es_CL",
    "es_CO", "fil_PH", "ka_GE", "hy_AM", "az_AZ",
]
TEMPLATES = {
    "PHONE_NUMBER": ["You can reach me on {v} after 5pm.", "my cell: {v}", "Tel. {v}", "Contact number {v}",
                     "text me {v} when you land", "Call me at {v} tomorrow.", "Phone: {v}"],
    "CREDIT_CARD": ["Visa {v} exp 12/27", "use my card {v} for the order", "My card number {v} is lost"],
    "IBAN_CODE": ["Please wire the money to account {v}.", "My bank account is {v}", "IBAN: {v}"],
    "EMAIL_ADDRESS": ["write to {v} now", "Email: {v}"],
    "US_SSN": ["my SSN is {v}", "social security number {v}."],
    "PERSON": ["My name is {v} and I need help.", "{v} will join the call.", "Please forward this to {v}.",
               "I talked to {v} yesterday", "Regards,\n{v}"],
    "STREET_ADDRESS": ["Ship it to {v} please.", "My new address is {v}", "I live at {v}.", "Deliver to:\n{v}"],
    "GPE": ["I moved to {v} last year.", "We met in {v}.", "Is it raining in {v}?", "{v} is lovely in spring."],
}
VALUE = {"PHONE_NUMBER": "phone_number", "CREDIT_CARD": "credit_card_number", "IBAN_CODE": "iban",
         "EMAIL_ADDRESS": "email", "US_SSN": "ssn", "PERSON": "name", "STREET_ADDRESS": "street_address",
         "GPE": "city"}
DETECTED_AS = {"GPE": "LOCATION"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-locale", type=int, default=12)
    ap.add_argument("--show", type=int, default=10, help="misses to print per type")
    args = ap.parse_args()
    engine = PIIEngine.build(EngineSettings())
    entities = engine.supported_entities()
    rng = random.Random(7)
    total, found, found_any = Counter(), Counter(), Counter()
    misses: dict[str, list[str]] = {}
    for n, locale in enumerate(LOCALES):
        fake = Faker(locale)
        fake.seed_instance(1000 + n)
        for kind, templates in TEMPLATES.items():
            if kind == "US_SSN" and locale != "en_US":
                continue
            if not hasattr(fake, VALUE[kind]):
                continue  # a locale without that provider
            for _ in range(args.per_locale):
                value = getattr(fake, VALUE[kind])()
                text = rng.choice(templates).format(v=value)
                start = text.index(value)
                end = start + len(value)
                [detections] = engine.analyze_batch([text], entities=entities)
                wanted = DETECTED_AS.get(kind, kind)
                covered = {i for d in detections if d.type == wanted for i in range(max(d.start, start), min(d.end, end))}
                anything = {i for d in detections for i in range(max(d.start, start), min(d.end, end))}
                total[kind] += 1
                found_any[kind] += 2 * len(anything) >= end - start
                if 2 * len(covered) >= end - start:
                    found[kind] += 1
                else:
                    misses.setdefault(kind, []).append(f"{locale}: {text!r}")
    print("| type | values | recall | any-type recall |\n|---|---:|---:|---:|")
    for kind in TEMPLATES:
        print(f"| {kind} | {total[kind]} | {found[kind] / total[kind]:.3f} | {found_any[kind] / total[kind]:.3f} |")
    for kind, lines in misses.items() if args.show else ():
        print(f"\n{kind} missed:")
        for line in lines[:args.show]:
            print("  " + line)


if __name__ == "__main__":
    main()

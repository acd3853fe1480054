"""The dev file's sentences with new values: an estimate of recall on held-out records.

    .venv/bin/python bench/pii_refill.py [--copies 3] [--show 8]

The held-out data is the same family as `pii_dev.json`: the same kind of templates, filled
with other people, places, companies and numbers. Every labelled value of every dev record
is replaced by a new one of its kind (Faker, a locale drawn per record so that a name, its
street and its city belong together), in the shape of the value it replaces (a bare house
number by digits, a multi-line address by a multi-line address, a country by a country,
capitals and lowercase kept), and the record is scored with the rules of
`bench/pii_eval.py`. What the engine learnt from the dev file's own values (through rules
read off its misses) cannot help here; what it learnt about their kinds can.

Dates, nationalities and job titles keep their values: their lists are small and closed.
Seeds are fixed, so runs compare.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from faker import Faker  # noqa: E402

from filters.pii import EngineSettings, PIIEngine  # noqa: E402
from pii_eval import COMPATIBLE, evaluate  # noqa: E402

# Latin-script locales with names and addresses, like the dev file's values.
LOCALES = ["en_US", "en_GB", "en_AU", "en_CA", "de_DE", "de_AT", "fr_FR", "it_IT", "es_ES", "pt_BR", "nl_NL",
           "sv_SE", "da_DK", "no_NO", "fi_FI", "pl_PL", "cs_CZ", "hu_HU", "hr_HR", "sk_SK", "ro_RO", "tr_TR",
           "es_MX", "en_IE", "is_IS", "et_EE", "lt_LT", "sl_SI"]
KEPT = {"DATE_TIME", "NRP", "TITLE"}


def _cased(original: str, value: str) -> str:
    if original.isupper() and any(c.isalpha() for c in original):
        return value.upper()
    if original.islower():
        return value.lower()
    return value


class Refiller:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fakers = {loc: Faker(loc) for loc in LOCALES}
        for n, fake in enumerate(self.fakers.values()):
            fake.seed_instance(seed * 100 + n)
        self.us = self.fakers["en_US"]
        self.countries = {c.lower() for c in (self.us.country() for _ in range(400))}

    def record(self, record: dict) -> dict:
        fake = self.fakers[self.rng.choice(LOCALES)]
        text, spans, out, last, shift = record["full_text"], [], [], 0, 0
        for span in sorted(record["spans"], key=lambda s: s["start_position"]):
            s, e, kind = span["start_position"], span["end_position"], span["entity_type"]
            value = self.value(kind, text[s:e], fake)
            out.append(text[last:s])
            start = s + shift
            out.append(value)
            shift += len(value) - (e - s)
            spans.append({"entity_type": kind, "entity_value": value, "start_position": start,
                          "end_position": start + len(value)})
            last = e
        out.append(text[last:])
        return {"full_text": "".join(out), "spans": spans, "template_id": record.get("template_id")}

    def value(self, kind: str, original: str, fake: Faker) -> str:
        if kind in KEPT or original == "nan":
            return original
        rng = self.rng
        if kind == "PERSON":
            words = original.split()
            if len(words) == 1:
                value = fake.first_name() if rng.random() < 0.5 else fake.last_name()
            elif len(words) == 3 and re.fullmatch(r"[A-Z]\.?", words[1]):
                value = f"{fake.first_name()} {words[1]} {fake.last_name()}"
            else:
                value = f"{fake.first_name()} {fake.last_name()}"
            return _cased(original, value)
        if kind == "GPE":
            value = self.us.country() if original.lower() in self.countries else fake.city()
            return _cased(original, value)
        if kind == "STREET_ADDRESS":
            if original.isdigit():
                return "".join(rng.choice("0123456789") for _ in original)
            if re.match(r"(PSC|Unit|USNS|USS|USCGC)\b", original):
                return self.us.military_dpo() if "DPO" in original else self.us.military_apo()
            if re.match(r"(Apt|Suite|Unit)\b", original):
                return self.us.secondary_address()
            if "\n" in original:
                return _cased(original, fake.address())
            return _cased(original, fake.street_address())
        if kind == "ORGANIZATION":
            return _cased(original, fake.company())
        if kind == "ZIP_CODE":
            return fake.postcode()
        if kind == "AGE":
            return str(rng.randint(3, 99))
        if kind == "DOMAIN_NAME":
            return f"{rng.choice(['http://', 'https://', 'https://www.'])}{fake.domain_name()}/"
        if kind == "EMAIL_ADDRESS":
            return fake.email()
        if kind == "US_SSN":
            return self.us.ssn()
        if kind == "IBAN_CODE":
            return fake.iban()
        if kind == "PHONE_NUMBER":
            return fake.phone_number()
        if kind == "CREDIT_CARD":
            return self.us.credit_card_number()
        return original


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "pii_dev.json"))
    ap.add_argument("--copies", type=int, default=3, help="refilled copies of each record")
    ap.add_argument("--show", type=int, default=0, help="misses to print per gold type")
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    records = json.loads(Path(args.data).read_text(encoding="utf-8"))
    refillers = [Refiller(seed) for seed in range(1, args.copies + 1)]
    refilled = [refiller.record(r) for refiller in refillers for r in records]
    engine = PIIEngine.build(EngineSettings())
    entities = engine.supported_entities()
    predictions = []
    for r in refilled:
        [ds] = engine.analyze_batch([r["full_text"]], entities=entities, address_blocks=True)
        predictions.append([(d.type, d.start, d.end) for d in ds])
    q = evaluate(refilled, predictions)
    print(f"{len(refilled)} records ({args.copies} refilled copies of {len(records)})\n")
    print("| gold type | n | recall | any-type |\n|---|---:|---:|---:|")
    for k in sorted(q["support"], key=lambda k: -q["support"][k]):
        print(f"| {k} | {q['support'][k]} | {q['recall'][k]:.3f} | {q['recall_any_type'][k]:.3f} |")
    print("\n| detected type | precision (n) |\n|---|---|")
    for t in sorted(q["predicted"]):
        print(f"| {t} | {q['precision'][t]:.3f} ({q['predicted'][t]}) |")
    print(f"\nprecision (type must match) {q['precision_overall']:.3f}; recall, all spans {q['recall_overall']:.3f}; "
          f"values left verbatim {q['leaked_verbatim']:.3f}; PII-free records flagged {q['clean_flagged_rate']:.3f}")
    if args.show:
        misses: dict[str, list[str]] = {}
        for r, preds in zip(refilled, predictions):
            for g in r["spans"]:
                label, s, e = g["entity_type"], g["start_position"], g["end_position"]
                same = {i for t, p0, p1 in preds if t in COMPATIBLE.get(label, {label}) for i in range(max(p0, s), min(p1, e))}
                if 2 * len(same) < e - s:
                    got = [(t, r["full_text"][p0:p1]) for t, p0, p1 in preds if p0 < e and p1 > s]
                    misses.setdefault(label, []).append(f"{g['entity_value']!r} in {r['full_text'][max(0, s - 40):e + 40]!r} -> {got}")
        for label, lines in misses.items():
            print(f"\n{label} missed ({len(lines)}):")
            for line in random.Random(0).sample(lines, min(args.show, len(lines))):
                print("  " + line)
    if args.json:
        Path(args.json).write_text(json.dumps(q, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

"""Generate the NER training corpus (seeded, reproducible).

    .venv/bin/python -m tools.ner.generate --out var/ner --n 90000 --seed 13

Writes `train.spacy` and `dev.spacy` (spaCy DocBin; dev uses another seed, so it measures
generalisation to new fillers, not to new templates; tools/ner/check.py measures unseen
templates). Nothing here reads ../shared/data: the evaluation file is for measuring only.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from . import gazetteers as gz
from . import prose
from .compose import compose
from . import templates_clean as tc
from .templates_pii import POST, PRE, TEMPLATES
from .values import Values

LABEL = {"PER": "PERSON", "FIRST": "PERSON", "LAST": "PERSON", "GPE": "GPE", "CITY": "GPE",
         "COUNTRY": "GPE", "ADDR": "STREET_ADDRESS", "STREET": "STREET_ADDRESS", "ORG": "ORG",
         "SCHOOL": "ORG", "NRP": "NRP"}
_SLOT = re.compile(r"\{([A-Z]+)\}")
Span = tuple[int, int, str]


class Generator:
    def __init__(self, seed: int, prose_sents: list[str]) -> None:
        self.rng = random.Random(seed)
        self.v = Values(self.rng, seed)
        self.prose = prose_sents

    def slot(self, name: str) -> str:
        v, r = self.v, self.rng
        table = {
            "PER": v.person, "FIRST": v.first, "LAST": v.last, "GPE": v.gpe, "CITY": v.city,
            "COUNTRY": v.country, "ADDR": v.address, "STREET": v.street, "ORG": v.org,
            "SCHOOL": v.school, "NRP": v.nrp,
            "REL": lambda: r.choice(gz.RELATIONS), "NUM": lambda: str(r.randint(2, 60)),
            "DAY": lambda: r.choice(tc.DAYS), "THING": lambda: r.choice(tc.THINGS),
            "TITLE": lambda: r.choice(gz.TITLES),
        }
        return table[name]()

    def fill(self, template: str) -> tuple[str, list[Span]]:
        out, spans, pos = [], [], 0
        case = self.rng.random()
        for m in _SLOT.finditer(template):
            out.append(template[pos:m.start()])
            value = self.slot(m.group(1))
            if m.group(1) in LABEL and case < 0.12:
                value = value.lower()
            start = sum(len(s) for s in out)
            out.append(value)
            if m.group(1) in LABEL:
                spans.append((start, start + len(value), LABEL[m.group(1)]))
            pos = m.end()
        out.append(template[pos:])
        return "".join(out), spans

    def pii_example(self) -> tuple[str, list[Span]]:
        text, spans = self.fill(self.rng.choice(TEMPLATES))
        pre, post = self.rng.choice(PRE), self.rng.choice(POST)
        if post[:1] in "?!" and post and text[-1:] in ".?!":
            post = ""
        return pre + text + post, [(s + len(pre), e + len(pre), l) for s, e, l in spans]

    def clean_sentence(self) -> str:
        r = self.rng.random()
        if r < 0.3:
            return self.rng.choice(tc.CHAT_LINES)
        if r < 0.55:
            return f"{self.rng.choice(tc.SUBJECTS)} {self.rng.choice(tc.VERBS)} {self.rng.choice(tc.OBJECTS)}{self.rng.choice(tc.TAILS)}"
        if r < 0.65:
            return f"{self.rng.choice(tc.QUESTIONS)} {self.rng.choice(tc.ACTIONS)}?"
        if r < 0.75:
            return self.caps_sentence()
        return self.rng.choice(self.prose)

    def caps_sentence(self) -> str:
        work = " ".join(self.rng.sample(tc.WORK_WORDS, self.rng.randint(1, 3)))
        if self.rng.random() < 0.4:
            work = "The " + work
        text = self.rng.choice(tc.CAPS_TEMPLATES).replace("{WORK}", work).replace("{DAY}", self.rng.choice(tc.DAYS))
        while "{PRODUCT}" in text:
            text = text.replace("{PRODUCT}", self.rng.choice(tc.PRODUCTS), 1)
        return text

    def clean_example(self) -> tuple[str, list[Span]]:
        parts = [self.clean_sentence() for _ in range(self.rng.choice([1, 1, 1, 2, 3]))]
        return " ".join(p[0].upper() + p[1:] if p else p for p in parts), []

    def spliced_example(self) -> tuple[str, list[Span]]:
        """An entity attached to free text: sentence shapes the templates do not have."""
        base = self.clean_sentence()
        shape = self.rng.choice([
            "{FIRST}, {s}", "{s} - {PER}", "{PER} wrote: {s}", "{s}\n\n{PER}", "{s} Regards, {PER}",
            "My {REL} {FIRST} says: {s}", "{s} I'm in {CITY} btw.", "@{FIRST} {s}", "{s} cc {PER}",
            "{s} (sent from {CITY})", "Re: {s} -- {FIRST}", "{s} My address is {ADDR}.",
            "{s} {FIRST} thinks so too.", "{s} Ask {PER} at {ORG}.", "{FIRST}: {s}",
        ])
        template = shape.replace("{s}", base.replace("{", "(").replace("}", ")"))
        return self.fill(template)

    def noisy(self, text: str, spans: list[Span]) -> tuple[str, list[Span]]:
        r = self.rng.random()
        if r < 0.10:
            text = text.lower()
        elif r < 0.14:
            text = text.upper()
        elif r < 0.20 and text[-1:] in ".!?":
            text = text[:-1]
        elif r < 0.23 and len(text.title()) == len(text):
            text = text.title()
        return text, spans

    def example(self) -> tuple[str, list[Span]]:
        r = self.rng.random()
        if r < 0.32:
            ex = self.pii_example()
        elif r < 0.55:
            ex = self.fill(compose(self.rng))
        elif r < 0.68:
            ex = self.spliced_example()
        else:
            ex = self.clean_example()
        return self.noisy(*ex)


def to_docbin(nlp: spacy.language.Language, examples: list[tuple[str, list[Span]]]) -> DocBin:
    db = DocBin()
    for text, spans in examples:
        doc = nlp.make_doc(text)
        ents = []
        for s, e, label in spans:
            span = doc.char_span(s, e, label=label, alignment_mode="contract") or \
                doc.char_span(s, e, label=label, alignment_mode="expand")
            if span is not None and not any(span.start < o.end and o.start < span.end for o in ents):
                ents.append(span)
        doc.ents = ents
        db.add(doc)
    return db


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="var/ner")
    ap.add_argument("--n", type=int, default=60000)
    ap.add_argument("--dev", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sents = prose.harvest()
    nlp = spacy.blank("en")
    train = Generator(args.seed, sents)
    to_docbin(nlp, [train.example() for _ in range(args.n)]).to_disk(out / "train.spacy")
    dev = Generator(args.seed + 1, sents)
    to_docbin(nlp, [dev.example() for _ in range(args.dev)]).to_disk(out / "dev.spacy")
    print(f"wrote {args.n} train, {args.dev} dev examples to {out}")


if __name__ == "__main__":
    main()

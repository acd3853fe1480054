"""Word forms that the readers of text written in one case share (`casing.py`,
`lowercase_names.py`): a word as name lists write it, a dictionary word or its plural, the
known places of several words."""

from __future__ import annotations

from functools import lru_cache

import regex as re

from .recognizers.lexicon import lexicon

# Kept in capitals in a copy, and never a name: the pronoun, a military address's prefixes.
KEPT_IN_CAPITALS = frozenset({"I", "USS", "USNS", "USNV", "USCGC", "PSC", "FPO", "APO", "DPO"})


@lru_cache(maxsize=1)
def _place_openers() -> frozenset[str]:
    return frozenset(p.split(" ", 1)[0] for p in lexicon("places") if " " in p)


def multiword_places(text: str, words: list[re.Match], places: frozenset[str]) -> set[int]:
    """Indexes of the words that make up a known place of two or three words ("UNITED STATES",
    "new zealand"), which would otherwise read as everyday words."""
    found: set[int] = set()
    openers = _place_openers()
    for i in range(len(words) - 1):
        if title_word(words[i].group()) not in openers:
            continue  # nearly every word: no place of several words begins with it
        for size in (3, 2):
            run = words[i:i + size]
            if len(run) < size or any(text[a.end():b.start()] != " " for a, b in zip(run, run[1:])):
                continue
            if " ".join(w.group().title() for w in run) in places:
                found.update(range(i, i + size))
                break
    return found


def title_word(word: str) -> str:
    """As name lists write it: "LUCAS" and "lucas" are "Lucas"."""
    return word[0].upper() + word[1:].lower()


def english_form(word: str, english: frozenset[str]) -> bool:
    """A dictionary word or a plural of one ("bots", "boxes", "stories")."""
    return word in english or len(word) > 3 and word.endswith("s") and (
        word[:-1] in english or word.endswith("es") and word[:-2] in english
        or word.endswith("ies") and word[:-3] + "y" in english)

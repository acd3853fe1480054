"""Text features shared by the training script and the local backend.

Training (`tools/moderation/train.py`) and inference must see exactly the same features, so
both import this module: normalisation, the n-gram analyser behind the TF-IDF part, and the
lexicon counts. The lexicons carry knowledge the 840-text dev set cannot (slurs, self-harm
phrasing, threats in words the set never used); the n-grams carry the style of the data.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .pretrained import profanity_scorer

LEXICON_DIR = Path(__file__).parent / "lexicons"

_APOSTROPHES = re.compile(r"['’`´]")
_SEPARATORS = re.compile(r"[-_/\\*]")
_REPEATS = re.compile(r"(.)\1{2,}")
_TOKEN = re.compile(r"\w+")

FIRST_PERSON = frozenset({"i", "me", "my", "myself", "im", "ive", "id", "mine", "ill"})
SECOND_PERSON = frozenset({"you", "your", "u", "ur", "youre", "yourself", "ya", "yall"})

# Lexicons the feature vector uses, in a fixed order (the model's columns depend on it).
LEXICONS: tuple[str, ...] = (
    "sexual", "minors", "slurs", "groups", "dehumanize", "insults", "profanity", "violence",
    "threats", "graphic", "selfharm", "selfharm_intent", "selfharm_instructions", "illicit",
    "illicit_violent", "counter",
)


def normalize(text: str) -> str:
    """Lower-case, drop apostrophes (so "I'll" and "Ill" agree), split on -_/ and squeeze
    letters repeated three or more times ("soooo" -> "soo")."""
    text = _APOSTROPHES.sub("", text.lower())
    text = _SEPARATORS.sub(" ", text)
    return _REPEATS.sub(r"\1\1", text)


def tokenize(normalized: str) -> list[str]:
    return _TOKEN.findall(normalized)


def _char_grams(token: str) -> tuple[str, ...]:
    padded = f" {token} "
    size = len(padded)
    return tuple(padded[i : i + n] for n in (3, 4, 5) for i in range(size - n + 1))


def analyze(text: str) -> list[str]:
    """Word 1-2 grams and in-word character 3-5 grams: the TF-IDF vocabulary's alphabet."""
    tokens = tokenize(normalize(text))
    return analyze_tokens(tokens)


def token_grams(token: str) -> tuple[str, ...]:
    """The grams one token contributes on its own: the word, and its character n-grams."""
    return ("w " + token,) + (_char_grams(token) if len(token) <= 30 else ())


def bigrams(tokens: list[str]) -> list[str]:
    return [f"b {a} {b}" for a, b in zip(tokens, tokens[1:])]


def analyze_tokens(tokens: list[str]) -> list[str]:
    grams = bigrams(tokens)
    for token in tokens:
        grams.extend(token_grams(token))
    return grams


@dataclass(frozen=True, slots=True)
class Lexicon:
    words: frozenset[str]
    prefixes: tuple[str, ...]
    phrases: frozenset[str]
    max_phrase: int


def _entries(lines: Iterable[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def parse_lexicon(lines: Iterable[str]) -> Lexicon:
    words: set[str] = set()
    prefixes: list[str] = []
    phrases: set[str] = set()
    for entry in _entries(lines):
        is_prefix = entry.endswith("*")
        tokens = tokenize(normalize(entry.rstrip("*")))
        if not tokens:
            continue
        if len(tokens) > 1:
            phrases.add(" ".join(tokens))
        elif is_prefix:
            prefixes.append(tokens[0])
        else:
            words.add(tokens[0])
    longest = max((p.count(" ") + 1 for p in phrases), default=1)
    return Lexicon(frozenset(words), tuple(prefixes), frozenset(phrases), longest)


@lru_cache(maxsize=1)
def load_lexicons() -> dict[str, Lexicon]:
    """Read once per process; the files ship in the package next to this module."""
    out: dict[str, Lexicon] = {}
    for name in LEXICONS:
        with open(LEXICON_DIR / f"{name}.txt", encoding="utf-8") as handle:
            out[name] = parse_lexicon(handle)
    return out


def count_hits(tokens: list[str], lexicon: Lexicon) -> int:
    """Hits of one lexicon; for short token windows (the full-text path uses `LexiconIndex`)."""
    hits = 0
    words, prefixes = lexicon.words, lexicon.prefixes
    for token in tokens:
        if token in words or (prefixes and token.startswith(prefixes)):
            hits += 1
    if lexicon.phrases:
        phrases = lexicon.phrases
        for n in range(2, lexicon.max_phrase + 1):
            for i in range(len(tokens) - n + 1):
                if " ".join(tokens[i : i + n]) in phrases:
                    hits += 1
    return hits


# Lexicons used by rules only (not model features).
RULE_LEXICONS: tuple[str, ...] = ("slurs_strong", "helper", "threats_direct", "selfharm_ambiguous",
                                   "selfharm_evidence")


class LexiconIndex:
    """All lexicons in one pass over the tokens: a word table, one prefix check, and phrase
    look-ups only where a token can start a phrase. Counts equal `count_hits` per lexicon."""

    def __init__(self, lexicons: dict[str, Lexicon]) -> None:
        self.names = tuple(lexicons)
        self.words: dict[str, list[str]] = {}
        self.prefixes: tuple[str, ...] = tuple(
            sorted({p for lex in lexicons.values() for p in lex.prefixes}))
        self.prefix_owners = {name: lex.prefixes for name, lex in lexicons.items() if lex.prefixes}
        self.phrases: dict[str, list[str]] = {}
        for name, lex in lexicons.items():
            for word in lex.words:
                self.words.setdefault(word, []).append(name)
            for phrase in lex.phrases:
                self.phrases.setdefault(phrase, []).append(name)
        self.starts = frozenset(p.split(" ", 1)[0] for p in self.phrases)
        self.max_phrase = max((p.count(" ") + 1 for p in self.phrases), default=1)

    def counts(self, tokens: list[str]) -> dict[str, int]:
        out = dict.fromkeys(self.names, 0)
        words, prefixes, owners = self.words, self.prefixes, self.prefix_owners
        for token in tokens:
            listed = words.get(token)
            prefixed = bool(prefixes) and token.startswith(prefixes)
            if listed is None and not prefixed:
                continue
            named = set(listed or ())
            if prefixed:
                named.update(n for n, own in owners.items() if token.startswith(own))
            for name in named:
                out[name] += 1
        phrases, starts, size = self.phrases, self.starts, len(tokens)
        for i, token in enumerate(tokens):
            if token not in starts:
                continue
            for n in range(2, min(self.max_phrase, size - i) + 1):
                for name in phrases.get(" ".join(tokens[i : i + n]), ()):
                    out[name] += 1
        return out


@lru_cache(maxsize=1)
def lexicon_index() -> LexiconIndex:
    lexicons = dict(load_lexicons())
    for name in RULE_LEXICONS:
        with open(LEXICON_DIR / f"{name}.txt", encoding="utf-8") as handle:
            lexicons[name] = parse_lexicon(handle)
    return LexiconIndex(lexicons)


DENSE_NAMES: tuple[str, ...] = LEXICONS + (
    "sh_first_person", "threat_second_person", "insult_second_person", "sexual_minors",
    "dehumanize_groups", "slur_or_dehumanize_violence", "group_violence", "counter_selfharm",
    "counter_violence", "sexual_density", "first_person_rate", "second_person_rate", "length",
    "profanity_model",
)


def dense_features(tokens: list[str], counts: dict[str, int] | None = None) -> list[float]:
    """Lexicon counts (log-scaled), a few interactions a linear model cannot form itself,
    and a profanity score learnt on other data."""
    if counts is None:
        counts = lexicon_index().counts(tokens)
    logs = {name: math.log1p(c) for name, c in counts.items()}
    n = max(len(tokens), 1)
    first = sum(1 for t in tokens if t in FIRST_PERSON)
    second = sum(1 for t in tokens if t in SECOND_PERSON)
    has_first, has_second = float(first > 0), float(second > 0)
    values = [logs[name] for name in LEXICONS]
    values += [
        logs["selfharm"] * has_first,
        logs["threats"] * has_second,
        logs["insults"] * has_second,
        logs["sexual"] * logs["minors"],
        logs["dehumanize"] * logs["groups"],
        (logs["slurs"] + logs["dehumanize"]) * logs["violence"],
        logs["groups"] * (logs["violence"] + logs["threats"]),
        logs["counter"] * logs["selfharm"],
        logs["counter"] * logs["violence"],
        min(counts["sexual"] / n * 5.0, 2.0),
        min(first / n * 10.0, 2.0),
        min(second / n * 10.0, 2.0),
        math.log1p(n) / 5.0,
        # alt-profanity-check's SVM margin (profanity.py), clipped: a text stuffed with
        # swearing should not outweigh every other feature.
        min(max(profanity_scorer().margin(tokens), -3.0), 5.0) / 2.0,
    ]
    return values

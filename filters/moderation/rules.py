"""High-precision rules that overrule the model for a few unambiguous signals.

The model learns from 840 texts; it cannot know every slur or every way of saying "I want to
die". These rules carry that knowledge: a strong slur not framed as counter-speech is hate,
a direct threat ("I will kill you") is violence, and a first-person statement of suicidal
intent is self-harm; a helper asking how to support someone is not self-harm. Each rule was checked against
the dev set's negatives (docs/moderation.md) and is deliberately narrow.
"""

from __future__ import annotations

from .features import count_hits, lexicon_index, load_lexicons

# Dev-set keys a rule can force; the backend maps them to OpenAI categories.
RULE_KEYS = ("H", "SH", "V")
FLOOR = 0.999
CAP = 0.05
_FIRST_PERSON_HARM = frozenset({"myself", "i", "im", "ive", "me", "my"})


def rule_hits(tokens: list[str], counts: dict[str, int] | None = None) -> frozenset[str]:
    """Keys forced positive for this token sequence (`counts`: `lexicon_index().counts`)."""
    counts = counts if counts is not None else lexicon_index().counts(tokens)
    hits: set[str] = set()
    if counts["counter"] == 0 and counts["slurs_strong"] > 0:
        hits.add("H")
    if counts["selfharm_intent"] > 0:
        hits.add("SH")
    if counts["counter"] == 0 and counts["threats_direct"] > 0:
        hits.add("V")
    return frozenset(hits)


def rule_caps(tokens: list[str], counts: dict[str, int] | None = None) -> frozenset[str]:
    """Keys held below any threshold: a helper asking how to support someone who self-harms
    ("my sister has been cutting, how can I help her?") is not self-harm content, as long as
    the writer says nothing about harming themselves."""
    counts = counts if counts is not None else lexicon_index().counts(tokens)
    if counts["helper"] == 0 or counts["selfharm_intent"] > 0:
        return frozenset()
    harm_near_self = "myself" in tokens or (counts["selfharm"] > 0 and _first_person_harm(tokens))
    return frozenset() if harm_near_self else frozenset({"SH"})


def _first_person_harm(tokens: list[str]) -> bool:
    """"I cut", "I've been self harming": a first-person pronoun right before a self-harm word."""
    selfharm = load_lexicons()["selfharm"]
    for i, token in enumerate(tokens[:-1]):
        if token in _FIRST_PERSON_HARM:
            window = tokens[i + 1 : i + 4]
            if count_hits(window, selfharm) > 0:
                return True
    return False

"""High-precision rules that overrule the model for a few unambiguous signals.

The model learns from 840 texts; it cannot know every slur or every way of saying "I want to
die". These rules carry that knowledge: a strong slur not framed as counter-speech is hate,
a direct threat ("I will kill you") is violence, and a first-person statement of suicidal
intent is self-harm; a helper asking how to support someone is not self-harm, and neither is
a text whose only self-harm words are everyday ones ("cut the onions"). Each rule was checked
against the dev set (docs/moderation.md) and is deliberately narrow.
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
    """Keys held below any threshold. Self-harm is capped (3, first) when nothing in the text
    speaks of harm, death or ending oneself (lexicons selfharm*, selfharm_evidence), (1) for a helper asking how to
    support someone who self-harms ("my sister has been cutting, how can I help her?") as
    long as the writer says nothing about harming themselves, and (2) when the only
    self-harm words are everyday ones ("cut the onions", "scar tissue", "pills") and the
    writer never speaks in the first person: the model, taught by dev texts where "cuts"
    and "scars" do mean self-harm, otherwise flags recipes and idioms. Self-harm content
    almost always has a clear self-harm phrase or an "I"; on the dev set this cap loses no
    self-harm text."""
    counts = counts if counts is not None else lexicon_index().counts(tokens)
    if counts["selfharm"] + counts["selfharm_intent"] + counts["selfharm_instructions"] \
            + counts["selfharm_evidence"] == 0:
        # (3) No word of self-harm, death or dying at all ("I'm 12 and I love dragons"): the
        # model reads first-person sentences as confessions, which is what its training texts
        # mostly were; a tutor's learners write in the first person all the time.
        return frozenset({"SH"})
    if counts["selfharm_intent"] > 0 or "myself" in tokens:
        return frozenset()
    harm_near_self = counts["selfharm"] > 0 and _first_person_harm(tokens)
    if harm_near_self:
        return frozenset()
    if counts["helper"] > 0:
        return frozenset({"SH"})
    clear_words = (counts["selfharm"] - counts["selfharm_ambiguous"]
                   + counts["selfharm_instructions"])
    first_person = any(t in _FIRST_PERSON_HARM for t in tokens)
    return frozenset({"SH"}) if clear_words <= 0 and not first_person else frozenset()


def _first_person_harm(tokens: list[str]) -> bool:
    """"I cut", "I've been self harming": a first-person pronoun right before a self-harm word."""
    selfharm = load_lexicons()["selfharm"]
    for i, token in enumerate(tokens[:-1]):
        if token in _FIRST_PERSON_HARM:
            window = tokens[i + 1 : i + 4]
            if count_hits(window, selfharm) > 0:
                return True
    return False

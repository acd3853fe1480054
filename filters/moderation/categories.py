"""OpenAI's 13 moderation categories and how the dev set's labels map onto them.

The names are OpenAI's (`CreateModerationResponse` in the OpenAPI description), so a policy
written against `/v1/moderations` works unchanged with the local backend. The dev set labels
eight of them; the other five are derived in `local.derive_categories`, conservatively:
each is capped by a labelled category's score or fires only on a narrow lexicon.
"""

from __future__ import annotations

from typing import Final, Literal

Category = Literal[
    "sexual", "sexual/minors", "harassment", "harassment/threatening", "hate",
    "hate/threatening", "illicit", "illicit/violent", "self-harm", "self-harm/intent",
    "self-harm/instructions", "violence", "violence/graphic",
]

CATEGORIES: Final[tuple[Category, ...]] = (
    "sexual", "sexual/minors", "harassment", "harassment/threatening", "hate",
    "hate/threatening", "illicit", "illicit/violent", "self-harm", "self-harm/intent",
    "self-harm/instructions", "violence", "violence/graphic",
)

# Dev-set key -> OpenAI category (the eight the data labels).
DEV_KEY_TO_CATEGORY: Final[dict[str, Category]] = {
    "S": "sexual",
    "H": "hate",
    "V": "violence",
    "HR": "harassment",
    "SH": "self-harm",
    "S3": "sexual/minors",
    "H2": "hate/threatening",
    "V2": "violence/graphic",
}

# Categories that refine a parent: when a policy asks "is this self-harm?" a hit on
# self-harm/intent counts too.
PARENT: Final[dict[Category, Category]] = {
    "sexual/minors": "sexual",
    "harassment/threatening": "harassment",
    "hate/threatening": "hate",
    "illicit/violent": "illicit",
    "self-harm/intent": "self-harm",
    "self-harm/instructions": "self-harm",
    "violence/graphic": "violence",
}

CategoryScores = dict[str, float]
"""A score in [0, 1] for each of the 13 categories. 0.5 is the local model's calibrated
decision point (see docs/moderation.md); policies choose their own thresholds."""


def empty_scores() -> CategoryScores:
    return {name: 0.0 for name in CATEGORIES}


def complete(scores: dict[str, float]) -> CategoryScores:
    """All 13 keys, each clamped to [0, 1]; unknown keys are dropped, missing ones are 0."""
    out = empty_scores()
    for name in CATEGORIES:
        value = scores.get(name)
        if value is not None:
            out[name] = min(1.0, max(0.0, float(value)))
    return out

"""Process-wide settings of the PII detection engine (read once, at start-up)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class EngineSettings(BaseModel):
    """How the engine finds its NLP pipeline and which costly matchers it runs.

    `spacy_model` is a package name (en_core_web_lg) or a directory; when it is missing or
    not installed the engine falls back to the built-in pipeline instead of downloading.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    spacy_model: str | None = None
    language: str = "en"
    use_builtin_ner: bool = True
    use_lexicons: bool = True
    builtin_model_path: str | None = None
    ner_score: float = Field(default=0.85, ge=0.0, le=1.0)
    phone_regions: tuple[str, ...] = ("US", "KZ", "GB")
    workers: int = Field(default=2, ge=1, le=64)
    batch_size: int = Field(default=32, ge=1)

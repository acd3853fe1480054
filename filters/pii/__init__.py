"""PII detection: Presidio recognizers on a spaCy pipeline, offline, built once per process.

The engine is imported lazily: policies and config load (and `check-config` runs) without
paying for Presidio and spaCy until a gateway actually builds the engine."""

from typing import Any

__all__ = ["Detection", "DetectionUnavailable", "EngineSettings", "PIIEngine"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import engine

        return getattr(engine, name)
    raise AttributeError(name)

"""What the PII engine finds in a text, as (type, value) pairs: the shape the engine's table
tests compare."""

from __future__ import annotations

from filters.pii import PIIEngine


def typed(engine: PIIEngine, text: str) -> set[tuple[str, str]]:
    """Every detection of every supported type, with the text it covers."""
    [detections] = engine.analyze_batch([text], entities=engine.supported_entities())
    return {(d.type, text[d.start:d.end]) for d in detections}

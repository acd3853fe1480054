"""Which spaCy pipeline the engine runs, and that choosing one never touches the network."""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import pytest
import spacy
import tldextract
import tldextract.tldextract as tld_module

from filters.pii import EngineSettings, PIIEngine
from filters.pii.pipeline import BUILTIN_NER

from .conftest import OutboundConnection


def types_found(engine: PIIEngine, text: str) -> set[tuple[str, str]]:
    [ds] = engine.analyze_batch([text], entities=engine.supported_entities())
    return {(d.type, text[d.start:d.end]) for d in ds}


@pytest.fixture(scope="module")
def tiny_pipeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real spaCy pipeline on disk, made here: an entity ruler that knows two names."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PERSON", "pattern": [{"LOWER": "qwerty"}, {"LOWER": "zxcvb"}]},
        {"label": "GPE", "pattern": "Atlantis"},
    ])
    path = tmp_path_factory.mktemp("pipelines") / "tiny_en"
    nlp.to_disk(path)
    return path


def test_network_guard_refuses_outbound_connections(no_network: list[object]) -> None:
    with pytest.raises(OutboundConnection):
        socket.create_connection(("203.0.113.7", 443), timeout=1)
    assert no_network


def test_build_and_analyze_make_no_network_call(no_network: list[object], tmp_path: Path) -> None:
    # Start from tldextract's stock, download-on-first-use extractor with an empty cache.
    tld_module.TLD_EXTRACTOR = tldextract.TLDExtract(cache_dir=str(tmp_path))
    engine = PIIEngine.build(EngineSettings())
    found = types_found(engine, "Mail Anna Kowalski at anna@superrito.com or visit https://superrito.co.uk/x")
    assert ("EMAIL_ADDRESS", "anna@superrito.com") in found
    assert no_network == []


def test_missing_pipeline_falls_back_to_builtin_without_download(
    monkeypatch: pytest.MonkeyPatch, no_network: list[object], caplog: pytest.LogCaptureFixture
) -> None:
    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("spacy.cli.download must never be called")

    monkeypatch.setattr(spacy.cli, "download", refuse)
    with caplog.at_level(logging.INFO, logger="filters.pii"):
        engine = PIIEngine.build(EngineSettings(spacy_model="en_core_web_lg_not_installed"))
    assert engine.active_pipeline() == "builtin:en_pii_ner"
    assert "pii.pipeline_not_installed" in caplog.messages
    assert any(getattr(r, "pipeline", None) == "builtin:en_pii_ner" for r in caplog.records)


def test_pipeline_loaded_from_path_alone(tiny_pipeline: Path) -> None:
    engine = PIIEngine.build(EngineSettings(spacy_model=str(tiny_pipeline), use_builtin_ner=False))
    assert engine.active_pipeline() == f"spacy:{tiny_pipeline}"
    assert {("PERSON", "Qwerty Zxcvb"), ("LOCATION", "Atlantis")} <= types_found(engine, "Qwerty Zxcvb flew to Atlantis.")
    assert "STREET_ADDRESS" in engine.supported_entities()  # pattern recognizer, pipeline-independent


def test_pipeline_from_path_combined_with_builtin_ner(tiny_pipeline: Path) -> None:
    engine = PIIEngine.build(EngineSettings(spacy_model=str(tiny_pipeline), use_builtin_ner=True))
    assert engine.active_pipeline() == f"spacy:{tiny_pipeline} + builtin:en_pii_ner"
    found = types_found(engine, "Qwerty Zxcvb met Anna Kowalski in Atlantis.")
    assert {("PERSON", "Qwerty Zxcvb"), ("LOCATION", "Atlantis"), ("PERSON", "Anna Kowalski")} <= found


def test_non_english_language_without_pipeline_runs_patterns_only() -> None:
    engine = PIIEngine.build(EngineSettings(language="de"))
    assert engine.active_pipeline() == "blank:de (patterns only)"
    [ds] = engine.analyze_batch(["Schreib an anna@superrito.com"], entities=engine.supported_entities(), language="de")
    assert [d.type for d in ds] == ["EMAIL_ADDRESS"]
    assert "PERSON" not in engine.supported_entities()


def test_builtin_model_is_small_and_shipped() -> None:
    size = sum(p.stat().st_size for p in BUILTIN_NER.rglob("*") if p.is_file())
    assert (BUILTIN_NER / "meta.json").is_file() and size < 50 * 1024 * 1024


def test_only_the_builtin_pipeline_skips_lexeme_flags_nothing_reads(tiny_pipeline: Path) -> None:
    from spacy.attrs import IS_ALPHA, LIKE_NUM, NORM, SHAPE

    from filters.pii.pipeline import load_pipeline

    builtin = load_pipeline(EngineSettings()).engine.nlp["en"].vocab.lex_attr_getters
    assert LIKE_NUM not in builtin and {NORM, SHAPE, IS_ALPHA} <= builtin.keys()
    configured = load_pipeline(EngineSettings(spacy_model=str(tiny_pipeline), use_builtin_ner=False))
    assert LIKE_NUM in configured.engine.nlp["en"].vocab.lex_attr_getters  # its components may read it

"""Nothing in the engine may reach the network: this module closes the two known doors.

1. tldextract (Presidio's email recognizer calls `tldextract.extract`) fetches the public
   suffix list on first use; we swap its module-level extractor for one that only reads the
   snapshot bundled with the package.
2. Presidio's `SpacyNlpEngine.load` calls `spacy.cli.download` for a model that is not
   installed; `OfflineSpacyNlpEngine` refuses instead, so a missing model is an error we
   handle (fallback to the built-in pipeline), never a download.
"""

from __future__ import annotations

import logging

from pathlib import Path

import spacy
import tldextract
import tldextract.tldextract as _tld_module
from presidio_analyzer.nlp_engine import SpacyNlpEngine

from .artifacts import LeanNlpArtifacts, token_table


class ModelNotInstalled(RuntimeError):
    """The configured spaCy pipeline is neither an installed package nor a directory."""


def configure_tldextract() -> None:
    """Idempotent; safe to call from every engine build."""
    extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    extractor("example.com")  # builds its suffix trie now, not in the first request
    _tld_module.TLD_EXTRACTOR = extractor


def model_available(name_or_path: str) -> bool:
    return spacy.util.is_package(name_or_path) or Path(name_or_path).is_dir()


class OfflineSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine without the download-on-load side effect, and with its
    artifacts built from one read of the token arrays (`artifacts.py`)."""

    def _doc_to_nlp_artifact(self, doc, language):  # noqa: ANN001, ANN202 - Presidio's signature
        """Presidio's artifacts from one read of the token arrays, `doc.ents` read once."""
        table = token_table(doc)
        entities = list(doc.ents)
        scores = [self.ner_model_configuration.default_score] * len(entities)
        entities, scores = self._get_updated_entities(entities, scores)
        return LeanNlpArtifacts(entities=entities, tokens=doc, tokens_indices=table.starts, lemmas=table.lemmas,
                                nlp_engine=self, language=language, scores=scores)

    def process_batch(self, texts, language, batch_size=1, n_process=1, as_tuples=False):  # noqa: ANN001, ANN201
        """Presidio's, minus `doc.text`: rebuilding the text walks every token as a Python
        object, and the caller already has it."""
        if as_tuples:
            yield from super().process_batch(texts, language, batch_size, n_process, as_tuples)
            return
        texts = [str(text) for text in texts]
        docs = self.nlp[language].pipe(texts, batch_size=batch_size, n_process=n_process)
        for text, doc in zip(texts, docs):
            yield text, self._doc_to_nlp_artifact(doc, language)

    @staticmethod
    def _download_spacy_model_if_needed(model_name: str) -> None:
        if not model_available(model_name):
            raise ModelNotInstalled("configured spaCy pipeline is not installed")


# Presidio logs analysed text at DEBUG (the context words around each match, recognizer by
# recognizer). Whatever the operator's log level, those loggers never go below INFO.
CONTENT_LOGGERS = ("presidio-analyzer", "presidio-anonymizer", "decision_process")


def quiet_content_loggers() -> None:
    for name in CONTENT_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level < logging.INFO:  # NOTSET would inherit a DEBUG root
            logger.setLevel(logging.INFO)

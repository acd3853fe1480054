"""Choose, load and describe the spaCy pipeline the engine runs (once per process).

Order of preference: the configured pipeline (package name or directory) if it is installed,
optionally with our NER after its own; otherwise the built-in `en_pii_ner` shipped in
`models/`. Nothing is ever downloaded: a missing pipeline is logged and replaced.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import spacy
from presidio_analyzer.nlp_engine import NerModelConfiguration
from spacy.attrs import (
    IS_ASCII, IS_BRACKET, IS_CURRENCY, IS_LEFT_PUNCT, IS_QUOTE, IS_RIGHT_PUNCT, LANG, LEMMA, LIKE_EMAIL,
    LIKE_NUM, LIKE_URL, LOWER,
)
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from .fast_tagger import accelerate, single_threaded_blas
from .offline import ModelNotInstalled, OfflineSpacyNlpEngine, model_available
from .settings import EngineSettings
from .tags import CONVERTER_NAME, TAGGER_NAME  # importing registers the converter factory
from .tokenizer_cache import WarmCacheTokenizer

log = logging.getLogger(__name__)

MODELS_DIR = Path(__file__).resolve().parent / "models"
BUILTIN_NER = MODELS_DIR / "en_pii_ner"
BUILTIN_NAME = "builtin:en_pii_ner"

# spaCy label -> Presidio entity. Labels of a pipeline that are not here are ignored.
LABEL_TO_ENTITY: dict[str, str] = {
    "PERSON": "PERSON", "PER": "PERSON",
    "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION",
    "STREET_ADDRESS": "STREET_ADDRESS",
    "ORG": "ORGANIZATION",
    "NORP": "NRP", "NRP": "NRP",
}


@Language.component("pii_lower_lemma")
def lower_lemma(doc: Doc) -> Doc:
    """Presidio's context enhancer compares lemmas; pipelines without a lemmatizer would give
    it empty strings and context words would never count. Lowercase forms are a fair stand-in."""
    doc.from_array([LEMMA], doc.to_array([LOWER]))  # vectorised: no Token objects
    return doc


@dataclass(frozen=True, slots=True)
class LoadedPipeline:
    engine: OfflineSpacyNlpEngine  # the whole pipeline
    tokens_engine: OfflineSpacyNlpEngine  # same tokenizer and vocab, no NER: for calls that need none
    description: str
    ner_entities: frozenset[str]


# Lexeme flags that nothing in the built-in pipeline, Presidio or our recognizers reads.
# spaCy computes every flag for every string it has not met before, and inside the memory
# zone that is every name, number and address of every request (~8 µs each; ~3 without these).
_UNREAD_FLAGS = (LIKE_NUM, LIKE_URL, LIKE_EMAIL, IS_ASCII, IS_QUOTE, IS_BRACKET, IS_LEFT_PUNCT,
                 IS_RIGHT_PUNCT, IS_CURRENCY, LANG)


def _skip_unread_lexeme_flags(nlp: Language) -> None:
    """Only for the built-in pipeline: a configured one may have components that read them."""
    for attr in _UNREAD_FLAGS:
        nlp.vocab.lex_attr_getters.pop(attr, None)


def _load_builtin(path: Path) -> Language:
    if not path.is_dir():
        raise ModelNotInstalled("built-in NER pipeline is missing from the installation")
    return spacy.load(path)


def _choose(settings: EngineSettings) -> tuple[Language, str]:
    builtin_path = Path(settings.builtin_model_path) if settings.builtin_model_path else BUILTIN_NER
    wanted = settings.spacy_model
    if wanted and model_available(wanted):
        nlp = spacy.load(wanted)
        description = f"spacy:{wanted}"
        if settings.use_builtin_ner and nlp.lang == "en" and builtin_path.is_dir():
            # Ours goes last: its tagger writes token.tag_ (after the pipeline's own users of
            # it), and its converter only adds entities where the pipeline found none.
            builtin = _load_builtin(builtin_path)
            nlp.add_pipe(TAGGER_NAME, source=builtin)
            nlp.add_pipe(CONVERTER_NAME)
            description += f" + {BUILTIN_NAME}"
        return nlp, description
    if wanted:
        log.warning("pii.pipeline_not_installed", extra={"pipeline": wanted})
    if settings.language == "en" and settings.use_builtin_ner:
        nlp = _load_builtin(builtin_path)
        _skip_unread_lexeme_flags(nlp)
        return nlp, BUILTIN_NAME
    return spacy.blank(settings.language), f"blank:{settings.language} (patterns only)"


def ner_labels(nlp: Language) -> set[str]:
    labels: set[str] = set()
    for name, component in nlp.pipeline:
        if name == TAGGER_NAME:  # BILUO tags: "B-PERSON" -> PERSON
            labels.update(tag.partition("-")[2] for tag in component.labels if "-" in tag)
            continue
        if not hasattr(component, "moves") and not hasattr(component, "patterns"):
            continue  # only entity recognizers and rulers name entity labels
        labels.update(getattr(component, "labels", ()) or ())
        patterns = getattr(component, "patterns", None)
        if patterns:
            labels.update(p["label"] for p in patterns if "label" in p)
    return labels


def load_pipeline(settings: EngineSettings) -> LoadedPipeline:
    nlp, description = _choose(settings)
    if "lemmatizer" not in nlp.pipe_names:
        nlp.add_pipe("pii_lower_lemma", first=True)
    if isinstance(nlp.tokenizer, Tokenizer):
        nlp.tokenizer = WarmCacheTokenizer(nlp.tokenizer)
    labels = ner_labels(nlp)
    config = NerModelConfiguration(
        model_to_presidio_entity_mapping=dict(LABEL_TO_ENTITY),
        labels_to_ignore=sorted(labels - LABEL_TO_ENTITY.keys()),
        default_score=settings.ner_score,
    )
    engine = OfflineSpacyNlpEngine(
        models=[{"lang_code": settings.language, "model_name": description}],
        ner_model_configuration=config,
    )
    # The pipeline is assembled here (possibly from two sources), so it is handed to
    # Presidio's engine already loaded instead of by name.
    engine.nlp = {settings.language: nlp}
    tokens_nlp = spacy.blank(nlp.lang, vocab=nlp.vocab)
    tokens_nlp.tokenizer = nlp.tokenizer
    tokens_nlp.add_pipe("pii_lower_lemma")
    tokens_engine = OfflineSpacyNlpEngine(
        models=[{"lang_code": settings.language, "model_name": f"{description} (tokens only)"}],
        ner_model_configuration=config,
    )
    tokens_engine.nlp = {settings.language: tokens_nlp}
    entities = frozenset(LABEL_TO_ENTITY[label] for label in labels if label in LABEL_TO_ENTITY)
    single_threaded_blas()
    fused = accelerate(nlp, TAGGER_NAME)
    log.info("pii.pipeline_active", extra={"pipeline": description, "components": nlp.pipe_names,
                                           "fused_tagger": fused})
    return LoadedPipeline(engine=engine, tokens_engine=tokens_engine, description=description,
                          ner_entities=entities)

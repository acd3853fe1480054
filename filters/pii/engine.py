"""The PII detection engine the gateway calls: Presidio's analyzer on one spaCy pass.

Built once per process (`PIIEngine.build`), then shared: `analyze_batch` is synchronous and
thread-safe, `analyze` runs it on the engine's own small thread pool with a deadline and
turns every failure into `DetectionUnavailable`, so callers fail closed. Nothing here logs
or raises text: only counts, types, timings.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Collection, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache, partial

from presidio_analyzer import AnalyzerEngine, PatternRecognizer

from .analyzer import LeanAnalyzerEngine
from .casing import read_as_written_usually
from .context import FastLemmaContextAwareEnhancer
from .offline import configure_tldextract, quiet_content_loggers
from .pipeline import LoadedPipeline, load_pipeline
from .recognizers import build_registry
from .addresses import extend_addresses, split_address_blocks, with_address_places
from .resolve import Detection, end_on_words, passes, resolve_overlaps
from .everyday_names import asked_about
from .retype import Retyper
from .settings import EngineSettings
from .tokenizer_cache import WarmCacheTokenizer
from .whitespace import normalise, to_original

log = logging.getLogger(__name__)
quiet_content_loggers()

# Types the type rules (retype.py) move names between.
_NAME_TYPES = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "NRP", "STREET_ADDRESS", "SCHOOL"})

# Types whose patterns read the case as written: a private key's armour, a bank code's letters.
_AS_WRITTEN = frozenset({"CREDENTIAL", "IBAN_CODE"})

__all__ = ["Detection", "DetectionUnavailable", "EngineSettings", "PIIEngine"]


class DetectionUnavailable(Exception):
    """Detection could not complete; the message never contains analysed text."""


@lru_cache(maxsize=512)
def _deny_recognizer(entity: str, values: tuple[str, ...], language: str) -> PatternRecognizer:
    return PatternRecognizer(
        supported_entity=entity, deny_list=list(values), name=f"DenyList:{entity}", supported_language=language
    )


@dataclass(frozen=True, slots=True)
class _Call:
    """One analyze_batch call's rules, as every text of it is analysed."""

    wanted: frozenset[str]
    wanted_list: list[str]  # Presidio's argument, sorted once per call: `wanted` and the types the type rules read
    thresholds: Mapping[str, float] | None
    default_threshold: float
    floor: float
    allow_list: frozenset[str]
    allow_list_arg: list[str] | None
    ad_hoc: list[PatternRecognizer]
    nested: bool
    address_blocks: bool
    language: str
    keep_public_figures: bool


class PIIEngine:
    """Built once per process (expensive); thread-safe for analyze_batch."""

    def __init__(self, analyzer: AnalyzerEngine, pipeline: LoadedPipeline, settings: EngineSettings) -> None:
        self._analyzer = analyzer
        self._pipeline = pipeline
        self._settings = settings
        self._language = settings.language
        self._supported = frozenset(analyzer.get_supported_entities(language=settings.language))
        # spaCy does not promise thread safety for a shared Language, and memory zones do
        # not nest: analyses are serialised (the GIL would serialise most of the work anyway).
        self._nlp_lock = threading.Lock()
        self._retype = Retyper() if settings.language == "en" and settings.use_lexicons else None
        self._executor = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="pii")

    @classmethod
    def build(cls, settings: EngineSettings) -> "PIIEngine":
        started = time.perf_counter()
        configure_tldextract()
        pipeline = load_pipeline(settings)
        registry = build_registry(
            settings.language, pipeline.ner_entities, settings.ner_score, settings.phone_regions,
            lexicons=settings.use_lexicons and settings.language == "en",
        )
        for recognizer in registry.recognizers:
            recognizer.load()
            recognizer.is_loaded = True
        analyzer = LeanAnalyzerEngine(
            registry=registry,
            nlp_engine=pipeline.engine,
            supported_languages=[settings.language],
            context_aware_enhancer=FastLemmaContextAwareEnhancer(
                context_similarity_factor=0.35, min_score_with_context_similarity=0.55,
                context_prefix_count=5, context_suffix_count=2),
        )
        engine = cls(analyzer, pipeline, settings)
        log.info("pii.engine_built", extra={
            "pipeline": pipeline.description, "entities": sorted(engine._supported),
            "ms": round((time.perf_counter() - started) * 1000),
        })
        return engine

    def supported_entities(self) -> frozenset[str]:
        return self._supported

    def active_pipeline(self) -> str:
        return self._pipeline.description

    def supported_languages(self) -> frozenset[str]:
        """Languages analyze_batch accepts; anything else raises (a 400 for the endpoint)."""
        return frozenset({self._language})

    def analyze_batch(
        self,
        texts: Sequence[str],
        *,
        entities: Collection[str],
        thresholds: Mapping[str, float] | None = None,
        default_threshold: float = 0.5,
        allow_list: Collection[str] = (),
        deny_list: Mapping[str, Collection[str]] | None = None,
        language: str = "en",
        nested: bool = False,
        address_blocks: bool = False,
        keep_public_figures: bool = False,
    ) -> list[list[Detection]]:
        """One spaCy pass (nlp.pipe) for all texts; results in input order, overlaps resolved
        (`nested`: also the places inside street addresses, overlapping them; `address_blocks`:
        address blocks reported as street parts and places, see `addresses.py`;
        `keep_public_figures`: people a learner asks about, `lexicons/public_figures.txt`, are
        not reported)."""
        if language != self._language:
            raise ValueError(f"language {language!r} is not loaded")
        # analysed with whitespace as the tagger learnt it, reported on the text as written
        normalised = [normalise(t) for t in texts]
        texts = [n.text for n in normalised]
        ad_hoc = [
            _deny_recognizer(entity, tuple(sorted({v for v in values if v})), language)
            for entity, values in sorted((deny_list or {}).items()) if any(values)
        ]
        wanted = sorted((frozenset(entities) & self._supported) | {r.supported_entities[0] for r in ad_hoc})
        if not texts or not wanted:
            return [[] for _ in texts]
        # The type rules decide between the name types from all of them: a call that wants
        # people but not places must still see the tagger's "place" that is a person.
        analysed = sorted(set(wanted) | (self._supported & _NAME_TYPES)) \
            if self._retype is not None and _NAME_TYPES.intersection(wanted) else wanted
        # The NER runs only when the call asks for an entity type it produces.
        nlp_engine = self._pipeline.engine if self._pipeline.ner_entities.intersection(analysed) \
            else self._pipeline.tokens_engine
        call = _Call(wanted=frozenset(wanted), wanted_list=analysed, thresholds=thresholds,
                     default_threshold=default_threshold, floor=min([default_threshold, *(thresholds or {}).values()]),
                     allow_list=frozenset(allow_list), allow_list_arg=sorted(allow_list) or None,
                     ad_hoc=ad_hoc, nested=nested,
                     address_blocks=address_blocks and "LOCATION" in wanted, language=language,
                     keep_public_figures=keep_public_figures)
        nlp = nlp_engine.nlp[language]
        tagged = [read_as_written_usually(t) for t in texts]  # capitals where the tagger learnt them
        # spaCy keeps every string it meets (names, e-mail addresses) for the life of the
        # process unless it works inside a memory zone; the recognizers read the docs too, so
        # the whole analysis runs in the zone. Everyday words go to the tokenizer's cache first.
        with self._nlp_lock:
            if isinstance(nlp.tokenizer, WarmCacheTokenizer):
                nlp.tokenizer.warm(tagged)
            with nlp.memory_zone():
                artifacts = [a for _, a in nlp_engine.process_batch(
                    tagged, language, batch_size=self._settings.batch_size)]
                return [to_original(n, self._analyze_one(text, read, nlp_artifacts, call))
                        for n, text, read, nlp_artifacts in zip(normalised, texts, tagged, artifacts)]

    def _analyze_one(self, text: str, read: str, nlp_artifacts, call: "_Call") -> list[Detection]:  # noqa: ANN001
        """`read`: the text as the recognizers and the type rules read it, `text` itself
        unless it is written in one case (`casing.py`). Keys and bank codes are read as
        written, whose case their patterns check. Both texts have the same length."""
        def analyze(some: str, entities: list[str]) -> list:
            return self._analyzer.analyze(
                text=some, language=call.language, entities=entities, nlp_artifacts=nlp_artifacts,
                score_threshold=call.floor, ad_hoc_recognizers=call.ad_hoc or None, allow_list=call.allow_list_arg)

        results = analyze(read, call.wanted_list)
        if read is not text and (as_written := [e for e in call.wanted_list if e in _AS_WRITTEN]):
            results = [r for r in results if r.entity_type not in _AS_WRITTEN] + analyze(text, as_written)
        text = read  # what follows reads capitals as the recognizers did
        kept = [r for r in results if passes(r, call.thresholds, call.default_threshold)]
        extend_addresses(text, kept)
        if self._retype is not None:
            # It may add, retype and reshape: what it gives back meets the call's rules again.
            kept = [r for r in self._retype(text, kept) if r.entity_type in call.wanted
                    and passes(r, call.thresholds, call.default_threshold) and text[r.start:r.end] not in call.allow_list]
        if call.keep_public_figures:  # and the parts of them a name list found ("Albert" of "Albert Einstein")
            figures = [(r.start, r.end) for r in kept if r.entity_type == "PERSON" and asked_about(text, r.start, r.end)]
            kept = [r for r in kept if r.entity_type != "PERSON" or not any(a <= r.start and r.end <= b for a, b in figures)]
        detections = end_on_words(text, resolve_overlaps(text, kept, nested=call.nested))
        limit = (call.thresholds or {}).get("LOCATION", call.default_threshold)
        if call.nested and "LOCATION" in call.wanted:  # the places of each address too, at its score
            detections = with_address_places(text, detections, lambda d: d.score >= limit)
        elif call.address_blocks:
            detections = split_address_blocks(text, detections, lambda d: d.score >= limit)
        return detections

    async def analyze(self, texts: Sequence[str], *, timeout: float, **kwargs) -> list[list[Detection]]:
        """Offloads analyze_batch to a worker thread; raises DetectionUnavailable on timeout or
        any error (fail closed). A timed-out batch finishes in the background and is discarded."""
        loop = asyncio.get_running_loop()
        call = partial(self.analyze_batch, list(texts), **kwargs)
        started = time.perf_counter()
        try:
            return await asyncio.wait_for(loop.run_in_executor(self._executor, call), timeout)
        except asyncio.TimeoutError:
            log.warning("pii.timeout", extra={"texts": len(texts), "timeout_s": timeout})
            raise DetectionUnavailable("PII detection timed out") from None
        except Exception as exc:  # noqa: BLE001 - any failure must fail closed
            log.error("pii.failed", extra={"error": type(exc).__name__, "texts": len(texts),
                                           "ms": round((time.perf_counter() - started) * 1000)})
            raise DetectionUnavailable("PII detection failed") from None

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

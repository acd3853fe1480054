"""Presidio's `AnalyzerEngine` with its per-request bookkeeping trimmed.

Presidio's context step walks the full result list once per recognizer (two list
comprehensions each) and deep-copies every result before the lemma enhancer looks at it.
With about twenty recognizers and a few dozen candidates per 1 KB prompt that cost more than
most recognizers. This subclass groups results by recognizer once, asks only recognizers
that override `enhance_using_context` for their own pass, and lets the lemma enhancer copy
only the results whose recognizer has context words. Scores and outputs are the same as
Presidio's; `tests/filters/test_pii_engine.py` compares both on the same texts.
"""

from __future__ import annotations

from collections import defaultdict

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerResult

_ID = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
# Set on a result whose score a context word raised: a phone number next to "number" can reach
# 1.0 that way, which must not rank it with checksum-validated results (resolve.py).
CONTEXT_BOOSTED = "pii_context_boosted"
# Digit shapes that no checksum confirms. (A street pattern raised by "address" stays ranked
# with validated results: it is the better anchor against a tagger's over-long address.)
_SHAPE_GUESSES = frozenset({"PHONE_NUMBER", "ID_NUMBER", "PASSPORT", "US_SSN", "AGE", "DATE_TIME"})
_BASE_ENHANCE = EntityRecognizer.enhance_using_context


def _recognizer_id(result: RecognizerResult) -> str | None:
    return (result.recognition_metadata or {}).get(_ID)


class LeanAnalyzerEngine(AnalyzerEngine):
    def _enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):  # noqa: D102
        by_recognizer: dict[str | None, list[RecognizerResult]] = defaultdict(list)
        for result in raw_results:
            by_recognizer[_recognizer_id(result)].append(result)
        results: list[RecognizerResult] = []
        for recognizer in recognizers:
            own = by_recognizer.pop(recognizer.id, None)
            if not own:
                continue
            if type(recognizer).enhance_using_context is not _BASE_ENHANCE:
                others = [r for r in raw_results if _recognizer_id(r) != recognizer.id]
                own = recognizer.enhance_using_context(
                    text=text, raw_recognizer_results=own, other_raw_recognizer_results=others,
                    nlp_artifacts=nlp_artifacts, context=context)
            results.extend(own)
        for leftover in by_recognizer.values():  # results of no listed recognizer: kept as they are
            results.extend(leftover)
        with_context = {r.id for r in recognizers if r.context}
        wanted = [r for r in results if _recognizer_id(r) in with_context]
        if not wanted:
            return results
        rest = [r for r in results if _recognizer_id(r) not in with_context]
        before = [r.score for r in wanted]
        enhanced = self.context_aware_enhancer.enhance_using_context(
            text=text, raw_results=_Owned(wanted), nlp_artifacts=nlp_artifacts, recognizers=recognizers,
            context=context)
        for result, score in zip(wanted, before):  # the enhancer adjusted these very objects
            if result.score > score and result.entity_type in _SHAPE_GUESSES:
                result.recognition_metadata[CONTEXT_BOOSTED] = True
        return rest + enhanced


class _Owned(list):
    """Results this call created and nobody else holds: the enhancer's defensive deep copy
    (a third of its time) becomes a shallow one, and it adjusts the results in place."""

    def __deepcopy__(self, memo: dict) -> list:
        return list(self)

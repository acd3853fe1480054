"""The quick tests that stand before slower scans never skip a text those would match."""

from __future__ import annotations

import regex as re
from hypothesis import given, settings
from hypothesis import strategies as st

from filters.pii import name_patterns as P
from filters.pii.retype_context import matched_at
from filters.pii.retype_names import caseless_runs

WORDS = ["went", "lives", "is", "am", "flew", "visited", "in", "to", "at", "from", "near", "Leeds", "Río", "harburg",
         "New", "York", "is", "in", "Ana", "van", "and", "&", ",", ", ", "the", "moved", "x", "De", "\n", "  ", "."]
texts = st.lists(st.sampled_from(WORDS), max_size=14).map(lambda words: " ".join(words).replace(" , ", ", "))


@settings(max_examples=600, deadline=None)
@given(texts)
def test_a_text_without_the_list_cue_holds_no_list(text: str) -> None:
    if P.WORD_LIST_CUE.search(text) is None:
        assert P.WORD_LIST.search(text) is None


def test_the_quick_scans_find_what_the_rules_are_about() -> None:
    text = "We moved to Río Gallegos, then went to harburg. Ana, Bo and Cy came."
    assert P.WORD_LIST_CUE.search(text) and P.WORD_LIST.search(text).group() == "Ana, Bo and Cy"


CASELESS_WORDS = ["in", "to", "hi", "met", "my name is", "call me", "with", "dear", "Zoë", "Ана", "Ελένη", "Արամ",
                  "南京市", "山下", "ნინო", "דנה", "e\u0301", "ª", "1º", "said", "\n"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(CASELESS_WORDS), max_size=8).map(" ".join))
def test_the_caseless_runs_read_off_non_ascii_stretches_are_the_whole_scans(text: str) -> None:
    # A combining mark after a Latin letter ("e\u0301") is no run's start: the whole scan's
    # "\u0301 南京市" is "南京市" here, so only texts without one compare.
    if "\u0301" not in text:
        assert caseless_runs(text) == [m.span() for m in P.CASELESS_SPAN.finditer(text)]


# The firm frames' gate: wherever a case-blind scan for the cue words at a word's start
# would have found one, `str.find` finds it too.
_FIRM_CUE_SCAN = re.compile(r"(?i)\b(?:" + "|".join(P.FIRM_CUE.stems) + ")")
FIRM_WORDS = ["Work", "worked", "co-founder", "my_office", "CEO", "bankrupt", "network", "İstanbul", "the", "x", "-", "\n"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(FIRM_WORDS), max_size=8).map(lambda words: " ".join(words)) | texts)
def test_the_firm_cue_gate_opens_wherever_the_cue_scan_finds_one(text: str) -> None:
    if _FIRM_CUE_SCAN.search(text):
        assert P.FIRM_CUE.found_in(text)


CUE_WORDS = ["hi", "to", "it's", "its", "This", "is", "ask", "for", "owe", "taken", "by", "thanks", "Hey", "dear",
             "met", "kyra", "with", "kit", "hit", "\n", "İ"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(CUE_WORDS), max_size=10).map(" ".join))
def test_the_common_cues_matched_at_their_words_are_the_overlapped_scans_matches(text: str) -> None:
    lower = text.lower()
    if len(lower) != len(text):
        return  # the pass scans the whole text then
    at_words = matched_at(P.LOWER_NAME_CONTEXT, text, lower, P.COMMON_CUE_WORDS)
    scanned = P.LOWER_NAME_CONTEXT.finditer(text, overlapped=True)
    assert [m.span(1) for m in at_words] == [m.span(1) for m in scanned]

"""Behaviour of PIIEngine as the gateway uses it: batching, entity selection, thresholds,
allow/deny lists, overlap resolution, the built-in NER, and failing closed."""

from __future__ import annotations

import asyncio
import threading

import pytest

from filters.pii import Detection, DetectionUnavailable, PIIEngine

SECRET = "Zyxwvut Qponmlk"  # a value that must never appear in errors


def spans(text: str, detections: list[Detection]) -> set[tuple[str, str]]:
    return {(d.type, text[d.start:d.end]) for d in detections}


def test_builtin_pipeline_is_active_by_default(engine: PIIEngine) -> None:
    assert engine.active_pipeline() == "builtin:en_pii_ner"
    assert {"PERSON", "LOCATION", "STREET_ADDRESS", "ORGANIZATION", "NRP"} <= engine.supported_entities()


def test_only_the_configured_language_is_accepted(engine: PIIEngine) -> None:
    assert engine.supported_languages() == frozenset({"en"})
    with pytest.raises(ValueError):
        engine.analyze_batch(["hallo"], entities=engine.supported_entities(), language="de")


def test_batch_results_follow_input_order(engine: PIIEngine) -> None:
    texts = ["mail me: a.b@superrito.com", "nothing personal here", "card 4111 1111 1111 1111"]
    out = engine.analyze_batch(texts, entities=engine.supported_entities())
    assert [[d.type for d in ds] for ds in out] == [["EMAIL_ADDRESS"], [], ["CREDIT_CARD"]]


def test_empty_batch_and_empty_entity_set(engine: PIIEngine) -> None:
    assert engine.analyze_batch([], entities=engine.supported_entities()) == []
    assert engine.analyze_batch(["a.b@superrito.com"], entities=frozenset()) == [[]]


def test_only_requested_entities_are_reported(engine: PIIEngine) -> None:
    text = "My name is Anna Kowalski, email anna@superrito.com"
    [ds] = engine.analyze_batch([text], entities=frozenset({"EMAIL_ADDRESS"}))
    assert {d.type for d in ds} == {"EMAIL_ADDRESS"}


def test_ner_pipeline_does_not_run_when_no_ner_entity_is_requested(engine: PIIEngine) -> None:
    full = engine._pipeline.engine  # noqa: SLF001 - spying on the pass that must not happen
    calls: list[int] = []
    original = full.process_batch
    full.process_batch = lambda *a, **k: calls.append(1) or original(*a, **k)  # type: ignore[method-assign]
    try:
        [emails] = engine.analyze_batch(["anna@superrito.com"], entities=frozenset({"EMAIL_ADDRESS"}))
        assert calls == [] and [d.type for d in emails] == ["EMAIL_ADDRESS"]
        engine.analyze_batch(["Anna Kowalski"], entities=frozenset({"PERSON"}))
        assert calls == [1]
    finally:
        del full.process_batch


def test_unknown_entity_names_are_ignored(engine: PIIEngine) -> None:
    [ds] = engine.analyze_batch(["anna@superrito.com"], entities=frozenset({"EMAIL_ADDRESS", "NO_SUCH_TYPE"}))
    assert [d.type for d in ds] == ["EMAIL_ADDRESS"]


def test_per_type_threshold_drops_weaker_results(engine: PIIEngine) -> None:
    text = "call me at (212) 555-0187"
    kept = engine.analyze_batch([text], entities=frozenset({"PHONE_NUMBER"}))[0]
    dropped = engine.analyze_batch([text], entities=frozenset({"PHONE_NUMBER"}), thresholds={"PHONE_NUMBER": 1.01})[0]
    assert kept and dropped == []


def test_allow_list_value_is_never_reported(engine: PIIEngine) -> None:
    text = "contact support@superrito.com or anna@superrito.com"
    [ds] = engine.analyze_batch([text], entities=frozenset({"EMAIL_ADDRESS"}), allow_list=["support@superrito.com"])
    assert spans(text, ds) == {("EMAIL_ADDRESS", "anna@superrito.com")}


def test_deny_list_value_is_always_reported(engine: PIIEngine) -> None:
    text = "Project Bluebird ships with codename Bluebird"
    [ds] = engine.analyze_batch([text], entities=frozenset(), deny_list={"CODENAME": ["Bluebird"]})
    assert [(d.type, text[d.start:d.end], d.score) for d in ds] == [("CODENAME", "Bluebird", 1.0)] * 2


def test_overlapping_detections_are_resolved_to_one(engine: PIIEngine) -> None:
    text = "write to anna.kowalski@superrito.com"
    [ds] = engine.analyze_batch([text], entities=engine.supported_entities())
    assert spans(text, ds) == {("EMAIL_ADDRESS", "anna.kowalski@superrito.com")}
    assert all(a.end <= b.start for a, b in zip(ds, ds[1:]))


def test_a_phone_shape_raised_by_a_context_word_does_not_outrank_a_validated_result(engine: PIIEngine) -> None:
    """'number' is a phone context word, so '99449 18' scores 1.0 like a checksum-validated
    card; it must still lose to the longer street address it sits in."""
    text = "card number 4992819677820891 is lost, please send a new one to 99449 18 McPherson Road Suite 019"
    [ds] = engine.analyze_batch([text], entities=engine.supported_entities())
    found = spans(text, ds)
    assert ("CREDIT_CARD", "4992819677820891") in found
    assert any(t == "STREET_ADDRESS" and "McPherson Road" in v and v.startswith("99449") for t, v in found)
    assert not any(t == "PHONE_NUMBER" for t, _ in found)


NER_CASES = [
    ("PERSON", "My name is Anna Kowalski and I need help.", "Anna Kowalski"),
    ("PERSON", "can you write an email to john peterson about the invoice", "john peterson"),
    ("LOCATION", "I'm flying to Almaty next week.", "Almaty"),
    ("STREET_ADDRESS", "Please ship it to 221 Elm Street\nSpringfield, IL 62704.", "221 Elm Street\nSpringfield, IL 62704"),
    ("NRP", "As a Kazakh student I often get asked about this.", "Kazakh"),
]


@pytest.mark.parametrize(("entity", "text", "value"), NER_CASES, ids=[c[0] for c in NER_CASES])
def test_builtin_ner_finds_entity(engine: PIIEngine, entity: str, text: str, value: str) -> None:
    [ds] = engine.analyze_batch([text], entities=engine.supported_entities())
    covered = sum(min(d.end, text.index(value) + len(value)) - max(d.start, text.index(value))
                  for d in ds if d.type == entity and d.end > text.index(value) and d.start < text.index(value) + len(value))
    assert covered >= len(value) / 2


@pytest.mark.parametrize("text", [
    "I think the simple words work best here.",
    "The evening was lovely, thank you for organising it.",
    "WHY IS THIS NOT WORKING??? HELP!!",
    "How do I reset my password on Monday?",
])
def test_plain_chat_text_has_no_detections(engine: PIIEngine, text: str) -> None:
    assert engine.analyze_batch([text], entities=engine.supported_entities()) == [[]]


async def test_analyze_offloads_and_returns_detections(engine: PIIEngine) -> None:
    loop_thread = threading.get_ident()
    seen: list[int] = []
    original = engine.analyze_batch

    def spy(*args, **kwargs):
        seen.append(threading.get_ident())
        return original(*args, **kwargs)

    engine.analyze_batch = spy  # type: ignore[method-assign]
    try:
        out = await engine.analyze(["anna@superrito.com"], timeout=10, entities=frozenset({"EMAIL_ADDRESS"}))
    finally:
        del engine.analyze_batch
    assert [d.type for d in out[0]] == ["EMAIL_ADDRESS"] and seen and seen[0] != loop_thread


async def test_timeout_fails_closed_without_echoing_text(engine: PIIEngine) -> None:
    release = threading.Event()
    engine.analyze_batch = lambda *a, **k: release.wait(5)  # type: ignore[method-assign]
    try:
        with pytest.raises(DetectionUnavailable) as caught:
            await engine.analyze([SECRET], timeout=0.05, entities=frozenset({"PERSON"}))
    finally:
        release.set()
        del engine.analyze_batch
    assert SECRET not in str(caught.value) and caught.value.__cause__ is None


async def test_error_fails_closed_without_echoing_text(engine: PIIEngine) -> None:
    with pytest.raises(DetectionUnavailable) as caught:
        await engine.analyze([SECRET], timeout=5, entities=frozenset({"PERSON"}), language=f"xx-{SECRET}")
    assert SECRET not in str(caught.value) and caught.value.__cause__ is None


async def test_concurrent_calls_share_one_engine(engine: PIIEngine) -> None:
    texts = [f"mail user{i}@superrito.com" for i in range(8)]
    outs = await asyncio.gather(*(engine.analyze([t], timeout=10, entities=frozenset({"EMAIL_ADDRESS"})) for t in texts))
    assert [t[o[0][0].start:o[0][0].end] for t, o in zip(texts, outs)] == [t.split()[1] for t in texts]


@pytest.mark.parametrize(("text", "address"), [
    ("Ship to 221 Elm Street\nSpringfield, IL 62704\nThanks!", "221 Elm Street\nSpringfield, IL 62704"),
    ("I live at 42 Baker Street, London NW1 6XE and I love it", "42 Baker Street, London NW1 6XE"),
    ("Meet at 5 Oak Road, then we go", "5 Oak Road"),
    # an Irish or British postcode and its town, wherever the sentence goes on
    ("The letter arrived at 29 Murrihy Street A92FPPX Nicola Ville last night.", "29 Murrihy Street A92FPPX Nicola Ville"),
    ("It is 05 Muldowney Street C50 8DNW Beth Ville", "05 Muldowney Street C50 8DNW Beth Ville"),
    ("We live at 5 Oak Street now.", "5 Oak Street"),
])
def test_address_extends_over_city_and_postcode_lines_only(engine: PIIEngine, text: str, address: str) -> None:
    [ds] = engine.analyze_batch([text], entities=frozenset({"STREET_ADDRESS"}))
    assert [text[d.start:d.end] for d in ds] == [address]


@pytest.mark.parametrize(("text", "places"), [
    ("Ship to 221 Elm Street\nSpringfield, IL 62704\nThanks!", ["Springfield", "IL"]),
    ("28245 Puruntie 82 Apt. 595\nLAPPEENRANTA\nFinland 53650", ["LAPPEENRANTA", "Finland"]),
    ("ul. Abaya 12, kv. 5, Almaty", ["Almaty"]),
    ("808 Kálmán Imre u. 12.\nApt. 762\nZalakaros", ["Zalakaros"]),  # a street line and a unit are no place
    ("Meet at 5 Oak Road, then we go", []),
])
def test_nested_reports_an_address_whole_and_each_of_its_places(engine: PIIEngine, text: str, places: list[str]) -> None:
    entities = frozenset({"STREET_ADDRESS", "LOCATION"})
    [plain] = engine.analyze_batch([text], entities=entities)
    [nested] = engine.analyze_batch([text], entities=entities, nested=True)
    addresses = [(d.type, d.start, d.end) for d in plain if d.type == "STREET_ADDRESS"]
    assert addresses and [(d.type, d.start, d.end) for d in nested if d.type == "STREET_ADDRESS"] == addresses
    assert [text[d.start:d.end] for d in nested if d.type == "LOCATION"] == places
    assert not [d for d in plain if d.type == "LOCATION"]  # by default the address alone, whole


def test_nested_places_obey_the_location_threshold(engine: PIIEngine) -> None:
    text = "Parcel: 221 Elm Road\nSpringfield, IL 62704"  # no context word: the address scores < 1
    [ds] = engine.analyze_batch([text], entities=frozenset({"STREET_ADDRESS", "LOCATION"}),
                                thresholds={"LOCATION": 0.99}, nested=True)
    assert [(d.type, text[d.start:d.end]) for d in ds] == [("STREET_ADDRESS", "221 Elm Road\nSpringfield, IL 62704")]
    assert ds[0].score < 0.99


@pytest.mark.parametrize(("text", "parts"), [
    # A block: opening the text, under the addressee's name, under a form's label line.
    ("28030 Edeby 55\n Apt. 297\n TYSTBERGA\n Sweden 99178",
     [("STREET_ADDRESS", "28030 Edeby 55\n Apt. 297"), ("LOCATION", "TYSTBERGA"), ("LOCATION", "Sweden"),
      ("STREET_ADDRESS", "99178")]),
    ("Marisa Bisliev\n\n583 Magrethevej 298\n Apt. 123\n Akureyri\n Iceland 07609",
     [("PERSON", "Marisa Bisliev"), ("STREET_ADDRESS", "583 Magrethevej 298\n Apt. 123"), ("LOCATION", "Akureyri"),
      ("LOCATION", "Iceland"), ("STREET_ADDRESS", "07609")]),
    ("Billing address: Jonas Hartmann\n    4417 Bahnhofstrasse 12\n   Winterthur\n    Switzerland",
     [("PERSON", "Jonas Hartmann"), ("STREET_ADDRESS", "4417 Bahnhofstrasse 12"), ("LOCATION", "Winterthur"),
      ("LOCATION", "Switzerland")]),
    ("> Lina Artemova\n> 2224 Trenerys gate 232\n> Apt. 342\n> TRONDHEIM\n> Norway 64389",
     [("PERSON", "Lina Artemova"), ("STREET_ADDRESS", "2224 Trenerys gate 232\n> Apt. 342"),
      ("LOCATION", "TRONDHEIM"), ("LOCATION", "Norway"), ("STREET_ADDRESS", "64389")]),
    # A block a detector began at its unit line; its last line found on its own.
    ("> Mert Doğan\n> 5728 603 Saçı Roads\n> Suite 290\n> ÜZERLAND\n> Kuwait 41286",
     [("PERSON", "Mert Doğan"), ("STREET_ADDRESS", "5728 603 Saçı Roads"), ("STREET_ADDRESS", "Suite 290"),
      ("LOCATION", "ÜZERLAND"), ("LOCATION", "Kuwait"), ("STREET_ADDRESS", "41286")]),
    # A British block: the flat alone on the first line, the street's name on the next.
    ("Craig Williams\n\n4230 Flat 75\nKim Turnpike\n Apt. 934\n Oliverland\n Finland 41144",
     [("PERSON", "Craig Williams"), ("STREET_ADDRESS", "4230 Flat 75\nKim Turnpike\n Apt. 934"),
      ("LOCATION", "Oliverland"), ("LOCATION", "Finland"), ("STREET_ADDRESS", "41144")]),
    # A postcode with a country's letters.
    ("Mrs. Piroska Bogdán Apt. 895 4916 Ady endre út 159.\nVESZPRÉM nan H-9742",
     [("PERSON", "Piroska Bogdán"), ("STREET_ADDRESS", "Apt. 895 4916 Ady endre út 159."),
      ("LOCATION", "VESZPRÉM nan"), ("STREET_ADDRESS", "H-9742")]),
    # Quoted inside a sentence, or under a line that is not a name: one value.
    ("Please send it to 1987 74 Diakou Street\n Suite 680\n Kissousa\n Cyprus 36903 by Friday.",
     [("STREET_ADDRESS", "1987 74 Diakou Street\n Suite 680\n Kissousa\n Cyprus 36903")]),
    ("Please send it to Suite 5\nBoston, MA 02110", [("STREET_ADDRESS", "Suite 5\nBoston, MA 02110")]),
    ("Here is my address:\n\n19902 Dobrovského 1394 Apt. 066\nSt Georges, QC 54256",
     [("STREET_ADDRESS", "19902 Dobrovského 1394 Apt. 066\nSt Georges, QC 54256")]),
    ("5670 Main Street Suite 696, Springfield, United Kingdom", [("STREET_ADDRESS", "5670 Main Street Suite 696, "
                                                                  "Springfield, United Kingdom")]),
])
def test_an_address_block_is_reported_line_by_line_when_asked(engine: PIIEngine, text: str,
                                                               parts: list[tuple[str, str]]) -> None:
    entities = frozenset({"STREET_ADDRESS", "LOCATION", "PERSON"})
    [ds] = engine.analyze_batch([text], entities=entities, address_blocks=True)
    assert [(d.type, text[d.start:d.end]) for d in ds] == parts
    [whole] = engine.analyze_batch([text], entities=entities)
    assert not [d for d in whole if d.type == "LOCATION"]  # redaction's default: the address whole


@pytest.mark.parametrize(("text", "address"), [
    ("Please write to Reinhold-Kabus-Gasse 202, 11550 Rostock", "Reinhold-Kabus-Gasse 202, 11550 Rostock"),
    ("Can you validate the following? Janina-Winkler-Platz 6-1", "Janina-Winkler-Platz 6-1"),
    # the tagger read on over a lowercase line that the continuation rule stops at
    ("Billing address: Ana Dias\n    31401 ul. Słowicza 10 Apt. 360\n   Wrocław\n    nan\n    53-320",
     "31401 ul. Słowicza 10 Apt. 360\n   Wrocław\n    nan\n    53-320"),
])
def test_street_addresses_whole(engine: PIIEngine, text: str, address: str) -> None:
    [ds] = engine.analyze_batch([text], entities=frozenset({"STREET_ADDRESS", "PERSON", "LOCATION"}))
    assert [text[d.start:d.end] for d in ds if d.type == "STREET_ADDRESS"] == [address]
    assert not [d for d in ds if d.type == "PERSON" and d.start >= text.index(address)]


def test_an_address_block_stays_whole_when_its_places_are_not_wanted(engine: PIIEngine) -> None:
    text = "28030 Edeby 55\n Apt. 297\n TYSTBERGA\n Sweden 99178"
    for kwargs in ({"entities": frozenset({"STREET_ADDRESS"})},
                   {"entities": frozenset({"STREET_ADDRESS", "LOCATION"}), "thresholds": {"LOCATION": 0.99}}):
        [ds] = engine.analyze_batch([text], address_blocks=True, **kwargs)
        assert [(d.type, d.start, d.end) for d in ds] == [("STREET_ADDRESS", 0, len(text))]


SAME_AS_PRESIDIO = [
    "Call me on +44 20 7946 0958 or mail anna.kowalski@example.com, my SSN is 078-05-1120.",
    "My card 4111 1111 1111 1111 and IBAN GB82 WEST 1234 5698 7654 32, passport N12345678.",
    "Dr. Ibragimova lives at 12 Abay Avenue, Almaty; she is 12 years old, born 2013-04-01.",
    "Nothing personal in this sentence at all, just a plain question about the weather.",
    "Note: meet at 10:30, re:check the list; they're being careful! Be there, Zqxwva.",
]


@pytest.mark.parametrize("text", SAME_AS_PRESIDIO)
def test_lean_analyzer_scores_exactly_like_presidio(engine: PIIEngine, text: str) -> None:
    """LeanAnalyzerEngine trims bookkeeping only: Presidio's own analyze gives the same results."""
    from presidio_analyzer import AnalyzerEngine

    lean = engine._analyzer
    stock = AnalyzerEngine(registry=lean.registry, nlp_engine=lean.nlp_engine, supported_languages=["en"],
                           context_aware_enhancer=lean.context_aware_enhancer)
    entities = sorted(engine.supported_entities())
    [(_, artifacts)] = list(engine._pipeline.engine.process_batch([text], "en"))

    def run(analyzer: AnalyzerEngine) -> list[tuple[str, int, int, float]]:
        found = analyzer.analyze(text=text, language="en", entities=entities, nlp_artifacts=artifacts,
                                 score_threshold=0.0)
        return sorted((r.entity_type, r.start, r.end, round(r.score, 6)) for r in found)

    assert type(stock) is not type(lean)
    assert run(lean) == run(stock)
    assert run(lean) or text.startswith("Nothing")


@pytest.mark.parametrize("text", SAME_AS_PRESIDIO)
def test_lean_artifacts_hold_what_presidio_would_build(engine: PIIEngine, text: str) -> None:
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    nlp_engine = engine._pipeline.engine
    doc = nlp_engine.nlp["en"](text)
    ours = nlp_engine._doc_to_nlp_artifact(doc, "en")
    theirs = SpacyNlpEngine._doc_to_nlp_artifact(nlp_engine, doc, "en")
    assert ours.lemmas == theirs.lemmas and ours.tokens_indices == theirs.tokens_indices
    assert [(e.start_char, e.end_char, e.label_) for e in ours.entities] == \
        [(e.start_char, e.end_char, e.label_) for e in theirs.entities]
    assert ours.scores == theirs.scores and ours.keywords == theirs.keywords


def test_engine_builds_lean_artifacts(engine: PIIEngine) -> None:
    """The lean artifacts (one read of the token arrays, lazy keywords) are the ones in use."""
    from filters.pii.artifacts import LeanNlpArtifacts

    [(_, artifacts)] = list(engine._pipeline.engine.process_batch(["Hi Anna."], "en"))
    assert isinstance(artifacts, LeanNlpArtifacts)


def test_windows_line_endings_give_the_same_detections_at_the_same_offsets(engine: PIIEngine) -> None:
    text = ("Please send a new card to 1987 74 Diakou Street\n Suite 680\n Kissousa\n Cyprus 36903? "
            "I am in Limassol.\nThe address of Persint is 6750 Koskikatu 25 Apt. 864\nArtilleros\n, CO\n Uruguay 64677")
    windows = text.replace("\n", "\r\n")
    for blocks in (False, True):
        [unix] = engine.analyze_batch([text], entities=engine.supported_entities(), address_blocks=blocks)
        [crlf] = engine.analyze_batch([windows], entities=engine.supported_entities(), address_blocks=blocks)
        assert [(d.type, text[d.start:d.end]) for d in unix] == \
            [(d.type, windows[d.start:d.end].replace("\r\n", "\n")) for d in crlf]


@pytest.mark.parametrize(("text", "people"), [
    ("The bus station is on Villacher Strasse 89", []),  # the tagger's "person" is a street
    ("They had 3 kids: Gaetane, Hannah, Derek and Anna.", ["Gaetane", "Hannah", "Derek", "Anna"]),
    ("Estonia was super fun to visit!", []),  # the tagger's "person" is a place
])
def test_a_call_for_people_only_gets_the_type_rules_of_every_name_type(engine: PIIEngine, text: str, people) -> None:
    [only_people] = engine.analyze_batch([text], entities=frozenset({"PERSON"}))
    [every_type] = engine.analyze_batch([text], entities=engine.supported_entities())
    assert [text[d.start:d.end] for d in only_people] == people
    assert [text[d.start:d.end] for d in every_type if d.type == "PERSON"] == people

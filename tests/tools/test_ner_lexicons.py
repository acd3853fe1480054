"""The Faker-derived lexicons the PII engine ships are what tools/ner/lexicons.py makes from
the installed Faker: the script is their source, not a hand edit."""

from __future__ import annotations

import pytest

from filters.pii.recognizers.lexicon import lexicon
from tools.ner import lexicons as build


@pytest.mark.parametrize(("name", "generate"), [
    ("legal_forms", build.legal_forms),
    ("street_prefixes", build.street_prefixes),
    ("street_endings", build.street_endings),
])
def test_shipped_lexicon_comes_from_the_generator(name: str, generate) -> None:
    shipped = lexicon(name)
    assert shipped, f"{name}.txt is empty or missing"
    assert shipped <= generate()


def test_no_legal_form_is_an_everyday_code() -> None:
    assert not lexicon("legal_forms") & build._AMBIGUOUS_FORMS

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
    ("cyrillic_first_names", build.cyrillic_first_names),
])
def test_shipped_lexicon_comes_from_the_generator(name: str, generate) -> None:
    shipped = lexicon(name)
    assert shipped, f"{name}.txt is empty or missing"
    assert shipped <= generate()


def test_no_legal_form_is_an_everyday_code() -> None:
    assert not lexicon("legal_forms") & build._AMBIGUOUS_FORMS


@pytest.mark.parametrize(("latin", "cyrillic"), [("Yerlan", "Ерлан"), ("Aigerim", "Айгерим"), ("Zhanibek", "Жанибек"),
                                                 ("Nursultan", "Нурсултан"), ("Shakhnoza", "Шахноза")])
def test_central_asian_names_are_listed_in_cyrillic_too(latin: str, cyrillic: str) -> None:
    assert build.gz.to_cyrillic(latin) == cyrillic
    assert cyrillic in lexicon("cyrillic_first_names")

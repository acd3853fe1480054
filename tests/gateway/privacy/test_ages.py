"""The shipped consent-age table matches the shared facts, with the strict choices."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from gateway.privacy.ages import DEFAULT_AGE, ConsentAges

SHARED = Path(__file__).resolve().parents[4] / "shared" / "data" / "gdpr_art8_digital_consent_ages.csv"


def test_shipped_table_loads_with_the_strict_choices():
    ages = ConsentAges.for_config(None)
    assert ages.age_for("US") == 13  # COPPA
    assert ages.age_for("de") == 16 and ages.age_for("FR") == 15 and ages.age_for("AT") == 14
    assert ages.age_for("LT") == 16  # disputed 14/16: strict
    assert ages.age_for("SI") == 16 and ages.age_for("IS") == 16  # unverified: GDPR default
    assert ages.age_for("ZZ") == DEFAULT_AGE == 16 and ages.age_for(None) == 16


@pytest.mark.skipif(not SHARED.is_file(), reason="shared data not present in this checkout")
def test_every_sourced_row_of_the_shared_facts_is_in_the_table():
    ages = ConsentAges.for_config(None)
    with SHARED.open() as handle:
        for row in csv.DictReader(handle):
            expected = 16 if row["status"] in ("CONFLICT", "UNVERIFIED") else int(row["age"])
            assert ages.age_for(row["iso2"]) == expected, row["iso2"]


def test_a_bad_row_names_its_line(tmp_path):
    (tmp_path / "consent_ages.csv").write_text("iso2,age\nUS,13\nXX,twelve\n")
    with pytest.raises(ValueError, match="line 3"):
        ConsentAges.for_config(tmp_path)

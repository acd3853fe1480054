"""The age-of-digital-consent table (config/consent_ages.csv, sources in docs/consent-ages.md).
Unknown or missing countries get the GDPR default, 16: the strict end of Art. 8's range."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

DEFAULT_AGE = 16
TABLE_NAME = "consent_ages.csv"
_SHIPPED = Path(__file__).resolve().parents[2] / "config" / TABLE_NAME


@dataclass(frozen=True, slots=True)
class ConsentAges:
    ages: dict[str, int]
    default: int = DEFAULT_AGE

    def age_for(self, country: str | None) -> int:
        if not country:
            return self.default
        return self.ages.get(country.upper(), self.default)

    @classmethod
    def load(cls, path: Path) -> "ConsentAges":
        ages: dict[str, int] = {}
        with path.open(newline="", encoding="utf-8") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                code, age = (row.get("iso2") or "").strip().upper(), (row.get("age") or "").strip()
                if len(code) != 2 or not code.isalpha() or not age.isdigit() or not 13 <= int(age) <= 18:
                    raise ValueError(f"{path}: line {line}: needs iso2 (2 letters) and age (13 to 18)")
                ages[code] = int(age)
        return cls(ages)

    @classmethod
    def for_config(cls, config_dir: Path | None) -> "ConsentAges":
        """The table next to gateway.yaml when there is one, else the shipped table."""
        if config_dir is not None and (config_dir / TABLE_NAME).is_file():
            return cls.load(config_dir / TABLE_NAME)
        return cls.load(_SHIPPED)

"""Entity value samplers: Faker in many locales plus the hand-written gazetteers.

Every sampler takes the shared `random.Random` so that a seed fixes the whole data set.
Surface forms vary on purpose (lowercase, initials, titles, one-line and multi-line
addresses) because chat users write them all.
"""

from __future__ import annotations

import random
import re

from faker import Faker

from . import gazetteers as gz

NAME_LOCALES = [
    "en_US", "en_US", "en_US", "en_GB", "en_IE", "en_IN", "en_NG", "en_NZ", "en_KE", "en_PK",
    "de_DE", "de_AT", "de_CH", "fr_FR", "fr_CA", "es_ES", "es_MX", "es_AR", "es_CO", "it_IT",
    "pt_BR", "pt_PT", "pl_PL", "nl_NL", "nl_BE", "sv_SE", "fi_FI", "da_DK", "no_NO", "cs_CZ",
    "sk_SK", "hr_HR", "sl_SI", "hu_HU", "ro_RO", "tr_TR", "lt_LT", "lv_LV", "et_EE", "id_ID",
    "vi_VN", "az_AZ", "uz_UZ", "ga_IE", "is_IS", "yo_NG", "zu_ZA", "sw", "tw_GH", "ha_NG",
]
ADDRESS_LOCALES = [
    "en_US", "en_US", "en_US", "en_GB", "en_IE", "en_AU", "en_CA", "en_NZ", "en_IN", "en_PH",
    "de_DE", "de_AT", "de_CH", "fr_FR", "fr_CH", "es_ES", "es_MX", "es_AR", "es_CL", "es_CO",
    "it_IT", "pt_BR", "pt_PT", "pl_PL", "nl_NL", "nl_BE", "sv_SE", "fi_FI", "da_DK", "no_NO",
    "cs_CZ", "sk_SK", "hr_HR", "sl_SI", "hu_HU", "ro_RO", "tr_TR", "id_ID", "az_AZ", "en_MS",
]
ROMANIZED = ["ja_JP", "zh_CN", "zh_TW"]
_LATIN = re.compile(r"^[\w\s.,'\-/#№°()&]+$")


class Values:
    def __init__(self, rng: random.Random, seed: int) -> None:
        self.rng = rng
        self.fakers: dict[str, Faker] = {}
        for i, loc in enumerate(sorted(set(NAME_LOCALES + ADDRESS_LOCALES + ROMANIZED + ["ru_RU", "uk_UA"]))):
            f = Faker(loc)
            f.seed_instance(seed * 1000 + i)
            self.fakers[loc] = f

    def _f(self, locales: list[str]) -> Faker:
        return self.fakers[self.rng.choice(locales)]

    def first(self) -> str:
        r = self.rng.random()
        if r < 0.06:
            return self.fakers[self.rng.choice(ROMANIZED)].first_romanized_name()
        if r < 0.09:
            return self.fakers[self.rng.choice(["ru_RU", "uk_UA"])].first_name()
        return self._f(NAME_LOCALES).first_name()

    def last(self) -> str:
        r = self.rng.random()
        if r < 0.06:
            return self.fakers[self.rng.choice(ROMANIZED)].last_romanized_name()
        if r < 0.09:
            return self.fakers[self.rng.choice(["ru_RU", "uk_UA"])].last_name()
        return self._f(NAME_LOCALES).last_name()

    def person(self) -> str:
        r = self.rng.random()
        if r < 0.62:
            name = f"{self.first()} {self.last()}"
        elif r < 0.72:
            name = f"{self.first()} {self.first()} {self.last()}"
        elif r < 0.78:
            name = f"{self.first()} {self.first()[0]}. {self.last()}"
        elif r < 0.82:
            name = f"{self.first()[0]}. {self.last()}"
        elif r < 0.86:
            name = f"{self.first()} {self.last()}-{self.last()}"
        elif r < 0.90:
            f = self._f(NAME_LOCALES)
            name = f"{f.first_name()} {f.last_name()}"
        elif r < 0.95:
            name = f"{self.last()} {self.first()}"
        else:
            name = self.first()
        return name

    def city(self) -> str:
        r = self.rng.random()
        if r < 0.45:
            return self.rng.choice(gz.CITIES_EXTRA)
        for _ in range(5):
            c = self._f(ADDRESS_LOCALES).city()
            if _LATIN.match(c):
                return c
        return self.rng.choice(gz.CITIES_EXTRA)

    def country(self) -> str:
        if self.rng.random() < 0.5:
            return self.rng.choice(gz.COUNTRIES_EXTRA)
        return self.fakers["en_US"].country()

    def gpe(self) -> str:
        r = self.rng.random()
        if r < 0.5:
            return self.city()
        if r < 0.85:
            return self.country()
        if r < 0.95:
            return self.rng.choice(gz.REGIONS)
        return self.fakers["en_US"].state()

    def street(self) -> str:
        if self.rng.random() < 0.12:
            return self._kz_street()
        return self._f(ADDRESS_LOCALES).street_address()

    def _kz_street(self) -> str:
        name = self.rng.choice(["Abay", "Abaya", "Dostyk", "Tole Bi", "Satpayev", "Zhibek Zholy",
                                "Lenina", "Pushkina", "Tverskaya", "Kabanbay Batyr", "Nauryzbay",
                                "Al-Farabi", "Mira", "Gagarina", "Sovetskaya", "Raiymbek"])
        kind = self.rng.choice(["Avenue", "Ave.", "Street", "St.", "ul.", "pr.", "mkr."])
        num = self.rng.randint(1, 300)
        apt = self.rng.choice(["", f", apt. {self.rng.randint(1, 200)}", f", kv. {self.rng.randint(1, 200)}",
                               f" {self.rng.randint(1, 9)}/{self.rng.randint(1, 99)}"])
        if kind in ("ul.", "pr.", "mkr."):
            return f"{kind} {name} {num}{apt}"
        return f"{num} {name} {kind}{apt}" if self.rng.random() < 0.5 else f"{name} {kind} {num}{apt}"

    def address(self) -> str:
        r = self.rng.random()
        if r < 0.55:
            f = self._f(ADDRESS_LOCALES)
            addr = f.address()
        elif r < 0.75:
            addr = f"{self.street()}\n{self.city()}"
            if self.rng.random() < 0.5:
                addr += f" {self.rng.randint(10000, 99999)}"
        else:
            addr = self.street()
        if self.rng.random() < 0.25:
            addr += "\n" + self.country()
        return self._join(addr)

    def _join(self, addr: str) -> str:
        sep = self.rng.choice(["\n", "\n", ", ", " ", "\n ", ",\n", "; "])
        lines = [ln.strip() for ln in addr.split("\n") if ln.strip()]
        return sep.join(lines)

    def org(self) -> str:
        r = self.rng.random()
        if r < 0.2:
            return self.rng.choice(gz.ORG_EXTRA)
        if r < 0.35:
            return self.school()
        for _ in range(5):
            c = self._f(ADDRESS_LOCALES).company()
            if _LATIN.match(c):
                return c
        return self.fakers["en_US"].company()

    def school(self) -> str:
        kind = self.rng.choice(gz.SCHOOL_KINDS)
        r = self.rng.random()
        if r < 0.3:
            base = self.rng.choice(gz.SCHOOL_PATRONS)
        elif r < 0.55:
            base = self.rng.choice(gz.SCHOOL_ADJ)
        elif r < 0.75:
            base = self.city()
        elif r < 0.85:
            return f"School No. {self.rng.randint(1, 200)}" if self.rng.random() < 0.5 else \
                f"School #{self.rng.randint(1, 200)}"
        else:
            base = self.last()
        if kind == "University" and self.rng.random() < 0.5:
            return f"University of {self.city()}"
        return f"{base} {kind}"

    def nrp(self) -> str:
        r = self.rng.random()
        if r < 0.6:
            return self.rng.choice(gz.NATIONALITIES)
        if r < 0.7:
            return self.rng.choice(gz.MULTIWORD_NRP)
        if r < 0.88:
            return self.rng.choice(gz.RELIGIONS)
        return self.rng.choice(gz.POLITICAL)

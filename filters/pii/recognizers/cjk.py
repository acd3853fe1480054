"""Addresses and firms written in Chinese, Japanese or Korean.

These scripts write an address as one run from the largest unit down, with no spaces
("北京市朝阳区建国路88号", "愛媛県町田市油井24丁目20番16号", "서울특별시 강남구 테헤란로 123"), and
a firm with its legal form joined to its name ("晖来网络有限公司", "株式会社中島ガス"). The
tagger never saw these scripts, and the English street patterns look for a street word
after a capitalised name; these patterns read the units themselves. A unit alone is no
address ("市场" is a market): a street needs its number or building, or two units before it.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from .windows import Anchor, WindowedPatternRecognizer

_HAN = r"\p{Han}"
# A sentence's own words before an address or a firm: "我住在" of "我住在北京市...".
_SENTENCE_CHARS = "我你他她它您们們在住到去从從的是了也就给給對对跟與与"
_NOT_OPENING = rf"(?![{_SENTENCE_CHARS}])"
_DIGITS = r"[0-9０-９]"
# Province, city, county, district, town: each a name and its unit word.
_CN_UNIT = rf"{_HAN}{{1,6}}?(?:省|自治区|自治區|市|县|縣|区|區|镇|鎮|乡|鄉)"
_CN_STREET = rf"{_HAN}{{1,8}}?(?:大道|大街|路|街|巷|弄|胡同)"
_CN_NUMBER = rf"{_DIGITS}{{1,5}}(?:号|號)(?:之{_DIGITS}{{1,3}})?"
_CN_BUILDING = rf"(?:[0-9A-Za-z０-９]{{1,4}}(?:座|栋|棟|幢|号楼|號樓|楼|樓|单元|單元|室|层|層))"
# Prefecture, then city, ward, district, town or village, then the block's numbers.
_JP_UNITS = rf"(?:{_HAN}{{2,3}}[都道府県])?(?:[{_HAN}\p{{Katakana}}ヶケ]{{1,6}}?[市区郡町村]){{1,3}}"
_JP_BLOCK = (rf"[{_HAN}\p{{Katakana}}ヶケ]{{0,6}}?(?:{_DIGITS}{{1,3}}|[一二三四五六七八九十]{{1,3}})丁目"
             rf"(?:{_DIGITS}{{1,4}}番地?)?(?:{_DIGITS}{{1,4}}号)?"
             rf"|[{_HAN}\p{{Katakana}}ヶケ]{{0,6}}?{_DIGITS}{{1,4}}(?:[-−ー－]{_DIGITS}{{1,4}}){{1,2}}")
# Province or metropolitan city, city, district, then a road and its building number.
_KR_UNIT = r"\p{Hangul}{1,8}(?:특별시|광역시|특별자치시|특별자치도|도|시|군|구)"
_KR_ROAD = r"[\p{Hangul}0-9]{1,10}(?:로|길|가|대로)[ \t]?[0-9]{1,5}(?:-[0-9]{1,4})?(?![0-9])"

_LEGAL_BEFORE = "株式会社|有限会社|合同会社|合資会社|合名会社"
_LEGAL_AFTER = f"股份有限公司|有限责任公司|有限責任公司|有限公司|{_LEGAL_BEFORE}|集团|集團"
_FIRM_NAME = rf"(?:{_NOT_OPENING}[\p{{Han}}\p{{Katakana}}\p{{Hiragana}}ー])"  # none of the sentence's words
_KR_LEGAL = r"주식회사|유한회사|\(주\)|\(유\)|㈜"

ADDRESS_PATTERNS = [
    Pattern("Chinese street and number or building",
            rf"{_NOT_OPENING}(?:{_CN_UNIT})*{_CN_STREET}(?:{_CN_NUMBER}{_CN_BUILDING}*|{_CN_BUILDING}+)", 0.65),
    Pattern("Chinese units and street", rf"{_NOT_OPENING}(?:{_CN_UNIT}){{2,}}{_CN_STREET}", 0.6),
    Pattern("Japanese units and block", rf"{_JP_UNITS}(?:{_JP_BLOCK})", 0.65),
    Pattern("Korean units and road", rf"(?:{_KR_UNIT}[ \t]?){{0,3}}{_KR_ROAD}", 0.6),
]
FIRM_PATTERNS = [
    Pattern("legal form after the name", rf"(?:{_LEGAL_BEFORE}){_FIRM_NAME}{{1,12}}", 0.7),
    Pattern("legal form before the name", rf"{_FIRM_NAME}{{1,12}}?(?:{_LEGAL_AFTER})", 0.7),
    Pattern("Korean legal form", rf"(?:{_KR_LEGAL})[ \t]?[\p{{Hangul}}A-Za-z]{{1,12}}|\p{{Hangul}}{{1,12}}[ \t]?(?:주식회사|유한회사)",
            0.7),
]
# A firm's legal form in these scripts: what the type rules read to keep it a firm.
FIRM_FORM = re.compile(rf"{_LEGAL_AFTER}|{_KR_LEGAL}")


class _ScriptUnits(WindowedPatternRecognizer):
    """Nothing to read in ASCII text, which most prompts are: one test instead of a scan."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: D102, ANN001
        return [] if text.isascii() else super().analyze(text, entities, nlp_artifacts, regex_flags)


class CJKAddressRecognizer(_ScriptUnits):
    ANCHOR = Anchor(re.compile(r"[路街巷弄号號座栋棟楼樓室丁目番로길가]"), before=60, after=20)

    def __init__(self) -> None:
        super().__init__(supported_entity="STREET_ADDRESS", name="CJKAddressRecognizer",
                         patterns=ADDRESS_PATTERNS, context=["address", "live", "deliver", "ship", "住", "地址"])


class CJKFirmRecognizer(_ScriptUnits):
    ANCHOR = Anchor(re.compile(r"公司|会社|集[团團]|회사|\([주유]\)|㈜"), before=40, after=40)

    def __init__(self) -> None:
        super().__init__(supported_entity="ORGANIZATION", name="CJKFirmRecognizer", patterns=FIRM_PATTERNS)

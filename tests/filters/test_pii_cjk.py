"""Addresses and firms in Chinese, Japanese and Korean script (filters/pii/recognizers/cjk.py):
read off their own units, through the whole engine."""

from __future__ import annotations

import pytest

from filters.pii import PIIEngine
from tests.support.pii import typed


@pytest.mark.parametrize(("text", "address"), [
    ("我住在北京市朝阳区建国路88号。", "北京市朝阳区建国路88号"),
    ("Our new address is 兴安盟路B座.", "兴安盟路B座"),
    ("25979 橫山大安路978號之6", "25979 橫山大安路978號之6"),
    ("I live at 江苏省淑华市永川罗街I座", "江苏省淑华市永川罗街I座"),
    ("Send it to 愛媛県町田市油井24丁目20番16号 please.", "愛媛県町田市油井24丁目20番16号"),
    ("Our office: 서울특별시 강남구 테헤란로 123", "서울특별시 강남구 테헤란로 123"),
])
def test_an_address_is_read_from_its_units_without_the_sentence_around_it(engine: PIIEngine, text: str,
                                                                          address: str) -> None:
    assert ("STREET_ADDRESS", address) in typed(engine, text)


@pytest.mark.parametrize("text", [
    "我们讨论了城市道路和市场。",  # a city's roads and a market: units with no number or building
    "这条路很长。",  # "this road is long"
    "東京は大きい都市です。",  # "Tokyo is a big city"
])
def test_a_unit_word_alone_is_no_address(engine: PIIEngine, text: str) -> None:
    assert not any(kind == "STREET_ADDRESS" for kind, _ in typed(engine, text))


@pytest.mark.parametrize(("text", "firm"), [
    ("My uncle quit 有限会社斎藤電気 last year.", "有限会社斎藤電気"),
    ("I have an interview with 株式会社中島ガス tomorrow.", "株式会社中島ガス"),  # "with" cues a person
    ("The sponsor is 晖来计算机网络有限公司.", "晖来计算机网络有限公司"),
    ("我爸爸在华为技术有限公司工作。", "华为技术有限公司"),  # "my dad at" is no part of it
    ("My company is 유한회사 라온솔루션.", "유한회사 라온솔루션"),
])
def test_a_firm_with_its_legal_form_is_a_firm_whatever_cues_a_person(engine: PIIEngine, text: str,
                                                                      firm: str) -> None:
    found = typed(engine, text)
    assert ("ORGANIZATION", firm) in found
    assert not any(kind == "PERSON" for kind, _ in found)

"""What a pupil or a learner asks about is no one's personal data (filters/pii/everyday_names.py):
holidays, planets, languages, a lesson's numbered parts, clock times and sums; and the people
beside them are still found."""

from __future__ import annotations

import pytest

from filters.pii import PIIEngine
from filters.pii.everyday_names import (acronym_in_prose, dates_only, end_before_time, in_the_sky, is_equation,
                                        is_holiday, looks_like_code, month_day, numbered_part, public_figure,
                                        template_variable, world_region)
from tests.support.pii import typed

def on_span(test, text: str, span: str) -> bool:  # noqa: ANN001 - a test of (text, start, end)
    """A test of a span, asked of the first place `span` stands in `text`."""
    start = text.index(span)
    return test(text, start, start + len(span))


# Types the reference tenants redact by placeholder: none of them may appear in these prompts.
REDACTED = {"PERSON", "STREET_ADDRESS", "SCHOOL", "USERNAME", "PHONE_NUMBER", "ID_NUMBER"}


NOTHING_REDACTED = [
    ("a holiday", "What do Muslims celebrate during Ramadan?"),
    ("a holiday greeting", "Merry Christmas and a Happy New Year!"),
    ("a holiday in Russian", "Когда празднуют Наурыз?"),
    ("a holiday with its day", "Make a Valentine's Day card message."),
    ("a two-word holiday greeting", "Eid Mubarak to all my classmates!"),
    ("planets in a list", "Name the planets: Mercury, Venus, Earth, Mars, Jupiter, Saturn, Uranus and Neptune."),
    ("a planet where the sky is spoken of", "Is Pluto still a planet?"),
    ("the Moon", "Why does the Moon change shape?"),
    ("a law named after someone", "What is the Doppler effect?"),
    ("a cycle named after someone", "How does the Krebs cycle work?"),
    ("a language after a verb of speaking", "I speak French and a little German."),
    ("a language after 'in'", 'What is the past tense of "go" in French?'),
    ("a language before 'grammar'", "Correct my Russian grammar: я хочу пить."),
    ("a language before 'essay'", "Can you check my French essay about my summer holidays?"),
    ("a lesson's unit", "Unit 4 Review: Food and Drinks"),
    ("a grade", "Create a quiz about the Solar System for Grade 5."),
    ("a page", "Page 45, task 3 please"),
    ("a chapter", "Chapter 7 covers exponents and logarithms."),
    ("a room number alone", "Room 204 is on the second floor."),
    ("a clock time", "The meeting is on Friday at 3 PM."),
    ("a clock time with minutes and a word after it", "Class starts at 9:15 AM sharp."),
    ("an equation", "Solve 3x + 5 = 20."),
    ("a system of equations", "x = 4 and y = 7, find x + y."),
    ("a hexadecimal error code", "Error code 0x80070005 appears when I install updates."),
    ("a function's definition", 'def greet(name): return f"Hello {name}"'),
    ("a call in Java", 'public static void main(String[] args) { System.out.println("Hi"); }'),
    ("a tag's text", '<div class="header"><h1>Welcome</h1></div>'),
    ("a style sheet's property", "font-size: 16px; margin: 0 auto; color: #333333;"),
    ("a complexity", "The Big-O of binary search is O(log n)."),
    ("a phone's model", "Compare the iPhone 15 and the Samsung Galaxy S24."),
    ("a landmark named after a town", "Why did the Berlin Wall come down?"),
    ("a sea", "Tell me about the Aral Sea."),
    ("an AI assistant spoken to", "Hey ChatGPT, can you help me with my homework?"),
    ("a dish named after someone", "Give me a recipe for a Caesar salad and Alfredo sauce."),
    ("a school year in Kazakh", "мен 7 сыныпта оқимын"),
    ("a language after a verb of learning, and one beside it", "Should I learn Julia or Rust for scientific computing?"),
    ("a framework", "Explain Ruby on Rails migrations to a beginner."),
    ("tools beside each other", "How do I deploy a Django app with Jenkins and Ansible?"),
    ("languages' versions", "What's new in Swift 6 and Kotlin 2?"),
    ("a hierarchy named after someone", "Explain Maslow's hierarchy of needs."),
    ("a school year in Russian", "Я учусь в 10-м классе, помоги с алгеброй."),
]

# What a customer or a pupil writes with no one's data in it: nothing at all may be found.
NOTHING_FOUND = [
    ("weekdays in the plural", "I usually pay my bills on Mondays and Thursdays."),
    ("a continent", "Can I use my card in Europe without extra fees?"),
    ("two-word continents", "We ship to North America and Latin America only."),
    ("a continent that is a first name, after 'in'", "My card was blocked after I used it in Asia."),
    ("a holiday's eve", "Is Christmas Eve a bank holiday?"),
    ("a new year's eve", "Any ideas for a unique New Year's Eve celebration?"),
    ("acronyms the tagger took for a name", "What's the difference between HSA and FSA?"),
    ("a template's blanks", "The corner of {street_name} and {street_name}"),
    ("a template's blanks in capitals", "THE CORNER OF {STREET_NAME} AND {STREET_NAME}"),
    ("an age pretended to", "Explain photosynthesis like I'm five."),
    ("an age pretended to, in digits", "Explain it to me as if I am 5."),
]


@pytest.mark.parametrize(("case", "text"), NOTHING_FOUND, ids=[c for c, _ in NOTHING_FOUND])
def test_everyday_phrases_hold_no_personal_data(engine: PIIEngine, case: str, text: str) -> None:
    assert typed(engine, text) == set()


@pytest.mark.parametrize(("case", "text"), NOTHING_REDACTED, ids=[c for c, _ in NOTHING_REDACTED])
def test_what_a_learner_asks_about_is_not_redacted(engine: PIIEngine, case: str, text: str) -> None:
    assert {(kind, value) for kind, value in typed(engine, text) if kind in REDACTED} == set()


STILL_FOUND = [
    ("a month named by a kin word", "My sister June is 9 years old.", ("PERSON", "June")),
    ("a surname that is a word, after a title", "Mr. Sun is our maths teacher.", ("PERSON", "Sun")),
    ("a surname that is a word, before 'family'", "Eid Mubarak from the Khan family!", ("PERSON", "Khan")),
    ("a planet's name as a surname", "Ask Julian Mars about the project.", ("PERSON", "Julian Mars")),
    ("a holiday's name as a first name", "My name is Christmas Jones.", ("PERSON", "Christmas Jones")),
    ("a Russian short name in Latin letters", "The Russian girl in my class is Dasha.", ("PERSON", "Dasha")),
    ("a phone number before a time", "Call me on +7 701 234 5678 after 5 pm.", ("PHONE_NUMBER", "+7 701 234 5678")),
    ("a street before a time", "Meet me at 221B Baker Street at 3 PM.", ("STREET_ADDRESS", "221B Baker Street")),
    ("a flat's number before its street", "Flat 3, 27 Church Road, London", ("STREET_ADDRESS", "Flat 3, 27 Church Road")),
    ("a house's number after 'No.'", "We live at No. 12, the blue house.", ("STREET_ADDRESS", "No. 12")),
    ("a person's own test", "Tom's test is on Friday, can you help him?", ("PERSON", "Tom")),
    ("a nationality before a person", "He is a French citizen named Pierre Dubois.", ("PERSON", "Pierre Dubois")),
    ("a tutor after a language", "I speak English with my tutor Olga Ivanova.", ("PERSON", "Olga Ivanova")),
    ("a nickname in brackets", "Maria (Masha) Ivanova is my friend.", ("PERSON", "Masha")),
    ("a hyphenated first name in lowercase", "my friend ana-maria is here", ("PERSON", "ana-maria")),
    ("a name before a possessive dish", "Make Lily's salad for lunch.", ("PERSON", "Lily")),
    ("a tool's name as a person's", "Julia helped me debug my code.", ("PERSON", "Julia")),
    ("a tool's name after a kin word", "My friend Ruby uses Python.", ("PERSON", "Ruby")),
    ("a tool's name beside a person's", "Ruby and Tom are my friends.", ("PERSON", "Ruby")),
    ("a continent's name as a first name", "Asia will pick me up at noon.", ("PERSON", "Asia")),
    ("a holiday's last word as a first name", "My friend Eve is coming.", ("PERSON", "Eve")),
    ("a name in capitals on a form", "Name: IRA", ("PERSON", "IRA")),
    ("a first name in capitals in prose", "I told MIA about it.", ("PERSON", "MIA")),
    ("a first name in capitals after a kin word", "my sister ANA is annoying", ("PERSON", "ANA")),
    ("a first name in capitals after a greeting", "Dear ALEX, thanks for the help.", ("PERSON", "ALEX")),
    ("a name's suffix in capitals", "My partner Veronica Sanchez MD will read it.", ("PERSON", "Veronica Sanchez")),
    ("one's own age", "I'm five and I like dogs.", ("AGE", "five")),
    ("one's own age after 'like,'", "Like, I'm 12 and bored.", ("AGE", "12")),
]


@pytest.mark.parametrize(("case", "text", "expected"), STILL_FOUND, ids=[c for c, *_ in STILL_FOUND])
def test_the_people_and_places_beside_them_are_still_found(engine: PIIEngine, case: str, text: str, expected) -> None:
    kind, value = expected
    assert any(k == kind and value in v for k, v in typed(engine, text)), typed(engine, text)


def test_a_lowercase_surname_after_a_title_ends_before_the_pronoun_after_it(engine: PIIEngine) -> None:
    text = "our class teacher mr o'brien gave us a test"
    assert {v for k, v in typed(engine, text) if k == "PERSON"} == {"o'brien"}


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("during Ramadan", "Ramadan", True),
    ("Eid Mubarak!", "Mubarak", True),
    ("on Christmas Eve", "Christmas", True),
    ("on Christmas Eve", "Eve", True),
    ("on New Year's Eve", "Eve", True),
    ("my friend Eve", "Eve", False),
    ("Christmas Jones", "Jones", False),
    ("my friend Easton", "Easton", False),
])
def test_a_holiday_is_read_with_the_word_beside_it(text: str, span: str, expected: bool) -> None:
    assert on_span(is_holiday, text, span) is expected


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("Mercury and Venus", "Venus", True),
    ("Is Pluto a planet?", "Pluto", True),
    ("Venus Williams won", "Venus", False),
    ("Ask Mars about it", "Mars", False),
])
def test_a_planet_is_sky_only_beside_another_or_where_the_sky_is_spoken_of(text: str, span: str, expected: bool) -> None:
    assert in_the_sky(text, span) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Unit 4", True), ("Grade 5", True), ("pages 4-6", True), ("Lesson 3 and 4", True), ("Room 204", True),
    ("Unit 4, 12 High Street", False), ("12 High Street", False), ("Baker Street 5", False),
])
def test_a_numbered_part_is_the_whole_span_with_no_address_after_it(text: str, expected: bool) -> None:
    end = len(text) if "," not in text else text.index(",")
    assert numbered_part(text, 0, end) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("3 PM", ""), ("221B Baker Street at 3 PM", "221B Baker Street"), ("9:15 AM sharp", ""),
    ("7 701 234 5678 after 5 pm", "7 701 234 5678"), ("12 Amber Lane", "12 Amber Lane"), ("5 Pmoor Road", "5 Pmoor Road"),
])
def test_a_time_of_day_is_cut_off_an_address(text: str, expected: str) -> None:
    assert text[:end_before_time(text, 0, len(text))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("3x + 5 = 20", True), ("a + b", True), ("12-14 High Street", False), ("8FVC9G8F+6X", False), ("12/3 Main St", False),
])
def test_an_equation_holds_an_equals_sign_or_a_spaced_operator(text: str, expected: bool) -> None:
    assert is_equation(text) is expected


@pytest.mark.parametrize(("span", "expected"), [
    ("Albert Einstein", True), ("Einstein's", True), ("Marie  Curie", True), ("Napoleon", True), ("Пушкин", True),
    ("Пушкина", True), ("Толстого", True), ("Newton", False), ("Lincoln", False), ("Abai", False), ("Albert", False),
    ("Maria Garcia", False), ("Иванова", False), ("Маша", False),
])
def test_a_public_figure_is_a_listed_full_name_or_a_name_no_classmate_carries(span: str, expected: bool) -> None:
    assert public_figure(span) is expected


def test_public_figures_are_reported_unless_the_call_keeps_them(engine: PIIEngine) -> None:
    text = "Me and Noah Carter wrote about Marie Curie and Shakespeare."
    people = {"PERSON"}
    [reported] = engine.analyze_batch([text], entities=people)
    [kept] = engine.analyze_batch([text], entities=people, keep_public_figures=True)
    assert {text[d.start:d.end] for d in reported} == {"Noah Carter", "Marie Curie", "Shakespeare"}
    assert {text[d.start:d.end] for d in kept} == {"Noah Carter"}


@pytest.mark.parametrize(("text", "people"), [
    ("Tell me about Albert Einstein.", set()),  # its part "Albert" goes with it
    ("My classmate Albert Einstein is funny.", {"Albert Einstein"}),
    ("Hi, I'm Marie Curie and I'm 12.", {"Marie Curie"}),
    ("Mr. Einstein is our maths teacher.", {"Einstein"}),
])
def test_a_kept_public_figure_is_one_asked_about_not_one_in_the_users_life(engine: PIIEngine, text, people) -> None:
    [kept] = engine.analyze_batch([text], entities={"PERSON"}, keep_public_figures=True)
    assert {text[d.start:d.end] for d in kept} == people


@pytest.mark.parametrize(("span", "expected"), [
    ("def greet(name", True), ("<h1>Welcome</h1", True), (r"Users\Public\Desktop", True), ("/Users", True),
    ("Users/sarah.connor/app.py", True), ("cd ~/Desktop && ls /Users", True), ("Users/", True),
    ("Maria (Masha) Ivanova", False), ("Anna/Maria", False), ("> Kristina Bauer", False), ("St. Mary's", False),
])
def test_pasted_code_and_paths_are_no_name(span: str, expected: bool) -> None:
    assert looks_like_code(span) is expected


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("Noah (Mar 3)", "Mar", True), ("due Sept. 30", "Sept.", True), ("on June 12th", "June", True),
    ("My sister May is 9", "May", False), ("Mar Abrams", "Mar", False), ("Jun 12:30", "Jun", False),
])
def test_a_month_is_a_date_with_a_days_number_after_it(text: str, span: str, expected: bool) -> None:
    assert on_span(month_day, text, span) is expected


@pytest.mark.parametrize(("span", "expected"), [
    ("Mar 3), Noah (Jun 12), Ava", True), ("Ava (Sep 30", True), ("12 Jun Street", False), ("Flat 3, Mar 4", False),
    ("Noah and Ava", False),
])
def test_a_span_whose_numbers_are_all_days_of_months_is_dates_only(span: str, expected: bool) -> None:
    assert dates_only(span) is expected


def test_a_birthday_list_names_its_people_and_no_address(engine: PIIEngine) -> None:
    text = "Birthday list: Emma (Mar 3), Noah (Jun 12), Ava (Sep 30)"
    assert typed(engine, text) == {("PERSON", "Emma"), ("PERSON", "Noah"), ("PERSON", "Ava")}


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("we ship to Europe", "Europe", True),
    ("WE SHIP TO NORTH AMERICA", "NORTH AMERICA", True),
    ("prices in Latin America", "America", True),
    ("I moved to Asia", "Asia", True),
    ("Asia will call you", "Asia", False),
    ("I moved to America", "America", False),
])
def test_a_continent_is_a_region_a_first_name_one_only_after_a_word_of_place(text: str, span: str, expected: bool) -> None:
    assert on_span(world_region, text, span) is expected


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("What is an HSA for?", "HSA", True),
    ("Should I move my IRA to a fund?", "IRA", False),  # a first name too: left a person
    ("I told MIA about it.", "MIA", False),
    ("Name: IRA", "IRA", False),  # a form's value
    ("Agatha Smith\nEBEN\nAustria", "EBEN", False),  # a line of an address block
    ("My partner Veronica Sanchez MD will read it.", "MD", False),  # a name's suffix
    ("I TOLD IRA ABOUT IT", "IRA", False),  # a shouted text's word
    ("Should I move my Ira to a fund?", "Ira", False),
])
def test_an_acronym_is_two_to_four_capitals_in_lowercase_prose(text: str, span: str, expected: bool) -> None:
    assert on_span(acronym_in_prose, text, span) is expected


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("The corner of {street_name}", "street_name", True),
    ("Dear {{FIRST_NAME}},", "FIRST_NAME", True),
    ("Dear {Anna},", "Anna", True),
    ("Dear Anna,", "Anna", False),
    ("{Anna Smith}", "Anna Smith", False),  # not one identifier
])
def test_a_template_variable_is_an_identifier_in_braces(text: str, span: str, expected: bool) -> None:
    assert on_span(template_variable, text, span) is expected

"""Names written in their own script inside English sentences (filters/pii/retype_names.py):
Cyrillic, Greek and Armenian, whose capitals the tagger never saw among English words, and
scripts without capitals, where the sentence alone says what a run of words is."""

from __future__ import annotations

import pytest

from filters.pii import PIIEngine
from tests.support.pii import typed


@pytest.mark.parametrize(("text", "name"), [
    ("Remind Модест Соловьев to bring the permission slip.", "Модест Соловьев"),
    ("Invite Галиян Бобев and her kids too.", "Галиян Бобев"),
    ("Thank you so much, Εφραίμ!", "Εφραίμ"),
    ("Ινώ keeps interrupting me in class.", "Ινώ"),
    ("Is Λυγερή coming to the game?", "Λυγερή"),
    ("Without Սեդա Դոխոլյան we would have lost.", "Սեդա Դոխոլյան"),
    ("Write a thank-you note to Ратибор Михайлова for the flowers.", "Ратибор Михайлова"),  # "to" is no place here
    ("I think Σταυρούλα has my charger.", "Σταυρούλα"),  # the tagger's place
    ("Can Филимон Чернова sleep over on Saturday?", "Филимон Чернова"),  # two capitalised words, no cue
    ("Can Хома sleep over?", "Хома"),  # one word, before what only a person does
    ("Will Айдана join us tomorrow?", "Айдана"),
    ("Does Святополк still live near the park?", "Святополк"),  # "does" asks about a person here
])
def test_a_capitalised_name_of_another_script_in_an_english_sentence_is_a_person(engine: PIIEngine, text: str,
                                                                                  name: str) -> None:
    assert ("PERSON", name) in typed(engine, text)


@pytest.mark.parametrize(("text", "name"), [
    ("Thank you so much, 康弘!", "康弘"),
    ("The award goes to 加奈青木 for outstanding effort.", "加奈青木"),
    ("Happy anniversary to ვიოლეტა ნემსაძე and Sam!", "ვიოლეტა ნემსაძე"),
    ("My best friend is რიტა თოფურია.", "რიტა თოფურია"),
    ("Grandpa 成龙 turns 80 tomorrow.", "成龙"),
    ("The new girl, רוני כהן, is really shy.", "רוני כהן"),
    ("Sorry พันเทพ แก้วชลคราม, I forgot your book.", "พันเทพ แก้วชลคราม"),  # the tagger's "Sorry พันเทพ"
    ("Is გელა ნიქაბაძე coming to the game?", "გელა ნიქაბაძე"),  # the whole name, not the tagger's part
    ("Last night رؤوف بنو ذي أصبح called me twice.", "رؤوف بنو ذي أصبح"),
])
def test_a_name_in_a_script_without_capitals_is_a_person_where_the_sentence_says_so(engine: PIIEngine, text: str,
                                                                                     name: str) -> None:
    assert ("PERSON", name) in typed(engine, text)


@pytest.mark.parametrize("text", [
    "How do I say Спасибо in a polite way?",
    "What does Привет mean?",
    'Write "Добрый день" in cursive.',
    "I love the song Калинка.",
    "I learned the word 学校 today.",
    "Is 猫 pronounced with a falling tone?",
    "The kanji 日本 means Japan.",
    # a learner's words of the language learnt, inside English sentences
    "寿司 is delicious.", "寿司 is my favourite food.", "I ate 寿司 yesterday with my family.", "Can I have some 饺子 please?",
    "My favourite food is 라면.", "We practised 你好 and 谢谢 in class.", "I want to eat 火锅 tonight.",
    "Our class visited the 博物館 last week.", "My homework is about 漢字.", "Today I cooked 김치 for dinner.",
    "I need help with my 作文.", "I got 100 on my 시험!", "He always forgets his 숙제.",
    "We watched Чебурашка in Russian class.", "She said привет to everyone.",
    # a phrase asked about whose last word the tagger kept, a language studied
    "How do I say Доброе Утро in English?", "Can you help me with Русский язык homework?",
    "The word Привет comes from an old verb.",
    "I love Английский and Казахский.", "My Қазақ тілі homework is hard.",
])
def test_a_word_of_another_script_that_is_studied_quoted_or_a_work_is_nobody(engine: PIIEngine, text: str) -> None:
    assert not any(kind == "PERSON" for kind, _ in typed(engine, text))


def test_a_surname_that_is_a_languages_word_is_still_a_person(engine: PIIEngine) -> None:
    assert ("PERSON", "Руслан Казахский") in typed(engine, "My friend Руслан Казахский is here.")


def test_a_cyrillic_place_the_lexicon_knows_stays_a_place_in_an_english_sentence(engine: PIIEngine) -> None:
    assert typed(engine, "I went to Москва with Маша last summer.") == {("LOCATION", "Москва"), ("PERSON", "Маша")}


def test_a_russian_sentence_keeps_its_own_rules(engine: PIIEngine) -> None:
    found = typed(engine, "Напомни Модесту Соловьеву принести разрешение.")
    assert ("PERSON", "Модесту Соловьеву") in found or {("PERSON", "Модесту"), ("PERSON", "Соловьеву")} <= found
    assert not any("Напомни" in value for _, value in found)  # a prompt's opening verb

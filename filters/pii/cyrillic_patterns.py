"""The patterns and word lists the type rules read in Russian, Ukrainian, Kazakh and Greek text.

Those scripts capitalise every name and nothing else but a sentence's first word, so a
capital there says more than in English, but the first word of every sentence and of every
prompt ("Напиши письмо") is capitalised too; children write names in lowercase ("мой брат
ерлан"); Kazakh spells names with letters Russian lacks ("Айгерім"). Re-exported by
name_patterns.py, whose names the rules use.
"""

from __future__ import annotations

import regex as re

# Cyrillic or Greek words all in lowercase ("мой адрес"): names there are capitalised.
CYRILLIC_GREEK_LOWER = re.compile(r"(?:[[\p{Script=Cyrillic}\p{Script=Greek}]&&\p{Ll}]|[\s.,'’-])+", re.V1)
CYRILLIC_GREEK = re.compile(r"[\p{Script=Cyrillic}\p{Script=Greek}]")
# A capitalised Cyrillic word after a preposition of place ("живу в Алматы", "из Шымкента"),
# or in Kazakh with a locative or ablative ending ("Астанада", "Алматыдан").
CYRILLIC_PLACE = re.compile(
    r"(?<![\p{L}])(?:[Вв]о?|[Ии]з|[Дд]о|[Оо]коло)\s+(\p{Lu}[\p{Ll}-]+(?:[ \t]+\p{Lu}[\p{Ll}-]+)?)(?![\p{L}])"
    r"|(?<![\p{L}])(\p{Lu}\p{Ll}+(?:да|де|нда|нде|дан|ден|тан|тен|нан|нен))(?![\p{L}])")  # not -та, -те: Russian

# Words that open a Russian, Kazakh or Greek sentence with a capital and are no name:
# pronouns, greetings, question words, kin words, conjunctions and prepositions.
CYRILLIC_GREEK_FUNCTION_WORDS = frozenset("""
я меня мне мной мой моя моё мое мои моего моей моих ты тебя тебе твой твоя твои он она оно они его её ее их
ему ей им мы нас нам наш наша наши вы вас вам ваш ваша ваши это этот эта эти тот та те привет здравствуйте
здравствуй добрый доброе доброй пока спасибо пожалуйста да нет как что где когда почему зачем кто какой
какая какие вот там тут здесь и а но или в во на из у к с со по о об для если потому уже ещё еще очень
сегодня завтра вчера мама папа брат сестра бабушка дедушка друг подруга учитель учительница можно
мен менің маған мені сен сенің саған ол оның оған біз біздің бізге сіз сіздің сізге сәлем сәлеметсіз
салем рахмет иә жоқ қалай не неге қайда қашан кім мұнда бұл осы және бірақ немесе анам әкем апам ағам
досым мұғалім бүгін ертең кеше
γεια είμαι με λένε και το τη η ο οι στο στη από για
""".split())

# Kazakh letters read as the Russian ones they sound like, and no soft sign, so that a name
# listed in Russian spelling ("Айгерим", "Асел") is found in Kazakh spelling ("Айгерім",
# "Әсел") and with a soft sign ("Асель"): the form `lexicons/cyrillic_first_names.txt` holds.
_KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ", "ьЬ")


def cyrillic_lookup_form(name: str) -> str:
    form = name.translate(_KAZAKH_TO_RUSSIAN)
    return form[:1].upper() + form[1:].lower()


# A Russian, Ukrainian or Kazakh surname's shape, in any case ("Чехов", "Чеховым",
# "Жуковская", "Нурланулы"): a town of that shape is a person's name as often.
_SURNAME_SHAPE = re.compile(r"(?i)(?:[оеё]в|[иы]н|ск|цк|ов|ев)(?:а|у|ым|ом|ой|е|ы|ых|ого|ому|ий|ая|ое|ую|ые)?$"
                            r"|(?:ұлы|улы|ули|қызы|кызы)$")
# A case ending a noun takes in a sentence ("Москву", "Казахстана", "Франции").
_CASE_ENDING = re.compile(r"(?:ого|ому|ым|ом|ой|ою|ей|ы|а|у|е|и|ю|я)$")


def surname_shaped(word: str) -> bool:
    return bool(_SURNAME_SHAPE.search(word))


def nominative_forms(word: str) -> tuple[str, ...]:
    """The forms a declined noun may have in a dictionary: the word itself, its stem, the stem
    with "-а", "-я", "-й", "-ой", "-ий" ("Москву" -> "Москва", "Франции" -> "Франция", "Китае"
    -> "Китай", "Толстого" -> "Толстой")."""
    m = _CASE_ENDING.search(word)
    if m is None:
        return (word,)
    stem = word[:m.start()]
    return (word, stem, stem + "а", stem + "я", stem + "й", stem + "ия", stem + "ой", stem + "ий")


# The verbs a Russian, Ukrainian or Kazakh prompt opens with ("Напиши письмо", "Помогите",
# "Түсіндірші"), capitalised as a sentence's first word: no name, though the tagger reads
# one. The forms of politeness ("-ите", "-йте", Kazakh "-шы/-ші", "-ңыз/-ңіз") are never names.
CYRILLIC_IMPERATIVES = frozenset("""
напиши помоги объясни переведи расскажи исправь проверь сделай дай покажи скажи придумай составь реши найди
опиши перескажи сократи перефразируй попробуй подскажи ответь назови приведи сравни продолжи создай сочини
запиши прочитай проанализируй улучши помогай давай посмотри представь допоможи поясни переклади розкажи
напомни позвони отправь передай пригласи поздравь спроси поблагодари принеси нагадай передзвони
виправ перевір зроби склади знайди жаз көмектес түсіндір аудар айт тексер түзет көрсет жаса
""".split())
CYRILLIC_POLITE_VERB = re.compile(r"(?:ите|йте|ьте|шы|ші|ңыз|ңіз)$")
# A kin word or role before a Cyrillic word ("мой брат ерлан", "с подругой асель", "досым
# дамир", "мой друг Милан"): capitalised, a name unless a town's; lowercase, a name when the
# Cyrillic name lexicon holds it, else unless it is a function word or has a verb's,
# adjective's or adverb's ending (`CYRILLIC_NOT_A_NAME`).
KIN_THEN_WORD_CYRILLIC = re.compile(
    r"(?<![\p{L}])(?:брат(?:а|у|ом|ик|ишка)?|сестр(?:а|ы|е|ой|ёнка|енка)|друг(?:а|у|ом)?|подруг(?:а|и|е|ой)"
    r"|мам(?:а|ы|е|ой)|пап(?:а|ы|е|ой)|бабушк(?:а|и|е|ой)|дедушк(?:а|и|е|ой)|сын(?:а|у)?|доч(?:ь|ка|ери)"
    r"|учительниц(?:а|ы|е)|учител(?:ь|я|ю)|одноклассни(?:к|ца|ка|цы)|сосед(?:ка|а)?|братан"
    r"|інім|ағам|әпкем|апам|досым|құрбым|сіңлім|қарындасым)[ \t]+(\p{L}[\p{Ll}-]{1,20})(?![\p{L}\d])")
CYRILLIC_NOT_A_NAME = re.compile(
    r"(?:[еёиуюая]т|[аяеиоы]л|л[аои]|ть|ться|с[яь]|[ыиоа]й|[аяое]я|[оеыи]е|[оеи]го|[оеи]му|[аяо]х|[ая]ми|о|ем|ом)$")
# A language a learner studies, in Russian or Kazakh ("Русский язык", "қазақ тілі",
# "Английский"): an adjective of a language, or one before "язык" / "тілі". No name.
CYRILLIC_LANGUAGE = re.compile(
    r"(?i)(?:русск|казахск|английск|немецк|французск|испанск|китайск|японск|корейск|итальянск|турецк"
    r"|арабск|украинск|узбекск|кыргызск|татарск|латинск)\p{L}*(?:[ \t]+язык\p{L}*)?|\p{L}+[ \t]+(?:язык\p{L}*|тілі)|қазақ")

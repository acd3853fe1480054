"""Types of name-like detections after the lexicon's second opinion (filters/pii/retype.py):
lists of people, places the tagger called people, everyday words, names heading an address."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from filters.pii import PIIEngine
from filters.pii.retype import Retyper
from tests.support.pii import typed


PRESENT = [
    ("a list of first names is people", "They had 3 kids: Gaetane, Hannah, Derek and Anna.",
     [("PERSON", "Hannah"), ("PERSON", "Derek"), ("PERSON", "Anna")]),
    ("a list of surnames after founders is people", "It is the brainchild of our founders: Eklund, Becker and Vasquez.",
     [("PERSON", "Eklund"), ("PERSON", "Becker"), ("PERSON", "Vasquez")]),
    ("a list of surnames after 'at' is a firm", "She spent a year at Jones, Mitchell and Williams as an assistant.",
     [("ORGANIZATION", "Jones, Mitchell and Williams")]),
    ("a country the tagger calls a person is a place", "Estonia was super fun to visit!",
     [("LOCATION", "Estonia")]),
    ("a legal form keeps an organisation", "I work for Hugo Salazar Vergara EIRL now.",
     [("ORGANIZATION", "Hugo Salazar Vergara EIRL")]),
    ("a surname repeating a full name is that person", "A film directed by Maciej Borkowski and starring Borkowski.",
     [("PERSON", "Maciej Borkowski"), ("PERSON", "Borkowski")]),
    ("an unknown name after 'says' is a person", '"I am glad to hear it," says Hartvigsson.',
     [("PERSON", "Hartvigsson")]),
    ("an unknown word after 'flew to' is a place", "Mr. Pavlovic flew to STAXROITH on Monday morning.",
     [("LOCATION", "STAXROITH")]),
    ("an unknown lowercase word after 'lives in' is a place", "my friend lives in harburg", [("LOCATION", "harburg")]),
    ("a country the tagger calls a nationality is a place", "We crossed the border into Nigeria at night.",
     [("LOCATION", "Nigeria")]),
    ("unknown names where a place is named stay a place", "I moved to Río Gallegos last year.",
     [("LOCATION", "Río Gallegos")]),
    ("a surname-like town after 'raining in' is a place", "Is it raining in Solheim?", [("LOCATION", "Solheim")]),
    ("'I' and 'I'm' make no line Title Case, which would cut an everyday-word surname",
     "Hi, I'm Marie Curie and I'm 12.", [("PERSON", "Marie Curie")]),
    ("a town and its country, both first names too, stay places", "I was born in Paris, France.",
     [("LOCATION", "Paris"), ("LOCATION", "France")]),
    ("a name in a script without capitals after 'my name is'", "My name is 佐藤 花子 and I need help.",
     [("PERSON", "佐藤 花子")]),
    ("a Hebrew name after 'this is'", "Hi, this is עטרה משה from the office.", [("PERSON", "עטרה משה")]),
    ("a settlement word starts a place", "I moved to д. Ивдель last year.", [("LOCATION", "д. Ивдель")]),
    ("a settlement word starts a place (Ukrainian)", "We met in хутір Старий Самбір.",
     [("LOCATION", "хутір Старий Самбір")]),
    ("an abbreviated city", "Я живу в г. Алматы", [("LOCATION", "г. Алматы")]),
    ("a name after a compass word is a place", "Greetings from West Hazelfort!", [("LOCATION", "West Hazelfort")]),
    ("a saint's name is a place", "We crossed the border into Saint Lucia at night.", [("LOCATION", "Saint Lucia")]),
    ("a name and 'Ville' is a place", "How cold does Greg Ville get in winter?", [("LOCATION", "Greg Ville")]),
    ("a name with a town ending is a place", "How cold does Moorefurt get in winter?", [("LOCATION", "Moorefurt")]),
    ("a lowercase first name after 'its' is a person", "hey its kyra again, did u get my msg", [("PERSON", "kyra")]),
    ("a lowercase first name after 'say hi to' is a person", "p.s. say hi to taneli", [("PERSON", "taneli")]),
    ("a name with a legal form is a firm", "Has anyone worked for Strøm ASA or Kubičeková a.s. before?",
     [("ORGANIZATION", "Strøm ASA"), ("ORGANIZATION", "Kubičeková a.s.")]),
    ("a foundation word starts a firm", "Stichting Brumleve sent me a letter about the project.",
     [("ORGANIZATION", "Stichting Brumleve")]),
    ("a legal form of any locale closes a firm the tagger called a person",
     "I used to work for Luka Petek s.p. and then for Kozma Nyrt. in Budapest.",
     [("ORGANIZATION", "Luka Petek s.p."), ("ORGANIZATION", "Kozma Nyrt.")]),
    ("three surnames spoken of as one are a firm", "Phillips, Paul and Harris is an American investment bank.",
     [("ORGANIZATION", "Phillips, Paul and Harris")]),
    ("a firm of three surnames on its own signature line", "Julia Jordan\nSparks, Harris and Mcdonald\nUnit 4403 Box 1715",
     [("PERSON", "Julia Jordan"), ("ORGANIZATION", "Sparks, Harris and Mcdonald")]),
    ("the part of a list the tagger took is people when the list goes on",
     "They had 6: Trbović, Kostanić, Antun, Mijo, Anka and Božičković.",
     [("PERSON", "Trbović"), ("PERSON", "Kostanić"), ("PERSON", "Antun"), ("PERSON", "Božičković")]),
    ("a lowercase list of first names and surnames is people", "they had 4: damir, božica, nedić and magić.",
     [("PERSON", "damir"), ("PERSON", "nedić")]),
    ("a lowercase list of names the tagger missed is people", "they had 6: horváth, pál, levente, dudás, szabó and nagy.",
     [("PERSON", "horváth"), ("PERSON", "pál"), ("PERSON", "levente"), ("PERSON", "nagy")]),
    ("a list of names after 'at' stays a firm", "She spent a year at Castro, Phillips and Singh in Lisbon.",
     [("ORGANIZATION", "Castro, Phillips and Singh")]),
    ("a street-type word of another language leads a street", "Please update my new address: Intrarea Eftimie",
     [("STREET_ADDRESS", "Intrarea Eftimie")]),
    ("a lowercase street type before a name makes it a street", "The office is at rue Pierre Bernard.",
     [("STREET_ADDRESS", "rue Pierre Bernard")]),
    ("a street type and a house number", "Send it to Via Spallanzani, 60 please.",
     [("STREET_ADDRESS", "Via Spallanzani, 60")]),
    ("a compound street name ending in a street word, with its number", "Please validate this: Strandåsen 33B",
     [("STREET_ADDRESS", "Strandåsen 33B")]),
    ("a street word that is also a given name or an English word does not make a street", "Gang Wang will join us.",
     [("PERSON", "Gang Wang")]),
    ("everyday words the tagger took before a name are cut", "Police detained tennis player Phillip Griffiths today.",
     [("PERSON", "Phillip Griffiths")]),
    ("a job title before a known first name is cut", "Producer Kimmo Rantala explained it to us.",
     [("PERSON", "Kimmo Rantala")]),
    ("a verb the tagger took after a name is cut", "Mijo Urlić listed his top 20 songs.", [("PERSON", "Mijo Urlić")]),
    ("a surname-like name where someone says they are is a place", "I'm in RAMOS, at the conference",
     [("LOCATION", "RAMOS")]),
    ("'In X' opening a sentence names a place", "In Škofja Loka they have company songs.",
     [("LOCATION", "Škofja Loka")]),
    ("an unknown name 'fun to visit' is a place", "Ligetapáti was super fun to visit!", [("LOCATION", "Ligetapáti")]),
    ("a compass word may lead a place after 'returned to'", "We returned to West Susanside by helicopter.",
     [("LOCATION", "West Susanside")]),
    ("what only a person is said to be makes a name a person", "Cortés is a very sympathetic person.",
     [("PERSON", "Cortés")]),
    ("a trait after 'why is' makes a person even of an everyday word", "Why is Mark so impulsive?",
     [("PERSON", "Mark")]),
    ("giver and receiver of 'his address' are people", "Bodin had given Sylvie his address.",
     [("PERSON", "Bodin"), ("PERSON", "Sylvie")]),
    ("a place word before a first name stays with the place", "The parcel is stuck in Port Stephen.",
     [("LOCATION", "Port Stephen")]),
    ("New York is no person", "Prices in New York went up a lot.", [("LOCATION", "New York")]),
    ("a lowercase school keeps its institution word", "I'm a junior at edison college.",
     [("ORGANIZATION", "edison college")]),
    ("a lowercase list of surnames after 'worked for' stays a firm", "Has anyone worked for barry, walsh and williams?",
     [("ORGANIZATION", "barry, walsh and williams")]),
    ("a first name the tagger called a nationality is a person", "Why is Julian so impulsive?", [("PERSON", "Julian")]),
    ("a year and a comma before a firm is no house number", "During 1980, Månsson Wiklund AB invested heavily.",
     [("DATE_TIME", "1980"), ("ORGANIZATION", "Månsson Wiklund AB")]),
    ("a year before a firm without a legal form", "During 2008, Sp Capital Iq invested heavily in chips.",
     [("DATE_TIME", "2008"), ("ORGANIZATION", "Sp Capital Iq")]),
    ("a surname on the address's line belongs to the name before it",
     "Mrs. Jari Pennanen Apt. 648 7096 Jännekuja 063\nPIETARSAARI 54995",
     [("PERSON", "Jari Pennanen")]),
    ("a surname that is also an everyday word goes back to the name before the address",
     "Dr. Jeremy Waters Suite 110 1165 Studio 09e", [("PERSON", "Jeremy Waters")]),
    ("a unit word stays with the address after a name", "Mrs. Drago Debeljak Suite 955 0115 Šivičeva ulica 66",
     [("PERSON", "Drago Debeljak")]),
    ("a person of a place is both", "The winner of the contest is Laura Dern of Sacramento.",
     [("PERSON", "Laura Dern"), ("LOCATION", "Sacramento")]),
    ("a nationality stays a nationality", "My neighbour is Nigerian and loves jollof.", [("NRP", "Nigerian")]),
    ("a full name stays a person", "I met Anna Kowalski and Sandra Newland yesterday.",
     [("PERSON", "Anna Kowalski"), ("PERSON", "Sandra Newland")]),
    ("a name before a street type is a street", "The early shows on Marina Fort Street were important to them.",
     [("STREET_ADDRESS", "Marina Fort Street")]),
    ("a number before an address belongs to it", "Billing address: Tintin Forsberg\n    03262 2437 Main St Suite 442\n",
     [("STREET_ADDRESS", "03262 2437 Main St Suite 442")]),
    ("lowercase first names in a list are people", "they had 3: kristina, chad and caleb.",
     [("PERSON", "kristina"), ("PERSON", "chad"), ("PERSON", "caleb")]),
    ("a known surname the tagger called a firm is a person", "It was sung by Adam McDowell (though Mccullough's song was older).",
     [("PERSON", "Mccullough")]),
    ("a middle initial makes a name", "The film was directed by Brad L Key and starring Key.",
     [("PERSON", "Brad L Key")]),
    ("a name the tagger called a place, with a middle initial", "> Mijail C Adomo\n> Asc Partners",
     [("PERSON", "Mijail C Adomo")]),
    ("two capitalised words no dictionary knows are a name", "CEOs honoured this year include Yuito Hirai of Pave.",
     [("PERSON", "Yuito Hirai")]),
    ("a name before 'novel' or 'film' is its creator", "Unlike the Ruoho novel, it is not about necrophilia.",
     [("PERSON", "Ruoho")]),
    ("a name after 'calls me' is a person, lowercase too", "my name is borna jerkovic but everyone calls me borna",
     [("PERSON", "borna")]),
    ("lowercase first names listed beside a person are people", "we invited 5 kids: sofia, adam, christopher, olga and caleb.",
     [("PERSON", "sofia"), ("PERSON", "adam"), ("PERSON", "christopher"), ("PERSON", "olga"), ("PERSON", "caleb")]),
    ("two unknown words the tagger called a firm are a person", "Wisława Szczepańska's killers sentenced to life",
     [("PERSON", "Wisława Szczepańska")]),
    ("a patronymic makes a name", "Please change the account name to Bekbolat Musliyevich",
     [("PERSON", "Bekbolat Musliyevich")]),
    ("a form's place field is a place", "When: 1984-04-27 15:25:53\nWhere: Beerze Country Club.",
     [("LOCATION", "Beerze")]),
    ("a name before 'bridge' is a place", "Montijo bridge is falling down.", [("LOCATION", "Montijo")]),
    ("a name someone travelled to is a place", "Last summer we travelled to Victoria with the kids.",
     [("LOCATION", "Victoria")]),
    ("a name that was fun to visit is a place", "France was super fun to visit!", [("LOCATION", "France")]),
    ("a friend someone went to is still a person", "After school I went to Anna and we studied.", [("PERSON", "Anna")]),
    ("a phone with an extension is no street", "Mobile: 0341 8387176\nFax: 463-612-6138x036",
     [("PHONE_NUMBER", "463-612-6138x036")]),
    ("a name heading an address block is a person", "Billing address: Sara Schwarz\n    28245 Puruntie 82 Apt. 595\n",
     [("PERSON", "Sara Schwarz")]),
    ("the town line between the addressee and the country is a place", "Przemek Kucharski\n\nALFRICK\nUnited Kingdom",
     [("PERSON", "Przemek Kucharski"), ("LOCATION", "ALFRICK")]),
    ("a town line the tagger cut in two is one place", "Maha Cazares\n\nChiclana de la Frontera\nSpain",
     [("LOCATION", "Chiclana de la Frontera")]),
    ("a second person's line above a country stays a person", "Anna Smith\nBob Jones\nSpain", [("PERSON", "Bob Jones")]),
    ("a business noun after a name makes a firm", "Wolfram Research is an American company.",
     [("ORGANIZATION", "Wolfram Research")]),
    ("a name where only a firm is named is a firm", "Nurmi spent a year at Helminen as the assistant to Aulis Laine.",
     [("ORGANIZATION", "Helminen"), ("PERSON", "Aulis Laine")]),
    ("the X office is a firm's", "The Välimäki office is at Agricolantie 3", [("ORGANIZATION", "Välimäki")]),
    ("a surname that invests is a firm", "During 1972, Halonen invested heavily in new designs.",
     [("ORGANIZATION", "Halonen")]),
    ("of X is the CEO: X is the firm", "Alana S. Slobodník of Paľov is the CEO of the year.",
     [("PERSON", "Alana S. Slobodník"), ("ORGANIZATION", "Paľov")]),
    ("a name nobody saw where only a firm is named is a firm", "Verdafero is the brainchild of our 3 founders.",
     [("ORGANIZATION", "Verdafero")]),
    ("a multinational is a firm", "Persint is an German multinational investment bank.", [("ORGANIZATION", "Persint")]),
    ("the office of a firm nobody saw", "The Propublica office is at 12 Oak Street.", [("ORGANIZATION", "Propublica")]),
    ("a signature's firm line between two names", "> Lina Artemova\n> Irecycle\n> Lina Artemova\n> 2224 Trenerys gate 232",
     [("ORGANIZATION", "Irecycle")]),
    ("a signature's firm line the address took", "Marisa Alves\nLegistorm\n09457 Vana-Viru 25 Apt. 971\nMobile: 0490 39 07 81",
     [("PERSON", "Marisa Alves"), ("ORGANIZATION", "Legistorm"), ("STREET_ADDRESS", "09457 Vana-Viru 25 Apt. 971")]),
    ("a signature's firm line under a job title, found by nobody", "Olga Krylova\nCable line installer\nZyntrix\n1610 ul. Zakrzowska 92",
     [("PERSON", "Olga Krylova"), ("ORGANIZATION", "Zyntrix")]),
    ("a signature's firm line above a phone line", "Best,\nJohn Miller\nQuantexa\nMobile: +44 7700 900123",
     [("PERSON", "John Miller"), ("ORGANIZATION", "Quantexa")]),
    ("a person worked for stays a person", "My sister worked for Anna Kowalski last summer.",
     [("PERSON", "Anna Kowalski")]),
    ("a place the speaker is from stays a place", "Anna from Berlin is the keynote speaker.", [("LOCATION", "Berlin")]),
    ("a legal form in capitals closes a firm written in capitals", "I used to work for LUKA PETEK S.P. as a clerk.",
     [("ORGANIZATION", "LUKA PETEK S.P.")]),
    ("a town built as towns are named is a place", "Blink-182 pay tribute here to the Robertasport.",
     [("LOCATION", "Robertasport")]),
    ("a lowercase list of names may hold a name that is also a word", "they had 6: ødegård, sørensen, brekke, nora, thea and maria.",
     [("PERSON", "ødegård"), ("PERSON", "brekke"), ("PERSON", "maria")]),
    ("a place in capitals goes on over its capitalised words", "Mr. Sára flew to HLUBOKÁ NAD VLTAVOU on Thursday.",
     [("LOCATION", "HLUBOKÁ NAD VLTAVOU")]),
    ("names in capitals stop at an everyday word", "I met ANNA SMITH AND JOHN yesterday",
     [("PERSON", "ANNA SMITH"), ("PERSON", "JOHN")]),
    ("a built town keeps its compass or harbour word", "In Port Jasminemouth they have company songs.",
     [("LOCATION", "Port Jasminemouth")]),
    ("a speaker's first name before a colon stays a person", "Mark: hello there, are you coming?", [("PERSON", "Mark")]),
    ("a quoted title after a label is no name", 'You ask? Answer:"Tube Snake Boogie" by Natalie Aberg',
     [("PERSON", "Natalie Aberg")]),
    ("a nationality in brackets ends on its word", "Vera Canales (Jamaican) set a new record in Kingston.",
     [("NRP", "Jamaican")]),
    ("a first name recurring alone is the person named in full",
     "Aristóteles spent a year at Jones, Mitchell and Williams as the assistant to Aristóteles Ávalos.",
     [("PERSON", "Aristóteles"), ("PERSON", "Aristóteles Ávalos")]),
    ("a surname that is a word is the person inside a sentence",
     "Zoolander is a 1973 American action-comedy film directed by Brad L Key and starring Key",
     [("PERSON", "Brad L Key"), ("PERSON", "Key")]),
    ("a surname behind particles after 'says' takes its particles", '"Glad to hear it," says van der Heiden.',
     [("PERSON", "van der Heiden")]),
    ("a list of people is people even where two detectors found some of them twice",
     "They had 6: Aleksander, Kornel, Słabosz, Malecha, Kasper and Marek.",
     [("PERSON", "Słabosz"), ("PERSON", "Malecha"), ("PERSON", "Marek")]),
    ("a firm's town after 'in' is a place", "The following year she was at Vass Zrt. in MÁRTONKÖVESD.",
     [("ORGANIZATION", "Vass Zrt."), ("LOCATION", "MÁRTONKÖVESD")]),
    ("three everyday words where only a firm is named are a firm", "The Clean Power Finance office is at 12 Oak Street.",
     [("ORGANIZATION", "Clean Power Finance")]),
    ("everyday words joined by a capital And are a firm", "The address of Compliance And Risks is 12 Oak Street.",
     [("ORGANIZATION", "Compliance And Risks")]),
    ("a lowercase country that is also a word stays a place", "i live in japan now", [("LOCATION", "japan")]),
    ("a town in a script without capitals after 'in' is a place", "Is it raining in 南京市?", [("LOCATION", "南京市")]),
    ("a town in Georgian script after 'met in' is a place", "We met in ნინოწმინდა.", [("LOCATION", "ნინოწმინდა")]),
    ("a name in a script without capitals after 'talked to' is a person", "I talked to 中村 亮介 yesterday",
     [("PERSON", "中村 亮介")]),
    ("a name in a script without capitals before 'will' is a person", "רוני לנדאו will join the call.",
     [("PERSON", "רוני לנדאו")]),
    ("a name in a script without capitals under a sign-off is a person", "Regards,\n中村 香織", [("PERSON", "中村 香織")]),
    ("a name in a script without capitals before a person's verb is a person", "李明 keeps interrupting me in class.",
     [("PERSON", "李明")]),
    ("a name in a script without capitals that is helped is a person", "Can you help गौहर दास with her essay?",
     [("PERSON", "गौहर दास")]),
    ("the tagger's place in a script without capitals, where no place is named, is a person",
     "I think 김민준 has my charger.", [("PERSON", "김민준")]),
    ("a note is written to a person, in any script", "Write a thank-you note to सुशील भरद्वाज for the flowers.",
     [("PERSON", "सुशील भरद्वाज")]),
    ("a nationality ends before the sentence's full stop", "The chef who cooked it was Chinese.", [("NRP", "Chinese")]),
    ("an address a tagger began inside the name above starts on its own line",
     "> Dominyka Narušis\n> 4847 050 Urbonas Oval Apt. 208\n> Apt. 530\n> PORT IRMANTASFURT\n> Netherlands 51350",
     [("PERSON", "Dominyka Narušis")]),
    ("a geographic word before a name makes it a place", '"Glad to hear that Lake Kaver is moving," says Sene.',
     [("LOCATION", "Lake Kaver"), ("PERSON", "Sene")]),
    ("a compass word before a name the tagger split makes one place", "West Stórólfur is lovely in spring.",
     [("LOCATION", "West Stórólfur")]),
    ("a lowercase name loses the everyday words a tagger took with it", "i owe lidia an apology, how do i start?",
     [("PERSON", "lidia")]),
    ("a chat spelling is no surname", "lunch with Bo tmrw?", [("PERSON", "Bo")]),
    ("an addressee after a form label is a person though no list knows the first name",
     "Billing address: Tintin Forsberg\n    03262 2437 Main St Suite 442\n   Mill Village\n    NS\n    B0J 2H0",
     [("PERSON", "Tintin Forsberg")]),
    ("a first name and a surname are a person though a town shares the first name",
     "How should I apologise to Mark Harrell?", [("PERSON", "Mark Harrell")]),
    ("a place's name spoken to after thanks is a person, its '!' apart", "Thank you so much, Lorraine!",
     [("PERSON", "Lorraine")]),
    ("an unknown word that a note is written to is a person", "Write a thank-you note to Şendoğan for the flowers.",
     [("PERSON", "Şendoğan")]),
    ("a known place a letter is written to stays a place", "Write a letter to Ankara.", [("LOCATION", "Ankara")]),
    ("a first name joined to a person is a person, though a dictionary holds it", "Happy anniversary to Mees and Sam!",
     [("PERSON", "Mees"), ("PERSON", "Sam")]),
]


@pytest.mark.parametrize(("case", "text", "expected"), PRESENT, ids=[c for c, _, _ in PRESENT])
def test_detections_carry_the_right_type(engine: PIIEngine, case: str, text: str, expected) -> None:
    found = typed(engine, text)
    for item in expected:
        assert item in found, (case, found)


ABSENT = [
    ("a weekday is no person", "On the last Sunday before Labor Day we flew home.", "Sunday"),
    ("a legal form that is a word is the word in capitals", "I MET ANNA AS SHE LEFT", " AS"),
    ("a shopping list is nobody, a first name in it or not", "I bought apples, pears, rose and mark", "rose"),
    ("a sign-off is no town", "Best,\nJohn Miller", "Best"),
    ("a signature's everyday word line is no firm", "Anna Smith\nThanks\n12 Oak Street", "Thanks"),
    ("a department's office is no firm", "The Marketing office is at the end of the hall.", "Marketing"),
    ("an everyday compound is no built town", "Please check the Passport office hours.", "Passport"),
    ("a form's field label is no surname", "Date: 2003-08-28 12:13:52\nName: Sieda Batukayev", "Date"),
    ("a quoted song title is no person", 'You ask? Answer:"Tube Snake Boogie" by Natalie Aberg', 'Answer:"Tube Snake Boogie'),
    ("a weekday after 'by' is no author", "Please send it to 12 Oak Street by Friday.", "Friday"),
    ("a label before a colon is no person", "Desk: +41 (0)96 471 07 95", "Desk"),
    ("a chat role is no person", "Bot: where would you like this to be sent to?", "Bot"),
    ("a field label is no person", "SSN: 536-22-1234", "SSN"),
    ("lowercase Cyrillic words are no name", "мой адрес не изменился", "мой"),
    ("a dictionary word after 'live in' is no place", "honestly I live in fear of exams", "fear"),
    ("a dictionary word after 'its' is no person", "hey its late again, did u get my msg", "late"),
    ("a bank of a place is no person", "I opened an account at the Bank of Georgia last year.", "Bank"),
    ("a weekday after 'moved to' is no place", "The Wednesday meeting got moved to Thursday morning.", "Thursday"),
    ("a month after 'is in' is no place", "Her birthday is in March, I think.", "March"),
    ("a product after 'with' is no person when it is a word", "I paired it with Bluetooth and Spotify.", "Bluetooth"),
    ("an everyday lowercase word is no person", "the founders said that lunacy finds you", "lunacy"),
    ("a lowercase dictionary word that names a town somewhere is no place", "The meeting is at the end of the hall.", "hall"),
    ("a firm's month after 'in' is no place", "I started at Acme Ltd in March.", "March"),
    ("a phrase quoted in a script without capitals is no name", "The word 谢谢 means thank you.", "谢谢"),
    ("a compass word before a faith is no place", "The Western Christian tradition is old.", "Western"),
    ("the everyday words of a line in Title Case are nobody's name", "My Cousin Lives Somewhere Near Bydgoszcz, Brazil.", "My"),
    ("an apology is nobody's surname", "i owe lidia an apology, how do i start?", "apology"),
]


@pytest.mark.parametrize(("text", "expected"), [
    ("Zoolander is a 1973 American action-comedy film directed by Felix Hahn.",
     {("NRP", "American"), ("PERSON", "Felix Hahn")}),
    ("Brokeback is a novel.", set()),
])
def test_a_works_title_is_no_name_and_a_nationality_keeps_its_own_word(engine: PIIEngine, text: str, expected) -> None:
    assert typed(engine, text) == expected


def test_a_name_before_a_film_word_that_is_not_the_work_is_kept(engine: PIIEngine) -> None:
    assert {word for _, word in typed(engine, "Paris is a great film location.")} == {"Paris"}


@pytest.mark.parametrize("text", ["I'm in Marketing now", "In March we met."])
def test_being_in_a_department_or_a_month_is_no_place(engine: PIIEngine, text: str) -> None:
    assert not any(t == "LOCATION" for t, _ in typed(engine, text))


def test_a_labelled_phone_line_is_no_address(engine: PIIEngine) -> None:
    text = "Ronald Vale\nMobile: +61.408.347.774\nDesk: 2106-4023\nFax: 02.5233.6345"
    assert {("PHONE_NUMBER", "+61.408.347.774"), ("PHONE_NUMBER", "2106-4023"),
            ("PHONE_NUMBER", "02.5233.6345")} <= typed(engine, text)


def test_a_city_asked_about_is_no_person(engine: PIIEngine) -> None:
    assert typed(engine, "Why is Paris so expensive?") == {("LOCATION", "Paris")}


def test_a_list_of_everyday_words_is_nobody(engine: PIIEngine) -> None:
    assert typed(engine, "I bought apples, pears, plums and cherries for the pie.") == set()


@pytest.mark.parametrize(("case", "text", "word"), ABSENT, ids=[c for c, _, _ in ABSENT])
def test_everyday_words_are_not_names(engine: PIIEngine, case: str, text: str, word: str) -> None:
    assert not any(word in value for _, value in typed(engine, text))


@pytest.mark.parametrize("text, code", [
    ("IBAN: GB53WPJE5930963667119", "GB53WPJE5930963667119"),  # the tagger: a person
    ("My bank account is PH978007261237358822", "PH978007261237358822"),  # the tagger: an organisation
])
def test_a_code_the_tagger_took_for_a_name_is_what_its_shape_says(engine: PIIEngine, text: str, code: str) -> None:
    assert typed(engine, text) == {("IBAN_CODE", code)}


def test_an_address_no_longer_swallows_the_name_above_it(engine: PIIEngine) -> None:
    text = "Billing address: Sophie Lang\n    3482 Via Franscini 71 Suite 838\n   Tujetsch"
    found = typed(engine, text)
    assert ("PERSON", "Sophie Lang") in found
    assert all("Sophie" not in value for kind, value in found if kind == "STREET_ADDRESS")


def test_what_the_second_opinion_adds_obeys_the_calls_entity_set_threshold_and_allow_list(engine: PIIEngine) -> None:
    text = '"I am glad to hear it," says Hartvigsson.'
    [only_email] = engine.analyze_batch([text], entities=frozenset({"EMAIL_ADDRESS"}))
    [allowed] = engine.analyze_batch([text], entities=frozenset({"PERSON"}), allow_list=["Hartvigsson"])
    [strict] = engine.analyze_batch([text], entities=frozenset({"PERSON"}), thresholds={"PERSON": 0.95})
    assert only_email == [] and allowed == [] and strict == []


@pytest.mark.parametrize(("text", "word", "is_person"), [
    ("Unlike the Ruoho novel, it is not about necrophilia.", "Ruoho", True),
    ("Unlike the Russian novel, it is short.", "Russian", False),
    ("It is the disco song everyone knows, the Disco song of the year.", "Disco", False),
])
def test_the_word_before_novel_or_film_is_its_creator_unless_a_dictionary_knows_it(engine, text, word, is_person):
    assert (("PERSON", word) in typed(engine, text)) is is_person


def test_a_name_line_above_a_country_is_a_person_when_nobody_is_addressed_above_it(engine: PIIEngine) -> None:
    assert ("PERSON", "Maria Lopez") in typed(engine, "Hi team,\nMaria Lopez\nSpain")


@pytest.mark.parametrize("text", [
    "Jacob Franklin\nLeasing consultant\nWagenknecht e.G.\nKabusgasse 202",
    "Nathan Jenkins\n\nNicoleton\nLindaside",
    "Hello\n> Anna Smith\n> Bob Jones",
])
def test_no_name_runs_over_a_line_break(engine: PIIEngine, text: str) -> None:
    names = [(t, v) for t, v in typed(engine, text) if t in ("PERSON", "LOCATION", "ORGANIZATION", "NRP")]
    assert names and all("\n" not in v for _, v in names)


@pytest.mark.parametrize("text", [
    "Olga Krylova\nCable line installer\nZyntrix\n1610 ul. Zakrzowska 92 Apt. 399",
    "Przemek Kucharski\n\nALFRICK\nUnited Kingdom",
    "> Lina Artemova\n> Irecycle\n> Lina Artemova\n> 2224 Trenerys gate 232",
])
def test_windows_line_endings_read_as_unix_ones(engine: PIIEngine, text: str) -> None:
    assert typed(engine, text.replace("\n", "\r\n")) == typed(engine, text)


def test_a_name_part_that_is_a_word_opening_a_sentence_is_the_word(engine: PIIEngine) -> None:
    assert typed(engine, "Will Smith called. Will you answer?") == {("PERSON", "Will Smith")}


@pytest.mark.parametrize(("text", "person", "repeated"), [
    ("Directed by Brad L Key and starring Key.", "Brad L Key", True),
    ("Free Download Hollywood movies from the best Download site.", "Download Hollywood", False),  # words, no name
    ("Watch Grand Prix racing: the Prix is on Sunday.", "Grand Prix", False),  # a surname, but a word too
])
def test_a_part_of_a_name_recurs_as_the_person_only_when_the_name_looks_like_one(text, person, repeated) -> None:
    start = text.index(person)
    found = Retyper()._repeated_names(text, [RecognizerResult("PERSON", start, start + len(person), 0.85)])
    assert (len(found) > 1) is repeated


def test_whether_a_line_is_in_title_case_is_read_afresh_for_each_text() -> None:
    """The Title Case answer is kept per line within one call; the next text's line, at the
    same offsets, is read again."""
    retype = Retyper()
    title = "Mark Lives Somewhere Near Bydgoszcz With Aunt"
    prose = "we all know that Mark Lives with his aunt here now"
    for text, expected in ((title, "Mark"), (prose, "Mark Lives"), (title, "Mark")):
        start = text.index("Mark")
        [person] = retype(text, [RecognizerResult("PERSON", start, start + len("Mark Lives"), 0.85)])
        assert text[person.start:person.end] == expected


# What a pupil asks about is no person in the chat: a law named after someone, a nation's
# revolution; a person's own things are still theirs ("Anna's number", "Anna's theory").
@pytest.mark.parametrize(("text", "people"), [
    ("Explain Newton's third law with an example.", set()),
    ("What is Pythagoras' theorem?", set()),
    ("Summarise the French Revolution in 5 bullet points.", set()),
    ("my friend Anna's theory is wrong", {"Anna"}),
    ("Anna's number is 555 123 4567", {"Anna"}),
])
def test_eponyms_and_a_nations_events_are_no_people(engine: PIIEngine, text: str, people: set[str]) -> None:
    [detections] = engine.analyze_batch([text], entities=engine.supported_entities())
    assert {text[d.start:d.end] for d in detections if d.type == "PERSON"} == people


@pytest.mark.parametrize("text", ["the rate is so high", "Fortnite is so cool", "she was in court"])
def test_everyday_words_joined_are_no_place_of_that_spelling(engine: PIIEngine, text: str) -> None:
    # "is so" squashed reads "Isso", a town; "in court", "Incourt"
    assert "LOCATION" not in {kind for kind, _ in typed(engine, text)}


@pytest.mark.parametrize("text", ["What does नमस्ते mean?", "How do I say 谢谢 in Chinese?", "寿司 is delicious."])
def test_a_word_of_another_script_asked_about_is_nobody(engine: PIIEngine, text: str) -> None:
    assert typed(engine, text) == set()

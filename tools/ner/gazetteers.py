"""Hand-written word lists for the NER training data.

Faker supplies names, cities and street addresses; what it lacks (nationalities, religions,
political groups, school name shapes, world places that chat users mention) is written here.
The lists are deliberately broad and generic: they describe the world, not any test file.
"""

from __future__ import annotations

NATIONALITIES = """
American British English Scottish Welsh Irish Canadian Mexican Brazilian Argentinian Chilean
Colombian Peruvian Venezuelan Cuban Jamaican Haitian French German Austrian Swiss Belgian Dutch
Danish Swedish Norwegian Finnish Icelandic Estonian Latvian Lithuanian Polish Czech Slovak
Hungarian Romanian Bulgarian Greek Turkish Cypriot Italian Spanish Portuguese Maltese Croatian
Serbian Bosnian Slovenian Albanian Macedonian Montenegrin Ukrainian Belarusian Russian Georgian
Armenian Azerbaijani Kazakh Kyrgyz Uzbek Tajik Turkmen Mongolian Chinese Japanese Korean
Taiwanese Vietnamese Thai Cambodian Laotian Burmese Malaysian Indonesian Filipino Singaporean
Indian Pakistani Bangladeshi Nepali Afghan Iranian Iraqi Syrian Lebanese Jordanian
Israeli Palestinian Saudi Emirati Qatari Kuwaiti Omani Yemeni Egyptian Libyan Tunisian Algerian
Moroccan Sudanese Ethiopian Eritrean Somali Kenyan Ugandan Tanzanian Rwandan Nigerian Ghanaian
Senegalese Malian Cameroonian Congolese Angolan Zambian Zimbabwean Mozambican
African Namibian Australian Fijian Samoan Tongan Hispanic Latino Latina Arab Persian Kurdish
Punjabi Bengali Tamil Sikh Roma Basque Catalan Flemish Walloon Bavarian Cossack Uyghur Tatar
Chechen Pashtun Berber Yoruba Igbo Hausa Zulu Xhosa Maori Inuit Cherokee Navajo
""".split()

MULTIWORD_NRP = [
    "Sri Lankan", "South African", "New Zealander", "Native American", "African American",
    "Asian American", "Pacific Islander", "First Nations", "Puerto Rican", "Costa Rican",
    "North Korean", "South Korean", "Saudi Arabian", "Central Asian", "East African",
]

RELIGIONS = """
Christian Catholic Protestant Orthodox Lutheran Methodist Baptist Anglican Presbyterian
Evangelical Pentecostal Mormon Quaker Amish Jewish Muslim Sunni Shia Sufi Hindu Buddhist Sikh
Jain Zoroastrian Bahai Taoist Shinto Atheist Agnostic Pagan Wiccan Rastafarian Adventist
""".split()

POLITICAL = """
Democrat Republican Conservative Liberal Libertarian Socialist Communist Marxist Labour
Tory Progressive Nationalist Anarchist Centrist Populist
""".split() + ["Social Democrat", "Christian Democrat", "Green Party", "Labour Party"]

COUNTRIES_EXTRA = """
Kazakhstan Kyrgyzstan Uzbekistan Tajikistan Turkmenistan Mongolia Georgia Armenia Azerbaijan
Russia Ukraine Belarus Moldova Germany France Spain Portugal Italy Greece Turkey Poland Czechia
Slovakia Hungary Romania Bulgaria Serbia Croatia Slovenia Austria Switzerland Belgium
Netherlands Luxembourg Denmark Sweden Norway Finland Iceland Ireland Estonia Latvia Lithuania
Canada Mexico Brazil Argentina Chile Peru Colombia Venezuela Ecuador Bolivia Uruguay Paraguay
Cuba Jamaica China Japan Korea Vietnam Thailand Cambodia Laos Myanmar Malaysia Indonesia
Philippines Singapore India Pakistan Bangladesh Nepal Bhutan Afghanistan Iran Iraq Syria
Lebanon Jordan Israel Egypt Libya Tunisia Algeria Morocco Sudan Ethiopia Kenya Uganda Tanzania
Rwanda Nigeria Ghana Senegal Mali Cameroon Angola Zambia Zimbabwe Mozambique Namibia Botswana
Australia Fiji Samoa Qatar Kuwait Oman Yemen Bahrain Cyprus Malta Albania Montenegro Kosovo
""".split() + [
    "United States", "the United States", "the US", "the USA", "the UK", "United Kingdom",
    "Great Britain", "England", "Scotland", "Wales", "Northern Ireland", "South Korea",
    "North Korea", "New Zealand", "South Africa", "Saudi Arabia", "the Netherlands",
    "Czech Republic", "Sri Lanka", "Costa Rica", "Puerto Rico", "the Philippines",
    "United Arab Emirates", "the UAE", "Hong Kong", "Taiwan", "Bosnia and Herzegovina",
    "North Macedonia", "Dominican Republic", "El Salvador", "Ivory Coast",
]

# Kazakh, Kyrgyz and Uzbek names in their usual Latin spelling: the language tutor's pupils
# write them, often in lowercase ("i sit next to dias and alikhan"), and Faker has no
# Central Asian locale. Words that are also English words ("Sultan", "Islam") are left out.
CENTRAL_ASIAN_FIRST_NAMES = """
Abai Abylai Adil Aibek Aidar Aidos Aigerim Aigul Ainur Ainura Aisulu Aizhan Akbota Akzhol Alibek Alikhan Alinur
Alisher Aliya Almas Amina Amir Anel Ansar Arman Arsen Aruzhan Asel Askar Aslan Assel Asylbek Ayan Ayaulym Azamat
Aziz Bakhyt Bakyt Batyr Bauyrzhan Beibit Bekarys Bekzat Beksultan Berik Bobur Bolat Botagoz Cholpon Dana Daniyar
Dariga Dastan Dauren Dias Didar Dilnaz Dilnoza Dilshod Dinara Eldos Elnura Erlan Ernur Farrukh Galym Gaukhar Gulnara
Gulnoza Ilyas Inkar Jasur Kairat Kamila Kanat Kuanysh Kuralay Madi Madina Maksat Malika Marat Meerim Meruyert Miras
Moldir Mukhtar Nazerke Nilufar Nodir Nurali Nurbolat Nurdaulet Nurislam Nurlan Nurlybek Nursultan Nurzat Nurzhan
Olzhas Otabek Raushan Rauan Ruslan Rustam Saltanat Sanzhar Sardor Saule Sayat Serik Shakhnoza Sherzod Shyngys
Symbat Talgat Tamerlan Temirlan Timur Togzhan Tomiris Ulugbek Yerassyl Yerbol Yerlan Yernar Yersultan Yerzhan
Zarina Zhaksylyk Zhandos Zhanibek Zhanna Zhansaya Zhasulan Zhuldyz
""".split()
# The short forms Russian and Ukrainian speakers call each other by, which Faker's full-name
# lists lack ("Саша", not only "Александр"); children write them in lowercase.
CYRILLIC_SHORT_NAMES = """
Саша Дима Маша Катя Лена Настя Женя Ваня Петя Коля Миша Паша Серёжа Сережа Лёша Леша Аня Оля Таня Юля Даша Соня
Полина Лиза Вика Ира Наташа Света Галя Валя Надя Люба Вера Тоня Рома Вова Володя Слава Стас Гоша Тёма Тема Артём
Артем Никита Данил Данила Кирилл Максим Егор Матвей Тимофей Илья Глеб Богдан Остап Тарас Оксана Олеся Алёна Алена
""".split()
# The same short forms as a pupil types them in English ("my friend Dasha"): Faker's Latin
# locales hold few of them.
LATIN_SHORT_NAMES = """
Sasha Dima Masha Katya Katia Lena Nastya Nastia Zhenya Vanya Petya Kolya Misha Pasha Seryozha Lyosha Alyosha Anya
Olya Tanya Yulya Yulia Dasha Sonya Polina Liza Vika Ira Natasha Sveta Galya Valya Nadya Lyuba Tonya Roma Vova Volodya
Slava Stas Gosha Tyoma Artyom Artem Nikita Danil Danila Kirill Maksim Yegor Egor Matvei Matvey Timofei Timofey Ilya
Gleb Bogdan Ostap Taras Oksana Olesya Alyona Alena Ksenia Kseniya Varya Lera Arina Ulyana Vasilisa Yaroslav Svyatoslav
Zlata Milana Kostya Vitya Grisha Yasha Fedya Borya Tolya Styopa Lyuda Luda Zhanna Inna Alla Larisa
""".split()
_LATIN_TO_CYRILLIC = [("zh", "ж"), ("kh", "х"), ("sh", "ш"), ("ch", "ч"), ("ts", "ц"), ("yu", "ю"), ("ya", "я"),
                      ("ye", "е"), ("yo", "ё"), ("ai", "ай"), ("ei", "ей"), ("oi", "ой"), ("ui", "уй"), ("a", "а"),
                      ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("y", "ы"),
                      ("k", "к"), ("q", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
                      ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "к"), ("w", "у"), ("x", "кс"),
                      ("j", "дж")]


def to_cyrillic(name: str) -> str:
    """A Central Asian name's usual Latin spelling in Russian letters ("Yerlan" -> "Ерлан",
    "Aigerim" -> "Айгерим"): a lookup form, not a standard transliteration."""
    lower, out, i = name.lower(), [], 0
    while i < len(lower):
        for latin, cyrillic in _LATIN_TO_CYRILLIC:
            if lower.startswith(latin, i):
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            out.append(lower[i])
            i += 1
    word = "".join(out)
    return word[:1].upper() + word[1:]


# Japanese, Chinese and Korean given names as pupils type them in Latin letters; Faker's
# romanised lists (also read) hold only a few dozen.
EAST_ASIAN_FIRST_NAMES = """
Haruto Yuto Sota Yuma Riku Haruki Kaito Ren Hinata Minato Yamato Sora Takumi Daiki Ryota Kenta Shota Hiroshi Takeshi
Yui Hina Rin Mio Yuna Aoi Sakura Himari Riko Mei Saki Miyu Nanami Ayaka Haruka Misaki Yuki Emi Keiko Naoko Hanako
Wei Ming Hao Jun Lei Tao Yang Xiaoming Xiaoling Xiaohong Meiling Lihua Yifan Zihan Haoran Yuxuan Zhiwei Jiahui Xinyi
Yutong Jiayi Yiming Zixuan Ruoxi Yuqi Siyu Minjun Seojun Doyun Jiho Jiwoo Seoyeon Jiwon Minseo Hayoon Eunji Jisoo
""".split()

# Towns and countries in Russian and Kazakh spelling that Faker's Russian and Ukrainian lists
# lack: Central Asia's, and the world's a pupil writes about.
CYRILLIC_PLACES_EXTRA = """
Алматы Астана Шымкент Караганда Актобе Тараз Павлодар Семей Атырау Костанай Уральск Актау Кызылорда Туркестан
Талдыкорган Кокшетау Петропавловск Усть-Каменогорск Экибастуз Жезказган Бишкек Ош Ташкент Самарканд Бухара Душанбе
Ашхабад Улан-Батор Тбилиси Ереван Баку Минск Кишинёв Киев Київ Харьков Одесса Львов Рига Вильнюс Таллин Варшава
Прага Будапешт Вена Берлин Мюнхен Париж Лондон Мадрид Барселона Рим Милан Венеция Афины Стамбул Анкара Анталья Дубай
Каир Пекин Шанхай Токио Сеул Дели Мумбаи Бангкок Сингапур Сидней Торонто Нью-Йорк Вашингтон Чикаго Лос-Анджелес
Бостон Амстердам Брюссель Женева Цюрих Стокгольм Осло Хельсинки Копенгаген Дублин Лиссабон Мекка Медина
Казахстан Кыргызстан Узбекистан Таджикистан Туркменистан Қазақстан Европа Азия Африка Америка Австралия Антарктида
Сибирь Урал Кавказ Крым Байкал Арал Каспий Алтай Тянь-Шань Памир Иссык-Куль Балхаш Волга Днепр Дунай Нил Амазонка
""".split()

CENTRAL_ASIAN_LAST_NAMES = """
Abdrakhmanov Abenov Aitkulov Akhmetov Akhmetova Amanov Baimukhanov Baitursynov Bekov Dosmukhamedov Dzhaksybekov
Ermekov Ibraimov Iskakov Kairatov Kaliyev Karimov Kassymov Kenzhebekov Mamyrov Mirzayev Mukanov Nurlanov
Nurmagambetov Omarov Ospanov Rakhimov Rashidov Sadykov Sadykova Sarsenbayev Seitkali Serikbayev Suleimenov
Tulegenov Usmanov Utegenov Yessenov Yusupov Zhakupov Zhumabayev
""".split()

CITIES_EXTRA = """
Almaty Astana Shymkent Karaganda Aktobe Taraz Pavlodar Semey Atyrau Kostanay Oral Aktau Bishkek
Tashkent Samarkand Bukhara Dushanbe Ashgabat Ulaanbaatar Tbilisi Batumi Yerevan Baku Moscow
Kazan Novosibirsk Yekaterinburg Samara Omsk Vladivostok Sochi Kyiv Kharkiv Odesa Lviv Dnipro Minsk
Chisinau Berlin Munich Hamburg Cologne Frankfurt Stuttgart Dresden Leipzig Paris Lyon Marseille
Toulouse Nice Bordeaux Lille Madrid Barcelona Valencia Seville Bilbao Malaga Lisbon Porto Rome
Milan Naples Turin Florence Venice Bologna Athens Thessaloniki Istanbul Ankara Izmir Antalya
Warsaw Krakow Gdansk Wroclaw Poznan Prague Brno Bratislava Budapest Bucharest Sofia Belgrade
Zagreb Ljubljana Vienna Graz Salzburg Zurich Geneva Basel Bern Brussels Antwerp Ghent Amsterdam
Rotterdam Utrecht Copenhagen Aarhus Stockholm Gothenburg Malmo Oslo Bergen Helsinki Tampere
Reykjavik Dublin Cork Galway Tallinn Riga Vilnius London Manchester Birmingham Liverpool Leeds
Glasgow Edinburgh Cardiff Belfast Bristol Oxford Cambridge Toronto Montreal Vancouver Calgary
Ottawa Edmonton Winnipeg Halifax Chicago Boston Seattle Houston Dallas Austin Denver Phoenix
Atlanta Miami Orlando Detroit Philadelphia Pittsburgh Baltimore Portland Nashville Memphis
Cleveland Minneapolis Sacramento Honolulu Anchorage Albuquerque Tucson Omaha Milwaukee Brooklyn
Queens Manhattan Oakland Berkeley Tokyo Osaka Kyoto Yokohama Seoul Busan Beijing Shanghai
Shenzhen Guangzhou Chengdu Wuhan Taipei Hanoi Saigon Bangkok Jakarta Manila Kuala Lumpur Delhi
Mumbai Bangalore Chennai Kolkata Hyderabad Pune Karachi Lahore Dhaka Kathmandu Kabul Tehran
Baghdad Damascus Beirut Amman Jerusalem Dubai Doha Riyadh Jeddah Cairo Alexandria Casablanca
Tunis Algiers Lagos Abuja Accra Nairobi Mombasa Kampala Kigali Addis Ababa Johannesburg
Cape Town Durban Sydney Melbourne Brisbane Perth Adelaide Auckland Wellington Lima Bogota
Medellin Quito Santiago Buenos Aires Montevideo Caracas Havana Kingston Guadalajara Monterrey
""".split() + [
    "New York", "New York City", "Los Angeles", "San Francisco", "San Diego", "San Jose",
    "Las Vegas", "New Orleans", "Salt Lake City", "Kansas City", "St. Louis", "Washington, D.C.",
    "Rio de Janeiro", "Sao Paulo", "São Paulo", "Mexico City", "Buenos Aires", "Cape Town",
    "Kuala Lumpur", "Ho Chi Minh City", "Tel Aviv", "Abu Dhabi", "Hong Kong", "St. Petersburg",
    "Saint Petersburg", "Nur-Sultan", "Ust-Kamenogorsk", "Nizhny Novgorod", "Frankfurt am Main",
]

REGIONS = [
    "California", "Texas", "Florida", "Ohio", "Oregon", "Nevada", "Arizona", "Colorado",
    "Michigan", "Georgia", "Virginia", "New Jersey", "Massachusetts", "Pennsylvania",
    "Bavaria", "Catalonia", "Tuscany", "Provence", "Siberia", "Yorkshire", "Ontario", "Quebec",
    "British Columbia", "Alberta", "Queensland", "Tasmania", "Andalusia", "Silesia",
    "Almaty Region", "Mangystau", "Lombardy", "Normandy", "Brittany", "Kent", "Cornwall",
]

SCHOOL_KINDS = [
    "Elementary School", "Elementary", "Primary School", "Middle School", "High School",
    "Junior High School", "Senior High School", "Secondary School", "Grammar School",
    "Academy", "Preparatory School", "Prep", "Community College", "College", "University",
    "State University", "Kindergarten", "Montessori School", "Charter School", "Lyceum",
    "Gymnasium", "School", "International School", "Technical College", "Institute of Technology",
]

SCHOOL_PATRONS = """
Lincoln Washington Jefferson Roosevelt Kennedy Franklin Madison Adams Hamilton Grant Wilson
Edison Einstein Newton Darwin Curie Pasteur Tolstoy Pushkin Abai Shakespeare Dickens Austen
Churchill Mandela Gandhi Chaplin Lomonosov Mendeleev Tesla Copernicus Galileo Mozart Bach
""".split()

SCHOOL_ADJ = [
    "Central", "North", "South", "East", "West", "Riverside", "Lakeside", "Hillcrest", "Oakwood",
    "Maple Grove", "Pine Ridge", "Cedar Park", "Greenfield", "Fairview", "Sunnydale", "Westfield",
    "Mountain View", "Valley", "Harbor", "Meadowbrook", "Springfield", "Brookside", "St. Mary's",
    "St. Joseph's", "Holy Cross", "Sacred Heart", "Trinity", "Kings", "Queen's", "Nazarbayev",
]

ORG_EXTRA = [
    "Google", "Microsoft", "Apple", "Amazon", "Meta", "Netflix", "Tesla", "Samsung", "Toyota",
    "Siemens", "Kaspi Bank", "Halyk Bank", "Air Astana", "Kazakhtelecom", "Sberbank", "Yandex",
    "Deutsche Bank", "BNP Paribas", "HSBC", "Barclays", "Wells Fargo", "Bank of America",
    "JPMorgan Chase", "Goldman Sachs", "Pfizer", "Moderna", "Unilever", "Nestle", "IKEA",
    "the Red Cross", "UNICEF", "the World Health Organization", "the United Nations", "NASA",
    "the FBI", "the IRS", "the NHS", "Starbucks", "McDonald's", "Walmart", "Costco", "Target",
    "Harvard", "Stanford", "MIT", "Oxford University", "Cambridge University", "Yale",
]

TITLES = ["Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Prof.", "Mr", "Mrs", "Ms", "Dr", "Sir", "Madam"]

RELATIONS = [
    "mom", "dad", "mother", "father", "sister", "brother", "son", "daughter", "wife", "husband",
    "friend", "best friend", "boss", "manager", "teacher", "coach", "neighbor", "neighbour",
    "cousin", "aunt", "uncle", "grandma", "grandpa", "colleague", "roommate", "classmate",
    "girlfriend", "boyfriend", "partner", "doctor", "lawyer", "landlord", "tutor", "nanny",
]

# Everyday chat words that docstrings rarely contain; part of the common-word list that
# vetoes lowercase "entities" and username look-alikes.
EVERYDAY_WORDS = """
winter summer spring autumn fall season weather rain rainy snow snowy sunny cloudy windy storm
hot cold warm cool nice lovely great awesome cute funny weird crazy silly sad happy angry
tired sleepy hungry thirsty bored busy lazy sick ill healthy pretty ugly beautiful gorgeous
morning evening night afternoon noon midnight tonight today tomorrow yesterday weekend holiday
holidays vacation birthday anniversary party wedding dinner lunch breakfast brunch snack meal
coffee tea water juice milk beer wine pizza pasta burger sandwich salad soup rice bread cake
cookie cookies chocolate candy fruit apple banana orange grape grapes lemon potato potatoes
tomato chicken beef pork fish egg eggs cheese butter sugar salt pepper spicy sweet sour salty
mom mum dad mother father parents sister brother son daughter baby kid kids child children
family friend friends buddy bro dude guys girl girls boy boys man men woman women people
teacher student students class classes homework lesson lessons exam exams test tests grade
grades school college university math maths science history geography english chemistry
physics biology art music sport sports football soccer basketball tennis game games gaming
phone laptop computer tablet screen keyboard mouse charger battery wifi internet app apps
email message messages text texts chat call video photo photos picture pictures selfie
house home flat apartment room bedroom kitchen bathroom garden yard street road city town
village country world car bus train plane bike taxi ticket tickets flight flights hotel
money cash card bank price cost cheap expensive free sale shop store market mall order
job work office boss meeting meetings project report deadline salary interview resume
love hate like miss want need help please thanks thank sorry hello hi hey bye goodbye yes
no okay ok sure maybe really very quite pretty totally literally basically actually
good bad better worse best worst big small little large huge tiny long short tall old new
young early late fast slow easy hard simple difficult important ready done broken working
cool lol omg wow yeah yep nope hmm ugh haha hahaha idk btw tbh imo brb asap pls plz thx ty
dog dogs cat cats pet pets puppy kitten bird horse animal animals
doctor nurse hospital medicine pain headache fever cough flu covid allergy allergies
movie movies film show series song songs book books story stories news weather forecast
greetings regards cheers congrats congratulations welcome dear sincerely best wishes xoxo
""".split()

"""Words that carry no meaning in a question, words that mean the same thing, and the
words students use for the bot's own sections.

These are search vocabulary, never shown to users. They are kept as the words people
type (any script, any case); :func:`bot.search.normalize.key` turns them into keys.
Countries' and institutions' own synonyms live in ``data/countries.yaml`` and
``data/partners.yaml`` and are indexed with their records.
"""

from __future__ import annotations

# Question words, pronouns, prepositions, politeness: dropped from a query (and from
# the index). A query made only of these finds nothing.
STOP_WORDS: dict[str, str] = {
    "tg": """
        чӣ чи чиро чист чиҳо куҷо куҷост аз куҷо кай кист киҳо кӣ ки чанд чандто чӣ тавр тавр
        чи тавр чӣ гуна гуна чаро оё дар ба аз бо ва ё барои то ман мо шумо вай онҳо ин он
        ҳаст аст ҳастанд мебошад мебошанд буд будааст дорад доранд кадом кадомҳо лутфан салом
        илтимос мехоҳам мехостам метавонам метавонам мумкин бояд кунам кардан мекунам мешавад
        шавад бораи дар бораи маълумот ягон ҳамин низ ҳам мумкин аст чизе хуб рахмат раҳмат
        ташаккур бигӯед гӯед нишон диҳед диҳед медонам намедонам моҳи буданд будаанд рафт рафтанд
        рафта омад омаданд кард карданд кардааст гирифт гирифтанд шуд шуданд шудааст доданд дод
        ҳастанд кадоманд чандум дкмт
    """,
    "ru": """
        где как что кто когда какой какая какое какие каких каким куда откуда почему зачем сколько
        ли в во на по о об обо про с со и или а но для у к ко из от до при за над под без
        мне меня мой моя мои я мы вы ваш ваша ваши вашего вас нам нас наш он она они оно их его
        её это этот эта эти тот та те то же бы есть был была были быть будет можно нужно надо
        хочу хотел хотела хотим могу может подскажите скажите расскажите покажите дайте
        пожалуйста пж плиз привет здравствуйте добрый день спасибо информация информацию инфо
        узнать найти там тут здесь всё все весь вообще про какой-нибудь кого кому чем чём
        чего также тоже ещё еще очень просто нужна нужен нужны хотелось бы имеется имеются
        ездил ездила ездили поехал поехала поехали приезжал приезжали был была были гмит мгмит
    """,
    "en": """
        what where how when who whom whose which why is are was were be been am the a an of
        in at to for on by from with about into do does did can could would should will shall
        i me my mine you your we our us it its they them their he she his her this that these
        those there here any some please tell show give get find want need know info
        information hello hi hey thanks thank and or but if so is any also too just all
        went go goes gone did done has have had mmit kind wat whats whos as well only r u ur
    """,
}

# Words that mean the same thing to a student, across the three languages: a query word
# (Scholarships and grants are not here on purpose: the page names none, so «стипендия»
# must not lead to Projects; the answer layer says the page doesn't say.)
# from a group also looks for the others. Only what the records do not already say in
# all three languages needs to be here.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("университет", "вуз", "вузы", "донишгоҳ", "донишкада", "university", "institute", "институт", "univer", "универ"),
    ("учёба", "учеба", "учиться", "обучение", "обучаться", "таҳсил", "хондан", "study", "studies", "studying"),
    ("обмен", "обмена", "мубодила", "мубодилаи", "exchange", "exchanges", "мобильность", "mobility"),
    ("виза", "визы", "визу", "раводид", "visa", "visas"),
    ("новости", "новость", "хабар", "хабарҳо", "ахбор", "навигарӣ", "news"),
    ("мероприятие", "мероприятия", "событие", "события", "чорабинӣ", "рӯйдод", "event", "events"),
    ("проект", "проекты", "лоиҳа", "лоиҳаҳо", "project", "projects"),
    ("партнёр", "партнер", "партнёры", "партнеры", "ҳамкор", "ҳамкорон", "шарик", "partner", "partners"),
    ("страна", "страны", "кишвар", "кишварҳо", "давлат", "country", "countries"),
    ("семестр", "нимсола", "semester", "term"),
    ("летний", "летняя", "летом", "тобистона", "тобистон", "summer"),
    ("курсы", "курс", "курсҳо", "course", "courses"),
    ("язык", "языки", "языковые", "забон", "забонҳо", "language", "languages"),
    ("иностранный", "иностранные", "иностранцы", "зарубежный", "зарубежные", "хориҷӣ", "хориҷа", "foreign", "international", "abroad", "заграница", "за рубежом", "рубеж"),
    ("студент", "студенты", "студентов", "донишҷӯ", "донишҷӯён", "student", "students"),
    ("преподаватель", "преподаватели", "учитель", "омӯзгор", "устод", "teacher", "teachers", "lecturer", "staff", "сотрудники", "кормандон"),
    ("поступление", "поступить", "приём", "прием", "қабул", "admission", "admissions", "admitted", "admit", "enrol", "enroll", "apply"),
    ("магистратура", "магистр", "магистрант", "магистрӣ", "магистратураи", "master", "masters", "master's"),
    ("цюйчжоу", "кучжоу", "кужоу", "куҷоу", "quzhou", "kuzhou", "qujou"),  # the page writes "Kuzhou"
    ("конференция", "конференции", "конфронс", "conference", "conferences", "симпозиум", "семинар", "seminar"),
    ("адрес", "суроға", "address", "location", "местоположение", "ҷойгиршавӣ"),
    ("телефон", "тел", "phone", "tel", "telephone", "номер", "рақам"),
    ("контакты", "контакт", "тамос", "contacts", "contact", "связаться", "связь"),
    ("заявка", "заявку", "ариза", "application", "apply", "подать"),
    ("начальник", "руководитель", "заведующий", "сардор", "роҳбар", "head", "chief", "director"),
    ("почта", "email", "e-mail", "мейл", "почтаи"),
    ("сайт", "website", "site", "сомона"),
    ("эразмус", "эрасмус", "erasmus", "erazmus", "эразмус+"),
    ("амударья", "амударё", "омударё", "amudarya", "amu"),
    ("беларусь", "белоруссия", "беларус", "belarus"),
    ("греция", "юнон", "greece", "греческий"),
    ("китай", "чин", "хитой", "china"),
    ("показать", "показали", "показывали", "продемонстрировать", "демонстрация", "намоиш", "муаррифӣ", "demonstration", "demonstrated", "showed", "presented", "нишон"),
    ("годовщина", "годовщину", "годовщины", "юбилей", "юбилея", "летие", "летию", "летия", "солагӣ", "солагии", "anniversary", "jubilee"),
    ("визит", "визита", "визитом", "посетили", "посетил", "посетила", "посещение", "ташриф", "visit", "visited", "visits"),
    ("отмечали", "отмечать", "праздновали", "посвящённая", "посвященная", "посвящённой", "посвященной", "ҷашн", "бахшида", "bakhshida", "dedicated", "celebrated"),
)

# General words ("study", "university", "partners" ...): a query that names a country
# plus only such words asks for that country's partner list ("учёба в Греции").
SOFT_WORDS = """
    учёба учиться обучение таҳсил study studies вуз вузы университет университеты донишгоҳ донишгоҳҳо
    донишкада university universities institute институт институты партнёры партнёр ҳамкор ҳамкорон
    partner partners страна кишвар country обмен мубодила exchange сотрудничество ҳамкорӣ cooperation
    программа барнома programme program список рӯйхат list
"""

# Question words that do carry a hint: "where" asks for an address.
INTENT_WORDS: dict[str, str] = {"где": "адрес", "куда": "адрес", "куҷо": "суроға", "куҷост": "суроға", "where": "address"}

# The bot's own sections: phrases students use for them, comma-separated. Keys are
# deep-link payloads.
SECTION_KEYWORDS: dict[str, str] = {
    "contacts": """
        контакты, контакт, телефон, номер телефона, адрес, почта, электронная почта, email, e-mail,
        как связаться, связь, позвонить, где находится отдел, кабинет,
        contacts, contact, phone, phone number, telephone, address, call, reach,
        тамос, рақами телефон, суроға, суроғаи шӯъба, почтаи электронӣ, шӯъба дар куҷост,
        бо кӣ тамос гирам, сардор, мутахассис
    """,
    "about": """
        об отделе, отдел международных связей, о нас, цель, задачи, деятельность, функции,
        about the office, international relations office, aim, tasks, activities, functions,
        дар бораи шӯъба, шӯъбаи робитаҳои байналмилалӣ, мақсад, вазифаҳо, фаъолият
    """,
    "partners": """
        партнёры, вузы партнёры, университеты партнёры, список партнёров, зарубежные вузы,
        с кем сотрудничает, сотрудничество, страны партнёры,
        partner universities, partners, list of partners, foreign universities, cooperation, partner countries,
        ҳамкорон, донишгоҳҳои ҳамкор, рӯйхати ҳамкорон, ҳамкорӣ, кишварҳои ҳамкор
    """,
    "erasmus": """
        эразмус, эразмус плюс, программа erasmus, академическая мобильность, мобильность,
        обмен, семестр за рубежом, erasmus plus, academic mobility, exchange programme,
        ҳаракатнокии академӣ, мубодила, барномаи erasmus
    """,
    "projects": """
        проекты, международные проекты, зарубежные проекты,
        projects, international projects, foreign projects,
        лоиҳаҳо, лоиҳаҳои байналмилалӣ, лоиҳаҳои хориҷӣ
    """,
    "news": """
        новости, события, мероприятия, последние новости,
        news, events, latest news, what's new,
        хабарҳо, ахбор, навигариҳо, чорабиниҳо, рӯйдодҳо
    """,
}

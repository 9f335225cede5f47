"""What the office's page never says, by topic: a question about one of these is answered
honestly ("the page doesn't say ...; the specialist can be asked"), never with a card that
guesses. Words (matched by their forms, or as typed), two-word phrases, and groups that ask
about a topic only together. The texts of the topics are ``answer-what-<topic>`` in locales/.
"""

from __future__ import annotations

MISSING: dict[str, str] = {
    "fee": """fee fees tuition cost costs price prices pay paid payment payments free
        money стоимость стоит стоить цена цены оплата оплату оплачивать оплачивает оплачивается
        платить платно платный платное платная бесплатно бесплатное бесплатный бесплатная деньги
        стоят стоило стоили контракт контракта нарх нархи арзиш ройгон ройгонй пардохт пардохти ҳаққи хакки хаки
        маблағ маблаг пул пули""",
    "scholarship": """scholarship scholarships stipend stipends grant grants funding стипендия стипендии
        стипендию стипендий грант гранты гранта финансирование стипендияи идрорпулӣ идрорпули""",
    # ("Mail", «почта» may be the post: with an address cue they ask the address; see MAIL.)
    "email": """email emails mail gmail почта почты почту мейл емейл имейл имэйл электронная
        электронной электронку почтаи электронӣ""",
    "website": """website websites site сайт сайта сайте сомона вебсайт instagram facebook telegram
        телеграм телеграмм канал канали channel youtube ютуб tiktok вконтакте""",
    "hours": """hours hour schedule timetable часы часов график режим расписание соат соати соатҳои
        соатхои ҷадвал ҷадвали чадвал чадвали""",
    # (Matched as typed, EXACT_TOPICS: "Rome" shares a stem with "room".)
    "room": """room rooms cabinet floor кабинет кабинета кабинете комната комнаты комнате этаж этаже
        этажа ҳуҷра хучра хуҷраи ҳуҷраи ошёна ошёнаи oshyona oshyonai oshena utoq utoqi утоқ утоқи
        утоқе утоқҳо""",
    "dorm": """dormitory dormitories dormitry dormitary dormatory dorm dorms hostel accommodation общежитие общежития
        общага жильё жилье проживание хобгоҳ хобгох хобгоҳи хобгохи""",
    # Plural only: "what document was signed" asks about the page's memorandum. The plural
    # shares its lemma with the singular, so this topic is matched on the words as typed
    # (EXACT_TOPICS).
    "documents": """documents papers requirements requirement gpa документы документов документҳо
        документхо справка
        справки требования ҳуҷҷатҳо хуччатхо ҳуҷҷатҳои ҳуҷҷатҳоро хуччатхоро ҳуҷҷатро документҳоро талабот passport passports паспорт паспорта
        шиноснома шинос шартҳо шартҳои условия условий conditions""",
    "exam": """exam exams score scores баллы балла баллов проходной проходные ielts toefl duolingo hsk экзамен экзамены экзамена вступительные егэ имтиҳон
        имтихон имтиҳони имтиҳонҳо certificate certificates сертификат сертификата сертификаты
        сертификати сертификатҳо""",
    "faculty": """faculty faculties specialty speciality specialities major majors факультет
        факультеты факультетов специальность специальности кафедра кафедры факултет факултетҳо
        факултетхо ихтисос ихтисоси ихтисосҳо""",
    "birthday": """birthday born age родился родилась возраст рождения рождение таваллуд синну зодрӯз
        зодрӯзи зодруз зодрузи чандсола чандсолаш чандсолаанд chandsola""",
    "route": """airport bus taxi flight flights ticket tickets route directions transport
        добраться доехать проехать аэропорт автобус такси поезд билет билеты перелет перелёт
        маршрут маршрутка маршрутки маршрутке маршруткаи фурудгоҳ фурудгох чипта""",
    # («срок», «мӯҳлат» alone ask as often how long or when something was: see PHRASE_TOPICS.)
    "deadline": """deadline deadlines дедлайн дедлайна""",
    "salary": """salary salaries зарплата зарплаты маош""",
    "distance": """online distance remote дистанционно дистанционное дистанционного дистанционка онлайн
        заочно заочное заочка заочного фосилавӣ фосилави ғоибона гоибона""",
    # Credits counted at home after an exchange: the page says nothing of it.
    "credits": """credits перезачесть перезачет перезачёт перезачтут перезачитывают перезачитываются
        перезачтение ects""",
    "transfer": """transfer transferring перевестись перевестись перевод перевода перейти перевожусь гузарам
        гузаштан гузариш интиқол""",
    "budget": """budget budgets budgeted funded funds funder funders sponsor sponsored sponsors бюджет
        бюджета бюджете бюджетом финансирует финансировал финансировали спонсор спонсоры доллар
        доллара долларов dollar dollars евро euro euros буҷа буҷаи буҷет маблағгузорӣ маблағгузори
        маблағгузор""",
    "campus": """canteen cafeteria cafe library gym wifi password parking парковка паркинг пароль столовая столовой столовую буфет кафе
        библиотека библиотеки библиотеку спортзал вайфай ошхона ошхонаи китобхона
        китобхонаи""",
    "places": """quota quotas квота квоты квотаи kvota""",
    "grades": """grades marks оценки оценку оценок баҳоҳо баҳоҳои""",
    # (Not "family": «фамилия» is a surname; not «зан»: «занг занам» is "I call".)
    "family": """wife husband children spouse жена жену муж мужа семья семью дети детей шавҳар шавҳарам
        оила оилаам фарзанд фарзандон""",
    "insurance": """insurance insured страховка страховку страховки страхование медстраховка суғурта
        суғуртаи сугурта""",
    "calendar": """session sessions calendar holidays vacation vacations сессия сессии сессию каникулы
        каникул календарь календаря сессияи таътил таътили тақвим тақвими""",
    # ("Job" alone is also a post: "Nasriddinov's job title"; see PHRASE_TOPICS.)
    # (Not "company", «ширкат»: some partners are companies, "BGRIMM Technology Group", MACROMINE.)
    "company": """factory factories plant завод заводе заводи заводҳо предприятие предприятии
        предприятиях фабрика корхона корхонаи""",
    "job": """vacancy vacancies employment трудоустройство вакансия вакансии вакансияҳо""",
    # What is to come: the page tells what happened, never the next call or event.
    "future": """next upcoming следующий следующая следующее следующего следующем ближайший ближайшая
        предстоящий предстоящая навбатӣ навбати навбатии оянда ояндаи""",
}

EXACT_TOPICS = frozenset({"documents", "room"})
# Words of a topic whose stem is some other word's: matched as typed ("housing" is no "house",
# "charges" no "in charge").
EXACT_EXTRA: dict[str, str] = {"dorm": "housing", "fee": "charges", "route": "train trains"}  # no "training"
# Two words in a row that ask about a topic though neither does alone: "how much is the
# visa" (but "how much students went", as a learner may write, counts people; "thank you
# very much" is small talk, read before this).
PHRASE_TOPICS: dict[str, tuple[tuple[str, str], ...]] = {
    "fee": (("much", "is"), ("much", "are"), ("much", "does"), ("much", "do"), ("much", "will"),
            ("much", "would"), ("much", "cost"), ("much", "money")),
    # («равам», "I go", alone: «ба Юнон равам» is going to Greece on an exchange.)
    "route": (("тавр", "равам"), ("тавр", "биравам"), ("тавр", "расам"), ("тавр", "бирасам")),
    "documents": (("баҳои", "миёна"), ("бахои", "миена"), ("средний", "балл"), ("average", "grade")),
    "deadline": (("мӯҳлати", "ҳуҷҷатсупорӣ"), ("муҳлати", "ҳуҷҷатсупорӣ"), ("мӯҳлати", "қабули"),
                 ("мӯҳлати", "супоридани"), ("срок", "подачи"), ("сроки", "подачи"), ("срок", "приема"), ("сроки", "приема"),
                 ("крайний", "срок"), ("последний", "срок"), ("какого", "числа"), ("мӯҳлати", "супоридани"),
                 ("мӯҳлати", "супоридан"), ("мӯҳлати", "охирини"), ("мӯҳлати", "охирин"),
                 ("мӯҳлати", "қабули"), ("мӯҳлати", "пешниҳоди"), ("мӯҳлати", "ариза"), ("муҳлати", "ариза"),
                 ("мӯҳлати", "аризаҳо"), ("кай", "тамом"), ("when", "closes"), ("когда", "заканчивается")),
    "language": (("teach", "in"), ("taught", "in"), ("teaching", "in"), ("преподают", "на"),
                 ("преподавание", "на"), ("на", "английском"), ("in", "english"), ("ба", "забони"),
                 ("бо", "забони"), ("каком", "языке"), ("языке", "обучения"), ("язык", "обучения"), ("language", "of"),
                 ("of", "instruction"), ("instruction", "language"), ("teaching", "language"),
                 ("ведется", "обучение"), ("забони", "таҳсил"), ("забони", "таълим"), ("кадом", "забон")),
    # "How many places on the exchange": the page counts who went, never the places offered.
    "future": (("баргузор", "мешавад"), ("баргузор", "мешаванд"), ("гузаронида", "мешавад"),
               ("гузаронида", "мешаванд"), ("сар", "мешавад"), ("оғоз", "мешавад"), ("кай", "эълон"), ("когда", "объявят"), ("when", "announced"), ("будет", "ли"),
               ("будут", "ли")),
    "job": (("ҷои", "кор"), ("чои", "кор"), ("ҷои", "кори"), ("чои", "кори"), ("кори", "холӣ"), ("кори", "холи"), ("any", "jobs"), ("there", "jobs"), ("jobs", "at"), ("jobs", "in"), ("job", "vacancies"), ("job", "offers"),
            ("find", "job"), ("find", "a"), ("get", "job"), ("part-time", "job"), ("part", "time")),
    "campus": (("wi", "fi"), ("park", "my"), ("park", "a")),
    "exam": (("сатҳи", "забони"), ("сатҳи", "забон"), ("уровень", "языка"), ("уровень", "английского"),
             ("level", "of"), ("english", "level"), ("language", "level"), ("уровень", "китайского"),
             ("уровень", "языка"), ("сатҳи", "чинӣ"), ("chinese", "level")),
    "birthday": (("чанд", "сола"), ("chand", "sola"), ("чанд", "солаш"), ("how", "old")),
    "places": (("many", "places"), ("many", "spots"), ("many", "slots"), ("сколько", "мест"),
               ("сколько", "места"), ("чанд", "квота")),  # («чанд ҷой гирифт»: which place he took)
    "double-degree": (("double", "degree"), ("double", "degrees"), ("dual", "degree"), ("dual", "degrees"),
                      ("joint", "degree"), ("double", "diploma"), ("двойной", "диплом"), ("двойного", "диплома"),
                      ("двойные", "дипломы"), ("двойных", "дипломов"), ("двух", "дипломов"),
                      ("дипломи", "дугона"), ("дипломи", "дугонаи"), ("ду", "диплом"), ("диплома", "дугона")),
}
# Every group present (any word of each, by form) asks about a topic: "how many foreign
# students study here" (the page never counts them; "how many students went to Ufa" it does).
_OPEN = """open opens close closes closed closing work works working работает работаете работают
    открыт открыто открывается закрывается закрыт кор кушода баста"""
_OFFICE_AS_SUCH = """office department отдел отдела отделе шӯъба шуъба шӯъбаи шуъбаи"""
COMBO_TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # "When is the office open", «во сколько закрывается отдел», «шуъба кай кор мекунад».
    ("hours", ("when когда кай time сколько", _OPEN, _OFFICE_AS_SUCH)),
    # "Is the office open on Saturday", «шанбе шуъба кор мекунад?».
    ("hours", ("saturday sunday weekend weekends суббота субботу воскресенье выходные выходных шанбе якшанбе",
               _OPEN, _OFFICE_AS_SUCH)),
    # "When was the office founded", «в каком году создан отдел», «шуъба соли чанд таъсис ёфтааст»
    # (by whose decision, the page says).
    ("founded", ("when когда кай year году год соли", """founded established created founding establishment создан создана создано создании
                 основан основана основано основания таъсис таъсиси таъсисёфта""",
                 _OFFICE_AS_SUCH + " institute институт института донишкада донишкадаи")),
    # "How long does the visa take": the page says the office arranges visas, not how long.
    ("processing", ("visa visas виза визы визу оформление раводид раводиди",
                    "long долго времени длится занимает муддат муддати давом вақт вакт")),
    # "Who was the head before him": the page names today's people only.
    ("former", ("""before previous former earlier прежний прежде бывший предыдущий раньше пештар қаблан
                 собиқ пеш""", """head chief начальник начальником руководитель руководителем руководил
                 руководила сардор сардори мудир""")),
    # "How many students can go to Ufa each year": the page counts who went, not places.
    ("places", ("many сколько чанд", "students студентов донишҷӯ донишҷӯён", """each every per annually
                ежегодно каждый каждом ҳар""", "year году год сол соли")),
    # "How long has Muhamadiev been head": the page says who, not since when.
    ("tenure", ("long since давно", "been является руководит работает", """head chief начальник начальником
                руководитель руководителем отделом сардор""")),
    # "Since which year is he head", «с какого года он начальник», «аз кадом сол сардор аст».
    ("tenure", ("since с аз боз", "year years года году лет сол соли солҳо кай когда when", """head chief начальник
                начальником руководитель руководителем сардор сардори мудир мудири""")),
    # "Is the MMIT diploma recognised in Europe": the page speaks of the office's aims only.
    ("recognition", ("diploma diplomas диплом диплома дипломы дипломи дипломҳо",
                     """recognized recognised recognition recognize признается признаётся признают
                     признание нострификация эътироф эътирофи эътироф мешавад""")),
    ("enrolment", (
        "many сколько чанд чандто",
        """foreign international overseas иностранный иностранных иностранные иностранцев хориҷӣ
        хориҷи хориҷии хориҷиён хориҷиёни khoriji horiji khorijiyon""",
        """student students студент студента студентов студенты учится учатся донишҷӯ донишҷӯи донишҷӯён
        донишҷӯёни донишчу донишчуи донишчуён donishju donishjui donishjuyon study studying мехонад
        мехонанд mekhonad mehonad""",
    )),
)

# "How many students study at MMIT": the page counts those who went abroad ("how many students
# studied in Tyumen" it answers: the rule asks that no partner or country be named).
ENROLMENT = ("many сколько чанд",
             "student students студент студентов донишҷӯ донишҷӯён донишҷӯи donishjui",
             "study studying учится учатся обучается обучаются мехонанд мехонад таҳсил")

"""The words that tell what a question asks, in the ways students type them (any script,
any case, Tajik with or without its own letters, Russian and Tajik in Latin letters).

Never shown to users. :class:`bot.answers.intents.Cues` turns them into index forms with
the same morphology as the search, so «телефона», «телефони», "phones" all meet "телефон".
"""

from __future__ import annotations

# Small talk: a message made only of these (and of filler words) is answered in kind.
SMALLTALK: dict[str, str] = {
    "hello": """hi hello hey hallo hola салом салам ассалом ассалому ассалом алайкум алейкум assalomu
        assalom salom privet привет здравствуйте здрасте здравствуй приветствую добрый доброе
        morning evening afternoon утро вечер рӯз рузи хуш омадед""",
    "thanks": """thanks thank thx ty спасибо спс благодарю благодарствую ташаккур ташакур tashakkur
        rahmat раҳмат рахмат сипос мерси spasibo""",
    "bye": """bye goodbye cya пока досвидания свидания хайр хайр худо ҳофиз хофиз xayr poka боздид
        дидор хайрбод""",
    "how-are-you": """дела поживаете хел хубед хубмисиз нағз нагз doing""",
    # "Who are you, a bot or a person?"
    "who-are-you": """who кто кӣ kto кистӣ кисти кистед human person robot человек одам одамӣ робот
        живой""",
    # A bare yes or no answers the bot's last offer (to pass a question on), if any.
    "yes": """yes yeah yep yup sure да конечно ҳа ха бале бали ҳо ho ha""",  # no «давай»: its lemma is «даъват»
    "no": """no nope нет неа не нахейр нахайр нахер нест""",
}
# A call for help alone ("помощь", «кӯмак») is answered with what the bot can do, as "hello" is.
HELP = """help помощь помогите помоги помочь кӯмак кумак ёрдам"""
# Words that may stand beside small talk without making it a question.
FILLER = """ok okay okey ок окей ага угу понял поняла понятно ясно хорошо ладно отлично супер fine great
    good cool nice got it clear большое огромное очень вам тебе ба шумо you much very so lot
    дорогой азиз бисёр хуб фаҳмидам фахмидам майлаш хуш how are ты вы как что чи шумо зиёд зиед
    see katta really helped help helpful that lot day have помощь помогли помог помогла помощи
    помогите помоги помочь кӯмак кумак ёрдам ёрӣ ёри расондед расонидед кардед ҳастӣ хастӣ ҳастед
    хастед ҳастанд ё или or ту r u doing расондӣ расонди кардӣ карди за ответ ответы всего доброго
    хорошего answer answers reply барои ҷавоб чавоб ҷавобатон ҷавобҳо день дня калон ака апа
    устод устоди муаллим домулло"""
# Words that may stand beside small talk but are none alone: the bot's and the Institute's
# names ("salom bot", "ok bye MMIT bot"), a particle.
BESIDE = """bot бот бота боту mmit gmit гмит мгмит дкмт ya то"""

# Countries the page names no partner in (students ask about them): "the page lists no
# partners in ...". Names as typed, any language.
OTHER_COUNTRIES = """turkey turkiye турция турции туркия туркия iran иран эрон afghanistan афганистан
    афғонистон pakistan пакистан покистон india индия ҳиндустон хиндустон germany германия германии
    олмон france франция франции фаронса usa america америка сша амрико англия britain england
    англия бритониё italy италия италии spain испания испании poland польша польши лаҳистон
    czech чехия чехии japan япония японии ҷопон чопон korea корея кореи корея egypt египет миср
    malaysia малайзия turkmenistan туркменистан туркманистон azerbaijan азербайджан озарбойҷон
    georgia грузия гурҷистон armenia армения арманистон lithuania литва эстония estonia hungary
    венгрия romania румыния bulgaria болгария serbia сербия finland финляндия sweden швеция
    austria австрия switzerland швейцария netherlands нидерланды голландия canada канада
    australia австралия mongolia монголия emirates эмираты дубай dubai saudi qatar катар
    israel израиль vietnam вьетнам thailand таиланд indonesia индонезия singapore сингапур
    brazil бразилия uganda уганда madagascar мадагаскар albania албания"""

# (Words that stem onto a cue but are none: "tell" would meet «тел»; see NOT_CUES.)
PHONE = """phone phones telephone whatsapp ватсап вотсап вацап ватсапи dial телефон телефона телефону тел телфон
    телефоны позвонить звонить дозвониться сотовый рақам рақами телефони телефонй занг"""
NOT_CUES = """tell telling"""
# "Mobile" as typed (its stem is "mobility"'s).
# "Call" as typed: "open calls" are calls for applications.
PHONE_EXACT = """mobile cellphone call calling"""
# "Number" is the phone's only beside the office, its people or a contact word ("the number
# of partners" is a count, «номер кабинета» a room).
NUMBER = """number номер номера номеру рақам рақами"""
CONTACT = """contact contacts контакт контакты связаться связи тамос"""
# («кӯча», street, is left out: folded and transliterated it is «куҷо», where.)
ADDRESS = """address adress zip postal postcode street адрес адреса адресу адресс индекс улица улице
    суроға суроғаи сурога суроги индекси"""
# «Кӯча» (street) as typed: its stem is «куҷо»'s (where).
ADDRESS_EXACT = """кӯча кӯчаи куча кучаи kucha kuchai"""
# "Where", "located" ask for the office's address only when nothing else is named.
WHERE = """where located location situated где куда находится расположен расположена куҷо куҷост кучо кучост
    ҷойгир чойгир ҷойлашуда ҷойлашудааст joylashudaast kujo kujost kucho gde city город города городе шаҳр шахр шаҳри шахри
    воқеъ вокеъ town village посёлок поселок поселке посёлке шаҳрак шахрак деҳа деха"""
OFFICE = """office department офис офиса офисе офиси отдел отдела отделе отделу iro intl international relations шӯъба шуъба
    шӯъбаи шуъбаи раёсат раёсати робита робитаҳо робитаҳои робитахои связей связи международный
    международного международных отношений отношения отношениям relation байналмилалӣ байналмилали
    байналмилалии внешних внешнего"""
# The office's tasks and its areas of cooperation, asked for as a whole.
TASKS = """tasks task functions duties задачи задача функции обязанности вазифа вазифаҳо вазифахои
    вазифаҳои занимается занимаетесь занимаются goal goals purpose aim цель цели назначение
    ҳадаф ҳадафи мақсад мақсади"""
# ... but «кадом вазифаро ишғол мекунад», "what position does he hold" ask for a post.
NOT_TASKS = """ишғол ишгол position должность должности мансаб"""
# "What does the office do" asks for its tasks too: the office named (as such, TASK_OFFICE),
# and every group of one of these (by the words as typed; "do" is a stop word of the search;
# "does" alone is an auxiliary: "what projects does the office have").
TASK_PHRASES = (("what", "do doing"), ("чӣ чи", "кор", "мекунад мекунед мекунанд"))
TASK_OFFICE = """office department отдел отдела шӯъба шуъба шӯъбаи шуъбаи раёсат раёсати"""
AREAS = """areas area directions направления направлениях самтҳо самтҳои самтхои соҳаҳо"""
HEAD = """head chief boss manager leader начальник начальника руководитель руководителя заведующий
    глава сардор сардори роҳбар рохбар роҳбари рохбари мудир мудири charge heads leads возглавляет
    возглавляющий руководит сарварӣ сарпарастӣ"""
SPECIALIST = """specialist специалист специалиста мутахассис мутахассиси"""
# Officials of the Institute who are not the office: a phone "of the rector" is not the office's.
OTHER_PEOPLE = """rector vice-rector prorector ректор ректора ректору проректор проректора ректори
    dean декан декана director директор директора professor профессор профессора"""
LIST = """list all which какие каких список перечень все кадом кадомҳо рӯйхат рӯйхати руйхат ҳамаи
    хамаи перечисли перечислите назови назовите номбар"""
# Regions students ask by, as phrases (every word of one phrase present) → country codes.
REGIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "central-asia": (
        ("central asia", "средняя азия", "средней азии", "центральная азия", "центральной азии",
         "осиёи миёна", "осиёи марказӣ", "osiyoi miyona"),
        "kz kg uz",
    ),
    "europe": (
        ("europe", "european", "европа", "европы", "европейские", "европейских", "европейскими", "аврупо",
         "аврупоӣ", "аврупои"),
        "ua by md sk pt lv si gr no",
    ),
}

# Words that name no particular thing in a question about partners: "do you have any
# partner universities in Moldova", «с какими вузами Украины есть договоры».
GENERAL = """именно правда true really верно correct дуруст дурустаст one two three four five six seven eight nine ten
    один одна одно два две три четыре пять шесть семь восемь девять десять двое трое четверо пятеро як ду се чор панҷ
    шаш ҳафт ҳашт нӯҳ даҳ ака ака-джон апа members member well only also называется называются называлась назывался называлось called номида federation федерация федерации федерацией republic республика республики ҷумҳурӣ ҷумҳурии чумхурии
    всего итого total overall altogether умумӣ умуман vsego sobytie sobytiya bylo byla событие события plus плюс плус m interested interest среди among хел вообще ваще ҳамагӣ хамаги have has any there our your with cooperate cooperates cooperating cooperation collaborate
    collaboration work works agreement agreements contract contracts among партнер партнеры партнёр
    партнёры партнеров вуз вузы вузов университет университеты университетов институт сотрудничество
    сотрудничает сотрудничаете сотрудничаем договор договоры договоров соглашение соглашения есть
    имеются имеется какие каких ҳамкорӣ ҳамкории хамкори хамкорй доред дорад ҳаст хаст шартнома
    шартномаҳо созишнома шарик шарикон шарики ҳамкор ҳамкорон донишгоҳ донишгоҳҳо донишгоҳҳои
    донишкада донишкадаҳо муассиса муассисаҳо mmit gmit гмит мгмит дкмт iro partner partners
    university universities institute institutes institutions institution which list all кадоманд
    partnr partnrs parners partnors univercity univercities universty universties unversity
    unversities univeristy univeristies universites
    кадомҳо кадомхо кадом какими дорем доранд дорам дорӣ uni unis вузами вузах мекунад мекунанд
    мекунед мекунем how many сколько чанд чандто перечисли перечислите назови назовите кор
    такой такая такие takoy takaya является являются являетесь кем
    номбар кунед кунӣ нависед бигӯед гӯед скажите напишите покажите расскажите подскажите please pls
    пожалуйста илтимос show need needs want wants name names full
    tajikistan таджикистан таджикистане таджикистана тоҷикистон точикистон get obtain получить получение
    гирифтан гирам работает работаете работают работаем educational образовательными образовательные образовательных ҳама ҳамаи хамаи hama hamai шумоянд шумоед шумост моянд мебошанд мебошад ҳастанд хастанд"""
# A first clause that begins with one of these introduces the student ("I'm a second-year
# mining student, can I go to Greece?"): what it names (a faculty) is no question.
INTRO = """i i'm im я ман man my мой моя мои писарам духтарам"""
# ... and says who the student is (not "I wrote down the office's number, ...").
INTRO_MARK = """am m student studying study studies студент студентка учусь курсе преподаватель иностранец
    иностранка первокурсник первокурсница второкурсник второкурсница магистрант магистрантка аспирант
    аспирантка бакалавр абитуриент абитуриентка freshman sophomore undergraduate applicant донишҷӯй
    донишҷӯйи магистр магистранти унвонҷӯ донишҷӯи курси донишҷӯям ҳастам хастам hastam абитуриента
    parent father mother son daughter journalist reporter отец мать папа мама родитель сын дочь
    журналист журналистка корреспондент падар модар падари модари писарам духтарам applying поступает"""
# A clause made of these words only ("хотел узнать", "wanted to ask") says nothing either.
WANT = """i я ман хотел хотела хотелось бы хочу узнать спросить wanted to ask know wonder мехостам
    мехоҳам пурсам бидонам донам"""
# The Institute's own name: «кто ректор горно-металлургического института» asks about the
# Institute, and its words must not pull in the partners named "Mining" or "Metallurgical".
# Dropped from a question only together with a form of "metallurgical" (see OWN_MARK).
OWN_NAME = """mining metallurgical institute tajikistan of горно горный металлургический металлургического
    металлургическом институт института институте таджикистана таджикистан кӯҳӣ кухи металлургӣ
    металлургии донишкада донишкадаи тоҷикистон точикистон gmit mgmit гмит мгмит дкмт"""
OWN_MARK = """metallurgical металлургический металлургии металлургӣ"""
# ... and only after a word of "mining" («горно-металлургический», «кӯҳию металлургӣ») or
# beside "Tajikistan": "metallurgical institutions" alone are partners of a kind.
OWN_BEFORE = """mining горно кӯҳию кухию кӯҳиву"""
OWN_WITH = """tajikistan таджикистана таджикистан тоҷикистон точикистон tojikiston"""
# Entry papers are the visa the office arranges (the page says so), not unknown "documents".
VISA = """visa visas виза визы визу визой раводид раводиди въезд въезда entry"""
# The words of "email" that mean an e-mail and nothing else ("e-mail address" asks the e-mail:
# typed so it is the words "e" and "mail").
EMAIL_ONLY = """email emails gmail e мейл емейл имейл имэйл электронная электронной электронку
    электронӣ электрони"""
# Postal-code words: «индекси почта» asks for the address, not an e-mail (nor documents).
POSTAL = """zip postal postcode индекс индекси бандероль"""
# ... or a letter sent ("I'd like to send a letter by post"; not "an invitation letter").
SEND = """send sending mail post отправить отправлю послать пошлю фиристам фиристодан"""
LETTER = """letter letters письмо письма мактуб"""

# "Except": the words after one of these (up to the clause's end or a RESUME word) name what
# is left out ("partners in China except Kunming", «ғайр аз сардор боз кӣ кор мекунад»).
EXCEPT = """except besides excluding apart кроме помимо исключением ғайр гайр ghayr gayr бағайр
    багайр ғайри гайри"""
# Words right after an EXCEPT word that belong to it ("apart from", «ғайр аз»).
EXCEPT_TAIL = """from of аз az"""
RESUME = """else other another any is are do does which what who боз дигар ещё еще есть какие каких
    какой кто кадом кӣ ки чӣ"""
# The office's people as a whole: "international office staff", «кто работает в отделе».
STAFF = """staff employees employee team colleagues сотрудники сотрудников сотрудник работники
    работников коллектив кормандон кормандони корманд кормандонаш"""
# (Tajik «ки», also typed for «кӣ», is mostly "that": the verb «кор» must be there too.)
WHO = """who кто кӣ ки kto ki"""
WORKS = """work works working работает работают работаете кор"""
# A question made only of these and general words asks about the partners as a whole
# ("how many partners", «бо кадом кишварҳо ҳамкорӣ доред»): the partners page answers.
# Kinds of partner by a word their names carry in some language (bot/answers/kinds.py):
# "oil and gas" is one industry (Ufa's "Petroleum" and China's count), metallurgy takes in
# MISiS' steel and alloys. («Стали» is left out: it is also "became".)
PARTNER_KINDS: dict[str, str] = {
    "oil-gas": """oil petroleum gas нефть нефти нефтяной нефтяного нефтяные нефтяных нефтегазовый
        нефтегазового нефтегазовые нефтегазовых нефтегаз газ газа газовый нафт нафту нафти газ гази""",
    "mining": """mining горный горного горная горные горных горнорудный кӯҳӣ кӯҳии куҳӣ кухи кухии""",
    "metallurgy": """metallurgy metallurgical steel alloys металлургия металлургии металлургический
        металлургическая металлургические металлургических сплавов металлургӣ пӯлод пулод хӯлаҳо""",
    "geology": """geology geological геология геологии геологический геологического геологоразведочный
        геологоразведки геологӣ геологии иктишофи""",
    "technical": """technical технический технического технические технических техникӣ техникии техники""",
    "technological": """technological технологический технологического технологические технологических
        """,
    "siberia": """siberia siberian сибирь сибири сибирский сибирские сибирских сибир""",
    # Not a word of the name: the partners that are companies, not universities. (Not
    # "organisations", «организации», «ташкилотҳо»: the page's "universities and organisations"
    # are all its partners.)
    "organisation": """company companies firm firms компания компании компаний фирма фирмы ширкат ширкати
        ширкатҳо""",
}
# Words that may stand beside a kind ("is there a company, what is it called").
KIND_BESIDE = """не ne called name named называется называются название номаш номи"""
# "I saw it on the site, what is Erasmus+": the site is where they saw it, not what is asked.
SEEN = """saw seen read видел видела увидел увидела прочитал прочитала читал читала дидам дидем
    дида хондам"""
# Bodies other than the office whose phone or e-mail a student may ask for (the page gives
# the office's only).
OTHER_BODIES = """confucius конфуций конфуция конфуцию конфутсий конфутсийи dean деканат декан декана
    rectorate ректорат ректората"""
# Verbs of something that has happened: "the next meeting" asked with one of them was held.
PAST = """was were held took прошло прошла прошел прошёл прошли состоялось состоялась состоялся
    состоялись гузашт гузаштанд гузаронида гузаронданд баргузор"""
# "My friend said that ...": the friend and the saying, dropped (bot/answers/reading.py).
FRIEND = """friend friends classmate sister brother cousin colleague подруга подруги друг друга друзья знакомый
    знакомая одногруппник одногруппница сестра брат коллега sestra brat drug podruga хоҳарам хохарам бародарам
    додарам дӯстам дустам дӯстам дӯстам рафиқам рафикам ҳамсабақам"""
SAID = """said told says tells asks asked сказала сказал сказали говорит говорят говорила спрашивает
    спрашивал спрашивала sprashivaet гуфт гуфтанд мегӯяд мегуяд мепурсад пурсид"""
# Partnership asked about: with an unknown name beside it, a partner the page doesn't name.
PARTNERSHIP = """cooperate cooperates cooperation partnership partnerships collaborate collaboration
    agreement agreements сотрудничает сотрудничаете сотрудничество сотрудничаем сотрудничают
    договор договоры соглашение соглашения партнёрство партнерство ҳамкорӣ ҳамкории hamkori
    шартнома созишнома shartnoma"""
# A person's name asked in full ("the head's full name, with the patronymic, for my form").
FULL_NAME = """name full fullname patronymic surname имя отчество фамилия фио полное полностью номи ном
    пурра пурраи падараш падарашро насаб лозим нужно надо"""
# "How long" beside "how many": a duration («чанд вақт», «сколько времени»), not a count.
DURATION = """long time вақт вакт муддат муддати времени время долго"""
# "Is the office in Dushanbe?": a city asked with the office is its address.
CITY = """city town город городе городу шаҳр шаҳри душанбе dushanbe худжанд худжанде khujand хуҷанд
    хучанд бустон бӯстон бустоне buston"""
# ... and the words of the office's own name beside it.
OFFICE_NAME = """relations связей связи робитаҳои робитахои"""
# The Institute's posts the card of its people names ("who was the rector in 2019").
POSTS = """rector rectors ректор ректором ректора ректори rektor rektori vice-rector проректор
    проректором муовин муовини"""
PARTNER_WORDS = """universities unis institutes partner partners партнер партнеры партнёры партнеров партнёров вуз вузы вузов
    вузами университеты университетов шарик шарикон шарикони ҳамкор ҳамкорон ҳамкорӣ донишгоҳҳо
    донишгоҳҳои country countries страны странах стран кишварҳо кишварҳои давлатҳо давлатҳои"""
# A question made only of a section's own words (and general ones) asks for the section:
# "what projects does the institute have", «проекты института», «хабарҳо».
SECTIONS: dict[str, str] = {
    "projects": """project projects проект проекты проектов проектах лоиҳа лоиҳаҳо лоиҳаҳои лоихахо""",
    "news": """news новости новостей событие события хабар хабарҳо хабархо навигариҳо""",
}
# Words that may stand beside a section's word ("the institute's foreign projects") but name
# no section alone ("foreign partners").
SECTION_BESIDE = """xoriji xorijii xorija khoriji khorijii khorija horiji horijii foreign international abroad зарубежный зарубежные зарубежных международный
    международные международных иностранные иностранных хориҷӣ хориҷии хоричи байналмилалӣ
    байналмилали"""
# "Which countries": the countries themselves are asked for.
COUNTRY_WORDS = """country countries страна страны странах стран кишвар кишварҳо кишвархо кишварҳои
    давлат давлатҳо давлатхо давлатҳои"""

# Kinds of mobility a student asks for as a whole: "which universities did students go to
# for a semester", «где учились магистры» (the records of that kind, named with their
# people, are the answer).
MOBILITY_KINDS: dict[str, str] = {
    "student_semester": """semester semesters семестр семестра семестре семестров семестры семестровое
        нимсола нимсолаи нимсолаӣ нимсолаги семестрӣ семестри семестрй""",
    "summer_school": """summer летний летнюю летней летняя летнем летние тобистон тобистона тобистонӣ
        тобистонаи тобистонй""",
}
# Words that may stand beside them; any other ("which project", "how much") asks about
# something else.
MOBILITY_CONTEXT = """professor professors профессор профессора профессоров преподаватели преподавателей
    teachers омӯзгорон устодон girl духтар духтари писар якум first первом первокурсница
    первокурсник name номаш зовут erasmus эразмус эрасмус эразмусу student students студент студенты студентов студента course courses курс курса курсе
    курсы exchange exchanges обмен обмена обмену study studied studying учеба учебы учиться
    обучение обучения abroad зарубеж рубежом донишҷӯ донишҷӯён донишҷӯёни донишчуён курси
    табодул мубодила мубодилаи таҳсил таҳсили хориҷ хориҷа хорича mmit gmit гмит дкмт ever our наших
    graduate graduates выпускник выпускники выпускников выпускницы хатмкарда хатмкардагон магистратура
    магистратуру магистратуре магистратураи master masters поступили поступило поступил enrolled
    наши наш мо моён
    когда-нибудь уже ягон ягонвақт there туда он ҷо"""
# ... asked for by where they went or who went.
MOBILITY_ASK = """which where who whom many сколько чанд went go gone studied какие каких куда где кто ездили ездил поехали
    учились учился кадом куҷо кучо кӣ рафтанд рафт рафтаанд хонданд таҳсил номаш зовут когда when кай"""
# "Ufa semester names": the plural asks who went (matched as typed: "full name" is a partner's).
MOBILITY_NAMES = """names имена фамилии номҳо номҳои номхо номхои"""

# "Which came first, X or Y": both named, each found on its own, ordered by date.
COMPARE_OR = """or или либо ё yo"""
COMPARE_WHEN = """first earlier sooner before later last раньше первым первой первее сначала прежде позже
    позднее последним пештар аввал аввалтар барвақттар баъдтар"""
# Beside a name the page gives with a post, words that ask for the post: «Қозиев кадом
# вазифаро дорад» («вазифа» is a post here, not the office's tasks).
ROLE_ASK = """position post role job hold holds title такой такая должность должности должностью кем является
    являлся являлась вазифа вазифаи вазифаро вазифааш мансаб ишғол"""
ROLE_BESIDE = """дорад does have работает works кист who кто"""
# Who came to the Institute (a visit), not who went from it: «кто приезжал из Афин».
CAME = """came come coming visited приезжал приезжала приезжали приехал приехала приехали прибыл
    прибыли посетил посетили посещали омад омаданд омадааст омадаанд"""
# A country's records are asked for by a verb of going (or coming): "who went to Greece";
# "which partners are in Greece" asks for the partners.
MOBILITY_WENT = """went go gone travelled traveled studied ездили ездил ездила поехали поехал поехала
    учились учился училась стажировались рафтанд рафт рафтаанд рафтааст хонданд хонд хондааст"""
# Words of other countries' names that name none alone ("South Korea", «Южной Корее»).
COUNTRY_MODIFIERS = """south north southern northern южной южная южный южную северной северная северный
    ҷанубӣ ҷанубии шимолӣ шимолии"""
# Someone's own phone: the page's one phone is the office's.
PERSONAL = """personal private own mobile cell cellphone whatsapp telegram viber личный личного личный
    личные мобильный мобильного сотовый ватсап вотсап вацап телеграм шахсӣ шахси мобилӣ мобили
    мобилиаш lichnyj lichnyi mobilnyj"""
# "How are you", «как ты», "how r u": a "how" and a "you" and nothing else.
HOW = """how how's как чӣ чи"""
YOU = """you u ты вы ту шумо"""
# "When did they go": the news of it has the day; its mobility record only the year.
# A signing asked about (bot/answers/signing.py), and "since when" / "what year" beside WHEN_ASK.
SIGNED = """signed sign signing подписан подписана подписано подписали подписания подписать
    заключен заключён заключили заключено имзо имзошуда"""
SINCE_WHEN = """year году год соли"""
# "What did the students do / show there" (bot/answers/choice.py: the news tell it).
DID = """did demonstrate demonstrated showed show делали сделали показали продемонстрировали
    карданд доданд нишон намоиш"""
# Words that may stand beside a year asked about as such (bot/answers/chronicle.py).
YEAR_BESIDE = """happened happen happening did do done news events event office department year
    произошло происходило было были события событие новости новость мероприятия отдел отдела
    сделал сделали делал делали году год шӯъба шуъба хабар хабарҳо чорабинӣ чорабиниҳо воқеа
    воқеаҳо рӯй дод шуд шудааст кард карданд гузашт сол соли"""
WHEN_ASK = """when date dates кай когда дата даты числа сана санаи"""
# A language is no country: "learn English or Chinese" asks for the language courses.
LANGUAGE_NAMES = """english chinese russian greek german french korean turkish arabic английский английского
    английскому китайский китайского русский русского греческий немецкий французский корейский
    турецкий арабский англисӣ англиси чинӣ чини русӣ руси хитоӣ"""
LANGUAGE_CONTEXT = """language languages learn learning study courses course язык языка языку языки
    выучить учить изучать изучение курсы курс курсов забон забони забонҳо омӯхтан омузам омӯзам
    курсҳо курсҳои"""
# Words that may stand beside the office's tasks or areas ("the main areas", «асосӣ»).
ABOUT_BESIDE = """main principal key basic основные основных главные главных асосӣ асосии"""
# "What / which documents": the papers themselves are asked for (the page lists none).
WHICH = """what which какие какой каких кадом чӣ чи"""
# "How many years" beside a person's name asks their age.
AGE = frozenset({("сколько", "лет"), ("скока", "лет"), ("skolko", "let"), ("чанд", "сол"), ("chand", "sol"),
                 ("чанд", "сола"), ("чанд", "солаш"), ("how", "old")})
# "..., I want to come in person": why the student asks where the Institute is.
COME = """come coming visit visiting personally person like would d wish бы приехать приеду прийти приду зайти зайду подойти лично
    сам сама биёям биёем биёед оям омадан омадам худам худ шахсан"""
# "Does the office help / deal with visas": what the office does for visas is on the page.
HELPS = """help helps assist assists deal deals handle handles arrange arranges support помогает помогаете
    помогут помочь помощь оформляет оформляете занимается занимаетесь ёрӣ ёри кӯмак кумак ёрдам мерасонад"""
# "What is his name" beside a post: the page's people are named on their card.
NAME_ASK = """зовут звать name named фамилия номаш номи ном"""
# "Where exactly can I find your office": words beside "where" that ask nothing more.
FIND = """find exactly exact найти найду точно именно ёбам пайдо"""

# A student from abroad asking to study here (bot/answers/applicants.py): "I'm from <country>",
# a foreigner, and a word of applying; going abroad (a semester, an exchange) is another question.
ORIGIN = """from из аз az"""
APPLY = """apply applying application admission admitted admit enrol enroll enrolment enrollment study
    поступить поступление поступать поступлю поступают учиться обучение приём прием
    дохил дохилшавӣ дохилшавии қабул кабул хондан хонам таҳсил тахсил"""
FOREIGNER = """foreigner foreigners иностранец иностранка иностранцы иностранный иностранному
    иностранным иностранных хориҷиён хоричиён шаҳрванди"""
AWAY = """abroad exchange semester erasmus summer masters master's за границу границей рубежом
    обмен обмену семестр эразмус магистратуру хориҷа хорича мубодила нимсола эразмус"""

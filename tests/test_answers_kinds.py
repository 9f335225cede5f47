"""Issue 14, more kinds of question through the real wiring: "which came first", what the
page never says (budgets, the canteen, insurance, places, visa times, former heads), small
talk about the bot itself, a section named with a word beside it."""

from __future__ import annotations

import html

import pytest

from tests.support.harness import Harness
from tests.test_answers import TAG, ask


def _head(harness: Harness, lang: str, key: str, **args: str) -> str:
    t = harness.app.locales[lang]
    return html.unescape(TAG.sub("", t(key, **args)))


@pytest.mark.parametrize(("lang", "question", "first", "second"), [
    ("en", "which project started first, the water resources one or the amu darya-kabul one",
     "project-water-resources", "project-amu-darya-kabul"),
    ("ru", "что было раньше — визит сотрудников БНТУ или конференция MACROMINE?",
     "news-2019-04-macromine-conference", None),
    ("tg", "лоиҳаи Аму Дарё ё лоиҳаи ҳамоҳангсозии захираҳои об — кадомаш пештар оғоз ёфт?",
     "project-water-resources", "project-amu-darya-kabul"),
    # The news of the visit has its day (the mobility record only the year): ordered by day.
    ("en", "what came first, harsha ratnawira's seminar or the kunming delegation visit?",
     "news-2018-08-kunming-delegation", None),
])
async def test_which_came_first_gives_both_with_their_dates_earlier_first(
    harness: Harness, lang: str, question: str, first: str, second: str | None
) -> None:
    snap = harness.app.kb.snapshot
    await harness.choose_language(lang)
    text, data = await ask(harness, question)
    opened = [d.removeprefix("go:") for d in data if d.startswith("go:")]
    assert opened[0] == first, (opened, text[:200])
    if second is not None:
        assert opened[1] == second
    head = _head(harness, lang, "answer-compare-first", first="\x00").split("\x00")[0]
    assert text.startswith(head), text[:200]
    kind, _, key = first.partition("-")
    title = (snap.projects[key] if kind == "project" else snap.events[key]).title.get(lang)
    assert title in text.split("\n")[0]


async def test_an_or_question_without_when_is_no_comparison(harness: Harness) -> None:
    await harness.choose_language("en")
    text, _ = await ask(harness, "is the water resources project or the amu darya-kabul one about rivers")
    assert not text.startswith(_head(harness, "en", "answer-compare-both")), text[:200]


# What the page never says, asked every way students ask it: the honest answer names the
# topic (None: the question itself is echoed) and offers the Ask button.
HONEST = [
    ("en", "what was the budget of the water resources coordination project", "budget"),
    ("ru", "кто финансирует проект Water Harmony-2 и какой у него бюджет", "budget"),
    ("tg", "буҷаи лоиҳаи Аму Дарё ва Кобул чанд доллар буд?", "budget"),
    ("ru", "столовая в институте до скольки работает", "campus"),
    ("en", "is health insurance covered for the norway summer course", "insurance"),
    ("ru", "сколько мест по обмену с Тюменью в этом году", "places"),
    ("en", "how long does visa processing take for foreign students", "processing"),
    ("en", "who was head of the office before muhamadiev", "former"),
    ("tg", "шуъбаи робитахои байналмилали соли чанд таъсис ёфтааст", "founded"),
    ("ru", "сколько стоят курсы английского при институте", "fee"),
    ("ru", "когда начинается учебный год и зимняя сессия", "calendar"),
    ("en", "are there any job vacancies at the institute", "job"),
    ("en", "can I find a part time job in Buston", "job"),
    ("ru", "признается ли диплом гмит в европе", "recognition"),
    ("ru", "пароль от wi-fi в главном корпусе", "campus"),
    ("en", "can I park my car at the campus", "campus"),
    ("ru", "какие проходные баллы в Уральский горный университет в Екатеринбурге", "exam"),
    ("en", "does kazan national research university teach in english", "language"),
    ("ru", "будет ли проект Water Harmony-3 и когда подавать", "future"),
    ("en", "is there a dormitry for foreign students? how much per month", "dorm"),
    ("ru", "какая учёная степень у Мухамадиева?", None),  # the office's head: no guess from a card
    ("tg", "шуъба канали телеграм дорад?", "website"),
    ("tg", "тақвими академӣ", "calendar"),
    ("tg", "раводид чанд вақт мегирад", "processing"),
    ("tg", "пеш аз Муҳамадиев сардор кӣ буд", "former"),
    ("en", "how long has Muhamadiev been head of the office", "tenure"),
    ("en", "are there jobs at the office", "job"),
    ("ru", "ватсап Мухамадиева", "phone-other"),
    ("tg", "барои магистратураи Кунмин кадом документҳо лозим?", "documents"),  # the Russian word, Tajik plural
    ("tg", "практика дар заводи ТАЛКО ё ягон ширкат шуъба ташкил мекунад?", "company"),
    ("tg", "аз Хуҷанд то Бустон бо кадом маршрутка равам?", "route"),
    ("tg", "Muhamadiev chand sola ast", "birthday"),
    ("tg", "Donishgohi federalii Qazon baroi mo chand joy-kvota medihad", "places"),
    ("tg", "лоихаи Water Harmony-3 кай сар мешавад", "future"),
    ("tg", "hozir dar DKMT chand donishjui khoriji mekhonad", "enrolment"),  # Tajik in Latin letters
    ("en", "how many students study in mmit", "enrolment"),
    ("en", "what grades did umarova get in athens", "grades"),
    ("en", "can i take my wife with me on exchange semester", "family"),
    ("tg", "Барои мубодила кадом сатҳи забони англисӣ лозим аст?", "exam"),
    ("tg", "Муҳамадиев аз кадом сол сардори шуъба аст?", "tenure"),
    ("ru", "с какого года Мухамадиев начальник отдела", "tenure"),
    ("tg", "дар институт ҳамагӣ чанд донишҷӯ мехонад", "enrolment"),  # «чанд» is a stop word to the search
    ("tg", "мӯҳлати ҳуҷҷатсупорӣ барои Эрасмус то кай аст", "deadline"),
    ("tg", "рақами телефони Институти Конфутсий чанд аст", "phone-other"),
    ("en", "phone number of kazan federal university", "phone-other"),
    ("en", "How many students can go to Ufa State Petroleum Technical University each year?", "places"),
    ("tg", "Барои рафтан ба курси тобистонаи Норвегия кадом шартҳо ҳаст?", "documents"),
    # An age: "how many years" beside a person named, not beside a project.
    ("ru", "а сколько лет Козиеву Камолудину?", "birthday"),
    ("tg", "Раҳимзода Ҳусноро чандсола аст", "birthday"),
    ("en", "how old is professor Rozikov", "birthday"),
    ("tg", "мӯҳлати ариза барои курси тобистонаи Норвегия кай тамом мешавад", "deadline"),
    ("en", "what HSK score do I need for masters in Kunming", "exam"),
    ("ru", "какой уровень китайского нужен для Куньминского университета", "exam"),
    ("tg", "соли оянда дар донишкада кадом семинарҳо баргузор мешаванд", "future"),
    ("tg", "барои хатмкардаҳо дар шуъба ҷои кори холӣ ҳаст?", "job"),
    ("tg", "барои нимсола дар Уфа кадом ҳуҷҷатҳоро супорам", "documents"),
    ("en", "are the credits from West Attica counted here (ECTS)?", "credits"),
    ("ru", "а перезачтут ли оценки после семестра в Уфе", "credits"),
    ("tg", "dar donishkada tahsili fosilavi hast?", "distance"),
    ("ru", "есть ли дистанционное обучение", "distance"),
    ("tg", "shuba dar kadom utoq ast", "room"),
]


@pytest.mark.parametrize("lang", ["tg", "ru", "en"])
async def test_what_the_page_never_says_is_answered_honestly(harness: Harness, lang: str) -> None:
    # One bot per language for the whole table (a bot per row cost the suite half a minute).
    await harness.choose_language(lang)
    t = harness.app.locales[lang]
    wrong = []
    for row_lang, question, topic in HONEST:
        if row_lang != lang:
            continue
        text, data = await ask(harness, question)
        what = t(f"answer-what-{topic}") if topic else "\x00"
        if not text.startswith(_head(harness, lang, "answer-unknown", what=what).split("\x00")[0]) or "m:ask" not in data:
            wrong.append((question, topic, text[:120]))
    assert not wrong, wrong


@pytest.mark.parametrize(("lang", "question"), [
    ("ru", "Кем создан отдел международных связей?"),  # the page says: the Academic Council
    ("ru", "сколько лет длился проект Water Harmony-2"),  # a project's years, no age
    ("tg", "конфронси Бишкек кай баргузор шуд"),  # held: no "next" event
    ("en", "which mmit students did semester training in Ufa in spring 2019"),  # "training" is no train
    ("ru", "какие партнеры у вас есть в Латвии?"),  # «вас» is no Wi-Fi
    ("tg", "аз соли 2019 сардори шуъба дар кадом конфронсҳо иштирок кард"),  # what he did, not since when
])
async def test_what_the_page_does_say_is_not_taken_for_a_missing_topic(harness: Harness, lang: str, question: str) -> None:
    await harness.choose_language(lang)
    text, _ = await ask(harness, question)
    assert not text.startswith("🤷"), text[:200]


SMALL_TALK = [
    ("en", "are you a bot or a human?", "answer-who-are-you"),
    ("en", "are you a bot?", "answer-who-are-you"),
    ("ru", "ты бот?", "answer-who-are-you"),
    ("tg", "ассалому алейкум устод", "answer-hello"),
    ("ru", "да", "answer-yes"),
    ("tg", "не", "answer-no"),
    ("ru", "кто ты", "answer-who-are-you"),
    ("tg", "ту кистӣ? бот ҳастӣ ё одам?", "answer-who-are-you"),
    ("ru", "спасибо большое за помощь!", "answer-thanks"),
    ("tg", "раҳмат, бисёр ёрӣ расондед 🙏", "answer-thanks"),
    ("en", "help", "answer-hello"),
    ("tg", "кӯмак", "answer-hello"),
]


async def test_small_talk_about_the_bot_and_help(harness: Harness) -> None:
    wrong = []
    for lang, question, key in SMALL_TALK:
        await harness.choose_language(lang)
        text, _ = await ask(harness, question)
        if not text.startswith(_head(harness, lang, key)[:30]):
            wrong.append((question, key, text[:80]))
    assert not wrong, wrong


async def test_a_section_named_with_a_word_beside_it(harness: Harness) -> None:
    await harness.choose_language("tg")
    text, _ = await ask(harness, "донишкада чанд лоиҳаи хориҷӣ дорад? номбар кунед")
    snap = harness.app.kb.snapshot
    assert all(p.title.get("tg") in text for p in snap.projects.values()), text[:300]
    text, _ = await ask(harness, "шарикони хориҷӣ")
    assert not all(p.title.get("tg") in text for p in snap.projects.values()), text[:300]


@pytest.mark.parametrize(("lang", "question", "post"), [
    ("ru", "Кем является Фозилзода в институте?", "Ректор"),
    ("tg", "Қозиев дар донишкада кадом вазифаро дорад", "Муовини якуми ректор"),  # a post, not the tasks
    ("en", "I saw the name Rozikov in a news post about a trip to China, what position does he hold at the institute?",
     "Confucius"),
])
async def test_a_person_the_page_names_with_a_post_gets_the_card_of_the_institutes_people(
    harness: Harness, lang: str, question: str, post: str
) -> None:
    await harness.choose_language(lang)
    text, data = await ask(harness, question)
    assert post in text.split("\n\n", 2)[1], text[:300]
    assert not text.startswith("🤷")


def test_names_are_read_after_each_post_titles_and_initials_aside() -> None:
    from bot.answers.entities import _names_after_posts

    text = ("Rector: Associate Professor M. Fozilzoda. Vice-Rector for Science: Nasriddinov Z. Z. "
            "Director of the Confucius Institute: Professor Rozikov Zafar. Старший преподаватель — Бобоев С.")
    assert _names_after_posts(text) == ["Fozilzoda", "Nasriddinov", "Rozikov", "Zafar", "Бобоев"]


async def test_who_came_from_a_partner_is_its_visit_not_our_trip_there(harness: Harness) -> None:
    snap = harness.app.kb.snapshot
    await harness.choose_language("ru")
    text, data = await ask(harness, "кто приезжал из Афин по эразмусу в 2018")
    # The record's card, or the list of who went there with it alone.
    shown = [r for r in snap.mobility.values() if r.title.get("ru") == text.split("\n")[0]]
    listed = [snap.mobility[d.removeprefix("go:mobility-")] for d in data if d.startswith("go:mobility-")]
    assert (shown or listed) and all(r.kind.value == "visit" for r in shown or listed), text[:200]


async def test_a_capitalised_name_is_no_where_word(harness: Harness) -> None:
    await harness.choose_language("tg")
    text, _ = await ask(harness, "дар конфронси Кужоу кадом давлатхо иштирок доштанд")  # 'kujo' is also «куҷо»
    assert "Цюйчжоу" in text.split("\n")[0], text[:200]


@pytest.mark.parametrize(("lang", "question"), [
    ("en", "whatsapp number of akbarkhon muhamadiev"),  # someone's own phone
    ("ru", "дайте телефон Розикова из института Конфуция"),  # a person of the Institute, inflected
    ("ru", "lichnyj nomer rahimzoda husnoro"),  # «личный номер» in Latin letters
    ("tg", "Рахимзода Хусноро телефони мобилиаш чанд аст"),
])
async def test_someone_elses_phone_is_not_on_the_page_but_the_offices_is_given(
    harness: Harness, lang: str, question: str
) -> None:
    await harness.choose_language(lang)
    text, data = await ask(harness, question)
    t = harness.app.locales[lang]
    assert text.startswith(_head(harness, lang, "answer-unknown", what=t("answer-what-phone-other"))), text[:200]
    assert "710 04 63" in text and "m:ask" in data


async def test_the_heads_phone_is_the_offices(harness: Harness) -> None:
    await harness.choose_language("en")
    text, _ = await ask(harness, "phone of the head")
    assert text.startswith("☎️") and "710 04 63" in text, text[:200]


async def test_another_country_with_a_word_a_partner_shares_is_no_partner(harness: Harness) -> None:
    await harness.choose_language("ru")
    text, _ = await ask(harness, "есть ли у института партнеры в Турции или Южной Корее")  # «Южно-Казахстанский»
    assert text.startswith("🤷") and "Ауэз" not in text, text[:200]


@pytest.mark.parametrize(("lang", "question"), [
    ("ru", "я иностранный студент, кто поможет оформить документы для въезда в Таджикистан"),
    ("en", "im a foreign student, who helps me with the entry documents to come to tajikistan"),
])
async def test_papers_for_entering_the_country_are_the_visa_card(harness: Harness, lang: str, question: str) -> None:
    snap = harness.app.kb.snapshot
    await harness.choose_language(lang)
    text, _ = await ask(harness, question)
    assert snap.faq["visas"].question.get(lang) in text.split("\n")[0], text[:200]


async def test_tajik_street_is_the_address_but_where_is_no_street(harness: Harness) -> None:
    await harness.choose_language("tg")
    text, _ = await ask(harness, "donishkada dar kadom kucha")
    assert text.startswith("📍"), text[:200]
    text, _ = await ask(harness, "Насриддинов ва Бобоев ба куҷо рафтанд?")  # «куҷо» shares «кӯча»'s stem
    assert not text.startswith("📍"), text[:200]


async def test_tajik_except_with_a_trailing_verb(harness: Harness) -> None:
    await harness.choose_language("tg")
    text, data = await ask(harness, "ба ғайр аз Донишгоҳи техникии Раззоқов, дигар кадом донишгоҳҳои Қирғизистон шарики шумоянд?")
    assert "go:partner-knu-balasagyn" in data and "go:partner-kstu-razzakov" not in data, (data, text[:200])


async def test_a_named_partners_own_card_beats_a_general_one(harness: Harness) -> None:
    await harness.choose_language("tg")
    text, _ = await ask(harness, "oyo mubodilai donishjuyon bo Ufa hast")
    assert "Уфа" in text.split("\n")[0], text[:200]


def test_every_topic_the_page_never_says_has_its_text_in_every_locale(harness: Harness) -> None:
    from bot.answers import unsaid

    topics = {*unsaid.MISSING, *unsaid.PHRASE_TOPICS, *(topic for topic, _ in unsaid.COMBO_TOPICS)}
    for lang in ("tg", "ru", "en"):
        keys = harness.app.locales[lang].keys
        assert not {t for t in topics if f"answer-what-{t}" not in keys}, lang


@pytest.mark.parametrize(("lang", "question", "year"), [
    ("tg", "соли 2021 кӣ ба Уфа рафт?", "2021"),
    ("ru", "кто поедет в Уфу в 2024 году", "2024"),
    ("en", "who went to Ufa in 2021", "2021"),
])
async def test_a_year_the_page_says_nothing_of_is_answered_honestly(
    harness: Harness, lang: str, question: str, year: str
) -> None:
    await harness.choose_language(lang)
    text, data = await ask(harness, question)
    t = harness.app.locales[lang]
    assert text.startswith(_head(harness, lang, "answer-unknown", what=t("answer-what-year", year=year))), text[:200]
    assert "m:ask" in data
    text, _ = await ask(harness, question.replace(year, "2019"))  # a year the page tells of
    assert not text.startswith("🤷"), text[:200]


@pytest.mark.parametrize(("lang", "question", "key"), [
    ("en", "how are you", "answer-how-are-you"),
    ("en", "how r u", "answer-how-are-you"),
    ("ru", "как ты", "answer-how-are-you"),  # «ты» is no "ty" (thank you) here
    ("tg", "чӣ хел ту", "answer-how-are-you"),
])
async def test_how_are_you_in_any_words(harness: Harness, lang: str, question: str, key: str) -> None:
    await harness.choose_language(lang)
    text, _ = await ask(harness, question)
    assert text.startswith(_head(harness, lang, key)[:30]), text[:200]


async def test_where_the_office_is_when_papers_are_brought(harness: Harness) -> None:
    await harness.choose_language("ru")
    text, _ = await ask(harness, "Подскажите, пожалуйста, где находится отдел международных связей? Хочу занести документы на обмен")
    assert text.startswith("📍"), text[:200]


async def test_a_partner_named_with_nothing_else_gets_its_card(harness: Harness) -> None:
    snap = harness.app.kb.snapshot
    await harness.choose_language("en")
    text, _ = await ask(harness, "tyumen partner university full name")
    assert text.split("\n")[0].startswith(snap.institutions["tyumen-oil-gas"].name.get("en")), text[:200]


async def test_a_person_who_went_is_found_by_surname_with_what_the_page_says_of_them(harness: Harness) -> None:
    await harness.choose_language("ru")
    # The first clause is the student's field («горного» is also in a partner's name).
    text, _ = await ask(harness, "я первокурсник горного факультета, хочу как Умарова поехать по эразмусу. куда она ездила?")
    assert "Умарова" in text and "1-го курса" in text and "Аттик" in text, text[:300]


async def test_a_quoted_tajik_question_keeps_its_letters(harness: Harness) -> None:
    await harness.choose_language("tg")
    text, _ = await ask(harness, "виза чанд рӯз тайёр мешавад")
    assert "тайёр" in text, text[:200]


async def test_who_came_from_a_country_without_records_is_no_partner_list(harness: Harness) -> None:
    await harness.choose_language("ru")
    text, _ = await ask(harness, "кто приезжал из Беларуси")
    assert "Белорусского национального технического" in text.split("\n")[0], text[:200]


async def test_tajik_thanks_and_all_partners_of_a_country(harness: Harness) -> None:
    await harness.choose_language("tg")
    text, _ = await ask(harness, "ташаккур, ёрӣ расондӣ")
    assert text.startswith(_head(harness, "tg", "answer-thanks")[:20]), text[:200]
    text, data = await ask(harness, "Ҳамаи шарикони донишкадаро дар Чин номбар кунед")
    china = [i.id for i in harness.app.kb.snapshot.by_country["cn"]]
    assert all(f"go:partner-{i}" in data for i in china), text[:200]


@pytest.mark.parametrize(("lang", "question"), [
    ("en", "how many mmit students continued studies for a semester at tyumen oil and gas univ"),  # a count it has
    ("tg", "ба сардори шуъба чӣ хел занг занам?"),  # «занам» is "I call", no wife
    ("ru", "проректор по науке и инновациям кто? фамилия"),  # «фамилия» is no family
])
async def test_look_alikes_of_missing_topics_are_answered(harness: Harness, lang: str, question: str) -> None:
    await harness.choose_language(lang)
    text, _ = await ask(harness, question)
    assert not text.startswith("🤷"), text[:200]


async def test_a_language_named_for_its_courses_is_no_country(harness: Harness) -> None:
    snap = harness.app.kb.snapshot
    await harness.choose_language("en")
    text, _ = await ask(harness, "i want learn english or chinese, does institute have any courses for this?")
    assert snap.faq["language-courses"].question.get("en") in text.split("\n")[0], text[:200]
    text, _ = await ask(harness, "chinese partners")
    assert "China" in text.split("\n")[0], text[:200]


async def test_which_papers_for_a_visa_are_not_on_the_page_but_help_with_them_is(harness: Harness) -> None:
    snap = harness.app.kb.snapshot
    await harness.choose_language("en")
    text, _ = await ask(harness, "What documents do I need to get a visa invitation letter?")
    t = harness.app.locales["en"]
    assert text.startswith(_head(harness, "en", "answer-unknown", what=t("answer-what-documents"))), text[:200]
    text, _ = await ask(harness, "im a foreign student, who helps me with the entry documents to come to tajikistan")
    assert snap.faq["visas"].question.get("en") in text.split("\n")[0], text[:200]


async def test_the_main_areas_of_cooperation_are_the_offices_areas(harness: Harness) -> None:
    await harness.choose_language("en")
    text, _ = await ask(harness, "What are the main areas in which the institute cooperates with foreign educational institutions?")
    assert text.startswith(_head(harness, "en", "answer-office-items")), text[:200]


async def test_a_misspelt_partner_and_names_asked(harness: Harness) -> None:
    await harness.choose_language("en")
    text, data = await ask(harness, "who went to tumen")
    assert "go:mobility-2019-tyumen-semester" in data, (data, text[:200])


async def test_misspelt_general_words_leave_the_country_list(harness: Harness) -> None:
    await harness.choose_language("en")
    _, data = await ask(harness, "partnr univercities belarus")  # a stranger's typing
    belarus = [i.id for i in harness.app.kb.snapshot.by_country["by"]]
    assert all(f"go:partner-{i}" in data for i in belarus), data


async def test_how_many_went_to_a_partner_is_counted_in_figures(harness: Harness) -> None:
    await harness.choose_language("ru")
    text, _ = await ask(harness, "сколько выпускников поступили в магистратуру в Куньмине?")
    record = harness.app.kb.snapshot.mobility["kunming-masters"]
    people = harness.app.locales["ru"]("answer-people-count", count=len(record.participants))
    assert f"👥 {people}:" in text, text[:300]


@pytest.mark.parametrize(("lang", "question", "want"), [
    ("ru", "С какими китайскими университетами работает институт?", "cn"),  # «работает» is general
])
async def test_works_with_is_cooperates_with(harness: Harness, lang: str, question: str, want: str) -> None:
    await harness.choose_language(lang)
    _, data = await ask(harness, question)
    ids = [i.id for i in harness.app.kb.snapshot.by_country[want]]
    assert all(f"go:partner-{i}" in data for i in ids), data

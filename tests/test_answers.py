"""Issue 14: the fact in the first reply, through the production Dispatcher; the honest answer
with the question carried over to "Ask the office"; the morphology behind it."""

from __future__ import annotations

import html
import re

import pytest
from aiogram.fsm.storage.base import StorageKey
from aiogram.methods import SendMessage

from bot.inquiries.callbacks import AskCB
from bot.search.morph import Morphology
from bot.search.tajik import tajik_stem
from bot.views.screens import resolve
from tests.support.harness import Harness, button_data, buttons

TAG = re.compile(r"<[^>]+>")


def _reply(requests: list) -> tuple[str, list[str]]:
    messages = [r for r in requests if isinstance(r, SendMessage)]
    assert messages, "no reply"
    text = "\n".join(html.unescape(TAG.sub("", m.text)) for m in messages)
    data = [d for m in messages for _, d in buttons(m.reply_markup)]
    return text, data


async def ask(h: Harness, question: str) -> tuple[str, list[str]]:
    return _reply(await h.send(question))


# --- Tajik suffix rules ----------------------------------------------------------------

TAJIK = [
    ("донишгоҳҳоро", "донишгох"),  # plural + object marker
    ("донишгоххо", "донишгох"),  # typed without ҳ
    ("донишгоҳи", "донишгох"),  # izofat
    ("шӯъбаи", "шуба"),
    ("ҳамкорон", "хамкор"),  # plural -он
    ("донишҷӯён", "донишчу"),  # plural -ён after a vowel
    ("хатмкунандагон", "хатмкунанда"),  # -агон → -а
    ("хориҷиён", "хоричи"),  # -иён → -ӣ
    ("Русияро", "русия"),
    ("кишварҳои", "кишвар"),
    ("донишгоҳам", "донишгох"),  # possessive
    ("Тоҷикистон", "точикистон"),  # -истон is not a plural
    ("Акбархон", "акбархон"),  # nor is a name's -хон
    ("фаъолият", "фаолият"),  # -ият is no possessive
    ("Юнон", "юнон"),  # too short to strip
    ("кадомҳоянд", "кадом"),  # predicate -янд + plural
    ("куҷост", "кучо"),  # predicate -ст after a vowel
    ("фарзанд", "фарзанд"),  # -анд after a consonant is the word's own
    ("Самарқанд", "самарканд"),
]


@pytest.mark.parametrize(("word", "stem"), TAJIK)
def test_tajik_suffix_rules(word: str, stem: str) -> None:
    assert tajik_stem(word) == stem


def test_morphology_meets_inflected_names() -> None:
    morph = Morphology.load()
    ufa, kazan, belarus, athens = (set(morph.forms(w)) for w in ("Уфа", "Казань", "Беларусь", "Афины"))
    assert ufa & set(morph.forms("Уфой")) and ufa & set(morph.forms("Ufoi"))
    assert kazan & set(morph.forms("Казани")) and kazan & set(morph.forms("kazani"))
    assert belarus & set(morph.forms("Беларуси"))
    assert athens & set(morph.forms("Афинах"))
    assert set(morph.forms("universities")) & set(morph.forms("university"))  # Snowball
    assert set(morph.forms("mezhdunarodnogo")) & set(morph.forms("международный"))  # Latin-typed Russian
    assert set(morph.forms("donishgohho")) & set(morph.forms("донишгоҳ"))  # Latin-typed Tajik


# --- answers of every kind, in every language ---------------------------------------------

CASES = {
    "phone": {"tg": "рақами телефони шӯъба", "ru": "какой телефон у отдела", "en": "office phone number"},
    "address": {"tg": "суроғаи шуъба", "ru": "адрес отдела", "en": "what is the address"},
    "person": {"tg": "сардори шӯъба кист", "ru": "кто начальник отдела", "en": "who is the head of the office"},
    "list": {"tg": "ҳамкорон дар Қазоқистон", "ru": "партнёры в Казахстане", "en": "partners in kazakhstan"},
    "institution": {"tg": "Донишгоҳи Губкин", "ru": "Губкинский университет", "en": "Gubkin University"},
    "mobility": {"tg": "Кунмин магистрҳо", "ru": "магистры Куньминского университета", "en": "kunming masters"},
    "event": {"tg": "ташрифи БНТУ", "ru": "визит БНТУ", "en": "BNTU visit"},
    "project": {"tg": "лоиҳаи Омударё ва Кобул", "ru": "проект по Амударье и Кабулу", "en": "Amu Darya and Kabul project"},
    "programme": {"tg": "барномаи Эразмус", "ru": "программа Эразмус", "en": "Erasmus programme"},
    "tasks": {"tg": "вазифаҳои шӯъба", "ru": "задачи отдела", "en": "tasks of the office"},
}
MARKERS = {
    "phone": ["+992 92 710 04 63"],
    "address": ["735730"],
    "person": ["Муҳамадиев", "Мухамадиев", "Muhamadiev"],
    "list": ["Ауэзов", "Auezov", "SILKWAY"],
    "institution": ["Губкин", "Gubkin"],
    "mobility": ["Ашуров", "Ashurov"],
    "event": ["2019"],
    "project": ["2016"],
    "programme": ["Аттик", "Attica"],
    "tasks": ["шартнома", "договор", "contracts"],
}


@pytest.mark.parametrize("lang", ["tg", "ru", "en"])
async def test_the_fact_is_in_the_first_reply(harness: Harness, lang: str) -> None:
    await harness.choose_language(lang)
    for kind, questions in CASES.items():
        text, _ = await ask(harness, questions[lang])
        assert any(m in text for m in MARKERS[kind]), (kind, questions[lang], text[:300])
        assert "🤷" not in text, (kind, text[:200])


async def test_a_country_list_names_every_partner_with_a_button_each(harness: Harness) -> None:
    await harness.choose_language("en")
    text, data = await ask(harness, "which partners do you have in Kazakhstan")
    snap = harness.app.kb.snapshot
    kz = snap.by_country["kz"]
    assert f"Partners in Kazakhstan ({len(kz)})" in text
    for n, inst in enumerate(kz, 1):
        assert f"{n}. {inst.name.get('en')}" in text
        assert f"go:partner-{inst.id}" in data


async def test_inflected_names_find_their_partner(harness: Harness) -> None:
    await harness.choose_language("ru")
    text, _ = await ask(harness, "сотрудничество с Уфой")
    assert "Уфимский" in text
    text, _ = await ask(harness, "вузы Беларуси")
    assert "Полоцкий" in text and "Белорусский национальный технический" in text


async def test_equally_good_answers_carry_a_line_of_facts_each(harness: Harness) -> None:
    await harness.choose_language("ru")
    text, data = await ask(harness, "университет в Казани")
    assert "Казанский федеральный университет" in text
    assert "Казанский национальный исследовательский университет" in text
    assert {"go:partner-kazan-federal", "go:partner-kazan-national-research"} <= set(data)


async def test_the_partner_card_names_who_went_with_the_year(harness: Harness) -> None:
    await harness.choose_language("en")
    text, _ = await ask(harness, "Ufa State Petroleum Technological University")
    assert "Marupov Tabarrukhodja" in text and "2019" in text
    assert "Aslonov Jamshed Gafurjonovich" in text


@pytest.mark.parametrize(
    ("lang", "greeting"),
    [("tg", "салом"), ("tg", "ташаккур"), ("ru", "спасибо"), ("ru", "привет"), ("en", "hello"), ("en", "ok bye")],
)
async def test_small_talk_is_answered_in_kind(harness: Harness, lang: str, greeting: str) -> None:
    await harness.choose_language(lang)
    text, data = await ask(harness, greeting)
    assert "🤷" not in text
    assert "m:partners" in data  # the main menu under it
    await harness.app.search.flush_log()
    assert await harness.app.db.fetchval("SELECT count(*) FROM search_log") == 0


# --- precision: common words never become an institution ----------------------------------

COMMON = [
    "tuition", "tuition fee", "контракт", "контракт чанд пул", "стипендия", "scholarship", "грант",
    "общежитие", "хобгоҳ", "dormitory", "email", "почта", "часы работы", "working hours", "экзамен",
    "IELTS", "факультеты", "faculties", "цена", "бесплатно", "ройгон", "airport", "кабинет",
    "do you have partners in turkey", "партнёры в Турции",
]


@pytest.mark.parametrize("lang", ["tg", "ru", "en"])
async def test_common_words_get_the_honest_answer_not_a_card(harness: Harness, lang: str) -> None:
    await harness.choose_language(lang)
    for word in COMMON:
        text, data = await ask(harness, word)
        assert text.startswith("🤷"), (word, text[:200])
        assert not [d for d in data if d.startswith("go:")], (word, data)
        assert "m:ask" in data, word


async def test_the_honest_answer_carries_the_question_to_the_office(harness: Harness) -> None:
    h = harness
    t = h.app.locales["ru"]
    await h.choose_language("ru")
    question = "Сколько стоит общежитие для иностранцев?"
    text, data = await ask(h, question)
    assert t("answer-what-fee") in text or t("answer-what-dorm") in text
    assert data[0] == "m:ask"
    key = StorageKey(bot_id=h.bot.id, chat_id=1001, user_id=1001)
    assert (await h.dp.storage.get_data(key))["ask_prefill"] == question
    await h.press("m:ask")
    requests = await h.press(AskCB(action="topic", value="other").pack())
    assert question in requests[-1].text  # the student does not retype it
    assert t("ask-btn-prefill-use") in [label for label, _ in buttons(requests[-1].reply_markup)]
    # Staff statistics count it as unanswered.
    missing = await h.app.search.top_not_found()
    assert [m.query for m in missing] == ["сколько стоит общежитие для иностранцев"]


async def test_a_phone_of_someone_else_is_not_the_office_phone(harness: Harness) -> None:
    await harness.choose_language("en")
    text, data = await ask(harness, "rector phone number")
    assert text.startswith("🤷")
    assert "+992 92 710 04 63" in text  # the only phone the page gives, said to be the office's
    assert "m:ask" in button_data_list(data)


def button_data_list(data: list[str]) -> list[str]:
    return [d for d in data if d.startswith("m:")]


# --- slips, the Institute's own name, words that only look like cues ----------------------


@pytest.mark.parametrize(("lang", "question", "heading"), [
    ("en", "kyrgystan partner universities", "Partners in Kyrgyzstan (3)"),
    ("ru", "партнеры в Казакстане", "Казахстан (4)"),
    ("tg", "бо кадом донишгоххои Узбекистон хамкори дорем", "Ӯзбекистон (4)"),
])
async def test_a_country_typed_with_a_slip_still_lists_its_partners(
    harness: Harness, lang: str, question: str, heading: str
) -> None:
    await harness.choose_language(lang)
    text, _ = await ask(harness, question)
    assert heading in text, text[:200]


async def test_two_letters_swapped_are_one_slip(harness: Harness) -> None:
    for lang, question, found in (("en", "erasums for students", "Erasmus+"), ("tg", "эразумс", "Erasmus+"),
                                  ("ru", "Тюмнеь", "Тюменский")):
        await harness.choose_language(lang)
        text, _ = await ask(harness, question)
        assert found in text.split("\n")[0], (question, text[:200])


async def test_a_city_is_not_taken_for_a_country_one_letter_off(harness: Harness) -> None:
    await harness.choose_language("ru")
    text, _ = await ask(harness, "казанские вузы-партнеры")  # «казанск» is one letter from «казахск»
    assert "Казанский" in text and "Казахстан" not in text, text[:200]


async def test_the_institutes_own_name_does_not_pull_in_partners(harness: Harness) -> None:
    await harness.choose_language("ru")
    text, _ = await ask(harness, "кто ректор горно-металлургического института")
    assert "Фозилзода" in text, text[:200]
    await harness.choose_language("en")
    text, _ = await ask(harness, "where is the mining-metallurgical institute")
    assert "735730" in text, text[:200]


async def test_tell_me_is_not_a_phone_question(harness: Harness) -> None:
    await harness.choose_language("en")
    text, _ = await ask(harness, "hello, could you tell me who from your institute did a semester at tyumen?")
    assert "Tyumen" in text and "+992" not in text.split("\n")[0], text[:200]


def test_the_search_query_does_not_depend_on_set_order() -> None:
    """Options of equal quality come from sets; the FTS query (and so the answer) must be
    the same in every process, whatever the hash seed."""
    from bot.search.ranking import OPTIONS_PER_TERM, Term, _match_expression

    class Vocab:
        n_docs, df = 100, {}

    names = [f"opt{i}" for i in range(OPTIONS_PER_TERM + 3)]
    one = _match_expression([Term("x", 1.0, dict.fromkeys(names, 0.8))], Vocab())  # type: ignore[arg-type]
    other = _match_expression([Term("x", 1.0, dict.fromkeys(reversed(names), 0.8))], Vocab())  # type: ignore[arg-type]
    assert one == other


async def test_a_knowledge_base_change_is_answered_at_once_not_from_the_decision_cache(harness: Harness) -> None:
    await harness.choose_language("en")
    text, _ = await ask(harness, "partners in kazakhstan")
    assert "Partners in Kazakhstan (4)" in text
    snap = harness.app.kb.snapshot
    moved = snap.by_country["kz"][-1]
    await harness.app.kb_editor.apply(9001, "institution", moved.id, moved.model_copy(update={"country": "kg"}))
    text, _ = await ask(harness, "partners in kazakhstan")
    assert "Partners in Kazakhstan (3)" in text, text[:200]


@pytest.mark.parametrize(("lang", "question", "topic"), [
    ("en", "how do i transfer to ufa state petroleum technical university", "transfer"),
    ("ru", "как перевестись в Тюменский нефтегазовый университет", "transfer"),
    ("tg", "чӣ тавр ба Донишгоҳи федералии Қазон гузарам", "transfer"),
    ("en", "when is the next confucius conference", "future"),
    ("ru", "когда следующий набор на летний курс в Норвегии", "future"),
    ("tg", "конфронси навбатии Конфутсий кай мешавад", "future"),
    ("ru", "крайний срок подачи на семестр в Уфе", "deadline"),
    ("tg", "мӯҳлати супоридани ҳуҷҷатҳо ба Уфа", "deadline"),
    ("en", "is there a double degree with Gubkin University", "double-degree"),
    ("ru", "есть ли двойной диплом с Уфимским университетом", "double-degree"),
    ("tg", "бо Донишгоҳи Губкин дипломи дугона ҳаст", "double-degree"),
    ("en", "how many foreign students study at the institute", "enrolment"),
    ("ru", "сколько иностранных студентов учится в институте", "enrolment"),
    ("tg", "дар донишкада чанд донишҷӯи хориҷӣ мехонад", "enrolment"),
])
async def test_what_the_page_cannot_know_gets_the_honest_answer_though_a_name_is_in_it(
    harness: Harness, lang: str, question: str, topic: str
) -> None:
    await harness.choose_language(lang)
    t = harness.app.locales[lang]
    text, data = await ask(harness, question)
    assert text.startswith(t("answer-unknown", what=t(f"answer-what-{topic}"))), text[:200]
    assert "m:ask" in data


@pytest.mark.parametrize(("lang", "question", "name"), [
    ("ru", "kto takoy Muhamadiev", "Мухамадиев"),
    ("en", "who is Rahimzoda", "Rahimzoda"),
    ("tg", "Раҳимзода кист", "Раҳимзода"),
])
async def test_a_person_of_the_office_named_by_name_is_introduced(
    harness: Harness, lang: str, question: str, name: str
) -> None:
    await harness.choose_language(lang)
    text, _ = await ask(harness, question)
    assert name in text.split("\n")[0] and "+992 92 710 04 63" in text, text[:200]


async def test_a_country_named_with_a_card_not_about_it_gets_the_countrys_list(harness: Harness) -> None:
    await harness.choose_language("en")
    # The best card is the Erasmus+ page, which names no Slovak university.
    text, _ = await ask(harness, "Slovakia exchange students semester")
    assert "Partners in Slovakia (1)" in text, text[:200]


async def test_how_much_asks_a_price_but_not_a_count(harness: Harness) -> None:
    await harness.choose_language("en")
    t = harness.app.locales["en"]
    text, _ = await ask(harness, "how much is the visa for students going to Athens")
    assert text.startswith(t("answer-unknown", what=t("answer-what-fee"))), text[:200]
    text, _ = await ask(harness, "how much students went to Ufa")
    assert not text.startswith("🤷"), text[:200]


async def test_a_term_is_not_a_deadline_and_a_count_of_travellers_is_no_enrolment(harness: Harness) -> None:
    """«сроки» of a project are its dates (the page has them); only a deadline to apply is
    unknown. Students who went somewhere are counted on the page; enrolment is not."""
    await harness.choose_language("ru")
    text, _ = await ask(harness, "сроки проекта по Амударье и Кабулу")
    assert "2016" in text and not text.startswith("🤷"), text[:200]
    await harness.choose_language("en")
    text, _ = await ask(harness, "how many students went to Ufa for a semester")
    assert not text.startswith("🤷"), text[:200]


@pytest.mark.parametrize(("lang", "question"), [
    ("en", "what does your office actually do"),
    ("ru", "чем занимается отдел"),
    ("tg", "шӯъба чӣ кор мекунад"),
    ("en", "what's the overall goal of the department?"),  # its goal is its tasks
    ("tg", "ҳадафи шуъба чист?"),
    ("ru", "какова цель отдела"),
])
async def test_what_does_the_office_do_lists_its_tasks(harness: Harness, lang: str, question: str) -> None:
    await harness.choose_language(lang)
    text, _ = await ask(harness, question)
    office = harness.app.kb.snapshot.office
    assert office is not None
    assert all(task.get(lang) in text for task in office.tasks), text[:300]


async def test_what_projects_does_the_institute_have_is_no_tasks_question(harness: Harness) -> None:
    await harness.choose_language("en")
    text, _ = await ask(harness, "what international projects does the institute have")
    office = harness.app.kb.snapshot.office
    assert office is not None and office.tasks[-1].get("en") not in text, text[:300]


@pytest.mark.parametrize(("lang", "question"), [
    ("ru", "где находится отдел международных отношений"),
    ("tg", "шуъбаи робитаҳои байналмилалӣ дар куҷо ҷойгир аст"),
    ("en", "which town is the institute in?"),
])
async def test_where_is_the_office_gets_the_address(harness: Harness, lang: str, question: str) -> None:
    await harness.choose_language(lang)
    text, _ = await ask(harness, question)
    assert text.startswith("📍") and "735730" in text, text[:200]


@pytest.mark.parametrize(("lang", "question", "small"), [
    ("tg", "хайр, то боздид бот", True),
    ("en", "ok bye MMIT bot, see ya", True),
    ("tg", "rahmat katta 👍", True),
    ("ru", "привет, бот", True),  # a greeting clause before "бот" is still the whole message
    ("en", "hello, bot!", True),
    ("en", "tel?", False),
    ("ru", "ГМИТ", False),
])
async def test_small_talk_may_name_the_bot_but_a_bare_word_is_a_question(
    harness: Harness, lang: str, question: str, small: bool
) -> None:
    await harness.choose_language(lang)
    text, _ = await ask(harness, question)
    t = harness.app.locales[lang]
    kind = harness.app.answers.cues.read(question).smalltalk
    assert (kind is not None) is small, (question, kind)
    if small:
        assert "🤷" not in text and text.split("\n")[0] == t(f"answer-{kind}").split("\n")[0], text[:200]
    if question == "tel?":
        assert "+992 92 710 04 63" in text, text[:200]


async def test_except_leaves_the_named_partner_out_of_the_list(harness: Harness) -> None:
    snap = harness.app.kb.snapshot
    await harness.choose_language("ru")
    text, data = await ask(harness, "какие партнёры в Китае, кроме Куньминского университета")
    china = [i.id for i in snap.by_country["cn"]]
    kunming = [i for i in china if "kunming" in i]
    assert kunming and all(f"go:partner-{i}" not in data for i in kunming), data
    assert all(f"go:partner-{i}" in data for i in china if i not in kunming), data
    await harness.choose_language("en")
    text, data = await ask(harness, "Besides Kazan Federal University, is there any other partner university in Kazan?")
    assert "go:partner-kazan-national-research" in data and "go:partner-kazan-federal" not in data, text[:300]
    await harness.choose_language("tg")
    text, data = await ask(harness, "ба ғайр аз Донишгоҳи миллии техникии Беларус боз кадом донишгоҳҳои Беларус шарик ҳастанд")
    belarus = [f"go:partner-{i.id}" for i in snap.by_country["by"]]
    assert len([d for d in data if d in belarus]) == len(belarus) - 1, data


async def test_except_a_country_lists_the_other_countries_partners(harness: Harness) -> None:
    snap = harness.app.kb.snapshot
    await harness.choose_language("en")
    text, data = await ask(harness, "except russia, in which countries do you have partner universities")
    assert not [i for i in snap.by_country["ru"] if f"go:partner-{i.id}" in data], data
    assert all(f"go:partner-{i.id}" in data for i in snap.by_country["cn"]), data
    assert snap.countries["kz"].name.get("en") in text


@pytest.mark.parametrize(("lang", "question", "who"), [
    ("ru", "кто ещё работает в международном отделе кроме Мухамадиева", "specialist"),
    ("tg", "ғайр аз сардор дар шуъба боз кӣ кор мекунад", "specialist"),
    ("en", "international office staff", "both"),
    ("ru", "сотрудники отдела", "both"),
])
async def test_the_offices_people_besides_someone_or_all_of_them(
    harness: Harness, lang: str, question: str, who: str
) -> None:
    await harness.choose_language(lang)
    text, _ = await ask(harness, question)
    contacts = harness.app.kb.snapshot.contacts
    assert contacts is not None
    head, specialist = (next(p for p in contacts.people if p.id == i).name.get(lang) for i in ("head", "specialist"))
    first = text.split("\n\n")[0]
    assert specialist in first, text[:300]
    assert (head in first) is (who == "both"), text[:300]


async def test_tajik_ki_that_is_no_question_about_the_staff(harness: Harness) -> None:
    await harness.choose_language("tg")
    text, data = await ask(harness, "донишгоҳҳои Русия, ки бо мо ҳамкорӣ мекунанд, чандто?")
    assert "go:partner-gubkin" in data, text[:200]


async def test_papers_for_entry_are_the_visa_and_a_postal_code_the_address(harness: Harness) -> None:
    await harness.choose_language("ru")
    text, _ = await ask(harness, "я иностранный преподаватель, кто поможет мне с оформлением документов на въезд")
    assert not text.startswith("🤷") and "виз" in text.split("\n\n")[0].lower(), text[:200]
    await harness.choose_language("en")
    text, _ = await ask(harness, "postal index for sending documents to the office?")
    assert text.startswith("📍") and "735730" in text, text[:200]


@pytest.mark.parametrize(("lang", "question", "country"), [
    ("en", "semester exchange in russia: which universities did mmit students go to", "ru"),
    ("ru", "где студенты учились семестр", None),
    ("tg", "таҳсили семестрӣ дар Русия дар кадом донишгоҳҳо буд", "ru"),
    ("ru", "кто ездил на летний курс в Норвегию", "no"),
])
async def test_a_kind_of_mobility_asked_as_a_whole_lists_every_record_with_its_people(
    harness: Harness, lang: str, question: str, country: str | None
) -> None:
    snap = harness.app.kb.snapshot
    await harness.choose_language(lang)
    text, data = await ask(harness, question)
    kind = "summer_school" if "летний" in question else "student_semester"
    want = [r for r in snap.mobility.values() if r.kind.value == kind
            and (country is None or snap.institutions[r.host].country == country)]
    assert len(want) >= 2
    t = harness.app.locales[lang]
    head = TAG.sub("", t("answer-list-mobility", kind=t(f"mobility-kind-{kind}"), count=len(want)))
    assert text.startswith(html.unescape(head)), text[:200]
    for record in want:
        assert f"go:mobility-{record.id}" in data
        for person in record.participants:
            assert person.get(lang).split(" — ")[0] in text, person.get(lang)


async def test_a_question_about_something_else_is_no_mobility_list(harness: Harness) -> None:
    await harness.choose_language("ru")
    text, _ = await ask(harness, "в рамках какого проекта студенты ездят на летний курс в Норвегию")
    t = harness.app.locales["ru"]
    assert not text.startswith(TAG.sub("", t("answer-list-mobility", kind=t("mobility-kind-summer_school"), count=2))), text[:200]


@pytest.mark.parametrize(("lang", "question", "lead"), [
    ("en", "who is in charge of the international office", "👤"),  # "charge" is no fee
    ("en", "is the office on Moskovskaya street? which house number is it?", "📍"),  # "house" is no housing
    ("en", "i want to mail my application papers, what is the full adress of the office?", "📍"),
    ("tg", "суроғаи пурраи шуъбаро нависед, ҳуҷҷатҳоямро бо почта мефиристам", "📍"),
    ("ru", "я записал номер отдела только до +992, какие там дальше цифры?", "☎️"),
])
async def test_words_with_a_second_meaning_take_the_meaning_the_question_gives(
    harness: Harness, lang: str, question: str, lead: str
) -> None:
    await harness.choose_language(lang)
    text, _ = await ask(harness, question)
    assert text.startswith(lead), text[:200]


@pytest.mark.parametrize(("lang", "question", "topic"), [
    ("en", "what is the e-mail address of the office", "email"),
    ("ru", "на каком языке ведётся обучение в институте", "language"),
    ("en", "what is the language of instruction", "language"),
])
async def test_what_the_page_never_says_stays_honest_beside_those_words(
    harness: Harness, lang: str, question: str, topic: str
) -> None:
    await harness.choose_language(lang)
    t = harness.app.locales[lang]
    text, _ = await ask(harness, question)
    assert text.startswith(TAG.sub("", t("answer-unknown", what=t(f"answer-what-{topic}")))), text[:200]


async def test_a_count_of_partners_is_not_a_phone_number_and_mobility_is_no_mobile(harness: Harness) -> None:
    await harness.choose_language("en")
    text, _ = await ask(harness, "the number of partners in Russia")
    assert not text.startswith("☎️"), text[:200]
    text, _ = await ask(harness, "Was Muhamadiev himself ever on the Erasmus mobility to Athens?")
    assert not text.startswith("☎️"), text[:200]
    text, _ = await ask(harness, "what countries had representatives at the conference for Confucius' 2570th birthday?")
    assert not text.startswith("🤷"), text[:200]


async def test_a_card_named_by_its_title_beats_the_section_page_that_mentions_it(harness: Harness) -> None:
    await harness.choose_language("en")
    _, data = await ask(harness, "who is the coordinator of water harmony 2")
    text, _ = await ask(harness, "who is the coordinator of water harmony 2")
    project = harness.app.kb.snapshot.projects["water-harmony-2"]
    assert text.startswith(project.title.get("en")), text[:200]


@pytest.mark.parametrize("question", ["thx a lot, that really helped!", "ok bye, have a nice day"])
async def test_longer_thanks_and_goodbyes_are_small_talk(harness: Harness, question: str) -> None:
    await harness.choose_language("en")
    text, data = await ask(harness, question)
    assert "🤷" not in text and "m:partners" in data, text[:200]


@pytest.mark.parametrize(("lang", "question", "inst"), [
    ("ru", "В честь кого назван Киргизский национальный университет?", "knu-balasagyn"),
    ("en", "which institute in Gatchina works with you? full name please", "gatchina-state-institute"),
    ("tg", "донишгоҳҳои шарики Қирғизистонро номбар кунед", None),
])
async def test_a_partner_named_unmistakably_is_answered_though_other_words_are_not_on_its_card(
    harness: Harness, lang: str, question: str, inst: str | None
) -> None:
    snap = harness.app.kb.snapshot
    await harness.choose_language(lang)
    text, data = await ask(harness, question)
    assert not text.startswith("🤷"), text[:200]
    if inst is not None:
        assert text.startswith(snap.institutions[inst].name.get(lang)), text[:200]
    else:
        assert all(f"go:partner-{i.id}" in data for i in snap.by_country["kg"]), data


@pytest.mark.parametrize(("lang", "question", "kind"), [
    ("tg", "Ман донишҷӯи курси 2-юми факултети кӯҳкорӣ ҳастам, оё метавонам бо Эразмус+ ба Юнон равам?", "card"),
    ("en", "I'm a second-year mining faculty student, can I go to Greece with Erasmus+?", "card"),
    ("en", "I'm from Kazakhstan, which partners do you have there?", "list"),
    ("ru", "я записал номер отдела только до +992, какие там дальше цифры?", "phone"),
])
async def test_a_student_introducing_themselves_is_not_asking_about_it(
    harness: Harness, lang: str, question: str, kind: str
) -> None:
    await harness.choose_language(lang)
    text, data = await ask(harness, question)
    assert not text.startswith("🤷"), text[:200]
    if kind == "list":
        assert all(f"go:partner-{i.id}" in data for i in harness.app.kb.snapshot.by_country["kz"]), data
    if kind == "phone":
        assert text.startswith("☎️"), text[:200]


async def test_someones_post_is_not_the_offices_tasks(harness: Harness) -> None:
    await harness.choose_language("tg")
    text, _ = await ask(harness, "Розиқов дар институт кадом вазифаро ишғол мекунад?")
    office = harness.app.kb.snapshot.office
    assert office is not None and office.tasks[0].get("tg") not in text, text[:300]


@pytest.mark.parametrize(("lang", "question"), [
    ("en", "when is the office open"), ("en", "is the office open on Saturday"),
    ("ru", "во сколько закрывается отдел"), ("ru", "работает ли отдел в субботу"),
    ("tg", "шуъба кай кор мекунад"), ("tg", "ҷадвали кор"),
])
async def test_office_hours_asked_any_way_get_the_honest_answer(harness: Harness, lang: str, question: str) -> None:
    await harness.choose_language(lang)
    t = harness.app.locales[lang]
    text, data = await ask(harness, question)
    assert text.startswith(TAG.sub("", t("answer-unknown", what=t("answer-what-hours")))), text[:200]
    assert "m:ask" in data


async def test_open_calls_are_no_phone_call_and_partners_as_a_whole_get_the_partners_page(harness: Harness) -> None:
    await harness.choose_language("en")
    text, _ = await ask(harness, "open calls")
    assert not text.startswith("☎️"), text[:200]
    text, _ = await ask(harness, "how can I call the office")
    assert text.startswith("☎️"), text[:200]
    t = harness.app.locales["en"]
    partners = resolve("partners", t, harness.app.kb.snapshot, harness.app.clock.today())
    assert partners is not None
    for question, lang in (("how many partners", "en"), ("бо кадом кишварҳо ҳамкорӣ доред", "tg")):
        await harness.choose_language(lang)
        text, _ = await ask(harness, question)
        first = html.unescape(TAG.sub("", resolve("partners", harness.app.locales[lang], harness.app.kb.snapshot,
                                                  harness.app.clock.today()).text)).split("\n")[0]
        assert text.startswith(first), text[:200]


async def test_a_country_without_partners_is_named_in_its_dictionary_form(harness: Harness) -> None:
    await harness.choose_language("ru")
    text, _ = await ask(harness, "есть ли сотрудничество с Германией")
    assert "«Германия»" in text and "Германией" not in text.split("\n")[0], text[:200]


@pytest.mark.parametrize("lang", ["tg", "ru", "en"])
async def test_a_message_without_words_is_not_quoted_back_as_a_question(harness: Harness, lang: str) -> None:
    await harness.choose_language(lang)
    t = harness.app.locales[lang]
    for text_in in ("???", "🤔"):
        text, data = await ask(harness, text_in)
        assert text == html.unescape(TAG.sub("", t("answer-unclear"))), text[:200]
        assert "m:partners" in data


async def test_a_photo_with_a_question_in_its_caption_is_answered(harness: Harness) -> None:
    from aiogram.types import PhotoSize

    await harness.choose_language("ru")
    photo = [PhotoSize(file_id="p", file_unique_id="p", width=1, height=1)]
    text, _ = _reply(await harness.send(None, photo=photo, caption="телефон отдела"))
    assert text.startswith("☎️") and "+992 92 710 04 63" in text, text[:200]
    t = harness.app.locales["ru"]
    text, _ = _reply(await harness.send(None, photo=photo))  # no caption: nothing to answer
    assert text == t("unsupported-content"), text[:200]


@pytest.mark.parametrize(("lang", "question", "screen"), [
    ("en", "what projects does the institute have", "projects"),
    ("ru", "проекты института", "projects"),
    ("tg", "хабарҳо", "news"),
    ("ru", "ГМИТ", "about"),
    ("tg", "ДКМТ", "about"),
])
async def test_a_section_or_the_institute_named_alone_gets_its_page(
    harness: Harness, lang: str, question: str, screen: str
) -> None:
    await harness.choose_language(lang)
    text, _ = await ask(harness, question)
    t = harness.app.locales[lang]
    page = resolve(screen, t, harness.app.kb.snapshot, harness.app.clock.today())
    assert page is not None
    assert text.startswith(html.unescape(TAG.sub("", page.text)).split("\n")[0]), text[:200]


@pytest.mark.parametrize(("lang", "question"), [
    ("en", "how do I get a visa to study in Tajikistan"),
    ("ru", "как получить визу в Таджикистан"),
    ("tg", "раводид"),
])
async def test_a_visa_question_gets_the_visa_card(harness: Harness, lang: str, question: str) -> None:
    await harness.choose_language(lang)
    text, _ = await ask(harness, question)
    faq = harness.app.kb.snapshot.faq["visas"]
    assert text.startswith("❓ " + faq.question.get(lang)), text[:200]


async def test_a_lost_passport_is_not_answered_from_a_card(harness: Harness) -> None:
    await harness.choose_language("en")
    text, data = await ask(harness, "I lost my passport what to do")
    assert text.startswith("🤷") and "m:ask" in data, text[:200]


async def test_a_greeting_before_the_question_is_set_aside(harness: Harness) -> None:
    await harness.choose_language("tg")
    text, _ = await ask(harness, "Ассалому алейкум, ман донишҷӯи курси 2 ҳастам, мехоҳам барои як нимсола ба Уфа равам")
    ufa = harness.app.kb.snapshot.institutions["ufa-petroleum"].name.get("tg")
    assert text.startswith(ufa), text[:200]
    await harness.choose_language("ru")
    text, _ = await ask(harness, "Здравствуйте! Кто начальник отдела?")
    assert text.startswith("👤"), text[:200]

"""Issue 14: what is said around a question (who asks, why, a greeting with a filler) is no
part of it; a lone record or a country's only partner is answered with what the page says of
it; a country's name as a partner's name has it is still the country. Through the real wiring,
one bot per table."""

from __future__ import annotations

from tests.support.harness import Harness, button_data, buttons
from tests.test_answers import ask
from tests.test_answers_kinds import _head

# (lang, question, what the first reply leads with: "address", "head", "specialist",
# "people" (the card of the Institute's people), "visas", "projects", "visit:<news>|<record>", "partner:<id>",
# "records:<partner>", "phone", "not:<topic>", "year:<year>", "went:<year>", "faq:<id>", "news:<id>", "partners", or a
# country's code for its list)
AROUND = [
    ("en", "which city is the Institute in? I'd like to come in person", "address"),
    ("ru", "в каком городе институт, хочу подойти лично", "address"),
    ("tg", "донишкада дар кадом шаҳр аст, мехоҳам худам биёям", "address"),
    ("en", "where can I find the office? I am a parent of an applicant", "address"),
    ("en", "what is the office's address, I want to send a letter by post", "address"),
    ("tg", "ҳуҷҷатҳоро худам меорам. шӯъба дар куҷост?", "address"),
    ("ru", "Добрый день. Я мама первокурсника. Кто руководит отделом международных связей?", "head"),
    ("en", "Good evening. My daughter is applying next year, who leads the international relations office?", "head"),
    ("ru", "Добрый вечер, я корреспондент газеты, как зовут специалиста отдела международных связей?", "specialist"),
    ("ru", "для справки нужна подпись проректора по науке, как его фамилия?", "people"),
    ("en", "my cousin from India wants to come and teach here and needs a visa, does the office handle that?", "visas"),
    ("ru", "sestra iz Kazakhstana sprashivaet, s kakimi kazakhskimi vuzami vy rabotaete", "kz"),
    ("en", "how many partner universities are there in the Russian Federation", "ru"),
    ("tg", "дар Ҷумҳурии Қазоқистон кадом донишгоҳҳо шарик ҳастанд", "kz"),
    ("tg", "loihahoi khorijii donishkada", "projects"),
    ("en", "which town is the institute situated in", "address"),
    ("en", "We arrive from Riga next week. Where exactly do we find the office?", "address"),
    ("ru", "кто такой Насриддинов", "people"),
    ("ru", "в каком городе Университет Западной Аттики", "partner:west-attica"),
    ("en", "tyumen semester names", "records:tyumen-oil-gas"),
    ("en", "semester in ufa, names", "records:ufa-petroleum"),
    # Checking what the student half-knows: the fact, the premise corrected.
    ("en", "is it true that you have partners in Latvia", "lv"),
    ("ru", "сколько партнёров в Казахстане, четыре?", "kz"),
    ("en", "which partners do you have in Kyrgyzstan? is the Isanov university one of them?", "kg"),
    ("en", "is Tyumen oil and gas university in Kazakhstan?", "partner:tyumen-oil-gas"),
    ("en", "Navoi State Mining Institute - is it in Kazakhstan?", "partner:navoi-mining"),
    ("ru", "правда ли, что есть партнёры в Латвии", "lv"),
    ("tg", "рақами телефони шуъба бо 92 сар мешавад?", "phone"),
    ("en", "is the Rome university an Erasmus+ partner too", "not:room"),  # "Rome" is no "room"
    ("tg", "хабарҳои соли ۲۰۱۸", "year:2018"),  # a Persian keyboard's digits
    ("en", "what happened in ٢٠١٩", "year:2019"),  # «хориҷӣ» typed in Latin beside a section
    # Where the student comes from is the point: admitting foreign students.
    ("en", "Hello! I'm a student from Afghanistan. How can I apply to study at MMIT?", "faq:foreign-admission"),
    ("ru", "я из Афганистана, как поступить к вам?", "faq:foreign-admission"),
    ("tg", "ман аз Афғонистон, чӣ тавр ба донишкада дохил шавам?", "faq:foreign-admission"),
    # A lone digit names nothing ("Water Harmony-2"); "in total" is no partner's name.
    ("en", "I have 2 questions about visas", "visas"),
    ("ru", "нужно ли 2 фото для визы?", "visas"),
    ("en", "how many partners in total?", "partners"),
    # A person named with a trip: the trip, not the person's card.
    ("en", "when did muhamadiev go to china", "news:2019-09-confucius-quzhou"),
    ("ru", "когда Мухамадиев ездил в Китай", "news:2019-09-confucius-quzhou"),
    ("tg", "Муҳамадиев кай ба Чин рафт", "news:2019-09-confucius-quzhou"),
    # Who went in a year: that year's records, wherever they went.
    ("ru", "кто ездил в 2019", "went:2019"),
    ("tg", "дар соли 2019 кӣ рафт?", "went:2019"),
    ("en", "who went abroad in 2019", "went:2019"),
    # A country and "came": the news of the visit, not the country's list.
    ("ru", "когда к нам приезжали белорусы", "visit:2019-07-bntu-visit|2019-bntu-visit"),
    ("ru", "а белорусы приезжали?", "visit:2019-07-bntu-visit|2019-bntu-visit"),
    ("en", "when did the belarusians visit", "visit:2019-07-bntu-visit|2019-bntu-visit"),
]


async def test_what_is_said_around_a_question_is_no_part_of_it(harness: Harness) -> None:
    snap = harness.app.kb.snapshot
    contacts = snap.contacts
    assert contacts is not None
    people = {p.id: p for p in contacts.people}
    wrong = []
    for lang, question, lead in AROUND:
        await harness.choose_language(lang)
        t = harness.app.locales[lang]
        text, data = await ask(harness, question)
        first = text.split("\n")[0]
        if lead == "address":
            ok = contacts.address is not None and contacts.address.get(lang) in first
        elif lead in people:
            ok = people[lead].name.get(lang) in first
        elif lead == "people":
            ok = first.endswith(snap.faq["institute-people"].question.get(lang))
        elif lead.startswith("visit:"):  # the visit's news or its record
            news, record = lead.removeprefix("visit:").split("|")
            ok = snap.events[news].title.get(lang) in first or snap.mobility[record].title.get(lang) in first
        elif lead.startswith("not:"):  # anything but that topic's honest answer
            ok = t(f"answer-what-{lead.removeprefix('not:')}") not in text
        elif lead.startswith("year:"):  # that year's news
            year = lead.removeprefix("year:")
            ok = first.startswith(_head(harness, lang, "answer-list-year", year=year, count="0").split("(")[0].strip())
        elif lead.startswith("went:"):  # every record of that year, whoever went where
            year = int(lead.removeprefix("went:"))
            ok = first.startswith(_head(harness, lang, "answer-list-mobility-year", year=str(year), count="0").split("(")[0].strip())
            ok = ok and all(f"go:mobility-{r.id}" in data for r in snap.mobility.values()
                            if r.year == year and r.participants and r.kind.value != "visit")
        elif lead == "phone":
            ok = first.startswith(t("answer-phone", phone="\x00", name="", role="").split("\x00")[0][:2])
        elif lead.startswith("partner:"):
            ok = snap.institutions[lead.removeprefix("partner:")].name.get(lang) in first
        elif lead.startswith("records:"):  # who went there: every record of the partner, named
            host = lead.removeprefix("records:")
            ok = all(f"go:mobility-{r.id}" in data for r in snap.mobility.values() if r.host == host and r.participants)
        elif lead == "projects":  # the section's card: every project under it, none chosen
            ok = all(f"go:project-{p}" in data for p in snap.projects) and len(data) == len(snap.projects) + 1
        elif lead == "visas":
            ok = first.endswith(snap.faq["visas"].question.get(lang))
        elif lead == "partners":  # the partners' overview: how many, in how many countries
            ok = first == _head(harness, lang, "partners-title", count="0", countries="0").split("\n")[0]
        elif lead.startswith("news:"):
            ok = snap.events[lead.removeprefix("news:")].title.get(lang) in first
        elif lead.startswith("faq:"):
            ok = first.endswith(snap.faq[lead.removeprefix("faq:")].question.get(lang))
        else:
            ok = snap.countries[lead].name.get(lang) in first and all(
                f"go:partner-{i.id}" in data for i in snap.by_country[lead])
        if not ok or not t.lang == lang:
            wrong.append((question, lead, first))
    assert not wrong, wrong


async def test_a_lone_record_or_a_countrys_only_partner_is_told_in_full(harness: Harness) -> None:
    snap = harness.app.kb.snapshot
    rows = [
        # "How many" of a record: the page's own count is in its text («5 (пяти) выпускников»).
        ("ru", "сколько наших выпускников учатся в магистратуре Куньминского университета", "mobility", "kunming-masters"),
        ("en", "who studied a semester at Tyumen", "mobility", "2019-tyumen-semester"),
        ("tg", "бо Норвегия чӣ гуна ҳамкорӣ дорем", "partner", "nmbu"),
    ]
    wrong = []
    for lang, question, kind, ident in rows:
        await harness.choose_language(lang)
        text, _ = await ask(harness, question)
        told = (snap.mobility[ident].text if kind == "mobility" else snap.institutions[ident].cooperation)
        assert told is not None
        if told.get(lang) not in text:
            wrong.append((question, text[:200]))
    assert not wrong, wrong


async def test_who_went_is_counted_in_words(harness: Harness) -> None:
    # "👥 3 people", «3 человека», «3 нафар» (singular after a numeral): a count is read, not decoded.
    snap = harness.app.kb.snapshot
    records = [r for r in snap.mobility.values() if r.host == "ufa-petroleum" and len(r.participants) > 1]
    assert len(records) >= 2
    for lang, question in [("en", "who went to Ufa"), ("ru", "кто ездил в Уфу"), ("tg", "кӣ ба Уфа рафт")]:
        await harness.choose_language(lang)
        t = harness.app.locales[lang]
        text, _ = await ask(harness, question)
        for record in records:
            assert f"👥 {t('answer-people-count', count=len(record.participants))}:" in text, (lang, text[:300])


async def test_erasmus_lists_only_its_own_exchanges_as_erasmus(harness: Harness) -> None:
    """A Norway or Ufa trip is no Erasmus+ exchange: asked about Erasmus+, they come under
    a heading of their own, after the programme's (West Attica's) records."""
    snap = harness.app.kb.snapshot
    for lang, question in (("en", "erasmus"), ("ru", "эразмус"), ("tg", "барномаи эразмус")):
        await harness.choose_language(lang)
        text, _ = await ask(harness, question)
        head = harness.app.locales[lang]("answer-erasmus-others", count=0).split("(")[0]
        assert head in text, (lang, text)
        inside, others = text.split(head)
        for record in snap.mobility.values():
            title = record.title.get(lang)
            assert title in (inside if record.host == "west-attica" else others), (lang, title)


async def test_a_country_with_no_partner_is_shown_where_the_page_names_it(harness: Harness) -> None:
    """Uganda has no partner, but a conference's news names it: the honest answer says so
    and opens that news; a country the page never names gets the honest answer alone."""
    snap = harness.app.kb.snapshot
    news = "news-2019-09-confucius-quzhou"
    for lang, named, never in (("en", "partners in Uganda", "partners in Poland"),
                               ("ru", "партнёры в Уганде", "партнёры в Польше"),
                               ("tg", "шарикон дар Уганда", "шарикон дар Лаҳистон")):
        await harness.choose_language(lang)
        t = harness.app.locales[lang]
        title = snap.events[news.removeprefix("news-")].title.get(lang)
        text, data = await ask(harness, named)
        assert t("answer-unknown", what="\x00").split("\x00")[0] in text and title in text, (lang, text)
        assert f"go:{news}" in data and "m:ask" in data, (lang, data)
        text, data = await ask(harness, never)
        assert title not in text and "m:ask" in data, (lang, text)
    for lang, question, name in (("en", "partners in the USA", "USA"), ("ru", "партнёры в США", "«США»")):
        await harness.choose_language(lang)
        assert name in (await ask(harness, question))[0], question  # not "Usa", «Сша»


async def test_a_number_typed_after_a_list_opens_that_item(harness: Harness, clock) -> None:
    """"2" after "Partners in Kazakhstan" is the second partner's card, in every language;
    a number with no list (after a card, past the list's end, half an hour later) asks nothing."""
    snap = harness.app.kb.snapshot
    for lang, question in (("en", "partners in Kazakhstan"), ("ru", "партнёры в Казахстане"),
                           ("tg", "шарикон дар Қазоқистон")):
        await harness.choose_language(lang)
        unclear = harness.app.locales[lang]("answer-unclear")
        text, data = await ask(harness, question)
        items = [d.removeprefix("go:partner-") for d in data if d.startswith("go:partner-")]
        assert len(items) == 4, (lang, data)
        text, _ = await ask(harness, "2")
        assert text.split("\n")[0].startswith(snap.institutions[items[1]].name.get(lang)), (lang, text)
        assert (await ask(harness, "2"))[0] == unclear  # a card is no list
        await ask(harness, question)
        assert (await ask(harness, "5."))[0] == unclear  # four items only
        await ask(harness, question)
        text, _ = await ask(harness, "№ 4")
        assert snap.institutions[items[3]].name.get(lang) in text.split("\n")[0], (lang, text)
        await ask(harness, question)
        text, _ = await ask(harness, {"en": "the third one", "ru": "третий", "tg": "сеюм"}[lang])
        assert snap.institutions[items[2]].name.get(lang) in text.split("\n")[0], (lang, text)
        for reply, item in ({"en": "and the second?", "ru": "а второй?", "tg": "дуюмаш"}[lang], 1), ("number 2", 1), \
                           ({"en": "the last one", "ru": "последний", "tg": "охирин"}[lang], 3):
            await ask(harness, question)
            text, _ = await ask(harness, reply)
            assert snap.institutions[items[item]].name.get(lang) in text.split("\n")[0], (lang, reply, text)
        await ask(harness, question)
        clock.advance(31 * 60)
        assert (await ask(harness, "1"))[0] == unclear, lang


async def test_a_list_line_names_a_city_once(harness: Harness) -> None:
    """«... дар Душанбе (Филиали МИСиС дар Душанбе) — Душанбе» said the city three times."""
    from bot.views.facts import institution_line

    snap = harness.app.kb.snapshot
    for lang in ("tg", "ru", "en"):
        t = harness.app.locales[lang]
        for inst in snap.institutions.values():
            line = institution_line(t, snap, inst.id)
            if inst.city is not None:
                city = inst.city.get(lang)
                assert city in line, (lang, line)
                named, _, place = line.rpartition(" — ")
                assert not (city in named and city in place), (lang, line)


async def test_yes_to_the_offer_to_ask_the_office_and_a_bare_yes_or_no(harness: Harness) -> None:
    """"Yes please" after "I can pass your question on" brings the question and the button
    that sends it; without an offer (or after "no") a yes or no is no question."""
    for lang, unknown, yes, no in (("en", "what is the office's e-mail", "yes please", "no"),
                                   ("ru", "какой email у отдела", "да, передайте", "нет"),
                                   ("tg", "почтаи электронии шӯъба", "ҳа, фиристед", "не")):
        await harness.choose_language(lang)
        t = harness.app.locales[lang]
        await ask(harness, unknown)
        requests = await harness.send(yes)
        assert requests[-1].text == t("answer-yes-ask", question=unknown), (lang, requests[-1].text)
        assert button_data(requests[-1].reply_markup, "m:ask"), lang
        text, _ = await ask(harness, no)
        assert text == t("answer-no"), (lang, text)
        requests = await harness.send(yes)  # the offer was declined: nothing to take
        assert t("answer-yes-ask", question=unknown) != requests[-1].text, lang
        assert (await ask(harness, {"en": "yes", "ru": "да", "tg": "ҳа"}[lang]))[0] == t("answer-yes"), lang


async def test_a_language_asked_for_in_words(harness: Harness) -> None:
    for lang, request, chosen in (("en", "по-русски пожалуйста", "ru"), ("ru", "in English please", "en"),
                                  ("ru", "бо забони тоҷикӣ", "tg"), ("en", "bo zaboni tojiki", "tg"),
                                  ("tg", "po-russki pozhaluysta", "ru")):
        await harness.choose_language(lang)
        requests = await harness.send(request)
        assert harness.app.locales[chosen]("main-menu-text") in requests[-1].text, (request, requests[-1].text)
        assert await harness.app.users.get_language(1001) == chosen
    requests = await harness.send("сменить язык")
    assert sorted(d for _, d in buttons(requests[-1].reply_markup) if d.startswith("l:")) == ["l:en", "l:ru", "l:tg"]
    text, _ = await ask(harness, "English courses")  # a question about English, not a request
    assert harness.app.locales["tg"]("language-set") not in text


async def test_a_follow_up_swaps_the_year_or_the_country_of_the_last_question(harness: Harness, clock) -> None:
    """«а в 2018?» after «кто ездил в 2019» is who went in 2018 (alone, it would be 2018's
    news); «а из Китая?» after «когда приезжали из Беларуси» is the Chinese visit (alone,
    China's partners). Ten minutes on, a follow-up is read alone."""
    went = {lang: _head(harness, lang, "answer-list-mobility-year", year="2018", count="0").split("(")[0].strip()
            for lang in ("en", "ru", "tg")}
    for lang, first, then in (("en", "who went abroad in 2019", "and 2018?"), ("ru", "кто ездил в 2019", "а в 2018?"),
                              ("tg", "дар соли 2019 кӣ рафт?", "ва соли 2018?")):
        await harness.choose_language(lang)
        await ask(harness, first)
        text, _ = await ask(harness, then)
        assert text.startswith(went[lang]), (lang, text[:100])
    await harness.choose_language("ru")
    await ask(harness, "когда приезжали из Беларуси")
    _, data = await ask(harness, "а из Китая?")
    assert "go:mobility-2018-kunming-delegation" in data, data
    # A country with no partner swaps too, and the office is asked the question as understood.
    await harness.choose_language("en")
    await ask(harness, "do you have partners in Uganda?")
    text, _ = await ask(harness, "and Germany?")
    assert "Germany" in text.split("\n")[0], text[:100]
    await harness.press("m:ask")
    requests = await harness.press("ak:topic:other")
    assert any("do you have partners in Germany?" in (getattr(r, "text", "") or "") for r in requests), requests
    await harness.choose_language("ru")
    await ask(harness, "кто ездил в 2019")
    clock.advance(11 * 60)
    text, _ = await ask(harness, "а в 2018?")
    assert not text.startswith(went["ru"]), text[:100]

"""Issue 2: /start → language → main menu → About → Contacts → Back, in every locale."""

from __future__ import annotations

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage

from tests.conftest import LANGS
from tests.support.harness import Harness, button_data, buttons, markups, texts

TAJIK_LETTERS = set("ғӣқӯҳҷҒӢҚӮҲҶ")


async def test_first_start_asks_for_language_with_telegram_language_first(harness: Harness) -> None:
    requests = await harness.send("/start", lang="ru")
    sent = [r for r in requests if isinstance(r, SendMessage)]
    assert len(sent) == 1
    assert "забонро интихоб кунед" in sent[0].text and "выберите язык" in sent[0].text
    order = [data for _, data in buttons(sent[0].reply_markup)]
    assert order == ["l:ru", "l:tg", "l:en"]


@pytest.mark.parametrize("lang", LANGS)
async def test_walkthrough_in_each_language(harness: Harness, lang: str) -> None:
    locale = harness.app.locales[lang]
    await harness.send("/start", lang="en")
    requests = await harness.press(f"l:{lang}")
    assert locale("language-set") in texts(requests)
    assert texts(requests)[-1] == locale("main-menu-text")
    main = [r for r in requests if isinstance(r, SendMessage)][-1].reply_markup
    labels = [text for text, _ in buttons(main)]
    for key in ("menu-about", "menu-partners", "menu-erasmus", "menu-projects", "menu-news",
                "menu-contacts", "menu-ask", "menu-language"):
        assert locale(key) in labels

    # About edits the message in place and has Back/Main menu.
    requests = await harness.press("m:about")
    edits = [r for r in requests if isinstance(r, EditMessageText)]
    assert len(edits) == 1
    office = harness.app.kb.snapshot.office
    assert office is not None
    assert office.name.get(lang) in edits[0].text
    assert office.aim.get(lang)[:40].replace("&", "&amp;") in edits[0].text
    assert "m:main" in [d for _, d in buttons(edits[0].reply_markup)]
    assert any(isinstance(r, AnswerCallbackQuery) for r in requests)

    # Tasks sub-screen has Back to About.
    requests = await harness.press("o:tasks")
    assert "m:about" in [d for _, d in buttons(requests[-1].reply_markup)]
    assert len(office.tasks) >= 10
    assert all(task.get(lang)[:30].replace("&", "&amp;") in requests[-1].text for task in office.tasks)

    # Contacts: both people, phone in international form, address.
    requests = await harness.press("m:contacts")
    text = texts(requests)[-1]
    contacts = harness.app.kb.snapshot.contacts
    assert contacts is not None
    for person in contacts.people:
        assert person.name.get(lang) in text
        assert person.role.get(lang) in text
    assert "+992 92 710 04 63" in text
    assert contacts.address is not None and contacts.address.get(lang) in text
    assert "m:main" in button_data(requests[-1].reply_markup, "m:")

    # Back to the main menu.
    requests = await harness.press("m:main")
    assert texts(requests)[-1] == locale("main-menu-text")
    if lang == "tg":
        assert TAJIK_LETTERS & set(text)


# (Telegram's language_code, what a student who chose no language writes, the language answered)
WRITTEN_IN = [
    ("en", "Привет", "ru"),
    ("en", "где находится офис", "ru"),
    ("en", "салом", "tg"),
    ("en", "офис дар кучост", "tg"),
    ("ru", "шартнома бо Қазоқистон", "tg"),
    (None, "Здравствуйте", "ru"),
    ("ru", "hello, where is the office?", "en"),
    ("ru", "Kazan", "ru"),  # a name shows no language: Telegram's is kept
    ("en", "12345", "en"),
]


async def test_a_student_who_chose_no_language_is_answered_in_the_one_they_write(harness: Harness) -> None:
    for user_id, (code, text, lang) in enumerate(WRITTEN_IN, start=5000):
        locale = harness.app.locales[lang]
        reply = await harness.send(text, user_id=user_id, lang=code)
        labels = {label for markup in markups(reply) for label, _ in buttons(markup)}
        assert locale("btn-main-menu") in labels or locale("menu-ask") in labels, (text, labels)
        # The button pressed next is in the same language.
        pressed = await harness.press("m:main", user_id=user_id, lang=code)
        assert texts(pressed)[-1] == locale("main-menu-text"), (text, texts(pressed))


async def test_language_survives_a_new_dispatcher(settings, clock) -> None:
    first = await Harness.create(settings, clock=clock)
    await first.choose_language("ru")
    await first.close()

    second = await Harness.create(settings, clock=clock)
    try:
        requests = await second.send("/menu", lang="en")
        assert texts(requests)[-1] == second.app.locales["ru"]("main-menu-text")
    finally:
        await second.close()


async def test_language_command_changes_language(harness: Harness) -> None:
    await harness.choose_language("en")
    requests = await harness.send("/language")
    assert "l:tg" in [d for _, d in buttons(requests[-1].reply_markup)]
    requests = await harness.send("/lang")  # the short form students try first
    assert "l:tg" in [d for _, d in buttons(requests[-1].reply_markup)]
    await harness.press("l:tg")
    requests = await harness.send("/menu")
    assert texts(requests)[-1] == harness.app.locales["tg"]("main-menu-text")


@pytest.mark.parametrize("lang", LANGS)
async def test_contacts_command(harness: Harness, lang: str) -> None:
    await harness.choose_language(lang)
    requests = await harness.send("/contacts")
    assert "+992 92 710 04 63" in texts(requests)[-1]


@pytest.mark.parametrize("lang", LANGS)
async def test_help_command(harness: Harness, lang: str) -> None:
    await harness.choose_language(lang)
    requests = await harness.send("/help")
    t = harness.app.locales[lang]
    text = texts(requests)[-1]
    assert text.startswith(t("help-text").rstrip())
    # Every command of Telegram's command menu is explained, in the user's language.
    from bot.commands import student_commands

    for command in student_commands(harness.app.locales, lang):
        if command.command not in ("start", "help"):
            assert f"/{command.command} — {command.description}" in text, command.command

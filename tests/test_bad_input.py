"""Bad input gets a polite answer in the user's language, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiogram.methods import AnswerCallbackQuery, SendMessage
from aiogram.types import Location, MessageOriginUser, Sticker, User, Voice

from bot.config import Settings
from handlers.staff import StaffCB
from tests.conftest import LANGS
from tests.support.harness import FakeClock, Harness, answered, buttons, make_settings, texts
from tests.support.inquiries import ADMIN, STAFF_CHAT, ask, staff_cards, svc
from tests.support.updates import NOW

# A Telegram name is whatever its owner typed: HTML in it must reach the chat as text.
NAME = "<b>Zarina</b> & Co"
ESCAPED = "&lt;b&gt;Zarina&lt;/b&gt; &amp; Co"


@pytest.mark.parametrize("lang", LANGS)
async def test_sticker_voice_location_unknown_command(harness: Harness, lang: str) -> None:
    await harness.choose_language(lang)
    t = harness.app.locales[lang]
    sticker = Sticker(file_id="s", file_unique_id="s", type="regular", width=1, height=1, is_animated=False, is_video=False)
    for content in ({"sticker": sticker}, {"voice": Voice(file_id="v", file_unique_id="v", duration=1)},
                    {"location": Location(latitude=1.0, longitude=2.0)}):
        requests = await harness.send(None, **content)
        sent = [r for r in requests if isinstance(r, SendMessage)]
        assert len(sent) == 1 and sent[0].text == t("unsupported-content")
        assert "m:about" in [d for _, d in buttons(sent[0].reply_markup)]
    requests = await harness.send("/nonsense")
    assert texts(requests) == [t("unknown-command")]


@pytest.mark.parametrize("data", ["zz:1", "m", "p:x:y:z", "", "l:xx", "o:" + "a" * 60, "m:nonexist"])
async def test_stale_or_forged_buttons(harness: Harness, data: str) -> None:
    await harness.choose_language("ru")
    t = harness.app.locales["ru"]
    requests = await harness.press(data or "?")
    # The button's own "out of date" answer: the error handler would answer too, with
    # error-generic-short (and the error_log fixture fails a test where it ran).
    assert [a.text for a in answered(requests)] == [t("button-outdated")], requests
    assert set(texts(requests)) <= {t("main-menu-text")}


async def test_forged_button_shows_main_menu(harness: Harness) -> None:
    await harness.choose_language("tg")
    requests = await harness.press("zz:forged")
    answers = [r for r in requests if isinstance(r, AnswerCallbackQuery)]
    assert answers[0].text == harness.app.locales["tg"]("button-outdated")
    assert texts(requests)[-1] == harness.app.locales["tg"]("main-menu-text")


async def test_html_in_names_is_escaped(settings: Settings, clock: FakeClock, tmp_path: Path) -> None:
    h = await Harness.create(make_settings(tmp_path, staff_chat_id=STAFF_CHAT), clock=clock)
    try:
        # A student's Telegram name on the inquiry card in the staff chat ...
        await h.choose_language("en")
        await ask(h, first_name=NAME, username=None)
        assert await svc(h).deliver_pending(h.bot) == 1
        [card] = staff_cards(h)
        assert ESCAPED in card.text and "<b>Zarina" not in card.text

        # ... and a forwarded sender's name on the admin's /staff screen.
        await h.choose_language("en", user_id=ADMIN)
        await h.press(StaffCB(action="add").pack(), user_id=ADMIN)
        origin = MessageOriginUser(date=NOW, sender_user=User(id=7001, is_bot=False, first_name=NAME))
        screen = texts(await h.send("hi", user_id=ADMIN, forward_origin=origin))[-1]
        assert h.app.locales["en"]("staff-added", name=NAME) in screen
        assert ESCAPED in screen and "<b>Zarina" not in screen
    finally:
        await h.close()


async def test_group_messages_are_ignored(harness: Harness) -> None:
    requests = await harness.send("hello", chat_id=-100123, chat_type="supergroup")
    assert requests == []


@pytest.mark.parametrize("text", ["1" * 10_000, "2019 " + "9" * 5000, "١٩٩٩ ۲۰۱۹ ２０１９"])
async def test_huge_numbers_and_unicode_digits_get_one_answer(harness: Harness, text: str) -> None:
    """A 10,000-digit "word" once made int() raise in the answer layer's year hint."""
    await harness.choose_language("en")
    requests = await harness.send(text)
    assert len([r for r in requests if isinstance(r, SendMessage)]) == 1, requests

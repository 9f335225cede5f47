"""Bad input gets a polite answer in the user's language, never a traceback."""

from __future__ import annotations

import pytest
from aiogram.methods import AnswerCallbackQuery, SendMessage
from aiogram.types import Location, Sticker, Voice

from tests.conftest import LANGS
from tests.support.harness import Harness, buttons, texts


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


@pytest.mark.parametrize("data", ["zz:1", "m", "p:x:y:z", "", "l:xx", "o:" + "a" * 60])
async def test_stale_or_forged_buttons(harness: Harness, data: str) -> None:
    await harness.choose_language("ru")
    requests = await harness.press(data or "?")
    assert [r for r in requests if isinstance(r, AnswerCallbackQuery)], requests


async def test_forged_button_shows_main_menu(harness: Harness) -> None:
    await harness.choose_language("tg")
    requests = await harness.press("zz:forged")
    answers = [r for r in requests if isinstance(r, AnswerCallbackQuery)]
    assert answers[0].text == harness.app.locales["tg"]("button-outdated")
    assert texts(requests)[-1] == harness.app.locales["tg"]("main-menu-text")


async def test_html_in_names_is_escaped(harness: Harness) -> None:
    await harness.send("/start", first_name="<b>x</b>&", username=None)
    await harness.press("l:en")
    for text in harness.session.texts():
        assert "<b>x</b>" not in text


async def test_group_messages_are_ignored(harness: Harness) -> None:
    requests = await harness.send("hello", chat_id=-100123, chat_type="supergroup")
    assert requests == []

"""Issue 6: /subscribe and the menu entry, the onboarding offer, the Unsubscribe button."""

from __future__ import annotations


import pytest
from aiogram.methods import AnswerCallbackQuery, CopyMessage, EditMessageReplyMarkup, EditMessageText, SendMessage

from bot.broadcast.models import copy_version, make_content
from bot.config import Settings
from tests.conftest import LANGS
from tests.support.broadcasting import service
from tests.support.harness import Harness, buttons, texts

TOPIC_DATA = ["sb:news", "sb:openings", "sb:deadlines"]



def ticks(markup) -> dict[str, bool]:
    """callback data → shown as on (✅) or off (☐)."""
    out = {}
    for text, data in buttons(markup):
        if data.startswith("sb:"):
            assert text[0] in "✅☐", text
            out[data] = text.startswith("✅")
    return out


@pytest.mark.parametrize("lang", LANGS)
async def test_toggle_topics_with_one_tap(harness: Harness, lang: str) -> None:
    h = harness
    t = h.app.locales[lang]
    await h.choose_language(lang)
    requests = await h.send("/subscribe")
    assert texts(requests) == [t("sub-text")]
    labels = [text for text, data in buttons(requests[-1].reply_markup) if data.startswith("sb:")]
    assert labels == [f"☐ {t(key)}" for key in ("sub-topic-news", "sub-topic-openings", "sub-topic-deadlines")]
    assert "m:main" in [d for _, d in buttons(requests[-1].reply_markup)]

    requests = await h.press("sb:openings")
    answers = [r for r in requests if isinstance(r, AnswerCallbackQuery)]
    assert [a.text for a in answers] == [t("sub-on", topic=t("sub-topic-openings"))]
    edit = [r for r in requests if isinstance(r, EditMessageText)][-1]
    assert ticks(edit.reply_markup) == {"sb:news": False, "sb:openings": True, "sb:deadlines": False}
    await h.press("sb:deadlines")
    assert await h.app.subscriptions.topics(1001) == {"openings", "deadlines"}

    requests = await h.press("sb:openings")  # the same tap turns it off again
    assert [a.text for a in requests if isinstance(a, AnswerCallbackQuery)] == [
        t("sub-off", topic=t("sub-topic-openings"))
    ]
    assert await h.app.subscriptions.topics(1001) == {"deadlines"}

    # The main-menu entry opens the same screen, in place.
    requests = await h.press("m:subscribe")
    edit = [r for r in requests if isinstance(r, EditMessageText)][-1]
    assert edit.text == t("sub-text")
    assert ticks(edit.reply_markup) == {"sb:news": False, "sb:openings": False, "sb:deadlines": True}
    requests = await h.press("sb:nonsense")
    assert [a.text for a in requests if isinstance(a, AnswerCallbackQuery)] == [t("button-outdated")]


@pytest.mark.parametrize("lang", LANGS)
async def test_onboarding_offer_once(harness: Harness, lang: str) -> None:
    h = harness
    t = h.app.locales[lang]
    await h.send("/start", lang="en")
    requests = await h.press(f"l:{lang}")
    offers = [r for r in requests if isinstance(r, SendMessage) and r.text == t("sub-offer")]
    assert len(offers) == 1
    assert list(ticks(offers[0].reply_markup)) == TOPIC_DATA
    assert texts(requests)[-1] == t("main-menu-text")  # the main menu still comes last

    await h.press("sb:news")
    assert await h.app.subscriptions.topics(1001) == {"news"}

    # Choosing a language again (or another one) does not offer again.
    await h.send("/language")
    for again in LANGS:
        requests = await h.press(f"l:{again}")
        assert not [r for r in requests if isinstance(r, SendMessage) and r.text == h.app.locales[again]("sub-offer")]


async def test_offer_survives_restart_only_once(settings: Settings) -> None:
    first = await Harness.create(settings)
    await first.choose_language("tg")
    assert first.app.locales["tg"]("sub-offer") in first.session.texts()
    await first.close()
    second = await Harness.create(settings)
    try:
        await second.choose_language("tg")
        assert second.app.locales["tg"]("sub-offer") not in second.session.texts()
    finally:
        await second.close()


@pytest.mark.parametrize("lang", LANGS)
async def test_unsubscribe_button_under_a_broadcast(harness: Harness, lang: str) -> None:
    h = harness
    t = h.app.locales[lang]
    await h.choose_language(lang)
    await h.press("sb:news")
    await h.press("sb:deadlines")
    broadcasts = service(h)
    await broadcasts.create_job(9001, make_content(copy_version(9001, 5)), "topic:news", topic="news")
    await broadcasts.run_pending(h.bot)
    copy = [r for r in h.session.of(CopyMessage) if int(r.chat_id) == 1001][-1]
    (label, data), = buttons(copy.reply_markup)
    assert (label, data) == (t("bc-unsubscribe", topic=t("sub-topic-news")), "su:news")

    requests = await h.press(data, message_id=4321)
    answers = [r for r in requests if isinstance(r, AnswerCallbackQuery)]
    assert [a.text for a in answers] == [t("sub-unsubscribed", topic=t("sub-topic-news"))]
    assert await h.app.subscriptions.topics(1001) == {"deadlines"}  # only that topic
    edit = [r for r in requests if isinstance(r, EditMessageReplyMarkup)][-1]
    assert edit.message_id == 4321
    assert buttons(edit.reply_markup) == [(t("bc-manage-subscriptions"), "m:subscribe")]

    # The next news broadcast does not reach them; a deadlines one does.
    h.session.clear()
    await broadcasts.create_job(9001, make_content(copy_version(9001, 6)), "topic:news", topic="news")
    await broadcasts.create_job(9001, make_content(copy_version(9001, 7)), "topic:deadlines", topic="deadlines")
    await broadcasts.run_pending(h.bot)
    got = [(r.message_id, buttons(r.reply_markup)[0][1]) for r in h.session.of(CopyMessage) if int(r.chat_id) == 1001]
    assert got == [(7, "su:deadlines")]

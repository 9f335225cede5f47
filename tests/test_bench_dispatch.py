"""bench/dispatch.py measures what it says: production wiring against a bare baseline, the
same session for both, answers checked, thread hops and database trips counted."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import AnswerCallbackQuery, SendMessage
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message

from bench import dispatch
from tests.support.harness import shared_locales


@pytest.fixture
def keep_logging() -> Iterator[None]:
    # The bench sets up production logging for the whole process; later tests must not see it.
    root, event = logging.getLogger(), logging.getLogger("aiogram.event")
    saved = (root.handlers[:], root.level, event.level)
    try:
        yield
    finally:
        root.handlers[:], root.level = saved[0], saved[1]
        event.setLevel(saved[2])


async def test_offline_session_answers_like_telegram() -> None:
    bot = Bot(token=dispatch.TOKEN, session=dispatch.OfflineSession())
    markup = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="A", callback_data="m:about")]])
    sent = await bot.send_message(7000, "<b>hi</b>", reply_markup=markup)
    assert isinstance(sent, Message) and sent.text == "<b>hi</b>" and sent.reply_markup is not None
    assert sent.reply_markup.inline_keyboard[0][0].callback_data == "m:about"
    edited = await bot.edit_message_text("x", chat_id=7000, message_id=sent.message_id)
    assert isinstance(edited, Message) and edited.message_id == sent.message_id
    assert await bot.answer_callback_query("1") is True
    assert (await bot.me()).username == dispatch.BOT_USER["username"]


async def test_sync_handler_hops_are_counted() -> None:
    session = dispatch.OfflineSession()
    dp = Dispatcher()
    dp.message.register(lambda message: None)  # synchronous: aiogram runs it in a thread
    side = dispatch.Side("sync", Bot(token=dispatch.TOKEN, session=session), dp, session)
    kind = dispatch.Kind("text", [dispatch.Telegram().message(7000, "en", "hi") for _ in range(3)])
    await dispatch.count(side, [kind])
    assert kind.hops == 1 and kind.db == 0


async def test_production_against_a_bare_baseline(keep_logging: None, tmp_path: Path) -> None:
    ours, bare, app = await dispatch.sides(shared_locales(), tmp_path)
    try:
        assert list(ours.session.middleware), "create_bot's rate limiter"
        assert not list(bare.session.middleware)
        assert logging.getLogger("bot.updates").isEnabledFor(logging.INFO)
        tg = dispatch.Telegram()
        menu = await dispatch.onboard(ours, tg)
        assert {"m:about", "m:partners", "m:ask"} <= set(menu)
        kinds = dispatch.build_kinds(tg, menu)
        mix = kinds[0].updates
        for index, update in enumerate(mix):
            if update.get("callback_query", {}).get("data") == "m:ask":
                user = update["callback_query"]["from"]["id"]
                after = next(u for u in mix[index + 1:] if (u.get("message") or u["callback_query"])["from"]["id"] == user)
                assert after["callback_query"]["data"] == dispatch.BACK

        sample = [dispatch.Kind(k.name, k.updates[:30], k.cold) for k in kinds]
        await dispatch.check_answers(ours, sample, shared_locales())
        cleared = dispatch.clear_caches(ours.dp)
        assert any("results" in c for c in cleared) and any("screen" in c for c in cleared)
        cold = next(k for k in sample if k.cold)
        await dispatch.count(ours, [cold])
        # Issue 14: lists and contacts are answered from the snapshot, with no index read.
        assert cold.db > 0, "cold questions read the search index"

        bare.session.record = True
        cpu, wall = await dispatch.run_once(bare, dispatch.mount(sample[0].updates, bare.bot), False)
        assert cpu > 0 and wall > 0
        sent = [r for r in bare.session.requests if isinstance(r, SendMessage)]
        answered = [r for r in bare.session.requests if isinstance(r, AnswerCallbackQuery)]
        typed = [u["message"]["text"] for u in sample[0].updates if "message" in u]
        assert [r.text for r in sent] == typed and len(answered) == len(sample[0].updates) - len(typed)
    finally:
        await app.close()

"""Free text outside any other flow: answer from the knowledge base in the user's language.

One clear match → its card (plus a "not what you meant?" row); several close matches →
up to five buttons; nothing → a helpful reply, the main menu and "Ask the office", with
the question kept in ``ask_prefill`` for the inquiry flow.
"""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from bot.clock import Clock
from bot.filters import HasText
from bot.i18n import Translator
from bot.kb import KnowledgeBase
from bot.search import SearchService
from bot.ui import remember, show
from bot.views.common import bot_username
from bot.views.search import render_answer, render_nothing


def get_router() -> Router:
    router = Router(name="search")

    @router.message(StateFilter(None), HasText())
    async def free_text(message: Message, text: str, t: Translator, lang: str, kb: KnowledgeBase,
                        search: SearchService, state: FSMContext, bot: Bot, clock: Clock) -> None:
        result = await search.answer(text, lang)
        snap = kb.snapshot
        if not result.found:
            # The inquiry flow picks the question up when "Ask the office" is pressed.
            await state.update_data(ask_prefill=text)
            await show(message, remember(snap.screen_cache, ("search-nothing", t.lang, result.query),
                                         lambda: render_nothing(t, result.query)))
            return
        username = await bot_username(bot)
        today = clock.today()
        # Rendered answers live as long as the snapshot (and so the index) they come from.
        key = ("search-answer", t.lang, result.query, username, today)
        await show(message, remember(snap.screen_cache, key, lambda: render_answer(t, snap, result, today, username)))

    return router

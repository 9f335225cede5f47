"""Free text outside any other flow: the answer, in the user's language (issue 14).

The answer layer decides what is asked and what the page says about it; the reply leads
with the fact and keeps the card and its buttons under it. When the page does not answer,
the reply says so and offers "Ask the office", with the question kept in ``ask_prefill``
for the inquiry flow, so the student does not type it again.
"""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from bot.answers import AnswerService
from bot.clock import Clock
from bot.filters import HasText
from bot.i18n import Translator
from bot.inquiries.drafts import PREFILL, PREFILL_AT
from bot.kb import KnowledgeBase
from bot.ui import remember, show
from bot.views.answers import render
from bot.views.common import bot_username


def get_router() -> Router:
    router = Router(name="search")

    @router.message(StateFilter(None), HasText(captions=True))
    async def free_text(message: Message, text: str, t: Translator, kb: KnowledgeBase,
                        answers: AnswerService, state: FSMContext, bot: Bot, clock: Clock) -> None:
        snap = kb.snapshot
        answer = await answers.answer(text, t.lang, snap)
        if answer.kind == "unknown":
            # The inquiry flow picks the question up when "Ask the office" is pressed.
            await state.update_data({PREFILL: text, PREFILL_AT: clock()})
        elif PREFILL in await state.get_data():
            # An answered question since: the unanswered one is no longer what is on the
            # student's mind ("Ask the office" later must not offer it).
            await state.update_data({PREFILL: None, PREFILL_AT: None})
        username = await bot_username(bot)
        today = clock.today()
        # Rendered answers live as long as the snapshot (and so the index) they come from.
        key = ("answer", t.lang, answer, username, today)
        await show(message, remember(snap.screen_cache, key, lambda: render(t, snap, answer, today, username)))

    return router

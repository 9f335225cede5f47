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
from bot.answers.model import Answer
from bot.clock import Clock
from bot.filters import HasText
from bot.i18n import Locales, Translator
from bot.inquiries.drafts import PREFILL, PREFILL_AT, fresh_prefill
from bot.keyboards import language_picker, main_menu
from bot.services.users import UserService
from bot.textlang import asked_language
from bot.kb import KbSnapshot, KnowledgeBase
from bot.ui import Screen, remember, show
from bot.views.answers import render, render_yes_ask
from bot.views.menu import language_prompt
from bot.views.picks import (FOLLOW_UP_TTL, LAST_LIST, LAST_LIST_AT, LAST_LIST_TTL, LAST_QUESTION, LAST_QUESTION_AT,
                             lone_number, numbered_links, says_yes)
from bot.views.common import bot_username


def _with_links(screen: Screen) -> tuple[Screen, tuple[str, ...]]:
    return screen, numbered_links(screen)


def picked(text: str, data: dict[str, object], now: float) -> Answer | None:
    """The card of item N of the last answer's list, for a student who types "N"."""
    number, links, at = lone_number(text), data.get(LAST_LIST), data.get(LAST_LIST_AT)
    if number is None or not isinstance(links, list) or not isinstance(at, (int, float)):
        return None
    if not 1 <= number <= len(links) or not 0 <= now - at <= LAST_LIST_TTL:
        return None
    return Answer("card", text, payloads=(str(links[number - 1]),))


async def _switch(asked: str, message: Message, t: Translator, users: UserService, locales: Locales) -> Screen:
    if asked == "choose":
        return Screen(language_prompt(locales), language_picker(t.lang))
    await users.set_language(message.from_user.id, asked)  # type: ignore[union-attr]
    t = locales[asked]
    return Screen(f"{t('language-set')}\n\n{t('main-menu-text')}", main_menu(t))


async def _understood(text: str, data: dict[str, object], now: float, t: Translator, snap: KbSnapshot,
                      answers: AnswerService) -> tuple[Answer, str | None]:
    """The answer to ``text`` read as a reply to the last answer where it is one; and the
    question to remember for a follow-up (None: keep the last one)."""
    answer = picked(text, data, now)
    if answer is not None:
        return answer, None
    if lone_number(text) is not None:  # a "5" with no list to pick from asks nothing
        return Answer("smalltalk", text, topic="unclear"), None
    previous, at = data.get(LAST_QUESTION), data.get(LAST_QUESTION_AT)
    if isinstance(previous, str) and isinstance(at, (int, float)) and 0 <= now - at <= FOLLOW_UP_TTL:
        rewritten = answers.follow_up(previous, text, snap)
        if rewritten is not None:  # "and 2017?" after "what happened in 2018?"
            return await answers.answer(rewritten, t.lang, snap), rewritten
    answer = await answers.answer(text, t.lang, snap)
    return answer, (text if answer.kind != "smalltalk" else None)


def get_router() -> Router:
    router = Router(name="search")

    @router.message(StateFilter(None), HasText(captions=True))
    async def free_text(message: Message, text: str, t: Translator, kb: KnowledgeBase, answers: AnswerService,
                        state: FSMContext, bot: Bot, clock: Clock, users: UserService, locales: Locales) -> None:
        asked = asked_language(text)
        if asked is not None:  # "по-русски пожалуйста", "change language"
            await show(message, await _switch(asked, message, t, users, locales))
            return
        snap = kb.snapshot
        data = await state.get_data()
        now = clock()
        answer, asked_now = await _understood(text, data, now, t, snap, answers)
        changes: dict[str, object] = {}
        if asked_now is not None:
            changes.update({LAST_QUESTION: asked_now, LAST_QUESTION_AT: now})
        if answer.kind == "unknown":
            # The inquiry flow picks the question up when "Ask the office" is pressed.
            changes.update({PREFILL: text, PREFILL_AT: now})
        elif data.get(PREFILL) is not None:
            # An answered question since: the unanswered one is no longer what is on the
            # student's mind ("Ask the office" later must not offer it).
            changes.update({PREFILL: None, PREFILL_AT: None})
        username = await bot_username(bot)
        today = clock.today()
        # Rendered answers live as long as the snapshot (and so the index) they come from.
        key = ("answer", t.lang, answer, username, today)
        screen, links = remember(snap.screen_cache, key, lambda: _with_links(render(t, snap, answer, today, username)))
        if (prefill := fresh_prefill(data, now)) and (answer.topic == "yes" or says_yes(text)):
            # "Yes, please" to "I can pass your question on": the question, and the button that sends it.
            screen, links = render_yes_ask(t, prefill), ()
            changes.clear()
        if links:
            changes.update({LAST_LIST: list(links), LAST_LIST_AT: now})
        elif data.get(LAST_LIST) is not None:
            changes.update({LAST_LIST: None, LAST_LIST_AT: None})
        if changes:
            await state.update_data(changes)
        await show(message, screen)

    return router

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
from bot.answers.followup import FOLLOW_UP_TTL
from bot.answers.model import Answer
from bot.clock import Clock
from bot.filters import HasText
from bot.i18n import Locales, Translator
from bot.inquiries.drafts import PREFILL, PREFILL_AT, fresh_prefill
from bot.keyboards import language_picker, main_menu
from bot.kb import KbSnapshot, KnowledgeBase
from bot.services.users import UserService
from bot.textlang import asked_language
from bot.ui import Screen, remember, show
from bot.views.answers import render, render_yes_ask
from bot.views.common import bot_username
from bot.views.menu import language_prompt
from bot.views.picks import LAST, LAST_LIST_TTL, lone_number, numbered_links, says_yes


def _with_links(screen: Screen) -> tuple[Screen, tuple[str, ...]]:
    return screen, numbered_links(screen)


def picked(text: str, number: int | None, last: tuple[tuple[str, ...], float], now: float) -> Answer | None:
    """The card of item ``number`` (as ``lone_number`` reads ``text``) of the last answer's list."""
    links, at = last
    if not links or not 0 <= now - at <= LAST_LIST_TTL:
        return None
    if number == LAST:
        number = len(links)
    if number is None or not 1 <= number <= len(links):
        return None
    return Answer("card", text, payloads=(links[number - 1],))


async def _switch(asked: str, message: Message, t: Translator, users: UserService, locales: Locales) -> Screen:
    if asked == "choose":
        return Screen(language_prompt(locales), language_picker(t.lang))
    await users.set_language(message.from_user.id, asked)  # type: ignore[union-attr]
    t = locales[asked]
    return Screen(f"{t('language-set')}\n\n{t('main-menu-text')}", main_menu(t))


async def _understood(text: str, user_id: int, users: UserService, now: float, t: Translator, snap: KbSnapshot,
                      answers: AnswerService) -> tuple[Answer, str]:
    """The answer to ``text``, read as a reply to the last answer where it is one, and the
    question as understood ("and Germany?" is the last question about Germany: that is what
    goes to the office). The conversation's context (the last list, the last question) is
    the user cache's: no write per question, and a restart forgets it as a person would."""
    number = lone_number(text)
    answer = picked(text, number, users.last_list(user_id), now)
    if answer is not None:
        return answer, text
    if number is not None:  # a "5" with no list to pick from asks nothing
        return Answer("smalltalk", text, topic="unclear"), text
    previous, at = users.last_question(user_id)
    if previous is not None and 0 <= now - at <= FOLLOW_UP_TTL:
        rewritten = answers.follow_up(previous, text, snap)
        if rewritten is not None:  # "and 2017?" after "what happened in 2018?"
            users.remember_question(user_id, rewritten, now)
            return await answers.answer(rewritten, t.lang, snap), rewritten
    answer = await answers.answer(text, t.lang, snap)
    if answer.kind != "smalltalk":
        users.remember_question(user_id, text, now)
    return answer, text


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
        user_id = message.from_user.id  # type: ignore[union-attr]
        answer, question = await _understood(text, user_id, users, now, t, snap, answers)
        changes: dict[str, object] = {}
        if answer.kind == "unknown":
            # The inquiry flow picks the question up when "Ask the office" is pressed.
            changes.update({PREFILL: question, PREFILL_AT: now})
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
        users.remember_list(user_id, links, now)
        if changes:
            await state.set_data({**data, **changes})  # ``data`` is read above: no second read
        await show(message, screen)

    return router

"""The knowledge-base sections: one table-driven router for main-menu buttons, section
commands, ``Open(link=...)`` buttons and each section's own pager buttons.

Every screen comes from ``bot.views.screens.resolve``, so a button, a command and a deep
link to the same payload always show the same screen.
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.callbacks import OFFICE_PARTS, CountryCB, ErasmusCB, InstCB, Menu, NewsCB, OfficeCB, Open
from bot.clock import Clock
from bot.filters import CallbackPrefix, IsCommand
from bot.i18n import Translator
from bot.kb import KnowledgeBase
from bot.ui import show
from bot.views import news, office, partners
from bot.views.common import bot_username
from bot.views.menu import main_screen
from bot.views.screens import SECTIONS, resolve


def get_router() -> Router:
    router = Router(name="sections")
    router.message.filter(IsCommand())
    router.callback_query.filter(CallbackPrefix(Open, CountryCB, InstCB, NewsCB, ErasmusCB, OfficeCB, menu=SECTIONS))

    @router.callback_query(Open.filter())
    async def open_link(callback: CallbackQuery, callback_data: Open, t: Translator, kb: KnowledgeBase,
                        clock: Clock, bot: Bot) -> None:
        screen = resolve(callback_data.link, t, kb.snapshot, clock.today(), await bot_username(bot))
        if screen is None:
            # A record that was removed since the button was sent.
            await callback.answer(t("button-outdated"))
            await show(callback, main_screen(t), answer_callback=False)
            return
        await show(callback, screen)

    @router.callback_query(Menu.filter(F.screen.in_(SECTIONS)))
    async def section(callback: CallbackQuery, callback_data: Menu, t: Translator, kb: KnowledgeBase,
                      clock: Clock) -> None:
        await show(callback, resolve(callback_data.screen, t, kb.snapshot, clock.today()))

    @router.message(Command(*SECTIONS))
    async def section_command(message: Message, command: CommandObject, t: Translator, kb: KnowledgeBase,
                              clock: Clock) -> None:
        await show(message, resolve(command.command, t, kb.snapshot, clock.today()))

    @router.callback_query(CountryCB.filter())
    async def country(callback: CallbackQuery, callback_data: CountryCB, t: Translator, kb: KnowledgeBase) -> None:
        screen = partners.render_country(t, kb.snapshot, callback_data.code, callback_data.page)
        await show(callback, screen or partners.render_countries(t, kb.snapshot))

    @router.callback_query(InstCB.filter())
    async def institution(callback: CallbackQuery, callback_data: InstCB, t: Translator, kb: KnowledgeBase,
                          bot: Bot) -> None:
        screen = partners.render_institution(t, kb.snapshot, callback_data.id, callback_data.page,
                                             await bot_username(bot))
        await show(callback, screen or partners.render_countries(t, kb.snapshot))

    @router.callback_query(NewsCB.filter())
    async def news_page(callback: CallbackQuery, callback_data: NewsCB, t: Translator, kb: KnowledgeBase) -> None:
        await show(callback, news.render_news(t, kb.snapshot, callback_data.page))

    @router.callback_query(ErasmusCB.filter())
    async def erasmus_part(callback: CallbackQuery, callback_data: ErasmusCB, t: Translator, kb: KnowledgeBase,
                           clock: Clock) -> None:
        part = callback_data.part if callback_data.part in ("calls", "mobility", "archive") else "erasmus"
        await show(callback, resolve(part, t, kb.snapshot, clock.today()))

    # Any other part is forged or from an older version: the fallback calls it out of date.
    @router.callback_query(OfficeCB.filter(F.part.in_(OFFICE_PARTS)))
    async def office_part(callback: CallbackQuery, callback_data: OfficeCB, t: Translator, kb: KnowledgeBase) -> None:
        await show(callback, office.render_office_list(t, kb.snapshot, callback_data.part))

    return router

"""/start, the language choice, the main menu, /help and deep links."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.callbacks import Menu, SetLang
from bot.clock import Clock
from bot.filters import CallbackPrefix, IsCommand
from bot.i18n import Locales, Translator
from bot.kb import KnowledgeBase
from bot.keyboards import language_picker, main_menu
from bot.services.subscriptions import SubscriptionService
from bot.services.users import UserService
from bot.ui import Screen, show
from bot.views.common import bot_username
from bot.views.menu import help_screen, language_prompt, main_screen, welcome_screen
from bot.views.screens import resolve
from bot.views.subscriptions import render_subscriptions

PENDING_LINK = "pending_deep_link"


async def open_deep_link(message: Message, payload: str, t: Translator, kb: KnowledgeBase, clock: Clock) -> bool:
    """Send the screen the payload names as a new message; False if it names none."""
    screen = resolve(payload, t, kb.snapshot, clock.today(), await bot_username(message.bot))
    if screen is None:
        return False
    await show(message, screen)
    return True


async def offer_topics_once(callback: CallbackQuery, bot: Bot, t: Translator, users: UserService,
                            subscriptions: SubscriptionService) -> None:
    """After the first language choice only, offer the broadcast topics."""
    user_id = callback.from_user.id
    if await users.mark_onboarded(user_id):
        screen = render_subscriptions(t, await subscriptions.topics(user_id), offer=True)
        await bot.send_message(user_id, screen.text, reply_markup=screen.markup)


def get_router() -> Router:
    router = Router(name="start")
    router.message.filter(IsCommand())
    router.callback_query.filter(CallbackPrefix(SetLang, menu=("main", "language")))

    @router.message(CommandStart())
    async def start(message: Message, command: CommandObject, t: Translator, lang_chosen: bool, lang: str,
                    locales: Locales, state: FSMContext, kb: KnowledgeBase, clock: Clock) -> None:
        await state.set_state(None)
        payload = (command.args or "").strip()
        if not lang_chosen:
            if payload:
                await state.update_data({PENDING_LINK: payload})
            await message.answer(language_prompt(locales), reply_markup=language_picker(lang))
            return
        if payload and await open_deep_link(message, payload, t, kb, clock):
            return
        await show(message, welcome_screen(t))

    @router.message(Command("language", "lang"))
    async def change_language(message: Message, locales: Locales, lang: str) -> None:
        await message.answer(language_prompt(locales), reply_markup=language_picker(lang))

    @router.callback_query(SetLang.filter())
    async def set_language(callback: CallbackQuery, callback_data: SetLang, bot: Bot, t: Translator,
                           users: UserService, locales: Locales, state: FSMContext, kb: KnowledgeBase,
                           clock: Clock, subscriptions: SubscriptionService) -> None:
        code = callback_data.code
        if code not in locales.languages:
            # A forged code: say so in the current language, like any out-of-date button.
            await callback.answer(t("button-outdated"))
            return
        await users.set_language(callback.from_user.id, code)
        t = locales[code]
        await show(callback, Screen(t("language-set"), None))
        await offer_topics_once(callback, bot, t, users, subscriptions)
        payload = (await state.get_data()).get(PENDING_LINK)
        if payload:
            await state.update_data({PENDING_LINK: None})
            if isinstance(callback.message, Message) and await open_deep_link(
                callback.message, str(payload), t, kb, clock
            ):
                return
        await bot.send_message(callback.from_user.id, t("main-menu-text"), reply_markup=main_menu(t))

    @router.message(Command("menu"))
    async def menu_command(message: Message, t: Translator, state: FSMContext) -> None:
        await state.set_state(None)
        await show(message, main_screen(t))

    @router.callback_query(Menu.filter(F.screen == "main"))
    async def menu_button(callback: CallbackQuery, t: Translator, state: FSMContext) -> None:
        await state.set_state(None)
        await show(callback, main_screen(t))

    @router.callback_query(Menu.filter(F.screen == "language"))
    async def language_button(callback: CallbackQuery, locales: Locales, lang: str) -> None:
        await show(callback, Screen(language_prompt(locales), language_picker(lang)))

    @router.message(Command("help"))
    async def help_command(message: Message, t: Translator) -> None:
        await show(message, help_screen(t))

    return router

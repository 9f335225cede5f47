"""/start, the language choice, the main menu, /help and deep links."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.callbacks import Menu, Open, SetLang
from bot.filters import CallbackPrefix, IsCommand, PrivateChat
from bot.i18n import Locales, Translator
from bot.kb import KnowledgeBase
from bot.keyboards import language_picker, main_menu
from bot.services.users import UserService
from bot.ui import Screen, show
from handlers.deeplinks import open_deep_link, resolve
from handlers.erasmus import today
from bot.views.common import bot_username

PENDING_LINK = "pending_deep_link"


def language_prompt(locales: Locales) -> str:
    # Before a language is chosen the prompt speaks all three.
    return "\n".join(locales[lang]("choose-language") for lang in ("tg", "ru", "en"))


def main_screen(t: Translator) -> Screen:
    return Screen(t("main-menu-text"), main_menu(t))


def get_router() -> Router:
    router = Router(name="start")
    router.message.filter(IsCommand(), PrivateChat())
    router.callback_query.filter(CallbackPrefix(Menu, Open, SetLang), PrivateChat())

    @router.message(CommandStart())
    async def start(
        message: Message,
        command: CommandObject,
        t: Translator,
        lang_chosen: bool,
        lang: str,
        locales: Locales,
        state: FSMContext,
        kb: KnowledgeBase,
    ) -> None:
        await state.set_state(None)
        payload = (command.args or "").strip()
        if not lang_chosen:
            if payload:
                await state.update_data({PENDING_LINK: payload})
            await message.answer(language_prompt(locales), reply_markup=language_picker(lang))
            return
        if payload and await open_deep_link(message, payload, t=t, kb=kb):
            return
        # One message: the greeting above the main menu.
        await show(message, Screen(t("welcome") + "\n\n" + t("main-menu-text"), main_menu(t)))

    @router.message(Command("language"))
    async def change_language(message: Message, locales: Locales, lang: str) -> None:
        await message.answer(language_prompt(locales), reply_markup=language_picker(lang))

    @router.callback_query(SetLang.filter())
    async def set_language(
        callback: CallbackQuery,
        callback_data: SetLang,
        users: UserService,
        locales: Locales,
        state: FSMContext,
        kb: KnowledgeBase,
        t: Translator,
        subscriptions: Any = None,
    ) -> None:
        code = callback_data.code
        if code not in locales.languages:
            # A forged code: say so in the current language, like any out-of-date button.
            await callback.answer(t("button-outdated"))
            return
        await users.set_language(callback.from_user.id, code)
        t = locales[code]
        await show(callback, Screen(t("language-set"), None))
        from handlers.subscriptions import offer_after_language  # issue 6: topics offered once

        await offer_after_language(callback, t, users, subscriptions)
        data = await state.get_data()
        payload = data.get(PENDING_LINK)
        if payload:
            await state.update_data({PENDING_LINK: None})
            if isinstance(callback.message, Message) and await open_deep_link(
                callback.message, str(payload), t=t, kb=kb
            ):
                return
        await callback.bot.send_message(  # type: ignore[union-attr]
            callback.from_user.id, t("main-menu-text"), reply_markup=main_menu(t)
        )

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

    @router.callback_query(Open.filter())
    async def open_link(
        callback: CallbackQuery, callback_data: Open, t: Translator, kb: KnowledgeBase, clock: Callable[[], float]
    ) -> None:
        username = await bot_username(callback.bot)
        screen = resolve(callback_data.link, t, kb, today=today(clock), username=username)
        if screen is None:
            # A record that was removed since the button was sent.
            await callback.answer(t("button-outdated"))
            await show(callback, main_screen(t), answer_callback=False)
            return
        await show(callback, screen)

    @router.message(Command("help"))
    async def help_command(message: Message, t: Translator) -> None:
        await message.answer(t("help-text"), reply_markup=main_menu(t))

    return router


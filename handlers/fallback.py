"""Last resort: anything no other router took gets a polite answer and the main menu."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery, Message

from bot.filters import PrivateChat
from bot.i18n import Translator
from bot.keyboards import main_menu


def get_router(name: str = "fallback") -> Router:
    router = Router(name=name)

    @router.callback_query()
    async def stale_button(callback: CallbackQuery, t: Translator) -> None:
        # Old, forged or foreign callback data (a menu screen that does not exist too: every
        # screen of the menu is built): answer it (stops the spinner) and offer
        # the main menu in a new message rather than touching whatever was pressed.
        await callback.answer(t("button-outdated"))
        if callback.message is not None and callback.message.chat.type == "private":
            await callback.bot.send_message(  # type: ignore[union-attr]
                callback.from_user.id, t("main-menu-text"), reply_markup=main_menu(t)
            )

    @router.message(PrivateChat())
    async def not_understood(message: Message, t: Translator) -> None:
        if message.text is not None:
            key = "unknown-command" if message.text.startswith("/") else "not-understood"
        else:
            key = "unsupported-content"
        await message.answer(t(key), reply_markup=main_menu(t))

    return router

"""/privacy: what the bot stores and why. /forget: erase it, after confirmation."""

from __future__ import annotations

from collections.abc import Callable

from aiogram import Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.db import Database
from bot.filters import CallbackPrefix, IsCommand
from bot.i18n import Locales, Translator
from bot.keyboards import button, language_picker, markup, nav_row
from bot.services.privacy import forget_user
from bot.services.users import UserService
from bot.ui import Screen, show


class ForgetCB(CallbackData, prefix="fg"):
    confirm: bool


def get_router() -> Router:
    router = Router(name="privacy")
    router.message.filter(IsCommand())
    router.callback_query.filter(CallbackPrefix(ForgetCB))

    @router.message(Command("privacy"))
    async def privacy(message: Message, t: Translator) -> None:
        await show(message, Screen(t("privacy-text"), markup([[button(t("btn-forget"), ForgetCB(confirm=False))], nav_row(t)])))

    @router.message(Command("forget"))
    async def forget(message: Message, t: Translator) -> None:
        await show(message, forget_prompt(t))

    @router.callback_query(ForgetCB.filter())
    async def forget_button(
        callback: CallbackQuery,
        callback_data: ForgetCB,
        t: Translator,
        db: Database,
        users: UserService,
        state: FSMContext,
        locales: Locales,
        clock: Callable[[], float],
    ) -> None:
        if not callback_data.confirm:
            await show(callback, forget_prompt(t))
            return
        report = await forget_user(db, users, callback.from_user.id, int(clock()))
        await state.clear()
        await show(callback, Screen(t("forget-done", inquiries=report.inquiries_anonymised), None))
        # Nothing is known any more, not even the language: offer the choice again.
        await callback.bot.send_message(  # type: ignore[union-attr]
            callback.from_user.id,
            "\n".join(locales[lang]("choose-language") for lang in ("tg", "ru", "en")),
            reply_markup=language_picker(t.lang),
        )

    return router


def forget_prompt(t: Translator) -> Screen:
    return Screen(
        t("forget-confirm"),
        markup([[button(t("btn-forget-confirm"), ForgetCB(confirm=True))], nav_row(t)]),
    )

"""/staff (admins: list, add by forwarded message or id, remove), /backup (admins: a
consistent copy of the database as a document) and /stats (staff: figures and a chart).

The role is checked on every update by the handler's filter (``IsAdmin()`` / ``IsStaff()``);
everyone else gets a polite refusal and nothing happens.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from pathlib import Path

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    BotCommandScopeChat,
    BufferedInputFile,
    CallbackQuery,
    Message,
    MessageOriginHiddenUser,
    MessageOriginUser,
)

from bot.charts import daily_chart
from bot.clock import Clock
from bot.commands import register_staff_commands, set_dashboard_button
from bot.config import Settings
from bot.db import Database
from bot.filters import CallbackPrefix, CommandOrState, IsAdmin, IsStaff, NotCommand
from bot.i18n import Locales, Translator
from bot.numbers import parse_user_id
from bot.services.audit import AuditLog
from bot.services.roles import RoleService
from bot.services.stats import StatsService
from bot.ui import Screen, show
from bot.views.staff import StaffCB, cancel_screen, format_size, staff_name, staff_screen, stats_text

MAX_DOCUMENT = 50 * 1024 * 1024  # what a bot may upload


class StaffForm(StatesGroup):
    add = State()  # waiting for a forwarded message or a user id


async def current(roles: RoleService, settings: Settings, t: Translator, note: str = "") -> Screen:
    return staff_screen(t, await roles.list_staff(), settings.admin_ids, note)


async def set_staff_menu(bot: Bot, locales: Locales, settings: Settings, user_id: int, on: bool) -> None:
    """Show (or hide) the staff commands in the person's command menu, and the Dashboard
    menu button when WEBAPP_URL is set; best effort."""
    with contextlib.suppress(TelegramAPIError):
        if on:
            await register_staff_commands(bot, locales, settings.default_language, [user_id], None)
        else:
            await bot.delete_my_commands(scope=BotCommandScopeChat(chat_id=user_id))
    await set_dashboard_button(bot, locales, settings.default_language, user_id, settings.webapp_url, on)


def get_router() -> Router:
    router = Router(name="staff")
    router.message.filter(CommandOrState(StaffForm))
    router.callback_query.filter(CallbackPrefix(StaffCB))

    # --- /staff ------------------------------------------------------------------------------
    @router.message(Command("staff"), IsAdmin())
    async def staff_command(message: Message, t: Translator, roles: RoleService, settings: Settings,
                            state: FSMContext) -> None:
        if await state.get_state() == StaffForm.add.state:
            await state.clear()
        await show(message, await current(roles, settings, t))

    @router.callback_query(StaffCB.filter(F.action == "add"), IsAdmin())
    async def ask_for_person(callback: CallbackQuery, t: Translator, state: FSMContext) -> None:
        await state.set_state(StaffForm.add)
        await show(callback, cancel_screen(t))

    @router.callback_query(StaffCB.filter(F.action == "cancel"), IsAdmin())
    async def cancel_button(callback: CallbackQuery, t: Translator, roles: RoleService, settings: Settings,
                            state: FSMContext) -> None:
        await state.clear()
        await show(callback, await current(roles, settings, t, t("staff-cancelled")))

    @router.callback_query(StaffCB.filter(F.action == "rm"), IsAdmin())
    async def remove(callback: CallbackQuery, callback_data: StaffCB, t: Translator, roles: RoleService,
                     settings: Settings, audit: AuditLog, bot: Bot, locales: Locales) -> None:
        user_id = callback_data.user
        names = dict(await roles.list_staff())
        if user_id not in names or not await roles.remove_staff(user_id):
            await show(callback, await current(roles, settings, t, t("staff-not-found")))
            return
        await audit.record(callback.from_user.id, "remove", "staff", str(user_id),
                           {"user_id": user_id, "name": names[user_id]}, None)
        await set_staff_menu(bot, locales, settings, user_id, on=False)
        note = t("staff-removed", name=staff_name(t, user_id, names[user_id]))
        await show(callback, await current(roles, settings, t, note))

    @router.message(Command("cancel"), StateFilter(StaffForm.add), IsAdmin())
    async def cancel_add(message: Message, t: Translator, roles: RoleService, settings: Settings,
                         state: FSMContext) -> None:
        await state.clear()
        await show(message, await current(roles, settings, t, t("staff-cancelled")))

    @router.message(StateFilter(StaffForm.add), NotCommand(), IsAdmin())
    async def add_staff(
        message: Message,
        t: Translator,
        roles: RoleService,
        settings: Settings,
        state: FSMContext,
        audit: AuditLog,
        bot: Bot,
        locales: Locales,
    ) -> None:
        origin = message.forward_origin
        user_id: int | None = None
        name = ""
        if isinstance(origin, MessageOriginUser):
            if origin.sender_user.is_bot:
                await message.answer(t("staff-add-bot"))
                return
            user_id, name = origin.sender_user.id, origin.sender_user.full_name
        elif isinstance(origin, MessageOriginHiddenUser):
            await message.answer(t("staff-add-hidden"))
            return
        elif origin is None:
            user_id = parse_user_id(message.text)
        if user_id is None:
            await message.answer(t("staff-add-bad"))
            return
        label = staff_name(t, user_id, name)
        if roles.is_admin(user_id):
            await state.clear()
            await show(message, await current(roles, settings, t, t("staff-add-admin", name=label)))
            return
        added = await roles.add_staff(user_id, name, message.from_user.id)  # type: ignore[union-attr]
        await state.clear()
        if added:
            await audit.record(message.from_user.id, "add", "staff", str(user_id),  # type: ignore[union-attr]
                               None, {"user_id": user_id, "name": name})
            await set_staff_menu(bot, locales, settings, user_id, on=True)
        note = t("staff-added" if added else "staff-already", name=label)
        await show(message, await current(roles, settings, t, note))

    # --- /backup -------------------------------------------------------------------------------
    @router.message(Command("backup"), IsAdmin())
    async def backup_command(message: Message, t: Translator, db: Database, clock: Clock) -> None:
        stamp = clock.local()
        filename = f"mmit-office-bot-{stamp:%Y-%m-%d-%H%M}.sqlite3"
        with tempfile.TemporaryDirectory(prefix="mmit-backup-") as folder:
            path = Path(folder) / filename
            try:
                await db.backup_to(path)
                data = path.read_bytes()
            except Exception as error:  # noqa: BLE001 - report, never crash the command
                await message.answer(t("backup-failed", error=type(error).__name__))
                return
        if len(data) > MAX_DOCUMENT:
            await message.answer(t("backup-too-big", size=format_size(len(data))))
            return
        caption = t("backup-caption", date=f"{stamp:%d.%m.%Y %H:%M}", size=format_size(len(data)))
        await message.answer_document(BufferedInputFile(data, filename=filename), caption=caption)

    # --- /stats --------------------------------------------------------------------------------
    @router.message(Command("stats"), IsStaff())
    async def stats_command(message: Message, t: Translator, stats: StatsService, clock: Clock) -> None:
        figures = await stats.collect()
        await show(message, Screen(stats_text(t, figures, clock)))
        # A thread: the first chart imports matplotlib, and drawing takes ~50 ms of CPU.
        png = await asyncio.to_thread(daily_chart, t, figures.days, figures.new_users_per_day, figures.inquiries_per_day)
        await message.answer_photo(BufferedInputFile(png, filename="stats-30-days.png"), caption=t("stats-chart-caption"))

    # --- everyone else ---------------------------------------------------------------------------
    @router.message(Command("staff", "backup"))
    async def not_admin(message: Message, t: Translator) -> None:
        await message.answer(t("staff-admin-only"))

    @router.message(Command("stats"))
    async def not_staff(message: Message, t: Translator) -> None:
        await message.answer(t("staff-only"))

    @router.callback_query(StaffCB.filter(F.action.in_({"add", "cancel", "rm"})))
    async def not_admin_button(callback: CallbackQuery, t: Translator) -> None:
        await callback.answer(t("staff-admin-only"), show_alert=True)

    @router.callback_query(StaffCB.filter())
    async def unknown_action(callback: CallbackQuery, t: Translator) -> None:
        await callback.answer(t("button-outdated"))

    return router

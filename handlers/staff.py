"""/staff (admins: list, add by forwarded message or id, remove), /backup (admins: a
consistent copy of the database as a document) and /stats (staff: figures and a chart).

The role is checked on every update by the handler's filter (``IsAdmin()`` / ``IsStaff()``);
everyone else gets a polite refusal and nothing happens.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import BaseFilter, Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    BotCommandScopeChat,
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    Message,
    MessageOriginHiddenUser,
    MessageOriginUser,
)

from bot.charts import daily_chart
from bot.config import Settings
from bot.db import Database
from bot.filters import CallbackPrefix, CommandOrState, IsAdmin, IsStaff, PrivateChat
from bot.i18n import Locales, Translator
from bot.keyboards import button, markup
from bot.services.audit import AuditLog
from bot.services.stats import OFFICE_TZ, Stats, StatsService
from bot.services.subscriptions import TOPIC_KEYS
from bot.ui import Screen, show

MAX_DOCUMENT = 50 * 1024 * 1024  # what a bot may upload


class StaffCB(CallbackData, prefix="sf"):
    """``add`` (ask for the person), ``rm`` (remove ``user``), ``cancel``."""

    action: str
    user: int = 0


class StaffForm(StatesGroup):
    add = State()  # waiting for a forwarded message or a user id


class NotCommand(BaseFilter):
    async def __call__(self, message: Message) -> bool:
        return not (message.text and message.text.startswith("/"))


def staff_name(t: Translator, user_id: int, name: str) -> str:
    return name or t("staff-unnamed", id=str(user_id))


async def staff_screen(t: Translator, roles: Any, settings: Settings, note: str = "") -> Screen:
    staff = await roles.list_staff()
    lines = [note, ""] if note else []
    lines += [t("staff-title"), t("staff-admins", ids=", ".join(str(i) for i in settings.admin_ids) or "—"), ""]
    rows: list[list[InlineKeyboardButton]] = []
    if not staff:
        lines.append(t("staff-list-empty"))
    for user_id, name in staff:
        lines.append(t("staff-item", name=staff_name(t, user_id, name), id=str(user_id)))
        rows.append([button(t("staff-btn-remove", name=staff_name(t, user_id, name))[:60], StaffCB(action="rm", user=user_id))])
    lines += ["", t("staff-help")]
    rows.append([button(t("staff-btn-add"), StaffCB(action="add"))])
    return Screen("\n".join(lines), markup(rows))


def format_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, size // 1024)} KB"


def format_wait(t: Translator, seconds: float) -> str:
    minutes = int(round(seconds / 60))
    if minutes < 60:
        return t("stats-minutes", minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return t("stats-hours", hours=hours, minutes=minutes)
    days, hours = divmod(hours, 24)
    return t("stats-days", days=days, hours=hours)


def stats_text(t: Translator, stats: Stats) -> str:
    stamp = dt.datetime.fromtimestamp(stats.now, OFFICE_TZ).strftime("%d.%m.%Y %H:%M")
    lang = stats.by_language
    lines = [
        t("stats-title", date=stamp),
        "",
        t("stats-users", total=stats.users_total, blocked=stats.users_blocked),
        t("stats-languages", tg=lang.get("tg", 0), ru=lang.get("ru", 0), en=lang.get("en", 0), none=lang.get("", 0)),
        t("stats-new", week=stats.new_7, month=stats.new_30),
        t("stats-active", week=stats.active_7, month=stats.active_30),
        "",
        t("stats-subscribers"),
    ]
    for topic, count in stats.subscribers.items():
        lines.append(t("stats-subscriber", topic=t(TOPIC_KEYS[topic]) if topic in TOPIC_KEYS else topic, count=count))
    lines += [
        "",
        t("stats-inquiries", received=stats.inquiries_received, answered=stats.inquiries_answered,
          open=stats.inquiries_open),
        t("stats-median", time=format_wait(t, stats.median_first_answer)) if stats.median_first_answer is not None
        else t("stats-median-none"),
    ]
    for key, items in (("stats-top", stats.top_queries), ("stats-missing", stats.top_not_found)):
        lines += ["", t(key)]
        lines += [t("stats-query", query=query, count=count) for query, count in items] or [t("stats-none")]
    return "\n".join(lines)


async def set_staff_menu(bot: Bot, locales: Locales, settings: Settings, user_id: int, on: bool) -> None:
    """Show (or hide) the staff commands in the person's command menu; best effort."""
    from bot.commands import register_staff_commands

    with contextlib.suppress(TelegramAPIError):
        if on:
            await register_staff_commands(bot, locales, settings.default_language, [user_id], None)
        else:
            await bot.delete_my_commands(scope=BotCommandScopeChat(chat_id=user_id))


def get_router() -> Router:
    router = Router(name="staff")
    router.message.filter(CommandOrState(StaffForm), PrivateChat())
    router.callback_query.filter(CallbackPrefix(StaffCB), PrivateChat())

    # --- /staff ------------------------------------------------------------------------------
    @router.message(Command("staff"), IsAdmin())
    async def staff_command(message: Message, t: Translator, roles: Any, settings: Settings, state: FSMContext) -> None:
        if await state.get_state() == StaffForm.add.state:
            await state.clear()
        await show(message, await staff_screen(t, roles, settings))

    @router.callback_query(StaffCB.filter(), IsAdmin())
    async def staff_button(
        callback: CallbackQuery,
        callback_data: StaffCB,
        t: Translator,
        roles: Any,
        settings: Settings,
        state: FSMContext,
        audit: AuditLog,
        bot: Bot,
        locales: Locales,
    ) -> None:
        action = callback_data.action
        if action == "add":
            await state.set_state(StaffForm.add)
            cancel = markup([[button(t("staff-btn-cancel"), StaffCB(action="cancel"))]])
            await show(callback, Screen(t("staff-add-prompt"), cancel))
        elif action == "cancel":
            await state.clear()
            await show(callback, await staff_screen(t, roles, settings, t("staff-cancelled")))
        elif action == "rm":
            user_id = callback_data.user
            names = dict(await roles.list_staff())
            if user_id not in names or not await roles.remove_staff(user_id):
                await show(callback, await staff_screen(t, roles, settings, t("staff-not-found")))
                return
            await audit.record(callback.from_user.id, "remove", "staff", str(user_id),
                               {"user_id": user_id, "name": names[user_id]}, None)
            await set_staff_menu(bot, locales, settings, user_id, on=False)
            note = t("staff-removed", name=staff_name(t, user_id, names[user_id]))
            await show(callback, await staff_screen(t, roles, settings, note))
        else:
            await callback.answer(t("button-outdated"))

    @router.message(Command("cancel"), StateFilter(StaffForm.add), IsAdmin())
    async def cancel_add(message: Message, t: Translator, roles: Any, settings: Settings, state: FSMContext) -> None:
        await state.clear()
        await show(message, await staff_screen(t, roles, settings, t("staff-cancelled")))

    @router.message(StateFilter(StaffForm.add), NotCommand(), IsAdmin())
    async def add_staff(
        message: Message,
        t: Translator,
        roles: Any,
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
        elif origin is None and message.text and message.text.strip().isdigit():
            user_id = int(message.text.strip())
        if user_id is None or not 0 < user_id < 2**52:
            await message.answer(t("staff-add-bad"))
            return
        label = staff_name(t, user_id, name)
        if roles.is_admin(user_id):
            await state.clear()
            await show(message, await staff_screen(t, roles, settings, t("staff-add-admin", name=label)))
            return
        added = await roles.add_staff(user_id, name, message.from_user.id)  # type: ignore[union-attr]
        await state.clear()
        if added:
            await audit.record(message.from_user.id, "add", "staff", str(user_id),  # type: ignore[union-attr]
                               None, {"user_id": user_id, "name": name})
            await set_staff_menu(bot, locales, settings, user_id, on=True)
        note = t("staff-added" if added else "staff-already", name=label)
        await show(message, await staff_screen(t, roles, settings, note))

    # --- /backup -------------------------------------------------------------------------------
    @router.message(Command("backup"), IsAdmin())
    async def backup_command(message: Message, t: Translator, db: Database, clock: Any) -> None:
        stamp = dt.datetime.fromtimestamp(clock(), OFFICE_TZ)
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
    async def stats_command(message: Message, t: Translator, stats: StatsService) -> None:
        figures = await stats.collect()
        await show(message, Screen(stats_text(t, figures)))
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

    @router.callback_query(StaffCB.filter())
    async def not_admin_button(callback: CallbackQuery, t: Translator) -> None:
        await callback.answer(t("staff-admin-only"), show_alert=True)

    return router

"""Start-up and shutdown, on ``dp.startup`` / ``dp.shutdown`` (polling and webhook alike)."""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

from aiogram import Bot, Dispatcher

from bot.commands import register_commands, register_dashboard_buttons, register_staff_commands
from bot.config import Settings
from bot.i18n import Locales
from bot.services.roles import RoleService
from bot.services.users import UserService

log = logging.getLogger("bot.runner")

SHUTDOWN_GRACE = 30.0  # seconds updates in progress may take to finish at shutdown


class Services(Protocol):
    """What start-up needs of the composition root's ``App`` (which imports this module)."""

    settings: Settings
    locales: Locales
    roles: RoleService
    users: UserService

    async def start(self, bot: Bot) -> None: ...

    async def stop(self, bot: Bot) -> None: ...


def install_lifecycle(dp: Dispatcher, app: Services) -> None:
    async def on_startup(bot: Bot) -> None:
        settings = app.settings
        try:
            await register_commands(bot, app.locales, settings.default_language)
            staff = sorted(set(settings.admin_ids) | await app.roles.staff_ids())
            await register_staff_commands(bot, app.locales, settings.default_language, staff, settings.staff_chat_id)
            if settings.webapp_url:
                languages = {user_id: await app.users.get_language(user_id) or settings.default_language
                             for user_id in staff}
                await register_dashboard_buttons(bot, app.locales, languages, settings.webapp_url)
        except Exception:  # a missing command menu must not keep the bot down
            log.exception("could not register the command menu")
        await app.start(bot)

    async def on_shutdown(bot: Bot) -> None:
        # Polling has stopped taking updates; let the ones being handled finish before the
        # workers stop and the database closes. aiogram keeps them in a private set.
        in_progress = [task for task in getattr(dp, "_handle_update_tasks", ()) if not task.done()]
        if in_progress:
            log.info("waiting for %d update(s) in progress", len(in_progress))
            await asyncio.wait(in_progress, timeout=SHUTDOWN_GRACE)
        await app.stop(bot)

    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)

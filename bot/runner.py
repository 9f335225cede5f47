"""Running the bot: long polling (the default) or a webhook (see ``bot.webhook``)."""

from __future__ import annotations

import asyncio
import gc
import logging
from aiogram import Bot, Dispatcher

from bot.app import App, build_app, create_bot, create_dispatcher
from bot.reachable import until_reachable
from bot.commands import register_commands, register_staff_commands
from bot.config import Settings

log = logging.getLogger(__name__)

SHUTDOWN_GRACE = 30.0  # seconds updates in progress may take to finish at shutdown


def install_lifecycle(dp: Dispatcher, app: App) -> None:
    """Start-up and shutdown hooks shared by polling and webhook mode."""

    async def on_startup(bot: Bot) -> None:
        try:
            await register_commands(bot, app.locales, app.settings.default_language)
            roles = app.extra["roles"]
            staff = sorted(set(app.settings.admin_ids) | await roles.staff_ids())
            await register_staff_commands(
                bot, app.locales, app.settings.default_language, staff, app.settings.staff_chat_id
            )
        except Exception:  # a missing command menu must not keep the bot down
            log.exception("could not register the command menu")
        for hook in app.extra.get("startup_hooks", []):
            await hook(bot)

    async def on_shutdown(bot: Bot) -> None:
        # Polling has stopped taking updates; let the ones being handled finish before the
        # workers stop and the database closes. aiogram keeps them in a private set.
        in_progress = [task for task in getattr(dp, "_handle_update_tasks", ()) if not task.done()]
        if in_progress:
            log.info("waiting for %d update(s) in progress", len(in_progress))
            await asyncio.wait(in_progress, timeout=SHUTDOWN_GRACE)
        for hook in reversed(app.extra.get("shutdown_hooks", [])):
            try:
                await hook(bot)
            except Exception:
                log.exception("shutdown hook failed")

    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)


async def run(settings: Settings) -> None:
    app = await build_app(settings)
    bot = create_bot(settings)
    dp = create_dispatcher(app)
    install_lifecycle(dp, app)
    # Everything built so far (knowledge base, locales, routers) lives as long as the
    # process: moving it out of the collector's reach keeps full collections short, which
    # were the longest pauses seen under load (bench/load.py).
    gc.collect()
    gc.freeze()
    try:
        if settings.webhook_url:
            from bot.webhook import run_webhook

            await run_webhook(dp, bot, settings)
        else:
            log.info("starting long polling against %s", settings.telegram_api_base)
            await until_reachable(lambda: bot.delete_webhook(drop_pending_updates=False), settings)
            await dp.start_polling(bot, allowed_updates=dp.resolve_used_update_types(), handle_signals=True)
    finally:
        await bot.session.close()
        await app.close()

"""Running the bot: long polling (the default) or a webhook (see ``bot.webhook``)."""

from __future__ import annotations

import asyncio
import gc
import logging

from bot.app import build_app, create_bot, create_dispatcher
from bot.config import Settings
from bot.reachable import until_reachable
from bot.web import WebServer

log = logging.getLogger(__name__)


async def run(settings: Settings) -> None:
    app = await build_app(settings)
    bot = create_bot(settings)
    dp = create_dispatcher(app)
    # Everything built so far (knowledge base, locales, routers) lives as long as the
    # process: moving it out of the collector's reach keeps full collections short, which
    # were the longest pauses seen under load (bench/load.py).
    gc.collect()
    gc.freeze()
    # The staff dashboard listens on WEB_PORT in both modes (beside the webhook's port).
    dashboard = WebServer(app)
    await dashboard.start(bot)
    try:
        if settings.webhook_url:
            from bot.webhook import run_webhook

            await run_webhook(dp, bot, settings)
        else:
            log.info("starting long polling against %s", settings.telegram_api_base)
            await until_reachable(lambda: bot.delete_webhook(drop_pending_updates=False), settings)
            await dp.start_polling(bot, allowed_updates=dp.resolve_used_update_types(), handle_signals=True)
    finally:
        await dashboard.stop(bot)
        await bot.session.close()
        await app.close()

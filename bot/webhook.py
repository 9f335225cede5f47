"""Webhook mode (``WEBHOOK_URL`` set): aiohttp behind an HTTPS reverse proxy.

Telegram sends ``X-Telegram-Bot-Api-Secret-Token`` with every update; requests without
the right one get 401. Updates are handled inside the request (not in background tasks),
so aiohttp's graceful shutdown waits for every update in progress to finish.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import signal

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiogram.types import Update
from aiohttp import web

from bot.config import Settings
from bot.reachable import until_reachable

log = logging.getLogger(__name__)

SHUTDOWN_TIMEOUT = 30.0


def webhook_secret(settings: Settings) -> str:
    """``WEBHOOK_SECRET``, or one derived from the token.

    Derived rather than random so that the bot agrees with Telegram on it after a restart
    without keeping a file.
    """
    if settings.webhook_secret:
        return settings.webhook_secret
    token = settings.bot_token.get_secret_value().encode()
    return hmac.new(token, b"mmit-office-webhook", hashlib.sha256).hexdigest()


def webhook_url(settings: Settings) -> str:
    assert settings.webhook_url
    url = settings.webhook_url.rstrip("/")
    path = "/" + settings.webhook_path.strip("/")
    return url if url.endswith(path) else url + path


class WebhookHandler(SimpleRequestHandler):
    """aiogram's handler, but a body that is not an Update gets 400, not 500 and a traceback."""

    async def _handle_request(self, bot: Bot, request: web.Request) -> web.Response:
        try:
            update = Update.model_validate(await request.json(loads=bot.session.json_loads), context={"bot": bot})
        except ValueError:  # not JSON, or JSON that is not an Update (pydantic's error is one too)
            log.warning("webhook: rejected a malformed body (%s bytes)", request.content_length)
            return web.Response(status=400, text="Bad Request")
        result = await self.dispatcher.feed_webhook_update(bot, update, **self.data)
        return web.Response(body=self._build_response_writer(bot=bot, result=result))


def build_webhook_app(dp: Dispatcher, bot: Bot, settings: Settings) -> web.Application:
    web_app = web.Application()
    handler = WebhookHandler(
        dispatcher=dp, bot=bot, secret_token=webhook_secret(settings), handle_in_background=False
    )
    handler.register(web_app, path="/" + settings.webhook_path.strip("/"))

    async def health(_: web.Request) -> web.Response:
        return web.Response(text="ok")

    web_app.router.add_get("/healthz", health)
    setup_application(web_app, dp, bot=bot)
    return web_app


async def register_webhook(dp: Dispatcher, bot: Bot, settings: Settings) -> None:
    await bot.set_webhook(
        url=webhook_url(settings),
        secret_token=webhook_secret(settings),
        allowed_updates=dp.resolve_used_update_types(),
        drop_pending_updates=False,
    )


async def run_webhook(dp: Dispatcher, bot: Bot, settings: Settings) -> None:
    web_app = build_webhook_app(dp, bot, settings)

    async def on_startup(_: web.Application) -> None:
        await until_reachable(lambda: register_webhook(dp, bot, settings), settings)
        log.info("webhook registered; serving on %s:%s", settings.webhook_host, settings.webhook_port)

    web_app.on_startup.append(on_startup)
    runner = web.AppRunner(web_app, handle_signals=False, shutdown_timeout=SHUTDOWN_TIMEOUT)
    await runner.setup()
    site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
    await site.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except NotImplementedError:  # pragma: no cover - Windows
            pass
    try:
        await stop.wait()
    finally:
        log.info("shutting down: finishing updates in progress")
        # The webhook stays registered: Telegram keeps updates queued until we are back.
        await runner.cleanup()

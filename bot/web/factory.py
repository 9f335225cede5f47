"""The dashboard's aiohttp application, and the server that runs it beside the bot."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiohttp import web

from bot.app import App
from bot.web import api_broadcasts, api_inquiries, api_kb, api_stats, pages
from bot.web.inquiry_queue import InquiryQueue
from bot.web.server import DASHBOARD, MAX_BODY, Dashboard, guard, headers

log = logging.getLogger(__name__)


def build_web_app(app: App, bot: Bot) -> web.Application:
    """The dashboard: the page at /app/, its files at /app/static/, the JSON API under /app/api/."""
    web_app = web.Application(client_max_size=MAX_BODY, middlewares=[headers, guard])
    web_app[DASHBOARD] = Dashboard(app=app, bot=bot, queue=InquiryQueue(app.db))
    for module in (pages, api_kb, api_inquiries, api_broadcasts, api_stats):
        web_app.add_routes(module.routes())
    return web_app


class WebServer:
    """Runs the dashboard on WEB_HOST:WEB_PORT, in polling and webhook mode alike."""

    SHUTDOWN_TIMEOUT = 10.0

    def __init__(self, app: App) -> None:
        self.app = app
        self._runner: web.AppRunner | None = None

    async def start(self, bot: Bot) -> None:
        settings = self.app.settings
        runner = web.AppRunner(build_web_app(self.app, bot), handle_signals=False,
                               shutdown_timeout=self.SHUTDOWN_TIMEOUT, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, settings.web_host, settings.web_port).start()
        except OSError as problem:
            # The students' bot matters more than the dashboard: it keeps running.
            log.error("dashboard not served: cannot listen on %s:%s (%s); set WEB_HOST/WEB_PORT",
                      settings.web_host, settings.web_port, problem.strerror or problem)
            await runner.cleanup()
            return
        self._runner = runner
        log.info("dashboard on http://%s:%s/app/", settings.web_host, settings.web_port)

    async def stop(self, bot: Bot) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

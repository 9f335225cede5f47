"""The staff dashboard, a Telegram Mini App served by the bot itself (issue 13).

``build_web_app(app, bot)`` is the aiohttp application (page at /app/, JSON API under
/app/api/); ``WebServer`` runs it on WEB_HOST:WEB_PORT beside polling or the webhook.
"""

from bot.web.factory import WebServer, build_web_app

__all__ = ["WebServer", "build_web_app"]

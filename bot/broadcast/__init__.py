"""Subscriptions and staff broadcasts (issue 6): ``setup(app)`` wires the services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiogram import Bot

if TYPE_CHECKING:
    from bot.app import App


async def setup(app: App) -> None:
    from bot.broadcast.announce import Announcer
    from bot.broadcast.service import BroadcastService
    from bot.services.subscriptions import SubscriptionService

    subscriptions = SubscriptionService(app.db, clock=app.clock)
    broadcasts = BroadcastService(app.db, app.users, subscriptions, app.locales, app.settings, clock=app.clock)
    announcer = Announcer(app.db, app.kb, broadcasts, app.settings, clock=app.clock)
    broadcasts.announcer = announcer
    await announcer.init()
    app.kb.on_change(announcer.on_change)
    app.extra["subscriptions"] = subscriptions
    app.extra["broadcasts"] = broadcasts

    async def start_broadcasts(bot: Bot) -> None:
        # Resumes a job the last process left unfinished, then waits for new ones.
        await broadcasts.start(bot)
        await announcer.send_offers(bot)

    async def stop_broadcasts(bot: Bot) -> None:
        await broadcasts.stop(bot)

    app.extra.setdefault("startup_hooks", []).append(start_broadcasts)
    app.extra.setdefault("shutdown_hooks", []).append(stop_broadcasts)

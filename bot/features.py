"""Feature services, created once per App. Each feature adds one ``setup`` call here.

A feature's ``setup(app)`` puts its service into ``app.extra`` under the keyword name its
handlers ask for, and may append coroutines ``hook(bot)`` to ``app.extra["startup_hooks"]``
and ``app.extra["shutdown_hooks"]`` for background work (delivery queues, schedulers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.app import App


async def setup_features(app: App) -> None:
    from bot.services.roles import RoleService

    app.extra["roles"] = RoleService(app.db, app.settings, clock=app.clock)

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

    from bot import inquiries

    inquiries.setup(app)
    from bot.search import SearchService

    search = SearchService(app.db, clock=app.clock)
    await search.rebuild(app.kb.snapshot)
    app.kb.on_change(search.rebuild)
    app.extra["search"] = search
    app.extra.setdefault("startup_hooks", []).append(search.start)
    app.extra.setdefault("shutdown_hooks", []).append(search.stop)
    app.extra.setdefault("close_hooks", []).append(search.flush_log)
    from bot.broadcast import setup as setup_broadcasts  # app.extra["subscriptions"], ["broadcasts"]

    await setup_broadcasts(app)
    from bot.services.staff_console import setup as setup_staff_console  # issue 7: audit, kb_editor, stats, deadlines

    await setup_staff_console(app)

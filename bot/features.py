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

    roles = app.extra["roles"] = RoleService(app.db, app.settings, clock=app.clock)

    from bot.inquiries.service import InquiryService

    # Raises OfficeHoursError for a bad OFFICE_HOURS. The loop delivers the outbox and sends
    # the daily reminder; it runs only in the real bot, tests call deliver_pending themselves.
    inquiries = InquiryService(db=app.db, settings=app.settings, locales=app.locales, users=app.users,
                               roles=roles, clock=app.clock)
    app.extra["inquiries"] = inquiries
    app.extra.setdefault("startup_hooks", []).append(inquiries.start)
    app.extra.setdefault("shutdown_hooks", []).append(inquiries.stop)
    from bot.search import setup as setup_search  # app.extra["search"]; index rebuilt on kb.on_change

    await setup_search(app)
    from bot.broadcast import setup as setup_broadcasts  # app.extra["subscriptions"], ["broadcasts"]

    await setup_broadcasts(app)
    from bot.services.staff_console import setup as setup_staff_console  # issue 7: audit, kb_editor, stats, deadlines

    await setup_staff_console(app)

"""Staff console (issue 7): ``setup(app)`` registers its services for the handlers.

``audit`` (AuditLog), ``kb_editor`` (KbEditor), ``stats`` (StatsService) and ``deadlines``
(DeadlineReminders, started and stopped with the bot when the broadcast service is there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.app import App


async def setup(app: App) -> None:
    from bot.services.audit import AuditLog
    from bot.services.deadlines import DeadlineReminders
    from bot.services.editor import KbEditor
    from bot.services.stats import StatsService

    audit = AuditLog(app.db, clock=app.clock)
    app.extra["audit"] = audit
    app.extra["kb_editor"] = KbEditor(app.db, app.kb, audit, clock=app.clock)
    app.extra["stats"] = StatsService(app.db, clock=app.clock, search=app.extra.get("search"), users=app.users)
    broadcasts = app.extra.get("broadcasts")
    if broadcasts is not None:
        deadlines = DeadlineReminders(
            app.db, app.kb, app.locales, broadcasts, default_language=app.settings.default_language, clock=app.clock
        )
        app.extra["deadlines"] = deadlines
        app.extra.setdefault("startup_hooks", []).append(deadlines.start)
        app.extra.setdefault("shutdown_hooks", []).append(deadlines.stop)

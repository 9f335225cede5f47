"""One router per feature; ``get_routers`` builds them fresh for every Dispatcher.

Order matters twice: the staff chat comes first (nothing said there may reach a student
router), and free-text search and the fallback come last (they take whatever no flow
took). In between, the routers students use most come first, because aiogram tries
routers in order and every router passed costs its filters.
"""

from __future__ import annotations

from aiogram import Router

from bot.config import Settings


def get_routers(settings: Settings) -> list[Router]:
    from handlers import (
        broadcast,
        editor,
        erasmus,
        fallback,
        inline,
        inquiries,
        news,
        office,
        partners,
        privacy,
        projects,
        search,
        staff,
        staff_chat,
        start,
        subscriptions,
    )

    return [
        staff_chat.get_router(settings),
        start.get_router(),
        partners.get_router(),
        news.get_router(),
        erasmus.get_router(),
        office.get_router(),
        projects.get_router(),
        # Flows with their own states (their text handlers are state-filtered).
        inquiries.get_router(),
        subscriptions.get_router(),
        broadcast.get_router(),
        editor.get_router(),
        staff.get_router(),
        privacy.get_router(),
        inline.get_router(),
        search.get_router(),
        fallback.get_router(),
    ]

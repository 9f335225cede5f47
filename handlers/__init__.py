"""One router per feature; ``get_routers`` builds them fresh for every Dispatcher."""

from __future__ import annotations

from aiogram import Router

from bot.config import Settings


def get_routers(settings: Settings) -> list[Router]:
    from handlers import erasmus, fallback, news, office, partners, projects, start

    routers = [
        start.get_router(),
        office.get_router(),
        partners.get_router(),
        erasmus.get_router(),
        projects.get_router(),
        news.get_router(),
    ]
    # Must stay last: it answers whatever the routers above did not take.
    routers.append(fallback.get_router())
    return routers

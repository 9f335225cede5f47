"""One router per feature; ``get_routers`` builds them fresh for every Dispatcher."""

from __future__ import annotations

from aiogram import Router

from bot.config import Settings


def get_routers(settings: Settings) -> list[Router]:
    from handlers import erasmus, fallback, news, office, partners, privacy, projects, start
    from handlers import inquiries, staff_chat  # inquiries (issue 5)

    routers = [
        # The staff chat first: nothing said there reaches a student-side router.
        staff_chat.get_router(settings),
    ]
    from handlers import editor, staff  # staff console (issue 7); editor text handlers are state-filtered

    routers += [
        staff.get_router(),
        editor.get_router(),
        start.get_router(),
        office.get_router(),
        inquiries.get_router(),
        partners.get_router(),
        erasmus.get_router(),
        projects.get_router(),
        news.get_router(),
        privacy.get_router(),
    ]
    from handlers import broadcast, subscriptions  # issue 6; composer handlers are state-filtered

    routers += [subscriptions.get_router(), broadcast.get_router()]
    from handlers import inline, search  # search (issue 4)

    routers.append(inline.get_router())
    # Free-text search: after every feature router, just before fallback.
    routers.append(search.get_router())
    # Must stay last: it answers whatever the routers above did not take.
    routers.append(fallback.get_router())
    return routers

"""The router tree; ``get_routers`` builds it fresh for every Dispatcher.

Chat scope is set once, on the parents: the staff chat's router takes only the staff
chat, ``private`` takes only private chats, and nothing said in the staff chat can reach
a student router. Inside ``private`` the most frequent update kinds come first, because
aiogram tries routers in order and every router passed costs its filters. Inquiries
come first only because a reply to the office's answer is a follow-up, not a question
for search (its router rejects any other text in one check); then typed questions
(search takes only text outside any flow), section buttons and commands, /start and the
menu, and the other flows (each flow's router takes only commands and its own states). The fallback answers whatever is left, in any chat.
"""

from __future__ import annotations

import logging

from aiogram import Router

from bot.config import Settings
from bot.filters import PrivateChat
from handlers import (
    broadcast,
    editor,
    fallback,
    inline,
    inquiries,
    privacy,
    search,
    sections,
    staff,
    staff_chat,
    start,
    subscriptions,
)

log = logging.getLogger(__name__)


def get_routers(settings: Settings) -> list[Router]:
    private = Router(name="private")
    private.message.filter(PrivateChat())
    private.callback_query.filter(PrivateChat())
    private.include_routers(
        inquiries.get_router(),
        search.get_router(),
        sections.get_router(),
        start.get_router(),
        subscriptions.get_router(),
        broadcast.get_router(),
        editor.get_router(),
        staff.get_router(),
        privacy.get_router(),
    )
    routers = [staff_chat.get_router(settings), private, inline.get_router(), fallback.get_router()]
    if log.isEnabledFor(logging.DEBUG):
        log.debug("router tree:\n%s", "\n".join(line for r in routers for line in tree_lines(r)))
    return routers


def tree_lines(router: Router, depth: int = 0) -> list[str]:
    lines = ["  " * depth + router.name]
    for child in router.sub_routers:
        lines += tree_lines(child, depth + 1)
    return lines

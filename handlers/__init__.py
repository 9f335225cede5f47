"""The router tree; ``get_routers`` builds it fresh for every Dispatcher.

aiogram tries routers in order, and a router whose own filter fails is skipped with its
whole subtree; every router an update passes costs a copy of its data. So the tree is
shaped by how often each update kind comes and by filters that prune early:

    private                      PrivateChat, once for everything below
      inquiries                  a reply to the office's answer is a follow-up, not a search
      browse                     callbacks: the union of its children's prefixes
        search                   typed text outside any flow (the most frequent update)
        sections                 menu buttons, section commands, Open links, pagers
        start                    /start, the language, the menu, /help
      flows                      a command or a user inside a flow; their prefixes
        subscriptions, broadcast, editor, staff, privacy
      fallback-private           stale buttons, unknown commands, stickers
    staff_chat_setup / staff_chat  /chatid in any group; the staff chat only
    fallback                     what is left in other chats
    inline                       inline queries (no other update reaches it)

Nothing said in the staff chat reaches a student router: ``private`` takes private chats only.
"""

from __future__ import annotations

import logging

from aiogram import Router

from bot.config import Settings
from bot.filters import CommandOrAnyState, PrivateChat, union_of_prefixes
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


def group(name: str, *children: Router) -> Router:
    parent = Router(name=name)
    parent.callback_query.filter(union_of_prefixes(children))
    parent.include_routers(*children)
    return parent


def get_routers(settings: Settings) -> list[Router]:
    browse = group("browse", search.get_router(), sections.get_router(), start.get_router())
    flows = group("flows", subscriptions.get_router(), broadcast.get_router(), editor.get_router(),
                  staff.get_router(), privacy.get_router())
    flows.message.filter(CommandOrAnyState())
    private = Router(name="private")
    private.message.filter(PrivateChat())
    private.callback_query.filter(PrivateChat())
    private.include_routers(inquiries.get_router(), browse, flows, fallback.get_router("fallback-private"))
    routers = [private, staff_chat.get_router(settings), fallback.get_router(), inline.get_router()]
    if log.isEnabledFor(logging.DEBUG):
        log.debug("router tree:\n%s", "\n".join(line for r in routers for line in tree_lines(r)))
    return routers


def tree_lines(router: Router, depth: int = 0) -> list[str]:
    lines = ["  " * depth + router.name]
    for child in router.sub_routers:
        lines += tree_lines(child, depth + 1)
    return lines

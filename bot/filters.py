"""Async filters. aiogram runs any synchronous filter (magic ``F`` expressions included)
through ``asyncio.to_thread``; these are coroutines, so a check costs no thread hop."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from aiogram.filters import BaseFilter
from aiogram.types import CallbackQuery, InlineQuery, Message

from bot.callbacks import Menu

from bot.services.roles import RoleService


class PrivateChat(BaseFilter):
    async def __call__(self, event: Message | CallbackQuery | Any) -> bool:
        if isinstance(event, CallbackQuery):
            message = event.message
            return message is None or message.chat.type == "private"
        if isinstance(event, InlineQuery):
            return True
        chat = getattr(event, "chat", None)
        return chat is not None and chat.type == "private"


class ChatId(BaseFilter):
    """Only the given chat (e.g. the staff chat); never matches when it is not set."""

    def __init__(self, chat_id: int | None) -> None:
        self.chat_id = chat_id

    async def __call__(self, event: Message | CallbackQuery | Any) -> bool:
        if self.chat_id is None:
            return False
        if isinstance(event, CallbackQuery):
            return event.message is not None and event.message.chat.id == self.chat_id
        chat = getattr(event, "chat", None)
        return chat is not None and chat.id == self.chat_id


class HasText(BaseFilter):
    """A message with text (not a command); hands the text to the handler as ``text``.

    ``captions=True``: a photo's or document's caption counts as its text (a student may
    send a screenshot with the question under it)."""

    def __init__(self, *, captions: bool = False) -> None:
        self.captions = captions

    async def __call__(self, message: Message) -> bool | dict[str, Any]:
        text = message.text
        if text is None and self.captions:
            text = message.caption
        if not text or text.startswith("/"):
            return False
        return {"text": text}


class NotCommand(BaseFilter):
    """Any message but a command: a flow's typed input, while commands keep working."""

    async def __call__(self, message: Message) -> bool:
        return not (message.text or "").startswith("/")


class IsStaff(BaseFilter):
    """ADMIN_IDS or staff added by an admin; checked on every update, buttons included."""

    async def __call__(self, event: Any, roles: RoleService) -> bool:
        user = getattr(event, "from_user", None)
        return user is not None and await roles.is_staff(user.id)


class IsAdmin(BaseFilter):
    async def __call__(self, event: Any, roles: RoleService) -> bool:
        user = getattr(event, "from_user", None)
        return user is not None and roles.is_admin(user.id)


class CallbackPrefix(BaseFilter):
    """Router-level filter: only callbacks of these ``CallbackData`` classes enter the router.

    One string comparison instead of every handler's ``CallbackData.filter()`` unpacking
    (and failing on) data that belongs to another feature.

    ``menu`` names the main-menu screens (``Menu(screen=...)``) the router serves: the main
    menu's buttons all share one prefix, and without this every router that serves one of
    them would take (and unpack) a press meant for another.
    """

    def __init__(self, *classes: Any, menu: Iterable[str] = ()) -> None:
        self.prefixes = frozenset(cls.__prefix__ for cls in classes)
        self.exact = frozenset(Menu(screen=screen).pack() for screen in menu)
        separators = {cls.__separator__ for cls in classes} | ({Menu.__separator__} if self.exact else set())
        assert len(separators) <= 1, "one separator per router"
        self.separator = separators.pop() if separators else ":"

    async def __call__(self, callback: CallbackQuery) -> bool:
        data = callback.data
        if not data:
            return False
        return data in self.exact or data.partition(self.separator)[0] in self.prefixes


class IsCommand(BaseFilter):
    """Router-level filter for routers whose message handlers are all commands."""

    async def __call__(self, message: Message) -> bool:
        text = message.text
        return bool(text) and text.startswith("/")  # type: ignore[union-attr]


class CommandOrAnyState(BaseFilter):
    """Parent-router filter over several flows: a command, or a user inside some flow."""

    async def __call__(self, message: Message, raw_state: str | None = None) -> bool:
        text = message.text
        return raw_state is not None or bool(text and text.startswith("/"))


def union_of_prefixes(routers: Iterable[Any]) -> CallbackPrefix:
    """One ``CallbackPrefix`` that lets in what any of the routers' own would: on a parent,
    a press for none of them skips the whole group in one check."""
    merged = CallbackPrefix()
    for router in routers:
        for item in router.callback_query._handler.filters or ():
            if isinstance(item.callback, CallbackPrefix):
                merged.prefixes |= item.callback.prefixes
                merged.exact |= item.callback.exact
                merged.separator = item.callback.separator
    return merged


class CommandOrState(BaseFilter):
    """Router-level filter for a flow's router: a message enters only if it is a command,
    or the user is in one of the flow's states (or, with ``replies``, replies to a message).

    Every other text (most of them: typed questions for search) skips the router's
    handlers in one check.
    """

    def __init__(self, *groups: Any, replies: bool = False) -> None:
        self.prefixes = tuple(f"{group.__full_group_name__}:" for group in groups)
        self.replies = replies

    async def __call__(self, message: Message, raw_state: str | None = None) -> bool:
        text = message.text
        if text and text.startswith("/"):
            return True
        if raw_state is not None and raw_state.startswith(self.prefixes):
            return True
        return self.replies and message.reply_to_message is not None

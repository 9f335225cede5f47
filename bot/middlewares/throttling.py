"""Flood control: a user who sends too much is slowed down, warned once, others unaffected."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject, Update

from bot.throttle import ThrottleStore

log = logging.getLogger(__name__)


class ThrottlingMiddleware(BaseMiddleware):
    """Outer middleware on ``update``, after the language is known (the warning is in it).

    Only private messages and button presses count: the staff chat must never be slowed.
    """

    def __init__(self, store: ThrottleStore) -> None:
        self.store = store

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        assert isinstance(event, Update)
        inner: Message | CallbackQuery | None = event.message or event.callback_query
        user = data.get("event_from_user")
        chat = data.get("event_chat")
        if inner is None or user is None or (chat is not None and chat.type != "private"):
            return await handler(event, data)
        decision = await self.store.hit(user.id)
        if decision.allowed:
            return await handler(event, data)
        log.info("throttled user=%s update=%s warn=%s", user.id, event.update_id, decision.warn)
        t = data["t"]
        if isinstance(inner, CallbackQuery):
            # Always stop the button's spinner; the toast says why only once.
            await inner.answer(t("throttled") if decision.warn else None)
        elif decision.warn:
            await inner.answer(t("throttled"))
        return None

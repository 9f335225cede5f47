"""One structured log line per update: id, type, user, outcome and latency."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.types import TelegramObject, Update
from aiogram.types.update import UpdateTypeLookupError

log = logging.getLogger("bot.updates")


class UpdateLogMiddleware(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not log.isEnabledFor(logging.INFO):
            return await handler(event, data)
        start = time.perf_counter()
        outcome = "error"
        try:
            result = await handler(event, data)
            outcome = "unhandled" if result is UNHANDLED else "ok"
            return result
        finally:
            assert isinstance(event, Update)
            user = data.get("event_from_user")
            try:
                kind = event.event_type
            except UpdateTypeLookupError:  # a type newer than aiogram: ignored, not an error
                kind = "unknown"
            log.info(
                "update id=%s type=%s user=%s outcome=%s ms=%.1f",
                event.update_id,
                kind,
                user.id if user else "-",
                outcome,
                (time.perf_counter() - start) * 1000,
            )

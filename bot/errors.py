"""The last line of defence: log the failure with its update and user, tell the user."""

from __future__ import annotations

import logging
from typing import Any

from aiogram.types import ErrorEvent

from bot.i18n import Locales
from bot.keyboards import main_menu

log = logging.getLogger("bot.errors")


async def on_error(event: ErrorEvent, **data: Any) -> bool:
    update = event.update
    user = data.get("event_from_user")
    chat = data.get("event_chat")
    log.error(
        "update id=%s user=%s failed: %s",
        update.update_id,
        user.id if user else "-",
        type(event.exception).__name__,
        exc_info=(type(event.exception), event.exception, event.exception.__traceback__),
    )
    locales: Locales | None = data.get("locales")
    if locales is None or user is None:
        return True
    t = data.get("t") or locales[data.get("lang") or "en"]
    bot = data.get("bot")
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(t("error-generic-short"))
        if bot is not None and (chat is None or chat.type == "private") and update.inline_query is None:
            await bot.send_message(user.id, t("error-generic"), reply_markup=main_menu(t))
    except Exception as error:  # noqa: BLE001 - telling the user must not raise again
        log.warning("could not tell user %s about the error: %s", user.id, type(error).__name__)
    return True

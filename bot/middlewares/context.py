"""Per-update context: who is talking and in which language to answer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User

from bot.config import Settings
from bot.i18n import Locales, guess_language
from bot.services.users import UserService


class LanguageMiddleware(BaseMiddleware):
    """Puts ``lang`` (str), ``t`` (Translator) and ``lang_chosen`` (bool) in handler data.

    Runs as an outer middleware on ``update`` after aiogram's own user-context middleware,
    so ``event_from_user`` is already known. Only private chats and inline queries register
    a user: a student writing in the staff group is not a bot user.
    """

    def __init__(self, users: UserService, locales: Locales, settings: Settings) -> None:
        self.users = users
        self.locales = locales
        self.default = settings.default_language

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        chat = data.get("event_chat")
        lang: str | None = None
        if user is not None and not user.is_bot:
            if chat is None or chat.type == "private":
                lang = (await self.users.touch(user.id)).language
            else:
                lang = await self.users.get_language(user.id)
        data["lang_chosen"] = lang is not None
        if lang is None:
            lang = guess_language(user.language_code if user else None, self.default)
        data["lang"] = lang
        data["t"] = self.locales[lang]
        return await handler(event, data)

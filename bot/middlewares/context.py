"""Per-update context: who is talking and in which language to answer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User

from bot.config import Settings
from bot.i18n import Locales, guess_language
from bot.services.users import CachedUser, UserService
from bot.textlang import language_of


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
        entry: CachedUser | None = None
        if user is not None and not user.is_bot:
            if chat is None or chat.type == "private":
                entry = await self.users.touch(user.id)
                lang = entry.language
            else:
                lang = await self.users.get_language(user.id)
        data["lang_chosen"] = lang is not None
        if lang is None:
            lang = guess_language(user.language_code if user else None, self.default)
            if entry is not None:
                lang = entry.guessed = self._written_in(event, entry.guessed or lang)
        data["lang"] = lang
        data["t"] = self.locales[lang]
        return await handler(event, data)

    @staticmethod
    def _written_in(event: TelegramObject, guess: str) -> str:
        """Until a language is chosen, a student is answered in the language they write in;
        the guess is kept for the buttons they press next."""
        message = getattr(event, "message", None)
        text = getattr(message, "text", None)
        if not text or text.startswith("/"):
            return guess
        return language_of(text[:200], guess)

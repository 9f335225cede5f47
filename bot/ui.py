"""Showing a screen: edit the message in place for a button, send a new one for a command."""

from __future__ import annotations

import logging
import functools
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from typing import Any, TypeVar

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InaccessibleMessage, InlineKeyboardMarkup, Message

log = logging.getLogger(__name__)

# Telegram's limit is 4096 characters after entity parsing; leave room for tags.
MAX_TEXT = 3800


@dataclass(frozen=True)
class Screen:
    text: str
    markup: InlineKeyboardMarkup | None = None


F = TypeVar("F", bound=Callable[..., Any])


def cached_screen(func: F) -> F:
    """Memoise a pure renderer ``func(t, snap, *args)`` on the snapshot it renders.

    Building a keyboard means validating dozens of pydantic models; the same card is shown
    again and again, so after the first time it costs a dict lookup.
    """

    @functools.wraps(func)
    def wrapper(t: Any, snap: Any, *args: Any, **kwargs: Any) -> Any:
        key = (func.__qualname__, t.lang, args, tuple(sorted(kwargs.items())))
        return remember(snap.screen_cache, key, lambda: func(t, snap, *args, **kwargs))

    return wrapper  # type: ignore[return-value]


def remember(cache: MutableMapping[Any, Any], key: Any, build: Callable[[], Any]) -> Any:
    """``cache[key]``, built on first use (the cache, an LRU, bounds itself)."""
    try:
        return cache[key]
    except KeyError:
        pass
    value = build()
    cache[key] = value
    return value


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Split at paragraph, then line, then word boundaries.

    Tags in our messages never span a line, so cutting at a newline keeps the HTML valid.
    """
    if len(text) <= limit:
        return [text]
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:cut])
            line = line[cut:].lstrip()
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current:
        chunks.append(current)
    return [c for c in chunks if c.strip()] or [text[:limit]]


async def show(event: Message | CallbackQuery, screen: Screen, *, answer_callback: bool = True) -> None:
    chunks = split_text(screen.text)
    if isinstance(event, CallbackQuery):
        if answer_callback:
            await event.answer()
        message = event.message
        if message is None or isinstance(message, InaccessibleMessage):
            # Too old to edit (or the chat is gone): send a fresh message instead.
            await event.bot.send_message(  # type: ignore[union-attr]
                event.from_user.id, chunks[0], reply_markup=screen.markup if len(chunks) == 1 else None
            )
            await _send_rest(event.bot, event.from_user.id, chunks[1:], screen)  # type: ignore[arg-type]
            return
        first_markup = screen.markup if len(chunks) == 1 else None
        if message.text is not None:
            try:
                await message.edit_text(chunks[0], reply_markup=first_markup)
            except TelegramBadRequest as error:
                if "not modified" not in str(error):
                    await message.answer(chunks[0], reply_markup=first_markup)
        else:
            # A photo or document message cannot become text: answer below it.
            await message.answer(chunks[0], reply_markup=first_markup)
        await _send_rest(event.bot, message.chat.id, chunks[1:], screen)  # type: ignore[arg-type]
        return
    await event.answer(chunks[0], reply_markup=screen.markup if len(chunks) == 1 else None)
    await _send_rest(event.bot, event.chat.id, chunks[1:], screen)  # type: ignore[arg-type]


async def _send_rest(bot, chat_id: int, chunks: list[str], screen: Screen) -> None:  # type: ignore[no-untyped-def]
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        await bot.send_message(chat_id, chunk, reply_markup=screen.markup if last else None)

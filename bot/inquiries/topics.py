"""Forum topics: in a staff chat with topics, each student gets one topic for all their
inquiries, created on first use and remembered in ``inquiry_topics``."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import weakref

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from cachetools import TTLCache

from bot.clock import Clock
from bot.db import Database
from bot.views.inquiries import topic_name

log = logging.getLogger(__name__)

FORUM_TTL = 600  # seconds a getChat answer (is_forum) is trusted


class ForumTopics:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self._forum: TTLCache[int, bool] = TTLCache(maxsize=8, ttl=FORUM_TTL, timer=clock)
        # One lock per student while their topic is looked up or created; a lock nobody
        # waits on is dropped with its last reference.
        self._locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()
        self._off_until = 0.0

    async def is_forum(self, bot: Bot, chat_id: int) -> bool:
        cached = self._forum.get(chat_id)
        if cached is not None:
            return cached
        chat = await bot.get_chat(chat_id)
        is_forum = bool(getattr(chat, "is_forum", False))
        self._forum[chat_id] = is_forum
        return is_forum

    async def thread_for(self, bot: Bot, chat_id: int, inquiry: sqlite3.Row) -> int | None:
        """The student's topic in a forum staff chat (created on first use), or None."""
        if self.clock() < self._off_until or not await self.is_forum(bot, chat_id):
            return None
        user_id = inquiry["user_id"]
        lock = self._locks.get(user_id)
        if lock is None:
            lock = self._locks[user_id] = asyncio.Lock()
        async with lock:
            thread_id = await self._known(chat_id, user_id)
            if thread_id is not None:
                return thread_id
            try:
                topic = await bot.create_forum_topic(chat_id, topic_name(inquiry))
            except (TelegramBadRequest, TelegramForbiddenError) as error:
                # Not an admin with "Manage topics", or topics switched off: plain mode.
                log.warning("cannot create a forum topic in %s (%s); using the chat without topics",
                            chat_id, error)
                self._off_until = self.clock() + FORUM_TTL
                return None
            changed = await self.db.execute_rowcount(
                "INSERT OR IGNORE INTO inquiry_topics (chat_id, user_id, thread_id, created_at) VALUES (?, ?, ?, ?)",
                (chat_id, user_id, topic.message_thread_id, int(self.clock())),
            )
            if not changed:  # another process won the race: use its topic, drop ours
                with contextlib.suppress(TelegramAPIError):
                    await bot.delete_forum_topic(chat_id, topic.message_thread_id)
                return await self._known(chat_id, user_id)
            return topic.message_thread_id

    async def forget_topic(self, chat_id: int, user_id: int, thread_id: int | None) -> None:
        """The topic was deleted or closed in Telegram: the next message creates a new one."""
        await self.db.execute(
            "DELETE FROM inquiry_topics WHERE chat_id = ? AND user_id = ? AND thread_id = ?",
            (chat_id, user_id, thread_id),
        )

    async def _known(self, chat_id: int, user_id: int) -> int | None:
        thread_id = await self.db.fetchval(
            "SELECT thread_id FROM inquiry_topics WHERE chat_id = ? AND user_id = ?", (chat_id, user_id)
        )
        return None if thread_id is None else int(thread_id)

"""The daily reminder in the staff chat of inquiries still waiting for an answer."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError

from bot.clock import Clock
from bot.config import Settings
from bot.db import Database
from bot.i18n import Translator
from bot.inquiries.store import InquiryStore
from bot.views.inquiries import list_markup, reminder_text

log = logging.getLogger(__name__)

REMINDER_EVERY = 24 * 3600
# In the database, not in memory: a restart must not send the day's reminder again.
LAST_REMINDER_KEY = "inquiries.last_reminder"


class Reminders:
    def __init__(self, db: Database, settings: Settings, store: InquiryStore, staff_t: Translator,
                 clock: Clock) -> None:
        self.db = db
        self.settings = settings
        self.store = store
        self.staff_t = staff_t
        self.clock = clock

    async def send(self, bot: Bot, *, force: bool = False) -> int:
        """Once a day, list inquiries still unanswered after INQUIRY_REMINDER_HOURS."""
        chat_id = self.settings.staff_chat_id
        if chat_id is None:
            return 0
        now = int(self.clock())
        last = await self.db.fetchval("SELECT value FROM meta WHERE key = ?", (LAST_REMINDER_KEY,))
        if not force and last is not None and now - int(last) < REMINDER_EVERY:
            return 0
        hours = self.settings.inquiry_reminder_hours
        rows = await self.store.unanswered(older_than=now - hours * 3600)
        if not rows:
            return 0
        t = self.staff_t
        try:
            await bot.send_message(chat_id, reminder_text(t, self.clock, rows, hours), reply_markup=list_markup(t, rows))
        except TelegramAPIError as error:
            log.info("reminder not sent: %s", error)
            return 0
        await self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (LAST_REMINDER_KEY, str(now)),
        )
        return len(rows)

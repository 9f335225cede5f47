"""Deadline reminders: subscribers of the "deadlines" topic hear of an opening 7 days and
1 day before it closes, in their language, once each, through the broadcast service.

A check runs at start-up and then every hour (``start``/``stop`` are the feature's start-up
and shutdown hooks; the loop is a ``Periodic``); from ``REMINDER_HOUR`` office time it makes
the reminders that are due today. A reminder is made once per (opening, deadline, 7 | 1):
the ``deadline_reminders`` row and the broadcast job's ``source`` both record it, so a
restart or a second check on the same day sends nothing twice. A check that was missed (the
bot was down on the day) catches up: the 7-day reminder goes while 2–7 days are left, the
1-day one on the last day or the deadline day, always with the real number of days left.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from dataclasses import dataclass

from aiogram import Bot

from bot.broadcast.models import make_content, text_version
from bot.broadcast.service import BroadcastService
from bot.clock import Clock
from bot.dates import format_date
from bot.db import Database
from bot.i18n import Locales
from bot.kb import KnowledgeBase
from bot.kb.models import LANGUAGES, Opening
from bot.periodic import Periodic

log = logging.getLogger(__name__)

TOPIC = "deadlines"
REMINDER_HOUR = 9  # office time: nobody is woken at night
CHECK_EVERY = 3600.0  # seconds between two checks
# days_before → the range of days left in which that reminder is due
WINDOWS: dict[int, tuple[int, int]] = {7: (2, 7), 1: (0, 1)}
SYSTEM_USER = 0  # created_by of automatic broadcast jobs


@dataclass(frozen=True)
class Reminder:
    opening: Opening
    days_before: int
    left: int

    @property
    def source(self) -> str:
        assert self.opening.deadline is not None
        return f"kb:opening:{self.opening.id}:deadline-{self.days_before}:{self.opening.deadline.isoformat()}"


class DeadlineReminders:
    def __init__(
        self,
        db: Database,
        kb: KnowledgeBase,
        locales: Locales,
        broadcasts: BroadcastService,
        *,
        default_language: str,
        clock: Clock,
    ) -> None:
        self.db = db
        self.kb = kb
        self.locales = locales
        self.broadcasts = broadcasts
        self.default_language = default_language
        self.clock = clock
        self._lock = asyncio.Lock()
        self._bot: Bot | None = None
        self._loop = Periodic(self._pass, "deadline-reminders", interval=CHECK_EVERY)

    def now(self) -> dt.datetime:
        return self.clock.local()

    def due(self, today: dt.date) -> list[Reminder]:
        out = []
        for opening in self.kb.snapshot.openings.values():
            if opening.deadline is None:
                continue
            left = (opening.deadline - today).days
            for days_before, (low, high) in WINDOWS.items():
                if low <= left <= high:
                    out.append(Reminder(opening, days_before, left))
        out.sort(key=lambda r: (r.opening.deadline, r.opening.id))
        return out

    async def _done(self, reminder: Reminder) -> bool:
        assert reminder.opening.deadline is not None
        row = await self.db.fetchone(
            "SELECT 1 FROM deadline_reminders WHERE opening_id = ? AND deadline = ? AND days_before = ?",
            (reminder.opening.id, reminder.opening.deadline.isoformat(), reminder.days_before),
        )
        if row is not None:
            return True
        # The job exists but the row was not written (a crash between the two): record it now.
        job_id = await self.db.fetchval("SELECT id FROM broadcasts WHERE source = ?", (reminder.source,))
        if job_id is not None:
            await self._record(reminder, job_id, 0)
            return True
        return False

    async def _record(self, reminder: Reminder, job_id: int | None, recipients: int) -> None:
        assert reminder.opening.deadline is not None
        await self.db.execute(
            "INSERT OR IGNORE INTO deadline_reminders (opening_id, deadline, days_before, broadcast_id, recipients, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (reminder.opening.id, reminder.opening.deadline.isoformat(), reminder.days_before, job_id, recipients,
             int(self.clock())),
        )

    def text(self, lang: str, reminder: Reminder, username: str | None) -> str:
        t = self.locales[lang]
        opening = reminder.opening
        assert opening.deadline is not None
        text = t("dl-reminder", title=opening.title.get(lang), date=format_date(t, opening.deadline),
                 left=t("call-days-left", days=reminder.left))
        if username:
            text += "\n" + t("dl-reminder-link", link=f"https://t.me/{username}?start=opening-{opening.id}")
        return text

    async def check(self, bot: Bot | None = None) -> list[Reminder]:
        """Make today's due reminders (each once); return those made."""
        now = self.now()
        if now.hour < REMINDER_HOUR:
            return []
        made: list[Reminder] = []
        async with self._lock:
            username = None
            for reminder in self.due(now.date()):
                if await self._done(reminder):
                    continue
                if username is None and bot is not None:
                    with contextlib.suppress(Exception):
                        username = (await bot.me()).username
                audience = f"topic:{TOPIC}"
                recipients = sum((await self.broadcasts.audience_counts(audience)).values())
                job_id = None
                if recipients:
                    versions = {lang: text_version(self.text(lang, reminder, username)) for lang in LANGUAGES}
                    content = make_content(versions[self.default_language], versions)
                    job = await self.broadcasts.create_job(SYSTEM_USER, content, audience, topic=TOPIC,
                                                           source=reminder.source)
                    job_id = job.id
                await self._record(reminder, job_id, recipients)
                log.info("deadline reminder %s: %d recipients", reminder.source, recipients)
                made.append(reminder)
        return made

    # --- start-up and shutdown hooks ----------------------------------------------------------
    async def start(self, bot: Bot) -> None:
        self._bot = bot
        self._loop.start()

    async def stop(self, bot: Bot | None = None) -> None:
        await self._loop.stop()

    async def _pass(self) -> None:
        await self.check(self._bot)

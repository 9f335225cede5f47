"""Automatic announcements: a new news item or opening in the knowledge base is offered to
the admins ("announce to the subscribers of <topic>?"); a confirmation creates an ordinary
broadcast job with the record rendered in each student's language.

Records already seen are kept in ``kb_seen``, so a reload (at start-up after the data files
changed, or later from an editor) offers only what is new; the very first load of an empty
database offers nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError

from bot.broadcast.jobs import JobRepository
from bot.broadcast.models import Job, make_content, text_version
from bot.clock import Clock
from bot.config import Settings
from bot.db import Database
from bot.i18n import Locales, Translator
from bot.kb import KbSnapshot, KnowledgeBase
from bot.kb.models import LANGUAGES, Event, Opening
from bot.services.users import UserService
from bot.views.broadcast import offer_markup, offer_text, render_record

log = logging.getLogger(__name__)

# kind of record → topic whose subscribers are offered it
KIND_TOPIC: dict[str, str] = {"event": "news", "opening": "openings"}


def _ids(snapshot: KbSnapshot) -> set[tuple[str, str]]:
    return {("event", i) for i in snapshot.events} | {("opening", i) for i in snapshot.openings}


class Announcer:
    def __init__(
        self,
        db: Database,
        kb: KnowledgeBase,
        jobs: JobRepository,
        users: UserService,
        locales: Locales,
        settings: Settings,
        clock: Clock,
    ) -> None:
        self.db = db
        self.kb = kb
        self.jobs = jobs
        self.users = users
        self.locales = locales
        self.settings = settings
        self.clock = clock
        self.bot: Bot | None = None  # the running bot, from start() on: offers go out at once
        self._lock = asyncio.Lock()
        self._pending_send: asyncio.Task[int] | None = None

    async def init(self) -> None:
        """Called once at setup: remember the current records; offer what is new since the
        last run (the data files changed while the bot was down)."""
        if await self.db.fetchval("SELECT value FROM meta WHERE key = 'bc_kb_seen'") is None:
            async with self.db.transaction() as conn:
                await conn.executemany(
                    "INSERT OR IGNORE INTO kb_seen (kind, record_id) VALUES (?, ?)", sorted(_ids(self.kb.snapshot))
                )
                await conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('bc_kb_seen', '1')")
            return
        await self.on_change(self.kb.snapshot)

    async def on_change(self, snapshot: KbSnapshot) -> int:
        """``kb.on_change`` listener: record offers for new events and openings."""
        async with self._lock:
            seen = {(row["kind"], row["record_id"]) for row in await self.db.fetchall("SELECT kind, record_id FROM kb_seen")}
            new = sorted(_ids(snapshot) - seen)
            if not new:
                return 0
            now = int(self.clock())
            async with self.db.transaction() as conn:
                for kind, record_id in new:
                    await conn.execute("INSERT OR IGNORE INTO kb_seen (kind, record_id) VALUES (?, ?)", (kind, record_id))
                    await conn.execute(
                        "INSERT OR IGNORE INTO announcements (kind, record_id, topic, status, created_at) "
                        "VALUES (?, ?, ?, 'new', ?)",
                        (kind, record_id, KIND_TOPIC[kind], now),
                    )
        bot = self.bot
        if bot is not None:
            # Not inside the reload itself: the offers go out in the background.
            self._pending_send = asyncio.create_task(self.send_offers(bot))
        return len(new)

    def record(self, kind: str, record_id: str) -> Event | Opening | None:
        snapshot = self.kb.snapshot
        return (snapshot.events if kind == "event" else snapshot.openings).get(record_id)

    async def offer_text(self, t: Translator, kind: str, record_id: str, topic: str) -> str | None:
        record = self.record(kind, record_id)
        if record is None:
            return None
        count = sum((await self.jobs.audience_counts(f"topic:{topic}")).values())
        return offer_text(t, topic, count, record)

    async def _translator(self, user_id: int) -> Translator:
        return self.locales[await self.users.get_language(user_id) or self.settings.default_language]

    # --- start-up and shutdown hooks ----------------------------------------------------------
    async def start(self, bot: Bot) -> None:
        """Offer what is new since the last run; later offers go out as records appear."""
        self.bot = bot
        await self.send_offers(bot)

    async def stop(self, bot: Bot | None = None) -> None:
        self.bot = None
        task, self._pending_send = self._pending_send, None
        if task is not None and not task.done():
            # An offer cut short stays 'new' and goes out on the next start.
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def send_offers(self, bot: Bot) -> int:
        """Send every offer not sent yet to the admins (ADMIN_IDS)."""
        rows = await self.db.fetchall("SELECT * FROM announcements WHERE status = 'new' ORDER BY id")
        sent = 0
        for row in rows:
            for admin_id in self.settings.admin_ids:
                t = await self._translator(admin_id)
                text = await self.offer_text(t, row["kind"], row["record_id"], row["topic"])
                if text is None:
                    break
                try:
                    await bot.send_message(admin_id, text, reply_markup=offer_markup(t, row["id"]))
                    sent += 1
                except TelegramAPIError as error:
                    log.info("announcement offer not sent to %s: %s", admin_id, type(error).__name__)
            await self.db.execute("UPDATE announcements SET status = 'offered' WHERE id = ? AND status = 'new'", (row["id"],))
        return sent

    async def decide(self, offer_id: int, user_id: int, confirm: bool, progress_chat_id: int | None = None,
                     progress_message_id: int | None = None) -> tuple[str, Job | None]:
        """``("ok", job)``, ``("skipped", None)``, ``("decided", None)`` if someone was first,
        ``("gone", None)`` if the record was removed since. The job is stored, not started:
        ``BroadcastService.decide_offer`` wakes the worker."""
        row = await self.db.fetchone("SELECT * FROM announcements WHERE id = ?", (offer_id,))
        if row is None or row["status"] not in ("new", "offered"):
            return "decided", None
        record = self.record(row["kind"], row["record_id"])
        status = "confirmed" if confirm and record is not None else "skipped"
        changed = await self.db.execute_rowcount(
            "UPDATE announcements SET status = ?, decided_by = ? WHERE id = ? AND status IN ('new', 'offered')",
            (status, user_id, offer_id),
        )
        if not changed:
            return "decided", None
        if not confirm:
            return "skipped", None
        if record is None:
            return "gone", None
        versions = {lang: text_version(render_record(self.locales[lang], record)) for lang in LANGUAGES}
        first = versions[self.settings.default_language]
        job = await self.jobs.create_job(
            user_id, make_content(first, versions), f"topic:{row['topic']}", topic=row["topic"],
            source=f"kb:{row['kind']}:{row['record_id']}", progress_chat_id=progress_chat_id,
            progress_message_id=progress_message_id,
        )
        await self.db.execute("UPDATE announcements SET broadcast_id = ? WHERE id = ?", (job.id, offer_id))
        return "ok", job

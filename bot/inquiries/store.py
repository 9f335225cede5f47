"""The inquiry records: what was asked, its state, and which chat message belongs to it.

A new inquiry or follow-up is written together with its outbox rows in one transaction,
so nothing a student was told "received" can be lost; ``queued()`` is then called so the
delivery loop (outbox.py) starts at once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable
import aiosqlite

from bot.clock import Clock
from bot.config import Settings
from bot.db import Database
from bot.db.database import Params

TOPICS = ("admission", "exchange", "visa", "documents", "other")
OPEN_STATUSES = ("received", "answered")
MAX_QUESTION = 3000  # characters of a typed question (a caption is at most 1024)

Fetch = Callable[[str, Params], Awaitable[sqlite3.Row | None]]


class LimitReached(Exception):
    def __init__(self, kind: str, value: int) -> None:
        super().__init__(kind)
        self.kind = kind  # "open" or "cooldown"
        self.value = value  # open count, or seconds still to wait


class InquiryStore:
    def __init__(self, db: Database, settings: Settings, clock: Clock, queued: Callable[[], None]) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self._queued = queued

    def now(self) -> int:
        return int(self.clock())

    async def get(self, inquiry_id: int) -> sqlite3.Row | None:
        return await self.db.fetchone("SELECT * FROM inquiries WHERE id = ?", (inquiry_id,))

    # ------------------------------------------------------------ student side
    async def check_limits(self, user_id: int, conn: aiosqlite.Connection | None = None) -> None:
        """Raise ``LimitReached`` if the student may not open another inquiry now."""
        fetch: Fetch = self.db.fetchone if conn is None else _fetchone_on(conn)
        row = await fetch(
            "SELECT COUNT(*) AS open_count FROM inquiries WHERE user_id = ? AND status IN ('received', 'answered')",
            (user_id,),
        )
        open_count = row["open_count"] if row else 0
        if open_count >= self.settings.inquiry_max_open:
            raise LimitReached("open", open_count)
        last = await fetch("SELECT MAX(created_at) AS last FROM inquiries WHERE user_id = ?", (user_id,))
        if last and last["last"] is not None:
            wait = int(last["last"]) + self.settings.inquiry_cooldown_seconds - self.now()
            if wait > 0:
                raise LimitReached("cooldown", wait)

    async def create(
        self,
        *,
        user_id: int,
        language: str,
        first_name: str,
        last_name: str | None,
        username: str | None,
        topic: str,
        question: str,
        phone: str | None = None,
        attachment_kind: str | None = None,
        attachment_file_id: str | None = None,
        source_chat_id: int | None = None,
        source_message_id: int | None = None,
        draft_key: str | None = None,
    ) -> int:
        """Store the inquiry and its outbox rows in one transaction; return its number.

        The same ``draft_key`` (a double press of "Send") gives the same inquiry."""
        if topic not in TOPICS:
            topic = "other"
        now = self.now()
        async with self.db.transaction() as conn:
            if draft_key:
                cursor = await conn.execute("SELECT id FROM inquiries WHERE draft_key = ?", (draft_key,))
                existing = await cursor.fetchone()
                await cursor.close()
                if existing is not None:
                    return int(existing[0])
            await self.check_limits(user_id, conn)
            cursor = await conn.execute(
                "INSERT INTO inquiries (user_id, draft_key, language, first_name, last_name, username, topic,"
                " question, phone, attachment_kind, attachment_file_id, source_chat_id, source_message_id,"
                " status, created_at, waiting_since, receipt_sent) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, 0)",
                (user_id, draft_key, language, first_name or "", last_name or "", username, topic,
                 question, phone, attachment_kind, attachment_file_id, source_chat_id, source_message_id,
                 now, now),
            )
            inquiry_id = int(cursor.lastrowid or 0)
            await cursor.close()
            await conn.execute(
                "INSERT INTO inquiry_outbox (inquiry_id, kind, next_attempt_at, created_at) VALUES (?, 'card', ?, ?)",
                (inquiry_id, now, now),
            )
            if attachment_kind:
                await conn.execute(
                    "INSERT INTO inquiry_outbox (inquiry_id, kind, next_attempt_at, created_at)"
                    " VALUES (?, 'attachment', ?, ?)",
                    (inquiry_id, now, now),
                )
        self._queued()
        return inquiry_id

    async def receipt_sent(self, inquiry_id: int) -> None:
        await self.db.execute("UPDATE inquiries SET receipt_sent = 1 WHERE id = ?", (inquiry_id,))

    async def without_receipt(self) -> list[sqlite3.Row]:
        return await self.db.fetchall(
            "SELECT id, user_id, language, created_at FROM inquiries WHERE receipt_sent = 0 ORDER BY id"
        )

    async def by_draft_key(self, draft_key: str) -> int | None:
        return await self.db.fetchval("SELECT id FROM inquiries WHERE draft_key = ?", (draft_key,))

    async def list_for_user(self, user_id: int, offset: int, limit: int) -> tuple[list[sqlite3.Row], int]:
        total = await self.db.fetchval("SELECT COUNT(*) FROM inquiries WHERE user_id = ?", (user_id,), default=0)
        rows = await self.db.fetchall(
            "SELECT id, status, question, topic, created_at, attachment_kind FROM inquiries"
            " WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
            (user_id, limit, offset),
        )
        return rows, int(total)

    async def add_followup(
        self, inquiry_id: int, *, chat_id: int, message_id: int, body: str,
        source_chat_id: int | None, source_message_id: int | None,
    ) -> None:
        """The student replied to an answer: queue it for the staff chat, mark it waiting."""
        now = self.now()
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO inquiry_outbox (inquiry_id, kind, body, source_chat_id, source_message_id,"
                " next_attempt_at, created_at) VALUES (?, 'followup', ?, ?, ?, ?, ?)",
                (inquiry_id, body, source_chat_id, source_message_id, now, now),
            )
            await conn.execute(
                "UPDATE inquiries SET status = 'received', waiting_since = ?, closed_at = NULL WHERE id = ?",
                (now, inquiry_id),
            )
            await conn.execute(
                "INSERT OR IGNORE INTO inquiry_messages (chat_id, message_id, inquiry_id, role, created_at)"
                " VALUES (?, ?, ?, 'followup', ?)",
                (chat_id, message_id, inquiry_id, now),
            )
        self._queued()

    # ------------------------------------------------------------ message maps
    async def inquiry_for_message(self, chat_id: int, message_id: int) -> int | None:
        return await self.db.fetchval(
            "SELECT inquiry_id FROM inquiry_messages WHERE chat_id = ? AND message_id = ?", (chat_id, message_id)
        )

    async def inquiry_for_thread(self, chat_id: int, thread_id: int) -> int | None:
        """A message in a student's forum topic: their newest open inquiry (else the newest)."""
        user_id = await self.db.fetchval(
            "SELECT user_id FROM inquiry_topics WHERE chat_id = ? AND thread_id = ?", (chat_id, thread_id)
        )
        if user_id is None:
            return None
        return await self.db.fetchval(
            "SELECT id FROM inquiries WHERE user_id = ? ORDER BY status = 'closed', id DESC LIMIT 1", (user_id,)
        )

    async def map_message(self, chat_id: int, message_id: int, inquiry_id: int, role: str) -> None:
        await self.db.execute(
            "INSERT OR REPLACE INTO inquiry_messages (chat_id, message_id, inquiry_id, role, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (chat_id, message_id, inquiry_id, role, self.now()),
        )

    # ------------------------------------------------------------ staff side
    async def record_answer(
        self, inquiry_id: int, *, student_id: int, copy_id: int, staff_chat_id: int, staff_message_id: int
    ) -> None:
        """The answer reached the student: both its copy and the staff message lead back here."""
        now = self.now()
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT OR REPLACE INTO inquiry_messages (chat_id, message_id, inquiry_id, role, created_at)"
                " VALUES (?, ?, ?, 'answer', ?), (?, ?, ?, 'answer', ?)",
                (student_id, copy_id, inquiry_id, now, staff_chat_id, staff_message_id, inquiry_id, now),
            )
            await conn.execute(
                "UPDATE inquiries SET status = 'answered', answered_at = ?, waiting_since = NULL, closed_at = NULL"
                " WHERE id = ?",
                (now, inquiry_id),
            )

    async def set_closed(self, inquiry_id: int, closed: bool) -> bool:
        """Close or reopen; False if it already was."""
        now = self.now()
        if closed:
            changed = await self.db.execute_rowcount(
                "UPDATE inquiries SET status = 'closed', closed_at = ?, waiting_since = NULL"
                " WHERE id = ? AND status != 'closed'",
                (now, inquiry_id),
            )
        else:
            changed = await self.db.execute_rowcount(
                "UPDATE inquiries SET status = 'received', closed_at = NULL, waiting_since = ?"
                " WHERE id = ? AND status = 'closed'",
                (now, inquiry_id),
            )
        return changed > 0

    async def unanswered(self, older_than: int | None = None) -> list[sqlite3.Row]:
        sql = "SELECT * FROM inquiries WHERE status = 'received'"
        params: tuple[int, ...] = ()
        if older_than is not None:
            sql += " AND waiting_since <= ?"
            params = (older_than,)
        return await self.db.fetchall(sql + " ORDER BY waiting_since, id", params)


def _fetchone_on(conn: aiosqlite.Connection) -> Fetch:
    """``db.fetchone`` inside a transaction that is already open on ``conn``."""

    async def fetchone(sql: str, params: Params = ()) -> sqlite3.Row | None:
        cursor = await conn.execute(sql, params)
        try:
            return await cursor.fetchone()
        finally:
            await cursor.close()

    return fetchone

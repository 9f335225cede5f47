"""The outbox to the staff chat: "never lost, delivered once".

* The inquiry and its outbox rows are written in one transaction before the student is
  told "received, #N" (``InquiryStore.create``).
* ``deliver_pending(bot)`` sends due ``pending`` rows in id order, one Bot API call per
  row. Before the call the row is marked ``sending`` (committed); after it, the message id,
  the ``inquiry_messages`` mapping and ``sent`` are written in one transaction.
* A Telegram error or a network error puts the row back to ``pending`` with an exponential
  backoff (``TelegramRetryAfter``: exactly ``retry_after``, and the whole pass pauses), so
  it is retried until it goes through. With no ``STAFF_CHAT_ID`` nothing is sent and rows wait.
* Only one pass runs at a time (``_pass_lock``), so a row found in ``sending`` at the start
  of a pass was left by a pass that was killed or cancelled during the call: the message
  may or may not be in the chat. Sending it again could make a second card, so the row
  becomes ``unconfirmed`` and a short ``notice`` row tells the staff that inquiry #N may
  be missing, with a button that posts it again when a person sees it is missing (and the
  notice itself is mapped to the inquiry, so replying to it answers the student). Notices
  are the only rows that are simply sent again after such an interruption.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramMigrateToChat, TelegramRetryAfter

from bot.clock import Clock
from bot.config import Settings
from bot.db import Database
from bot.i18n import Translator
from bot.inquiries.sender import SOURCE_GONE, TopicGone, matches, send_row
from bot.inquiries.store import InquiryStore
from bot.inquiries.topics import ForumTopics

log = logging.getLogger(__name__)

BACKOFF_MAX = 900  # seconds between two attempts at most
IDLE_WAKEUP = 300.0  # seconds between two passes with nothing due


class Outbox:
    def __init__(self, db: Database, settings: Settings, store: InquiryStore, topics: ForumTopics,
                 staff_t: Translator, clock: Clock, wake: Callable[[], None]) -> None:
        self.db = db
        self.settings = settings
        self.store = store
        self.topics = topics
        self.staff_t = staff_t
        self.clock = clock
        self.wake = wake
        self._pass_lock = asyncio.Lock()
        self._paused_until = 0.0

    def now(self) -> int:
        return int(self.clock())

    async def enqueue_card(self, inquiry_id: int) -> None:
        """A person asked for the card again (from /open or an 'unconfirmed' notice)."""
        now = self.now()
        await self.db.execute(
            "INSERT INTO inquiry_outbox (inquiry_id, kind, next_attempt_at, created_at) VALUES (?, 'card', ?, ?)",
            (inquiry_id, now, now),
        )
        self.wake()

    async def requeue(self, row_id: int) -> bool:
        """Send an 'unconfirmed' or 'failed' row again (a person saw that it is missing)."""
        changed = await self.db.execute_rowcount(
            "UPDATE inquiry_outbox SET state = 'pending', next_attempt_at = ? WHERE id = ?"
            " AND state IN ('unconfirmed', 'failed')",
            (self.now(), row_id),
        )
        self.wake()
        return changed > 0

    async def next_wakeup(self) -> float:
        """Seconds until the next row is due (at least 1, at most IDLE_WAKEUP)."""
        # Only the first queued row of each inquiry can go next (rows of one inquiry keep order).
        due = await self.db.fetchval(
            "SELECT MIN(o.next_attempt_at) FROM inquiry_outbox AS o WHERE o.state = 'pending' AND o.id = "
            "(SELECT MIN(p.id) FROM inquiry_outbox AS p WHERE p.inquiry_id = o.inquiry_id AND p.state = 'pending')"
        )
        candidates = [IDLE_WAKEUP]
        if due is not None:
            candidates.append(max(due, self._paused_until) - self.clock())
        return max(1.0, min(candidates))

    async def deliver_pending(self, bot: Bot) -> int:
        """Send what is due in the outbox; return how many rows were delivered."""
        chat_id = self.settings.staff_chat_id
        if chat_id is None:
            return 0
        async with self._pass_lock:
            await self._reconcile()
            now = self.now()
            if now < self._paused_until:
                return 0
            rows = await self.db.fetchall("SELECT * FROM inquiry_outbox WHERE state = 'pending' ORDER BY id")
            waiting: set[int] = set()  # inquiries with an earlier row still queued: keep the order
            delivered = 0
            for row in rows:
                if row["inquiry_id"] in waiting:
                    continue
                if row["next_attempt_at"] > now:
                    waiting.add(row["inquiry_id"])
                    continue
                outcome = await self._deliver_row(bot, chat_id, row)
                if outcome == "sent":
                    delivered += 1
                elif outcome == "stop":
                    break
                else:
                    waiting.add(row["inquiry_id"])
            return delivered

    async def _reconcile(self) -> None:
        """Rows left in 'sending' by an interrupted pass: never send a card twice."""
        stale = await self.db.fetchall("SELECT * FROM inquiry_outbox WHERE state = 'sending'")
        now = self.now()
        for row in stale:
            async with self.db.transaction() as conn:
                if row["kind"] == "notice":
                    await conn.execute(
                        "UPDATE inquiry_outbox SET state = 'pending', next_attempt_at = ? WHERE id = ?", (now, row["id"])
                    )
                    continue
                await conn.execute(
                    "UPDATE inquiry_outbox SET state = 'unconfirmed', last_error = 'interrupted' WHERE id = ?",
                    (row["id"],),
                )
                await conn.execute(
                    "INSERT INTO inquiry_outbox (inquiry_id, kind, body, next_attempt_at, created_at)"
                    " VALUES (?, 'notice', ?, ?, ?)",
                    (row["inquiry_id"], str(row["id"]), now, now),
                )
            log.warning("outbox row %s (%s of inquiry %s) was interrupted; asking the staff",
                        row["id"], row["kind"], row["inquiry_id"])

    async def _deliver_row(self, bot: Bot, chat_id: int, row: sqlite3.Row) -> str:
        """'sent', 'retry' (this inquiry waits) or 'stop' (the whole pass stops)."""
        inquiry = await self.store.get(row["inquiry_id"])
        if inquiry is None:
            await self.db.execute("UPDATE inquiry_outbox SET state = 'failed' WHERE id = ?", (row["id"],))
            return "retry"
        try:
            message_id: int | None = None
            thread_id: int | None = None
            for _ in range(2):
                thread_id = await self.topics.thread_for(bot, chat_id, inquiry)
                await self.db.execute(
                    "UPDATE inquiry_outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?", (row["id"],)
                )
                try:
                    message_id = await send_row(bot, self.staff_t, self.clock, chat_id, thread_id, row, inquiry,
                                                notice_of=await self._notice_of(row))
                    break
                except TopicGone:
                    # Telegram refused the message (the topic was deleted or closed), so
                    # nothing was posted: forget the topic and create a new one.
                    await self.db.execute("UPDATE inquiry_outbox SET state = 'pending' WHERE id = ?", (row["id"],))
                    await self.topics.forget_topic(chat_id, inquiry["user_id"], thread_id)
            if message_id is None:
                await self._back_off(row, _backoff(row["attempts"] + 1), "topic could not be recreated")
                return "stop"
        except TelegramRetryAfter as error:
            self._paused_until = self.now() + error.retry_after
            await self._back_off(row, error.retry_after, f"retry after {error.retry_after}")
            return "stop"
        except TelegramAPIError as error:
            if isinstance(error, TelegramMigrateToChat):
                log.error("the staff chat became a supergroup with id %s: put it in STAFF_CHAT_ID",
                          error.migrate_to_chat_id)
            if row["kind"] in ("attachment", "followup") and matches(error, SOURCE_GONE):
                # The student deleted the message before it could be copied: nothing to send.
                await self.db.execute(
                    "UPDATE inquiry_outbox SET state = 'failed', last_error = ? WHERE id = ?",
                    (str(error)[:300], row["id"]),
                )
                return "retry"
            await self._back_off(row, _backoff(row["attempts"] + 1), str(error)[:300])
            return "stop"
        except Exception as error:  # a bug must not lose the row: keep it queued
            log.exception("outbox row %s failed", row["id"])
            await self._back_off(row, _backoff(row["attempts"] + 1), repr(error)[:300])
            return "retry"
        await self._mark_sent(row, chat_id, thread_id, message_id)
        return "sent"

    async def _mark_sent(self, row: sqlite3.Row, chat_id: int, thread_id: int | None, message_id: int) -> None:
        now = self.now()
        role = row["kind"]
        async with self.db.transaction() as conn:
            await conn.execute(
                "UPDATE inquiry_outbox SET state = 'sent', chat_id = ?, message_id = ?, sent_at = ?, last_error = NULL"
                " WHERE id = ?",
                (chat_id, message_id, now, row["id"]),
            )
            await conn.execute(
                "INSERT OR REPLACE INTO inquiry_messages (chat_id, message_id, inquiry_id, role, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (chat_id, message_id, row["inquiry_id"], role, now),
            )
            if role == "card":
                await conn.execute(
                    "UPDATE inquiries SET card_chat_id = ?, card_message_id = ?, card_thread_id = ? WHERE id = ?",
                    (chat_id, message_id, thread_id, row["inquiry_id"]),
                )

    async def _notice_of(self, row: sqlite3.Row) -> str:
        """A notice names the kind of the row it is about (kept in its body)."""
        if row["kind"] != "notice":
            return "card"
        target = await self.db.fetchone("SELECT kind FROM inquiry_outbox WHERE id = ?", (int(row["body"] or 0),))
        return "card" if target is None else str(target["kind"])

    async def _back_off(self, row: sqlite3.Row, delay: float, error: str) -> None:
        log.info("outbox row %s (%s) not delivered, retry in %ss: %s", row["id"], row["kind"], delay, error)
        await self.db.execute(
            "UPDATE inquiry_outbox SET state = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?",
            (self.now() + int(delay), error, row["id"]),
        )

def _backoff(attempts: int) -> int:
    return min(BACKOFF_MAX, 5 * 2 ** min(attempts - 1, 10))


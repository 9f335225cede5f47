"""Inquiries: storage, the outbox to the staff chat, forum topics, answers, reminders.

Delivery to the staff chat ("never lost, delivered once")
---------------------------------------------------------
* The inquiry and its outbox rows are written in one transaction before the student is
  told "received, #N" (``create``).
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
import contextlib
import html
import logging
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramRetryAfter,
)
from aiogram.types import InlineKeyboardMarkup, Message, ReactionTypeEmoji, ReplyParameters

from bot.i18n import LANGUAGE_NAMES, Translator
from bot.inquiries.callbacks import StaffCB
from bot.inquiries.hours import OfficeHours, parse_office_hours
from bot.keyboards import button, markup

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)

TOPICS = ("admission", "exchange", "visa", "documents", "other")
OPEN_STATUSES = ("received", "answered")
MAX_QUESTION = 3000  # characters of a typed question (a caption is at most 1024)
BACKOFF_MAX = 900  # seconds between two attempts at most
MEMBER_TTL = 60  # seconds a getChatMember answer is trusted
FORUM_TTL = 600  # seconds a getChat answer (is_forum) is trusted
REMINDER_EVERY = 24 * 3600
LAST_REMINDER_KEY = "inquiries.last_reminder"
MEMBER_STATUSES = {"creator", "administrator", "member"}
_TOPIC_GONE = ("thread not found", "topic_deleted", "topic deleted", "topic_closed", "topic closed",
               "topic_id_invalid")
_SOURCE_GONE = ("message to copy not found", "message_id_invalid", "message not found")


def clip(text: str | None, limit: int) -> str:
    """At most ``limit`` characters once HTML-escaped (t() escapes)."""
    text = text or ""
    if len(html.escape(text, quote=False)) <= limit:
        return text
    cut = limit
    while cut > 0 and len(html.escape(text[:cut], quote=False)) > limit - 1:
        cut -= max(1, cut // 10)
    return text[:cut].rstrip() + "…"


def short(text: str | None, limit: int = 70) -> str:
    line = " ".join((text or "").split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class LimitReached(Exception):
    def __init__(self, kind: str, value: int) -> None:
        super().__init__(kind)
        self.kind = kind  # "open" or "cooldown"
        self.value = value  # open count, or seconds still to wait


@dataclass
class AnswerResult:
    ok: bool
    blocked: bool = False
    error: str = ""


class _TopicGone(Exception):
    pass


class InquiryService:
    def __init__(self, app: App) -> None:
        self.app = app
        self.db = app.db
        self.settings = app.settings
        self.locales = app.locales
        self.users = app.users
        self.clock: Callable[[], float] = app.clock
        self.hours: OfficeHours = parse_office_hours(app.settings.office_hours)
        self._pass_lock = asyncio.Lock()
        self._topic_locks: dict[int, asyncio.Lock] = {}
        self._members: dict[tuple[int, int], tuple[bool, float]] = {}
        self._forum: tuple[int, bool, float] | None = None
        self._topics_off_until = 0.0
        self._paused_until = 0.0
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    # ---------------------------------------------------------------- helpers
    @property
    def staff_t(self) -> Translator:
        """The staff chat is one room: it is spoken to in DEFAULT_LANGUAGE."""
        return self.locales[self.settings.default_language]

    def now(self) -> int:
        return int(self.clock())

    def local_time(self, timestamp: int, fmt: str = "%d.%m.%Y %H:%M") -> str:
        return self.hours.local(timestamp).strftime(fmt)

    @property
    def roles(self) -> Any:
        return self.app.extra["roles"]

    async def get(self, inquiry_id: int) -> sqlite3.Row | None:
        return await self.db.fetchone("SELECT * FROM inquiries WHERE id = ?", (inquiry_id,))

    async def student_language(self, inquiry: sqlite3.Row) -> str:
        lang = await self.users.get_language(inquiry["user_id"])
        return lang or inquiry["language"]

    @staticmethod
    def new_draft_key() -> str:
        return secrets.token_hex(8)

    # ------------------------------------------------------------- office hours
    def hours_text(self, t: Translator, timestamp: float) -> str:
        parts = []
        for w in self.hours.windows:
            days = t(f"ask-dshort-{('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')[w.first]}")
            if w.last != w.first:
                days += "–" + t(f"ask-dshort-{('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')[w.last]}")
            parts.append(f"{days} {w.start:%H:%M}–{w.end:%H:%M}")
        return "; ".join(parts) + f" ({self.hours.utc_offset(timestamp)})"

    def when_text(self, t: Translator, timestamp: float) -> str:
        """When the office usually answers, or (outside hours) when to expect an answer."""
        hours = self.hours_text(t, timestamp)
        if self.hours.is_open(timestamp):
            return t("ask-hours-open", hours=hours)
        opening = self.hours.next_opening(timestamp)
        today = self.hours.local(timestamp).date()
        time = opening.strftime("%H:%M")
        days = (opening.date() - today).days
        if days == 0:
            when = t("ask-next-today", time=time)
        elif days == 1:
            when = t("ask-next-tomorrow", time=time)
        else:
            day = t(f"ask-day-{('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')[opening.weekday()]}")
            when = t("ask-next-day", day=day, time=time)
        return t("ask-hours-closed", hours=hours, next=when)

    # ------------------------------------------------------------ student side
    async def check_limits(self, user_id: int, conn: Any = None) -> None:
        """Raise ``LimitReached`` if the student may not open another inquiry now."""
        fetch = self.db.fetchone if conn is None else _fetchone_on(conn)
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
        """Store the inquiry and its outbox rows in one transaction; return its number."""
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
                " status, created_at, waiting_since) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?)",
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
        self.wake()
        return inquiry_id

    async def list_for_user(self, user_id: int, offset: int, limit: int) -> tuple[list[sqlite3.Row], int]:
        total = await self.db.fetchval("SELECT COUNT(*) FROM inquiries WHERE user_id = ?", (user_id,), default=0)
        rows = await self.db.fetchall(
            "SELECT id, status, question, topic, created_at, attachment_kind FROM inquiries"
            " WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
            (user_id, limit, offset),
        )
        return rows, int(total)

    async def inquiry_for_message(self, chat_id: int, message_id: int) -> int | None:
        return await self.db.fetchval(
            "SELECT inquiry_id FROM inquiry_messages WHERE chat_id = ? AND message_id = ?", (chat_id, message_id)
        )

    async def add_followup(self, inquiry_id: int, message: Message) -> None:
        """The student replied to an answer: queue it for the staff chat, mark it waiting."""
        now = self.now()
        if message.text is not None:
            body, source_chat, source_id = message.text, None, None
        else:
            body, source_chat, source_id = message.caption or "", message.chat.id, message.message_id
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO inquiry_outbox (inquiry_id, kind, body, source_chat_id, source_message_id,"
                " next_attempt_at, created_at) VALUES (?, 'followup', ?, ?, ?, ?, ?)",
                (inquiry_id, body, source_chat, source_id, now, now),
            )
            await conn.execute(
                "UPDATE inquiries SET status = 'received', waiting_since = ?, closed_at = NULL WHERE id = ?",
                (now, inquiry_id),
            )
            await conn.execute(
                "INSERT OR IGNORE INTO inquiry_messages (chat_id, message_id, inquiry_id, role, created_at)"
                " VALUES (?, ?, ?, 'followup', ?)",
                (message.chat.id, message.message_id, inquiry_id, now),
            )
        self.wake()

    # -------------------------------------------------------------- staff side
    async def can_answer(self, bot: Bot, user_id: int | None, sender_chat_id: int | None = None) -> bool:
        """Members of the staff chat, ADMIN_IDS and staff; getChatMember is cached briefly."""
        chat_id = self.settings.staff_chat_id
        if chat_id is None:
            return False
        if sender_chat_id is not None:
            # An anonymous admin writes as the chat itself; anything else (a channel) may not.
            return sender_chat_id == chat_id
        if user_id is None:
            return False
        if await self.roles.is_staff(user_id):
            return True
        now = self.clock()
        cached = self._members.get((chat_id, user_id))
        if cached is not None and cached[1] > now:
            return cached[0]
        try:
            member = await bot.get_chat_member(chat_id, user_id)
        except TelegramAPIError as error:
            log.info("getChatMember %s failed: %s", user_id, type(error).__name__)
            return False
        status = getattr(member, "status", "")
        allowed = status in MEMBER_STATUSES or (status == "restricted" and bool(getattr(member, "is_member", False)))
        if len(self._members) > 5000:
            self._members.clear()
        self._members[(chat_id, user_id)] = (allowed, now + MEMBER_TTL)
        return allowed

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

    async def answer(self, bot: Bot, inquiry_id: int, message: Message) -> AnswerResult:
        """Copy a staff message to the student under a header in the student's language."""
        inquiry = await self.get(inquiry_id)
        if inquiry is None:
            return AnswerResult(ok=False, error="not found")
        student = inquiry["user_id"]
        t = self.locales[await self.student_language(inquiry)]
        try:
            header = await bot.send_message(student, t("ask-answer-header", id=str(inquiry_id)))
            await self.map_message(student, header.message_id, inquiry_id, "header")
            copied = await bot.copy_message(student, message.chat.id, message.message_id)
        except TelegramForbiddenError:
            await self.users.set_active(student, False)
            return AnswerResult(ok=False, blocked=True)
        except TelegramAPIError as error:
            log.warning("answer to inquiry %s not delivered: %s", inquiry_id, error)
            return AnswerResult(ok=False, error=type(error).__name__)
        now = self.now()
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT OR REPLACE INTO inquiry_messages (chat_id, message_id, inquiry_id, role, created_at)"
                " VALUES (?, ?, ?, 'answer', ?), (?, ?, ?, 'answer', ?)",
                (student, copied.message_id, inquiry_id, now, message.chat.id, message.message_id, inquiry_id, now),
            )
            await conn.execute(
                "UPDATE inquiries SET status = 'answered', answered_at = ?, waiting_since = NULL, closed_at = NULL"
                " WHERE id = ?",
                (now, inquiry_id),
            )
        await self.refresh_card_button(bot, inquiry_id)
        with contextlib.suppress(TelegramAPIError):
            await bot.set_message_reaction(message.chat.id, message.message_id, [ReactionTypeEmoji(emoji="👍")])
        return AnswerResult(ok=True)

    async def set_closed(self, bot: Bot, inquiry_id: int, closed: bool) -> bool:
        """Close or reopen; False if it already was. The student is told about a closing."""
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
        if not changed:
            return False
        await self.refresh_card_button(bot, inquiry_id)
        if closed:
            inquiry = await self.get(inquiry_id)
            if inquiry is not None:
                t = self.locales[await self.student_language(inquiry)]
                try:
                    await bot.send_message(inquiry["user_id"], t("ask-closed-notice", id=str(inquiry_id)))
                except TelegramForbiddenError:
                    await self.users.set_active(inquiry["user_id"], False)
                except TelegramAPIError as error:
                    log.info("closing notice for %s not sent: %s", inquiry_id, type(error).__name__)
        return True

    async def refresh_card_button(self, bot: Bot, inquiry_id: int) -> None:
        inquiry = await self.get(inquiry_id)
        if inquiry is None or inquiry["card_message_id"] is None:
            return
        with contextlib.suppress(TelegramAPIError):
            await bot.edit_message_reply_markup(
                chat_id=inquiry["card_chat_id"], message_id=inquiry["card_message_id"],
                reply_markup=self.card_markup(inquiry),
            )

    async def unanswered(self, older_than: int | None = None) -> list[sqlite3.Row]:
        sql = "SELECT * FROM inquiries WHERE status = 'received'"
        params: tuple[Any, ...] = ()
        if older_than is not None:
            sql += " AND waiting_since <= ?"
            params = (older_than,)
        return await self.db.fetchall(sql + " ORDER BY waiting_since, id", params)

    def render_list(self, rows: list[sqlite3.Row], limit: int = 30) -> list[str]:
        t = self.staff_t
        lines = [
            t("inq-open-item", id=str(row["id"]), date=self.local_time(row["waiting_since"] or row["created_at"]),
              topic=t(f"ask-topic-{row['topic']}"), name=self.display_name(row),
              text=short(row["question"]) or t("ask-no-text"))
            for row in rows[:limit]
        ]
        if len(rows) > limit:
            lines.append(t("inq-open-more", count=str(len(rows) - limit)))
        return lines

    def list_markup(self, rows: list[sqlite3.Row]) -> InlineKeyboardMarkup | None:
        buttons = [button(self.staff_t("inq-btn-card", id=str(r["id"])), StaffCB(action="card", inquiry=r["id"]))
                   for r in rows[:10]]
        if not buttons:
            return None
        return markup([buttons[i: i + 5] for i in range(0, len(buttons), 5)])

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

    # ------------------------------------------------------------ rendering
    @staticmethod
    def display_name(inquiry: sqlite3.Row) -> str:
        name = " ".join(p for p in (inquiry["first_name"], inquiry["last_name"]) if p).strip()
        return name or str(inquiry["user_id"])

    def card_markup(self, inquiry: sqlite3.Row) -> InlineKeyboardMarkup:
        t = self.staff_t
        if inquiry["status"] == "closed":
            return markup([[button(t("inq-btn-reopen"), StaffCB(action="reopen", inquiry=inquiry["id"]))]])
        return markup([[button(t("inq-btn-close"), StaffCB(action="close", inquiry=inquiry["id"]))]])

    def render_card(self, inquiry: sqlite3.Row) -> str:
        t = self.staff_t
        kind = inquiry["attachment_kind"]
        return t(
            "inq-card",
            id=str(inquiry["id"]),
            topic=t(f"ask-topic-{inquiry['topic']}"),
            uid=str(inquiry["user_id"]),
            name=self.display_name(inquiry),
            username=f"@{inquiry['username']}" if inquiry["username"] else "",
            language=LANGUAGE_NAMES.get(inquiry["language"], inquiry["language"]),
            phone=inquiry["phone"] or t("inq-not-given"),
            attachment=t(f"ask-attachment-{kind}") if kind else t("inq-not-given"),
            date=self.local_time(inquiry["created_at"]),
            question=clip(inquiry["question"], 3000) or t("ask-no-text"),
        )

    # ------------------------------------------------------------- delivery
    def wake(self) -> None:
        self._wake.set()

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
            rows = await self.db.fetchall(
                "SELECT * FROM inquiry_outbox WHERE state = 'pending' ORDER BY id"
            )
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
        inquiry = await self.get(row["inquiry_id"])
        if inquiry is None:
            await self.db.execute("UPDATE inquiry_outbox SET state = 'failed' WHERE id = ?", (row["id"],))
            return "retry"
        try:
            message_id: int | None = None
            thread_id: int | None = None
            for _ in range(2):
                thread_id = await self._thread_for(bot, chat_id, inquiry)
                await self.db.execute(
                    "UPDATE inquiry_outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?", (row["id"],)
                )
                try:
                    message_id = await self._send_row(bot, chat_id, thread_id, row, inquiry)
                    break
                except _TopicGone:
                    # Telegram refused the message (the topic was deleted or closed), so
                    # nothing was posted: forget the topic and create a new one.
                    await self.db.execute("UPDATE inquiry_outbox SET state = 'pending' WHERE id = ?", (row["id"],))
                    await self._forget_topic(chat_id, inquiry["user_id"], thread_id)
            if message_id is None:
                await self._back_off(row, self._backoff(row["attempts"] + 1), "topic could not be recreated")
                return "stop"
        except TelegramRetryAfter as error:
            self._paused_until = self.now() + error.retry_after
            await self._back_off(row, error.retry_after, f"retry after {error.retry_after}")
            return "stop"
        except TelegramAPIError as error:
            if isinstance(error, TelegramMigrateToChat):
                log.error("the staff chat became a supergroup with id %s: put it in STAFF_CHAT_ID",
                          error.migrate_to_chat_id)
            if row["kind"] in ("attachment", "followup") and _matches(error, _SOURCE_GONE):
                # The student deleted the message before it could be copied: nothing to send.
                await self.db.execute(
                    "UPDATE inquiry_outbox SET state = 'failed', last_error = ? WHERE id = ?",
                    (str(error)[:300], row["id"]),
                )
                return "retry"
            await self._back_off(row, self._backoff(row["attempts"] + 1), str(error)[:300])
            return "stop"
        except Exception as error:  # a bug must not lose the row: keep it queued
            log.exception("outbox row %s failed", row["id"])
            await self._back_off(row, self._backoff(row["attempts"] + 1), repr(error)[:300])
            return "retry"
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
        return "sent"

    @staticmethod
    def _backoff(attempts: int) -> int:
        return min(BACKOFF_MAX, 5 * 2 ** min(attempts - 1, 10))

    async def _back_off(self, row: sqlite3.Row, delay: float, error: str) -> None:
        log.info("outbox row %s (%s) not delivered, retry in %ss: %s", row["id"], row["kind"], delay, error)
        await self.db.execute(
            "UPDATE inquiry_outbox SET state = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?",
            (self.now() + int(delay), error, row["id"]),
        )

    async def _send_row(
        self, bot: Bot, chat_id: int, thread_id: int | None, row: sqlite3.Row, inquiry: sqlite3.Row
    ) -> int:
        t = self.staff_t
        kind = row["kind"]
        reply = None
        if kind != "card" and inquiry["card_message_id"] is not None and inquiry["card_chat_id"] == chat_id \
                and inquiry["card_thread_id"] == thread_id:
            reply = ReplyParameters(message_id=inquiry["card_message_id"], allow_sending_without_reply=True)
        try:
            if kind == "card":
                sent = await bot.send_message(
                    chat_id, self.render_card(inquiry), message_thread_id=thread_id,
                    reply_markup=self.card_markup(inquiry),
                )
                return sent.message_id
            if kind == "notice":
                what = "card"
                target_id = int(row["body"] or 0)
                target = await self.db.fetchone("SELECT kind FROM inquiry_outbox WHERE id = ?", (target_id,))
                if target is not None:
                    what = target["kind"]
                sent = await bot.send_message(
                    chat_id, t("inq-notice-unconfirmed", id=str(inquiry["id"]), what=t(f"inq-what-{what}")),
                    message_thread_id=thread_id, reply_parameters=reply,
                    reply_markup=markup([[button(t("inq-btn-redo"),
                                                 StaffCB(action="redo", inquiry=inquiry["id"], row=target_id))]]),
                )
                return sent.message_id
            if kind == "attachment":
                caption = t("inq-attachment-caption", id=str(inquiry["id"]))
                try:
                    copied = await bot.copy_message(
                        chat_id, inquiry["source_chat_id"], inquiry["source_message_id"],
                        message_thread_id=thread_id, caption=caption, reply_parameters=reply,
                    )
                    return copied.message_id
                except TelegramBadRequest as error:
                    if not _matches(error, _SOURCE_GONE) or not inquiry["attachment_file_id"]:
                        raise
                # The student deleted their message: the file itself is still known by its id.
                if inquiry["attachment_kind"] == "photo":
                    sent = await bot.send_photo(chat_id, inquiry["attachment_file_id"], message_thread_id=thread_id,
                                                caption=caption, reply_parameters=reply)
                else:
                    sent = await bot.send_document(chat_id, inquiry["attachment_file_id"],
                                                   message_thread_id=thread_id, caption=caption,
                                                   reply_parameters=reply)
                return sent.message_id
            # follow-up
            if row["source_message_id"] is None:
                sent = await bot.send_message(
                    chat_id,
                    t("inq-followup", id=str(inquiry["id"]), name=self.display_name(inquiry),
                      text=clip(row["body"], 3500)),
                    message_thread_id=thread_id, reply_parameters=reply,
                )
                return sent.message_id
            copied = await bot.copy_message(
                chat_id, row["source_chat_id"], row["source_message_id"], message_thread_id=thread_id,
                caption=t("inq-followup", id=str(inquiry["id"]), name=self.display_name(inquiry),
                          text=clip(row["body"], 700)),
                reply_parameters=reply,
            )
            return copied.message_id
        except TelegramBadRequest as error:
            if thread_id is not None and _matches(error, _TOPIC_GONE):
                raise _TopicGone() from error
            raise

    # --------------------------------------------------------------- forum topics
    async def _is_forum(self, bot: Bot, chat_id: int) -> bool:
        now = self.clock()
        if self._forum is not None and self._forum[0] == chat_id and self._forum[2] > now:
            return self._forum[1]
        chat = await bot.get_chat(chat_id)
        is_forum = bool(getattr(chat, "is_forum", False))
        self._forum = (chat_id, is_forum, now + FORUM_TTL)
        return is_forum

    async def _thread_for(self, bot: Bot, chat_id: int, inquiry: sqlite3.Row) -> int | None:
        """The student's topic in a forum staff chat (created on first use), or None."""
        if self.clock() < self._topics_off_until or not await self._is_forum(bot, chat_id):
            return None
        user_id = inquiry["user_id"]
        lock = self._topic_locks.setdefault(user_id, asyncio.Lock())
        async with lock:
            thread_id = await self.db.fetchval(
                "SELECT thread_id FROM inquiry_topics WHERE chat_id = ? AND user_id = ?", (chat_id, user_id)
            )
            if thread_id is not None:
                return int(thread_id)
            name = self.display_name(inquiry)
            if inquiry["username"]:
                name += f" @{inquiry['username']}"
            try:
                topic = await bot.create_forum_topic(chat_id, name[:120])
            except (TelegramBadRequest, TelegramForbiddenError) as error:
                # Not an admin with "Manage topics", or topics switched off: plain mode.
                log.warning("cannot create a forum topic in %s (%s); using the chat without topics",
                            chat_id, error)
                self._topics_off_until = self.clock() + FORUM_TTL
                return None
            changed = await self.db.execute_rowcount(
                "INSERT OR IGNORE INTO inquiry_topics (chat_id, user_id, thread_id, created_at) VALUES (?, ?, ?, ?)",
                (chat_id, user_id, topic.message_thread_id, self.now()),
            )
            if not changed:  # another process won the race: use its topic, drop ours
                with contextlib.suppress(TelegramAPIError):
                    await bot.delete_forum_topic(chat_id, topic.message_thread_id)
                return await self.db.fetchval(
                    "SELECT thread_id FROM inquiry_topics WHERE chat_id = ? AND user_id = ?", (chat_id, user_id)
                )
            return topic.message_thread_id

    async def _forget_topic(self, chat_id: int, user_id: int, thread_id: int | None) -> None:
        await self.db.execute(
            "DELETE FROM inquiry_topics WHERE chat_id = ? AND user_id = ? AND thread_id = ?",
            (chat_id, user_id, thread_id),
        )

    # ------------------------------------------------------------- reminders
    async def send_reminders(self, bot: Bot, *, force: bool = False) -> int:
        """Once a day, list inquiries still unanswered after INQUIRY_REMINDER_HOURS."""
        chat_id = self.settings.staff_chat_id
        if chat_id is None:
            return 0
        now = self.now()
        last = await self.db.fetchval("SELECT value FROM meta WHERE key = ?", (LAST_REMINDER_KEY,))
        if not force and last is not None and now - int(last) < REMINDER_EVERY:
            return 0
        hours = self.settings.inquiry_reminder_hours
        rows = await self.unanswered(older_than=now - hours * 3600)
        if not rows:
            return 0
        t = self.staff_t
        text = "\n\n".join([t("inq-reminder-title", hours=str(hours), count=str(len(rows))), *self.render_list(rows)])
        try:
            await bot.send_message(chat_id, text, reply_markup=self.list_markup(rows))
        except TelegramAPIError as error:
            log.info("reminder not sent: %s", error)
            return 0
        await self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (LAST_REMINDER_KEY, str(now)),
        )
        return len(rows)

    # ------------------------------------------------------------ background
    async def _run(self, bot: Bot) -> None:
        while True:
            try:
                await self.deliver_pending(bot)
                await self.send_reminders(bot)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("inquiry delivery pass failed")
            timeout = await self._next_wakeup()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)
            self._wake.clear()

    async def _next_wakeup(self) -> float:
        # Only the first queued row of each inquiry can go next (rows of one inquiry keep order).
        due = await self.db.fetchval(
            "SELECT MIN(o.next_attempt_at) FROM inquiry_outbox AS o WHERE o.state = 'pending' AND o.id = "
            "(SELECT MIN(p.id) FROM inquiry_outbox AS p WHERE p.inquiry_id = o.inquiry_id AND p.state = 'pending')"
        )
        now = self.clock()
        candidates = [300.0]
        if due is not None:
            candidates.append(max(due, self._paused_until) - now)
        return max(1.0, min(candidates))

    async def start(self, bot: Bot) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(bot), name="inquiry-delivery")

    async def stop(self, bot: Bot) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


def _matches(error: Exception, needles: tuple[str, ...]) -> bool:
    text = str(getattr(error, "message", error)).lower()
    return any(needle in text for needle in needles)


def _fetchone_on(conn: Any) -> Callable[..., Any]:
    async def fetchone(sql: str, params: Any = ()) -> Any:
        cursor = await conn.execute(sql, params)
        try:
            return await cursor.fetchone()
        finally:
            await cursor.close()

    return fetchone


def cooldown_parts(seconds: int) -> tuple[str, int]:
    """('seconds', n) or ('minutes', n) for the cooldown message."""
    if seconds > 120:
        return "minutes", -(-seconds // 60)
    return "seconds", seconds


__all__ = [
    "TOPICS",
    "MAX_QUESTION",
    "InquiryService",
    "LimitReached",
    "AnswerResult",
    "clip",
    "short",
    "cooldown_parts",
]

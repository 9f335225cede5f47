"""Broadcast jobs: persisted, one at a time, at the global rate limit, resumable, exactly once.

A job has one row per recipient (``pending`` → ``sending`` → ``sent`` | ``blocked`` |
``failed``). The row is marked ``sending`` after the token is granted and before the
request; ``sent`` with the message id as soon as Telegram answers. A row still ``sending``
when the process starts again was in flight at the crash: it may or may not have arrived, so
it is counted *uncertain* and re-sent once (never twice). Everything else is sent exactly once.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
)
from aiogram.types import InlineKeyboardMarkup

from bot.broadcast.callbacks import BcJob, Unsub
from bot.broadcast.clock import RealTime
from bot.broadcast.limiter import RateLimitMiddleware, install_rate_limit, prepaid, rate_limiter
from bot.callbacks import Menu
from bot.config import Settings
from bot.db import Database
from bot.broadcast.dbutil import fetch_all
from bot.i18n import LANGUAGE_FLAGS, LANGUAGE_NAMES, Locales, Translator
from bot.keyboards import button, markup
from bot.kb.models import LANGUAGES
from bot.services.subscriptions import TOPIC_KEYS, SubscriptionService
from bot.services.users import UserService

log = logging.getLogger(__name__)

CONCURRENCY = 8  # at most this many recipients in progress; the rate limit sets the pace
PROGRESS_EVERY = 5.0  # seconds between two edits of the progress message
MAX_ATTEMPTS = 3  # other errors: tries per recipient before it is marked failed
BATCH = 500
DELETE_WINDOW = 48 * 3600  # Telegram lets a bot delete its private messages for 48 hours
LOCAL_TZ = dt.timezone(dt.timedelta(hours=5))  # Asia/Dushanbe

_GONE = ("bot was blocked by the user", "user is deactivated", "chat not found", "bot was kicked",
         "bot can't initiate conversation", "peer_id_invalid")


def is_gone(error: TelegramAPIError) -> bool:
    """The student blocked the bot or the account is gone: stop writing to them."""
    if isinstance(error, TelegramForbiddenError):
        return True
    text = str(getattr(error, "message", "") or error).lower()
    return isinstance(error, TelegramBadRequest) and any(part in text for part in _GONE)


@dataclass
class Figures:
    total: int = 0
    pending: int = 0
    sending: int = 0
    sent: int = 0
    failed: int = 0
    blocked: int = 0
    uncertain: int = 0
    deleted: int = 0
    not_deleted: int = 0

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.blocked


@dataclass
class Job:
    id: int
    status: str
    audience: str
    topic: str | None
    content: dict[str, Any]
    created_by: int
    created_at: int
    total: int
    progress_chat_id: int | None
    progress_message_id: int | None
    finished_at: int | None = None
    deleted_by: int | None = None
    error: str | None = None
    figures: Figures = field(default_factory=Figures)

    @classmethod
    def from_row(cls, row: Any) -> Job:
        return cls(
            id=row["id"], status=row["status"], audience=row["audience"], topic=row["topic"],
            content=json.loads(row["content"]), created_by=row["created_by"], created_at=row["created_at"],
            total=row["total"], progress_chat_id=row["progress_chat_id"],
            progress_message_id=row["progress_message_id"], finished_at=row["finished_at"],
            deleted_by=row["deleted_by"], error=row["error"],
        )

    def version_for(self, lang: str) -> dict[str, Any]:
        versions = self.content["versions"]
        return versions.get(lang) or versions["*"]


def copy_version(chat_id: int, message_id: int) -> dict[str, Any]:
    """A version that is a staff member's message, copied to each student (copyMessage)."""
    return {"type": "copy", "chat_id": chat_id, "message_id": message_id}


def text_version(text: str) -> dict[str, Any]:
    """A version that is HTML text (automatic announcements)."""
    return {"type": "text", "text": text}


def make_content(first: dict[str, Any], per_language: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """``first`` goes to every language without a version of its own."""
    versions = {"*": first}
    versions.update({lang: v for lang, v in (per_language or {}).items() if lang in LANGUAGES})
    return {"versions": versions}


def audience_label(t: Translator, audience: str) -> str:
    kind, _, value = audience.partition(":")
    if kind == "topic" and value in TOPIC_KEYS:
        return t("bc-aud-topic", topic=t(TOPIC_KEYS[value]))
    if kind == "lang" and value in LANGUAGE_NAMES:
        return t("bc-aud-lang", language=f"{LANGUAGE_FLAGS[value]} {LANGUAGE_NAMES[value]}")
    return t("bc-aud-all")


def valid_audience(audience: str) -> bool:
    kind, _, value = audience.partition(":")
    return (kind == "topic" and value in TOPIC_KEYS) or (kind == "lang" and value in LANGUAGES) or audience == "all"


def format_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_stamp(stamp: int | float) -> str:
    return dt.datetime.fromtimestamp(stamp, LOCAL_TZ).strftime("%d.%m.%Y %H:%M")


class BroadcastService:
    def __init__(
        self,
        db: Database,
        users: UserService,
        subscriptions: SubscriptionService,
        locales: Locales,
        settings: Settings,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.db = db
        self.users = users
        self.subscriptions = subscriptions
        self.locales = locales
        self.settings = settings
        self.clock = clock
        self.bot: Bot | None = None
        self.announcer: Any = None  # bot.broadcast.announce.Announcer, set by setup()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._run_lock = asyncio.Lock()
        self._stopping = False
        self._cancelled: set[int] = set()
        self._aborted: dict[int, str] = {}
        self._latency = 0.3  # seconds from a send's token to its recorded result (moving average)

    # --- audience and jobs ----------------------------------------------------------------
    def _audience_query(self, audience: str) -> tuple[str, list[Any]]:
        """SQL selecting (user_id, language) of the active recipients of ``audience``."""
        default = self.settings.default_language
        kind, _, value = audience.partition(":")
        base = "SELECT u.id AS user_id, COALESCE(u.language, ?) AS language FROM users u"
        if kind == "topic" and value in TOPIC_KEYS:
            return (base + " JOIN subscriptions s ON s.user_id = u.id AND s.topic = ? WHERE u.is_active = 1",
                    [default, value])
        if kind == "lang" and value in LANGUAGES:
            return base + " WHERE u.is_active = 1 AND COALESCE(u.language, ?) = ?", [default, default, value]
        if audience == "all":
            return base + " WHERE u.is_active = 1", [default]
        raise ValueError(f"unknown audience {audience!r}")

    async def audience_counts(self, audience: str) -> dict[str, int]:
        sql, params = self._audience_query(audience)
        rows = await fetch_all(self.db, f"SELECT language, COUNT(*) AS n FROM ({sql}) GROUP BY language", params)
        counts = {lang: 0 for lang in LANGUAGES}
        for row in rows:
            counts[row["language"]] = row["n"]
        return counts

    async def create_job(
        self,
        created_by: int,
        content: dict[str, Any],
        audience: str,
        *,
        topic: str | None = None,
        source: str = "staff",
        progress_chat_id: int | None = None,
        progress_message_id: int | None = None,
    ) -> Job:
        """Persist the job and its recipients in one transaction; the worker picks it up."""
        if "*" not in content.get("versions", {}):
            raise ValueError("a broadcast needs a first version")
        sql, params = self._audience_query(audience)
        now = int(self.clock())
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO broadcasts (created_by, created_at, status, audience, topic, content, source, "
                "progress_chat_id, progress_message_id) VALUES (?, ?, 'queued', ?, ?, ?, ?, ?, ?)",
                (created_by, now, audience, topic, json.dumps(content, ensure_ascii=False), source,
                 progress_chat_id, progress_message_id),
            )
            job_id = cursor.lastrowid
            await cursor.close()
            await conn.execute(
                f"INSERT INTO broadcast_recipients (broadcast_id, user_id, language, updated_at) "
                f"SELECT ?, user_id, language, ? FROM ({sql})",
                [job_id, now, *params],
            )
            await conn.execute(
                "UPDATE broadcasts SET total = (SELECT COUNT(*) FROM broadcast_recipients WHERE broadcast_id = ?) "
                "WHERE id = ?",
                (job_id, job_id),
            )
        self.wake()
        job = await self.get(job_id)  # type: ignore[arg-type]
        assert job is not None
        return job

    async def get(self, job_id: int) -> Job | None:
        row = await self.db.fetchone("SELECT * FROM broadcasts WHERE id = ?", (job_id,))
        if row is None:
            return None
        job = Job.from_row(row)
        job.figures = await self.figures(job_id)
        return job

    async def figures(self, job_id: int) -> Figures:
        rows = await fetch_all(self.db,
            "SELECT status, COUNT(*) AS n, SUM(uncertain) AS u, SUM(deleted = 1) AS d, SUM(deleted = 2) AS nd "
            "FROM broadcast_recipients WHERE broadcast_id = ? GROUP BY status",
            (job_id,),
        )
        figures = Figures()
        for row in rows:
            setattr(figures, row["status"], row["n"])
            figures.total += row["n"]
            figures.uncertain += row["u"] or 0
            figures.deleted += row["d"] or 0
            figures.not_deleted += row["nd"] or 0
        return figures

    async def queue_position(self, job_id: int) -> int:
        """0: running or next; n: n jobs before it."""
        return int(await self.db.fetchval(
            "SELECT COUNT(*) FROM broadcasts WHERE id < ? AND status IN ('queued', 'running', 'deleting')",
            (job_id,), default=0,
        ))

    async def set_progress_message(self, job_id: int, chat_id: int, message_id: int) -> None:
        await self.db.execute(
            "UPDATE broadcasts SET progress_chat_id = ?, progress_message_id = ? WHERE id = ?",
            (chat_id, message_id, job_id),
        )

    async def recent(self, limit: int = 10) -> list[Job]:
        rows = await fetch_all(self.db, "SELECT * FROM broadcasts ORDER BY id DESC LIMIT ?", (limit,))
        jobs = []
        for row in rows:
            job = Job.from_row(row)
            job.figures = await self.figures(job.id)
            jobs.append(job)
        return jobs

    def can_delete(self, job: Job) -> bool:
        return (
            job.status in ("done", "cancelled")
            and job.figures.sent > job.figures.deleted + job.figures.not_deleted
            and self.clock() - job.created_at < DELETE_WINDOW
        )

    async def cancel(self, job_id: int, bot: Bot | None = None) -> str | None:
        """Stop a queued or running job; returns its status before, or None if it was not active."""
        row = await self.db.fetchone("SELECT status FROM broadcasts WHERE id = ?", (job_id,))
        if row is None or row["status"] not in ("queued", "running"):
            return None
        changed = await self.db.execute_rowcount(
            "UPDATE broadcasts SET status = 'cancelled', finished_at = ? WHERE id = ? AND status IN ('queued', 'running')",
            (int(self.clock()), job_id),
        )
        if not changed:
            return None
        self._cancelled.add(job_id)
        if row["status"] == "queued" and bot is not None:
            await self.report(bot, job_id)  # the worker never saw it: report here
        return row["status"]

    async def request_delete(self, job_id: int, user_id: int) -> str:
        """``ok`` (queued for deletion), ``missing``, or ``not-allowed`` (running, too old, nothing sent)."""
        job = await self.get(job_id)
        if job is None:
            return "missing"
        if not self.can_delete(job):
            return "not-allowed"
        changed = await self.db.execute_rowcount(
            "UPDATE broadcasts SET status = 'deleting', deleted_by = ? WHERE id = ? AND status IN ('done', 'cancelled')",
            (user_id, job_id),
        )
        if not changed:
            return "not-allowed"
        self.wake()
        return "ok"

    # --- texts and buttons ------------------------------------------------------------------
    def student_markup(self, lang: str, topic: str | None) -> InlineKeyboardMarkup:
        """The button under every broadcast message: unsubscribe from its topic (or, for a
        message to everyone, the subscription settings)."""
        t = self.locales[lang]
        if topic in TOPIC_KEYS:
            return markup([[button(t("bc-unsubscribe", topic=t(TOPIC_KEYS[topic])), Unsub(topic=topic))]])
        return markup([[button(t("bc-manage-subscriptions"), Menu(screen="subscribe"))]])

    async def staff_translator(self, user_id: int | None) -> Translator:
        lang = await self.users.get_language(user_id) if user_id is not None else None
        return self.locales[lang or self.settings.default_language]

    def progress_text(self, t: Translator, job: Job, rate: float | None) -> str:
        f = job.figures
        remaining = max(0, f.total - f.done)
        left = format_duration(remaining / rate) if rate else "…"
        return t("bc-progress", id=str(job.id), done=f.done, total=f.total, sent=f.sent,
                 rate=f"{rate or 0:.1f}", left=left)

    def report_text(self, t: Translator, job: Job) -> str:
        f = job.figures
        key = "bc-report-cancelled" if job.status == "cancelled" else "bc-report-done"
        text = t(key, id=str(job.id), sent=f.sent, total=f.total, blocked=f.blocked, failed=f.failed,
                 uncertain=f.uncertain, notsent=f.pending + f.sending)
        if job.error:
            text += "\n" + t("bc-report-error", error=job.error)
        return text

    async def _edit_progress(self, bot: Bot, job: Job, text: str, keyboard: InlineKeyboardMarkup | None) -> None:
        if job.progress_chat_id is None:
            return
        try:
            if job.progress_message_id is None:
                message = await bot.send_message(job.progress_chat_id, text, reply_markup=keyboard)
                job.progress_message_id = message.message_id
                await self.set_progress_message(job.id, job.progress_chat_id, message.message_id)
            else:
                await bot.edit_message_text(text=text, chat_id=job.progress_chat_id,
                                            message_id=job.progress_message_id, reply_markup=keyboard)
        except TelegramBadRequest as error:
            if "not modified" not in str(error):
                log.info("progress of broadcast %s not shown: %s", job.id, error)
        except TelegramAPIError as error:
            log.info("progress of broadcast %s not shown: %s", job.id, type(error).__name__)

    async def show_progress(self, bot: Bot, job: Job, rate: float | None) -> None:
        t = await self.staff_translator(job.progress_chat_id)
        keyboard = markup([[button(t("bc-btn-cancel-job"), BcJob(action="cancel", job=job.id))]])
        await self._edit_progress(bot, job, self.progress_text(t, job, rate), keyboard)

    async def report(self, bot: Bot, job_id: int) -> None:
        job = await self.get(job_id)
        if job is None:
            return
        t = await self.staff_translator(job.progress_chat_id)
        await self._edit_progress(bot, job, self.report_text(t, job), None)

    # --- worker ------------------------------------------------------------------------------
    def wake(self) -> None:
        self._wake.set()

    def limiter(self, bot: Bot) -> RateLimitMiddleware:
        return rate_limiter(bot) or install_rate_limit(bot, self.settings.broadcast_rate)

    async def start(self, bot: Bot) -> None:
        """Start-up hook: resume unfinished jobs, then wait for new ones."""
        self.bot = bot
        self.limiter(bot)
        self._stopping = False
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._loop(bot), name="broadcast-worker")

    async def stop(self, bot: Bot | None = None, timeout: float = 10.0) -> None:
        """Shutdown hook: no new sends; requests in flight finish (the job resumes next start)."""
        self._stopping = True
        self._wake.set()
        task, self._task = self._task, None
        if task is None:
            return
        try:
            await asyncio.wait_for(asyncio.shield(task), timeout)
        except asyncio.TimeoutError:
            task.cancel()
            try:
                await task
            except (asyncio.CancelledError, Exception):
                pass

    async def _loop(self, bot: Bot) -> None:
        while not self._stopping:
            self._wake.clear()
            try:
                await self.run_pending(bot)
            except Exception:
                log.exception("broadcast worker failed; retrying in 5 s")
                await asyncio.sleep(5)
                continue
            if self._stopping:
                break
            await self._wake.wait()

    async def _next_job(self) -> Job | None:
        row = await self.db.fetchone(
            "SELECT * FROM broadcasts WHERE status IN ('running', 'deleting', 'queued') "
            "ORDER BY status = 'queued', id LIMIT 1"
        )
        return Job.from_row(row) if row is not None else None

    async def run_pending(self, bot: Bot) -> int:
        """Run jobs one at a time until none is left; return how many ran."""
        ran = 0
        async with self._run_lock:
            while not self._stopping:
                job = await self._next_job()
                if job is None:
                    break
                if job.status == "deleting":
                    await self._run_deletion(bot, job)
                else:
                    await self._run_job(bot, job)
                ran += 1
        return ran

    def _in_progress_limit(self, rate: float) -> int:
        """Enough recipients in progress to keep the rate busy (rate x latency, with room),
        and no more: each one in progress is marked 'sending', i.e. uncertain after a crash."""
        return max(2, min(CONCURRENCY, math.ceil(rate * self._latency * 1.5) + 1))

    def _stop_job(self, job_id: int) -> bool:
        return self._stopping or job_id in self._cancelled or job_id in self._aborted

    async def _run_job(self, bot: Bot, job: Job) -> None:
        now = int(self.clock())
        async with self.db.transaction() as conn:
            # In flight when the process died: re-sent once (a second time would be a second copy).
            await conn.execute(
                "UPDATE broadcast_recipients SET status = 'failed', error = 'uncertain' "
                "WHERE broadcast_id = ? AND status = 'sending' AND uncertain = 1",
                (job.id,),
            )
            await conn.execute(
                "UPDATE broadcast_recipients SET status = 'pending', uncertain = 1 "
                "WHERE broadcast_id = ? AND status = 'sending'",
                (job.id,),
            )
            await conn.execute(
                "UPDATE broadcasts SET status = 'running', started_at = COALESCE(started_at, ?) "
                "WHERE id = ? AND status IN ('queued', 'running')",
                (now, job.id),
            )
        job.status = "running"
        limiter = self.limiter(bot)
        clock = limiter.bucket.time or RealTime()
        markups = {lang: self.student_markup(lang, job.topic) for lang in LANGUAGES}
        job.figures = await self.figures(job.id)
        started, sent_before = clock.monotonic(), job.figures.done
        await self.show_progress(bot, job, None)
        next_progress = started + PROGRESS_EVERY

        tasks: set[asyncio.Task[None]] = set()
        crash: list[BaseException] = []
        slot_free = asyncio.Event()

        def finished(task: asyncio.Task[None]) -> None:
            tasks.discard(task)
            slot_free.set()
            if not task.cancelled() and task.exception() is not None:
                crash.append(task.exception())  # type: ignore[arg-type]

        last = -(2**63)
        try:
            while not self._stop_job(job.id) and not crash:
                rows = await fetch_all(self.db,
                    "SELECT user_id, language, attempts, uncertain FROM broadcast_recipients "
                    "WHERE broadcast_id = ? AND status = 'pending' AND user_id > ? ORDER BY user_id LIMIT ?",
                    (job.id, last, BATCH),
                )
                if not rows:
                    break
                for row in rows:
                    last = row["user_id"]
                    while len(tasks) >= self._in_progress_limit(limiter.bucket.rate):
                        slot_free.clear()
                        await slot_free.wait()
                    if self._stop_job(job.id) or crash:
                        break
                    lang = row["language"]
                    task = asyncio.create_task(self._deliver(
                        bot, limiter, job.id, row["user_id"], row["attempts"], bool(row["uncertain"]),
                        job.version_for(lang), markups.get(lang) or markups[self.settings.default_language],
                    ))
                    tasks.add(task)
                    task.add_done_callback(finished)
                    if clock.monotonic() >= next_progress:
                        job.figures = await self.figures(job.id)
                        elapsed = clock.monotonic() - started
                        rate = (job.figures.done - sent_before) / elapsed if elapsed > 0 else None
                        await self.show_progress(bot, job, rate)
                        next_progress = clock.monotonic() + PROGRESS_EVERY
            if tasks:
                await asyncio.gather(*list(tasks), return_exceptions=True)
        finally:
            for task in list(tasks):
                task.cancel()
        if crash:
            raise crash[0]
        if self._stopping:
            return  # shutdown: the job stays 'running' and resumes on the next start
        error = self._aborted.pop(job.id, None)
        if error is not None:
            await self.db.execute(
                "UPDATE broadcasts SET status = 'cancelled', error = ?, finished_at = ? WHERE id = ?",
                (error, int(self.clock()), job.id),
            )
        else:
            await self.db.execute(
                "UPDATE broadcasts SET status = 'done', finished_at = ? WHERE id = ? AND status = 'running'",
                (int(self.clock()), job.id),
            )
        self._cancelled.discard(job.id)
        await self.report(bot, job.id)

    async def _mark(self, job_id: int, user_id: int, status: str, **fields: Any) -> None:
        sets = ["status = ?", "updated_at = ?"]
        params: list[Any] = [status, int(self.clock())]
        for name, value in fields.items():
            sets.append(f"{name} = ?")
            params.append(value)
        await self.db.execute(
            f"UPDATE broadcast_recipients SET {', '.join(sets)} WHERE broadcast_id = ? AND user_id = ?",
            [*params, job_id, user_id],
        )

    async def _send(self, bot: Bot, chat_id: int, version: dict[str, Any], keyboard: InlineKeyboardMarkup) -> int:
        if version["type"] == "copy":
            result = await bot.copy_message(chat_id=chat_id, from_chat_id=version["chat_id"],
                                            message_id=version["message_id"], reply_markup=keyboard)
            return result.message_id
        message = await bot.send_message(chat_id, version["text"], reply_markup=keyboard)
        return message.message_id

    async def _deliver(
        self,
        bot: Bot,
        limiter: RateLimitMiddleware,
        job_id: int,
        user_id: int,
        attempts: int,
        uncertain: bool,
        version: dict[str, Any],
        keyboard: InlineKeyboardMarkup,
    ) -> None:
        bucket = limiter.bucket
        clock = bucket.time
        while True:
            if self._stop_job(job_id):
                return
            # Marked before the token is taken, so the request leaves right when it is granted
            # (a database write between the two would bunch requests up at Telegram).
            await self._mark(job_id, user_id, "sending")
            await bucket.acquire(interactive=False)
            if self._stop_job(job_id):
                await self._mark(job_id, user_id, "pending")
                return
            began = clock.monotonic()
            try:
                with prepaid():
                    message_id = await self._send(bot, user_id, version, keyboard)
            except TelegramRetryAfter as error:
                # Not sent. Every broadcast send waits; this recipient goes again after it.
                bucket.pause(error.retry_after)
                await self._mark(job_id, user_id, "pending")
                continue
            except TelegramAPIError as error:
                if is_gone(error):
                    await self._mark(job_id, user_id, "blocked", error=str(error.message)[:200])
                    await self.users.set_active(user_id, False)
                    return
                if isinstance(error, TelegramBadRequest) and "message to copy not found" in str(error).lower():
                    self._aborted[job_id] = "message to copy not found"
                    await self._mark(job_id, user_id, "pending")
                    return
                if isinstance(error, TelegramNetworkError):
                    # Timed out: it may have arrived. Re-send once at most.
                    if uncertain:
                        await self._mark(job_id, user_id, "failed", error="uncertain")
                        return
                    uncertain = True
                    await self._mark(job_id, user_id, "pending", uncertain=1)
                else:
                    attempts += 1
                    if attempts >= MAX_ATTEMPTS:
                        await self._mark(job_id, user_id, "failed", attempts=attempts, error=str(error)[:200])
                        return
                    await self._mark(job_id, user_id, "pending", attempts=attempts)
                await bucket.time.sleep(2.0 * (attempts + 1))
                continue
            await self._mark(job_id, user_id, "sent", message_id=message_id)
            # Time from the grant to the recorded result sizes how many need to be in progress.
            self._latency += 0.1 * (max(0.0, clock.monotonic() - began) - self._latency)
            return

    async def _run_deletion(self, bot: Bot, job: Job) -> None:
        limiter = self.limiter(bot)
        bucket = limiter.bucket
        semaphore = asyncio.Semaphore(CONCURRENCY)

        async def delete_one(user_id: int, message_id: int) -> None:
            try:
                while not self._stopping:
                    await bucket.acquire(interactive=False)
                    try:
                        with prepaid():
                            await bot.delete_message(chat_id=user_id, message_id=message_id)
                    except TelegramRetryAfter as error:
                        bucket.pause(error.retry_after)
                        continue
                    except TelegramBadRequest as error:
                        gone = "not found" in str(error).lower()
                        await self.db.execute(
                            "UPDATE broadcast_recipients SET deleted = ? WHERE broadcast_id = ? AND user_id = ?",
                            (1 if gone else 2, job.id, user_id),
                        )
                        return
                    except TelegramAPIError:
                        await self.db.execute(
                            "UPDATE broadcast_recipients SET deleted = 2 WHERE broadcast_id = ? AND user_id = ?",
                            (job.id, user_id),
                        )
                        return
                    await self.db.execute(
                        "UPDATE broadcast_recipients SET deleted = 1 WHERE broadcast_id = ? AND user_id = ?",
                        (job.id, user_id),
                    )
                    return
            finally:
                semaphore.release()

        tasks: list[asyncio.Task[None]] = []
        last = -(2**63)
        while not self._stopping:
            rows = await fetch_all(self.db,
                "SELECT user_id, message_id FROM broadcast_recipients WHERE broadcast_id = ? AND status = 'sent' "
                "AND deleted = 0 AND message_id IS NOT NULL AND user_id > ? ORDER BY user_id LIMIT ?",
                (job.id, last, BATCH),
            )
            if not rows:
                break
            for row in rows:
                last = row["user_id"]
                await semaphore.acquire()
                tasks.append(asyncio.create_task(delete_one(row["user_id"], row["message_id"])))
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._stopping:
            return
        await self.db.execute("UPDATE broadcasts SET status = 'deleted' WHERE id = ?", (job.id,))
        figures = await self.figures(job.id)
        if job.deleted_by is not None:
            t = await self.staff_translator(job.deleted_by)
            try:
                await bot.send_message(job.deleted_by, t("bc-deleted-report", id=str(job.id), deleted=figures.deleted,
                                                         failed=figures.not_deleted))
            except TelegramAPIError as error:
                log.info("deletion report not sent: %s", type(error).__name__)

"""The broadcast worker: one job at a time, at the global rate limit, resumable, exactly once.

The row of a recipient is marked ``sending`` after the token is granted and before the
request; ``sent`` with the message id as soon as Telegram answers. A row still ``sending``
when the process starts again was in flight at the crash: it may or may not have arrived, so
it is counted *uncertain* and re-sent once (never twice). Everything else is sent exactly once.
The same loop runs "delete for everyone" (a job in ``deleting``).
"""

from __future__ import annotations

import asyncio
import logging
import math
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

from bot.broadcast.deletion import delete_copies
from bot.broadcast.jobs import JobRepository
from bot.broadcast.limiter import RateLimitMiddleware, install_rate_limit, prepaid, rate_limiter
from bot.broadcast.models import Job
from bot.broadcast.progress import ProgressReporter
from bot.config import Settings
from bot.i18n import Locales
from bot.kb.models import LANGUAGES
from bot.periodic import Periodic
from bot.services.users import UserService
from bot.views.broadcast import student_markup

log = logging.getLogger(__name__)

CONCURRENCY = 8  # at most this many recipients in progress; the rate limit sets the pace
PROGRESS_EVERY = 5.0  # seconds between two edits of the progress message
MAX_ATTEMPTS = 3  # other errors: tries per recipient before it is marked failed
RETRY_AFTER_FAILURE = 5.0  # seconds before a pass that crashed is tried again
IDLE_CHECK = 3600.0  # new jobs wake the worker at once; this is only a safety net

_GONE = ("bot was blocked by the user", "user is deactivated", "chat not found", "bot was kicked",
         "bot can't initiate conversation", "peer_id_invalid")


def is_gone(error: TelegramAPIError) -> bool:
    """The student blocked the bot or the account is gone: stop writing to them."""
    if isinstance(error, TelegramForbiddenError):
        return True
    text = str(getattr(error, "message", "") or error).lower()
    return isinstance(error, TelegramBadRequest) and any(part in text for part in _GONE)


class BroadcastWorker:
    def __init__(self, jobs: JobRepository, users: UserService, locales: Locales, settings: Settings) -> None:
        self.jobs = jobs
        self.users = users
        self.locales = locales
        self.settings = settings
        self.progress = ProgressReporter(jobs, users, locales, default_language=settings.default_language)
        self.bot: Bot | None = None  # the running bot, from start() on
        self.stopping = False  # set by stop(): no new sends; the job resumes on the next start
        self._loop = Periodic(self._pass, "broadcast-worker", interval=RETRY_AFTER_FAILURE)
        self._run_lock = asyncio.Lock()
        self._cancelled: set[int] = set()
        self._aborted: dict[int, str] = {}
        self._latency = 0.3  # seconds from a send's token to its recorded result (moving average)

    # --- lifecycle ----------------------------------------------------------------------------
    def wake(self) -> None:
        self._loop.wake()

    async def cancelled(self, job_id: int, before: str, bot: Bot | None) -> None:
        """The job was marked cancelled (it was ``before``): a running one stops at its next
        recipient; a queued one never reaches the worker, so its report goes now."""
        self._cancelled.add(job_id)
        if before == "queued" and bot is not None:
            await self.progress.report(bot, job_id)

    def limiter(self, bot: Bot) -> RateLimitMiddleware:
        return rate_limiter(bot) or install_rate_limit(bot, self.settings.broadcast_rate)

    async def start(self, bot: Bot) -> None:
        """Resume an unfinished job, then wait for new ones."""
        self.bot = bot
        self.limiter(bot)
        self.stopping = False
        self._loop.start()

    async def stop(self, bot: Bot | None = None, timeout: float = 10.0) -> None:
        """No new sends; requests in flight finish (the job resumes on the next start)."""
        self.stopping = True
        # The pass in progress sees ``stopping`` and ends once its requests in flight are
        # answered (holding the lock till then); after ``timeout`` it is cancelled instead.
        try:
            async with asyncio.timeout(timeout), self._run_lock:
                pass
        except TimeoutError:
            pass
        await self._loop.stop()

    async def _pass(self) -> float:
        if self.bot is not None:
            await self.run_pending(self.bot)
        return IDLE_CHECK

    async def run_pending(self, bot: Bot) -> int:
        """Run jobs one at a time until none is left; return how many ran."""
        ran = 0
        async with self._run_lock:
            while not self.stopping:
                job = await self.jobs.next_job()
                if job is None:
                    break
                if job.status == "deleting":
                    await self._run_deletion(bot, job)
                else:
                    await self._run_job(bot, job)
                ran += 1
        return ran

    # --- sending ------------------------------------------------------------------------------
    def _in_progress_limit(self, rate: float) -> int:
        """Enough recipients in progress to keep the rate busy (rate x latency, with room),
        and no more: each one in progress is marked 'sending', i.e. uncertain after a crash."""
        return max(2, min(CONCURRENCY, math.ceil(rate * self._latency * 1.5) + 1))

    def _stop_job(self, job_id: int) -> bool:
        return self.stopping or job_id in self._cancelled or job_id in self._aborted

    async def _run_job(self, bot: Bot, job: Job) -> None:
        await self.jobs.resume(job.id)
        job.status = "running"
        limiter = self.limiter(bot)
        clock = limiter.bucket.time
        markups = {lang: student_markup(self.locales[lang], job.topic) for lang in LANGUAGES}
        job.figures = await self.jobs.figures(job.id)
        started, sent_before = clock.monotonic(), job.figures.done
        await self.progress.show(bot, job, None)
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
                rows = await self.jobs.pending(job.id, last)
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
                        job.figures = await self.jobs.figures(job.id)
                        elapsed = clock.monotonic() - started
                        rate = (job.figures.done - sent_before) / elapsed if elapsed > 0 else None
                        await self.progress.show(bot, job, rate)
                        next_progress = clock.monotonic() + PROGRESS_EVERY
            if tasks:
                await asyncio.gather(*list(tasks), return_exceptions=True)
        finally:
            for task in list(tasks):
                task.cancel()
        if crash:
            raise crash[0]
        if self.stopping:
            return  # shutdown: the job stays 'running' and resumes on the next start
        await self.jobs.finish(job.id, self._aborted.pop(job.id, None))
        self._cancelled.discard(job.id)
        await self.progress.report(bot, job.id)

    async def _send(self, bot: Bot, chat_id: int, version: dict[str, Any], keyboard: InlineKeyboardMarkup) -> int:
        if version["type"] == "copy":
            result = await bot.copy_message(chat_id=chat_id, from_chat_id=version["chat_id"],
                                            message_id=version["message_id"], reply_markup=keyboard)
            return result.message_id
        message = await bot.send_message(chat_id, version["text"], reply_markup=keyboard)
        return message.message_id

    async def _deliver(self, bot: Bot, limiter: RateLimitMiddleware, job_id: int, user_id: int, attempts: int,
                       uncertain: bool, version: dict[str, Any], keyboard: InlineKeyboardMarkup) -> None:
        bucket = limiter.bucket
        clock = bucket.time
        while True:
            if self._stop_job(job_id):
                return
            # Marked before the token is taken, so the request leaves right when it is granted
            # (a database write between the two would bunch requests up at Telegram).
            await self.jobs.mark(job_id, user_id, "sending")
            await bucket.acquire(interactive=False)
            if self._stop_job(job_id):
                await self.jobs.mark(job_id, user_id, "pending")
                return
            began = clock.monotonic()
            try:
                with prepaid():
                    message_id = await self._send(bot, user_id, version, keyboard)
            except TelegramRetryAfter as error:
                # Not sent. Every broadcast send waits; this recipient goes again after it.
                bucket.pause(error.retry_after)
                await self.jobs.mark(job_id, user_id, "pending")
                continue
            except TelegramAPIError as error:
                if is_gone(error):
                    await self.jobs.mark(job_id, user_id, "blocked", error=str(error.message)[:200])
                    await self.users.set_active(user_id, False)
                    return
                if isinstance(error, TelegramBadRequest) and "message to copy not found" in str(error).lower():
                    self._aborted[job_id] = "message to copy not found"
                    await self.jobs.mark(job_id, user_id, "pending")
                    return
                if isinstance(error, TelegramNetworkError):
                    # Timed out: it may have arrived. Re-send once at most.
                    if uncertain:
                        await self.jobs.mark(job_id, user_id, "failed", error="uncertain")
                        return
                    uncertain = True
                    await self.jobs.mark(job_id, user_id, "pending", uncertain=1)
                else:
                    attempts += 1
                    if attempts >= MAX_ATTEMPTS:
                        await self.jobs.mark(job_id, user_id, "failed", attempts=attempts, error=str(error)[:200])
                        return
                    await self.jobs.mark(job_id, user_id, "pending", attempts=attempts)
                await bucket.time.sleep(2.0 * (attempts + 1))
                continue
            await self.jobs.mark(job_id, user_id, "sent", message_id=message_id)
            # Time from the grant to the recorded result sizes how many need to be in progress.
            self._latency += 0.1 * (max(0.0, clock.monotonic() - began) - self._latency)
            return

    # --- delete for everyone ------------------------------------------------------------------
    async def _run_deletion(self, bot: Bot, job: Job) -> None:
        if not await delete_copies(bot, self.limiter(bot), self.jobs, job, lambda: self.stopping):
            return  # shutdown: the job stays 'deleting' and resumes on the next start
        await self.jobs.finish_deletion(job.id)
        await self.progress.deleted(bot, job)

"""The delete worker: "delete for everyone" of a finished job, at the broadcast rate.

Each copy is deleted once; one Telegram refused (too old, or any other error) is counted
``not_deleted`` and not tried again. Stopped by a shutdown, the job stays ``deleting`` and the
copies left go on the next start.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramRetryAfter

from bot.broadcast.jobs import JobRepository
from bot.broadcast.limiter import RateLimitMiddleware, prepaid
from bot.broadcast.models import Job

CONCURRENCY = 8  # deletions in flight at once; the rate limit sets the pace


async def _delete_one(bot: Bot, limiter: RateLimitMiddleware, jobs: JobRepository, job_id: int, user_id: int,
                      message_id: int, stopped: Callable[[], bool]) -> None:
    bucket = limiter.bucket
    while not stopped():
        await bucket.acquire(interactive=False)
        try:
            with prepaid():
                await bot.delete_message(chat_id=user_id, message_id=message_id)
        except TelegramRetryAfter as error:
            bucket.pause(error.retry_after)
            continue
        except TelegramBadRequest as error:
            deleted = 1 if "not found" in str(error).lower() else 2  # not found: gone already
        except TelegramAPIError:
            deleted = 2
        else:
            deleted = 1
        await jobs.mark_deleted(job_id, user_id, deleted)
        return


async def delete_copies(bot: Bot, limiter: RateLimitMiddleware, jobs: JobRepository, job: Job,
                        stopped: Callable[[], bool]) -> bool:
    """Delete every copy of ``job`` still there; False if ``stopped()`` came first."""
    semaphore = asyncio.Semaphore(CONCURRENCY)

    async def delete_one(user_id: int, message_id: int) -> None:
        try:
            await _delete_one(bot, limiter, jobs, job.id, user_id, message_id, stopped)
        finally:
            semaphore.release()

    tasks: list[asyncio.Task[None]] = []
    last = -(2**63)
    while not stopped():
        rows = await jobs.sent_messages(job.id, last)
        if not rows:
            break
        for row in rows:
            last = row["user_id"]
            await semaphore.acquire()
            tasks.append(asyncio.create_task(delete_one(row["user_id"], row["message_id"])))
    await asyncio.gather(*tasks, return_exceptions=True)
    return not stopped()

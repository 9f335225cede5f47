"""``BroadcastService``: what handlers and other services ask of broadcasts, in one place.

It stores jobs (``JobRepository``) and wakes the one worker (``BroadcastWorker``) after every
change it must act on; announcements of new records go through ``Announcer``. Its
``start``/``stop`` are the start-up and shutdown hooks of the whole feature.
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot

from bot.broadcast.announce import Announcer
from bot.broadcast.jobs import JobRepository
from bot.broadcast.models import Figures, Job
from bot.broadcast.worker import BroadcastWorker
from bot.views.broadcast import report_text


class BroadcastService:
    def __init__(self, jobs: JobRepository, worker: BroadcastWorker, announcer: Announcer) -> None:
        self.jobs = jobs
        self.worker = worker
        self.announcer = announcer

    # --- start-up and shutdown hooks ----------------------------------------------------------
    async def start(self, bot: Bot) -> None:
        """Resume a job the last process left unfinished, then wait for new ones; send the
        announcement offers not sent yet."""
        await self.worker.start(bot)
        await self.announcer.start(bot)

    async def stop(self, bot: Bot | None = None, timeout: float = 10.0) -> None:
        """No new sends; requests in flight finish (the job resumes on the next start)."""
        await self.announcer.stop(bot)
        await self.worker.stop(bot, timeout)

    @property
    def bot(self) -> Bot | None:
        """The running bot (set by ``start``)."""
        return self.worker.bot

    @bot.setter
    def bot(self, bot: Bot | None) -> None:
        # Tests that drive the worker by hand stand in for ``start`` this way.
        self.worker.bot = self.announcer.bot = bot

    @property
    def _stopping(self) -> bool:
        return self.worker.stopping

    @_stopping.setter
    def _stopping(self, value: bool) -> None:
        # Tests stop a pass mid-job the way the shutdown hook does.
        self.worker.stopping = value

    # --- jobs -----------------------------------------------------------------------------------
    async def audience_counts(self, audience: str) -> dict[str, int]:
        """Active recipients of ``audience`` by language."""
        return await self.jobs.audience_counts(audience)

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
        """Store the job and its recipients; the worker picks it up."""
        job = await self.jobs.create_job(
            created_by, content, audience, topic=topic, source=source, progress_chat_id=progress_chat_id,
            progress_message_id=progress_message_id,
        )
        self.worker.wake()
        return job

    async def get(self, job_id: int) -> Job | None:
        return await self.jobs.get(job_id)

    async def figures(self, job_id: int) -> Figures:
        return await self.jobs.figures(job_id)

    async def recent(self, limit: int = 10) -> list[Job]:
        return await self.jobs.recent(limit)

    async def queue_position(self, job_id: int) -> int:
        """0: running or next; n: n jobs before it."""
        return await self.jobs.queue_position(job_id)

    def can_delete(self, job: Job) -> bool:
        return self.jobs.can_delete(job)

    async def cancel(self, job_id: int, bot: Bot | None = None) -> str | None:
        """Stop a queued or running job; returns its status before, or None if it was not active."""
        before = await self.jobs.cancel(job_id)
        if before is not None:
            await self.worker.cancelled(job_id, before, bot)
        return before

    async def request_delete(self, job_id: int, user_id: int) -> str:
        """``ok`` (queued for deletion), ``missing``, or ``not-allowed`` (running, too old, nothing sent)."""
        result = await self.jobs.request_delete(job_id, user_id)
        if result == "ok":
            self.worker.wake()
        return result

    async def decide_offer(self, offer_id: int, user_id: int, confirm: bool, progress_chat_id: int | None = None,
                           progress_message_id: int | None = None) -> tuple[str, Job | None]:
        """An admin's answer to an announcement offer (``Announcer.decide``); a confirmed one
        is sent like any job."""
        result, job = await self.announcer.decide(offer_id, user_id, confirm, progress_chat_id, progress_message_id)
        if job is not None:
            self.worker.wake()
        return result, job

    async def run_pending(self, bot: Bot) -> int:
        """Run the jobs waiting now, one at a time (the worker's pass); return how many ran."""
        return await self.worker.run_pending(bot)

    report_text = staticmethod(report_text)  # the report a finished job shows (tests compare it)

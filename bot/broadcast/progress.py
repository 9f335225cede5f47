"""The staff member's view of a job: one message edited in place (progress, then the report),
and the report of "delete for everyone". Each in the language of the staff member it goes to."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.types import InlineKeyboardMarkup

from bot.broadcast.jobs import JobRepository
from bot.broadcast.models import Job
from bot.i18n import Locales, Translator
from bot.services.users import UserService
from bot.views.broadcast import cancel_job_markup, progress_text, report_text

log = logging.getLogger(__name__)


class ProgressReporter:
    def __init__(self, jobs: JobRepository, users: UserService, locales: Locales, *, default_language: str) -> None:
        self.jobs = jobs
        self.users = users
        self.locales = locales
        self.default_language = default_language

    async def translator(self, user_id: int | None) -> Translator:
        lang = await self.users.get_language(user_id) if user_id is not None else None
        return self.locales[lang or self.default_language]

    async def _edit(self, bot: Bot, job: Job, text: str, keyboard: InlineKeyboardMarkup | None) -> None:
        if job.progress_chat_id is None:
            return
        try:
            if job.progress_message_id is None:
                message = await bot.send_message(job.progress_chat_id, text, reply_markup=keyboard)
                job.progress_message_id = message.message_id
                await self.jobs.set_progress_message(job.id, job.progress_chat_id, message.message_id)
            else:
                await bot.edit_message_text(text=text, chat_id=job.progress_chat_id,
                                            message_id=job.progress_message_id, reply_markup=keyboard)
        except TelegramBadRequest as error:
            if "not modified" not in str(error):
                log.info("progress of broadcast %s not shown: %s", job.id, error)
        except TelegramAPIError as error:
            log.info("progress of broadcast %s not shown: %s", job.id, type(error).__name__)

    async def show(self, bot: Bot, job: Job, rate: float | None) -> None:
        """Figures so far, the rate, the time left, and the Cancel button."""
        t = await self.translator(job.progress_chat_id)
        await self._edit(bot, job, progress_text(t, job, rate), cancel_job_markup(t, job.id))

    async def report(self, bot: Bot, job_id: int) -> None:
        """The final figures, in place of the progress."""
        job = await self.jobs.get(job_id)
        if job is None:
            return
        t = await self.translator(job.progress_chat_id)
        await self._edit(bot, job, report_text(t, job), None)

    async def deleted(self, bot: Bot, job: Job) -> None:
        """To whoever asked for the deletion: how many copies went, how many Telegram refused."""
        if job.deleted_by is None:
            return
        figures = await self.jobs.figures(job.id)
        t = await self.translator(job.deleted_by)
        try:
            await bot.send_message(job.deleted_by, t("bc-deleted-report", id=str(job.id), deleted=figures.deleted,
                                                     failed=figures.not_deleted))
        except TelegramAPIError as error:
            log.info("deletion report not sent: %s", type(error).__name__)

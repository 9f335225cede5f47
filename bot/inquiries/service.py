"""Inquiries (issue 5): a student's question reaches the office's staff chat and the
answer comes back.

``InquiryService`` is what handlers get as ``inquiries``. It composes the parts, each with
one job: the records (store.py), delivery to the staff chat (outbox.py), forum topics
(topics.py), who may answer (access.py) and the daily reminder (reminders.py). It does
itself what involves the student: an answer copied to them, the notice of a closing.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import sqlite3
from dataclasses import dataclass

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError
from aiogram.types import Message, ReactionTypeEmoji

from bot.clock import Clock
from bot.config import Settings
from bot.db import Database
from bot.i18n import Locales, Translator
from bot.inquiries.access import StaffAccess
from bot.inquiries.hours import OfficeHours, parse_office_hours
from bot.inquiries.outbox import IDLE_WAKEUP, Outbox
from bot.inquiries.reminders import Reminders
from bot.inquiries.store import InquiryStore
from bot.inquiries.topics import ForumTopics
from bot.inquiries.recovery import Recovery
from bot.periodic import Periodic
from bot.services.roles import RoleService
from bot.services.users import UserService
from bot.views import inquiries as views

log = logging.getLogger(__name__)


@dataclass
class AnswerResult:
    ok: bool
    blocked: bool = False
    error: str = ""


class InquiryService:
    def __init__(self, db: Database, settings: Settings, locales: Locales, users: UserService,
                 roles: RoleService, clock: Clock) -> None:
        self.settings = settings
        self.locales = locales
        self.users = users
        self.clock = clock
        self.hours: OfficeHours = parse_office_hours(settings.office_hours)  # OfficeHoursError if bad
        # The staff chat is one room: it is spoken to in DEFAULT_LANGUAGE.
        self.staff_t: Translator = locales[settings.default_language]
        # One loop: the outbox (woken at once by new rows) and the daily reminder.
        self._loop = Periodic(self._pass, "inquiry-delivery", interval=IDLE_WAKEUP, min_sleep=1.0)
        self._bot: Bot | None = None
        self.store = InquiryStore(db, settings, clock, queued=self.wake)
        self.topics = ForumTopics(db, clock)
        self.access = StaffAccess(settings, roles, clock)
        self.outbox = Outbox(db, settings, self.store, self.topics, self.staff_t, clock, wake=self.wake)
        self.reminders = Reminders(db, settings, self.store, self.staff_t, clock)
        # What handlers call, as they always have; the parts own the work.
        self.get = self.store.get
        self.check_limits = self.store.check_limits
        self.create = self.store.create
        self.list_for_user = self.store.list_for_user
        self.inquiry_for_message = self.store.inquiry_for_message
        self.inquiry_for_thread = self.store.inquiry_for_thread
        self.map_message = self.store.map_message
        self.unanswered = self.store.unanswered
        self.can_answer = self.access.can_answer
        self.deliver_pending = self.outbox.deliver_pending
        self.enqueue_card = self.outbox.enqueue_card
        self.requeue = self.outbox.requeue
        self.receipt_sent = self.store.receipt_sent
        self.recovery = Recovery(self.store, users, locales, self.hours, clock, settings.default_language)

    @staticmethod
    def new_draft_key() -> str:
        return secrets.token_hex(8)

    def hours_text(self, t: Translator, timestamp: float) -> str:
        return views.hours_text(t, self.hours, timestamp)

    def when_text(self, t: Translator, timestamp: float) -> str:
        return views.when_text(t, self.hours, timestamp)

    async def student_language(self, inquiry: sqlite3.Row) -> str:
        lang = await self.users.get_language(inquiry["user_id"])
        return lang or inquiry["language"]

    async def add_followup(self, inquiry_id: int, message: Message) -> None:
        """The student replied to an answer: queue it for the staff chat, mark it waiting."""
        if message.text is not None:
            body, source_chat, source_id = message.text, None, None
        else:
            body, source_chat, source_id = message.caption or "", message.chat.id, message.message_id
        await self.store.add_followup(inquiry_id, chat_id=message.chat.id, message_id=message.message_id,
                                      body=body, source_chat_id=source_chat, source_message_id=source_id)

    # -------------------------------------------------------------- staff side
    async def answer(self, bot: Bot, inquiry_id: int, message: Message) -> AnswerResult:
        """Copy a staff message to the student under a header in the student's language."""
        inquiry = await self.store.get(inquiry_id)
        if inquiry is None:
            return AnswerResult(ok=False, error="not found")
        student = inquiry["user_id"]
        t = self.locales[await self.student_language(inquiry)]
        try:
            header = await bot.send_message(student, t("ask-answer-header", id=str(inquiry_id)))
            await self.store.map_message(student, header.message_id, inquiry_id, "header")
            copied = await bot.copy_message(student, message.chat.id, message.message_id)
        except TelegramForbiddenError:
            await self.users.set_active(student, False)
            return AnswerResult(ok=False, blocked=True)
        except TelegramAPIError as error:
            log.warning("answer to inquiry %s not delivered: %s", inquiry_id, error)
            return AnswerResult(ok=False, error=type(error).__name__)
        await self.store.record_answer(inquiry_id, student_id=student, copy_id=copied.message_id,
                                       staff_chat_id=message.chat.id, staff_message_id=message.message_id)
        await self.refresh_card_button(bot, inquiry_id)
        with contextlib.suppress(TelegramAPIError):
            await bot.set_message_reaction(message.chat.id, message.message_id, [ReactionTypeEmoji(emoji="👍")])
        return AnswerResult(ok=True)

    async def set_closed(self, bot: Bot, inquiry_id: int, closed: bool) -> bool:
        """Close or reopen; False if it already was. The student is told about a closing."""
        if not await self.store.set_closed(inquiry_id, closed):
            return False
        await self.refresh_card_button(bot, inquiry_id)
        if closed:
            inquiry = await self.store.get(inquiry_id)
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
        inquiry = await self.store.get(inquiry_id)
        if inquiry is None or inquiry["card_message_id"] is None:
            return
        with contextlib.suppress(TelegramAPIError):
            await bot.edit_message_reply_markup(
                chat_id=inquiry["card_chat_id"], message_id=inquiry["card_message_id"],
                reply_markup=views.card_markup(self.staff_t, inquiry),
            )

    async def send_reminders(self, bot: Bot, *, force: bool = False) -> int:
        return await self.reminders.send(bot, force=force)

    # ------------------------------------------------------------ background
    def wake(self) -> None:
        """New outbox rows: run a delivery pass now rather than at the next due time."""
        self._loop.wake()

    @property
    def running(self) -> bool:
        return self._loop.running

    async def start(self, bot: Bot) -> None:
        self._bot = bot
        self._loop.start()

    async def stop(self, bot: Bot) -> None:
        await self._loop.stop()
        self._bot = None

    async def _pass(self) -> float | None:
        bot = self._bot
        if bot is None:
            return None
        await self.outbox.deliver_pending(bot)
        await self.reminders.send(bot)
        return await self.outbox.next_wakeup()


__all__ = ["AnswerResult", "InquiryService"]

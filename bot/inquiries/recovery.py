"""After a crash: every question a student sent is either with the office and the student
knows its number, or the student is told it was not sent and offered the kept draft.

Run once at start-up, before the delivery loop. A kill -9 can fall
- after the inquiry was stored but before "received #N" went out: the stored inquiry has
  ``receipt_sent = 0``; the student is told its number now (the card goes to the staff
  chat through the outbox as always, exactly once);
- after Send was pressed but before the inquiry was stored: the draft, written to disk and
  marked ``sending`` before the store was tried, is still in the FSM storage; the student
  is told it was not sent and gets the summary with its Send button again;
- after Telegram handed the press to the bot but before its handler ran: the press is gone
  (Telegram counts it delivered) and the draft is not marked. A draft whose summary was
  shown in the last ``RECENT`` seconds may have been sent, so it is offered again too (once).
"""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError

from bot.clock import Clock
from bot.fsm import SqliteStorage
from bot.i18n import Locales
from bot.inquiries.drafts import DRAFT, AskFlow
from bot.inquiries.hours import OfficeHours
from bot.inquiries.store import InquiryStore
from bot.services.users import UserService
from bot.ui import Screen
from bot.views.inquiries import received_screen, summary_screen

log = logging.getLogger(__name__)

RECENT = 15 * 60


class Recovery:
    def __init__(self, store: InquiryStore, users: UserService, locales: Locales, hours: OfficeHours,
                 clock: Clock, default_language: str) -> None:
        self.store = store
        self.users = users
        self.locales = locales
        self.hours = hours
        self.clock = clock
        self.default_language = default_language

    async def _language(self, user_id: int, fallback: str | None = None) -> str:
        return await self.users.get_language(user_id) or fallback or self.default_language

    async def _send(self, bot: Bot, user_id: int, screen: Screen) -> None:
        try:
            await bot.send_message(user_id, screen.text, reply_markup=screen.markup)
        except TelegramAPIError as error:  # blocked, gone: nothing more to do for them
            log.warning("recovery: could not write to user %s: %s", user_id, type(error).__name__)

    async def run(self, bot: Bot, storage: SqliteStorage) -> tuple[int, int]:
        """Tell the receipts owed and offer the drafts left unsent; return both counts."""
        told = 0
        for row in await self.store.without_receipt():
            t = self.locales[await self._language(row["user_id"], row["language"])]
            await self._send(bot, row["user_id"], received_screen(t, self.hours, row["id"], row["created_at"]))
            await self.store.receipt_sent(row["id"])
            told += 1
        offered = 0
        for key, state, data in list(storage.entries()):
            draft = data.get(DRAFT) or {}
            recent = state == AskFlow.confirm.state and not draft.get("offered") and \
                self.clock() - float(draft.get("summary_at") or 0) < RECENT
            if not draft.get("sending") and not recent:
                continue
            if draft.get("key") and await self.store.by_draft_key(str(draft["key"])) is not None:
                # Stored after all (its receipt is handled above): the flow is over.
                data.pop(DRAFT, None)
                await storage.set_data(key, data)
                if state and state.startswith(AskFlow.__full_group_name__):
                    await storage.set_state(key, None)
                continue
            t = self.locales[await self._language(key.user_id)]
            draft["sending"] = False
            draft["offered"] = True
            data[DRAFT] = draft
            await storage.set_data(key, data)
            await storage.set_state(key, AskFlow.confirm)
            summary = summary_screen(t, draft)
            await self._send(bot, key.chat_id, Screen(t("ask-not-sent") + "\n\n" + summary.text, summary.markup))
            offered += 1
        await storage.flush()
        if told or offered:
            log.info("inquiry recovery: %d receipt(s) sent, %d unsent draft(s) offered again", told, offered)
        return told, offered

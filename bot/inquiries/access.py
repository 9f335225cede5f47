"""Who may answer an inquiry or use the staff chat's commands and buttons."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from cachetools import TTLCache

from bot.clock import Clock
from bot.config import Settings
from bot.services.roles import RoleService

log = logging.getLogger(__name__)

MEMBER_TTL = 60  # seconds a getChatMember answer is trusted
MEMBER_CACHE = 5000  # members remembered at most
MEMBER_STATUSES = {"creator", "administrator", "member"}


class StaffAccess:
    def __init__(self, settings: Settings, roles: RoleService, clock: Clock) -> None:
        self.settings = settings
        self.roles = roles
        # Every message in the staff chat asks; getChatMember for each would hit flood limits.
        self._members: TTLCache[tuple[int, int], bool] = TTLCache(maxsize=MEMBER_CACHE, ttl=MEMBER_TTL, timer=clock)

    async def can_answer(self, bot: Bot, user_id: int | None, sender_chat_id: int | None = None) -> bool:
        """Members of the staff chat, ADMIN_IDS and staff."""
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
        cached = self._members.get((chat_id, user_id))
        if cached is not None:
            return cached
        try:
            member = await bot.get_chat_member(chat_id, user_id)
        except TelegramAPIError as error:
            log.info("getChatMember %s failed: %s", user_id, type(error).__name__)
            return False
        status = getattr(member, "status", "")
        allowed = status in MEMBER_STATUSES or (status == "restricted" and bool(getattr(member, "is_member", False)))
        self._members[(chat_id, user_id)] = allowed
        return allowed

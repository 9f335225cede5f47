"""``/forget``: erase what the bot keeps about a student; keep only what the office needs.

Kept for the office's records: the text of past inquiries (with the topic and dates),
without name, username, phone, attachment or any link to the Telegram account.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.db import Database
from bot.services.users import UserService


@dataclass(frozen=True)
class ForgetReport:
    subscriptions: int
    inquiries_anonymised: int
    broadcast_rows: int


async def _has_table(db: Database, name: str) -> bool:
    return bool(await db.fetchval("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)))


async def forget_user(db: Database, users: UserService, user_id: int, now: int) -> ForgetReport:
    subscriptions = inquiries = broadcast_rows = 0
    async with db.transaction() as conn:
        if await _has_table(db, "subscriptions"):
            cursor = await conn.execute("DELETE FROM subscriptions WHERE user_id = ?", (user_id,))
            subscriptions = cursor.rowcount
        if await _has_table(db, "broadcast_recipients"):
            cursor = await conn.execute("DELETE FROM broadcast_recipients WHERE user_id = ?", (user_id,))
            broadcast_rows = cursor.rowcount
        if await _has_table(db, "inquiries"):
            # user_id 0 unlinks the text from the account; open inquiries are closed since
            # an answer could no longer reach anyone.
            cursor = await conn.execute(
                "UPDATE inquiries SET user_id = 0, first_name = '', last_name = '', username = NULL, "
                "phone = NULL, attachment_file_id = NULL, attachment_kind = NULL, source_chat_id = NULL, "
                "source_message_id = NULL, draft_key = NULL, "
                "status = 'closed', closed_at = COALESCE(closed_at, ?), waiting_since = NULL "
                "WHERE user_id = ?",
                (now, user_id),
            )
            inquiries = cursor.rowcount
            await conn.execute(
                "DELETE FROM inquiry_messages WHERE chat_id = ?", (user_id,)
            )
            if await _has_table(db, "inquiry_topics"):
                await conn.execute("DELETE FROM inquiry_topics WHERE user_id = ?", (user_id,))
        await conn.execute("DELETE FROM users WHERE id = ?", (user_id,))
    users.forget_cached(user_id)
    return ForgetReport(subscriptions, inquiries, broadcast_rows)

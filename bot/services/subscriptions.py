"""Which topics a student receives broadcasts for."""

from __future__ import annotations

from bot.clock import Clock
from bot.db import Database

# (topic, message key of its name). Order is the order of the buttons.
TOPICS: tuple[tuple[str, str], ...] = (
    ("news", "sub-topic-news"),
    ("openings", "sub-topic-openings"),
    ("deadlines", "sub-topic-deadlines"),
)
TOPIC_KEYS: dict[str, str] = dict(TOPICS)


class SubscriptionService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    async def topics(self, user_id: int) -> set[str]:
        rows = await self.db.fetchall("SELECT topic FROM subscriptions WHERE user_id = ?", (user_id,))
        return {row["topic"] for row in rows}

    async def set(self, user_id: int, topic: str, on: bool) -> bool:
        """Turn a topic on or off; True if that changed anything."""
        if topic not in TOPIC_KEYS:
            raise ValueError(f"unknown topic {topic!r}")
        if on:
            changed = await self.db.execute_rowcount(
                "INSERT OR IGNORE INTO subscriptions (user_id, topic, created_at) VALUES (?, ?, ?)",
                (user_id, topic, int(self.clock())),
            )
        else:
            changed = await self.db.execute_rowcount(
                "DELETE FROM subscriptions WHERE user_id = ? AND topic = ?", (user_id, topic)
            )
        return changed > 0

    async def toggle(self, user_id: int, topic: str) -> bool:
        """Flip one topic; return whether it is now on."""
        on = topic not in await self.topics(user_id)
        await self.set(user_id, topic, on)
        return on

    async def count(self, topic: str, *, active_only: bool = True) -> int:
        sql = "SELECT COUNT(*) FROM subscriptions s"
        if active_only:
            sql += " JOIN users u ON u.id = s.user_id AND u.is_active = 1"
        return int(await self.db.fetchval(sql + " WHERE s.topic = ?", (topic,), default=0))

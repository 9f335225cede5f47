"""Figures for ``/stats``: users, subscribers, inquiries, searches, and the last 30 days.

Read-only queries over other features' tables (users, subscriptions, inquiries and
inquiry_messages, search_log); the search service's own top-query methods are used when
it is there.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field
from typing import Any

from bot.clock import Clock
from bot.db import Database
from bot.kb.models import LANGUAGES
from bot.search import SearchService
from bot.services.users import UserService

DAY = 86_400
TOPICS = ("news", "openings", "deadlines")
CHART_DAYS = 30


@dataclass
class Stats:
    now: float
    users_total: int = 0
    users_blocked: int = 0
    by_language: dict[str, int] = field(default_factory=dict)  # tg, ru, en and "" (not chosen yet)
    new_7: int = 0
    new_30: int = 0
    active_7: int = 0
    active_30: int = 0
    subscribers: dict[str, int] = field(default_factory=dict)
    inquiries_received: int = 0
    inquiries_answered: int = 0
    inquiries_open: int = 0  # waiting for staff
    median_first_answer: float | None = None  # seconds
    top_queries: list[tuple[str, int]] = field(default_factory=list)
    top_not_found: list[tuple[str, int]] = field(default_factory=list)
    days: list[dt.date] = field(default_factory=list)  # the last 30 days, oldest first
    new_users_per_day: list[int] = field(default_factory=list)
    inquiries_per_day: list[int] = field(default_factory=list)


class StatsService:
    def __init__(self, db: Database, clock: Clock, search: SearchService, users: UserService) -> None:
        self.db = db
        self.clock = clock
        self.search = search
        self.users = users  # UserService: its batched last_seen stamps are written first

    async def _count(self, sql: str, params: tuple[Any, ...] = ()) -> int:
        return int(await self.db.fetchval(sql, params, default=0) or 0)

    async def collect(self, *, top: int = 5) -> Stats:
        now = self.clock()
        stats = Stats(now=now)
        week, month = int(now) - 7 * DAY, int(now) - 30 * DAY
        # Users.
        stats.by_language = {lang: 0 for lang in LANGUAGES}
        stats.by_language[""] = 0
        for row in await self.db.fetchall("SELECT COALESCE(language, '') AS lang, COUNT(*) AS n FROM users GROUP BY 1"):
            stats.by_language[row["lang"]] = row["n"]
        stats.users_total = sum(stats.by_language.values())
        stats.users_blocked = await self._count("SELECT COUNT(*) FROM users WHERE is_active = 0")
        stats.new_7 = await self._count("SELECT COUNT(*) FROM users WHERE first_seen >= ?", (week,))
        stats.new_30 = await self._count("SELECT COUNT(*) FROM users WHERE first_seen >= ?", (month,))
        await self.users.flush_seen()
        stats.active_7 = await self._count("SELECT COUNT(*) FROM users WHERE last_seen >= ?", (week,))
        stats.active_30 = await self._count("SELECT COUNT(*) FROM users WHERE last_seen >= ?", (month,))
        # Subscribers: students who still receive messages (as the broadcast audience counts them).
        stats.subscribers = {topic: 0 for topic in TOPICS}
        for row in await self.db.fetchall(
            "SELECT s.topic, COUNT(*) AS n FROM subscriptions s JOIN users u ON u.id = s.user_id AND u.is_active = 1 "
            "GROUP BY s.topic"
        ):
            stats.subscribers[row["topic"]] = row["n"]
        # Inquiries: the first answer is the earliest answer message mapped to the inquiry
        # (answered_at holds the latest answer).
        stats.inquiries_received = await self._count("SELECT COUNT(*) FROM inquiries")
        stats.inquiries_open = await self._count("SELECT COUNT(*) FROM inquiries WHERE status = 'received'")
        rows = await self.db.fetchall(
            "SELECT i.created_at, COALESCE((SELECT MIN(m.created_at) FROM inquiry_messages m "
            "WHERE m.inquiry_id = i.id AND m.role = 'answer'), i.answered_at) AS first_answer FROM inquiries i"
        )
        waits = [row["first_answer"] - row["created_at"] for row in rows if row["first_answer"] is not None]
        stats.inquiries_answered = len(waits)
        stats.median_first_answer = float(statistics.median(waits)) if waits else None
        # Searches of the last 30 days.
        stats.top_queries, stats.top_not_found = await self._searches(month, top)
        # Daily series for the chart (office days).
        today = self.clock.local(now).date()
        stats.days = [today - dt.timedelta(days=CHART_DAYS - 1 - i) for i in range(CHART_DAYS)]
        first = self.clock.day_start(stats.days[0])
        stats.new_users_per_day = await self._per_day("SELECT first_seen FROM users WHERE first_seen >= ?", first, stats.days)
        stats.inquiries_per_day = await self._per_day(
            "SELECT created_at FROM inquiries WHERE created_at >= ?", first, stats.days
        )
        return stats

    async def _per_day(self, sql: str, since: float, days: list[dt.date]) -> list[int]:
        index = {day: i for i, day in enumerate(days)}
        counts = [0] * len(days)
        for row in await self.db.fetchall(sql, (int(since),)):
            i = index.get(self.clock.local(row[0]).date())
            if i is not None:
                counts[i] += 1
        return counts

    async def _searches(self, since: int, top: int) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        asked = await self.search.top_queries(top, since=since)
        missing = await self.search.top_not_found(top, since=since)
        return [(q.query, q.count) for q in asked], [(q.query, q.count) for q in missing]

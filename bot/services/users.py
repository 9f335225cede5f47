"""Users: language choice and last-seen, with an in-memory cache.

Looking up the language is needed for every update; the cache makes that free for a user
seen recently, and ``last_seen`` is written at most once per ``TOUCH_INTERVAL``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from cachetools import LRUCache

from bot.db import Database

TOUCH_INTERVAL = 600  # seconds between two last_seen writes for one user
CACHE_SIZE = 50_000
SEEN_BATCH = 200  # last_seen stamps written together
SEEN_FLUSH_SECONDS = 10.0


@dataclass(slots=True)
class CachedUser:
    language: str | None
    touched_at: float
    onboarded: bool
    is_active: bool
    guessed: str | None = None  # from what they wrote, while ``language`` is unset
    # The last question answered and when, for a follow-up ("and 2018?"): kept in memory
    # only, as a conversation's context is (a restart forgets it; no write per question).
    last_question: str | None = None
    last_question_at: float = 0.0
    # The cards the last answer's numbered items open, for a typed "2" (bot/views/picks.py).
    last_list: tuple[str, ...] = ()
    last_list_at: float = 0.0


class UserService:
    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.clock = clock
        self._cache: LRUCache[int, CachedUser] = LRUCache(CACHE_SIZE)
        self._seen: dict[int, int] = {}
        self._seen_since = clock()

    def _remember(self, user_id: int, entry: CachedUser) -> CachedUser:
        self._cache[user_id] = entry
        return entry

    async def touch(self, user_id: int) -> CachedUser:
        """Record that the user is here; return what we know of them.

        Known users cost a read at most; their ``last_seen`` is written in batches, so that
        a crowd arriving at once (after a restart, after a broadcast) does not queue every
        update behind the database's single writer.
        """
        now = self.clock()
        entry = self._cache.get(user_id)
        if entry is not None and entry.is_active and now - entry.touched_at < TOUCH_INTERVAL:
            return entry
        stamp = int(now)
        if entry is None:
            row = await self.db.fetchone(
                "SELECT language, onboarded, is_active FROM users WHERE id = ?", (user_id,)
            )
            if row is None:
                # A new user: the row is written at once (others update it by id).
                await self.db.execute(
                    "INSERT INTO users (id, first_seen, last_seen) VALUES (?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen, is_active = 1",
                    (user_id, stamp, stamp),
                )
                return self._remember(user_id, CachedUser(None, now, False, True))
            entry = self._remember(
                user_id, CachedUser(row["language"], now, bool(row["onboarded"]), bool(row["is_active"]))
            )
        if not entry.is_active:
            # Back after blocking the bot: a broadcast may go to them again.
            await self.db.execute("UPDATE users SET is_active = 1, last_seen = ? WHERE id = ?", (stamp, user_id))
            entry.is_active = True
        entry.touched_at = now
        self._seen[user_id] = stamp
        if len(self._seen) >= SEEN_BATCH or now - self._seen_since >= SEEN_FLUSH_SECONDS:
            await self.flush_seen()
        return entry

    async def flush_seen(self) -> None:
        """Write the batched ``last_seen`` stamps (also on close and before statistics)."""
        self._seen_since = self.clock()
        if not self._seen:
            return
        rows, self._seen = self._seen, {}
        await self.db.executemany(
            "UPDATE users SET last_seen = ? WHERE id = ? AND last_seen < ?",
            [(stamp, user_id, stamp) for user_id, stamp in rows.items()],
        )

    async def set_language(self, user_id: int, language: str) -> None:
        now = int(self.clock())
        await self.db.execute(
            "INSERT INTO users (id, language, first_seen, last_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET language = excluded.language, last_seen = excluded.last_seen",
            (user_id, language, now, now),
        )
        entry = self._cache.get(user_id)
        if entry is not None:
            entry.language = language
        else:
            self._remember(user_id, CachedUser(language, self.clock(), False, True))

    def remember_question(self, user_id: int, text: str, at: float) -> None:
        entry = self._cache.get(user_id)
        if entry is not None:
            entry.last_question, entry.last_question_at = text, at

    def last_question(self, user_id: int) -> tuple[str | None, float]:
        entry = self._cache.get(user_id)
        return (entry.last_question, entry.last_question_at) if entry is not None else (None, 0.0)

    def remember_list(self, user_id: int, links: tuple[str, ...], at: float) -> None:
        entry = self._cache.get(user_id)
        if entry is not None and (links or entry.last_list):
            entry.last_list, entry.last_list_at = links, at

    def last_list(self, user_id: int) -> tuple[tuple[str, ...], float]:
        entry = self._cache.get(user_id)
        return (entry.last_list, entry.last_list_at) if entry is not None else ((), 0.0)

    def guessed_language(self, user_id: int) -> str | None:
        """The language a student without a chosen one was last answered in, if known."""
        entry = self._cache.get(user_id)
        return entry.guessed if entry is not None else None

    async def get_language(self, user_id: int) -> str | None:
        entry = self._cache.get(user_id)
        if entry is not None:
            return entry.language
        return await self.db.fetchval("SELECT language FROM users WHERE id = ?", (user_id,))

    async def mark_onboarded(self, user_id: int) -> bool:
        """True the first time only: the subscription offer is made once."""
        changed = await self.db.execute_rowcount(
            "UPDATE users SET onboarded = 1 WHERE id = ? AND onboarded = 0", (user_id,)
        )
        entry = self._cache.get(user_id)
        if entry is not None:
            entry.onboarded = True
        return changed > 0

    async def set_active(self, user_id: int, active: bool) -> None:
        await self.db.execute("UPDATE users SET is_active = ? WHERE id = ?", (int(active), user_id))
        entry = self._cache.get(user_id)
        if entry is not None:
            entry.is_active = active

    def forget_cached(self, user_id: int) -> None:
        self._cache.pop(user_id, None)

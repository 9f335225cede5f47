"""Who is staff. Checked on every staff update (buttons included), so it is cached."""

from __future__ import annotations

import time
from collections.abc import Callable

from bot.config import Settings
from bot.db import Database


class RoleService:
    def __init__(self, db: Database, settings: Settings, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self._staff: set[int] | None = None

    def is_admin(self, user_id: int | None) -> bool:
        return self.settings.is_admin(user_id)

    async def staff_ids(self) -> set[int]:
        if self._staff is None:
            rows = await self.db.fetchall("SELECT user_id FROM staff")
            self._staff = {row["user_id"] for row in rows}
        return self._staff

    async def is_staff(self, user_id: int | None) -> bool:
        if user_id is None:
            return False
        return self.is_admin(user_id) or user_id in await self.staff_ids()

    async def add_staff(self, user_id: int, name: str, added_by: int) -> bool:
        changed = await self.db.execute_rowcount(
            "INSERT OR IGNORE INTO staff (user_id, name, added_by, added_at) VALUES (?, ?, ?, ?)",
            (user_id, name, added_by, int(self.clock())),
        )
        self._staff = None
        return changed > 0

    async def remove_staff(self, user_id: int) -> bool:
        changed = await self.db.execute_rowcount("DELETE FROM staff WHERE user_id = ?", (user_id,))
        self._staff = None
        return changed > 0

    async def list_staff(self) -> list[tuple[int, str]]:
        rows = await self.db.fetchall("SELECT user_id, name FROM staff ORDER BY added_at")
        return [(row["user_id"], row["name"]) for row in rows]

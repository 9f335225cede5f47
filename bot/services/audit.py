"""Audit log: every change made from the staff console, with who, when, before and after.

Knowledge-base edits write their audit row inside the transaction that changes the record
(``write``), so a change is never stored without its audit row or the other way round.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiosqlite

from bot.db import Database

ACTIONS = ("add", "change", "remove")


@dataclass(frozen=True)
class AuditEntry:
    id: int
    user_id: int
    created_at: int
    action: str
    kind: str
    record_id: str
    before: Any  # decoded JSON, None for an addition
    after: Any  # decoded JSON, None for a removal


def _encode(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value  # already JSON (the canonical form of a record)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class AuditLog:
    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.clock = clock

    async def write(
        self,
        conn: aiosqlite.Connection,
        user_id: int,
        action: str,
        kind: str,
        record_id: str,
        before: Any,
        after: Any,
    ) -> None:
        """Add a row inside the caller's transaction (``async with db.transaction() as conn``)."""
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        await conn.execute(
            "INSERT INTO audit_log (user_id, created_at, action, kind, record_id, before, after) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (user_id, int(self.clock()), action, kind, record_id, _encode(before), _encode(after)),
        )

    async def record(self, user_id: int, action: str, kind: str, record_id: str, before: Any, after: Any) -> None:
        """Add a row in a transaction of its own (changes that are not knowledge-base records)."""
        async with self.db.transaction() as conn:
            await self.write(conn, user_id, action, kind, record_id, before, after)

    async def entries(self, kind: str | None = None, record_id: str | None = None, limit: int = 50) -> list[AuditEntry]:
        """Newest first."""
        where, params = [], []
        if kind is not None:
            where.append("kind = ?")
            params.append(kind)
        if record_id is not None:
            where.append("record_id = ?")
            params.append(record_id)
        sql = "SELECT * FROM audit_log"
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = await self.db.fetchall(sql + " ORDER BY id DESC LIMIT ?", (*params, limit))
        return [
            AuditEntry(
                id=row["id"],
                user_id=row["user_id"],
                created_at=row["created_at"],
                action=row["action"],
                kind=row["kind"],
                record_id=row["record_id"],
                before=json.loads(row["before"]) if row["before"] is not None else None,
                after=json.loads(row["after"]) if row["after"] is not None else None,
            )
            for row in rows
        ]

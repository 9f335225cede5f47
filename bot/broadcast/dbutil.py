"""Reads that are safe while the worker writes on the same connection.

``Database.fetchall`` runs ``execute`` and ``fetchall`` as two steps on the shared aiosqlite
connection; a write of another task in between changes the table under a pending SELECT
(undefined results in SQLite: rows skipped, NULL columns). ``execute_fetchall`` runs both in
one step on the connection's thread.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from bot.db import Database


async def fetch_all(db: Database, sql: str, params: Any = ()) -> list[sqlite3.Row]:
    return list(await db.conn.execute_fetchall(sql, params))

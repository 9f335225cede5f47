"""The database: one writer connection and one read-only reader connection.

SQLite allows one writer; with a single connection, statements of concurrent handlers
would interleave inside each other's transactions. Every write therefore takes
``write_lock`` on the writer. Reads go to a second, read-only connection: sharing the
writer's, a read issued while another task is inside ``transaction()`` would see that
task's uncommitted rows. WAL gives the reader the last committed state, statement by
statement. (An in-memory database has no second view of itself: there both are one.)
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from bot.db.migrations import apply_migrations

log = logging.getLogger(__name__)

Params = Sequence[Any] | dict[str, Any]


class Database:
    def __init__(self, conn: aiosqlite.Connection, path: str, reader: aiosqlite.Connection | None = None) -> None:
        self.conn = conn
        self.reader = reader or conn
        self.path = path
        self.write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: str | Path, *, migrate: bool = True) -> Database:
        path = str(path)
        if path != ":memory:" and not path.startswith("file:"):
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: autocommit; transactions are opened explicitly below.
        conn = await aiosqlite.connect(path, isolation_level=None)
        conn.row_factory = sqlite3.Row
        await conn.execute("PRAGMA journal_mode=WAL")
        await conn.execute("PRAGMA foreign_keys=ON")
        await conn.execute("PRAGMA busy_timeout=5000")
        await conn.execute("PRAGMA synchronous=NORMAL")
        db = cls(conn, path)
        if migrate:
            await apply_migrations(conn, db.write_lock)
        if path != ":memory:" and "mode=memory" not in path:
            db.reader = await _open_reader(path)
        return db

    async def close(self) -> None:
        if self.reader is not self.conn:
            await self.reader.close()
        await self.conn.close()

    # Execute and fetch in one trip to aiosqlite's thread: as two steps, a write of another
    # task on the shared connection could run between them and reset the statement.
    async def fetchone(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        rows = await self.reader.execute_fetchall(sql, params)
        return rows[0] if rows else None

    async def fetchall(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return list(await self.reader.execute_fetchall(sql, params))

    async def fetchval(self, sql: str, params: Params = (), default: Any = None) -> Any:
        row = await self.fetchone(sql, params)
        return default if row is None else row[0]

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one write statement in its own transaction; return lastrowid."""
        async with self.write_lock:
            cursor = await self.conn.execute(sql, params)
            try:
                return cursor.lastrowid or cursor.rowcount
            finally:
                await cursor.close()

    async def execute_rowcount(self, sql: str, params: Params = ()) -> int:
        async with self.write_lock:
            cursor = await self.conn.execute(sql, params)
            try:
                return cursor.rowcount
            finally:
                await cursor.close()

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        async with self.transaction() as conn:
            await conn.executemany(sql, rows)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``; rolled back on any exception."""
        async with self.write_lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise
            else:
                await self.conn.execute("COMMIT")

    async def backup_to(self, target: str | Path) -> None:
        """A consistent copy while the bot runs (SQLite's online backup API)."""
        async with self.write_lock:
            dest = await aiosqlite.connect(str(target))
            try:
                await self.conn.backup(dest)
            finally:
                await dest.close()


async def _open_reader(path: str) -> aiosqlite.Connection:
    uri = path if path.startswith("file:") else f"file:{Path(path).resolve()}"
    uri += ("&" if "?" in uri else "?") + "mode=ro"
    reader = await aiosqlite.connect(uri, uri=True, isolation_level=None)
    reader.row_factory = sqlite3.Row
    await reader.execute("PRAGMA busy_timeout=5000")
    return reader

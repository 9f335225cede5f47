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
import os
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from bot.db.migrations import apply_migrations, latest_version

log = logging.getLogger(__name__)

Params = Sequence[Any] | dict[str, Any]

SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseOpenError(Exception):
    """The database cannot be used; ``str()`` is one line naming DATABASE_PATH and the cause."""


def preflight(path: Path) -> None:
    """Look at an existing file read-only before anything writes to it.

    Opening it read-write would already change it (WAL mode, a migration) before we know
    it is ours: a newer bot's schema, another program's file or a corrupt copy must be
    left exactly as found.
    """
    where = f"DATABASE_PATH={path}"
    if not path.parent.is_dir():
        raise DatabaseOpenError(f"{where}: the directory {path.parent} does not exist; create it or fix the path")
    if not path.exists():
        if not os.access(path.parent, os.W_OK):
            raise DatabaseOpenError(f"{where}: the directory {path.parent} is not writable")
        return
    if path.is_dir():
        raise DatabaseOpenError(f"{where}: is a directory, not a database file")
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseOpenError(f"{where}: cannot be read ({error.strerror})") from None
    if header and header != SQLITE_HEADER:
        raise DatabaseOpenError(f"{where}: is not an SQLite database (another kind of file); move it away or fix the path")
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseOpenError(f"{where}: is read-only; the bot needs to write to the file and its directory")
    if not header:
        return  # an empty file is a new database
    try:
        conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseOpenError(f"{where}: is corrupt ({error}); restore a backup") from None
    latest = latest_version()
    if version > latest:
        raise DatabaseOpenError(
            f"{where}: schema version {version} is newer than this bot's ({latest}); "
            "upgrade the bot or restore a matching backup"
        )
    if check != "ok":
        raise DatabaseOpenError(f"{where}: is corrupt ({check}); restore a backup")


class Database:
    def __init__(self, conn: aiosqlite.Connection, path: str, reader: aiosqlite.Connection | None = None) -> None:
        self.conn = conn
        self.reader = reader or conn
        self.path = path
        self.write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: str | Path, *, migrate: bool = True) -> Database:
        path = str(path)
        on_disk = path != ":memory:" and not path.startswith("file:")
        if on_disk:
            await asyncio.to_thread(preflight, Path(path))
        # isolation_level=None: autocommit; transactions are opened explicitly below.
        conn = await aiosqlite.connect(path, isolation_level=None)
        db = cls(conn, path)
        try:
            conn.row_factory = sqlite3.Row
            await conn.execute("PRAGMA journal_mode=WAL")
            await conn.execute("PRAGMA foreign_keys=ON")
            await conn.execute("PRAGMA busy_timeout=5000")
            await conn.execute("PRAGMA synchronous=NORMAL")
            if migrate:
                await apply_migrations(conn, db.write_lock)
            if path != ":memory:" and "mode=memory" not in path:
                db.reader = await _open_reader(path)
        except BaseException as error:
            # aiosqlite runs a thread per connection: left open, the process never exits.
            await db.close()
            if isinstance(error, sqlite3.Error):
                raise DatabaseOpenError(f"DATABASE_PATH={path}: {error}") from None
            raise
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

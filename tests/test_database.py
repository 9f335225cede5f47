"""The database layer: reads never see another task's uncommitted writes."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.db import Database


async def test_read_during_open_transaction_sees_only_committed_rows(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "t.sqlite3")
    try:
        await db.execute("CREATE TABLE t (x INTEGER)")
        inside = asyncio.Event()
        release = asyncio.Event()

        async def writer() -> None:
            async with db.transaction() as conn:
                await conn.execute("INSERT INTO t VALUES (1)")
                inside.set()
                await release.wait()

        task = asyncio.create_task(writer())
        await inside.wait()
        # Another handler reads while the writer's transaction is open.
        assert await db.fetchval("SELECT count(*) FROM t") == 0
        release.set()
        await task
        assert await db.fetchval("SELECT count(*) FROM t") == 1
    finally:
        await db.close()


async def test_reader_is_read_only(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "t.sqlite3")
    try:
        await db.execute("CREATE TABLE t (x INTEGER)")
        try:
            await db.reader.execute("INSERT INTO t VALUES (1)")
        except Exception as error:  # sqlite3.OperationalError: attempt to write a readonly database
            assert "readonly" in str(error).replace(" ", "").replace("-", "")
        else:
            raise AssertionError("the reader connection accepted a write")
    finally:
        await db.close()

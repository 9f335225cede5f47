"""Versioned schema: ``bot/db/sql/NNNN_name.sql`` applied in order.

``PRAGMA user_version`` holds the number of the last applied file, so a database of any
age is brought up to date on start and a new one is created from scratch.
"""

from __future__ import annotations

import logging
import re
import asyncio
from pathlib import Path

import aiosqlite

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("sql")
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def discover() -> list[tuple[int, Path]]:
    found = []
    for path in MIGRATIONS_DIR.iterdir():
        match = _NAME.match(path.name)
        if match:
            found.append((int(match.group(1)), path))
    found.sort()
    versions = [v for v, _ in found]
    if versions != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..N without gaps, found {versions}")
    return found


def latest_version() -> int:
    migrations = discover()
    return migrations[-1][0] if migrations else 0


async def apply_migrations(conn: aiosqlite.Connection, write_lock: asyncio.Lock) -> int:
    rows = await conn.execute_fetchall("PRAGMA user_version")
    current = rows[0][0] if rows else 0
    migrations = discover()
    latest = migrations[-1][0] if migrations else 0
    if current > latest:
        raise RuntimeError(
            f"database schema version {current} is newer than this code ({latest}); "
            "upgrade the bot or restore a matching backup"
        )
    for version, path in migrations:
        if version <= current:
            continue
        sql = path.read_text(encoding="utf-8")
        async with write_lock:
            # executescript commits first; the whole file plus the version bump is one
            # transaction, so a failed migration leaves the previous version intact.
            await conn.executescript(
                f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;"
            )
        log.info("applied migration %s", path.name)
    return latest

"""Versioned schema: ``bot/db/sql/NNNN_name.sql`` applied in order.

``PRAGMA user_version`` holds the number of the last applied file, so a database of any
age is brought up to date on start and a new one is created from scratch.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.db.database import Database

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


async def apply_migrations(db: Database) -> int:
    current = await db.fetchval("PRAGMA user_version", default=0)
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
        async with db.write_lock:
            # executescript commits first; the whole file plus the version bump is one
            # transaction, so a failed migration leaves the previous version intact.
            await db.conn.executescript(
                f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;"
            )
        log.info("applied migration %s", path.name)
    return latest

"""FSM storage in the bot's own SQLite database, so a restart loses no draft.

aiogram reads a user's state on every update (to choose handlers), so reads come from
memory: one process owns the database (``bot.instance``), which makes an in-memory copy,
loaded once at start-up, authoritative. Changes are written behind, in one transaction
every ``FLUSH_SECONDS`` and at shutdown: a step of a flow costs no database write on the
way to its answer. A kill -9 can lose the last half second of flow steps, never a sent
inquiry (that is stored in its own table before it is acknowledged). Writes that change
nothing are skipped.

Chosen over a package (aiogram ships memory, Redis and Mongo storages; the SQLite ones on
PyPI open their own connection and read on every update) because it runs on the
project's single writer connection and costs no read at all on the hot path.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey

from bot.clock import Clock
from bot.db import Database
from bot.periodic import Periodic

FLUSH_SECONDS = 0.5


def storage_key(key: StorageKey) -> str:
    parts = [str(key.bot_id), str(key.chat_id), str(key.user_id)]
    if key.thread_id:
        parts.append(f"t{key.thread_id}")
    if key.business_connection_id:
        parts.append(f"b{key.business_connection_id}")
    parts.append(key.destiny)
    return ":".join(parts)


def parse_key(name: str) -> StorageKey | None:
    parts = name.split(":")
    try:
        bot_id, chat_id, user_id = int(parts[0]), int(parts[1]), int(parts[2])
    except (IndexError, ValueError):
        return None
    thread = next((int(p[1:]) for p in parts[3:-1] if p.startswith("t") and p[1:].isdecimal()), None)
    business = next((p[1:] for p in parts[3:-1] if p.startswith("b")), None)
    return StorageKey(bot_id=bot_id, chat_id=chat_id, user_id=user_id, thread_id=thread,
                      business_connection_id=business, destiny=parts[-1])


class SqliteStorage(BaseStorage):
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self._states: dict[str, str] = {}
        self._data: dict[str, dict[str, Any]] = {}
        self._dirty: set[str] = set()
        self._flusher = Periodic(self._flush_pass, "fsm-flush", interval=FLUSH_SECONDS)

    async def load(self) -> None:
        for row in await self.db.fetchall("SELECT key, state, data FROM fsm"):
            if row["state"] is not None:
                self._states[row["key"]] = row["state"]
            data = json.loads(row["data"] or "{}")
            if data:
                self._data[row["key"]] = data

    def entries(self) -> Iterator[tuple[StorageKey, str | None, dict[str, Any]]]:
        """Every key with a state or data (start-up recovery looks for unsent drafts)."""
        for name in set(self._states) | set(self._data):
            key = parse_key(name)
            if key is not None:
                yield key, self._states.get(name), dict(self._data.get(name, {}))

    async def _write(self, name: str) -> None:
        self._dirty.add(name)

    async def flush(self) -> None:
        """Write every changed key in one transaction."""
        if not self._dirty:
            return
        names, self._dirty = self._dirty, set()
        now = int(self.clock())
        gone = [(n,) for n in names if n not in self._states and not self._data.get(n)]
        kept = [(n, self._states.get(n), json.dumps(self._data.get(n) or {}, ensure_ascii=False), now)
                for n in names if n in self._states or self._data.get(n)]
        try:
            async with self.db.transaction() as conn:
                await conn.executemany("DELETE FROM fsm WHERE key = ?", gone)
                await conn.executemany(
                    "INSERT INTO fsm (key, state, data, updated_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET state = excluded.state, data = excluded.data, "
                    "updated_at = excluded.updated_at",
                    kept,
                )
        except BaseException:
            self._dirty |= names  # written next time
            raise

    async def _flush_pass(self) -> None:
        await self.flush()

    async def start(self) -> None:
        self._flusher.start()

    async def stop(self) -> None:
        await self._flusher.stop()
        await self.flush()

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        name = storage_key(key)
        value = state.state if isinstance(state, State) else state
        if self._states.get(name) == value:
            return
        if value is None:
            self._states.pop(name, None)
        else:
            self._states[name] = value
        await self._write(name)

    async def get_state(self, key: StorageKey) -> str | None:
        return self._states.get(storage_key(key))

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        name = storage_key(key)
        value = dict(data)
        if self._data.get(name, {}) == value:
            return
        # JSON round trip now, not at the next start: a value that cannot be stored must
        # fail the handler that put it there, not surface after a restart.
        value = json.loads(json.dumps(value, ensure_ascii=False))
        if value:
            self._data[name] = value
        else:
            self._data.pop(name, None)
        await self._write(name)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        return dict(self._data.get(storage_key(key), {}))

    async def close(self) -> None:
        # The database belongs to the App, which flushes this storage before closing it.
        return None

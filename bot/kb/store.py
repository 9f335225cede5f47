"""The knowledge base in the database, and an in-memory snapshot of it for the handlers.

Menus are the hot path: reading them from an immutable snapshot costs no query. The
snapshot is rebuilt from the database after every change (load, import, edit).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bot.db import Database
from cachetools import LRUCache

from bot.periodic import Periodic
from bot.kb.models import (
    Contacts,
    Country,
    Event,
    Faq,
    Institution,
    Mobility,
    Office,
    Opening,
    Project,
)
from bot.kb.sources import SOURCE_BY_KIND, SOURCES, ParsedRecord, read_sources

log = logging.getLogger(__name__)


# How often the running bot looks for changes made by another process (kb import).
WATCH_SECONDS = 2.0

# Rendered screens kept per snapshot: every card in every language fits several times over.
SCREEN_CACHE_SIZE = 4096


@dataclass(frozen=True)
class LoadReport:
    added: list[tuple[str, str]] = field(default_factory=list)
    changed: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed"


@dataclass(frozen=True)
class KbSnapshot:
    office: Office | None = None
    contacts: Contacts | None = None
    countries: dict[str, Country] = field(default_factory=dict)
    institutions: dict[str, Institution] = field(default_factory=dict)
    projects: dict[str, Project] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    mobility: dict[str, Mobility] = field(default_factory=dict)
    openings: dict[str, Opening] = field(default_factory=dict)
    faq: dict[str, Faq] = field(default_factory=dict)
    # Derived lookups, computed once per snapshot.
    by_country: dict[str, list[Institution]] = field(default_factory=dict)
    events_newest: list[Event] = field(default_factory=list)
    events_by_institution: dict[str, list[Event]] = field(default_factory=dict)
    # Rendered screens of this snapshot (see bot.ui.cached_screen); dies with the snapshot,
    # so an edit of the knowledge base can never show a stale card.
    screen_cache: LRUCache[Any, Any] = field(default_factory=lambda: LRUCache(SCREEN_CACHE_SIZE), compare=False, repr=False)

    @classmethod
    def build(cls, by_kind: dict[str, list[BaseModel]]) -> KbSnapshot:
        def as_dict(kind: str, key: str = "id") -> dict[str, Any]:
            return {getattr(m, key): m for m in by_kind.get(kind, [])}

        single = {kind: (by_kind.get(kind) or [None])[0] for kind in ("office", "contacts")}
        institutions = as_dict("institution")
        events = as_dict("event")
        by_country: dict[str, list[Institution]] = {}
        for inst in institutions.values():
            by_country.setdefault(inst.country, []).append(inst)
        for items in by_country.values():
            items.sort(key=lambda i: (i.order, i.id))
        newest = sorted(events.values(), key=lambda e: (e.date, e.id), reverse=True)
        by_inst: dict[str, list[Event]] = {}
        for event in newest:
            for inst_id in event.institutions:
                by_inst.setdefault(inst_id, []).append(event)
        return cls(
            office=single["office"],  # type: ignore[arg-type]
            contacts=single["contacts"],  # type: ignore[arg-type]
            countries=as_dict("country", "code"),
            institutions=institutions,
            projects=as_dict("project"),
            events=events,
            mobility=as_dict("mobility"),
            openings=as_dict("opening"),
            faq=as_dict("faq"),
            by_country=by_country,
            events_newest=newest,
            events_by_institution=by_inst,
        )

    def countries_by_count(self) -> list[tuple[Country, int]]:
        """Countries with at least one partner, most partners first, then by code."""
        rows = [(self.countries[c], len(items)) for c, items in self.by_country.items() if c in self.countries]
        rows.sort(key=lambda row: (-row[1], row[0].code))
        return rows

    def open_openings(self, today: Any) -> list[Opening]:
        return [o for o in self.openings.values() if o.is_open(today)]


def _canonical(model: BaseModel) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)


def files_digest(data_dir: Path) -> str:
    digest = hashlib.sha256()
    for source in SOURCES:
        path = data_dir / source.filename
        digest.update(source.filename.encode())
        digest.update(path.read_bytes() if path.exists() else b"\0missing")
    return digest.hexdigest()


class KnowledgeBase:
    """Handlers read ``kb.snapshot``; writers call ``apply`` then the snapshot is swapped."""

    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.clock = clock
        self.snapshot = KbSnapshot()
        self.version: str | None = None
        self._listeners: list[Callable[[KbSnapshot], Any]] = []
        self._watcher = Periodic(self.reload_if_changed, "kb-watch", interval=WATCH_SECONDS)

    def on_change(self, listener: Callable[[KbSnapshot], Any]) -> None:
        """Called with each new snapshot before it is served. A listener may return (or
        resolve to) a callable: it is called, without an await, as the snapshot is swapped
        in (the search index swaps its own generation so)."""
        self._listeners.append(listener)

    async def stored_version(self) -> str | None:
        return await self.db.fetchval("SELECT value FROM meta WHERE key = 'kb_version'")

    async def reload_if_changed(self) -> None:
        """Another process (``kb import``) changed the records: serve them."""
        if await self.stored_version() != self.version:
            log.info("knowledge base changed in the database; reloading")
            await self.refresh()

    async def start(self) -> None:
        self._watcher.start()

    async def stop(self) -> None:
        await self._watcher.stop()

    async def refresh(self) -> KbSnapshot:
        # The version first: a change committed while the records are read is seen as
        # a change at the next poll, never missed.
        version = await self.stored_version()
        by_kind: dict[str, list[BaseModel]] = {}
        rows = await self.db.fetchall("SELECT kind, data FROM kb_records ORDER BY kind, position, id")
        for row in rows:
            source = SOURCE_BY_KIND.get(row["kind"])
            if source is None:
                continue
            by_kind.setdefault(row["kind"], []).append(source.model.model_validate_json(row["data"]))
        snapshot = KbSnapshot.build(by_kind)
        # Listeners (the search index) are built before the swap, so no update sees the
        # new snapshot with the old index or the reverse.
        commits = []
        for listener in self._listeners:
            result = listener(snapshot)
            if hasattr(result, "__await__"):
                result = await result
            if callable(result):
                commits.append(result)
        # No await from here on: the snapshot and every derived index change together.
        self.snapshot = snapshot
        self.version = version
        for commit in commits:
            commit()
        return self.snapshot

    async def records_by_kind(self) -> dict[str, list[BaseModel]]:
        by_kind: dict[str, list[BaseModel]] = {}
        rows = await self.db.fetchall("SELECT kind, data FROM kb_records ORDER BY kind, position, id")
        for row in rows:
            source = SOURCE_BY_KIND.get(row["kind"])
            if source is not None:
                by_kind.setdefault(row["kind"], []).append(source.model.model_validate_json(row["data"]))
        return by_kind

    async def diff(self, records: list[ParsedRecord]) -> LoadReport:
        existing = {
            (row["kind"], row["id"]): (row["data"], row["position"])
            for row in await self.db.fetchall("SELECT kind, id, data, position FROM kb_records")
        }
        report = LoadReport()
        incoming = set()
        for record in records:
            key = (record.kind, record.id)
            incoming.add(key)
            if key not in existing:
                report.added.append(key)
            elif existing[key] != (_canonical(record.model), record.position):
                report.changed.append(key)
        report.removed.extend(sorted(set(existing) - incoming))
        return report

    async def replace_all(self, records: list[ParsedRecord]) -> LoadReport:
        """Make the database hold exactly ``records``; one transaction, no-op if equal."""
        report = await self.diff(records)
        if not report.empty:
            now = int(self.clock())
            async with self.db.transaction() as conn:
                for kind, record_id in report.removed:
                    await conn.execute("DELETE FROM kb_records WHERE kind = ? AND id = ?", (kind, record_id))
                touched = set(report.added) | set(report.changed)
                for record in records:
                    if (record.kind, record.id) in touched:
                        await conn.execute(
                            "INSERT INTO kb_records (kind, id, position, data, updated_at) VALUES (?, ?, ?, ?, ?) "
                            "ON CONFLICT (kind, id) DO UPDATE SET position = excluded.position, "
                            "data = excluded.data, updated_at = excluded.updated_at",
                            (record.kind, record.id, record.position, _canonical(record.model), now),
                        )
        await self.refresh()
        return report

    async def _set_meta(self, key: str, value: str) -> None:
        await self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    async def load_directory(self, data_dir: Path) -> LoadReport:
        records = read_sources(data_dir)
        report = await self.replace_all(records)
        await self._set_meta("kb_digest", files_digest(data_dir))
        return report

    async def replace_all_from_files(self, records: list[ParsedRecord]) -> LoadReport:
        """A deliberate import (``kb import``): replaces Telegram edits too."""
        report = await self.replace_all(records)
        await self._set_meta("kb_loaded_at", str(int(self.clock())))
        return report

    async def edited_since_load(self) -> int:
        """Knowledge-base changes made from Telegram since the files were last loaded."""
        has_audit = await self.db.fetchval("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'")
        if not has_audit:
            return 0
        loaded_at = int(await self.db.fetchval("SELECT value FROM meta WHERE key = 'kb_loaded_at'", default=0) or 0)
        return int(await self.db.fetchval(
            "SELECT count(*) FROM audit_log WHERE kind != 'staff' AND created_at >= ?", (loaded_at,), default=0
        ))

    async def seed_if_changed(self, data_dir: Path) -> LoadReport | None:
        """Load ``data/`` on first start, and again only when the files changed since.

        Edits made from Telegram live in the database. Changed files replace the knowledge
        base only when nobody has edited it from Telegram since the last load; otherwise the
        edits are kept and the operator is told how to merge (export, edit, import).
        """
        stored = await self.db.fetchval("SELECT value FROM meta WHERE key = 'kb_digest'")
        if stored == files_digest(data_dir):
            await self.refresh()
            return None
        if stored is not None:
            edits = await self.edited_since_load()
            if edits:
                log.warning(
                    "%s changed, but the knowledge base has %d edit(s) made from Telegram since the "
                    "last load; kept them. To merge: python -m bot kb export DIR, copy your file "
                    "changes into DIR, python -m bot kb import DIR",
                    data_dir, edits,
                )
                await self.refresh()
                return None
        report = await self.load_directory(data_dir)
        await self._set_meta("kb_loaded_at", str(int(self.clock())))
        return report

"""Broadcast jobs and their recipients in the database: every query on them.

A job has one row per recipient (``pending`` → ``sending`` → ``sent`` | ``blocked`` |
``failed``; after "delete for everyone" ``deleted`` is 1, or 2 where Telegram refused). The
worker decides the moves; this repository makes them. Storing a job does not wake the
worker: ``BroadcastService`` and the announcer's caller do that once it is stored.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from bot.broadcast.models import Figures, Job
from bot.clock import Clock
from bot.db import Database
from bot.kb.models import LANGUAGES
from bot.services.subscriptions import TOPIC_KEYS

BATCH = 500  # recipients read per query while sending or deleting


class JobRepository:
    def __init__(self, db: Database, clock: Clock, *, default_language: str) -> None:
        self.db = db
        self.clock = clock
        self.default_language = default_language

    # --- audience ---------------------------------------------------------------------------
    def _audience_query(self, audience: str) -> tuple[str, list[Any]]:
        """SQL selecting (user_id, language) of the active recipients of ``audience``."""
        default = self.default_language
        kind, _, value = audience.partition(":")
        base = "SELECT u.id AS user_id, COALESCE(u.language, ?) AS language FROM users u"
        if kind == "topic" and value in TOPIC_KEYS:
            return (base + " JOIN subscriptions s ON s.user_id = u.id AND s.topic = ? WHERE u.is_active = 1",
                    [default, value])
        if kind == "lang" and value in LANGUAGES:
            return base + " WHERE u.is_active = 1 AND COALESCE(u.language, ?) = ?", [default, default, value]
        if audience == "all":
            return base + " WHERE u.is_active = 1", [default]
        raise ValueError(f"unknown audience {audience!r}")

    async def audience_counts(self, audience: str) -> dict[str, int]:
        sql, params = self._audience_query(audience)
        rows = await self.db.fetchall(f"SELECT language, COUNT(*) AS n FROM ({sql}) GROUP BY language", params)
        counts = {lang: 0 for lang in LANGUAGES}
        for row in rows:
            counts[row["language"]] = row["n"]
        return counts

    # --- jobs -------------------------------------------------------------------------------
    async def create_job(
        self,
        created_by: int,
        content: dict[str, Any],
        audience: str,
        *,
        topic: str | None = None,
        source: str = "staff",
        progress_chat_id: int | None = None,
        progress_message_id: int | None = None,
    ) -> Job:
        """Persist the job and its recipients in one transaction."""
        if "*" not in content.get("versions", {}):
            raise ValueError("a broadcast needs a first version")
        sql, params = self._audience_query(audience)
        now = int(self.clock())
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO broadcasts (created_by, created_at, status, audience, topic, content, source, "
                "progress_chat_id, progress_message_id) VALUES (?, ?, 'queued', ?, ?, ?, ?, ?, ?)",
                (created_by, now, audience, topic, json.dumps(content, ensure_ascii=False), source,
                 progress_chat_id, progress_message_id),
            )
            job_id = cursor.lastrowid
            await cursor.close()
            await conn.execute(
                f"INSERT INTO broadcast_recipients (broadcast_id, user_id, language, updated_at) "
                f"SELECT ?, user_id, language, ? FROM ({sql})",
                [job_id, now, *params],
            )
            await conn.execute(
                "UPDATE broadcasts SET total = (SELECT COUNT(*) FROM broadcast_recipients WHERE broadcast_id = ?) "
                "WHERE id = ?",
                (job_id, job_id),
            )
        assert job_id is not None
        job = await self.get(job_id)
        assert job is not None
        return job

    async def get(self, job_id: int) -> Job | None:
        row = await self.db.fetchone("SELECT * FROM broadcasts WHERE id = ?", (job_id,))
        if row is None:
            return None
        job = Job.from_row(row)
        job.figures = await self.figures(job_id)
        return job

    async def figures(self, job_id: int) -> Figures:
        rows = await self.db.fetchall(
            "SELECT status, COUNT(*) AS n, SUM(uncertain) AS u, SUM(deleted = 1) AS d, SUM(deleted = 2) AS nd "
            "FROM broadcast_recipients WHERE broadcast_id = ? GROUP BY status",
            (job_id,),
        )
        figures = Figures()
        for row in rows:
            setattr(figures, row["status"], row["n"])
            figures.total += row["n"]
            figures.uncertain += row["u"] or 0
            figures.deleted += row["d"] or 0
            figures.not_deleted += row["nd"] or 0
        return figures

    async def recent(self, limit: int = 10) -> list[Job]:
        rows = await self.db.fetchall("SELECT * FROM broadcasts ORDER BY id DESC LIMIT ?", (limit,))
        jobs = []
        for row in rows:
            job = Job.from_row(row)
            job.figures = await self.figures(job.id)
            jobs.append(job)
        return jobs

    async def queue_position(self, job_id: int) -> int:
        """0: running or next; n: n jobs before it."""
        return int(await self.db.fetchval(
            "SELECT COUNT(*) FROM broadcasts WHERE id < ? AND status IN ('queued', 'running', 'deleting')",
            (job_id,), default=0,
        ))

    async def next_job(self) -> Job | None:
        """An unfinished job first (it was running when the process stopped), then the oldest queued."""
        row = await self.db.fetchone(
            "SELECT * FROM broadcasts WHERE status IN ('running', 'deleting', 'queued') "
            "ORDER BY status = 'queued', id LIMIT 1"
        )
        return Job.from_row(row) if row is not None else None

    async def set_progress_message(self, job_id: int, chat_id: int, message_id: int) -> None:
        await self.db.execute(
            "UPDATE broadcasts SET progress_chat_id = ?, progress_message_id = ? WHERE id = ?",
            (chat_id, message_id, job_id),
        )

    async def cancel(self, job_id: int) -> str | None:
        """Mark a queued or running job cancelled; its status before, or None if it was not active."""
        row = await self.db.fetchone("SELECT status FROM broadcasts WHERE id = ?", (job_id,))
        if row is None or row["status"] not in ("queued", "running"):
            return None
        changed = await self.db.execute_rowcount(
            "UPDATE broadcasts SET status = 'cancelled', finished_at = ? WHERE id = ? AND status IN ('queued', 'running')",
            (int(self.clock()), job_id),
        )
        return row["status"] if changed else None

    def can_delete(self, job: Job) -> bool:
        return job.can_delete(self.clock())

    async def request_delete(self, job_id: int, user_id: int) -> str:
        """``ok`` (queued for deletion), ``missing``, or ``not-allowed`` (running, too old, nothing sent)."""
        job = await self.get(job_id)
        if job is None:
            return "missing"
        if not self.can_delete(job):
            return "not-allowed"
        changed = await self.db.execute_rowcount(
            "UPDATE broadcasts SET status = 'deleting', deleted_by = ? WHERE id = ? AND status IN ('done', 'cancelled')",
            (user_id, job_id),
        )
        return "ok" if changed else "not-allowed"

    # --- the worker's moves ---------------------------------------------------------------------
    async def resume(self, job_id: int) -> None:
        """Mark the job running; recipients in flight when the process died become uncertain."""
        async with self.db.transaction() as conn:
            # In flight when the process died: re-sent once (a second time would be a second copy).
            await conn.execute(
                "UPDATE broadcast_recipients SET status = 'failed', error = 'uncertain' "
                "WHERE broadcast_id = ? AND status = 'sending' AND uncertain = 1",
                (job_id,),
            )
            await conn.execute(
                "UPDATE broadcast_recipients SET status = 'pending', uncertain = 1 "
                "WHERE broadcast_id = ? AND status = 'sending'",
                (job_id,),
            )
            await conn.execute(
                "UPDATE broadcasts SET status = 'running', started_at = COALESCE(started_at, ?) "
                "WHERE id = ? AND status IN ('queued', 'running')",
                (int(self.clock()), job_id),
            )

    async def pending(self, job_id: int, after: int) -> list[sqlite3.Row]:
        """The next batch of recipients to send to, in user id order after ``after``."""
        return await self.db.fetchall(
            "SELECT user_id, language, attempts, uncertain FROM broadcast_recipients "
            "WHERE broadcast_id = ? AND status = 'pending' AND user_id > ? ORDER BY user_id LIMIT ?",
            (job_id, after, BATCH),
        )

    async def mark(self, job_id: int, user_id: int, status: str, **fields: Any) -> None:
        sets = ["status = ?", "updated_at = ?"]
        params: list[Any] = [status, int(self.clock())]
        for name, value in fields.items():
            sets.append(f"{name} = ?")
            params.append(value)
        await self.db.execute(
            f"UPDATE broadcast_recipients SET {', '.join(sets)} WHERE broadcast_id = ? AND user_id = ?",
            [*params, job_id, user_id],
        )

    async def finish(self, job_id: int, error: str | None = None) -> None:
        """``done`` (unless cancelled meanwhile), or ``cancelled`` with the ``error`` that stopped it."""
        if error is not None:
            await self.db.execute(
                "UPDATE broadcasts SET status = 'cancelled', error = ?, finished_at = ? WHERE id = ?",
                (error, int(self.clock()), job_id),
            )
        else:
            await self.db.execute(
                "UPDATE broadcasts SET status = 'done', finished_at = ? WHERE id = ? AND status = 'running'",
                (int(self.clock()), job_id),
            )

    async def sent_messages(self, job_id: int, after: int) -> list[sqlite3.Row]:
        """The next batch of (user_id, message_id) still to delete, after ``after``."""
        return await self.db.fetchall(
            "SELECT user_id, message_id FROM broadcast_recipients WHERE broadcast_id = ? AND status = 'sent' "
            "AND deleted = 0 AND message_id IS NOT NULL AND user_id > ? ORDER BY user_id LIMIT ?",
            (job_id, after, BATCH),
        )

    async def mark_deleted(self, job_id: int, user_id: int, deleted: int) -> None:
        """``deleted``: 1 gone, 2 Telegram refused."""
        await self.db.execute(
            "UPDATE broadcast_recipients SET deleted = ? WHERE broadcast_id = ? AND user_id = ?",
            (deleted, job_id, user_id),
        )

    async def finish_deletion(self, job_id: int) -> None:
        await self.db.execute("UPDATE broadcasts SET status = 'deleted' WHERE id = ?", (job_id,))

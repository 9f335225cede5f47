"""The inquiries as the dashboard lists them: read-only queries over the inquiry tables
(bot/db/sql/0003_inquiries.sql), and the answers written in the dashboard (0007).

Everything that changes an inquiry or reaches a student goes through InquiryService.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from bot.db import Database

STATUSES = ("received", "answered", "closed")
# Filter name → statuses; "open" is what waits for staff or for the student.
FILTERS: dict[str, tuple[str, ...]] = {
    "open": ("received", "answered"),
    "received": ("received",),
    "answered": ("answered",),
    "closed": ("closed",),
    "all": STATUSES,
}
LIST_LIMIT = 200
EXCERPT = 160


def _summary(row: sqlite3.Row) -> dict[str, Any]:
    question = " ".join((row["question"] or "").split())
    return {
        "id": row["id"],
        "status": row["status"],
        "topic": row["topic"],
        "language": row["language"],
        "name": " ".join(part for part in (row["first_name"], row["last_name"]) if part),
        "username": row["username"],
        "excerpt": question if len(question) <= EXCERPT else question[: EXCERPT - 1] + "…",
        "created_at": row["created_at"],
        "waiting_since": row["waiting_since"],
        "answered_at": row["answered_at"],
        "closed_at": row["closed_at"],
    }


class InquiryQueue:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def list(self, status: str = "open", topic: str | None = None) -> list[dict[str, Any]]:
        """Newest first, except that waiting ones come first, longest-waiting first."""
        statuses = FILTERS.get(status, FILTERS["open"])
        sql = f"SELECT * FROM inquiries WHERE status IN ({', '.join('?' * len(statuses))})"
        params: list[Any] = list(statuses)
        if topic:
            sql += " AND topic = ?"
            params.append(topic)
        sql += " ORDER BY status != 'received', COALESCE(waiting_since, 0), id DESC LIMIT ?"
        rows = await self.db.fetchall(sql, (*params, LIST_LIMIT))
        return [_summary(row) for row in rows]

    async def thread(self, inquiry_id: int) -> dict[str, Any] | None:
        row = await self.db.fetchone("SELECT * FROM inquiries WHERE id = ?", (inquiry_id,))
        if row is None:
            return None
        events: list[dict[str, Any]] = [{
            "type": "question", "at": row["created_at"], "text": row["question"] or "",
            "attachment": row["attachment_kind"],
        }]
        for followup in await self.db.fetchall(
            "SELECT body, source_message_id, created_at FROM inquiry_outbox"
            " WHERE inquiry_id = ? AND kind = 'followup' ORDER BY id", (inquiry_id,),
        ):
            events.append({"type": "followup", "at": followup["created_at"], "text": followup["body"] or "",
                           "attachment": "media" if followup["source_message_id"] else None})
        # Each answer is mapped twice (the student's copy and the staff message): the staff side.
        for answer in await self.db.fetchall(
            "SELECT m.created_at, d.body, d.name, d.user_id FROM inquiry_messages m"
            " LEFT JOIN dashboard_answers d ON d.chat_id = m.chat_id AND d.message_id = m.message_id"
            " WHERE m.inquiry_id = ? AND m.role = 'answer' AND m.chat_id != ? ORDER BY m.created_at, m.message_id",
            (inquiry_id, row["user_id"]),
        ):
            events.append({"type": "answer", "at": answer["created_at"], "text": answer["body"],
                           "by": answer["name"], "dashboard": answer["body"] is not None})
        # Within one second: the question, then answers, then what the student said to them.
        rank = {"question": 0, "answer": 1, "followup": 2}
        events.sort(key=lambda event: (event["at"], rank[event["type"]]))
        return {
            **_summary(row),
            "question": row["question"] or "",
            "phone": row["phone"],
            "attachment": row["attachment_kind"],
            "events": events,
        }

    async def record_answer(self, inquiry_id: int, *, user_id: int, name: str, body: str,
                            chat_id: int, message_id: int, now: int) -> None:
        await self.db.execute(
            "INSERT INTO dashboard_answers (inquiry_id, user_id, name, body, chat_id, message_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (inquiry_id, user_id, name, body, chat_id, message_id, now),
        )

"""What a broadcast job is: its content (one version per language), its figures, its rules.

``content`` is ``{"versions": {"*": first, "tg": ..., ...}}``: a version is a staff member's
message to copy (``copy_version``) or HTML text (``text_version``); a language without a
version of its own gets the first.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from bot.kb.models import LANGUAGES
from bot.services.subscriptions import TOPIC_KEYS

DELETE_WINDOW = 48 * 3600  # Telegram lets a bot delete its private messages for 48 hours


@dataclass
class Figures:
    total: int = 0
    pending: int = 0
    sending: int = 0
    sent: int = 0
    failed: int = 0
    blocked: int = 0
    uncertain: int = 0
    deleted: int = 0
    not_deleted: int = 0

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.blocked


@dataclass
class Job:
    id: int
    status: str
    audience: str
    topic: str | None
    content: dict[str, Any]
    created_by: int
    created_at: int
    total: int
    progress_chat_id: int | None
    progress_message_id: int | None
    finished_at: int | None = None
    deleted_by: int | None = None
    error: str | None = None
    figures: Figures = field(default_factory=Figures)

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Job:
        return cls(
            id=row["id"], status=row["status"], audience=row["audience"], topic=row["topic"],
            content=json.loads(row["content"]), created_by=row["created_by"], created_at=row["created_at"],
            total=row["total"], progress_chat_id=row["progress_chat_id"],
            progress_message_id=row["progress_message_id"], finished_at=row["finished_at"],
            deleted_by=row["deleted_by"], error=row["error"],
        )

    def version_for(self, lang: str) -> dict[str, Any]:
        versions = self.content["versions"]
        return versions.get(lang) or versions["*"]

    def can_delete(self, now: float) -> bool:
        """Finished, something left to delete, and still inside Telegram's window."""
        return (
            self.status in ("done", "cancelled")
            and self.figures.sent > self.figures.deleted + self.figures.not_deleted
            and now - self.created_at < DELETE_WINDOW
        )


def copy_version(chat_id: int, message_id: int) -> dict[str, Any]:
    """A version that is a staff member's message, copied to each student (copyMessage)."""
    return {"type": "copy", "chat_id": chat_id, "message_id": message_id}


def text_version(text: str) -> dict[str, Any]:
    """A version that is HTML text (automatic announcements)."""
    return {"type": "text", "text": text}


def make_content(first: dict[str, Any], per_language: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """``first`` goes to every language without a version of its own."""
    versions = {"*": first}
    versions.update({lang: v for lang, v in (per_language or {}).items() if lang in LANGUAGES})
    return {"versions": versions}


def valid_audience(audience: str) -> bool:
    kind, _, value = audience.partition(":")
    return (kind == "topic" and value in TOPIC_KEYS) or (kind == "lang" and value in LANGUAGES) or audience == "all"

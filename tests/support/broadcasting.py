"""Helpers for the subscription and broadcast tests (issue 6)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bot.app import build_app
from tests.support.harness import Harness, make_settings


def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database seeded from data/ once; tests copy it (seeding parses the YAML, ~0.7 s)."""
    folder = tmp_path_factory.mktemp("template")

    async def build() -> None:
        app = await build_app(make_settings(folder))
        await app.close()

    asyncio.run(build())
    return folder / "bot.sqlite3"


async def add_students(h: Harness, students: dict[int, str], topics: tuple[str, ...] = ("news",)) -> None:
    """Students who chose a language (and topics), written straight to the database."""
    now = int(h.app.clock())
    async with h.app.db.transaction() as conn:
        for user_id, lang in students.items():
            await conn.execute(
                "INSERT INTO users (id, language, first_seen, last_seen, onboarded) VALUES (?, ?, ?, ?, 1)",
                (user_id, lang, now, now),
            )
            for topic in topics:
                await conn.execute(
                    "INSERT INTO subscriptions (user_id, topic, created_at) VALUES (?, ?, ?)", (user_id, topic, now)
                )


def service(h: Harness) -> Any:
    return h.app.broadcasts

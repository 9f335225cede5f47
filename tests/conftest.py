from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.support.broadcasting import seeded_template
from tests.support.harness import FakeClock, Harness, make_settings

LANGS = ("tg", "ru", "en")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated and seeded from data/ once per run; tests start from a copy."""
    return seeded_template(tmp_path_factory)


@pytest.fixture
def settings(tmp_path: Path, template_db: Path):
    shutil.copy(template_db, tmp_path / "bot.sqlite3")
    return make_settings(tmp_path)


@pytest.fixture
async def harness(settings, clock) -> AsyncIterator[Harness]:
    h = await Harness.create(settings, clock=clock)
    try:
        yield h
    finally:
        await h.close()

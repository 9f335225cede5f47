from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.support.harness import FakeClock, Harness, make_settings

LANGS = ("tg", "ru", "en")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(tmp_path: Path):
    return make_settings(tmp_path)


@pytest.fixture
async def harness(settings, clock) -> AsyncIterator[Harness]:
    h = await Harness.create(settings, clock=clock)
    try:
        yield h
    finally:
        await h.close()

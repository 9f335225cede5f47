from __future__ import annotations

import logging
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from tests.support.broadcasting import seeded_template
from tests.support.harness import FakeClock, Harness, make_settings

LANGS = ("tg", "ru", "en")
# bot/errors.py logs every exception that reached the Dispatcher's error handler here.
ERRORS_LOGGER = "bot.errors"


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _describe(record: logging.LogRecord) -> str:
    text = f"{record.levelname} {record.name}: {record.getMessage()}"
    if record.exc_info:
        text += "\n" + logging.Formatter().formatException(record.exc_info)
    return text


@pytest.fixture(autouse=True)
def error_log(request: pytest.FixtureRequest) -> Iterator[list[logging.LogRecord]]:
    """Fails any test during which the error handler logged something.

    ``on_error`` answers the user politely, so a handler that raises still produces an
    answer a test may accept. A test whose point is the error is marked
    ``@pytest.mark.expect_errors`` (and may look at the records this fixture yields)."""
    logger = logging.getLogger(ERRORS_LOGGER)
    handler = _Records()
    level = logger.level
    logger.setLevel(logging.WARNING)  # whatever a test does to the root logger's level
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    if handler.records and request.node.get_closest_marker("expect_errors") is None:
        pytest.fail(
            f"{len(handler.records)} record(s) on the {ERRORS_LOGGER!r} logger (mark the test "
            "@pytest.mark.expect_errors if the error is its point):\n\n"
            + "\n\n".join(_describe(r) for r in handler.records),
            pytrace=False,
        )


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

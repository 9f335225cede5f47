"""The test session's injected failures are Telegram's own error answers: aiogram's
``check_response`` picks the exception, so code under test sees what production sees."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import CopyMessage, SendMessage

from tests.support.session import TOKEN, RecordingSession


@pytest.fixture
async def bot():
    session = RecordingSession()
    bot = Bot(TOKEN, session=session)
    yield bot
    await bot.session.close()


async def test_error_answers_become_aiogram_exceptions(bot: Bot) -> None:
    session: RecordingSession = bot.session  # type: ignore[assignment]
    session.fail_with(SendMessage, 403, "Forbidden: bot was blocked by the user", when=lambda m: m.chat_id == 1)
    session.fail_with(SendMessage, 429, "Too Many Requests: retry after 7", retry_after=7, when=lambda m: m.chat_id == 2)
    session.fail_with(SendMessage, 400, "Bad Request: group chat was upgraded to a supergroup chat",
                      migrate_to_chat_id=-1009, when=lambda m: m.chat_id == -3)
    session.fail_with(SendMessage, 400, "Bad Request: chat not found", when=lambda m: m.chat_id == 4)
    session.fail_with(SendMessage, 502, "Bad Gateway", when=lambda m: m.chat_id == 5)
    session.fail_network(SendMessage, when=lambda m: m.chat_id == 6)

    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(1, "x")
    with pytest.raises(TelegramRetryAfter) as retry:
        await bot.send_message(2, "x")
    assert retry.value.retry_after == 7
    with pytest.raises(TelegramMigrateToChat) as migrate:
        await bot.send_message(-3, "x")
    assert migrate.value.migrate_to_chat_id == -1009
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(4, "x")
    with pytest.raises(TelegramServerError, match="Bad Gateway"):
        await bot.send_message(5, "x")
    with pytest.raises(TelegramNetworkError):
        await bot.send_message(6, "x")
    # Other chats and other methods are answered normally.
    assert (await bot.send_message(7, "x")).text == "x"
    await bot.copy_message(1, 7, 1)


async def test_times_and_clear(bot: Bot) -> None:
    session: RecordingSession = bot.session  # type: ignore[assignment]
    session.fail_with(CopyMessage, 500, "Internal Server Error", times=2)
    for _ in range(2):
        with pytest.raises(TelegramServerError):
            await bot.copy_message(1, 2, 3)
    await bot.copy_message(1, 2, 3)  # the third goes through
    seen: list[object] = []
    session.on_request(seen.append)
    session.fail_with(SendMessage, 403, "Forbidden: user is deactivated")
    with pytest.raises(TelegramForbiddenError):
        await bot.send_message(1, "x")
    assert len(seen) == 1
    session.clear_failures()
    await bot.send_message(1, "x")
    assert len(seen) == 1 and len(session.requests) == 5

"""The production Dispatcher, a recording Bot and helpers to talk to it like a user."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage
from aiogram.types import InlineKeyboardMarkup, Update

from bot.app import App, build_app, create_bot, create_dispatcher
from bot.clock import Clock
from bot.config import Settings
from bot.i18n import Locales
from tests.support.session import TOKEN, RecordingSession
from tests.support.updates import Updates

ROOT = Path(__file__).resolve().parents[2]


@functools.cache
def shared_locales() -> Locales:
    """Parsing the .ftl files takes most of a second; every test can share the result
    (a Locales object is read-only)."""
    return Locales()


class FakeClock(Clock):
    def __init__(self, start: float = 1_795_770_000.0, tz: str = "Asia/Dushanbe") -> None:  # 2026-11-27 ~08:20 UTC
        super().__init__(tz)
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "bot_token": TOKEN,
        "database_path": tmp_path / "bot.sqlite3",
        "data_dir": ROOT / "data",
        "admin_ids": [9001],
        "staff_chat_id": None,
        "default_language": "tg",
        # Tests press hundreds of buttons a second as one user; flood control has its
        # own tests with realistic limits.
        "throttle_burst": 1000,
        "throttle_rate": 100,
        "_env_file": None,
    }
    values.update(overrides)
    return Settings(**values)


@dataclass
class Harness:
    app: App
    dp: Dispatcher
    bot: Bot
    session: RecordingSession
    updates: Updates = field(default_factory=Updates)

    @classmethod
    async def create(cls, settings: Settings, *, clock: FakeClock | None = None, app: App | None = None) -> Harness:
        clock = clock or FakeClock()
        app = app or await build_app(settings, clock=clock, locales=shared_locales())
        session = RecordingSession()
        bot = create_bot(settings, session=session)
        # Issue 6: the global send rate limit runs on virtual time in tests (nothing waits).
        from bot.broadcast.clock import VirtualTime
        from bot.broadcast.limiter import rate_limiter

        limiter = rate_limiter(bot)
        if limiter is not None:
            limiter.bucket.time = VirtualTime()
        dp = create_dispatcher(app)
        return cls(app=app, dp=dp, bot=bot, session=session)

    async def close(self) -> None:
        await self.app.stop(self.bot)  # whatever a test started (idempotent)
        await self.dp.storage.close()
        await self.app.close()

    async def feed(self, update: Update) -> Any:
        return await self.dp.feed_update(self.bot, update)

    async def send(self, text: str | None = None, **kwargs: Any) -> list[Any]:
        """Feed a user message; return the Bot API requests it caused."""
        start = len(self.session.requests)
        await self.feed(self.updates.message(text, **kwargs))
        return self.session.requests[start:]

    async def press(self, data: str, **kwargs: Any) -> list[Any]:
        start = len(self.session.requests)
        await self.feed(self.updates.callback(data, **kwargs))
        return self.session.requests[start:]

    async def choose_language(self, lang: str, user_id: int = 1001) -> None:
        await self.send("/start", user_id=user_id, lang=lang)
        await self.press(f"l:{lang}", user_id=user_id, lang=lang)


def texts(requests: list[Any]) -> list[str]:
    return [r.text for r in requests if isinstance(r, (SendMessage, EditMessageText))]


def markups(requests: list[Any]) -> list[InlineKeyboardMarkup]:
    return [r.reply_markup for r in requests if isinstance(r, (SendMessage, EditMessageText)) and r.reply_markup]


def buttons(markup: InlineKeyboardMarkup | None) -> list[tuple[str, str]]:
    """(text, callback_data or url) of every button."""
    if markup is None:
        return []
    return [
        (b.text, b.callback_data or b.url or b.switch_inline_query or "")
        for row in markup.inline_keyboard
        for b in row
    ]


def button_data(markup: InlineKeyboardMarkup | None, prefix: str) -> list[str]:
    return [data for _, data in buttons(markup) if data.startswith(prefix)]


def answered(requests: list[Any]) -> list[AnswerCallbackQuery]:
    return [r for r in requests if isinstance(r, AnswerCallbackQuery)]

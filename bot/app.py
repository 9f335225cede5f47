"""Wiring: services, the Dispatcher factory (shared by ``python -m bot`` and the tests)
and the Bot object."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseStorage
from aiogram.fsm.storage.memory import MemoryStorage

from bot.clock import Clock, as_clock
from bot.config import Settings
from bot.db import Database
from bot.i18n import Locales
from bot.kb import KnowledgeBase
from bot.errors import on_error
from bot.middlewares.context import LanguageMiddleware
from bot.middlewares.logging import UpdateLogMiddleware
from bot.middlewares.throttling import ThrottlingMiddleware
from bot.throttle import MemoryThrottle, RedisThrottle
from bot.services.users import UserService

log = logging.getLogger(__name__)


@dataclass
class App:
    """Everything a handler may need, created once per process (or per test)."""

    settings: Settings
    db: Database
    locales: Locales
    users: UserService
    kb: KnowledgeBase
    clock: Clock = field(default_factory=Clock)
    extra: dict[str, Any] = field(default_factory=dict)

    def workflow_data(self) -> dict[str, Any]:
        # Each value reaches handlers as a keyword argument of the same name.
        return {
            "app": self,
            "settings": self.settings,
            "db": self.db,
            "locales": self.locales,
            "users": self.users,
            "kb": self.kb,
            "clock": self.clock,
            **self.extra,
        }

    async def close(self) -> None:
        for hook in [self.users.flush_seen, *self.extra.get("close_hooks", [])]:
            try:
                await hook()
            except Exception:  # noqa: BLE001 - closing the database comes first
                log.exception("close hook failed")
        redis = self.extra.get("redis")
        if redis is not None:
            await redis.aclose()
        await self.db.close()


async def build_app(
    settings: Settings,
    *,
    clock: Callable[[], float] = time.time,
    seed: bool = True,
    locales: Locales | None = None,
) -> App:
    """Open and migrate the database, seed the knowledge base, create the services."""
    clock = as_clock(clock, settings.office_tz)
    db = await Database.open(settings.database_path)
    try:
        kb = KnowledgeBase(db, clock=clock)
        if seed:
            report = await kb.seed_if_changed(settings.data_dir)
            if report is not None:
                log.info("knowledge base loaded from %s: %s", settings.data_dir, report.summary())
        else:
            await kb.refresh()
        app = App(
            settings=settings,
            db=db,
            locales=locales or Locales(),
            users=UserService(db, clock=clock),
            kb=kb,
            clock=clock,
        )
        setup_scale_out(app)
        from bot.features import setup_features

        await setup_features(app)
    except BaseException:
        await db.close()
        raise
    return app


def setup_scale_out(app: App) -> None:
    """FSM storage and flood-control counters: Redis with ``REDIS_URL``, else memory.

    With Redis, several webhook instances behind one load balancer share a student's
    place in a flow and their message budget.
    """
    settings = app.settings
    if settings.redis_url:
        from aiogram.fsm.storage.redis import DefaultKeyBuilder, RedisStorage
        from redis.asyncio import Redis

        redis = Redis.from_url(settings.redis_url)
        app.extra["redis"] = redis
        app.extra["fsm_storage"] = RedisStorage(redis, key_builder=DefaultKeyBuilder(prefix="mmit_fsm", with_bot_id=True))
        app.extra["throttle"] = RedisThrottle(redis, settings.throttle_burst, settings.throttle_rate)
    else:
        app.extra["throttle"] = MemoryThrottle(settings.throttle_burst, settings.throttle_rate)


def create_dispatcher(app: App, *, storage: BaseStorage | None = None) -> Dispatcher:
    from handlers import get_routers

    storage = storage or app.extra.get("fsm_storage") or MemoryStorage()
    # The FSM storage is shared; closing it belongs to App.close (the Redis client).
    dp = Dispatcher(storage=storage, **app.workflow_data())
    if logging.getLogger("bot.updates").isEnabledFor(logging.INFO):
        # Not registered at all below INFO: a middleware costs its wrapping on every update.
        dp.update.outer_middleware(UpdateLogMiddleware())
    dp.update.outer_middleware(LanguageMiddleware(app.users, app.locales, app.settings))
    dp.update.outer_middleware(ThrottlingMiddleware(app.extra["throttle"]))
    dp.errors.register(on_error)
    dp.include_routers(*get_routers(app.settings))
    return dp


def create_bot(settings: Settings, *, session: BaseSession | None = None) -> Bot:
    if session is None:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_base))
    from bot.broadcast.limiter import install_rate_limit  # one rate limit for all sending (issue 6)

    install_rate_limit(session, settings.broadcast_rate)
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )

"""The composition root: every service is built here, once per process (or per test),
with explicit typed constructor arguments; the Dispatcher factory and the Bot object.

``python -m bot``, the CLI verbs, the tests and the benchmarks all go through
``build_app`` and ``create_dispatcher``, so what is tested is what runs. Handlers receive
the services as typed keyword arguments of the same names (``App.workflow_data``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseStorage

from bot.answers import AnswerService
from bot.broadcast.announce import Announcer
from bot.broadcast.jobs import JobRepository
from bot.broadcast.limiter import install_rate_limit
from bot.broadcast.service import BroadcastService
from bot.broadcast.worker import BroadcastWorker
from bot.clock import Clock, as_clock
from bot.config import Settings
from bot.db import Database
from bot.errors import on_error
from bot.fsm import SqliteStorage
from bot.i18n import Locales
from bot.inquiries.service import InquiryService
from bot.kb import KnowledgeBase
from bot.lifecycle import install_lifecycle
from bot.middlewares.context import LanguageMiddleware
from bot.middlewares.logging import UpdateLogMiddleware
from bot.middlewares.throttling import ThrottlingMiddleware
from bot.search import SearchService
from bot.search.morph import Morphology
from bot.services.audit import AuditLog
from bot.services.deadlines import DeadlineReminders
from bot.services.editor import KbEditor
from bot.services.roles import RoleService
from bot.services.stats import StatsService
from bot.services.subscriptions import SubscriptionService
from bot.services.users import UserService
from bot.throttle import MemoryThrottle, ThrottleStore
from handlers import get_routers

log = logging.getLogger(__name__)

NOT_HANDLER_ARGS = frozenset({"fsm", "throttle", "announcer", "deadlines"})


@dataclass(eq=False)
class App:
    """Every service, each under the keyword name its handlers ask for."""

    settings: Settings
    db: Database
    clock: Clock
    locales: Locales
    users: UserService
    kb: KnowledgeBase
    roles: RoleService
    search: SearchService
    answers: AnswerService
    inquiries: InquiryService
    subscriptions: SubscriptionService
    broadcasts: BroadcastService
    announcer: Announcer
    audit: AuditLog
    kb_editor: KbEditor
    stats: StatsService
    deadlines: DeadlineReminders
    throttle: ThrottleStore
    fsm: SqliteStorage

    def workflow_data(self) -> dict[str, Any]:
        # Every key is copied at every router an update passes: only what handlers and
        # filters ask for goes in (the storage, the throttle and the background workers
        # reach their users through constructors).
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in NOT_HANDLER_ARGS}

    async def start(self, bot: Bot) -> None:
        """Background work, started with the Dispatcher (``dp.startup``)."""
        await self.fsm.start()
        await self.kb.start()
        await self.search.start(bot)
        await self.inquiries.recovery.run(bot, self.fsm)  # before the delivery loop
        await self.inquiries.start(bot)
        # Resumes a broadcast the last process left unfinished, then waits for new ones;
        # sends the announcement offers not sent yet.
        await self.broadcasts.start(bot)
        await self.deadlines.start(bot)

    async def stop(self, bot: Bot) -> None:
        for stop in (self.deadlines.stop, self.broadcasts.stop, self.inquiries.stop, self.search.stop,
                     lambda bot: self.kb.stop(), lambda bot: self.fsm.stop()):
            try:
                await stop(bot)
            except Exception:  # noqa: BLE001 - every worker gets its chance to stop
                log.exception("stopping %s failed", getattr(stop, "__self__", stop))

    async def close(self) -> None:
        # Also when no Dispatcher ran (CLI verbs, tests): batched writes reach the disk.
        for flush in (self.users.flush_seen, self.search.flush_log, self.fsm.flush):
            try:
                await flush()
            except Exception:  # noqa: BLE001 - closing the database comes first
                log.exception("flush on close failed")
        await self.db.close()


async def build_app(
    settings: Settings,
    *,
    clock: Clock | Callable[[], float] = time.time,
    seed: bool = True,
    locales: Locales | None = None,
) -> App:
    """Open and migrate the database, seed the knowledge base, build every service."""
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
        locales = locales or Locales()
        users = UserService(db, clock=clock)
        roles = RoleService(db, settings, clock=clock)
        # The Russian dictionary and the English stemmer, loaded once for the process.
        morph = Morphology.load()
        search = SearchService(db, clock=clock, morph=morph)
        await search.rebuild(kb.snapshot)
        kb.on_change(search.prepare)
        answers = AnswerService(search)
        (await answers.prepare(kb.snapshot))()
        kb.on_change(answers.prepare)
        inquiries = InquiryService(db=db, settings=settings, locales=locales, users=users, roles=roles, clock=clock)
        subscriptions = SubscriptionService(db, clock=clock)
        jobs = JobRepository(db, clock, default_language=settings.default_language)
        announcer = Announcer(db, kb, jobs, users, locales, settings, clock)
        await announcer.init()
        kb.on_change(announcer.on_change)
        broadcasts = BroadcastService(jobs, BroadcastWorker(jobs, users, locales, settings), announcer)
        audit = AuditLog(db, clock=clock)
        fsm = SqliteStorage(db, clock)
        await fsm.load()
        app = App(
            settings=settings,
            db=db,
            clock=clock,
            locales=locales,
            users=users,
            kb=kb,
            roles=roles,
            search=search,
            answers=answers,
            inquiries=inquiries,
            subscriptions=subscriptions,
            broadcasts=broadcasts,
            announcer=announcer,
            audit=audit,
            kb_editor=KbEditor(db, kb, audit, clock=clock),
            stats=StatsService(db, clock, search, users),
            deadlines=DeadlineReminders(db, kb, locales, broadcasts, default_language=settings.default_language,
                                        clock=clock),
            throttle=MemoryThrottle(settings.throttle_burst, settings.throttle_rate),
            fsm=fsm,
        )
    except BaseException:
        await db.close()
        raise
    return app


def create_dispatcher(app: App, *, storage: BaseStorage | None = None) -> Dispatcher:
    dp = Dispatcher(storage=storage or app.fsm, **app.workflow_data())
    if logging.getLogger("bot.updates").isEnabledFor(logging.INFO):
        # Not registered at all below INFO: a middleware costs its wrapping on every update.
        dp.update.outer_middleware(UpdateLogMiddleware())
    dp.update.outer_middleware(LanguageMiddleware(app.users, app.locales, app.settings))
    dp.update.outer_middleware(ThrottlingMiddleware(app.throttle))
    dp.errors.register(on_error)
    dp.include_routers(*get_routers(app.settings))
    install_lifecycle(dp, app)
    return dp


def create_bot(settings: Settings, *, session: BaseSession | None = None) -> Bot:
    if session is None:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_base))
    install_rate_limit(session, settings.broadcast_rate)  # one rate limit for all sending
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )

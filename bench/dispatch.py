"""The bot's own cost per update against a bare aiogram dispatcher, in the same run.

Both dispatchers are fed the same way (``Dispatcher.feed_update`` with a stub session that
answers every Bot API call at once), so the ratio is the cost of our routers, filters,
middlewares, database reads and rendering over aiogram's own minimum: one echo handler.

It also counts thread-pool hops (``asyncio.to_thread`` / ``run_in_executor``: what aiogram
does for every synchronous handler or filter) and database round trips per update.

    .venv/bin/python bench/dispatch.py [--rounds 7] [--updates 3000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aiogram import Dispatcher, Router  # noqa: E402
from aiogram.types import Message, Update  # noqa: E402

from bot.app import build_app, create_bot, create_dispatcher  # noqa: E402
from tests.support.harness import make_settings  # noqa: E402
from tests.support.session import RecordingSession  # noqa: E402
from tests.support.updates import Updates  # noqa: E402


class StubSession(RecordingSession):
    """Answers like Telegram and forgets: a benchmark must not grow a list per call."""

    async def make_request(self, bot, method, timeout=None):  # type: ignore[no-untyped-def]
        result = await super().make_request(bot, method, timeout)
        self.requests.clear()
        return result


class HopCounter:
    def __init__(self) -> None:
        self.hops = 0
        self.db_calls = 0

    def install(self, db_conn) -> None:  # type: ignore[no-untyped-def]
        original_to_thread = asyncio.to_thread

        async def counting_to_thread(func, /, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.hops += 1
            return await original_to_thread(func, *args, **kwargs)

        asyncio.to_thread = counting_to_thread  # type: ignore[assignment]
        loop = asyncio.get_running_loop()
        original_executor = loop.run_in_executor

        def counting_executor(executor, func, *args):  # type: ignore[no-untyped-def]
            self.hops += 1
            return original_executor(executor, func, *args)

        loop.run_in_executor = counting_executor  # type: ignore[method-assign]
        if db_conn is not None:
            original_execute = db_conn._execute

            async def counting_execute(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
                self.db_calls += 1
                return await original_execute(fn, *args, **kwargs)

            db_conn._execute = counting_execute


def mix(updates: Updates, users: list[int], kb) -> list[Update]:  # type: ignore[no-untyped-def]
    """A realistic mix: commands, menu buttons, cards, paging, free text, stale buttons."""
    snap = kb.snapshot
    inst = sorted(snap.institutions)
    events = sorted(snap.events)
    out: list[Update] = []
    for index, user in enumerate(users):
        lang = ("tg", "ru", "en")[index % 3]
        out += [
            updates.message("/menu", user_id=user, lang=lang),
            updates.callback("m:about", user_id=user, lang=lang),
            updates.callback("m:partners", user_id=user, lang=lang),
            updates.callback("pc:ru:0", user_id=user, lang=lang),
            updates.callback(f"pi:{inst[index % len(inst)]}:0", user_id=user, lang=lang),
            updates.callback("m:news", user_id=user, lang=lang),
            updates.callback(f"go:news-{events[index % len(events)]}", user_id=user, lang=lang),
            updates.message("/contacts", user_id=user, lang=lang),
            updates.message(("Қазон", "учёба в Греции", "erasmus")[index % 3], user_id=user, lang=lang),
            updates.callback("zz:stale", user_id=user, lang=lang),
        ]
    return out


async def run_bot(n_updates: int) -> tuple[list[float], HopCounter, int]:
    tmp = Path(tempfile.mkdtemp())
    settings = make_settings(tmp)
    app = await build_app(settings)
    bot = create_bot(settings, session=StubSession())
    dp = create_dispatcher(app)
    updates = Updates()
    users = list(range(5000, 5030))
    for user in users:  # every user has chosen a language, as in steady state
        await app.users.set_language(user, ("tg", "ru", "en")[user % 3])
    batch = mix(updates, users, app.kb)
    for update in batch:  # warm-up: caches, first getMe
        await dp.feed_update(bot, update)
    counter = HopCounter()
    counter.install(app.db.conn)
    samples = []
    fed = 0
    while fed < n_updates:
        for update in batch:
            start = time.perf_counter()
            await dp.feed_update(bot, update)
            samples.append(time.perf_counter() - start)
            fed += 1
    await app.close()
    return samples, counter, fed


async def run_bare(n_updates: int) -> list[float]:
    settings = make_settings(Path(tempfile.mkdtemp()))
    bot = create_bot(settings, session=StubSession())
    dp = Dispatcher()
    router = Router()

    @router.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "…")

    @router.callback_query()
    async def echo_callback(callback) -> None:  # type: ignore[no-untyped-def]
        await callback.answer()

    dp.include_router(router)
    updates = Updates()
    batch = [updates.message("hello", user_id=5000 + i) for i in range(5)] + [
        updates.callback("m:about", user_id=5000 + i) for i in range(5)
    ]
    for update in batch:
        await dp.feed_update(bot, update)
    samples = []
    while len(samples) < n_updates:
        for update in batch:
            start = time.perf_counter()
            await dp.feed_update(bot, update)
            samples.append(time.perf_counter() - start)
    return samples


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--updates", type=int, default=3000)
    args = parser.parse_args()
    bot_means, bare_means = [], []
    hops = db_calls = fed_total = 0
    for _ in range(args.rounds):
        bare = await run_bare(args.updates)
        ours, counter, fed = await run_bot(args.updates)
        bare_means.append(statistics.fmean(bare) * 1e6)
        bot_means.append(statistics.fmean(ours) * 1e6)
        hops += counter.hops
        db_calls += counter.db_calls
        fed_total += fed
    bare_us = statistics.median(bare_means)
    bot_us = statistics.median(bot_means)
    print(f"bare aiogram echo dispatcher: {bare_us:8.1f} µs/update")
    print(f"this bot (mixed updates):     {bot_us:8.1f} µs/update")
    print(f"ratio: {bot_us / bare_us:.2f}x (goal ≤ 2.5)")
    print(f"thread-pool hops per update: {hops / fed_total:.3f} (goal 0)")
    print(f"database round trips per update: {db_calls / fed_total:.3f}")


if __name__ == "__main__":
    asyncio.run(main())

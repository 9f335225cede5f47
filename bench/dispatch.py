"""The bot's own cost per update against a bare aiogram dispatcher, in the same run.

Both dispatchers are fed the same way (``Dispatcher.feed_update`` with a stub session that
answers every Bot API call at once), so the ratio is the cost of our routers, filters,
middlewares, database reads and rendering over aiogram's own minimum: one echo handler.

It also counts thread-pool hops (``asyncio.to_thread`` / ``run_in_executor``: what aiogram
does for every synchronous handler or filter) and database round trips per update.

    .venv/bin/python bench/dispatch.py [--rounds 40]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aiogram import Dispatcher, Router  # noqa: E402
from aiogram.methods import GetMe  # noqa: E402
from aiogram.types import Message, Update  # noqa: E402

from bot.app import build_app, create_bot, create_dispatcher  # noqa: E402
from tests.support.harness import make_settings  # noqa: E402
from tests.support.session import RecordingSession  # noqa: E402
from tests.support.updates import Updates  # noqa: E402


class StubSession(RecordingSession):
    """Answers every call at once with a minimal result, like a fast Bot API server.

    It does not echo the text or keyboard back: building a pydantic Message from them would
    be the stub's cost, not the bot's. Serialising the request, which a real session does,
    is left out for both dispatchers alike.
    """

    def __init__(self) -> None:
        super().__init__()
        self._answers: dict[int | str, Message] = {}

    async def make_request(self, bot, method, timeout=None):  # type: ignore[no-untyped-def]
        if getattr(method, "__returning__", None) is bool:
            return True
        chat_id = getattr(method, "chat_id", None)
        if chat_id is None or isinstance(method, (GetMe,)):
            return await super().make_request(bot, method, timeout)
        answer = self._answers.get(chat_id)
        if answer is None:
            answer = self._answers[chat_id] = self._message(chat_id, text="ok").as_(bot)
        self.requests.clear()
        return answer


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


async def build_bot():  # type: ignore[no-untyped-def]
    tmp = Path(tempfile.mkdtemp())
    settings = make_settings(tmp)
    app = await build_app(settings)
    bot = create_bot(settings, session=StubSession())
    dp = create_dispatcher(app)
    users = list(range(5000, 5030))
    for user in users:  # every user has chosen a language, as in steady state
        await app.users.set_language(user, ("tg", "ru", "en")[user % 3])
    return app, bot, dp, mix(Updates(), users, app.kb)


async def build_bare():  # type: ignore[no-untyped-def]
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
    return bot, dp, batch


async def timed(dp: Dispatcher, bot, batch: list[Update]) -> float:  # type: ignore[no-untyped-def]
    """Mean seconds per update over the batch."""
    start = time.perf_counter()
    for update in batch:
        await dp.feed_update(bot, update)
    return (time.perf_counter() - start) / len(batch)


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    app, bot, dp, batch = await build_bot()
    bare_bot, bare_dp, bare_batch = await build_bare()
    bare_batch = bare_batch * (len(batch) // len(bare_batch))
    for _ in range(3):  # warm-up: caches, first getMe, rendered screens
        await timed(dp, bot, batch)
        await timed(bare_dp, bare_bot, bare_batch)
    counter = HopCounter()
    counter.install(app.db.conn)
    gc.collect()
    ratios, ours, bare = [], [], []
    # Interleaved: the machine's noise hits both sides of each ratio alike.
    for _ in range(args.rounds):
        bare_s = await timed(bare_dp, bare_bot, bare_batch)
        ours_s = await timed(dp, bot, batch)
        bare.append(bare_s * 1e6)
        ours.append(ours_s * 1e6)
        ratios.append(ours_s / bare_s)
    fed = args.rounds * len(batch)
    await app.close()
    print(f"updates per side: {fed} ({len(batch)} a round, {args.rounds} rounds, interleaved)")
    print(f"bare aiogram echo dispatcher: {statistics.median(bare):8.1f} µs/update")
    print(f"this bot (mixed updates):     {statistics.median(ours):8.1f} µs/update")
    print(f"ratio: {statistics.median(ratios):.2f}x median of rounds (goal ≤ 2.5); "
          f"quartiles {statistics.quantiles(ratios, n=4)[0]:.2f}-{statistics.quantiles(ratios, n=4)[2]:.2f}")
    print(f"thread-pool hops per update: {counter.hops / fed:.3f} (goal 0)")
    print(f"database round trips per update: {counter.db_calls / fed:.3f}")


if __name__ == "__main__":
    asyncio.run(main())

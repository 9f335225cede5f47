"""The bot's cost per update over a bare aiogram echo dispatcher, both in the same run.

Production: ``build_app`` / ``create_bot`` / ``create_dispatcher`` as ``python -m bot`` builds them,
LOG_LEVEL=INFO with bot/logging_setup.py (lines formatted, redacted, written to /dev/null), the rate
limiter ``create_bot`` installs. Baseline: a plain ``Bot`` (no rate limiter), a ``Dispatcher`` with
one echo message handler and one callback handler that answers. Same session class, same updates
in the same order, mounted per side and round as polling does (untimed), kinds and sides interleaved
in rounds (A B, then B A ...). Figures: medians over rounds of production / baseline CPU time per
update; hops and database trips from an untimed pass.

A third side, "replies", is for reading the figures, not for the ratio: a plain ``Bot`` and
``Dispatcher`` that send, for each update, exactly the Bot API requests production sent for it
(recorded in the untimed check pass), with no logic at all. ``replies / baseline`` is what the
replies themselves cost over an echo (two requests and a keyboard for a button); ``production /
replies`` is what the bot's own work adds.

    .venv/bin/python bench/dispatch.py [--rounds 15] [--profile]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import itertools
import json
import logging
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import aiosqlite.core  # noqa: E402
from aiogram import Bot, Dispatcher  # noqa: E402
from aiogram.client.session.base import BaseSession  # noqa: E402
from aiogram.methods import AnswerCallbackQuery, EditMessageText, GetMe, SendMessage, TelegramMethod  # noqa: E402
from aiogram.types import CallbackQuery, Message, Update  # noqa: E402

from bot.app import build_app, create_bot, create_dispatcher  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.i18n import Locales  # noqa: E402
from bot.logging_setup import setup_logging  # noqa: E402 - as bot/__main__.py does, before the dispatcher

TOKEN = "4242:AAEbenchTOKENbenchTOKENbenchTOKEN1"
BOT_USER = {"id": 4242, "is_bot": True, "first_name": "MMIT Office", "username": "mmit_office_bench_bot"}
USERS = [(7000 + i, ("tg", "ru", "en")[i % 3]) for i in range(24)]
# Typed questions that find an answer, words that find nothing (both checked before timing).
# Issue 14: scholarships, deadlines, Poland and Germany are not on the office's page (they get
# the honest "not found" answer now), and greetings are answered as small talk.
QUESTIONS = {
    "en": ["erasmus", "partners in Kazakhstan", "Kazan", "semester in Ufa", "phone", "contacts",
           "study in Greece", "Tyumen"],
    "ru": ["эразмус", "партнёры в Казахстане", "Казань", "семестр в Уфе", "телефон", "учёба в Греции"],
    "tg": ["эразмус", "шарикон дар Қазоқистон", "Қазон", "телефон", "тамос", "таҳсил дар Юнон"],
}
UNKNOWN = {"en": ["asdfgh", "qwertyuiop", "zxcvbnm", "poiuytrewq"], "tg": ["ҷҷҷхх", "фывапролд", "ққққҳ", "йцукенг"],
           "ru": ["фывапролд", "абырвалг", "йцукенг", "ячсмить"]}
STALE = ["zz:old", "m:gone", "go:partner-nonexistent", "l:xx", "pi:nonexistent:0", "x" * 64]  # old, removed, forged
BACK = "m:main"
# One user's share of a round of the mix: 9 of 20 typed (21 with "m:main" after "m:ask").
MIX = ("start question button unknown question button stale question button unknown "
       "button question button question stale button unknown question button button").split()


class OfflineSession(BaseSession):
    """``AiohttpSession.make_request`` without the network: the request is serialised with
    ``prepare_value`` as ``build_form_data`` does, and Telegram's answer (the message sent
    or edited, echoing text and inline keyboard) is parsed by ``check_response``."""

    def __init__(self) -> None:
        super().__init__()
        self.record = False
        self.requests: list[TelegramMethod[Any]] = []
        self._ids = itertools.count(100_000)

    async def close(self) -> None:
        """Nothing to close."""

    async def stream_content(self, *args: Any, **kwargs: Any) -> Any:  # pragma: no cover - unused
        yield b""

    async def make_request(self, bot: Bot, method: TelegramMethod[Any], timeout: int | None = None) -> Any:
        if self.record:
            self.requests.append(method)
        files: dict[str, Any] = {}
        dumped = method.model_dump(warnings=False).items()
        fields = {k: p for k, v in dumped if (p := self.prepare_value(v, bot=bot, files=files))}
        content = '{"ok":true,"result":' + self._result(method, fields) + "}"
        return self.check_response(bot=bot, method=method, status_code=200, content=content).result

    def _result(self, method: TelegramMethod[Any], fields: dict[str, Any]) -> str:
        if isinstance(method, GetMe):
            return json.dumps({**BOT_USER, "supports_inline_queries": True})
        if not isinstance(method, (SendMessage, EditMessageText)) or not fields.get("chat_id"):
            return "true"
        chat_id = int(fields["chat_id"])
        body = json.dumps({
            "message_id": int(fields.get("message_id") or next(self._ids)), "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"}, "from": BOT_USER,
            "text": fields.get("text", "")})
        markup = fields.get("reply_markup")
        if isinstance(markup, str) and markup.startswith('{"inline_keyboard"'):
            body = body[:-1] + ',"reply_markup":' + markup + "}"
        return body


@dataclass
class Side:
    name: str
    bot: Bot
    dp: Dispatcher
    session: OfflineSession


def replies_side(sent: dict[int, list[TelegramMethod[Any]]]) -> Side:
    """A bare dispatcher that sends, per update, the requests production sent for it."""
    session = OfflineSession()
    bot = Bot(token=TOKEN, session=session)
    dp = Dispatcher()

    async def replay(event: Any, event_update: Update, bot: Bot) -> None:
        for method in sent.get(event_update.update_id, ()):
            await bot(method)

    dp.message.register(replay)
    dp.callback_query.register(replay)
    return Side("replies", bot, dp, session)


async def sides(locales: Locales, tmp: Path) -> tuple[Side, Side, Any]:
    """(production, baseline, the production App)."""
    settings = Settings(
        bot_token=TOKEN, database_path=tmp / "bot.sqlite3",
        data_dir=ROOT / "data", admin_ids=[9001], staff_chat_id=-1001234567890, default_language="tg",
        # Production allows 10 and 2/s; the bench sends far faster than a student, and a throttled
        # update would skip its handler. The middleware still makes its check on every update.
        log_level="INFO", throttle_burst=1000, throttle_rate=100, _env_file=None,  # type: ignore[call-arg]
    )
    setup_logging(settings.log_level, [settings.bot_token.get_secret_value()])
    sink = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(sink)
    app = await build_app(settings, clock=time.time, locales=locales)
    session = OfflineSession()
    ours = Side("production", create_bot(settings, session=session), create_dispatcher(app), session)
    session = OfflineSession()
    bot = Bot(token=TOKEN, session=session)
    assert not list(session.middleware), "the baseline must not have request middlewares"
    dp = Dispatcher()

    @dp.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "…")

    @dp.callback_query()
    async def answer(callback: CallbackQuery) -> None:
        await callback.answer()

    return ours, Side("baseline", bot, dp, session), app


def student(user_id: int, lang: str) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Student", "username": f"s{user_id}", "language_code": lang}


@dataclass
class Telegram:
    """Update JSON as getUpdates returns it."""

    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def message(self, user_id: int, lang: str, text: str) -> dict[str, Any]:
        chat = {"id": user_id, "type": "private", "first_name": "Student", "username": f"s{user_id}"}
        message: dict[str, Any] = {"message_id": next(self._ids), "date": int(time.time()),
                                   "from": student(user_id, lang), "chat": chat, "text": text}
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return {"update_id": next(self._ids), "message": message}

    def callback(self, user_id: int, lang: str, data: str) -> dict[str, Any]:
        message = {"message_id": 500, "date": int(time.time()), "from": BOT_USER, "text": "…",
                   "chat": {"id": user_id, "type": "private", "first_name": "Student"}}
        query = {"id": str(next(self._ids)), "from": student(user_id, lang), "chat_instance": "ci",
                 "data": data, "message": message}
        return {"update_id": next(self._ids), "callback_query": query}


@dataclass
class Kind:
    name: str
    updates: list[dict[str, Any]]
    cold: bool = False  # the bot's caches are emptied before every update
    cpu: list[tuple[float, float]] = field(default_factory=list)  # (production, baseline) µs per update
    replies: list[float] = field(default_factory=list)  # the "replies" side, µs per update
    wall: list[tuple[float, float]] = field(default_factory=list)
    hops: float = 0.0
    db: float = 0.0

    def ratio(self, which: str = "cpu") -> float:
        return statistics.median(ours / bare for ours, bare in getattr(self, which))


def build_kinds(tg: Telegram, menu: list[str]) -> list[Kind]:
    """Each kind: every user's own updates in order, round-robin over the users."""

    def press(user: int, lang: str, data: str) -> list[dict[str, Any]]:
        # "Ask the office" opens a flow; the student goes back to the menu before typing again.
        return [tg.callback(user, lang, data)] + ([tg.callback(user, lang, BACK)] if data.endswith(":ask") else [])

    def kind(name: str, make: Callable[[int, str, int], list[dict[str, Any]]], cold: bool = False) -> Kind:
        rows = [make(user, lang, index) for index, (user, lang) in enumerate(USERS)]
        return Kind(name, [u for slot in itertools.zip_longest(*rows) for u in slot if u is not None], cold)

    def mix(user: int, lang: str, index: int) -> list[dict[str, Any]]:
        pools = {"question": QUESTIONS[lang], "unknown": UNKNOWN[lang], "button": [*menu, BACK], "stale": STALE}
        taken, out = {name: itertools.count(index) for name in pools}, [tg.message(user, lang, "/start")]
        for slot in MIX[1:]:
            pick = pools[slot][next(taken[slot]) % len(pools[slot])]
            out += [tg.message(user, lang, pick)] if slot in ("question", "unknown") else press(user, lang, pick)
        return out

    kinds = [
        kind("mix", mix),
        kind("start", lambda u, lang, i: [tg.message(u, lang, "/start") for _ in range(4)]),
        kind("button", lambda u, lang, i: [x for d in [*menu, BACK] for x in press(u, lang, d)]),
        kind("question", lambda u, lang, i: [tg.message(u, lang, q) for q in QUESTIONS[lang]]),
        kind("unknown", lambda u, lang, i: [tg.message(u, lang, w) for w in UNKNOWN[lang]]),
        kind("stale", lambda u, lang, i: [tg.callback(u, lang, d) for d in STALE]),
        kind("question-cold", lambda u, lang, i: [tg.message(u, lang, q) for q in QUESTIONS[lang][:3]], cold=True),
    ]
    typed = sum("message" in u and not u["message"]["text"].startswith("/") for u in kinds[0].updates)
    assert typed >= 0.4 * len(kinds[0].updates), "typed text must be at least 40 % of the mix"
    return kinds


def mount(updates: list[dict[str, Any]], bot: Bot) -> list[Update]:
    return [Update.model_validate(u, context={"bot": bot}) for u in updates]


def _clear_mappings(obj: Any, depth: int, seen: set[int], cleared: list[str], path: str) -> None:
    if depth < 0 or obj is None or id(obj) in seen:
        return
    seen.add(id(obj))
    names = [*getattr(obj, "__dict__", {}), *(s for k in type(obj).__mro__ for s in getattr(k, "__slots__", ()))]
    for name in names:
        value = getattr(obj, name, None)
        named = "cache" in name.lower() or "result" in name.lower()
        if isinstance(value, MutableMapping) and (named or type(value).__module__.startswith("cachetools")):
            value.clear()
            cleared.append(f"{path}.{name}")
        elif value is not None and type(value).__module__.startswith("bot."):
            _clear_mappings(value, depth - 1, seen, cleared, f"{path}.{name}")


def clear_caches(dp: Dispatcher) -> list[str]:
    """Empty what makes a repeated question cheap: the search service's result and typo
    caches, the answer layer's decisions, the snapshot's rendered screens, the memoised
    normalisation functions. (What a restart builds before serving, the index and the
    answer layer's entities, is not a cache.)"""
    cleared: list[str] = []
    seen: set[int] = set()
    for key in ("search", "kb", "answers"):
        service = dp.workflow_data.get(key)
        _clear_mappings(service, 2, seen, cleared, key)
        _clear_mappings(getattr(service, "snapshot", None), 1, seen, cleared, f"{key}.snapshot")
    for name, module in list(sys.modules.items()):
        if name.startswith(("bot.search", "bot.views", "bot.ui", "handlers.search", "handlers.deeplinks")):
            for attr, value in list(vars(module).items()):
                if callable(getattr(value, "cache_clear", None)) and id(value) not in seen:
                    seen.add(id(value))
                    value.cache_clear()
                    cleared.append(f"{getattr(value, '__module__', name)}.{attr}()")
    return cleared


async def count(side: Side, kinds: list[Kind]) -> None:
    """Thread-pool hops (``run_in_executor``, which ``asyncio.to_thread`` uses: what aiogram does
    for a synchronous handler or filter) and aiosqlite round trips, per update of each kind."""
    counts, loop = {"hops": 0, "db": 0}, asyncio.get_running_loop()
    run_in_executor, execute = loop.run_in_executor, aiosqlite.core.Connection._execute

    def counting_executor(executor: Any, func: Any, *args: Any) -> Any:
        counts["hops"] += 1
        return run_in_executor(executor, func, *args)

    async def counting_execute(conn: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
        counts["db"] += 1
        return await execute(conn, fn, *args, **kwargs)

    loop.run_in_executor = counting_executor  # type: ignore[method-assign]
    aiosqlite.core.Connection._execute = counting_execute  # type: ignore[method-assign]
    try:
        for kind in kinds:
            counts.update(hops=0, db=0)
            await run_once(side, mount(kind.updates, side.bot), kind.cold)
            kind.hops, kind.db = counts["hops"] / len(kind.updates), counts["db"] / len(kind.updates)
    finally:
        loop.run_in_executor = run_in_executor  # type: ignore[method-assign]
        aiosqlite.core.Connection._execute = execute  # type: ignore[method-assign]


async def run_once(side: Side, updates: list[Update], cold: bool) -> tuple[float, float]:
    """(CPU seconds of the process, all threads; wall seconds). The figures use CPU time: other
    processes barely change it; waiting for aiosqlite's thread is idle time, which polling fills."""
    cpu = wall = 0.0
    for chunk in ([[u] for u in updates] if cold else [updates]):
        if cold:
            clear_caches(side.dp)
        cpu0, wall0 = time.process_time(), time.perf_counter()
        for update in chunk:
            await side.dp.feed_update(side.bot, update)
        cpu, wall = cpu + time.process_time() - cpu0, wall + time.perf_counter() - wall0
    return cpu, wall


async def check_answers(side: Side, kinds: list[Kind], locales: Locales) -> dict[int, list[TelegramMethod[Any]]]:
    """Production answers every update as a student expects: not throttled, questions
    found, unknown words not found, real buttons answered and not "outdated". Returns the
    requests sent per update id."""
    sent: dict[int, list[TelegramMethod[Any]]] = {}
    side.session.record = True
    for kind, data, update in ((k, d, u) for k in kinds for d, u in zip(k.updates, mount(k.updates, side.bot))):
        side.session.requests.clear()
        await run_once(side, [update], kind.cold)
        made, where = side.session.requests, f"{kind.name}: {json.dumps(data, ensure_ascii=False)[:160]}"
        sent[data["update_id"]] = list(made)
        event = data.get("message") or data["callback_query"]
        t = locales[event["from"]["language_code"]]
        shown = [r.text for r in made if isinstance(r, (SendMessage, EditMessageText, AnswerCallbackQuery))]
        assert made and t("throttled") not in shown, f"no answer or throttled: {where}"
        if "message" in data and not event["text"].startswith("/"):
            # "Not found" is the honest answer of issue 14 (or the old "nothing found").
            nothing = (t("search-nothing", query="\x00").split("\x00")[0], t("answer-unknown", what="\x00").split("\x00")[0])
            found = not any(s and s.startswith(nothing) for s in shown)
            assert found == (event["text"] in QUESTIONS[t.lang]), f"found={found}: {where} -> {shown}"
        if "callback_query" in data:
            assert any(isinstance(r, AnswerCallbackQuery) for r in made), f"not answered: {where}"
            assert event["data"] in STALE or t("button-outdated") not in shown, f"outdated: {where}"
    side.session.record, side.session.requests = False, []
    return sent


async def onboard(side: Side, tg: Telegram) -> list[str]:
    """Every user picks a language (/start, then the language button, as the tests'
    ``choose_language`` does); returns the callback data of the main menu /start shows."""
    pick = [(tg.message(user, lang, "/start"), tg.callback(user, lang, f"l:{lang}")) for user, lang in USERS]
    await run_once(side, mount([u for pair in pick for u in pair], side.bot), False)
    side.session.record = True
    await run_once(side, mount([tg.message(*USERS[0], "/start")], side.bot), False)
    markup, side.session.record = side.session.requests.pop().reply_markup, False
    menu = [b.callback_data for row in markup.inline_keyboard for b in row if b.callback_data]
    assert len(menu) >= 4, f"no main menu after /start: {menu}"
    return menu


async def measure(rounds: int, profile: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-dispatch-") as tmp:
        locales = Locales()
        (ours, bare, app), tg = await sides(locales, Path(tmp)), Telegram()
        try:
            await run_rounds(ours, bare, tg, locales, rounds, profile)
        finally:
            await app.close()


async def run_rounds(ours: Side, bare: Side, tg: Telegram, locales: Locales, rounds: int, profile: bool) -> None:
    kinds = build_kinds(tg, await onboard(ours, tg))
    replies = replies_side(await check_answers(ours, kinds, locales))
    cleared = clear_caches(ours.dp)
    for round_no in range(-1, rounds):  # round -1 warms the sides up
        for kind in kinds:
            copies = {s.name: mount(kind.updates, s.bot) for s in (ours, bare, replies)}
            primers = {s.name: mount(kind.updates[:12], s.bot) for s in (ours, bare, replies)}  # untimed, before each
            gc.collect()
            spent = {}
            for side in (ours, bare, replies) if round_no % 2 == 0 else (replies, bare, ours):
                await run_once(side, primers[side.name], kind.cold)
                took = await run_once(side, copies[side.name], kind.cold)
                spent[side.name] = [x * 1e6 / len(kind.updates) for x in took]
            if round_no >= 0:
                kind.cpu.append((spent["production"][0], spent["baseline"][0]))
                kind.wall.append((spent["production"][1], spent["baseline"][1]))
                kind.replies.append(spent["replies"][0])
    await count(ours, kinds)
    report(kinds, rounds, cleared)
    for kind in [k for k in kinds if k.name in ("button", "stale", "unknown")] if profile else []:
        batches = [mount(kind.updates, ours.bot) for _ in range(10)]
        with cProfile.Profile() as profiler:
            for batch in batches:
                await run_once(ours, batch, kind.cold)
        print(f"\n=== profile: {kind.name}, production side, {len(kind.updates) * len(batches)} updates")
        pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(os.environ.get("PROFILE_FILTER", ""), 40)


def report(kinds: list[Kind], rounds: int, cleared: list[str]) -> None:
    print(f"{rounds} rounds, sides interleaved; CPU µs per update and ratios: medians of rounds")
    print(f"  {'kind':14} {'updates':>7} {'production':>10} {'baseline':>9} {'ratio':>6} {'q1-q3':>11} "
          f"{'wall ratio':>10} {'hops':>5} {'db':>5} {'replies':>8} {'rep/base':>8} {'prod/rep':>8}")
    for kind in kinds:
        q = statistics.quantiles([a / b for a, b in kind.cpu] * 2, n=4)  # doubled: works for one round too
        print(f"  {kind.name:14} {len(kind.updates):7} {statistics.median(a for a, _ in kind.cpu):10.1f} "
              f"{statistics.median(b for _, b in kind.cpu):9.1f} {kind.ratio():6.2f} {q[0]:5.2f}-{q[-1]:<5.2f} "
              f"{kind.ratio('wall'):10.2f} {kind.hops:5.2f} {kind.db:5.2f} {statistics.median(kind.replies):8.1f} "
              f"{statistics.median(r / b for r, (_, b) in zip(kind.replies, kind.cpu)):8.2f} "
              f"{statistics.median(a / r for r, (a, _) in zip(kind.replies, kind.cpu)):8.2f}")
    print(f"  cold: emptied {', '.join(cleared) or 'NOTHING (no cache found)'}")
    for kind in kinds[1:]:
        print(f"kind: {kind.name} ratio: {kind.ratio():.2f}")
    print(f"ratio: {kinds[0].ratio():.2f}")
    print(f"thread hops per update: {kinds[0].hops:.2f}")
    print(f"database round trips per update: {kinds[0].db:.2f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--profile", action="store_true", help="cProfile the question and unknown kinds")
    args = parser.parse_args()
    asyncio.run(measure(args.rounds, args.profile))


if __name__ == "__main__":
    main()

"""Load: 500 simulated students against the real bot process, over HTTP, with a broadcast
in progress.

The bot runs as ``python -m bot`` (long polling) against a fake Bot API on 127.0.0.1.
Students send a realistic mix at a fixed rate (open loop): menu commands, button presses
through partners and news, typed questions (search), whole inquiries (/ask → topic →
question → skip phone → send) and /contacts. Meanwhile a broadcast to every user runs.

Reply latency is the time from the moment an update is offered to the bot (getUpdates)
to the bot's first answer to it (sendMessage / editMessageText to that chat, or
answerCallbackQuery for that button). Errors: updates never answered, Bot API calls the
fake server rejected, and ERROR lines in the bot's log.

    .venv/bin/python bench/load.py [--rate 200] [--seconds 30] [--students 500]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.app import build_app  # noqa: E402
from bot.broadcast.models import make_content, text_version  # noqa: E402
from bot.inquiries.callbacks import AskCB  # noqa: E402
from tests.support.fake_api import FakeBotAPI  # noqa: E402
from tests.support.harness import make_settings  # noqa: E402
from tests.support.session import BOT_ID, TOKEN  # noqa: E402

ADMIN = 9001
STAFF_CHAT = -1009990001
BROADCAST_MARK = "LOAD-TEST broadcast"
LANGS = ("tg", "ru", "en")
QUERIES = ["Kazan", "Қазон", "учёба в Греции", "erasmus", "контакты", "суроғаи шӯъба", "Kunming master",
           "Belarus", "Норвегия", "visa", "как поступить", "Ufa", "Тюмень", "Amu Darya", "news 2019"]


@dataclass
class Pending:
    kind: str
    user_id: int
    offered: float | None = None  # when getUpdates handed it to the bot


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    offered: int = 0
    answered: int = 0
    rejected: int = 0
    broadcast_sent: int = 0
    broadcast_times: list[float] = field(default_factory=list)


class LoadAPI(FakeBotAPI):
    """The fake Bot API, timing the bot's first answer to each update."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.by_chat: dict[int, tuple[int, Pending]] = {}
        self.by_callback: dict[str, tuple[int, Pending]] = {}
        self.pending: dict[int, Pending] = {}
        self.waiting: set[int] = set()  # students with an update not answered yet
        self.stats = Stats()
        self.hook = self._observe

    def offer(self, update: dict[str, Any], kind: str, user_id: int, callback_id: str | None = None) -> None:
        update_id = self.push_update(update)
        item = Pending(kind, user_id)
        self.waiting.add(user_id)
        self.pending[update_id] = item
        if callback_id is not None:
            self.by_callback[callback_id] = (update_id, item)
        else:
            self.by_chat[user_id] = (update_id, item)

    async def _get_updates(self, params: dict[str, Any]) -> Any:
        response = await super()._get_updates(params)
        now = time.monotonic()
        for update in self._updates:
            item = self.pending.get(update["update_id"])
            if item is not None and item.offered is None:
                item.offered = now
                if not item.kind.startswith("warm-up"):
                    self.stats.offered += 1
        return response

    def _done(self, key_map: dict[Any, tuple[int, Pending]], key: Any) -> None:
        entry = key_map.pop(key, None)
        if entry is None:
            return
        update_id, item = entry
        self.pending.pop(update_id, None)
        self.waiting.discard(item.user_id)
        if item.offered is not None and not item.kind.startswith("warm-up"):
            self.stats.latencies.setdefault(item.kind, []).append(time.monotonic() - item.offered)
            self.stats.answered += 1

    def _observe(self, method: str, params: dict[str, Any]) -> None:
        if method in ("sendmessage", "editmessagetext"):
            if BROADCAST_MARK in str(params.get("text", "")):
                self.stats.broadcast_sent += 1
                self.stats.broadcast_times.append(time.monotonic())
                return None
            chat_id = params.get("chat_id")
            if chat_id is not None and int(chat_id) > 0:
                self._done(self.by_chat, int(chat_id))
        elif method == "answercallbackquery":
            self._done(self.by_callback, str(params.get("callback_query_id")))
        return None


class Student:
    def __init__(self, user_id: int, lang: str, rng: random.Random, institutions: list[str], events: list[str],
                 skip_phone: str) -> None:
        self.user_id = user_id
        self.lang = lang
        self.rng = rng
        self.institutions = institutions
        self.events = events
        self.skip_phone = skip_phone
        self.script: list[tuple[str, str]] = []  # the rest of an inquiry in progress

    def next(self) -> tuple[str, str]:
        """(kind, payload): kind "cmd"/"text" → a message, "cb" → a button press."""
        if self.script:
            return self.script.pop(0)
        roll = self.rng.random()
        if roll < 0.12:
            return "cmd", "/menu"
        if roll < 0.55:
            return "cb", self.rng.choice([
                "m:partners", "pc:ru:0", "pc:cn:0", f"pi:{self.rng.choice(self.institutions)}:0", "m:news",
                f"go:news-{self.rng.choice(self.events)}", "m:erasmus", "e:calls", "m:about", "m:contacts",
            ])
        if roll < 0.85:
            return "text", self.rng.choice(QUERIES)
        if roll < 0.93:
            self.script = [
                ("cb", AskCB(action="topic", value=self.rng.choice(["visa", "exchange", "admission"])).pack()),
                ("text", f"Load-test question from {self.user_id}: when is the next exchange?"),
                ("text", self.skip_phone),
                ("cb", AskCB(action="send").pack()),
            ]
            return "cmd", "/ask"
        return "cmd", "/contacts"


def message_update(user_id: int, text: str, lang: str, message_ids: Any) -> dict[str, Any]:
    message: dict[str, Any] = {
        "message_id": next(message_ids), "date": int(time.time()),
        "chat": {"id": user_id, "type": "private", "first_name": "Student"},
        "from": {"id": user_id, "is_bot": False, "first_name": "Student", "language_code": lang},
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"message": message}


def callback_update(user_id: int, data: str, lang: str, callback_id: str) -> dict[str, Any]:
    return {"callback_query": {
        "id": callback_id, "chat_instance": "ci", "data": data,
        "from": {"id": user_id, "is_bot": False, "first_name": "Student", "language_code": lang},
        "message": {"message_id": 1, "date": int(time.time()), "text": "…",
                    "chat": {"id": user_id, "type": "private", "first_name": "Student"},
                    "from": {"id": BOT_ID, "is_bot": True, "first_name": "MMIT Office"}},
    }}


async def prepare(db_path: Path, students: list[int], audience_extra: int) -> tuple[list[str], list[str], dict[str, str]]:
    """Seed the database: students with languages, more users to broadcast to, one job."""
    settings = make_settings(db_path.parent, database_path=db_path, admin_ids=[ADMIN])
    app = await build_app(settings)
    try:
        for user_id in [*students, *range(100_000, 100_000 + audience_extra)]:
            await app.users.set_language(user_id, LANGS[user_id % 3])
        await app.broadcasts.create_job(ADMIN, make_content(text_version(f"{BROADCAST_MARK}: hello")), "all")
        snap = app.kb.snapshot
        skip = {lang: app.locales[lang]("ask-btn-skip-phone") for lang in LANGS}
        return sorted(snap.institutions), sorted(snap.events), skip
    finally:
        await app.close()


async def writer_capacity(folder: Path, n: int = 3000) -> float:
    """Write transactions per second one Database (one SQLite writer) sustains here."""
    from bot.db import Database

    db = await Database.open(folder / "writer.sqlite3")
    try:
        await db.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, body TEXT, n INTEGER)")

        async def one(i: int) -> None:
            async with db.transaction() as conn:
                await conn.execute("INSERT INTO probe (body, n) VALUES (?, ?)", ("x" * 200, i))
                await conn.execute("UPDATE probe SET n = n + 1 WHERE id = ?", (i,))

        start = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(n)))
        return n / (time.perf_counter() - start)
    finally:
        await db.close()


async def count_writes(db_path: Path) -> dict[str, int]:
    from bot.db import Database

    db = await Database.open(db_path, migrate=False)
    try:
        return {
            "inquiries": await db.fetchval("SELECT count(*) FROM inquiries"),
            "broadcast sent": await db.fetchval("SELECT count(*) FROM broadcast_recipients WHERE status = 'sent'"),
        }
    finally:
        await db.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=200.0, help="updates per second")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--warmup", type=float, default=5.0,
                        help="seconds at the same rate first, not measured (caches fill, users are seen)")
    parser.add_argument("--students", type=int, default=500)
    parser.add_argument("--broadcast-to", type=int, default=3000, help="extra users the broadcast goes to")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="mmit-load-"))
    db_path = tmp / "load.sqlite3"
    student_ids = list(range(2_000_000, 2_000_000 + args.students))
    institutions, events, skip = await prepare(db_path, student_ids, args.broadcast_to)

    api = LoadAPI()
    await api.start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WEBHOOK_", "REDIS_"))}
    env.update({
        "BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE": api.base_url, "DATABASE_PATH": str(db_path),
        "DATA_DIR": str(ROOT / "data"), "ADMIN_IDS": str(ADMIN), "STAFF_CHAT_ID": str(STAFF_CHAT),
        "LOG_LEVEL": os.environ.get("LOAD_LOG_LEVEL", "WARNING"), "PYTHONPATH": str(ROOT), "INQUIRY_COOLDOWN_SECONDS": "0",
        "INQUIRY_MAX_OPEN": "50",
    })
    bot = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )
    stderr_lines: list[str] = []

    async def read_stderr() -> None:
        assert bot.stderr is not None
        async for line in bot.stderr:
            stderr_lines.append(line.decode(errors="replace").rstrip())

    reader = asyncio.create_task(read_stderr())
    # This process plays Telegram and 500 students and keeps every call it serves: its own
    # garbage collector pausing would show up as the bot's latency. A bounded run can do
    # without it.
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        await api.wait_for(lambda c: c.method == "setmycommands", timeout=60)
        await asyncio.sleep(1.0)
        rng = random.Random(7)
        students = [Student(uid, LANGS[uid % 3], random.Random(uid), institutions, events, skip[LANGS[uid % 3]])
                    for uid in student_ids]
        message_ids = itertools.count(1)
        callback_ids = itertools.count(1)
        interval = 1.0 / args.rate
        start = time.monotonic()
        sent = 0
        broadcast_before = api.stats.broadcast_sent
        warm_until = start + args.warmup
        measured_start, measured_sent = None, 0
        while time.monotonic() - start < args.warmup + args.seconds:
            warm = time.monotonic() < warm_until
            if not warm and measured_start is None:
                measured_start, measured_sent = time.monotonic(), sent
                broadcast_before = api.stats.broadcast_sent
            target = start + sent * interval
            delay = target - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            # A student waits for the answer before the next step (as people do).
            student = rng.choice(students)
            for _ in range(50):
                if student.user_id not in api.waiting:
                    break
                student = rng.choice(students)
            kind, payload = student.next()
            if kind == "cb":
                callback_id = f"c{next(callback_ids)}"
                api.offer(callback_update(student.user_id, payload, student.lang, callback_id),
                          "warm-up" if warm else "button", student.user_id, callback_id)
            else:
                api.offer(message_update(student.user_id, payload, student.lang, message_ids),
                          "warm-up" if warm else ("command" if kind == "cmd" else "text"), student.user_id)
            sent += 1
        assert measured_start is not None
        elapsed = time.monotonic() - measured_start
        sent -= measured_sent
        deadline = time.monotonic() + 10
        while api.pending and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        broadcast_during = api.stats.broadcast_sent - broadcast_before
    finally:
        bot.terminate()
        try:
            await asyncio.wait_for(bot.wait(), 20)
        except asyncio.TimeoutError:
            bot.kill()
        await reader
        await api.stop()

    all_latencies = sorted(x for values in api.stats.latencies.values() for x in values)
    # Every update handed to the bot must have been answered (a later update of the same
    # student replaces the earlier one's entry: count from the totals, not the maps).
    unanswered = api.stats.offered - api.stats.answered
    rejected = sum(1 for c in api.calls if c.status >= 400)
    errors_logged = [line for line in stderr_lines if " ERROR " in line]

    def pct(values: list[float], q: float) -> float:
        return values[min(len(values) - 1, int(q * len(values)))] * 1000 if values else float("nan")

    print(f"students: {args.students}; offered {sent} updates in {elapsed:.1f} s = {sent / elapsed:.0f}/s "
          f"(target {args.rate:.0f}/s), after {args.warmup:.0f} s of warm-up at the same rate")
    print(f"handed to the bot: {api.stats.offered}; answered: {api.stats.answered}; throughput {api.stats.answered / elapsed:.0f} answers/s")
    print(f"reply latency: p50 {pct(all_latencies, 0.50):.1f} ms, p95 {pct(all_latencies, 0.95):.1f} ms, "
          f"p99 {pct(all_latencies, 0.99):.1f} ms (goal p95 ≤ 50 ms)")
    for kind, values in sorted(api.stats.latencies.items()):
        values.sort()
        print(f"  {kind:8s} n={len(values):5d}  p50 {pct(values, 0.5):6.1f} ms  p95 {pct(values, 0.95):6.1f} ms")
    print(f"broadcast in progress: {broadcast_during} messages sent during the load "
          f"({broadcast_during / elapsed:.1f}/s; BROADCAST_RATE 25)")
    print(f"errors: {unanswered} unanswered, {rejected} Bot API calls rejected, {len(errors_logged)} ERROR log lines")
    for line in errors_logged[:5]:
        print("   ", line[:200])
    capacity = await writer_capacity(tmp)
    written = await count_writes(db_path)
    print(f"SQLite writer: {capacity:.0f} write transactions/s on this machine (2 statements each); "
          f"this run stored {written['inquiries']} inquiries and {written['broadcast sent']} broadcast deliveries")
    if os.environ.get("LOAD_LOG_FILE"):
        Path(os.environ["LOAD_LOG_FILE"]).write_text("\n".join(stderr_lines), encoding="utf-8")


if __name__ == "__main__":
    asyncio.run(main())

"""Broadcast pacing in real time (issue 12), called by ``bench/broadcast.py --pacing``.

The production App and Bot (its rate limiter included) send one broadcast to N students
over HTTP to the fake Bot API on 127.0.0.1, which here behaves like Telegram seen from far
away: every request takes a 60 ms +- 20 ms round trip, and 0.5 % of sends are answered 429
with a ``retry_after`` of 1-3 s whatever the bot does. Printed, at the server:
- the busiest 1-second window of send requests (goal: never above BROADCAST_RATE, right
  after a pause included);
- the achieved rate outside the pauses Telegram imposed, as a share of BROADCAST_RATE
  (goal: >= 95 %);
- sends that arrived while a pause was in force (goal: none).
"""

from __future__ import annotations

import bisect
import tempfile
import time
from pathlib import Path

RATE = 25.0
ADMIN = 9001
FIRST_RECIPIENT = 10_000_000
ROOT = Path(__file__).resolve().parents[1]


def busiest_window(stamps: list[float], length: float = 1.0) -> int:
    best, start = 0, 0
    for end, stamp in enumerate(stamps):
        while stamp - stamps[start] >= length:
            start += 1
        best = max(best, end - start + 1)
    return best


def merged(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


async def run_pacing(recipients: int, seed: int, rtt: float = 0.060, jitter: float = 0.020,
                     share_429: float = 0.005) -> bool:
    from bot.app import build_app, create_bot
    from bot.config import Settings
    from bot.broadcast.models import make_content, text_version
    from tests.support.fake_api import SEND_METHODS, FakeBotAPI
    from tests.support.session import TOKEN

    one_way = ((rtt - jitter) / 2, (rtt + jitter) / 2)
    api = FakeBotAPI(token=TOKEN, latency=one_way, inject_429=share_429, seed=seed)
    await api.start()
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-pacing-") as folder:
        settings = Settings(
            bot_token=TOKEN, telegram_api_base=api.base_url, database_path=Path(folder) / "bot.sqlite3",
            data_dir=ROOT / "data", admin_ids=[ADMIN], default_language="tg", log_level="WARNING",
            broadcast_rate=RATE, _env_file=None,  # type: ignore[call-arg]
        )
        app = await build_app(settings)
        bot = create_bot(settings)
        try:
            now = int(time.time())
            ids = [FIRST_RECIPIENT + i for i in range(recipients)]
            async with app.db.transaction() as conn:
                await conn.executemany(
                    "INSERT INTO users (id, language, first_seen, last_seen, onboarded) VALUES (?, 'en', ?, ?, 1)",
                    [(uid, now, now) for uid in ids])
            await app.broadcasts.create_job(ADMIN, make_content(text_version("Pacing test")), "all")
            started = time.monotonic()
            await app.broadcasts.run_pending(bot)
            elapsed = time.monotonic() - started
        finally:
            await bot.session.close()
            await app.close()
            await api.stop()
    sends = sorted(c.at for c in api.calls if c.method in SEND_METHODS and int(c.params.get("chat_id", 0)) != ADMIN)
    delivered = [c for c in api.calls if c.method in SEND_METHODS and c.status == 200
                 and int(c.params.get("chat_id", 0)) != ADMIN]
    pauses = merged([(at, at + retry) for at, retry in api.imposed])
    paused = sum(end - start for start, end in pauses)
    span = sends[-1] - sends[0] if len(sends) > 1 else 0.0
    # A send that left before the 429 reached the bot arrives up to a round trip later
    # (plus the bot's own queueing of requests already granted).
    grace = 1.5 * (rtt + jitter)
    during = [s for s in sends if any(start + grace < s < end for start, end in pauses)]
    # Right after each pause: the busiest second that starts within 1 s of its end.
    after = []
    for _, end in pauses:
        i = bisect.bisect_left(sends, end)
        after.append(busiest_window([s for s in sends[i:] if s < end + 2.0]))
    achieved = (len(delivered) - 1) / max(1e-9, span - paused) if span > paused else 0.0
    busiest = busiest_window(sends)
    import os
    if os.environ.get("PACING_DEBUG"):
        calls = sorted((c for c in api.calls if c.method in SEND_METHODS and int(c.params.get("chat_id", 0)) != ADMIN), key=lambda c: c.at)
        stamps = [c.at for c in calls]
        for i, st in enumerate(stamps):
            j = bisect.bisect_left(stamps, st + 1.0)
            if j - i > RATE:
                print("window from", round(st - stamps[0], 3), [(round(c.at - st, 3), c.status) for c in calls[i:j]])
                break
    print(f"Real time: {recipients} recipients, BROADCAST_RATE={RATE:g}/s, round trip {rtt * 1000:.0f} ms "
          f"+- {jitter * 1000:.0f} ms, {share_429:.1%} of sends answered 429 (retry_after 1-3 s)")
    print(f"  {len(delivered)} delivered in {elapsed:.1f} s; {len(api.imposed)} 429s imposed, "
          f"{paused:.1f} s paused in all")
    print(f"  busiest 1-second window at the server: {busiest} sends (limit {RATE:g}); right after a pause: "
          f"{max(after) if after else '-'}")
    print(f"  achieved rate outside the pauses: {achieved:.2f}/s = {achieved / RATE:.1%} of BROADCAST_RATE")
    print(f"  sends that arrived during a pause (a round trip after it began): {len(during)}")
    ok = busiest <= RATE and achieved / RATE >= 0.95 and not during and len(delivered) == recipients
    print("  pacing:", "PASS" if ok else "FAIL")
    return ok

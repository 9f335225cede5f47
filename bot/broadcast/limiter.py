"""One rate limit for everything the bot sends, with interactive replies first.

Telegram allows about 30 messages a second in all. ``RateLimitMiddleware`` sits on the Bot's
session (``create_bot`` installs it), so every send*/copy*/forward*/edit*/deleteMessage call
takes a token from one bucket of ``BROADCAST_RATE`` tokens a second. A reply to a student's
menu tap or question takes its token at once, never waiting (the bucket may go into
debt); a broadcast send waits for a positive balance, so menus and inquiries still get
through during a broadcast and the broadcast gets only what they leave.

The broadcast worker acquires its token itself (so that it can mark the recipient "sending"
just before the request) and then sends inside :func:`prepaid`, which the middleware honours.
A ``retry_after`` answer pauses all broadcast sending for that long.
"""

from __future__ import annotations

import contextlib
import logging
import math
from collections import deque
from collections.abc import Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramRetryAfter

from bot.broadcast.clock import RealTime, SendTime

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.client.session.base import BaseSession
    from aiogram.methods import Response, TelegramMethod

log = logging.getLogger(__name__)

# However busy the students keep the bot, a broadcast still gets this share of the rate
# (it would otherwise stall for as long as the rush lasts).
BULK_FLOOR = 0.2

# The window of the per-second cap, longer than a second by the spread of network latency
# (what makes grants 1.03 s apart arrive at Telegram within one second).
WINDOW = 1.03

# Interactive requests that hit a 429 wait and retry once if the wait is at most this long.
MAX_INTERACTIVE_WAIT = 10.0

# "interactive" (default), or "prepaid": the caller already holds a bulk token.
_MODE: ContextVar[str] = ContextVar("bot_send_mode", default="interactive")


def is_limited(method: Any) -> bool:
    name = str(getattr(method, "__api_method__", ""))
    return name.startswith(("send", "copyMessage", "forwardMessage", "editMessage", "deleteMessage"))


@contextlib.contextmanager
def prepaid() -> Iterator[None]:
    """The request made inside already has its (bulk) token."""
    token = _MODE.set("prepaid")
    try:
        yield
    finally:
        _MODE.reset(token)


class TokenBucket:
    """``rate`` tokens a second, at most ``burst`` saved up; interactive waiters first.

    On top of the bucket, no more than ``window_cap`` grants (default: the rate, 25 for 25/s)
    in any ``WINDOW`` seconds, a little more than one: requests reach Telegram with a
    latency that varies by a few tens of milliseconds, so grants spread over 1.03 s can
    arrive within one second, and the cap must hold at Telegram's end. After a pause the
    saved-up tokens cannot catch up on the lost time beyond the cap either.
    """

    def __init__(self, rate: float, burst: int = 8, time: SendTime | None = None,
                 window_cap: int | None = None) -> None:
        self.rate = float(rate)
        self.burst = max(1, int(burst))
        self.window_cap = window_cap or max(1, min(int(self.rate), 30))
        self._window: deque[float] = deque()
        self._time: SendTime = time or RealTime()
        self._tokens = float(self.burst)
        self._stamp: float | None = None
        self.paused_until = -math.inf
        self._last_bulk = -math.inf
        self._last_slot = -math.inf
        self.granted = {"interactive": 0, "bulk": 0}

    @property
    def time(self) -> SendTime:
        return self._time

    @time.setter
    def time(self, value: SendTime) -> None:
        self._time = value
        self._stamp = None
        self._window.clear()
        self.paused_until = -math.inf
        self._last_slot = -math.inf

    def _refill(self, now: float) -> None:
        if self._stamp is None:
            self._stamp = now
        elapsed = max(0.0, now - self._stamp)
        self._tokens = min(float(self.burst), self._tokens + elapsed * self.rate)
        self._stamp = now

    def pause(self, seconds: float) -> None:
        """Telegram said ``retry_after``: no broadcast send for ``seconds``."""
        self.paused_until = max(self.paused_until, self._time.monotonic() + max(0.0, seconds))

    def paused_for(self) -> float:
        return max(0.0, self.paused_until - self._time.monotonic())

    async def acquire(self, interactive: bool = True) -> None:
        if interactive:
            self._take_interactive()
            return
        while True:
            now = self._time.monotonic()
            self._refill(now)
            if now < self.paused_until:
                await self._time.sleep(self.paused_until - now)
                continue
            window = self._window
            full, freed = len(window) >= self.window_cap, -math.inf
            while window and now - window[0] >= WINDOW - 1e-9:
                freed = window.popleft() + WINDOW
            # The floor: even while replies fill the bucket and the window, a broadcast send
            # goes every 1 / (rate x BULK_FLOOR) seconds.
            floor_due = self._last_bulk + 1.0 / (self.rate * BULK_FLOOR)
            # Broadcast sends go evenly, one every 1/rate: a burst of saved-up tokens (at the
            # start, after a pause) would reach Telegram bunched by the network's jitter.
            # The slots are a schedule, not "1/rate after the last wake-up": every sleep
            # wakes a little late, and counting from the wake-up would lose that each time.
            interval = 1.0 / self.rate
            spaced_due = self._last_slot + interval
            if now >= floor_due or (len(window) < self.window_cap and self._tokens >= 1 - 1e-9
                                    and now >= spaced_due - 1e-9):
                self._tokens = max(-self.rate, self._tokens - 1)
                # Late by less than half a slot for what it waited for (the schedule, or a
                # place in a full window): count the grant at its due time, so that wake-up
                # lateness does not add up send after send. Later than that (idle, paused, a
                # reply rush): count from now rather than catch up in a burst.
                due = max(spaced_due, freed if full else -math.inf)
                stamp = due if 0.0 <= now - due < interval / 2 else now
                window.append(stamp)
                self._last_bulk = now
                self._last_slot = stamp
                self.granted["bulk"] += 1
                return
            wait = (window[0] + WINDOW - now) if len(window) >= self.window_cap else (1 - self._tokens) / self.rate
            wait = max(wait, spaced_due - now)
            await self._time.sleep(max(0.0, min(wait, floor_due - now)))

    def _take_interactive(self) -> None:
        """A reply to a student never waits for the bucket.

        It takes the next token even into debt (at most one second's worth), and a
        broadcast send only goes with a positive balance, so broadcasts yield to replies:
        during a rush of students the broadcast pauses instead of the students waiting.
        """
        now = self._time.monotonic()
        self._refill(now)
        self._tokens = max(-self.rate, self._tokens - 1)
        window = self._window
        while window and now - window[0] >= WINDOW - 1e-9:
            window.popleft()
        window.append(now)
        self.granted["interactive"] += 1


class RateLimitMiddleware(BaseRequestMiddleware):
    def __init__(self, rate: float, burst: int = 8, time: SendTime | None = None) -> None:
        self.bucket = TokenBucket(rate, burst, time)

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[Any],
        bot: Bot,
        method: TelegramMethod[Any],
    ) -> Response[Any]:
        if not is_limited(method):
            return await make_request(bot, method)
        bulk = _MODE.get() == "prepaid"
        if not bulk:
            await self.bucket.acquire(interactive=True)
        try:
            return await make_request(bot, method)
        except TelegramRetryAfter as error:
            self.bucket.pause(error.retry_after)
            if bulk or error.retry_after > MAX_INTERACTIVE_WAIT:
                raise
            log.warning("429 on %s: waiting %ss", getattr(method, "__api_method__", "?"), error.retry_after)
            await self.bucket.time.sleep(error.retry_after)
            await self.bucket.acquire(interactive=True)
            return await make_request(bot, method)


def rate_limiter(bot: Bot | BaseSession) -> RateLimitMiddleware | None:
    session = getattr(bot, "session", bot)
    for middleware in session.middleware:
        if isinstance(middleware, RateLimitMiddleware):
            return middleware
    return None


def install_rate_limit(bot: Bot | BaseSession, rate: float) -> RateLimitMiddleware:
    """Put the rate limit on the Bot's (or a session's) requests once; return it."""
    existing = rate_limiter(bot)
    if existing is not None:
        return existing
    middleware = RateLimitMiddleware(rate)
    getattr(bot, "session", bot).middleware(middleware)
    return middleware

"""The one clock and the one office time zone.

Every service takes a ``Clock``: it is called like ``time.time`` (``clock()`` is unix
seconds), and it knows the office's time zone, so "today", a deadline or a timestamp in a
message are the office's wherever the server runs. Tests pass a fixed ``now``.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Asia/Dushanbe"


class Clock:
    def __init__(self, tz: str | dt.tzinfo = DEFAULT_TZ, now: Callable[[], float] = time.time) -> None:
        self.tz: dt.tzinfo = ZoneInfo(tz) if isinstance(tz, str) else tz
        self._now = now

    def __call__(self) -> float:
        return self._now()

    def local(self, stamp: float | None = None) -> dt.datetime:
        """``stamp`` (default: now) as an aware datetime in the office's zone."""
        return dt.datetime.fromtimestamp(self() if stamp is None else stamp, self.tz)

    def today(self) -> dt.date:
        return self.local().date()

    def stamp(self, stamp: float | None = None, fmt: str = "%d.%m.%Y %H:%M") -> str:
        return self.local(stamp).strftime(fmt)

    def day_start(self, day: dt.date) -> float:
        return dt.datetime.combine(day, dt.time(), self.tz).timestamp()


def as_clock(value: Clock | Callable[[], float] | None, tz: str | dt.tzinfo = DEFAULT_TZ) -> Clock:
    """Tests and benchmarks may pass a bare ``lambda: T``; wrap it in the office's zone."""
    if isinstance(value, Clock):
        return value
    return Clock(tz, value or time.time)

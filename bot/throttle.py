"""Per-user token buckets: a burst, then a steady rate.

In memory: one process serves the bot (bot.instance), so its counters are the only ones.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

MAX_TRACKED = 100_000


@dataclass(frozen=True)
class Decision:
    allowed: bool
    warn: bool  # the first refusal of a flood: tell the user once


class ThrottleStore(Protocol):
    async def hit(self, user_id: int) -> Decision: ...


@dataclass(slots=True)
class _Bucket:
    tokens: float
    at: float
    warned: bool


class MemoryThrottle:
    def __init__(self, burst: int, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.burst = burst
        self.rate = rate
        self.clock = clock
        self._buckets: OrderedDict[int, _Bucket] = OrderedDict()

    async def hit(self, user_id: int) -> Decision:
        now = self.clock()
        bucket = self._buckets.get(user_id)
        if bucket is None:
            bucket = self._buckets[user_id] = _Bucket(float(self.burst), now, False)
            if len(self._buckets) > MAX_TRACKED:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(user_id)
            bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.at) * self.rate)
            bucket.at = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            bucket.warned = False
            return Decision(True, False)
        warn = not bucket.warned
        bucket.warned = True
        return Decision(False, warn)

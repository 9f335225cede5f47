"""Per-user token buckets: a burst, then a steady rate.

Memory for one process; Redis when several webhook instances share the load, so that a
flood is counted once however the load balancer spreads it.
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


_LUA = """
local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local data = redis.call('HMGET', KEYS[1], 't', 'ts', 'w')
local tokens = tonumber(data[1]) or burst
local ts = tonumber(data[2]) or now
local warned = tonumber(data[3]) or 0
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
local allowed = 0
local warn = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
  warned = 0
elseif warned == 0 then
  warn = 1
  warned = 1
end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'ts', tostring(now), 'w', warned)
redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 5)
return {allowed, warn}
"""


class RedisThrottle:
    """The same bucket, updated atomically by a Lua script on the Redis server."""

    def __init__(self, redis: Any, burst: int, rate: float, prefix: str = "mmit:throttle",
                 clock: Callable[[], float] = time.time) -> None:
        self.redis = redis
        self.burst = burst
        self.rate = rate
        self.prefix = prefix
        self.clock = clock
        self._script = redis.register_script(_LUA)

    async def hit(self, user_id: int) -> Decision:
        allowed, warn = await self._script(
            keys=[f"{self.prefix}:{user_id}"], args=[self.burst, self.rate, repr(self.clock())]
        )
        return Decision(bool(int(allowed)), bool(int(warn)))

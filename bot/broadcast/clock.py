"""Time for sending: a monotonic clock and a sleep, injectable.

Production uses real time. Tests use :class:`VirtualTime` (sleeping advances the clock at
once, so nothing waits in real time); the benchmark uses :class:`ScaledTime` (every
duration is divided by a factor, so 400 s of Telegram time pass in 20 s).
"""

from __future__ import annotations

import asyncio
import time
from typing import Protocol


class SendTime(Protocol):
    """What the limiter and the worker need of time (the three below, or a test's own)."""

    def monotonic(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class RealTime:
    factor = 1.0

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(seconds, 0.0))


class ScaledTime(RealTime):
    """``factor`` times faster than real time (seconds here are scaled seconds)."""

    def __init__(self, factor: float) -> None:
        self.factor = float(factor)
        self._origin = time.monotonic()

    def monotonic(self) -> float:
        return (time.monotonic() - self._origin) * self.factor

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(seconds, 0.0) / self.factor)


class VirtualTime(RealTime):
    """A clock that only moves when someone sleeps: ``sleep(d)`` advances it by ``d``."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.slept = 0.0

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        seconds = max(seconds, 0.0)
        self.now += seconds
        self.slept += seconds
        await asyncio.sleep(0)

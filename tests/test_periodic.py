"""bot.periodic.Periodic: a stop right after a wake ends the loop (Python 3.11's wait_for
swallowed that cancel, and the broadcast worker's shutdown hung for its idle interval)."""

from __future__ import annotations

import asyncio

from bot.periodic import Periodic


async def test_stop_right_after_wake_ends_the_loop() -> None:
    passes: list[int] = []

    async def step() -> float:
        passes.append(1)
        await asyncio.sleep(0)
        return 3600.0

    loop = Periodic(step, "test-loop")
    loop.start()
    for _ in range(5):
        await asyncio.sleep(0)
    assert passes == [1]  # idle now, till a wake
    loop.wake()
    async with asyncio.timeout(2.0):
        await loop.stop()
    assert not loop.running
    assert passes == [1]  # the cancel was not taken for the wake-up: no pass after stop()


async def test_wake_cuts_the_sleep_short_and_a_failing_pass_is_retried() -> None:
    calls: list[str] = []

    async def step() -> float | None:
        calls.append("pass")
        if len(calls) == 2:
            raise RuntimeError("one bad row")
        return 3600.0

    loop = Periodic(step, "test-loop", interval=0.01)
    loop.start()
    await asyncio.sleep(0)
    loop.wake()  # second pass at once; it fails and the third comes after the interval
    for _ in range(100):
        if len(calls) >= 3:
            break
        await asyncio.sleep(0.01)
    await loop.stop()
    assert calls == ["pass"] * 3

"""One helper for every background loop (outbox delivery, broadcasts, reminders, log flush).

``Periodic(step, name)``: ``await step()`` runs once per pass and returns how many seconds
to sleep before the next one (``None``: the default interval). ``wake()`` cuts a sleep
short, so new work starts at once. A failing pass is logged and retried after the
interval: a background loop must never die of one bad row.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

Step = Callable[[], Awaitable[float | None]]


class Periodic:
    def __init__(self, step: Step, name: str, *, interval: float = 60.0, min_sleep: float = 0.0) -> None:
        self._step = step
        self.name = name
        self.interval = interval
        self.min_sleep = min_sleep
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        if not self.running:
            self._task = asyncio.create_task(self._run(), name=self.name)

    def wake(self) -> None:
        self._wake.set()

    async def stop(self, timeout: float | None = None) -> None:
        """Cancel the loop; with ``timeout``, first let the pass in progress finish."""
        task, self._task = self._task, None
        if task is None:
            return
        if timeout is not None:
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(asyncio.shield(task), timeout)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def _run(self) -> None:
        while True:
            try:
                delay = await self._step()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - logged; the next pass retries
                log.exception("%s: pass failed", self.name)
                delay = None
            delay = self.interval if delay is None else max(delay, self.min_sleep)
            if delay > 0:
                # Not wait_for: on Python 3.11 it can swallow a cancel that lands as the event is
                # set (stop() right after wake()); the loop then runs on instead of ending.
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(delay):
                        await self._wake.wait()
            self._wake.clear()

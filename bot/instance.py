"""One bot process per database, enforced.

One process serves far more updates than Telegram lets a bot send, and every guarantee
the bot gives (exactly-once broadcasts, inquiry cards posted once, the roles cache) assumes
it is alone with its database. A second ``python -m bot`` on the same ``DATABASE_PATH``
(say, one started by hand while systemd runs another) is refused at once.

The lock is ``flock`` on ``<DATABASE_PATH>.lock``: the kernel releases it when the process
dies, however it dies, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class AlreadyRunning(Exception):
    """``str()`` is the one line the operator sees."""


class InstanceLock:
    def __init__(self, database_path: str | Path) -> None:
        self.path = Path(f"{database_path}.lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise AlreadyRunning(
                f"another bot process (pid {holder}) is already running on DATABASE_PATH={self.path.with_suffix('')}; "
                "stop it first (systemctl stop mmit-office-bot, or kill that pid) - one process per database"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
